"""Extraction speed on a corpus: spaCy's parse alone against parse + actors + events, in words per second.

    .venv/bin/python benchmarks/extraction_speed.py seeds/ [--repeat 5]

The model is loaded once and excluded from both timings; each timing is the
best of `--repeat` runs over the same texts. Prints words/s for each and the
ratio (extraction and relation building over the parse alone).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.actors import find_mentions
from kg.events import extract_events
from kg.ingest import read_articles
from kg.lang import load_pack
from kg.nlp import load_nlp, parse_articles
from kg.records import Article
from kg.resources import load_gazetteer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    articles = [result for result in read_articles(args.inputs) if isinstance(result, Article)]
    gazetteer, pack = load_gazetteer(), load_pack(articles[0].lang or "fr")  # the corpus's language (one)
    nlp = load_nlp(pack, gazetteer)
    words = sum(len(article.text.split()) for article in articles)
    list(nlp.pipe(article.text for article in articles))  # warm up

    def parse_only() -> None:
        list(nlp.pipe(article.text for article in articles))

    def full() -> None:
        for article, doc in parse_articles(nlp, articles):
            extract_events(doc, article, find_mentions(doc, article, gazetteer, pack), pack)

    parse_seconds = min(_timed(parse_only) for _ in range(args.repeat))
    full_seconds = min(_timed(full) for _ in range(args.repeat))
    print(f"{len(articles)} articles, {words} words")
    print(f"parse only (nlp.pipe):          {parse_seconds:.3f} s  {words / parse_seconds:,.0f} words/s")
    print(f"parse + actors + events:        {full_seconds:.3f} s  {words / full_seconds:,.0f} words/s")
    print(f"ratio full / parse:             {full_seconds / parse_seconds:.2f}")


def _timed(function) -> float:
    began = time.perf_counter()
    function()
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
