"""GDELT 2.0 event rows: one event as the 61 tab-separated columns of GDELT's event files.

Reads relations (`Event` records), what is known of their articles (URL or file, publication date,
outlet), the gazetteer and the CAMEO actor scheme (`data/gdelt/`); writes rows as GDELT writes them: no
header, integer columns always filled, blank for what this project does not know (tone, places). As in GDELT,
an event reported by several articles is one row (`kg.grouping`), read from its first report, with the
counts of every report (NumMentions, NumSources, NumArticles).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.grouping import article_outlet, group_relations, to_report
from kg.records import ActorKind, CameoActorScheme, DatePrecision, Event, Gazetteer, GroupedEvent

__all__ = [
    "GDELT_COLUMNS",
    "GDELT_ID_OFFSET",
    "GdeltSource",
    "GdeltActor",
    "GdeltContext",
    "to_gdelt_sources",
    "to_gdelt_row",
    "to_gdelt_rows",
    "to_gdelt_event_rows",
    "gdelt_event_id",
    "gdelt_actor",
    "format_dateadded",
]

# The 61 columns of a GDELT 2.0 event record, in order (GDELT 2.0 event codebook).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{prefix}Geo_{field}" for prefix in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
# Our event ids are GDELT_ID_OFFSET plus 52 bits of a hash of the relation's identity: stable from one export
# to the next, above GDELT's own ids (which count up from 1), and exact in an int64 and in a double.
GDELT_ID_OFFSET = 2**52
# Sentences 0 and 1: the title and the first sentence of the body, our stand-in for GDELT's lead paragraph.
LEAD_SENTENCES = 2
_NO_PLACE = "0"  # Geo_Type 0: no location, as GDELT writes it


@dataclass(frozen=True)
class GdeltSource:
    """What the rows of an article take from it: SOURCEURL, its publication day (None when unknown), and its
    outlet (NumSources; empty: the article is an outlet of its own)."""

    url: str
    day: dt.date | None
    outlet: str = ""


@dataclass(frozen=True)
class GdeltActor:
    """An actor in GDELT's columns: CAMEO code, name (upper-case ASCII), country, known group and type."""

    code: str
    name: str
    country: str
    known_group: str
    type: str


@dataclass(frozen=True)
class GdeltContext:
    """Everything a row needs beside its relation. `added` is the build's time (DATEADDED, and the event day
    of a relation whose article has no known day either)."""

    sources: Mapping[str, GdeltSource]
    added: dt.datetime
    gazetteer: Gazetteer
    scheme: CameoActorScheme


def to_gdelt_sources(articles: Iterable[dict[str, Any]], *, folder: Path) -> dict[str, GdeltSource]:
    """Each article record's SOURCEURL (its URL, else its file as an absolute `file:` URI, a relative path
    taken from `folder`), its publication day when the date is known to the day, and its outlet
    (`kg.grouping.article_outlet`)."""
    sources = {}
    for record in articles:
        url = record.get("url") or (folder / record["path"]).resolve().as_uri()
        known = record.get("date") and record.get("date_precision") == DatePrecision.DAY
        day = dt.date.fromisoformat(record["date"]) if known else None
        sources[record["id"]] = GdeltSource(url, day, article_outlet(record))
    return sources


def to_gdelt_event_rows(relations: Sequence[Event], *, context: GdeltContext) -> Iterator[list[list[str]]]:
    """The GDELT rows of the events the relations report (`kg.grouping`), one event after the other in the order
    of their first report: each event's rows are its first report's (`to_gdelt_rows`), with its counts."""
    outlets = {article: source.outlet for article, source in context.sources.items() if source.outlet}
    reports = [to_report(relation, outlets=outlets) for relation in relations]
    first_reports = {report.relation: relation for report, relation in zip(reports, relations, strict=True)}
    for event in group_relations(reports):
        yield to_gdelt_rows(first_reports[event.relations[0]], context=context, grouped=event)


def to_gdelt_rows(event: Event, *, context: GdeltContext, grouped: GroupedEvent | None = None) -> list[list[str]]:
    """A relation's GDELT rows: one, or two for a symmetric relation ("A and B met": GDELT's events are
    directed, so A met B and B met A), the second with its own id. `grouped`: the event it is the first report
    of, whose counts the rows take (else the relation's own: its evidence sentences, one source, one article)."""
    rows = [to_gdelt_row(event, context=context, grouped=grouped)]
    if event.symmetric:
        swapped = replace(event, source=event.target, target=event.source, source_actor=event.target_actor,
                          target_actor=event.source_actor, source_role=event.target_role,
                          target_role=event.source_role)  # fmt: skip
        rows.append(to_gdelt_row(swapped, context=context, reverse_of=event, grouped=grouped))
    return rows


