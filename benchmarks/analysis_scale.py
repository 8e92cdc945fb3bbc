"""Analysis benchmark: the networkx projection and every measure on a synthetic store.

    .venv/bin/python benchmarks/analysis_scale.py --store /tmp/kg-bench/store-100000

The store comes from `benchmarks/store_scale.py` (synthetic relations with
realistic actor and CAMEO distributions, loaded into Oxigraph). Reports the time
of the projection (SPARQL to a MultiDiGraph) and of each measure, and the peak
resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import pyoxigraph

from kg import analysis
from kg.store import KnowledgeGraph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True, help="an Oxigraph store written by store_scale.py")
    args = parser.parse_args()
    graph = KnowledgeGraph(args.store.parent, pyoxigraph.Store.read_only(str(args.store)))
    timings: dict[str, float] = {}

    def timed(name: str, function, *arguments, **options):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        result = function(*arguments, **options)
        timings[name] = round(time.perf_counter() - began, 2)
        return result

    actors = timed("projection", analysis.to_actor_graph, graph)
    for name in ("degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank", "centrality_table",
                 "dyads", "dyad_timeline", "blocs", "balance_triads"):  # fmt: skip
        timed(name, getattr(analysis, name), actors)
    timed("weighted_graph", analysis.to_weighted_graph, actors)
    total = round(sum(timings.values()), 2)
    print(json.dumps({"relations": actors.number_of_edges(), "actors": actors.number_of_nodes(),
                      "seconds": timings, "total_s": total,
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))  # fmt: skip


if __name__ == "__main__":
    main()
