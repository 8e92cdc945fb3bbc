"""Build stages benchmark: milliseconds an article for each stage of a one-process build, timed apart.

    .venv/bin/python benchmarks/corpus.py --articles 1000 --out /tmp/kg-corpus-1000
    .venv/bin/python benchmarks/build_stages.py --corpus /tmp/kg-corpus-1000 --articles 200

Reads the first N articles (timed: reading and cleaning), loads the model, then
runs each article through the same calls as a one-process build, timing each
apart: the parse, mention resolution, relation extraction, the RDF TriG,
the store write (batched as the build batches them; timed here in line, where
the build writes on a thread of its own, beside the parse) and the cache entry.
The store and the cache go to a temporary folder. Prints one JSON line a stage.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()

    from rdflib import URIRef

    from kg.actors import find_mentions
    from kg.cache import ResultCache
    from kg.events import extract_events
    from kg.ingest import read_articles
    from kg.lang import load_pack
    from kg.nlp import load_nlp, parse_articles
    from kg.outputs import to_event_record, to_mention_record
    from kg.pipeline import GRAPH_BATCH
    from kg.records import Analysis, Article
    from kg.resources import load_gazetteer
    from kg.store import open_store, write_article_graphs
    from kg.store.model import article_to_trig

    seconds: dict[str, float] = defaultdict(float)
    began = time.perf_counter()
    files = sorted(args.corpus.glob("*.txt"))[: args.articles]
    articles = [article for article in read_articles(files) if isinstance(article, Article)]
    seconds["read and clean"] = time.perf_counter() - began
    gazetteer, pack = load_gazetteer(), load_pack(articles[0].lang or "fr")  # the corpus's language (one)
    nlp = load_nlp(pack, gazetteer)
    with tempfile.TemporaryDirectory(prefix="kg-stages-") as folder:
        store = open_store(Path(folder))
        cache = ResultCache(Path(folder) / "cache", "benchmark")
        pending: list[tuple[str, bytes]] = []
        parsed = parse_articles(nlp, articles)
        while True:
            began = time.perf_counter()
            try:
                article, doc = next(parsed)
            except StopIteration:
                break
            seconds["parse"] += _lap(began)
            began = time.perf_counter()
            mentions = find_mentions(doc, article, gazetteer, pack)
            seconds["mentions"] += _lap(began)
            began = time.perf_counter()
            events = extract_events(doc, article, mentions, pack)
            seconds["relations"] += _lap(began)
            began = time.perf_counter()
            pending.append((article.id, article_to_trig(article, events, build=URIRef("urn:bench"))))
            seconds["rdf trig"] += _lap(began)
            began = time.perf_counter()
            if len(pending) >= GRAPH_BATCH or article is articles[-1]:
                write_article_graphs(store, pending)
                pending.clear()
            seconds["store write"] += _lap(began)
            began = time.perf_counter()
            for record in [to_mention_record(mention) for mention in mentions] + [to_event_record(e) for e in events]:
                json.dumps(record, ensure_ascii=False)  # as the build writes its files
            cache.write(article, Analysis(tuple(mentions), tuple(events)))
            seconds["records and cache"] += _lap(began)
        del store
    for stage, total in seconds.items():
        print(json.dumps({"stage": stage, "seconds": round(total, 2),
                          "ms_per_article": round(total / len(articles) * 1000, 1)}))  # fmt: skip


def _lap(began: float) -> float:
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
