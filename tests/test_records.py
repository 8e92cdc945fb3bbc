"""Records: one definition of each closed set (QuadClass read from the CAMEO table), and the one JSON round trip
of every record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.outputs import to_event_record
from kg.records import (
    ActorKind,
    Analysis,
    Article,
    ArticleDate,
    DatePrecision,
    Event,
    Evidence,
    Mention,
    Mode,
    QuadClass,
    Removal,
    Resolution,
    TextPiece,
    from_json,
    to_json,
)
from kg.resources import load_cameo_codes

CODES_HEADER = "code\tname\tgoldstein\tquadclass\tplover\n"


def test_quadclass_has_gdelt_values_and_labels() -> None:
    assert [(quad.value, quad.label, quad.is_cooperation) for quad in QuadClass] == [
        (1, "verbal cooperation", True),
        (2, "material cooperation", True),
        (3, "verbal conflict", False),
        (4, "material conflict", False),
    ]


def test_cameo_code_quadclass_is_the_tables_not_its_roots(tmp_path: Path) -> None:
    table = tmp_path / "codes.tsv"
    # A table of our own where root 04 is (wrongly, on purpose) a conflict: what the table says wins.
    table.write_text(CODES_HEADER + "04\tConsult\t1.0\t3\tconsult\n040\tConsult, n.e.c.\t1.0\t3\tconsult\n")
    codes = load_cameo_codes.__wrapped__(table)
    assert codes["04"].quadclass is QuadClass.VERBAL_CONFLICT
    assert codes["040"].quadclass is QuadClass.VERBAL_CONFLICT


def test_every_cameo_code_has_a_quadclass_member() -> None:
    codes = load_cameo_codes()
    assert {type(code.quadclass) for code in codes.values()} == {QuadClass}
    assert {code.quadclass for code in codes.values()} == set(QuadClass)


# The one JSON round trip ---------------------------------------------------------------------------------------

texts = st.text(max_size=12)
offsets = st.integers(min_value=0, max_value=10**7)
evidences = st.builds(Evidence, text=texts, start=offsets, end=offsets, trigger=texts, trigger_start=offsets,
                      trigger_end=offsets, sentence=offsets)  # fmt: skip
events = st.builds(
    Event, article=texts, source=texts, target=texts, cameo=texts, sub=texts, mode=st.sampled_from(Mode),
    symmetric=st.booleans(), evidence=texts, evidences=st.lists(evidences, max_size=3).map(tuple),
    source_actor=texts, target_actor=texts, goldstein=st.floats(-10, 10), quadclass=st.sampled_from(QuadClass),
    plover=texts, confidence=st.floats(0, 1), date=st.none() | texts, date_precision=st.none() | texts,
)  # fmt: skip
mentions = st.builds(
    Mention, article=texts, text=texts, start=offsets, end=offsets, original_start=offsets, original_end=offsets,
    sentence=offsets, token_start=offsets, token_end=offsets, actor=texts, code=texts,
    kind=st.sampled_from(ActorKind), qid=st.none() | texts, how=st.sampled_from(Resolution), locative=st.booleans(),
)  # fmt: skip
articles = st.builds(
    Article, id=texts, path=texts, title=texts, text=texts, original=texts,
    pieces=st.lists(st.builds(TextPiece, offsets, offsets, offsets, offsets), max_size=3).map(tuple),
    encoding=texts, lang=st.none() | texts,
    date=st.none() | st.builds(ArticleDate, st.dates(), st.sampled_from(DatePrecision), texts),
    url=st.none() | texts, source=st.none() | texts,
    removed=st.lists(st.builds(Removal, texts, texts, offsets, offsets), max_size=2).map(tuple),
    content_hash=texts, line=st.none() | offsets,
)  # fmt: skip
analyses = st.builds(Analysis, st.lists(mentions, max_size=2).map(tuple), st.lists(events, max_size=2).map(tuple),
                     st.none() | st.lists(events, max_size=2).map(tuple))  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(record=st.one_of(events, mentions, articles, analyses))
def test_records_json_round_trip_gives_back_the_same_record(record: object) -> None:
    text = json.dumps(to_json(record), ensure_ascii=False)
    again = from_json(type(record), json.loads(text))
    assert again == record
    assert json.dumps(to_json(again), ensure_ascii=False) == text  # and the same JSON, byte for byte


@settings(max_examples=60, deadline=None)
@given(event=events)
def test_records_a_relations_jsonl_line_is_the_event_it_was_written_from(event: Event) -> None:
    again = from_json(Event, json.loads(json.dumps(to_event_record(event))))
    assert again == event and isinstance(again.mode, Mode) and isinstance(again.quadclass, QuadClass)
    assert all(isinstance(evidence, Evidence) for evidence in again.evidences)


def test_records_from_json_of_a_record_of_another_kind_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="does not fit the fields of Event"):
        from_json(Event, {"article": "a", "source": "FRA"})
