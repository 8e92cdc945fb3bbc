"""The build, incremental to the end: unchanged input files are not read again, a build with nothing to do writes
nothing but its manifest, a changed file is analysed again and a removed one's relations go."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rdflib.compare import isomorphic

import kg.ingest
import kg.store
from kg.errors import OutputError
from kg.outputs import parse_article_record, to_article_record
from kg.pipeline import build
from kg.records import Article
from kg.render import PAGE_FILE
from kg.store import article_ids_in_store, open_store
from kg.vocab import EVENTS_GRAPH, KG, SUMMARY_GRAPH

from helpers import store_graphs

# Our own short articles: each names two countries and one act between them.
ARTICLES = {
    "accord.txt": "La France signe un accord avec l'Allemagne\n\n"
    "La France a signé mardi un accord de coopération avec l'Allemagne à Paris.\n",
    "condamnation.txt": "La Russie condamne la Pologne\n\nLa Russie a condamné lundi la Pologne pour ses manœuvres.\n",
    "visite.txt": "Le Japon reçoit la Chine\n\nLe Japon a accueilli jeudi une délégation de la Chine à Tokyo.\n",
}
CHANGED = "La Russie menace la Norvège\n\nLa Russie a menacé vendredi la Norvège de sanctions.\n"
AN_HOUR_AGO_NS = (time.time() - 3600) * 10**9


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The articles, last modified an hour ago (as a corpus is when it is built again)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        os.utime(folder / name, ns=(int(AN_HOUR_AGO_NS), int(AN_HOUR_AGO_NS)))
    return folder


@pytest.fixture
def built(corpus: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    report = build([corpus], out)
    assert len(report.analysed) == len(ARTICLES) and report.events >= len(ARTICLES)
    return out


@pytest.fixture
def files_read(monkeypatch: pytest.MonkeyPatch, corpus: Path) -> list[str]:
    """The names of the corpus files the build opens (by any means) or hands to the article reader."""
    opened: list[str] = []
    real_open, real_reader = io.open, kg.ingest.read_article_file

    def spy_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | Path) and Path(file).parent == corpus:
            opened.append(Path(file).name)
        return real_open(file, *args, **kwargs)

    def spy_reader(path: Path, **kwargs: Any) -> Any:
        opened.append(Path(path).name)
        return real_reader(path, **kwargs)

    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(kg.ingest, "read_article_file", spy_reader)
    return opened


@pytest.fixture
def cleaned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the articles the build cleans (language detection is most of reading's cost)."""
    paths: list[str] = []
    real = kg.ingest.parse_raw_article

    def spy(raw: Any, **kwargs: Any) -> Article:
        paths.append(Path(raw.path).name)
        return real(raw, **kwargs)

    monkeypatch.setattr(kg.ingest, "parse_raw_article", spy)
    return paths


def relations(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "relations.jsonl").read_text(encoding="utf-8").splitlines()]


def mtimes(out: Path) -> dict[str, int]:
    names = ("graph.trig", PAGE_FILE, "articles.jsonl", "mentions.jsonl", "relations.jsonl", "events.jsonl",
             "cooccurrence.jsonl")  # fmt: skip
    return {name: (out / name).stat().st_mtime_ns for name in names}


def spy_summaries(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The dyads each summary refresh is asked for (None: all)."""
    calls: list[object] = []
    real: Callable[..., int] = kg.store.refresh_summaries

    def spy(*args: Any, **kwargs: Any) -> int:
        calls.append(kwargs.get("dyads"))
        return real(*args, **kwargs)

    monkeypatch.setattr(kg.store, "refresh_summaries", spy)
    return calls


def spy_events(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of events each refresh of `graph:events` grouped."""
    calls: list[int] = []
    real: Callable[..., list[Any]] = kg.store.refresh_events

    def spy(*args: Any, **kwargs: Any) -> list[Any]:
        events = real(*args, **kwargs)
        calls.append(len(events))
        return events

    monkeypatch.setattr(kg.store, "refresh_events", spy)
    return calls


def event_lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]


