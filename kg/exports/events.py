"""Writing a build's relations in a format: JSON Lines (the gold schema and more), CSV, or GDELT 2.0 rows.

Reads relations (`Event` records, as `OUT/relations.jsonl` holds them); writes text to a stream. The GDELT columns are
`kg.exports.gdelt`'s.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterable, Iterator
from typing import Literal, TextIO

from kg.errors import KgError
from kg.exports.gdelt import GdeltContext, to_gdelt_event_rows
from kg.outputs import to_event_record
from kg.records import Event, Mode

__all__ = ["FORMATS", "CSV_COLUMNS", "default_modes", "write_events", "kept_events"]

FORMATS = ("jsonl", "csv", "gdelt")
CSV_COLUMNS = (
    "article", "source", "target", "cameo", "sub", "mode", "symmetric", "goldstein", "quadclass", "plover",
    "confidence", "date", "date_precision", "source_actor", "target_actor", "mentions", "evidence",
)  # fmt: skip


def default_modes(format: Literal["jsonl", "csv", "gdelt"]) -> frozenset[Mode]:
    """The modes a format exports unless told: every mode where a column says it (jsonl, csv); asserted
    relations only in GDELT's layout, which has no such column (a hypothetical or negated relation would
    read as an event that happened)."""
    return frozenset({Mode.ASSERTED}) if format == "gdelt" else frozenset(Mode)


def write_events(
    events: Iterable[Event],
    stream: TextIO,
    *,
    format: Literal["jsonl", "csv", "gdelt"],
    gdelt: GdeltContext | None = None,
    modes: Collection[Mode] | None = None,
    min_confidence: float = 0.0,
) -> int:
    """Write relations in a format (GDELT rows need `gdelt`, what they take beside the relation).
    Only relations in `modes` (default: `default_modes(format)`) whose `confidence` (a probability) reaches
    `min_confidence` are written. Returns the count of records (GDELT: of rows, one per event its relations
    report, two for a symmetric one; the kept relations are grouped into events, so they are read first)."""
    if format == "gdelt" and gdelt is None:
        raise KgError("a GDELT export needs its context (article sources, build time, actor scheme)")
    events = kept_events(events, min_confidence=min_confidence, modes=default_modes(format) if modes is None else modes)
    count = 0
    if format == "jsonl":
        for event in events:
            stream.write(json.dumps(to_event_record(event), ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.writer(stream, delimiter="," if format == "csv" else "\t", lineterminator="\n")
    if format == "gdelt":
        for rows in to_gdelt_event_rows(list(events), context=gdelt):  # type: ignore[arg-type]
            writer.writerows(rows)
            count += len(rows)
        return count
    writer.writerow(CSV_COLUMNS)
    for event in events:
        writer.writerow([len(event.evidences) if c == "mentions" else getattr(event, c) for c in CSV_COLUMNS])
        count += 1
    return count


def kept_events(
    events: Iterable[Event], *, min_confidence: float = 0.0, modes: Collection[Mode] = frozenset(Mode)
) -> Iterator[Event]:
    """The relations in `modes` whose `confidence` reaches `min_confidence` (all of them at 0)."""
    if not 0.0 <= min_confidence <= 1.0:  # checked now, not when the first record is read
        raise KgError(f"minimum confidence {min_confidence}: expected a probability from 0 to 1")
    kept_modes = frozenset(Mode(mode) for mode in modes)
    return (event for event in events if event.confidence >= min_confidence and event.mode in kept_modes)
