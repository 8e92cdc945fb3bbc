"""Offsets, for any input: every mention and evidence a build writes quotes its article exactly where it says.

Property-based (Hypothesis): articles made of French phrases of our own, markup (tags inside lines, entities,
scripts), odd Unicode (typographic quotes and spaces, combining marks, emoji, bidirectional marks, other
scripts, surrogates that pair with nothing) and arbitrary text, written as a JSON Lines file, read by ingestion
and analysed by the real French pipeline, in this process. Derandomized: CI sees the same examples every run.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.actors import find_mentions
from kg.errors import InputError
from kg.events import extract_relations
from kg.ingest import read_article_file
from kg.ingest.cleaning import normalise_characters
from kg.outputs import to_article_record, to_event_record, to_mention_record
from kg.records import Article

pytestmark = pytest.mark.model

ACTORS = ("la Norvège", "la Suède", "le Chili", "l'Argentine", "la France", "le Japon", "Berlin", "Moscou",
          "le Premier ministre japonais", "les États-Unis", "l’Union européenne", "l'ONU")  # fmt: skip
VERBS = ("a condamné", "a rencontré", "a signé un accord avec", "menace", "a vivement critiqué", "a accueilli",
         "soutient", "n'a pas rencontré", "pourrait sanctionner", "a remercié", "a attaqué")  # fmt: skip
NOISE = (" ", " ", ", ", ". ", ".\n", "\n\n", "\r\n", "\t", " et ", " mardi ", " à Oslo ", "« ", " »", "’", "\u00a0",
         "\u202f", "\u200b", "\u200f", "\u202e", "e\u0301", "🇳🇴", "👩‍👩‍👧", "Ω", "日本", "ـ", "\ufeff", "\x00",
         "<b>", "</b>", "<p>", "</p>", "<br/>", "<script>la Suède</script>", "<!-- la France -->", "&amp;", "&eacute;",
         "&#8217;", "&nbsp;", "&bogus;", "AT&T", "<", ">", "&", "\ud800", "\udc80x")  # fmt: skip
SEPARATORS = (" ", "  ", " <b>", "</b> ", "\u00a0", " « ", " » ", " &amp; ", " mardi ", " <i>en</i> ", " \u200b")
PIECE = st.one_of(st.sampled_from(ACTORS), st.sampled_from(VERBS), st.sampled_from(NOISE), st.text(max_size=6))
NOISY = st.lists(PIECE, max_size=3).map("".join)
SEPARATOR = st.one_of(st.sampled_from(SEPARATORS), NOISY.map(lambda noise: f" {noise} "))
# Either a relation as a sentence states one (an actor, a verb, another actor), with noise around and between,
# or pieces of anything side by side.
STATED = st.tuples(NOISY, st.sampled_from(ACTORS), SEPARATOR, st.sampled_from(VERBS), SEPARATOR,
                   st.sampled_from(ACTORS), NOISY).map("".join)  # fmt: skip
SENTENCE = st.one_of(STATED, st.lists(PIECE, min_size=1, max_size=12).map(" ".join))
ARTICLE = st.lists(SENTENCE, min_size=1, max_size=6).map(". ".join)
TITLE = st.sampled_from(("Diplomatie\n\n", "", "<h1>Un titre</h1>\n", "Titre « court »\n\n"))


@settings(max_examples=60, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(title=TITLE, body=ARTICLE)
def test_offsets_every_mention_and_evidence_quotes_its_article_exactly(
    tmp_path: Path, title: str, body: str, french_nlp, french, gazetteer
) -> None:
    path = tmp_path / "fuzz.jsonl"
    path.write_text(json.dumps({"id": "fuzz", "text": title + body, "lang": "fr"}) + "\n", encoding="utf-8")
    [article] = read_article_file(path)
    if isinstance(article, InputError):
        return  # nothing left after cleaning: reported, nothing quoted
    written(to_article_record(article))
    assert_pieces_map_the_original(article)
    doc = french_nlp(article.text)
    mentions = find_mentions(doc, article, gazetteer, french)
    events, pairs = extract_relations(doc, article, mentions, french, baseline=True)
    for record in map(to_mention_record, mentions):
        written(record)
        assert record["text"] == article.text[record["start"] : record["end"]] != ""
        span = (record["original_start"], record["original_end"])
        assert span == article.to_original_span(record["start"], record["end"])
        assert_quotes_the_original(article, record["start"], record["end"], *span)
    for record in map(to_event_record, [*events, *(pairs or [])]):
        written(record)
        assert record["evidence"] == record["evidences"][0]["text"]
        for evidence in record["evidences"]:
            assert evidence["text"] == article.original[evidence["start"] : evidence["end"]] != ""
            assert evidence["trigger"] == article.original[evidence["trigger_start"] : evidence["trigger_end"]] != ""
            assert evidence["start"] <= evidence["trigger_start"] < evidence["trigger_end"] <= evidence["end"]


def written(record: dict[str, object]) -> None:
    """The record as the build writes it to its JSON Lines outputs (UTF-8: valid Unicode only)."""
    json.dumps(record, ensure_ascii=False).encode("utf-8")


def assert_pieces_map_the_original(article: Article) -> None:
    """Each run of cleaned text is its original run, typographic characters made ASCII (and, for a run that is
    an HTML entity, decoded)."""
    for piece in article.pieces:
        original = article.original[piece.original_start : piece.original_end]
        cleaned = article.text[piece.start : piece.end]
        exact = piece.end - piece.start == piece.original_end - piece.original_start
        assert cleaned == normalise_characters(original if exact else html.unescape(original))


def assert_quotes_the_original(article: Article, start: int, end: int, original_start: int, original_end: int) -> None:
    """The original span of a cleaned span holds the same text, where the cleaned span maps character by
    character (it lies in runs as long as their originals)."""
    assert 0 <= original_start < original_end <= len(article.original)
    pieces = [piece for piece in article.pieces if piece.start < end and start < piece.end]
    if len(pieces) == 1 and pieces[0].end - pieces[0].start == pieces[0].original_end - pieces[0].original_start:
        assert normalise_characters(article.original[original_start:original_end]) == article.text[start:end]
