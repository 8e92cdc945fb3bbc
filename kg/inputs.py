"""The input index of a build folder (`OUT/inputs.json`): which input files a build may take as unchanged.

For every input file of the last completed build it keeps the file's size, modification time (ns) and
SHA-256, and the articles it gave: id, line (of a JSON Lines file) and where the article's record is in that
build's `articles.jsonl`. A file of the same size and mtime is unchanged without being opened, unless it was
modified within `MTIME_SLACK_NS` of when its content was last read (a coarse clock could then hide a change);
one touched but of the same hash is unchanged too. The index also keeps what the build depended on (versions,
curated data, options) and what it reported (counts, skipped inputs), so that a build with nothing to do can
report it again. It is written at the end of a completed build and removed as soon as a build begins to
change the store or the outputs, so a build that stops half-way leaves none (the next one reads every input
again), unless it stopped before changing anything.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from kg.outputs import write_json

__all__ = [
    "INDEX_FILE",
    "MTIME_SLACK_NS",
    "IndexedArticle",
    "FileState",
    "InputIndex",
    "read_index",
    "write_index",
    "discard_index",
    "read_file_state",
    "is_unchanged_by_stat",
    "check_file",
    "stat_key",
]

INDEX_FILE = "inputs.json"
INDEX_FORMAT = 1
MTIME_SLACK_NS = 2 * 10**9  # the coarsest file-system clock in use (FAT's: 2 s)
_HASH_CHUNK = 2**20


@dataclass(frozen=True)
class IndexedArticle:
    """An article an input file gave, and where its record is in the build's `articles.jsonl` (bytes)."""

    id: str
    line: int | None
    offset: int
    length: int


@dataclass(frozen=True)
class FileState:
    """An input file as a build saw it: its size, mtime, content hash, when that hash was taken, what it gave."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    checked_ns: int  # when its content was last read or hashed (ns since the epoch)
    articles: tuple[IndexedArticle, ...] = ()
    errors: int = 0  # inputs errors it gave: such a file is read again (a duplicate id depends on other files)


@dataclass(frozen=True)
class InputIndex:
    """The input files of a completed build, in input order, with what the build depended on and reported."""

    settings: dict[str, str]
    articles_file: tuple[int, int]  # size and mtime (ns) of the `articles.jsonl` the offsets point into
    files: tuple[FileState, ...]
    report: dict[str, Any]


def read_index(out_dir: Path, *, settings: dict[str, str]) -> InputIndex | None:
    """The index of the build folder, if there is one made under the same `settings` (else None: every input is
    read again, as by a first build)."""
    try:
        document = json.loads((out_dir / INDEX_FILE).read_text(encoding="utf-8"))
        if document.get("format") != INDEX_FORMAT or document.get("settings") != settings:
            return None
        files = tuple(
            FileState(**{**state, "articles": tuple(IndexedArticle(*entry) for entry in state["articles"])})
            for state in document["files"]
        )
        return InputIndex(settings, tuple(document["articles_file"]), files, document["report"])  # type: ignore[arg-type]
    except (OSError, ValueError, TypeError, KeyError):  # missing, damaged or of another version: not trusted
        return None


def write_index(path: Path, index: InputIndex) -> None:
    """Write the index atomically."""
    files = [{**asdict(state), "articles": [list(asdict(entry).values()) for entry in state.articles]}
             for state in index.files]  # fmt: skip
    write_json(path, {"format": INDEX_FORMAT, "settings": index.settings, "articles_file": list(index.articles_file),
                      "report": index.report, "files": files})  # fmt: skip


def discard_index(out_dir: Path) -> None:
    """Remove the index: from now on the store and the outputs may change without it knowing."""
    (out_dir / INDEX_FILE).unlink(missing_ok=True)


def stat_key(path: Path) -> tuple[int, int]:
    """A file's size and modification time (ns)."""
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


def read_file_state(path: Path, *, now_ns: int) -> FileState:
    """The state of a file about to be read: its size and mtime, then its hash (a change made after this is
    seen by the next build)."""
    size, mtime_ns = stat_key(path)
    return FileState(str(path), size, mtime_ns, _hash_file(path), now_ns)


def is_unchanged_by_stat(path: Path, known: FileState) -> bool:
    """Whether the file has the size and mtime it had when its content was read, and was not modified so close
    before that read that a coarse clock could hide a later change."""
    try:
        size, mtime_ns = stat_key(path)
    except OSError:
        return False
    return (size, mtime_ns) == (known.size, known.mtime_ns) and mtime_ns < known.checked_ns - MTIME_SLACK_NS


def check_file(path: Path, known: FileState | None, *, now_ns: int) -> FileState | None:
    """`known` brought up to date if the file still has the content it had then (same size and mtime, or else
    the same hash: it was touched or copied over with the same bytes); None if it changed (or is new)."""
    if known is None:
        return None
    if is_unchanged_by_stat(path, known):
        return known
    try:
        current = read_file_state(path, now_ns=now_ns)
    except OSError:
        return None
    if (current.size, current.sha256) != (known.size, known.sha256):
        return None
    return replace(known, mtime_ns=current.mtime_ns, checked_ns=now_ns)


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
