"""Scale benchmark of issue 19's 1M-relation bars: load, named queries, analysis and page, in the real build's shape.

    .venv/bin/python benchmarks/analysis_scale.py --sizes 100000 1000000 --work /tmp/kg-bench-analysis [--page-up-to N]

For each size it writes a synthetic store in the real build's shape (once; `--reuse`
keeps it): articles of 6 relations through the project's own model (`article_to_trig`),
82% of them asserted, 13% hypothetical and 5% negated, 27% symmetric,
dated to the day (64%), the month (33%) or the year (3%), 1 to 5 evidence sentences
(83% one), a person of the gazetteer as the source in 30% of them and as the target in
20%, states drawn with Zipf-like weights from the gazetteer's states, CAMEO codes with
the root frequencies of news event data; the shares are those of a build of the
development corpus. The store is written as a build writes it, each step timed: the
articles' TriG made (`generate_s`), bulk-loaded (`load_s`: the bar, <= 60 s at 1M), the
reference graphs, the dyad summaries and tallies (`summaries_s`), the events across
articles (`events_s`); with the store's bytes and the writing process's peak memory.
Then, each in a child process of its own (so that its peak memory is its own; the bar:
<= 4 GB): every named query's median latency (`benchmarks/store_scale.py`'s bindings;
bar <= 1 s each); the analysis: `to_dyad_graphs` (the store's tallies) and every measure
on its result, `report_s` being what `kg analyze` computes from them (dyad graphs,
centrality table, dyads, blocs, triads; bar <= 30 s) and `total_s` the sum of every
timing (the centrality table's measures counted twice); up to `--projection-up-to`
relations (default 100k) the projection of every relation (`to_actor_graph`) and the
same measures, for the ratio; up to `--page-up-to` relations (default 100k) the page
rendered as `kg render` renders a build folder (`kg.render.render_graph`, from the
relation table a build keeps, `kg.store.cells`: time, CPU time, bytes; bar <= 30 MB in
<= 60 s; `--from-store` with `--page-only`: from the store's relations, as before it).

Measured at 1M relations (2 shared cores, two other sessions busy: upper bounds), 2026-11-27: generate 224 s,
load 484 s, summaries and tallies 1,322 s, events 891 s (peak 4.5 GB, store 10.5 GB): the write takes ~49 min,
generation is not what is slow; write the store once and run with `--reuse`. Named queries (median of 3):
dyad_timeline 0.24 s, relations_between 0.26 s, sources 1.3 s, partners 3.2 s, actor_ranking 2-4 s,
criticism_sanctions 2.3-2.5 s, cooperation_conflict 4.4-4.7 s, support 4.8-6.3 s, events not measured (every
event is a row: about a million). Analysis from the tallies: report_s 46 s (to_dyad_graphs 33 s). Page: 638 s,
6.2 MB, peak 3.5 GB (190 s of CPU).
Again 2026-11-27, after the page's and the tallies' reads were made lighter (load 4 to 4.5): page 184.5 s, 6.4 MB,
peak 2.7 GB (86.5 s of CPU, of which about 41 s is Oxigraph's join of every relation's properties); analysis
report_s 21.4 s (to_dyad_graphs 14.9 s; 12.6 s of CPU for the whole child), the code before 16.0 s back to back
(15.9 s of CPU).
Page from the relation table the build keeps (`kg.store.cells`; `--page-only STORE` makes it first, in
`STORE.page/`, if missing: 121 s, 63 s of CPU, 135 MB at 1M), 2026-11-27, load 3.6-4.3, interleaved: 37.8-38.6 s
(25.9-27.2 s of CPU), 6.4 MB, peak 0.95 GB; the code before (4d677fa) 127.3 s (88.5 s of CPU), peak 2.7 GB; drawn
from the store now (`--from-store`) 110.4 s (74.2 s of CPU); the same page byte for byte.
Named queries again (load 2.4-3; the code before back to back): cooperation_conflict 7.4 -> 1.2 s, support 3.3 ->
1.0-1.2 s, criticism_sanctions 2.6 -> 0.9 s, partners 1.4 -> 0.02 s (sorting by actor codes bound once a row instead
of IRIs; partners planned from its actor; rdflib terms made once an answer); actor_ranking 1.7-1.8 s unchanged.
Ontology version 10, 2026-11-27 (2 cores shared with another session's timings): the write at 1M, the code before
(version 9) -> now: load 255 s (132 s alone, 192 s of CPU, 14.6M quads) -> 163.5 s (the same loader: not changed),
summaries and tallies 178 -> 156.5 s (the summaries counted from the tallies' one read of every relation, not by a
second read; the ranking of actors made from the tallies, 3 s), events 113 -> 88.5 s, peak 4.9 -> 3.8 GB (the
tallies' and summaries' quads streamed to the store, not listed: the peak is now the store's hash joins of the
tallies' read, 2.7 GB alone); store 5.8 GB. Named queries (load 1-2): actor_ranking 2.5 -> 0.013 s (its ranking
made by the build), cooperation_conflict 1.4 -> 1.2 s, support 1.1 -> 1.0-1.1 s, criticism_sanctions 1.1 -> 0.8 s,
sources 0.4 s, the others under 0.05 s. The bar of 60 s for the load is out of reach of Oxigraph's bulk loader on
2 cores in this shape: 192 s of CPU at 1M, nearly all of it in the loader's sorting and writing of each index's
keys (parsing the TriG is 2 s of 15 at 100k), i.e. at least 96 s on two cores even perfectly parallel. Tried and
left: `lenient=True` (14.8 s against 12.1 s at 100k: no gain); the TriG in two halves bulk-loaded by two threads
into the store (100k: 17.4 -> 9.1 s; 1M: 132 -> 113.5 s, 201 s of CPU, peak 1.8 -> 3.6 GB).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph

from kg import analysis
from kg.records import ActorKind, Article, Event, Evidence, Mode, TextPiece
from kg.resources import load_cameo_codes, load_cameo_labels_fr, load_gazetteer
from kg.store import KnowledgeGraph, refresh_events, refresh_summaries, write_graph
from kg.store.model import article_to_trig, cameo_to_graph, gazetteer_to_graph

ROOT_WEIGHTS = {"01": 18, "02": 4, "03": 9, "04": 20, "05": 10, "06": 4, "07": 3, "08": 2, "09": 1, "10": 3,
                "11": 10, "12": 3, "13": 3, "14": 2, "15": 2, "16": 3, "17": 3, "18": 3, "19": 4, "20": 1}  # fmt: skip
PER_ARTICLE = 6
MODES = {Mode.ASSERTED: 82, Mode.HYPOTHETICAL: 13, Mode.NEGATED: 5}
PRECISIONS = {"day": 64, "month": 33, "year": 3}
EVIDENCES = {1: 83, 2: 12, 3: 4, 5: 1}
SYMMETRIC, PERSON_SOURCE, PERSON_TARGET = 0.27, 0.30, 0.20
BATCH = 2_000  # articles a TriG piece


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-analysis"))
    parser.add_argument("--reuse", action="store_true", help="reuse stores already written in --work")
    parser.add_argument("--projection-up-to", type=int, default=100_000, help="also time the projection up to here")
    parser.add_argument("--page-up-to", type=int, default=100_000, help="also render the page up to here")
    parser.add_argument("--analyse-only", type=Path, help=argparse.SUPPRESS)  # internal: the measured child
    parser.add_argument("--projection", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--queries-only", type=Path, help=argparse.SUPPRESS)  # internal: times the named queries
    parser.add_argument("--page-only", type=Path, help=argparse.SUPPRESS)  # internal: renders the page
    parser.add_argument("--from-store", action="store_true", help="--page-only: draw the page from the store's "
                        "relations, not the relation table (as before the table)")  # fmt: skip
    parser.add_argument("--cells-only", type=Path, help=argparse.SUPPRESS)  # internal: writes the relation table
    parser.add_argument("--write-only", type=Path, help=argparse.SUPPRESS)  # internal: writes a store
    args = parser.parse_args()
    if args.analyse_only:
        print(json.dumps(_analyse(args.analyse_only, projection=args.projection)))
        return
    if args.queries_only:
        print(json.dumps(_queries(args.queries_only)))
        return
    if args.page_only:
        print(json.dumps(_page(args.page_only, from_store=args.from_store)))
        return
    if args.cells_only:
        print(json.dumps(_cells(args.cells_only)))
        return
    if args.write_only:
        print(json.dumps(_write_store(args.sizes[0], args.write_only)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:  # each step a process of its own: a child's peak memory starts from its parent's
        store = args.work / f"store-{size}"
        if not (args.reuse and store.is_dir()):
            written = _child("--sizes", str(size), "--write-only", str(store))
            print(json.dumps({"relations": size, "written": written}), flush=True)
        print(json.dumps({"relations": size, "queries": _child("--queries-only", str(store))}), flush=True)
        for projection in (False, True) if size <= args.projection_up_to else (False,):
            report = _child("--analyse-only", str(store), *(["--projection"] if projection else []))
            print(json.dumps({"relations": size, **report}), flush=True)
        if size <= args.page_up_to:
            print(json.dumps({"relations": size, "page": _child("--page-only", str(store))}), flush=True)


def _child(*arguments: str) -> Any:
    """Run this script with these arguments in a process of its own; its JSON answer."""
    result = subprocess.run([sys.executable, __file__, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(arguments)} failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout)


def _peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _queries(store_path: Path) -> dict[str, Any]:
    """Every named query's median latency, as `benchmarks/store_scale.py` times them."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from store_scale import _query_latencies

    latencies = _query_latencies(store_path)
    return {"seconds": latencies, "slowest_s": max(latencies.values()), "peak_rss_mb": _peak_mb()}


