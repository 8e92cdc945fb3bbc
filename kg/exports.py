"""Exports of a build's relations: JSON Lines (the gold schema and more), CSV, and GDELT 2.0 event columns.

Reads `OUT/relations.jsonl` and `OUT/articles.jsonl` (for source URLs) and the
gazetteer (for actor names); writes text to a stream.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TextIO

from kg.errors import KgError
from kg.records import Gazetteer

__all__ = ["FORMATS", "CSV_COLUMNS", "GDELT_COLUMNS", "write_events", "kept_events", "to_gdelt_row"]

FORMATS = ("jsonl", "csv", "gdelt")
CSV_COLUMNS = (
    "article", "source", "target", "cameo", "sub", "mode", "symmetric", "goldstein", "quadclass", "plover",
    "confidence", "date", "date_precision", "source_actor", "target_actor", "mentions", "evidence",
)  # fmt: skip
# The 61 columns of a GDELT 2.0 event record, in order.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{prefix}Geo_{field}" for prefix in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip


def write_events(
    events: Iterable[dict[str, Any]],
    stream: TextIO,
    *,
    format: Literal["jsonl", "csv", "gdelt"],
    gazetteer: Gazetteer,
    sources: dict[str, str],
    min_confidence: float = 0.0,
) -> int:
    """Write relation records in a format; `sources` maps article ids to URLs or file paths. Relations whose
    `confidence` is below `min_confidence` (a probability, 0 to 1) are left out. Returns the count written."""
    events = kept_events(events, min_confidence=min_confidence)
    count = 0
    if format == "jsonl":
        for event in events:
            stream.write(json.dumps(event, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.writer(stream, delimiter="," if format == "csv" else "\t", lineterminator="\n")
    writer.writerow(CSV_COLUMNS if format == "csv" else GDELT_COLUMNS)
    for count, event in enumerate(events, start=1):
        if format == "csv":
            writer.writerow([len(event["evidences"]) if c == "mentions" else event.get(c) for c in CSV_COLUMNS])
        else:
            writer.writerow(to_gdelt_row(event, count, gazetteer=gazetteer, source=sources.get(event["article"], "")))
    return count


def kept_events(events: Iterable[dict[str, Any]], *, min_confidence: float = 0.0) -> Iterator[dict[str, Any]]:
    """The relation records whose `confidence` reaches `min_confidence` (all of them at 0)."""
    if not 0.0 <= min_confidence <= 1.0:  # checked now, not when the first record is read
        raise KgError(f"minimum confidence {min_confidence}: expected a probability from 0 to 1")
    return (event for event in events if float(event.get("confidence") or 0.0) >= min_confidence)


def to_gdelt_row(event: dict[str, Any], number: int, *, gazetteer: Gazetteer, source: str) -> list[str]:
    """One relation as GDELT 2.0 event columns: the fields that have a meaning here, blank otherwise."""
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row["GLOBALEVENTID"] = str(number)
    date = event.get("date") or ""
    if event.get("date_precision") == "day" and len(date) == 10:
        year, month, day = int(date[:4]), int(date[5:7]), int(date[8:10])
        row |= {"SQLDATE": date.replace("-", ""), "MonthYear": date[:7].replace("-", ""), "Year": date[:4],
                "FractionDate": f"{year + ((month - 1) * 30 + day) / 365:.4f}"}  # fmt: skip
    elif len(date) >= 4:
        row["Year"] = date[:4]
        row["MonthYear"] = date[:7].replace("-", "") if len(date) >= 7 else ""
    for number_, side in ((1, "source"), (2, "target")):
        code = event[side]
        actor = gazetteer.actors.get(event.get(f"{side}_actor", code)) or gazetteer.actors.get(code)
        row[f"Actor{number_}Code"] = code
        row[f"Actor{number_}Name"] = (actor.label_en if actor else code).upper()
        row[f"Actor{number_}CountryCode"] = code if len(code) == 3 else ""
    sub = event.get("sub") or event["cameo"]
    row |= {
        "IsRootEvent": "1", "EventCode": sub, "EventBaseCode": sub[:3], "EventRootCode": event["cameo"],
        "QuadClass": str(event["quadclass"]), "GoldsteinScale": str(event["goldstein"]),
        "NumMentions": str(len(event.get("evidences", ())) or 1), "NumSources": "1", "NumArticles": "1",
        "SOURCEURL": source,
    }  # fmt: skip
    return [row[column] for column in GDELT_COLUMNS]
