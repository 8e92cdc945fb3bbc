"""The analysis cache: one entry per article id, whatever characters the id holds."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest

from kg.cache import ResultCache
from kg.outputs import to_article_record, to_baseline_record, to_mention_record
from kg.pipeline import build
from kg.records import ActorKind, Analysis, Article, Evidence, Mention, Resolution, TextPiece
from kg.vocab import article_graph_iri

from helpers import coded_event, store_quads

# Ids that a character-by-character slug maps to one name ("a_b"), and ids that differ only in case (one name
# on a case-insensitive file system).
ALIKE = ("a/b", "a_b", "a:b", "a b", "A_B")


def article(article_id: str, text: str) -> Article:
    return Article(article_id, "corpus.jsonl", text, text, text, (TextPiece(0, len(text), 0, len(text)),), lang="fr")


def state_mention(article_id: str) -> Mention:
    return Mention(article_id, "Texte", 0, 5, 0, 5, 0, 0, 1, "FRA", "FRA", ActorKind.STATE, "Q142", Resolution.NAME)


def test_cache_ids_alike_after_slugging_have_entries_of_their_own(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache", "v1")
    articles = [article(article_id, f"Texte {number}.") for number, article_id in enumerate(ALIKE)]
    for item in articles:
        cache.write(item, Analysis((state_mention(item.id),), (), ()), graph=f"# graph of {item.id}\n".encode())
    names = [path.name.lower() for path in (tmp_path / "cache").iterdir()]
    assert len(set(names)) == 2 * len(ALIKE)
    for item in articles:
        analysis = cache.read(item)
        assert analysis is not None and analysis.mentions == (state_mention(item.id),)
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
    graphs = {quad.graph_name.value for quad in quads if isinstance(quad.graph_name, pyoxigraph.NamedNode)}
    assert {str(article_graph_iri(key)) for key in texts} <= graphs  # neither article's graph lost
    assert len(quads) == len(set(quads))  # nor written twice
    assert set(quads) == store_quads(out)
    again = build([corpus], out, baseline=False)
    assert again.analysed == () and sorted(again.reused) == sorted(texts)


def test_cache_gives_back_the_analysis_it_was_given(tmp_path: Path) -> None:
    text = "La France et le Chili\n\nLa France a critiqué le Chili mardi.\n"
    item = article("fr-cl", text)
    sentence = text.index("La France a")
    evidence = Evidence(text[sentence:-1], sentence, len(text) - 1, "critiqué", sentence + 12, sentence + 20, 1)
    relation = coded_event("fr-cl", "FRA", "CHL", "111", evidence)
    pair = replace(relation, sub="110", confidence=0.5)
    analysis = Analysis((state_mention("fr-cl"),), (relation,), (pair,))
    cache = ResultCache(tmp_path / "cache", "v1")
    cache.write(item, analysis)
    again = cache.read(item, baseline=True)
    # Typed records, token offsets kept, and the baseline's quotes (not stored) taken again from the article.
    assert again == analysis
    assert isinstance(again.events[0].evidences[0], Evidence) and again.cooccurrences[0].evidence == text[sentence:-1]
    assert "critiqué le Chili" not in json.dumps(json.loads(next((tmp_path / "cache").glob("*.json")).read_text())
                                                 ["cooccurrences"])  # fmt: skip


def test_cache_outputs_are_the_records_the_analysis_writes(tmp_path: Path) -> None:
    # A rebuild copies a reused article's mention and baseline records from its entry: the very records its
    # analysis gives, without and with the baseline.
    text = "La France et le Chili\n\nLa France a critiqué le Chili mardi.\n"
    item = article("fr-cl", text)
    sentence = text.index("La France a")
    evidence = Evidence(text[sentence:-1], sentence, len(text) - 1, "critiqué", sentence + 12, sentence + 20, 1)
    relation = coded_event("fr-cl", "FRA", "CHL", "111", evidence)
    analysis = Analysis((state_mention("fr-cl"), replace(state_mention("fr-cl"), role="military")), (relation,),
                        (replace(relation, sub="110", confidence=0.5),))  # fmt: skip
    cache = ResultCache(tmp_path / "cache", "v1")
    cache.write(item, analysis)
    outputs = cache.read_outputs(item, baseline=True)
    assert outputs is not None and outputs.events == analysis.events
    assert outputs.mention_records == tuple(to_mention_record(mention) for mention in analysis.mentions)
    assert outputs.baseline_records == tuple(to_baseline_record(pair) for pair in analysis.cooccurrences)
    cache.write(item, replace(analysis, cooccurrences=None))
    assert cache.read_outputs(item, baseline=True) is None  # no baseline cached: analysed again
    assert cache.read_outputs(item).baseline_records is None
    assert cache.read_outputs(article("fr-cl", text + "Encore.")) is None  # another content


def test_cache_entry_of_the_older_layout_is_analysed_again(tmp_path: Path) -> None:
    item = article("fr-1", "La France.")
    cache = ResultCache(tmp_path / "cache", "v1")
    cache.write(item, Analysis((state_mention("fr-1"),), (), ()))
    # The entry as the first layout wrote it: the output files' dicts, keyed without the cache format.
    record = json.dumps(to_article_record(item), ensure_ascii=False, sort_keys=True)
    old_key = hashlib.sha256(("v1\n" + record).encode("utf-8")).hexdigest()
    entry = next((tmp_path / "cache").glob("*.json"))
    entry.write_text(json.dumps({"key": old_key, "mentions": [{"article": "fr-1"}], "events": [],
                                 "cooccurrences": []}))  # fmt: skip
    assert cache.read(item) is None


def test_cache_rebuild_from_the_cache_writes_the_same_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    texts = {"no-se": "La Norvège a signé un accord avec la Suède. La Suède a critiqué la Russie.",
             "cl-pe": "Le Chili a vivement critiqué le Pérou, puis les deux pays se sont rencontrés."}  # fmt: skip
    corpus.write_text("".join(json.dumps({"id": key, "text": text}, ensure_ascii=False) + "\n"
                              for key, text in texts.items()), encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    names = ("mentions.jsonl", "relations.jsonl", "cooccurrence.jsonl")
    build([corpus], out)
    first = {name: (out / name).read_bytes() for name in names}
    assert build([corpus], out).analysed == ()
    assert {name: (out / name).read_bytes() for name in names} == first
    assert first["relations.jsonl"] and first["cooccurrence.jsonl"]


def test_cache_is_not_read_after_the_code_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's changed rule under the same release number: the cache of the older code would hide it.
    corpus = tmp_path / "corpus.jsonl"
    line = json.dumps({"id": "a", "text": "Le Chili a vivement critiqué le Pérou."})
    corpus.write_text(line + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build([corpus], out, baseline=False).analysed == ("a",)
    assert build([corpus], out, baseline=False).reused == ("a",)
    monkeypatch.setattr("kg.pipeline._code_digest", lambda: "another")
    assert build([corpus], out, baseline=False).analysed == ("a",)
