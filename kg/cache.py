"""The analysis cache of a build folder (`OUT/cache/`): what makes builds incremental and resumable.

One JSON file per analysed article holds the key it was analysed under (a hash
of the article record, of the tool, model and lexicon versions and of the
cache's own format) and its `Analysis`: mentions and relations in their JSON
form (`kg.records.to_json`), the baseline as `cooccurrence.jsonl` writes it
(its quotes taken again from the article when read); a TriG file beside it, the named graph
the store was loaded with (the build's `graph.trig` is made of them). A file is
named after the article id (a readable slug) and a digest of the exact id, so
ids that slug alike ("a/b", "a_b", "A_B") never share an entry. Files are
written only after the article's named graph is in the store, and removed
before it is written again, so after an interrupted build every cached article
is complete in the store, and the others are analysed again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import OutputError
from kg.outputs import (
    MENTION_FIELDS,
    atomic_binary_writer,
    atomic_writer,
    from_baseline_record,
    to_article_record,
    to_baseline_record,
)
from kg.records import Analysis, Article, Event, Mention, from_json, to_json

__all__ = ["CACHE_DIR", "CACHE_FORMAT", "CachedOutputs", "ResultCache", "entry_name"]

CACHE_DIR = "cache"
GRAPH_SUFFIX = ".trig"
SLUG_CHARS = 40  # of the id, kept readable in the file name
DIGEST_CHARS = 16  # hex digits of the id's SHA-256: 64 bits, no collision among billions of ids
# The layout of an entry, part of its key: an entry of another layout is not read (its article is analysed again).
# 8: the TriG of ontology version 9 (no type of a relation, its acting actors only when not its states, kg:symmetric
# only when true, no date precision, no direct edges); 7: the TriG of ontology version 8 (no kg:mentions links, no
# kg:dyad, no evidence end or trigger words); 6: the
# TriG of ontology version 7 (no article text, no sentence index of an evidence sentence); 5: the TriG of
# ontology version 6 (a relation's root, Goldstein, QuadClass and PLOVER read from the CAMEO
# scheme); 4: mentions and relations carry the role of the body a description names ("military"); 3: the TriG of the
# compact model (ontology version 4: no node per mention); 2: typed records (mentions keep their token offsets);
# 1: the output files' dicts.
CACHE_FORMAT = 8


@dataclass(frozen=True)
class CachedOutputs:
    """An analysis as a build writes it out: its mentions and co-occurrence baseline as the records of
    `mentions.jsonl` and `cooccurrence.jsonl` (a cached one's copied, not made into records and back: a corpus has
    tens of thousands of them; a new one's made once, for the outputs and its cache entry), its relations as
    records (grouping across articles reads them)."""

    mention_records: tuple[dict[str, Any], ...]
    events: tuple[Event, ...]
    baseline_records: tuple[dict[str, Any], ...] | None


class ResultCache:
    """Cached analysis results by article id, valid for one analysis version."""

    def __init__(self, folder: Path, version: str) -> None:
        self.folder = folder
        self.version = version

    def key(self, article: Article) -> str:
        """The article's content hash under this analysis version and cache format."""
        record = json.dumps(to_article_record(article), ensure_ascii=False, sort_keys=True)
        version = f"{self.version}\ncache format {CACHE_FORMAT}"
        return hashlib.sha256((version + "\n" + record).encode("utf-8")).hexdigest()

    def read(self, article: Article, *, baseline: bool = False) -> Analysis | None:
        """The cached analysis of `article` if it was made from this very content, version and cache format (and
        includes the co-occurrence baseline, when `baseline`)."""
        entry = self._entry(article, baseline=baseline)
        if entry is None:
            return None
        pairs = entry.get("cooccurrences")
        try:
            return Analysis(
                tuple(from_json(Mention, record) for record in entry["mentions"]),
                tuple(from_json(Event, record) for record in entry["events"]),
                None if pairs is None else tuple(from_baseline_record(record, article) for record in pairs),
            )
        except (ValueError, KeyError, TypeError, AttributeError):  # damaged: analysed again
            return None

    def read_outputs(self, article: Article, *, baseline: bool = False) -> CachedOutputs | None:
        """What `read` gives, as a rebuild writes it out again (`CachedOutputs`): the same records, copied."""
        entry = self._entry(article, baseline=baseline)
        if entry is None:
            return None
        pairs = entry.get("cooccurrences")
        try:
            return CachedOutputs(
                tuple({name: record[name] for name in MENTION_FIELDS} for record in entry["mentions"]),
                tuple(from_json(Event, record) for record in entry["events"]),
                None if pairs is None else tuple(pairs),
            )
        except (ValueError, KeyError, TypeError, AttributeError):  # damaged: analysed again
            return None

    def write(self, article: Article, analysis: Analysis, graph: bytes | None = None, *,
              baseline_records: Sequence[dict[str, Any]] | None = None) -> None:  # fmt: skip
        """Cache an article's analysis and (`graph`) the TriG its named graph was loaded from; its co-occurrence
        baseline as `baseline_records` (`kg.outputs.to_baseline_record` of each pair) when the caller made them
        already."""
        pairs = analysis.cooccurrences
        if pairs is not None and baseline_records is None:
            baseline_records = [to_baseline_record(pair) for pair in pairs]
        entry = {
            "key": self.key(article),
            "mentions": [to_json(mention) for mention in analysis.mentions],
            "events": [to_json(event) for event in analysis.events],
            "cooccurrences": None if pairs is None else baseline_records,
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Not fsynced (25 ms an article): the renames are atomic, and an entry is only trusted when the
            # article's graph is in the store too.
            if graph is not None:
                with atomic_binary_writer(self._path(article.id, GRAPH_SUFFIX), durable=False) as graph_out:
                    graph_out.write(graph)
            with atomic_writer(self._path(article.id), durable=False) as out:
                # json.dumps, not json.dump: only the one-shot encoder is the C one (3 times faster here)
                out.write(json.dumps(entry, ensure_ascii=False))
        except OSError as error:
            raise OutputError(f"{self.folder}: cannot write the analysis cache: {error.strerror}") from error

    def graph(self, article_id: str) -> bytes | None:
        """The TriG an article's graph was loaded from, if cached (whatever the version: it is the graph in the
        store until the article is analysed again, which forgets it first)."""
        try:
            return self._path(article_id, GRAPH_SUFFIX).read_bytes()
        except OSError:
            return None

    def forget(self, article_id: str) -> None:
        self._path(article_id).unlink(missing_ok=True)
        self._path(article_id, GRAPH_SUFFIX).unlink(missing_ok=True)

    def _entry(self, article: Article, *, baseline: bool) -> dict[str, Any] | None:
        """The article's cache entry if it was made from this very content, version and cache format (with the
        baseline, when `baseline`); None if there is none, or it is unreadable or of another analysis."""
        try:
            entry = json.loads(self._path(article.id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != self.key(article):
            return None
        return None if baseline and entry.get("cooccurrences") is None else entry

    def _path(self, article_id: str, suffix: str = ".json") -> Path:
        return self.folder / f"{entry_name(article_id)}{suffix}"


def entry_name(article_id: str) -> str:
    """The name (without suffix) of an article's cache files: a readable slug of its id, then a digest of the
    exact id, so that two ids never share a name, even on a file system that ignores case."""
    slug = "".join(char if char.isascii() and (char.isalnum() or char in "-_") else "_" for char in article_id)
    digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:DIGEST_CHARS]
    return f"{slug[:SLUG_CHARS]}-{digest}"
