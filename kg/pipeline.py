"""The build: the one place where the order of stages is written.

Today: ingest (files -> cleaned articles) -> `OUT/articles.jsonl` and the
build manifest `OUT/build.json`. Later stages (actors, events, store,
render) plug in here as they are built.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kg import __version__
from kg.errors import InputError, KgError
from kg.ingest import DEFAULT_MAX_BYTES, find_input_files, read_articles
from kg.outputs import atomic_writer, to_article_record, write_json
from kg.records import Article

__all__ = ["DEFAULT_OUT", "ARTICLES_FILE", "MANIFEST_FILE", "BuildListener", "BuildReport", "build"]

DEFAULT_OUT = Path("out")
ARTICLES_FILE = "articles.jsonl"
MANIFEST_FILE = "build.json"

log = logging.getLogger(__name__)


class BuildListener(Protocol):
    """What a caller (the CLI's progress bar) hears while a build runs."""

    def started(self, files: int) -> None: ...

    def file_done(self, path: Path) -> None: ...

    def article_read(self, article: Article) -> None: ...

    def input_skipped(self, error: InputError) -> None: ...


@dataclass(frozen=True)
class BuildReport:
    """What a build did: articles read, inputs skipped (with why), files written, time taken."""

    out_dir: Path
    articles: tuple[str, ...]
    skipped: tuple[InputError, ...]
    outputs: tuple[Path, ...]
    seconds: float


def build(
    inputs: Iterable[str | Path],
    out_dir: Path = DEFAULT_OUT,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    listener: BuildListener | None = None,
) -> BuildReport:
    """Read every article under `inputs` and write the build's outputs under `out_dir`.

    Bad inputs are skipped and reported; outputs are replaced atomically and
    only when at least one article was read, so a failed build leaves the
    previous outputs intact.
    """
    began = time.perf_counter()
    listener = listener or _SilentListener()
    files = list(find_input_files(inputs))
    listener.started(len(files))
    articles_path = out_dir / ARTICLES_FILE
    article_ids: list[str] = []
    skipped: list[InputError] = []
    seen_ids: dict[str, str] = {}
    with atomic_writer(articles_path) as handle:
        for item in files:
            for result in read_articles([item], max_bytes=max_bytes, seen_ids=seen_ids):
                if isinstance(result, InputError):
                    log.debug("skipped %s", result)
                    skipped.append(result)
                    listener.input_skipped(result)
                    continue
                handle.write(json.dumps(to_article_record(result), ensure_ascii=False) + "\n")
                article_ids.append(result.id)
                listener.article_read(result)
            listener.file_done(item if isinstance(item, Path) else Path(item.path))
        if not article_ids:
            raise KgError(
                f"no article could be read from the inputs ({len(skipped)} skipped); {out_dir} left as it was"
            )
    outputs = (articles_path, out_dir / MANIFEST_FILE)
    report = BuildReport(out_dir, tuple(article_ids), tuple(skipped), outputs, time.perf_counter() - began)
    write_json(out_dir / MANIFEST_FILE, _manifest(report))
    return report


def _manifest(report: BuildReport) -> dict[str, object]:
    return {
        "tool": "diplomatic-kg",
        "version": __version__,
        "built": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(report.seconds, 3),
        "articles": list(report.articles),
        "skipped": [{"path": error.path, "line": error.line, "cause": error.cause} for error in report.skipped],
        "outputs": [path.name for path in report.outputs],
    }


class _SilentListener:
    def started(self, files: int) -> None:
        pass

    def file_done(self, path: Path) -> None:
        pass

    def article_read(self, article: Article) -> None:
        pass

    def input_skipped(self, error: InputError) -> None:
        pass
