"""The analysis cache: one entry per article id, whatever characters the id holds."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph

from kg.cache import ResultCache
from kg.pipeline import build
from kg.records import Article, TextPiece
from kg.vocab import article_graph_iri

from helpers import store_quads

# Ids that a character-by-character slug maps to one name ("a_b"), and ids that differ only in case (one name
# on a case-insensitive file system).
ALIKE = ("a/b", "a_b", "a:b", "a b", "A_B")


def article(article_id: str, text: str) -> Article:
    return Article(article_id, "corpus.jsonl", text, text, text, (TextPiece(0, len(text), 0, len(text)),), lang="fr")


def test_cache_ids_alike_after_slugging_have_entries_of_their_own(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache", "v1")
    articles = [article(article_id, f"Texte {number}.") for number, article_id in enumerate(ALIKE)]
    for item in articles:
        records = {"mentions": [{"article": item.id}], "events": [], "cooccurrences": []}
        cache.write(item, records, graph=f"# graph of {item.id}\n".encode())
    names = [path.name.lower() for path in (tmp_path / "cache").iterdir()]
    assert len(set(names)) == 2 * len(ALIKE)
    for item in articles:
        records = cache.read(item)
        assert records is not None and records["mentions"] == [{"article": item.id}]
        assert cache.graph(item.id) == f"# graph of {item.id}\n".encode()
    cache.forget("a/b")
    assert cache.read(articles[0]) is None and cache.graph("a/b") is None
    assert cache.read(articles[1]) is not None and cache.graph("a_b") is not None


def test_cache_build_of_ids_alike_keeps_both_graphs_and_reuses_both(tmp_path: Path) -> None:
    texts = {"a/b": "La Norvège a signé un accord avec la Suède.",
             "a_b": "Le Chili a vivement critiqué le Pérou."}  # fmt: skip
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": key, "text": text}, ensure_ascii=False) + "\n"
                              for key, text in texts.items()), encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    first = build([corpus], out, baseline=False)
    assert sorted(first.analysed) == sorted(texts)
    quads = list(pyoxigraph.parse(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG))
    graphs = {quad.graph_name.value for quad in quads}
    assert {str(article_graph_iri(key)) for key in texts} <= graphs  # neither article's graph lost
    assert len(quads) == len(set(quads))  # nor written twice
    assert set(quads) == store_quads(out)
    again = build([corpus], out, baseline=False)
    assert again.analysed == () and sorted(again.reused) == sorted(texts)
