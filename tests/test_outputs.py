"""Output files: a build's relation lines are its `Event` records, written back byte for byte; a damaged line is
one error naming the file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import OutputError
from kg.outputs import read_records, to_event_record
from kg.records import Event, Mode, QuadClass


def test_outputs_relations_jsonl_reads_as_event_records_written_back_byte_for_byte(seeds_build: Path) -> None:
    path = seeds_build / "relations.jsonl"
    events = list(read_records(path, Event))
    assert events and all(isinstance(event.mode, Mode) and isinstance(event.quadclass, QuadClass) for event in events)
    written = "".join(json.dumps(to_event_record(event), ensure_ascii=False) + "\n" for event in events)
    assert written == path.read_text(encoding="utf-8")


def test_outputs_damaged_relation_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "relations.jsonl"
    path.write_text('{"article": "a", "source": "FRA", "target": "DEU"}\n', encoding="utf-8")
    with pytest.raises(OutputError, match=r"relations\.jsonl:1: damaged output line"):
        list(read_records(path, Event))
