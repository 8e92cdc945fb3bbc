"""Store size benchmark: a real build's store on disk against its input text, and where the bytes go.

    .venv/bin/python benchmarks/store_size.py --articles 320 --source ../shared/dev/fr [--keep /tmp/kg-store-size]

Writes a corpus of `--articles` articles recombined from the sentences of the
articles of `--source` (`benchmarks/corpus.py`; the development corpus makes a
real build's mix of actors and relations), builds it as users do (`kg build
CORPUS -o OUT`, a fresh process), and reports the input text (the bytes of the
input files), the store on disk (every file under `OUT/store`) and their ratio
(the issue's bar: <= 12x), with the quads of each kind: the named graphs (the
articles', and, up to ontology version 8, the others by name), and in the
default graph (version 9) the reference graphs (gazetteer, CAMEO scheme,
ontology, build) and the derived data (summaries, direct edges, tallies,
events; "default" if any other), and the relations.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

QUADS_BY_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
KG = "https://w3id.org/diplomatic-kg/ontology#"
# The default graph's quads by kind (ontology version 9), each kind found by the property its subjects have.
DEFAULT_KINDS = {
    "summaries": f"{{ ?s <{KG}dyadSource> ?x }} UNION {{ ?d <{KG}dyadSource> ?x ; <{KG}rootCount> ?s }} .",
    "tallies": f"?s <{KG}tallySource> ?x .",
    "events": f"{{ ?s <{KG}eventSource> ?x }} UNION {{ ?s <{KG}partOfEvent> ?x }} .",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=320)
    parser.add_argument("--source", type=Path, nargs="+", required=True, help="articles to draw sentences from")
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temporary folder, removed)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-store-size-"))
    try:
        corpus, out = folder / "corpus", folder / "out"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        words = write_corpus(corpus, args.articles, seed=args.seed, sources=args.source)
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out)], check=True,
                       capture_output=True)  # fmt: skip
        seconds = time.perf_counter() - began
        text = sum(path.stat().st_size for path in corpus.glob("*.txt"))
        store = sum(path.stat().st_size for path in (out / "store").rglob("*") if path.is_file())
        relations = sum(1 for _ in (out / "relations.jsonl").open(encoding="utf-8"))
        report = {"articles": args.articles, "words": words, "relations": relations, "build_s": round(seconds, 1),
                  "input_text_bytes": text, "store_bytes": store, "store_to_text": round(store / text, 2)}  # fmt: skip
        print(json.dumps({**report, "quads": _quads_by_kind(out / "store")}))
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def _quads_by_kind(path: Path) -> dict[str, int]:
    """The quads of each kind of named graph: the articles' graphs together, the others by name."""
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(path))
    kinds: dict[str, int] = {}
    for row in store.query(QUADS_BY_GRAPH):
        name = row["g"].value.rsplit("/graph/", 1)[-1]
        kind = "articles" if name.startswith("article/") else name
        kinds[kind] = kinds.get(kind, 0) + int(row["n"].value)
    from kg.store import PREFIXES, REFERENCE_GRAPHS

    total = len(list(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())))
    references = {name.rsplit("/", 1)[-1]: pattern for name, pattern in REFERENCE_GRAPHS.items()}
    for kind, pattern in {**references, **DEFAULT_KINDS}.items():
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {pattern} ?s ?p ?o }} }} }}"
        count = int(next(iter(store.query(query, prefixes=PREFIXES)))["n"].value)
        if count:
            kinds[f"default:{kind}"] = count
        total -= count
    from kg.store.model import ROOT_EDGES

    predicates = " ".join(f"<{edge}>" for edge in ROOT_EDGES.values())
    edges = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }}"  # the direct edges
    count = int(next(iter(store.query(edges)))["n"].value)
    if count:
        kinds["default:edges"] = count
    if total - count:
        kinds["default"] = total - count
    return dict(sorted(kinds.items(), key=lambda item: -item[1]))


if __name__ == "__main__":
    main()