def test_pipeline_article_record_reads_back_as_the_article(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        assert parse_article_record(to_article_record(article), line=article.line) == article


def test_pipeline_noop_rebuild_reads_no_article_file_and_rewrites_nothing(
    built: Path, corpus: Path, files_read: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before, records = mtimes(built), relations(built)
    summaries, events = spy_summaries(monkeypatch), spy_events(monkeypatch)
    report = build([corpus], built)
    assert files_read == []
    assert summaries == [] and events == []
    assert mtimes(built) == before  # graph.trig, the page and the records are those of the last build
    assert report.analysed == () and len(report.reused) == len(ARTICLES) and report.events == len(records)
    assert json.loads((built / "build.json").read_text(encoding="utf-8"))["reused"] == len(ARTICLES)


def test_pipeline_touched_identical_file_is_not_analysed_or_cleaned_again(
    built: Path, corpus: Path, cleaned: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    records, grouped, graph = relations(built), event_lines(built), store_graphs(built)[str(EVENTS_GRAPH)]
    events = spy_events(monkeypatch)
    os.utime(corpus / "accord.txt")  # touched: a new mtime, the same bytes
    report = build([corpus], built)
    assert cleaned == []
    assert report.analysed == () and relations(built) == records
    # The store did not change: its events are not grouped again; events.jsonl is written with relations.jsonl.
    assert events == [] and event_lines(built) == grouped
    assert isomorphic(store_graphs(built)[str(EVENTS_GRAPH)], graph)


def test_pipeline_events_grouped_again_when_the_store_changes_equal_a_full_regrouping(
    built: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = spy_events(monkeypatch)
    (corpus / "condamnation.txt").write_text(CHANGED, encoding="utf-8")
    build([corpus], built)
    (corpus / "visite.txt").unlink()
    build([corpus], built, prune=True)
    assert len(events) == 2
    grouped = {(line["source"], line["target"], line["sub"]) for line in event_lines(built)}
    assert {(line["article"], line["target"]) for line in relations(built)} >= {("condamnation", "NOR")}
    assert not any("JPN" in (source, target) or "POL" in (source, target) for source, target, _ in grouped)
    updated = store_graphs(built)[str(EVENTS_GRAPH)]
    store = open_store(built)
    kg.store.refresh_events(store)  # every relation of the store grouped again
    del store
    assert isomorphic(updated, store_graphs(built)[str(EVENTS_GRAPH)])
    # the events left report the articles left (graph:events keeps a node only for an event of several relations:
    # events.jsonl lists them all)
    assert {article for line in event_lines(built) for article in line["articles"]} == {"accord", "condamnation"}
    reported = {str(node).rsplit("/", 1)[-1] for node in updated.objects(None, KG.reportedIn)}
    assert reported <= {"accord", "condamnation"}


def test_pipeline_changed_file_is_analysed_again_and_only_it(built: Path, corpus: Path, files_read: list[str]) -> None:
    (corpus / "condamnation.txt").write_text(CHANGED, encoding="utf-8")
    report = build([corpus], built)
    assert set(files_read) == {"condamnation.txt"}
    assert [Path(article).stem for article in report.analysed] == ["condamnation"]
    targets = {(record["article"], record["target"]) for record in relations(built)}
    assert ("condamnation", "NOR") in targets and ("condamnation", "POL") not in targets
    assert {article for article, _ in targets} == {"accord", "condamnation", "visite"}


def test_pipeline_removed_file_relations_go_without_reading_the_others(
    built: Path, corpus: Path, files_read: list[str]
) -> None:
    (corpus / "visite.txt").unlink()
    report = build([corpus], built)
    assert files_read == []
    assert {record["article"] for record in relations(built)} == {"accord", "condamnation"}
    store = open_store(built, read_only=True)
    assert "visite" in article_ids_in_store(store)  # without --prune the store keeps it, as it always did
    del store
    pruned = build([corpus], built, prune=True)
    assert files_read == [] and pruned.pruned == ("visite",) and report.articles == pruned.articles
    store = open_store(built, read_only=True)
    assert article_ids_in_store(store) == ["accord", "condamnation"]
    summarised = store.query(
        "SELECT ?source WHERE { ?dyad kg:dyadSource ?source }",
        prefixes=kg.store.PREFIXES,
    )
    assert not any(row["source"].value.endswith("/JPN") for row in summarised)
    del store


def test_pipeline_summaries_recomputed_for_the_changed_dyads_alone_equal_a_full_recount(
    built: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recounted: list[set[tuple[str, str]] | None] = []
    real = kg.store.refresh_summaries

    def spy(store: Any, *, dyads: set[tuple[str, str]] | None = None, **kwargs: Any) -> int:
        recounted.append(None if dyads is None else {(source[-3:], target[-3:]) for source, target in dyads})
        return real(store, **kwargs) if dyads is None else real(store, dyads=dyads, **kwargs)

    monkeypatch.setattr(kg.store, "refresh_summaries", spy)
    (corpus / "condamnation.txt").write_text(CHANGED, encoding="utf-8")
    build([corpus], built)
    assert recounted == [{("RUS", "POL"), ("POL", "RUS"), ("RUS", "NOR"), ("NOR", "RUS")}]
    (corpus / "visite.txt").unlink()
    build([corpus], built, prune=True)
    assert recounted[1] is not None and ("JPN", "CHN") in recounted[1] and ("RUS", "NOR") not in recounted[1]
    updated = store_graphs(built)[str(SUMMARY_GRAPH)]
    store = open_store(built)
    real(store)  # every dyad counted again
    del store
    recount = store_graphs(built)[str(SUMMARY_GRAPH)]
    assert isomorphic(updated, recount)
    codes = {str(node)[-3:] for node in recount.objects(None, KG.dyadSource)}
    assert "NOR" in {str(node)[-3:] for node in recount.objects(None, KG.dyadTarget)} and "JPN" not in codes


def test_pipeline_relation_table_updated_for_the_changed_dyads_alone_draws_the_page_from_the_store(
    built: Path, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.store.cells
    from kg.render import render_graph
    from kg.store import CELLS_FILE, KnowledgeGraph, refresh_cells
    from kg.store.cells import read_cells

    refreshed: list[set[tuple[str, str]] | None] = []
    real = kg.store.refresh_summaries

    def spy(store: Any, *, dyads: set[tuple[str, str]] | None = None, cells: Path | None = None) -> int:
        if cells == built / CELLS_FILE:  # the table made again from the summaries' read of the relations
            refreshed.append(None if dyads is None else {(source[-3:], target[-3:]) for source, target in dyads})
        return real(store, dyads=dyads, cells=cells)

    monkeypatch.setattr(kg.store, "refresh_summaries", spy)
    (corpus / "condamnation.txt").write_text(CHANGED, encoding="utf-8")
    build([corpus], built)
    (corpus / "visite.txt").unlink()
    build([corpus], built, prune=True)
    assert refreshed[0] == {("RUS", "POL"), ("POL", "RUS"), ("RUS", "NOR"), ("NOR", "RUS")}
    assert refreshed[1] is not None and ("JPN", "CHN") in refreshed[1] and ("RUS", "NOR") not in refreshed[1]
    store = open_store(built, read_only=True)
    refresh_cells(store, tmp_path / "full.sqlite")  # every relation of the store written again
    for level in ("state", "actor"):
        updated = read_cells(store, built / CELLS_FILE, level=level)
        assert updated is not None and sorted(updated) == sorted(read_cells(store, tmp_path / "full.sqlite",
                                                                             level=level) or [])  # fmt: skip
    targets = {row[1][-3:] for row in read_cells(store, built / CELLS_FILE) or []}
    assert "NOR" in targets and "POL" not in targets and "CHN" not in targets
    # the page the build drew from the table is the page drawn from the store's relations
    with monkeypatch.context() as patch:
        patch.setattr(kg.store.cells, "read_cells", lambda *args, **kwargs: None)
        from_store = render_graph(KnowledgeGraph(built, store), page_path=built / PAGE_FILE)
    assert (built / PAGE_FILE).read_text(encoding="utf-8") == from_store
    del store

    def disk_full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    (corpus / "accord.txt").write_text(ARTICLES["accord.txt"].replace("mardi", "lundi"), encoding="utf-8")
    monkeypatch.setattr(kg.store, "refresh_summaries", disk_full)  # after the article's graph is written
    with pytest.raises(OutputError):
        build([corpus], built)
    store = open_store(built, read_only=True)
    assert read_cells(store, built / CELLS_FILE) is None  # behind the store a failed build changed: not read
    del store


def test_pipeline_file_changed_within_the_mtime_slack_is_read_again(corpus: Path, tmp_path: Path) -> None:
    """A file written just before the build that read it may change again within the clock's tick, keeping its
    size and mtime: its mtime is not trusted, its content is hashed."""
    path = corpus / "accord.txt"
    path.write_text(ARTICLES["accord.txt"], encoding="utf-8")  # modified now
    out = tmp_path / "out"
    build([corpus], out)
    mtime = path.stat().st_mtime_ns
    path.write_text(ARTICLES["accord.txt"].replace("mardi", "jeudi"), encoding="utf-8")  # same size
    os.utime(path, ns=(mtime, mtime))
    report = build([corpus], out)
    assert report.analysed == ("accord",)
    assert "jeudi" in (out / "articles.jsonl").read_text(encoding="utf-8")


def test_pipeline_build_failed_after_changing_the_store_leaves_the_next_one_to_recount_everything(
    built: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    (corpus / "condamnation.txt").write_text(CHANGED, encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(kg.store, "export_trig", disk_full)
        with pytest.raises(OutputError):
            build([corpus], built)
    summaries = spy_summaries(monkeypatch)
    report = build([corpus], built)
    assert report.analysed == () and summaries == [None]  # the changed article was kept; every dyad counted again
    assert any(record["target"] == "NOR" for record in relations(built))
    assert "Norv" in (built / "graph.trig").read_text(encoding="utf-8")  # the export was made again


def test_pipeline_json_lines_articles_come_back_whole_and_a_bad_line_is_reported_again(
    corpus: Path, tmp_path: Path, files_read: list[str]
) -> None:
    lines = [
        {"id": "dépêche-1", "title": "La Grèce et la Turquie", "date": "2024-03",
         "text": "La Grèce a invité la Turquie à reprendre le dialogue sur les îles."},
        {"id": "dépêche-2", "text": "La Suède a félicité la Finlande pour son entrée dans l'alliance."},
    ]  # fmt: skip
    (corpus / "fil.jsonl").write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
                                      encoding="utf-8")  # fmt: skip
    (corpus / "abîmé.jsonl").write_text('{"id": "x", "text": "Le Chili a salué le Pérou."}\n{oops\n', encoding="utf-8")
    for path in (corpus / "fil.jsonl", corpus / "abîmé.jsonl"):
        os.utime(path, ns=(int(AN_HOUR_AGO_NS), int(AN_HOUR_AGO_NS)))
    out = tmp_path / "out"
    first = build([corpus], out)
    articles = (out / "articles.jsonl").read_text(encoding="utf-8")
    assert {"dépêche-1", "dépêche-2", "x"} <= set(first.articles) and len(first.skipped) == 1
    files_read.clear()
    nothing = build([corpus], out)  # nothing to do: the bad line is reported again, nothing is read
    assert files_read == [] and [str(error) for error in nothing.skipped] == [str(error) for error in first.skipped]
    (corpus / "accord.txt").write_text(ARTICLES["accord.txt"].replace("mardi", "lundi"), encoding="utf-8")
    again = build([corpus], out)
    assert set(files_read) == {"accord.txt", "abîmé.jsonl"}  # a file that gave an error is read again
    assert [str(error) for error in again.skipped] == [str(error) for error in first.skipped]
    assert again.articles == first.articles and again.analysed == ("accord",)
    kept = [line for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines() if "dépêche" in line]
    assert len(kept) == 2 and kept == [line for line in articles.splitlines() if "dépêche" in line]
    assert json.loads(kept[0])["date"] == "2024-03" and json.loads(kept[0])["date_precision"] == "month"


# Two outlets report one agreement between France and Germany a day apart (one event of two articles); Russia
# condemns Poland; Japan receives China. Each article with its date and outlet.
REPORTS = {
    "accord": ("Accord entre Paris et Berlin\n\nLa France a signé un accord de coopération avec l'Allemagne.\n",
               "2024-03-05", "Le Quotidien"),
    "entente": ("Paris et Berlin scellent leur entente\n\nLa France a signé un accord énergétique avec l'Allemagne.\n",
                "2024-03-06", "La Gazette"),
    "condamnation": ("La Russie condamne la Pologne\n\nLa Russie a condamné la Pologne pour ses manœuvres.\n",
                     "2024-03-05", "Le Quotidien"),
    "visite": ("Le Japon reçoit la Chine\n\nLe Japon a accueilli une délégation de la Chine à Tokyo.\n",
               "2024-03-07", "La Gazette"),
    "menace": ("L'Inde menace le Pakistan\n\nL'Inde a menacé le Pakistan de représailles.\n", "2024-03-08",
               "Le Quotidien"),
    "salut": ("Le Brésil salue l'Argentine\n\nLe Brésil a salué l'Argentine pour sa médiation.\n", "2024-03-09",
              "La Gazette"),
}  # fmt: skip


def write_report(folder: Path, name: str, text: str, date: str, outlet: str) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.meta.json").write_text(json.dumps({"date": date, "source": outlet}), encoding="utf-8")


def test_pipeline_events_regrouped_for_the_touched_dyads_alone_equal_a_build_from_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, out = tmp_path / "reports", tmp_path / "out"
    corpus.mkdir()
    for name, report in REPORTS.items():
        write_report(corpus, name, *report)
    build([corpus], out)
    assert any(line["articles"] == ["accord", "entente"] for line in event_lines(out))
    regrouped: list[set[tuple[str, str]] | None] = []
    real = kg.store.refresh_events

    def spy(store: Any, *, dyads: set[tuple[str, str]] | None = None) -> list[Any]:
        regrouped.append(None if dyads is None else {(source[-3:], target[-3:]) for source, target in dyads})
        return real(store) if dyads is None else real(store, dyads=dyads)

    monkeypatch.setattr(kg.store, "refresh_events", spy)
    # One article of the shared event now reports an agreement with Italy (that event loses it); a new outlet
    # reports the condemnation a day later (the untouched article's event gains it); the visit goes. (Three
    # articles of seven: most of the store is kept, so its events are updated, not all grouped again.)
    italy = REPORTS["entente"][0].replace("l'Allemagne", "l'Italie").replace("Berlin", "Rome")
    write_report(corpus, "entente", italy, "2024-03-06", "La Gazette")
    write_report(corpus, "sanction", "La Russie condamne la Pologne\n\nLa Russie a condamné la Pologne hier.\n",
                 "2024-03-06", "La Gazette")  # fmt: skip
    (corpus / "visite.txt").unlink()
    build([corpus], out, prune=True)
    touched = {("FRA", "DEU"), ("FRA", "ITA"), ("RUS", "POL"), ("JPN", "CHN")}
    assert regrouped == [touched | {(target, source) for source, target in touched}]
    scratch = tmp_path / "scratch"
    build([corpus], scratch)
    assert event_lines(out) == event_lines(scratch)
    grouped = store_graphs(out)[str(EVENTS_GRAPH)]
    assert isomorphic(grouped, store_graphs(scratch)[str(EVENTS_GRAPH)])
    reported = {frozenset(str(node).rsplit("/", 1)[-1] for node in grouped.objects(event, KG.reportedIn))
                for event in grouped.subjects(KG.reportedIn, None)}  # fmt: skip
    assert frozenset({"condamnation", "sanction"}) in reported and frozenset({"accord", "entente"}) not in reported


def test_pipeline_summaries_and_events_made_again_from_the_whole_store_when_most_articles_changed(
    built: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Updating dyad by dyad costs several times more than a full recount when most dyads changed."""
    asked: list[tuple[str, object]] = []
    for name in ("refresh_summaries", "refresh_events"):
        real = getattr(kg.store, name)

        def spy(store: Any, *, dyads: Any = None, real: Any = real, name: str = name, **kwargs: Any) -> Any:
            asked.append((name, dyads))
            return real(store, dyads=dyads, **kwargs)

        monkeypatch.setattr(kg.store, name, spy)
    for name in ("condamnation.txt", "visite.txt"):  # two articles of three analysed again
        (corpus / name).write_text(ARTICLES[name].replace("\n\n", "\n\nHier. "), encoding="utf-8")
    report = build([corpus], built)
    assert len(report.analysed) == 2
    assert asked == [("refresh_summaries", None), ("refresh_events", None)]
