"""Output files of a build: written atomically, and the JSON forms of records.

Every output is written to a temporary file in the same folder and renamed
over the old one, so an interrupted build never leaves a half-written file
in place of a good one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import IO, Any, TypeVar

from kg.errors import OutputError
from kg.records import (
    Article,
    ArticleDate,
    DatePrecision,
    Event,
    Mention,
    Removal,
    TextPiece,
    fields_to_json,
    from_json,
)

__all__ = [
    "staged_outputs",
    "atomic_writer",
    "atomic_binary_writer",
    "write_json",
    "read_jsonl",
    "to_article_record",
    "parse_article_record",
    "to_mention_record",
    "to_event_record",
    "to_baseline_record",
    "from_baseline_record",
    "read_records",
    "MENTION_FIELDS",
    "EVENT_FIELDS",
    "EVIDENCE_FIELDS",
]

R = TypeVar("R")

_FILE_MODE = 0o666


@contextmanager
def staged_outputs(out_dir: Path) -> Iterator[Path]:
    """A staging folder for a whole build; its files replace those in `out_dir` only if the block completes.

    Each file is renamed into place (atomic per file), so a failed or
    interrupted build leaves every previous output as it was.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _remove_abandoned_staging(out_dir)
        staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=f".staging-{os.getpid()}-"))
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot write: {error.strerror}") from error
    try:
        yield staging
        for path in sorted(staging.iterdir()):
            os.replace(path, out_dir / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _remove_abandoned_staging(out_dir: Path) -> None:
    """Remove the staging folders of builds that were killed (their process is gone)."""
    for folder in out_dir.glob(".staging-*"):
        pid = folder.name.split("-")[1]
        if pid.isdigit() and not _process_exists(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


@contextmanager
def atomic_writer(path: Path, *, durable: bool = True) -> Iterator[IO[str]]:
    """Open a text file for writing that replaces `path` only if the block completes."""
    with _atomic(path, "w", durable=durable) as handle:
        yield handle


@contextmanager
def atomic_binary_writer(path: Path, *, durable: bool = True) -> Iterator[IO[bytes]]:
    """Like `atomic_writer`, for bytes."""
    with _atomic(path, "wb", durable=durable) as handle:
        yield handle


@contextmanager
def _atomic(path: Path, mode: str, *, durable: bool = True) -> Iterator[IO[Any]]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror}") from error
    try:
        encoding = {"encoding": "utf-8", "newline": "\n"} if "b" not in mode else {}
        with os.fdopen(descriptor, mode, **encoding) as handle:
            yield handle
            handle.flush()
            if durable:  # on disk before the rename, so a power cut cannot leave an empty file in its place
                os.fsync(handle.fileno())
        os.chmod(temporary, _FILE_MODE & ~_current_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_json(path: Path, value: Any) -> None:
    """Write a JSON document atomically."""
    with atomic_writer(path) as handle:
        json.dump(value, handle, ensure_ascii=False, indent=2)
        handle.write("\n")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Read the records of an output JSON Lines file; `OutputError` if it is missing or damaged."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise OutputError(f"{path}: cannot read ({error.strerror}); run kg build first") from error
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise OutputError(f"{path}:{number}: damaged output line ({error})") from error


def to_article_record(article: Article) -> dict[str, Any]:
    """The JSON form of an article, as written to `articles.jsonl`."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "date_precision": str(article.date.precision) if article.date else None,
        "date_source": article.date.source if article.date else None,
        "url": article.url,
        "source": article.source,
        "lang": article.lang,
        "encoding": article.encoding,
        "content_hash": article.content_hash,
        "text": article.text,
        "original": article.original,
        "pieces": [[piece.start, piece.end, piece.original_start, piece.original_end] for piece in article.pieces],
        "removed": [
            {"reason": removal.reason, "start": removal.start, "end": removal.end, "text": removal.text}
            for removal in article.removed
        ],
    }


def parse_article_record(record: dict[str, Any], *, line: int | None = None) -> Article:
    """The article an `articles.jsonl` record was made from (`to_article_record`'s inverse; `line`, of its JSON
    Lines input, is not in the record)."""
    date = None
    if record["date"]:
        year, month, day = [*record["date"].split("-"), "1", "1"][:3]  # a date cut to its precision: its first day
        date = ArticleDate(dt.date(int(year), int(month), int(day)), DatePrecision(record["date_precision"]),
                           record["date_source"])  # fmt: skip
    return Article(
        id=record["id"],
        path=record["path"],
        title=record["title"],
        text=record["text"],
        original=record["original"],
        pieces=tuple(TextPiece(*piece) for piece in record["pieces"]),
        encoding=record["encoding"],
        lang=record["lang"],
        date=date,
        url=record["url"],
        source=record["source"],
        removed=tuple(Removal(item["reason"], item["text"], item["start"], item["end"]) for item in record["removed"]),
        content_hash=record["content_hash"],
        line=line,
    )


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# The layouts of the output files: which fields of a record's JSON form (`kg.records.to_json`) they hold, in order.
MENTION_FIELDS = (
    "article", "text", "start", "end", "original_start", "original_end", "sentence", "actor", "code", "kind", "qid",
    "how", "locative", "role",
)  # fmt: skip
EVENT_FIELDS = (
    "article", "source", "target", "cameo", "sub", "mode", "symmetric", "evidence", "source_actor", "target_actor",
    "goldstein", "quadclass", "plover", "confidence", "date", "date_precision", "source_role", "target_role",
    "evidences",
)  # fmt: skip
EVIDENCE_FIELDS = ("text", "start", "end", "sentence", "trigger", "trigger_start", "trigger_end")
# What a baseline record leaves out: the quotes, which its offsets give (a sentence of many actors is evidence of
# thousands of pairs).
QUOTE_FIELDS = frozenset({"evidence", "text"})
_BASELINE_FIELDS = tuple(name for name in EVENT_FIELDS if name not in QUOTE_FIELDS)
_BASELINE_EVIDENCE_FIELDS = tuple(name for name in EVIDENCE_FIELDS if name not in QUOTE_FIELDS)


def to_mention_record(mention: Mention) -> dict[str, Any]:
    """The JSON form of an actor mention, as written to `mentions.jsonl` (its token offsets, which index a parse
    that is not kept, left out)."""
    return _laid_out(mention, MENTION_FIELDS)


def to_event_record(event: Event) -> dict[str, Any]:
    """The JSON form of a relation, as written to `relations.jsonl`: the gold schema's fields, then the rest."""
    return _relation_laid_out(event, EVENT_FIELDS, EVIDENCE_FIELDS)


def to_baseline_record(event: Event) -> dict[str, Any]:
    """The JSON form of a co-occurrence baseline's relation, as written to `cooccurrence.jsonl`: a relation's
    record whose evidence sentences are referenced by their offsets in the article's original text (in
    `articles.jsonl`), not copied: a sentence of many actors is evidence of thousands of pairs."""
    return _relation_laid_out(event, _BASELINE_FIELDS, _BASELINE_EVIDENCE_FIELDS)


def from_baseline_record(record: Mapping[str, Any], article: Article) -> Event:
    """The relation a baseline record (`to_baseline_record`) was made of, its quotes taken again from `article`."""
    evidences = [dict(evidence, text=article.original[evidence["start"] : evidence["end"]])
                 for evidence in record["evidences"]]  # fmt: skip
    return from_json(Event, dict(record, evidences=evidences, evidence=evidences[0]["text"] if evidences else ""))


def read_records(path: Path, kind: type[R]) -> Iterator[R]:
    """Read the records of an output JSON Lines file as `kind` records (`relations.jsonl` as `Event`s);
    `OutputError` with file:line for a line that is not one."""
    for number, record in enumerate(read_jsonl(path), start=1):
        try:
            yield from_json(kind, record)
        except ValueError as error:
            raise OutputError(f"{path}:{number}: damaged output line ({error})") from error


def _laid_out(record: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """These fields of a record, in this order, in their JSON form (`kg.records.to_json`): the record's other
    fields are not converted."""
    return fields_to_json(record, fields)


def _relation_laid_out(event: Event, fields: tuple[str, ...], evidence_fields: tuple[str, ...]) -> dict[str, Any]:
    """A relation's `fields`, its evidences (in their place) each laid out as `evidence_fields`."""
    before, after = _around_evidences(fields)
    record = fields_to_json(event, before)
    if after is not None:  # the evidences are among the fields
        record["evidences"] = [fields_to_json(evidence, evidence_fields) for evidence in event.evidences]
        record.update(fields_to_json(event, after))
    return record


@cache
def _around_evidences(fields: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """The fields before "evidences" and those after it (None when it is not among them)."""
    if "evidences" not in fields:
        return fields, None
    place = fields.index("evidences")
    return fields[:place], fields[place + 1 :]
