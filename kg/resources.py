"""Where the curated data lives, and loading it: the only module that knows `data/`.

Reads the TSV files under `data/` (see `data/README.md`); every malformed row
is a `DataError` naming the file and line. Nothing is read at import time.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from kg.errors import DataError
from kg.records import FurnitureRule, RuleMatch, RuleScope

__all__ = [
    "DATA_DIR_VARIABLE",
    "data_dir",
    "read_tsv",
    "load_furniture_rules",
    "load_section_labels",
]

DATA_DIR_VARIABLE = "KG_DATA_DIR"
_INSTALLED_DATA = Path(sys.prefix) / "share" / "diplomatic-kg" / "data"


def data_dir() -> Path:
    """The `data/` folder: `$KG_DATA_DIR`, else the checkout's, else the installed copy."""
    if os.environ.get(DATA_DIR_VARIABLE):
        return Path(os.environ[DATA_DIR_VARIABLE])
    checkout = Path(__file__).resolve().parent.parent / "data"
    if checkout.is_dir():
        return checkout
    if _INSTALLED_DATA.is_dir():
        return _INSTALLED_DATA
    raise DataError(checkout, f"data folder not found; set {DATA_DIR_VARIABLE} or reinstall diplomatic-kg")


def read_tsv(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row of a TSV file with exactly `columns`.

    Blank lines and lines starting with `#` are skipped. A wrong header or a
    row with the wrong number of fields raises `DataError` with file:line.
    """
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise DataError(path, f"cannot read: {error.strerror}") from error
    with handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if header != list(columns):
            raise DataError(path, f"header must be {'<TAB>'.join(columns)!r}, found {header!r}", line=1)
        for line_number, fields in enumerate(rows, start=2):
            if not fields or not "".join(fields).strip() or fields[0].startswith("#"):
                continue
            if len(fields) != len(columns):
                raise DataError(
                    path, f"expected {len(columns)} tab-separated fields, found {len(fields)}", line=line_number
                )
            yield line_number, dict(zip(columns, fields, strict=True))


@cache
def load_furniture_rules(path: Path | None = None) -> tuple[FurnitureRule, ...]:
    """Load the site-furniture rules (`data/ingest/furniture.tsv`)."""
    path = path or data_dir() / "ingest" / "furniture.tsv"
    rules = []
    for line_number, row in read_tsv(path, ("reason", "scope", "match", "pattern")):
        try:
            rule = FurnitureRule(row["reason"], RuleScope(row["scope"]), RuleMatch(row["match"]), row["pattern"])
        except ValueError as error:
            raise DataError(path, str(error), line=line_number) from error
        if rule.match is RuleMatch.REGEX:
            try:
                re.compile(rule.pattern)
            except re.error as error:
                raise DataError(path, f"bad regular expression: {error}", line=line_number) from error
        if rule.scope in (RuleScope.PREFIX, RuleScope.SUFFIX) and rule.match is not RuleMatch.REGEX:
            raise DataError(path, f"a {rule.scope} rule needs a regex pattern", line=line_number)
        rules.append(rule)
    return tuple(rules)


@cache
def load_section_labels(path: Path | None = None) -> frozenset[str]:
    """Load the section labels that may head an article above its title (`data/ingest/section_labels.tsv`)."""
    path = path or data_dir() / "ingest" / "section_labels.tsv"
    return frozenset(row["label"].casefold() for _, row in read_tsv(path, ("label", "lang")))