def to_gdelt_row(
    event: Event, *, context: GdeltContext, reverse_of: Event | None = None, grouped: GroupedEvent | None = None
) -> list[str]:
    """One relation as GDELT 2.0 event columns, in `GDELT_COLUMNS` order (`reverse_of`: the symmetric relation
    this row reads the other way; `grouped`: the event whose counts the row gives)."""
    source = context.sources.get(event.article, GdeltSource("", None))
    day = _event_day(event, source, context.added)
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row |= {
        "GLOBALEVENTID": str(gdelt_event_id(reverse_of or event, reverse=reverse_of is not None)),
        "SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": str(day.year),
        "FractionDate": _fraction_date(day),
    }  # fmt: skip
    for number, side in ((1, "source"), (2, "target")):
        actor = gdelt_actor(getattr(event, f"{side}_actor") or getattr(event, side), getattr(event, side), day=day,
                            gazetteer=context.gazetteer, scheme=context.scheme,
                            role=getattr(event, f"{side}_role"))  # fmt: skip
        row |= {f"Actor{number}Code": actor.code, f"Actor{number}Name": actor.name,
                f"Actor{number}CountryCode": actor.country, f"Actor{number}KnownGroupCode": actor.known_group,
                f"Actor{number}Type1Code": actor.type, f"Actor{number}Geo_Type": _NO_PLACE}  # fmt: skip
    sub = event.sub or event.cameo
    sentences = [evidence.sentence for evidence in event.evidences]
    row |= {
        "IsRootEvent": "1" if sentences and min(sentences) < LEAD_SENTENCES else "0",
        "EventCode": sub, "EventBaseCode": sub[:3], "EventRootCode": event.cameo[:2],
        "QuadClass": str(int(event.quadclass)), "GoldsteinScale": str(float(event.goldstein)),
        **_counts(grouped, mentions=len(sentences) or 1),
        "ActionGeo_Type": _NO_PLACE, "DATEADDED": format_dateadded(context.added), "SOURCEURL": source.url,
    }  # fmt: skip
    return [row[column] for column in GDELT_COLUMNS]


def gdelt_event_id(event: Event, *, reverse: bool = False) -> int:
    """A GLOBALEVENTID from what makes a relation one (as its IRI in the graph): the same relation gets the
    same id in every export, two relations different ids; `reverse`: the id of a symmetric relation's second
    row."""
    from kg.vocab import relation_iri  # rdflib: loaded when a GDELT export is written, not with the CLI

    iri = relation_iri(event.article, event.source, event.target, event.sub or event.cameo, str(event.mode),
                       event.symmetric)  # fmt: skip
    digest = hashlib.sha256(f"{iri}{'#reverse' if reverse else ''}".encode()).digest()
    return GDELT_ID_OFFSET + int.from_bytes(digest[:8], "big") % GDELT_ID_OFFSET


def gdelt_actor(
    actor_id: str, state: str, *, day: dt.date, gazetteer: Gazetteer, scheme: CameoActorScheme, role: str | None = None
) -> GdeltActor:
    """An actor (`actor_id`, acting for `state`) in CAMEO's actor scheme: a state is its code; a world body
    or a group is coded as `data/gdelt/actors.tsv` says ("IGOUNO", known group "UNO", no country); a person
    takes the code of the body they act for, plus the CAMEO type of the office they hold on `day` ("RUSGOV");
    a body a description names takes the type of its `role` ("l'armée russe": "RUSMIL")."""
    actor = gazetteer.actors.get(actor_id) or gazetteer.actors.get(state)
    name = _gdelt_name(actor.label_en if actor else actor_id)
    body = scheme.actors.get(state)
    code, country = (body.code, body.country) if body else (state, state)
    known_group, kind = (body.known_group, body.type) if body else ("", "")
    if actor is not None and actor.kind is ActorKind.PERSON and not kind:
        held = [office for office in gazetteer.offices if office.person == actor.id and office.holds_on(day)]
        kind = scheme.role_types.get(held[0].role, "") if held else ""
        code += kind
    elif role is not None and not kind and scheme.role_types.get(role):
        kind = scheme.role_types[role]
        code += kind
    return GdeltActor(code, name, country, known_group, kind)


def format_dateadded(moment: dt.datetime) -> str:
    """DATEADDED: YYYYMMDDHHMMSS in UTC."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")


def _event_day(event: Event, source: GdeltSource, added: dt.datetime) -> dt.date:
    """The relation's date when known to the day, else its article's publication day, else the build's."""
    if event.date and event.date_precision == DatePrecision.DAY:
        return dt.date.fromisoformat(event.date)
    return source.day or added.astimezone(dt.UTC).date()


def _counts(grouped: GroupedEvent | None, *, mentions: int) -> dict[str, str]:
    """NumMentions, NumSources, NumArticles: the event's, else one relation's (its sentences, once, once)."""
    if grouped is None:
        return {"NumMentions": str(mentions), "NumSources": "1", "NumArticles": "1"}
    return {"NumMentions": str(grouped.num_mentions), "NumSources": str(grouped.num_sources),
            "NumArticles": str(grouped.num_articles)}  # fmt: skip


def _gdelt_name(label: str) -> str:
    """A name as GDELT writes it: upper-case ASCII ("António Guterres" -> "ANTONIO GUTERRES")."""
    decomposed = unicodedata.normalize("NFKD", label)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).upper()


def _fraction_date(day: dt.date) -> str:
    # The codebook says (MONTH * 30 + DAY) / 365, but GDELT's files count the months before: 20160701 is 2016.4959.
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"
