"""Events across articles: relations of several articles that report the same act grouped into one event, with
GDELT's counts (NumMentions, NumSources, NumArticles)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from rdflib import Graph

import kg
from kg.exports import GDELT_COLUMNS
from kg.grouping import DATE_WINDOW_DAYS, article_outlet, group_relations, to_report
from kg.query import load_named_queries, to_text
from kg.records import Article, ArticleDate, DatePrecision, Evidence, Mode, RelationReport, TextPiece
from kg.render import read_details
from kg.resources import ontology_path
from kg.store import open_store, refresh_events, write_graph
from kg.store.model import OX_KG, OX_RDF, article_to_graph
from kg.validation import validate_store
from kg.vocab import ONTOLOGY_GRAPH, actor_iri, event_iri

from helpers import coded_event, reference_store, run_kg

SUMMIT = Evidence("Les deux dirigeants se sont rencontrés.", 7, 46, "rencontrés", 36, 46, 1)
AGAIN = Evidence("Leur rencontre a duré trois heures.", 47, 82, "rencontre", 52, 61, 3)
OUTLETS = {"tribune": "La Tribune du Nord", "courrier": "Le Courrier des Fjords", "echo": "La Tribune du Nord"}


def report(article: str, code: str = "040", *, date: str | None = "2024-03-04", source: str = "NOR",
           target: str = "SWE", symmetric: bool = True, mode: Mode = Mode.ASSERTED,
           evidence: tuple[Evidence, ...] = (SUMMIT,)) -> RelationReport:  # fmt: skip
    """A relation of `article` (meeting NOR and SWE by default) as grouping reads it."""
    relation = coded_event(article, source, target, code, evidence[0], date=date, mode=mode, symmetric=symmetric)
    return to_report(dataclasses.replace(relation, evidences=evidence), outlets=OUTLETS)


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


# In the graph ---------------------------------------------------------------------------------------------------

PAGE = "Titre\n\nLes deux dirigeants se sont rencontrés. Leur rencontre a duré trois heures.\n"


def news(article_id: str, day: dt.date, *, publisher: str | None = None, url: str | None = None) -> Article:
    return Article(article_id, f"{article_id}.txt", "Titre", PAGE, PAGE, (TextPiece(0, len(PAGE), 0, len(PAGE)),),
                   lang="fr", date=ArticleDate(day, DatePrecision.DAY, "metadata"), url=url,
                   source=publisher)  # fmt: skip


@pytest.fixture
def meeting_store(tmp_path: Path) -> Path:
    """A store of three articles: two outlets report the meeting of Norway and Sweden on the 4th and 5th of
    March (the second in two sentences, naming Sweden first), one the same pair meeting again in April."""
    store = reference_store(tmp_path)
    reports = [
        (news("tribune", dt.date(2024, 3, 4), publisher="La Tribune du Nord"),
         [coded_event("tribune", "NOR", "SWE", "040", SUMMIT, symmetric=True, date="2024-03-04")]),
        (news("courrier", dt.date(2024, 3, 5), url="https://www.courrier.example/fjords"),
         [dataclasses.replace(coded_event("courrier", "SWE", "NOR", "040", SUMMIT, symmetric=True,
                                          date="2024-03-05"), evidences=(SUMMIT, AGAIN)),
          coded_event("courrier", "NOR", "SWE", "111", AGAIN, date="2024-03-05")]),
        (news("avril", dt.date(2024, 4, 9), publisher="La Tribune du Nord"),
         [coded_event("avril", "NOR", "SWE", "040", SUMMIT, symmetric=True, date="2024-04-09")]),
    ]  # fmt: skip
    for article, relations in reports:
        write_graph(store, article_to_graph(article, relations))
    write_graph(store, Graph(identifier=ONTOLOGY_GRAPH).parse(ontology_path()))
    refresh_events(store)
    store.flush()
    del store
    return tmp_path


def test_grouping_events_are_in_the_graph_linked_to_their_relations(meeting_store: Path) -> None:
    graph = kg.open(meeting_store)
    rows = graph.query(
        "SELECT ?event ?mentions ?sources ?articles ?first ?last (COUNT(DISTINCT ?relation) AS ?relations) "
        "WHERE { ?event a kg:Event ; kg:eventSource actor:NOR ; kg:eventTarget actor:SWE ; "
        "kg:eventCode cameo:040 ; kg:eventMode kg:asserted ; kg:numMentions ?mentions ; kg:numSources ?sources ; "
        "kg:numArticles ?articles ; kg:firstDay ?first ; kg:lastDay ?last . ?relation kg:partOfEvent ?event } "
        "GROUP BY ?event ?mentions ?sources ?articles ?first ?last ORDER BY ?first"
    )
    assert [(int(row["mentions"]), int(row["sources"]), int(row["articles"]), str(row["first"]), str(row["last"]),
             int(row["relations"])) for row in rows] == [(3, 2, 2, "2024-03-04", "2024-03-05", 2),
                                                         ]  # fmt: skip
    # The article-level relations stay in their articles' graphs, each linked to its event (an event of one
    # relation, April's meeting, has no node: the relation stands for it).
    linked = graph.query("SELECT ?article WHERE { GRAPH ?g { ?relation kg:source ?s ; prov:wasDerivedFrom ?a . "
                         "?a schema:identifier ?article } ?relation kg:partOfEvent ?event . "
                         "?event kg:reportedIn ?a }")  # fmt: skip
    assert sorted(str(row["article"]) for row in linked) == ["courrier", "tribune"]


def test_grouping_events_query_lists_events_with_their_counts(meeting_store: Path) -> None:
    rows = kg.open(meeting_store).query(load_named_queries()["events"].text)
    assert [(to_text(row["source"]), to_text(row["target"]), str(row["code"]), str(row["mode"]), int(row["mentions"]),
             int(row["sources"]), int(row["articles"])) for row in rows] == [
        ("actor:NOR", "actor:SWE", "040", "asserted", 3, 2, 2),
        ("actor:NOR", "actor:SWE", "111", "asserted", 1, 1, 1),
        ("actor:NOR", "actor:SWE", "040", "asserted", 1, 1, 1),
    ]  # fmt: skip
    assert str(rows[0]["label"]) == "Consult" and str(rows[0]["firstDay"]) == "2024-03-04"


def test_grouping_an_event_of_one_relation_has_no_node_and_queries_list_it_as_grouped(meeting_store: Path) -> None:
    # The default graph keeps a node only for an event of several relations; an event of one relation is read from the
    # relation itself: the events query and the page's query answer every event as grouping made it (its IRI,
    # actors in code order when symmetric, days, counts).
    store = open_store(meeting_store)
    june = news("juin", dt.date(2024, 6, 2))
    write_graph(store, article_to_graph(june, [coded_event("juin", "SWE", "NOR", "057", SUMMIT, symmetric=True,
                                                               date="2024-06")]))  # fmt: skip
    events = refresh_events(store)
    single = [event for event in events if len(event.relations) == 1]
    assert len(single) == 3 and len(events) == 4
    nodes = {quad.subject.value for quad in store.quads_for_pattern(None, OX_RDF.type, OX_KG.Event, None)}
    assert nodes == {str(event_iri(event.id)) for event in events if len(event.relations) > 1}
    graph = kg.store.KnowledgeGraph(meeting_store, store)

    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    listed = [(row["event"], row["source"], row["target"], row["code"], row["mode"], row["firstDay"], row["lastDay"],
               row["mentions"], row["sources"], row["articles"])
              for row in graph.query_values(load_named_queries()["events"].text)]  # fmt: skip
    assert sorted(listed) == sorted(
        (str(event_iri(event.id)), str(actor_iri(event.source)), str(actor_iri(event.target)), event.code,
         str(event.mode), day(event.first_day), day(event.last_day), str(event.num_mentions),
         str(event.num_sources), str(event.num_articles)) for event in events)  # fmt: skip
    assert ("NOR", "SWE", "057") in {(event.source, event.target, event.code) for event in single}  # stated SWE-NOR
    relations = [relation for event in events for relation in event.relations]
    page = read_details(graph, page_dir=meeting_store, relations=relations).events  # what the page reads
    linked = [(relation, counts.id, counts.first_day or None, counts.last_day or None, counts.num_mentions,
               counts.num_sources, counts.num_articles) for relation, counts in page.items()]  # fmt: skip
    assert sorted(linked) == sorted(
        (relation, str(event_iri(event.id)), day(event.first_day), day(event.last_day), event.num_mentions,
         event.num_sources, event.num_articles) for event in events for relation in event.relations
    )  # fmt: skip


def test_grouping_events_graph_conforms_to_the_shapes(meeting_store: Path) -> None:
    report = validate_store(open_store(meeting_store, read_only=True))
    assert report.conforms, report


# A build ---------------------------------------------------------------------------------------------------------

MEETING_ARTICLES = {
    "sommet-a": "La Norvège et la Suède signent un accord sur la pêche\n\n"
                "La Norvège et la Suède ont signé mardi un accord sur la pêche en mer du Nord.\n",
    "sommet-b": "Oslo et Stockholm s'entendent sur la pêche\n\n"
                "La Suède et la Norvège ont signé un accord sur la pêche, a annoncé mercredi le gouvernement "
                "suédois.\n",
    "plus-tard": "Nouvel accord entre la Norvège et la Suède\n\n"
                 "La Norvège et la Suède ont signé un accord sur l'énergie.\n",
}  # fmt: skip
MEETING_METADATA = (
    "id\tdate\tsource\turl\n"
    "sommet-a\t2024-03-05\tLa Gazette du Nord\thttps://gazette.example/peche\n"
    "sommet-b\t2024-03-06\tLe Courrier des Fjords\thttps://courrier.example/peche\n"
    "plus-tard\t2024-05-20\tLa Gazette du Nord\thttps://gazette.example/energie\n"
)


@pytest.fixture(scope="module")
def meeting_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two outlets report one agreement of Norway and Sweden a day apart; one of them a new agreement in May."""
    folder = tmp_path_factory.mktemp("meeting")
    for name, text in MEETING_ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "metadata.tsv").write_text(MEETING_METADATA, encoding="utf-8")
    result = run_kg("build", str(folder), "-o", str(folder / "out"))
    assert result.returncode == 0, result.stderr
    return folder / "out"