def _page(store_path: Path, *, from_store: bool = False) -> dict[str, Any]:
    """The page rendered as `kg render` renders a build folder's: seconds, CPU seconds, bytes, peak memory. The
    folder is `STORE.page/`, the store linked in as its `store`, beside it the relation table a build keeps
    (`kg.store.cells`), made first if missing (`--cells-only`, a process of its own: `cells_s`, what a build
    that writes every relation again spends on it). With `from_store`, the table is set aside for the render:
    the page is drawn from the store's relations, as before the table (and for a store of an older build)."""
    from kg.render import render_graph, write_page
    from kg.store import CELLS_FILE

    folder = _page_folder(store_path)
    table, aside = folder / CELLS_FILE, folder / f"{CELLS_FILE}.aside"
    made = None if table.is_file() else _child("--cells-only", str(store_path))
    if from_store:
        table.rename(aside)
    try:
        graph = KnowledgeGraph(folder, pyoxigraph.Store.read_only(str(folder / "store")))
        page_path = store_path.parent / f"{store_path.name}.html"
        began, cpu = time.perf_counter(), _cpu_seconds()
        write_page(render_graph(graph, page_path=page_path), page_path)
        seconds, cpu = time.perf_counter() - began, _cpu_seconds() - cpu
    finally:
        if from_store:
            aside.rename(table)
    return {"seconds": round(seconds, 1), "cpu_s": round(cpu, 1), "bytes": page_path.stat().st_size,
            "peak_rss_mb": _peak_mb(), "from_store": from_store, **({"table": made} if made else {})}  # fmt: skip


