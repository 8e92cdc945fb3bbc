"""Analysis benchmark: every measure at 100k, 300k and 1M relations, from the store's aggregates.

    .venv/bin/python benchmarks/analysis_scale.py --sizes 100000 300000 1000000 --work /tmp/kg-bench-analysis

For each size it writes a synthetic store in the real build's shape (once; `--reuse`
keeps it): articles of 6 relations through the project's own model (`article_to_trig`,
one bulk load), 82% of them asserted, 13% hypothetical and 5% negated, 27% symmetric,
dated to the day (64%), the month (33%) or the year (3%), 1 to 5 evidence sentences
(83% one), a person of the gazetteer as the source in 30% of them and as the target in
20%, states drawn with Zipf-like weights from the gazetteer's states, CAMEO codes with
the root frequencies of news event data; the shares are those of a build of the
development corpus. Then, in a child process (so that its peak memory is the
analysis's own), it times `to_dyad_graphs` (the store's GROUP BY) and every measure
on its result, and reports the peak resident memory. Up to `--projection-up-to`
relations (default 100k) it also times the projection of every relation
(`to_actor_graph`) and the same measures on it, for the ratio.
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
from kg.store import KnowledgeGraph, refresh_summaries, write_graph
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
    parser.add_argument("--analyse-only", type=Path, help=argparse.SUPPRESS)  # internal: the measured child
    parser.add_argument("--projection", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--write-only", type=Path, help=argparse.SUPPRESS)  # internal: writes a store
    args = parser.parse_args()
    if args.analyse_only:
        print(json.dumps(_analyse(args.analyse_only, projection=args.projection)))
        return
    if args.write_only:
        print(json.dumps(_write_store(args.sizes[0], args.write_only)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:  # each step a process of its own: a child's peak memory starts from its parent's
        store = args.work / f"store-{size}"
        command = [sys.executable, __file__, "--sizes", str(size), "--write-only", str(store)]
        reused = args.reuse and store.is_dir()
        written = None if reused else json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
        for projection in (False, True) if size <= args.projection_up_to else (False,):
            command = [sys.executable, __file__, "--analyse-only", str(store)] + (
                ["--projection"] if projection else []
            )
            report = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
            print(json.dumps({"relations": size, "store_written_s": written, **report}), flush=True)


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
    return {"path": "projection" if projection else "aggregates", "counted": analysis.count_relations(source),
            "actors": dyads.number_of_nodes(), "dyads": dyads.number_of_edges(), "seconds": timings,
            "total_s": round(sum(timings.values()), 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}  # fmt: skip


def _write_store(size: int, path: Path) -> float:
    """Write a synthetic store of `size` relations (see the module's docstring); return the seconds it took."""
    import shutil

    began = time.perf_counter()
    shutil.rmtree(path, ignore_errors=True)
    trig = path.with_suffix(".trig")
    rng = random.Random(20261126)
    draw = _Draw(rng)
    with trig.open("wb") as out:
        for number in range(size // PER_ARTICLE):
            article = _article(number)
            events = draw.events(article.id)
            actors = {event.source_actor for event in events} | {event.target_actor for event in events}
            out.write(article_to_trig(article, [draw.mention(article.id, actor) for actor in sorted(actors)], events))
    store = pyoxigraph.Store(str(path))
    store.bulk_load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
    write_graph(store, cameo_to_graph(load_cameo_codes(), load_cameo_labels_fr()))
    write_graph(store, gazetteer_to_graph(load_gazetteer()))
    refresh_summaries(store)
    store.flush()
    del store
    trig.unlink()
    return round(time.perf_counter() - began, 1)


class _Draw:
    """Seeded draws of relations and mentions in the real build's shape."""

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

    def mention(self, article: str, actor: str) -> Any:
        from kg.records import Mention, Resolution

        known = self.actors[actor]
        return Mention(article, actor, 0, 1, 0, 1, 0, 0, 1, actor, known.state, known.kind, known.qid, Resolution.NAME)


def _article(number: int) -> Article:
    text = "Titre\n\n" + "Une phrase de l'article. " * (PER_ARTICLE + 5)
    return Article(f"synthetic-{number:07d}", f"synthetic/{number}.txt", "Titre", text, text,
                   (TextPiece(0, len(text), 0, len(text)),), lang="fr")  # fmt: skip


if __name__ == "__main__":
    main()
