"""The exception tree of diplomatic-kg: every error a user can act on.

The library raises these; the CLI catches `KgError` once, prints its one-line
message and exits non-zero. Nothing here reads or writes files.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["KgError", "LocatedError", "InputError", "DataError", "ModelError", "OutputError"]


class KgError(Exception):
    """Base of every error diplomatic-kg raises on purpose."""


class LocatedError(KgError):
    """An error in a file, possibly at a line: `path`, `line` (or None) and `cause`, in words a user can act on."""

    def __init__(self, path: str | Path, cause: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.cause = cause
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {cause}")


class InputError(LocatedError):
    """An input article (a file, or one line of a JSON Lines file) cannot be read."""


class DataError(LocatedError):
    """A curated data file under `data/` (lexicon, gazetteer, pattern list) is malformed."""


class ModelError(KgError):
    """A required language model or language package is not installed."""


class OutputError(KgError):
    """An output directory, file or store cannot be written or read."""
