"""Curated data files load, and a bad row fails with the file name and line number."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import DataError
from kg.records import RuleScope
from kg.resources import load_furniture_rules, load_section_labels, read_tsv

HEADER = "reason\tscope\tmatch\tpattern\n"


def test_resources_furniture_rules_load_and_are_sorted() -> None:
    rules = load_furniture_rules()
    assert len(rules) >= 20
    assert {rule.scope for rule in rules} == set(RuleScope)
    rows = [(rule.reason, rule.scope, rule.match, rule.pattern) for rule in rules]
    assert rows == sorted(rows)


def test_resources_section_labels_include_common_rubrics() -> None:
    assert {"europe", "monde", "international"} <= load_section_labels()


def test_resources_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text(HEADER + "teaser\tline\tprefix\tlire aussi\nbroken\tline\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{path}:3: expected 4 tab-separated fields, found 2$"):
        load_furniture_rules(path)


def test_resources_unknown_scope_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text(HEADER + "teaser\teverywhere\tprefix\tlire aussi\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{path}:2: 'everywhere' is not a valid RuleScope$"):
        load_furniture_rules(path)


def test_resources_bad_regex_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text(HEADER + "tag\tline\tregex\t^(unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{path}:2: bad regular expression"):
        load_furniture_rules(path)


def test_resources_wrong_header_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "labels.tsv"
    path.write_text("name\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{path}:1: header must be"):
        list(read_tsv(path, ("label", "lang")))


def test_resources_a_trigger_is_found_under_either_spelling_of_a_ligature() -> None:
    # French writes "manœuvre" and "manoeuvre", "cœur" and "coeur": the pack's spelling variants.
    from kg.resources import load_event_lexicon

    triggers = load_event_lexicon("fr").triggers
    written = triggers[("fr", "manœuvre", "NOUN")]
    assert triggers[("fr", "manoeuvre", "NOUN")] == written


def test_resources_a_pack_file_of_evaluations_or_requests_with_a_bad_row_names_its_line(tmp_path: Path) -> None:
    from kg.resources import _load_evaluations, _load_request_cues, load_cameo_codes

    evaluations = tmp_path / "evaluations.tsv"
    evaluations.write_text("word\trole\tcameo\nprovocation\tverdict\t111\nqualifier\tverdict\t\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{evaluations}:3: a verdict or a reaction has a CAMEO code"):
        _load_evaluations(evaluations, load_cameo_codes(), "fr")
    evaluations.write_text("word\trole\tcameo\nprovocation\tblame\t111\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{evaluations}:2: role must be one of"):
        _load_evaluations(evaluations, load_cameo_codes(), "fr")
    requests = tmp_path / "requests.tsv"
    requests.write_text("cue\tkind\nespérer\twish\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"^{requests}:2: kind must be"):
        _load_request_cues(requests, "fr")
