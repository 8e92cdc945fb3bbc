"""Store benchmark: synthetic relations at several sizes, bulk-loaded into Oxigraph and queried.

    .venv/bin/python benchmarks/store_scale.py --sizes 10000 100000 --work /tmp/kg-bench [--rdflib 100000]

Relations are generated deterministically (seeded) with realistic distributions:
actors drawn with Zipf-like weights from 40 states often in the news, CAMEO codes
with the root frequencies of news event data, dates over ten years, ten relations
an article; they go through the project's own RDF model (`article_to_graph`) to
N-Quads. For each size it reports: conversion time, bulk-load time, dyad-summary
refresh time, store size on disk, peak resident memory of the loading process, and
the median latency of every named query. With --rdflib N it also loads the same
N-Quads into rdflib's in-memory Dataset and runs the same GROUP BY, for the ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from kg.query import bind_parameters, load_named_queries
from kg.records import Article, Event, Evidence, Mode, TextPiece
from kg.resources import load_cameo_codes, load_cameo_labels_fr, load_gazetteer
from kg.store.model import article_to_graph, cameo_to_graph, gazetteer_to_graph

STATES = ["USA", "RUS", "CHN", "UKR", "PRK", "KOR", "JPN", "IRN", "ISR", "PSE", "FRA", "DEU", "GBR", "TUR", "SYR",
          "IND", "PAK", "SAU", "EGY", "IRQ", "AFG", "BLR", "POL", "CAN", "MEX", "BRA", "VEN", "TWN", "VNM", "PHL",
          "AUS", "ZAF", "NGA", "ETH", "QAT", "ARE", "ITA", "ESP", "LBN", "YEM"]  # fmt: skip
ROOT_WEIGHTS = {"01": 18, "02": 4, "03": 9, "04": 20, "05": 10, "06": 4, "07": 3, "08": 2, "09": 1, "10": 3,
                "11": 10, "12": 3, "13": 3, "14": 2, "15": 2, "16": 3, "17": 3, "18": 3, "19": 4, "20": 1}  # fmt: skip
PER_ARTICLE = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--rdflib", type=int, default=None, help="also measure rdflib's in-memory store at this size")
    parser.add_argument("--reuse", action="store_true", help="reuse N-Quads already generated in --work")
    parser.add_argument("--load-only", type=Path, help=argparse.SUPPRESS)  # internal: the measured child process
    args = parser.parse_args()
    if args.load_only:
        _load(args.load_only)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        report = _measure(size, args.work, args.reuse)
        print(json.dumps(report))
    if args.rdflib:
        print(json.dumps(_measure_rdflib(args.rdflib, args.work)))


def _measure(size: int, work: Path, reuse: bool = False) -> dict[str, object]:
    nquads = work / f"relations-{size}.nq"
    began = time.perf_counter()
    if reuse and nquads.exists():
        with nquads.open("rb") as lines:
            triples = sum(1 for _ in lines)
        convert = None
    else:
        triples = _generate(size, nquads)
        convert = round(time.perf_counter() - began, 1)
    store = work / f"store-{size}"
    shutil.rmtree(store, ignore_errors=True)
    child = subprocess.run(
        [sys.executable, __file__, "--load-only", str(nquads)], capture_output=True, text=True, check=True
    )
    loaded = json.loads(child.stdout)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    shutil.move(loaded["store"], store)
    size_mb = sum(path.stat().st_size for path in store.rglob("*") if path.is_file()) / 1e6
    return {"relations": size, "triples": triples, "convert_s": convert, "load_s": loaded["load_s"],
            "summaries_s": loaded["summaries_s"], "store_mb": round(size_mb, 1), "peak_rss_mb_children": round(peak_mb),
            "queries_s": _query_latencies(store)}  # fmt: skip


def _load(nquads: Path) -> None:
    """Run in a child process, so its peak memory is the loading's own."""
    import pyoxigraph

    from kg.store import refresh_summaries

    target = nquads.with_suffix(".store")
    shutil.rmtree(target, ignore_errors=True)
    store = pyoxigraph.Store(str(target))
    began = time.perf_counter()
    store.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    load = time.perf_counter() - began
    began = time.perf_counter()
    refresh_summaries(store)
    summaries = time.perf_counter() - began
    store.flush()
    del store
    print(json.dumps({"store": str(target), "load_s": round(load, 1), "summaries_s": round(summaries, 1)}))