def _cells(store_path: Path) -> dict[str, Any]:
    """The relation table of the store (`kg.store.refresh_cells`, every relation), in the page's folder: seconds,
    CPU seconds, bytes, peak memory."""
    from kg.store import CELLS_FILE, refresh_cells

    folder = _page_folder(store_path)
    store = pyoxigraph.Store.read_only(str(folder / "store"))
    began, cpu = time.perf_counter(), _cpu_seconds()
    relations = refresh_cells(store, folder / CELLS_FILE)
    seconds, cpu = time.perf_counter() - began, _cpu_seconds() - cpu
    return {"cells_s": round(seconds, 1), "cpu_s": round(cpu, 1), "relations": relations,
            "bytes": (folder / CELLS_FILE).stat().st_size, "peak_rss_mb": _peak_mb()}  # fmt: skip


def _page_folder(store_path: Path) -> Path:
    """A build folder for the page of the store at `store_path` (`STORE.page/`, the store linked in)."""
    folder = store_path.parent / f"{store_path.name}.page"
    folder.mkdir(exist_ok=True)
    if not (folder / "store").exists():
        (folder / "store").symlink_to(store_path.resolve())
    return folder


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _analyse(store_path: Path, *, projection: bool) -> dict[str, Any]:
    """Time the dyad graphs (aggregated by the store, or projected from every relation) and every measure."""
    graph = KnowledgeGraph(store_path.parent, pyoxigraph.Store.read_only(str(store_path)))
    timings: dict[str, float] = {}

    def timed(name: str, function: Callable[..., Any], *arguments: Any) -> Any:
        began = time.perf_counter()
        result = function(*arguments)
        timings[name] = round(time.perf_counter() - began, 2)
        return result

    if projection:
        source = timed("to_actor_graph", analysis.to_actor_graph, graph)
    else:
        source = timed("to_dyad_graphs", analysis.to_dyad_graphs, graph)
    for name in ("relations", "degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank",
                 "centrality_table", "dyads", "blocs", "balance_triads"):  # fmt: skip
        timed(name, getattr(analysis, name), source)
    dyads = analysis.to_weighted_graph(source)
    report = ("to_actor_graph" if projection else "to_dyad_graphs", "centrality_table", "dyads", "blocs",
              "balance_triads")  # fmt: skip
    return {"path": "projection" if projection else "aggregates", "counted": analysis.count_relations(source),
            "actors": dyads.number_of_nodes(), "dyads": dyads.number_of_edges(), "seconds": timings,
            "report_s": round(sum(timings[name] for name in report), 2), "total_s": round(sum(timings.values()), 2),
            "peak_rss_mb": _peak_mb()}  # fmt: skip


