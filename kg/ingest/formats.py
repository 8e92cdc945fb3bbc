"""Article files to raw article fields: `.txt`, `.html`, `.jsonl`, and sidecar metadata.

A reader turns one file (or one JSON line) into a `RawArticle`: the original
text and whatever metadata the input gives. Cleaning happens afterwards.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.ingest.decoding import decode_bytes
from kg.ingest.markup import extract_page

__all__ = [
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "METADATA_FIELDS",
    "RawArticle",
    "is_sidecar",
    "read_text_file",
    "read_html_file",
    "read_jsonl_file",
]

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
METADATA_FIELDS = ("title", "date", "url", "source", "lang")
SIDECAR_SUFFIX = ".meta.json"
FOLDER_METADATA = "metadata.tsv"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class RawArticle:
    """An article as read, before cleaning: id, original text and given metadata."""

    id: str
    path: str
    original: str
    encoding: str
    metadata: dict[str, str] = field(default_factory=dict)
    line: int | None = None


def is_sidecar(path: Path) -> bool:
    """True for metadata files that accompany articles rather than being articles."""
    return path.name.endswith(SIDECAR_SUFFIX) or path.name == FOLDER_METADATA


def read_text_file(path: Path, *, max_bytes: int) -> RawArticle:
    """Read a plain-text article; metadata comes from `NAME.meta.json` or the folder's `metadata.tsv`."""
    text, encoding = decode_bytes(_read_bytes(path, max_bytes=max_bytes), path)
    return RawArticle(path.stem, str(path), text, encoding, _sidecar_metadata(path))


def read_html_file(path: Path, *, max_bytes: int) -> RawArticle:
    """Read a web page: its main text (title first) and the metadata the page gives."""
    page, encoding = decode_bytes(_read_bytes(path, max_bytes=max_bytes), path)
    extracted = extract_page(page, path)
    page_metadata = {
        "title": extracted.title,
        "date": extracted.date,
        "url": extracted.url,
        "source": extracted.source,
        "lang": extracted.lang,
    }
    metadata = {key: value for key, value in page_metadata.items() if value} | _sidecar_metadata(path)
    return RawArticle(path.stem, str(path), _with_title(metadata.get("title"), extracted.text), encoding, metadata)


def read_jsonl_file(path: Path, *, max_bytes: int) -> Iterator[RawArticle | InputError]:
    """Yield one article per line of a JSON Lines file, or the error for a bad line."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError(path, f"cannot read: {error.strerror}")
        return
    with handle:
        for number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            try:
                yield _parse_jsonl_line(raw_line, path, number, max_bytes=max_bytes)
            except InputError as error:
                yield error


def _parse_jsonl_line(raw_line: bytes, path: Path, number: int, *, max_bytes: int) -> RawArticle:
    if len(raw_line) > max_bytes:
        raise InputError(path, f"line is {len(raw_line):,} bytes, over the limit of {max_bytes:,}", line=number)
    try:
        record = json.loads(raw_line)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(path, f"not JSON: {error}", line=number) from error
    if not isinstance(record, dict):
        raise InputError(path, "a line must be a JSON object with 'id' and 'text'", line=number)
    article_id, text = record.get("id"), record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, "missing or empty 'text'", line=number)
    if not isinstance(article_id, str | int) or isinstance(article_id, bool) or not str(article_id).strip():
        raise InputError(path, "missing or empty 'id'", line=number)
    metadata = {key: _unicode(str(record[key])) for key in METADATA_FIELDS if isinstance(record.get(key), str | int)}
    original = _with_title(metadata.get("title"), _unicode(text))
    return RawArticle(_unicode(str(article_id).strip()), str(path), original, "utf-8", metadata, number)


def _unicode(text: str) -> str:
    """The text with each unpaired surrogate (JSON's escape "\\ud800" alone: no character) replaced by U+FFFD,
    as a decoder replaces a bad byte: what follows (the parser, the outputs, the store) takes valid Unicode only."""
    return _SURROGATE.sub("\ufffd", text)


def _with_title(title: str | None, text: str) -> str:
    """The original text of an article given apart from its title: the title, a blank line, the text."""
    if title and not text.lstrip().startswith(title.strip()):
        return f"{title.strip()}\n\n{text}"
    return text


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size:,} bytes, over the limit of {max_bytes:,} (see --max-bytes)")
        return path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror}") from error


def _sidecar_metadata(path: Path) -> dict[str, str]:
    """Metadata for a text file: its folder's `metadata.tsv` row, overridden by `NAME.meta.json`."""
    metadata = _folder_metadata(path.parent).get(path.stem, {})
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if sidecar.is_file():
        try:
            record = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(sidecar, f"bad metadata sidecar: {error}") from error
        if not isinstance(record, dict):
            raise InputError(sidecar, "bad metadata sidecar: expected a JSON object")
        metadata |= {key: str(record[key]) for key in METADATA_FIELDS if isinstance(record.get(key), str | int)}
    return metadata


def _folder_metadata(folder: Path) -> dict[str, dict[str, str]]:
    table = folder / FOLDER_METADATA
    try:
        modified = table.stat().st_mtime_ns
    except OSError:
        return {}
    return _read_folder_metadata(table, modified)


@lru_cache(maxsize=64)
def _read_folder_metadata(table: Path, modified: int) -> dict[str, dict[str, str]]:
    """Read a folder's metadata table once per build (`modified` keys the cache)."""
    try:
        with table.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(table, f"bad metadata table: {error}") from error
    if rows and "id" not in rows[0]:
        raise InputError(table, "bad metadata table: the header needs an 'id' column")
    return {
        row["id"]: {key: value for key in METADATA_FIELDS if (value := (row.get(key) or "").strip())}
        for row in rows
        if row.get("id")
    }