def _query_latencies(store_path: Path) -> dict[str, float]:
    import pyoxigraph

    from kg.store import KnowledgeGraph

    graph = KnowledgeGraph(store_path.parent, pyoxigraph.Store.read_only(str(store_path)))
    values = {"actor": "RUS", "source": "RUS", "target": "PRK", "root": "04"}
    latencies = {}
    for name, query in load_named_queries().items():
        bindings = bind_parameters({parameter: values[parameter] for parameter in query.parameters})
        times = []
        for _ in range(3):
            began = time.perf_counter()
            graph.query(query.text, **bindings)
            times.append(time.perf_counter() - began)
        latencies[name] = round(statistics.median(times), 3)
    return latencies


def _measure_rdflib(size: int, work: Path) -> dict[str, object]:
    from rdflib import Dataset

    nquads = work / f"relations-{size}.nq"
    if not nquads.exists():
        _generate(size, nquads)
    dataset = Dataset()
    began = time.perf_counter()
    dataset.parse(nquads, format="nquads")
    load = time.perf_counter() - began
    print(json.dumps({"rdflib_relations": size, "rdflib_load_s": round(load, 1)}), flush=True)
    query = ("PREFIX kg: <https://w3id.org/diplomatic-kg/ontology#> SELECT ?s ?t (COUNT(?r) AS ?n) "
             "WHERE { GRAPH ?g { ?r kg:source ?s ; kg:target ?t } } GROUP BY ?s ?t")  # fmt: skip
    began = time.perf_counter()
    rows = list(dataset.query(query))
    group_by = time.perf_counter() - began
    return {"rdflib_relations": size, "rdflib_load_s": round(load, 1), "rdflib_group_by_s": round(group_by, 2),
            "dyads": len(rows)}  # fmt: skip


def _generate(size: int, path: Path) -> int:
    """Write `size` synthetic relations as N-Quads through the project's model; return the number of quads."""
    rng = random.Random(20261121)
    codes = load_cameo_codes()
    by_root: dict[str, list[str]] = {}
    for code in codes.values():
        by_root.setdefault(code.root, []).append(code.code)
    roots, weights = list(ROOT_WEIGHTS), list(ROOT_WEIGHTS.values())
    state_weights = [1 / (rank + 1) for rank in range(len(STATES))]
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for graph in (cameo_to_graph(codes, load_cameo_labels_fr()), gazetteer_to_graph(load_gazetteer())):
            count += _write_graph(graph, out)
        for number in range(size // PER_ARTICLE):
            article = _article(number)
            events = []
            for index in range(PER_ARTICLE):
                source, target = rng.choices(STATES, state_weights, k=2)
                while target == source:
                    target = rng.choices(STATES, state_weights)[0]
                code = codes[rng.choice(by_root[rng.choices(roots, weights)[0]])]
                day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                evidence = Evidence("Une phrase de l'article.", index * 30, index * 30 + 24, "phrase", index * 30 + 4,
                                    index * 30 + 10, index)  # fmt: skip
                events.append(Event(article.id, source, target, code.root, code.code, Mode.ASSERTED, False,
                                    evidence.text, (evidence,), source, target, code.goldstein, code.quadclass,
                                    code.plover, 0.9, day, "day"))  # fmt: skip
            count += _write_graph(article_to_graph(article, events), out)
    return count


def _write_graph(graph: object, out: object) -> int:
    """Write a graph's triples as N-Quads: in its named graph, or in the default graph for a reference graph (the
    CAMEO scheme, the gazetteer: ontology version 9, as `kg.store.write_graph` writes them)."""
    from kg.store import REFERENCE_GRAPHS

    name = "" if str(graph.identifier) in REFERENCE_GRAPHS else f"<{graph.identifier}>"  # type: ignore[attr-defined]
    lines = [line for line in graph.serialize(format="nt").splitlines() if line]  # type: ignore[attr-defined]
    out.write("".join(line[:-1] + name + (" .\n" if name else ".\n") for line in lines))  # type: ignore[attr-defined]
    return len(lines)


def _article(number: int) -> Article:
    text = "Titre\n\n" + "Une phrase de l'article. " * PER_ARTICLE
    return Article(f"synthetic-{number:07d}", f"synthetic/{number}.txt", "Titre", text, text,
                   (TextPiece(0, len(text), 0, len(text)),), lang="fr")  # fmt: skip


if __name__ == "__main__":
    main()
