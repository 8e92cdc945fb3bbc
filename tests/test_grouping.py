"""Events across articles: relations of several articles that report the same act grouped into one event, with
GDELT's counts (NumMentions, NumSources, NumArticles)."""

from __future__ import annotations

import datetime as dt

from kg.grouping import DATE_WINDOW_DAYS, article_outlet, group_relations, to_report
from kg.outputs import to_event_record
from kg.records import Evidence, Mode, RelationReport

from helpers import coded_event

SUMMIT = Evidence("Les deux dirigeants se sont rencontrés.", 7, 46, "rencontrés", 36, 46, 1)
AGAIN = Evidence("Leur rencontre a duré trois heures.", 47, 82, "rencontre", 52, 61, 3)
OUTLETS = {"tribune": "La Tribune du Nord", "courrier": "Le Courrier des Fjords", "echo": "La Tribune du Nord"}


def report(article: str, code: str = "040", *, date: str | None = "2024-03-04", source: str = "NOR",
           target: str = "SWE", symmetric: bool = True, mode: Mode = Mode.ASSERTED,
           evidence: tuple[Evidence, ...] = (SUMMIT,)) -> RelationReport:  # fmt: skip
    """A relation of `article` (meeting NOR and SWE by default) as grouping reads it from `relations.jsonl`."""
    relation = coded_event(article, source, target, code, evidence[0], date=date, mode=mode, symmetric=symmetric)
    record = to_event_record(relation) | {"evidences": [{"sentence": each.sentence} for each in evidence]}
    return to_report(record, outlets=OUTLETS)


def test_grouping_two_articles_reporting_one_meeting_on_close_dates_are_one_event() -> None:
    first = report("tribune", date="2024-03-04", evidence=(SUMMIT, AGAIN))
    second = report("courrier", date="2024-03-05", source="SWE", target="NOR")  # "B met A" is "A met B"
    (event,) = group_relations([first, second])
    assert (event.source, event.target, event.code, event.mode, event.symmetric) == ("NOR", "SWE", "040",
                                                                                      Mode.ASSERTED, True)  # fmt: skip
    assert event.relations == (first.relation, second.relation)
    assert (event.first_day, event.last_day) == (dt.date(2024, 3, 4), dt.date(2024, 3, 5))
    assert (event.num_mentions, event.num_sources, event.num_articles) == (3, 2, 2)
    assert event.articles == ("tribune", "courrier")
    assert event.outlets == ("La Tribune du Nord", "Le Courrier des Fjords")


def test_grouping_counts_an_outlet_once_and_an_article_once() -> None:
    reports = [report("tribune"), report("echo", date="2024-03-06"), report("courrier", date="2024-03-07")]
    (event,) = group_relations(reports)
    assert (event.num_mentions, event.num_sources, event.num_articles) == (3, 2, 3)  # tribune and echo: one outlet


def test_grouping_dates_further_apart_than_the_window_are_two_events() -> None:
    later = (dt.date(2024, 3, 4) + dt.timedelta(days=DATE_WINDOW_DAYS + 1)).isoformat()
    events = group_relations([report("tribune"), report("courrier", date=later)])
    assert [event.articles for event in events] == [("tribune",), ("courrier",)]
    assert all(event.num_articles == 1 for event in events)


def test_grouping_an_event_spans_at_most_the_window_from_its_first_day() -> None:
    # Daily reports chain forever when each is compared with the one before: the window counts from the first.
    days = [f"2024-03-{day:02d}" for day in (1, 2, 3, 4, 5, 6)]
    events = group_relations([report(f"a{index}", date=day) for index, day in enumerate(days)])
    assert [(event.first_day, event.last_day) for event in events] == [
        (dt.date(2024, 3, 1), dt.date(2024, 3, 4)), (dt.date(2024, 3, 5), dt.date(2024, 3, 6))]  # fmt: skip


def test_grouping_other_codes_modes_directions_or_symmetry_are_other_events() -> None:
    reports = [
        report("tribune"),
        report("courrier", "042"),  # another CAMEO code
        report("echo", mode=Mode.HYPOTHETICAL),  # a planned meeting is not the meeting
        report("a", "042", symmetric=False),  # NOR visits SWE...
        report("b", "042", symmetric=False, source="SWE", target="NOR"),  # ...is not SWE visiting NOR
    ]
    assert [event.num_articles for event in group_relations(reports)] == [1, 1, 1, 1, 1]


def test_grouping_relations_not_dated_to_the_day_are_events_of_their_own() -> None:
    reports = [report("tribune", date=None), report("courrier", date=None), report("echo", date="2024-03"),
               report("a", date="2024-03")]  # fmt: skip
    events = group_relations(reports)
    assert [event.articles for event in events] == [("tribune",), ("courrier",), ("echo",), ("a",)]
    assert all(event.first_day is None for event in events)


def test_grouping_keeps_the_order_of_first_reports_and_names_events_stably() -> None:
    reports = [report("tribune", "111", source="SWE", target="NOR", symmetric=False), report("courrier"),
               report("echo", date="2024-03-03")]  # fmt: skip
    events = group_relations(reports)
    assert [event.code for event in events] == ["111", "040"]
    assert events[1].relations[0] == reports[2].relation  # the first report is the earliest one
    assert [event.id for event in group_relations(reversed(reports))] == [events[1].id, events[0].id]
    assert len({event.id for event in events}) == 2


def test_grouping_an_article_without_outlet_counts_as_its_own_outlet() -> None:
    assert article_outlet({"id": "x", "source": "Le Soir"}) == "Le Soir"
    assert article_outlet({"id": "x", "url": "https://www.example.org/a/b"}) == "example.org"
    assert article_outlet({"id": "x", "url": None}) == "x"
    events = group_relations([report("unknown1"), report("unknown2")])
    assert events[0].num_sources == 2


def test_grouping_nothing_is_no_event() -> None:
    assert group_relations([]) == []