def _write_store(size: int, path: Path) -> dict[str, Any]:
    """Write a synthetic store of `size` relations (see the module's docstring) as a build does; the seconds of
    each step, the store's bytes and the peak memory."""
    import shutil

    timings: dict[str, float] = {}
    began = time.perf_counter()
    shutil.rmtree(path, ignore_errors=True)
    trig = path.with_suffix(".trig")
    rng = random.Random(20261126)
    draw = _Draw(rng)
    with trig.open("wb") as out:
        for number in range(size // PER_ARTICLE):
            article = _article(number)
            events = draw.events(article.id)
            out.write(article_to_trig(article, events))
    timings["generate_s"] = time.perf_counter() - began
    print(f"generate_s {timings['generate_s']:.1f} s", file=sys.stderr, flush=True)
    store = pyoxigraph.Store(str(path))

    def reference() -> None:
        write_graph(store, cameo_to_graph(load_cameo_codes(), load_cameo_labels_fr()))
        write_graph(store, gazetteer_to_graph(load_gazetteer()))

    steps: tuple[tuple[str, Callable[[], Any]], ...] = (
        ("load_s", lambda: store.bulk_load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)),
        ("reference_s", reference), ("summaries_s", lambda: refresh_summaries(store)),
        ("events_s", lambda: refresh_events(store)), ("flush_s", store.flush),
    )  # fmt: skip
    for name, step in steps:
        began = time.perf_counter()
        step()
        timings[name] = time.perf_counter() - began
        print(f"{name} {timings[name]:.1f} s, peak {_peak_mb()} MB", file=sys.stderr, flush=True)
    store = None
    trig.unlink()
    store_bytes = sum(item.stat().st_size for item in path.rglob("*") if item.is_file())
    return {**{name: round(value, 1) for name, value in timings.items()}, "store_mb": round(store_bytes / 1e6, 1),
            "peak_rss_mb": _peak_mb()}  # fmt: skip


class _Draw:
    """Seeded draws of relations in the real build's shape."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        gazetteer = load_gazetteer()
        self.actors = gazetteer.actors
        self.states = sorted(actor.id for actor in gazetteer.actors.values() if actor.kind == ActorKind.STATE)
        rng.shuffle(self.states)
        self.state_weights = [1 / (rank + 1) for rank in range(len(self.states))]
        self.persons: dict[str, list[str]] = {}
        for actor in gazetteer.actors.values():
            if actor.kind == ActorKind.PERSON:
                self.persons.setdefault(actor.state, []).append(actor.id)
        self.codes = load_cameo_codes()
        self.by_root: dict[str, list[str]] = {}
        for code in self.codes.values():
            self.by_root.setdefault(code.root, []).append(code.code)

    def pick(self, shares: dict[Any, int]) -> Any:
        return self.rng.choices(list(shares), list(shares.values()))[0]

    def actor(self, state: str, person_share: float) -> str:
        persons = self.persons.get(state)
        return self.rng.choice(persons) if persons and self.rng.random() < person_share else state

    def events(self, article: str) -> list[Event]:
        """An article's relations, each its own (two with the same ends, code, mode and symmetry would be one
        node of the graph, as extraction makes them one relation)."""
        events: dict[tuple[object, ...], Event] = {}
        while len(events) < PER_ARTICLE:
            event = self.event(article, len(events))
            events.setdefault((event.source, event.target, event.sub, event.mode, event.symmetric), event)
        return list(events.values())

    def event(self, article: str, index: int) -> Event:
        source, target = self.rng.choices(self.states, self.state_weights, k=2)
        while target == source:
            target = self.rng.choices(self.states, self.state_weights)[0]
        code = self.codes[self.rng.choice(self.by_root[self.pick(ROOT_WEIGHTS)])]
        precision = self.pick(PRECISIONS)
        day = f"{self.rng.randint(2015, 2024)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        date = day[: {"day": 10, "month": 7, "year": 4}[precision]]
        evidences = tuple(Evidence("Une phrase de l'article.", at * 30, at * 30 + 24, "phrase", at * 30 + 4,
                                   at * 30 + 10, at) for at in range(index, index + self.pick(EVIDENCES)))  # fmt: skip
        return Event(article, source, target, code.root, code.code, self.pick(MODES), self.rng.random() < SYMMETRIC,
                     evidences[0].text, evidences, self.actor(source, PERSON_SOURCE), self.actor(target, PERSON_TARGET),
                     code.goldstein, code.quadclass, code.plover, round(self.rng.uniform(0.5, 1.0), 2), date,
                     precision)  # fmt: skip


def _article(number: int) -> Article:
    text = "Titre\n\n" + "Une phrase de l'article. " * (PER_ARTICLE + 5)
    return Article(f"synthetic-{number:07d}", f"synthetic/{number}.txt", "Titre", text, text,
                   (TextPiece(0, len(text), 0, len(text)),), lang="fr")  # fmt: skip


if __name__ == "__main__":
    main()