@pytest.mark.model
def test_grouping_build_writes_the_events_of_two_articles_reporting_one_agreement(meeting_build: Path) -> None:
    events = [json.loads(line) for line in (meeting_build / "events.jsonl").read_text("utf-8").splitlines()]
    fields = ("first_date", "last_date", "num_mentions", "num_sources", "num_articles", "articles")
    agreements = sorted(tuple(event[name] for name in fields) for event in events if event["sub"] == "057")
    # sommet-a says it in its title and its first sentence, sommet-b in its first sentence: 3 mentions
    assert agreements == [("2024-03-05", "2024-03-06", 3, 2, 2, ["sommet-a", "sommet-b"]),
                          ("2024-05-20", "2024-05-20", 2, 1, 1, ["plus-tard"])]  # fmt: skip
    relations = (meeting_build / "relations.jsonl").read_text("utf-8").splitlines()
    assert len(relations) == sum(len(event["relations"]) for event in events)  # every relation in one event


@pytest.mark.model
def test_grouping_build_puts_the_same_events_in_the_graph_and_the_gdelt_export(meeting_build: Path) -> None:
    rows = kg.open(meeting_build).query(load_named_queries()["events"].text)
    agreements = [(int(row["mentions"]), int(row["sources"]), int(row["articles"])) for row in rows
                  if str(row["code"]) == "057"]  # fmt: skip
    assert agreements == [(3, 2, 2), (2, 1, 1)]
    exported = run_kg("export", "events", str(meeting_build), "--format", "gdelt")
    assert exported.returncode == 0, exported.stderr
    columns = {name: index for index, name in enumerate(GDELT_COLUMNS)}
    counts = sorted((row[columns["SQLDATE"]], row[columns["Actor1Code"]], row[columns["NumMentions"]],
                     row[columns["NumSources"]], row[columns["NumArticles"]], row[columns["SOURCEURL"]])
                    for row in (line.split("\t") for line in exported.stdout.splitlines())
                    if row[columns["EventCode"]] == "057")  # fmt: skip
    assert counts == [
        ("20240305", "NOR", "3", "2", "2", "https://gazette.example/peche"),  # the first report's day and URL
        ("20240305", "SWE", "3", "2", "2", "https://gazette.example/peche"),  # the other way (symmetric)
        ("20240520", "NOR", "2", "1", "1", "https://gazette.example/energie"),
        ("20240520", "SWE", "2", "1", "1", "https://gazette.example/energie"),
    ]
