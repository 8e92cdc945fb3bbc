"""Events across articles: the article-level relations that report the same act, grouped into one event.

Reads `RelationReport`s (made here from relations, `Event` records, or by `kg.store` from the graph); gives
`GroupedEvent`s with GDELT's counts: NumMentions (evidence sentences), NumSources (distinct outlets) and
NumArticles (distinct articles). Pure transforms: no files, no store.

Two relations are one event when they have the same source and target (in either order when symmetric: "A and
B met" is "B and A met"), the same CAMEO code, mode and symmetry, and dates known to the day at most
`DATE_WINDOW_DAYS` days after the event's first day (relations taken in date order, each joining the event of
the ones before it while that window holds, else starting the next event: an event spans at most the window,
however many reports follow each other). A relation whose day is not known (no date, or only a month or a
year) is an event of its own: nothing tells that it reports the same act as another.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from kg.records import DatePrecision, Event, GroupedEvent, Mode, RelationReport

__all__ = [
    "DATE_WINDOW_DAYS",
    "event_id",
    "group_relations",
    "article_outlet",
    "outlet_of",
    "to_report",
    "to_grouped_event_record",
]

# Reports of one act within three days of its first report are the same event: a meeting reported the day it
# happens, the next morning, or in a weekly round-up's first days. The same dyad doing the same thing again a
# week later is another event.
DATE_WINDOW_DAYS = 3

_Key = tuple[str, str, str, Mode, bool]


def group_relations(reports: Iterable[RelationReport]) -> list[GroupedEvent]:
    """The events the relations report, in the order of their first report among `reports`."""
    order: dict[str, int] = {}
    by_key: dict[_Key, list[RelationReport]] = {}
    for index, report in enumerate(reports):
        order.setdefault(report.relation, index)
        by_key.setdefault(_key(report), []).append(report)
    events = []
    for key, members in by_key.items():
        events += [_event(key, [report]) for report in members if report.day is None]
        dated = sorted((report for report in members if report.day is not None), key=_chronological)
        events += [_event(key, run) for run in _runs(dated)]
    return sorted(events, key=lambda event: min(order[relation] for relation in event.relations))


def article_outlet(record: Mapping[str, Any]) -> str:
    """The outlet of an article record (`articles.jsonl`): see `outlet_of`."""
    return outlet_of(source=record.get("source"), url=record.get("url"), article=str(record["id"]))


def outlet_of(*, source: str | None, url: str | None, article: str) -> str:
    """Who published an article, for NumSources: its `source` metadata ("Le Monde"), else its URL's host
    ("lemonde.fr"), else the article itself (an article of unknown outlet counts as an outlet of its own)."""
    if source and source.strip():
        return source.strip()
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return article


def to_report(relation: Event, *, outlets: Mapping[str, str]) -> RelationReport:
    """What grouping reads of a relation (an `Event` record, as `relations.jsonl` holds them); `outlets` maps
    article ids to outlets (an article missing from it is its own outlet)."""
    from kg.vocab import relation_iri  # rdflib: loaded by whoever groups, not with the CLI

    code = relation.sub or relation.cameo
    iri = relation_iri(relation.article, relation.source, relation.target, code, str(relation.mode),
                       relation.symmetric)  # fmt: skip
    day = relation.date if relation.date and relation.date_precision == DatePrecision.DAY else None
    return RelationReport(
        str(iri), relation.article, outlets.get(relation.article) or relation.article, relation.source,
        relation.target, code, Mode(relation.mode), relation.symmetric,
        dt.date.fromisoformat(day) if day else None, len(relation.evidences) or 1,
    )  # fmt: skip


def to_grouped_event_record(event: GroupedEvent) -> dict[str, Any]:
    """An event as one line of `events.jsonl`."""
    return {
        "id": event.id, "source": event.source, "target": event.target, "cameo": event.code[:2],
        "sub": event.code, "mode": str(event.mode), "symmetric": event.symmetric,
        "first_date": event.first_day.isoformat() if event.first_day else None,
        "last_date": event.last_day.isoformat() if event.last_day else None,
        "num_mentions": event.num_mentions, "num_sources": event.num_sources, "num_articles": event.num_articles,
        "articles": list(event.articles), "outlets": list(event.outlets), "relations": list(event.relations),
    }  # fmt: skip


def _key(report: RelationReport) -> _Key:
    source, target = report.source, report.target
    if report.symmetric:
        source, target = sorted((source, target))
    return source, target, report.code, report.mode, report.symmetric


def _chronological(report: RelationReport) -> tuple[dt.date, str, str]:
    return report.day or dt.date.min, report.article, report.relation


def _runs(dated: list[RelationReport]) -> list[list[RelationReport]]:
    """Reports in date order cut into events: each joins the current event while its day is at most
    `DATE_WINDOW_DAYS` after the event's first day."""
    window = dt.timedelta(days=DATE_WINDOW_DAYS)
    runs: list[list[RelationReport]] = []
    for report in dated:
        if runs and report.day - runs[-1][0].day <= window:  # type: ignore[operator]
            runs[-1].append(report)
        else:
            runs.append([report])
    return runs


def event_id(first_relation: str) -> str:
    """An event's id: a digest of its first report's IRI (an event of one relation is named by that relation)."""
    return hashlib.sha256(first_relation.encode("utf-8")).hexdigest()[:16]


def _event(key: _Key, members: list[RelationReport]) -> GroupedEvent:
    source, target, code, mode, symmetric = key
    days = [report.day for report in members if report.day is not None]
    return GroupedEvent(
        event_id(members[0].relation), source, target, code, mode, symmetric,
        min(days, default=None), max(days, default=None), tuple(report.relation for report in members),
        tuple(dict.fromkeys(report.article for report in members)),
        tuple(dict.fromkeys(report.outlet for report in members)), sum(report.mentions for report in members),
    )  # fmt: skip
