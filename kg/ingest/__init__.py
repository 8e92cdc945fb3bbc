"""Ingestion: input paths to cleaned `Article` records, one bad file never stopping the others.

Reads `.txt`, `.html`/`.htm` and `.jsonl` files and folders of them, with
sidecar metadata; cleans each article (see `kg.ingest.cleaning`) and infers
its publication date (see `kg.ingest.dates`). Bad input is yielded as
`InputError` values, in order, so the caller can report and go on. A file over
`max_bytes` is not read, and an article whose cleaned text is over `max_chars`
(what the parse of one article may take in memory) is not parsed: both are reported.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.cleaning import clean_article_text
from kg.ingest.dates import find_publication_date, parse_metadata_date
from kg.ingest.formats import (
    JSONL_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    RawArticle,
    is_sidecar,
    read_html_file,
    read_jsonl_file,
    read_text_file,
)
from kg.lang import DateWords, load_pack
from kg.records import Article
from kg.resources import data_dir, load_furniture_rules, load_section_labels, pack_languages

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "SUPPORTED_SUFFIXES",
    "find_input_files",
    "read_articles",
    "read_article_file",
    "parse_raw_article",
]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# The parse takes about 0.4 GB a 100,000 characters beside the models' 0.6 GB: at 200,000 a build stays under
# 2 GB (and well under spaCy's own `max_length`, 1,000,000, past which it refuses a text).
DEFAULT_MAX_CHARS = 200_000


def find_input_files(inputs: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Yield the files named or found (recursively, sorted) under the inputs; a missing path is an error."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path)
                if (
                    found.is_file()
                    and not any(part.startswith(".") for part in relative.parts)
                    and not is_sidecar(found)
                ):
                    yield found
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(path, "not a regular file or folder")
        else:
            yield InputError(path, "no such file or folder")


def read_articles(
    inputs: Iterable[str | Path | InputError],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
    seen_ids: dict[str, str] | None = None,
) -> Iterator[Article | InputError]:
    """Yield every article under the inputs, or the `InputError` that kept one out.

    An article id met twice is an error the second time (naming both places,
    file and line); pass the same `seen_ids` (id -> where first read) to calls
    that together make one corpus.
    Errors from `find_input_files` may be passed in and are yielded as they are.
    """
    seen_ids = {} if seen_ids is None else seen_ids
    for item in inputs:
        found = [item] if isinstance(item, InputError) else find_input_files([item])
        for path in found:
            if isinstance(path, InputError):
                yield path
                continue
            for result in read_article_file(path, max_bytes=max_bytes, max_chars=max_chars):
                if isinstance(result, Article):
                    if result.id in seen_ids:
                        first = seen_ids[result.id]
                        cause = f"duplicate article id {result.id!r}, first read from {first}"
                        result = InputError(result.path, cause, line=result.line)
                    else:
                        seen_ids[result.id] = result.path if result.line is None else f"{result.path}:{result.line}"
                yield result


def read_article_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article | InputError]:
    """Yield the article(s) in one file, or the `InputError` for each that cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        expected = ", ".join(SUPPORTED_SUFFIXES)
        yield InputError(path, f"unsupported file type {suffix or '(no extension)'!r}: expected {expected}")
        return
    if suffix in JSONL_SUFFIXES:
        for raw in read_jsonl_file(path, max_bytes=max_bytes):
            yield raw if isinstance(raw, InputError) else _parse_or_error(raw, max_chars=max_chars)
        return
    reader = read_text_file if suffix in TEXT_SUFFIXES else read_html_file
    try:
        yield parse_raw_article(reader(path, max_bytes=max_bytes), max_chars=max_chars)
    except InputError as error:
        yield error


def parse_raw_article(raw: RawArticle, *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """Clean a raw article and settle its metadata; `InputError` if no text is left, or more than `max_chars`."""
    cleaned = clean_article_text(
        raw.original,
        lang=raw.metadata.get("lang"),
        rules=load_furniture_rules(),
        section_labels=load_section_labels(),
    )
    if not cleaned.text.strip():
        raise InputError(raw.path, "no article text left after cleaning", line=raw.line)
    if len(cleaned.text) > max_chars:
        cause = (f"{len(cleaned.text):,} characters after cleaning, over the limit of {max_chars:,} characters an "
                 "article may have: split it")  # fmt: skip
        raise InputError(raw.path, cause, line=raw.line)
    words = date_words(cleaned.lang)
    given_date = raw.metadata.get("date")
    date = parse_metadata_date(given_date, words) if given_date else None
    if date is None:
        date = find_publication_date(cleaned.text, (removal.text for removal in cleaned.removed), words)
    return Article(
        id=raw.id,
        path=raw.path,
        title=raw.metadata.get("title") or cleaned.title,
        text=cleaned.text,
        original=raw.original,
        pieces=cleaned.pieces,
        encoding=raw.encoding,
        lang=cleaned.lang,
        date=date,
        url=raw.metadata.get("url"),
        source=raw.metadata.get("source"),
        removed=cleaned.removed,
        content_hash=_content_hash(raw),
        line=raw.line,
    )


def _parse_or_error(raw: RawArticle, *, max_chars: int) -> Article | InputError:
    try:
        return parse_raw_article(raw, max_chars=max_chars)
    except InputError as error:
        return error


def date_words(lang: str | None) -> tuple[DateWords, ...]:
    """The date words of an article's language pack; of every pack when its language has none."""
    languages = pack_languages(data_dir())
    return tuple(load_pack(code).dates for code in ([lang] if lang in languages else languages))


def _content_hash(raw: RawArticle) -> str:
    digest = hashlib.sha256(raw.original.encode("utf-8"))
    digest.update(json.dumps(raw.metadata, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()
