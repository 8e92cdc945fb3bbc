"""The build: the one place where the order of stages is written.

ingest (files -> cleaned articles) -> nlp (parse) -> actors (mentions) ->
events (CAMEO relations) -> grouping (the same act reported by several articles:
one event) -> store (the RDF graph in Oxigraph). Writes, for the articles of
this build, `OUT/articles.jsonl`, `OUT/mentions.jsonl`, `OUT/relations.jsonl`,
`OUT/events.jsonl` and the manifest `OUT/build.json`; and updates the
persistent graph `OUT/store` (one named graph per article: a new or changed
article replaces exactly its graph) and its export `OUT/graph.trig`.

Incremental to the end: the input index `OUT/inputs.json` (see `kg.inputs`)
lets a build take an input file that still has its content as it is, without
reading and cleaning it again; the summaries and the events across articles
(in the store's default graph) are made again for the dyads whose relations changed, and
`graph.trig` and the page only when the store changed; and a build with nothing to do opens no input and writes only its
manifest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import logging
import os
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from kg import __version__
from kg.errors import InputError, KgError, OutputError
from kg.grouping import group_relations, outlet_of, to_grouped_event_record, to_report
from kg.ingest import DEFAULT_MAX_BYTES, find_input_files, read_articles
from kg.inputs import (
    INDEX_FILE,
    FileState,
    IndexedArticle,
    InputIndex,
    check_file,
    discard_index,
    is_unchanged_by_stat,
    read_file_state,
    read_index,
    stat_key,
    write_index,
)
from kg.outputs import (
    atomic_writer,
    parse_article_record,
    staged_outputs,
    to_article_record,
    to_baseline_record,
    to_event_record,
    to_mention_record,
    write_json,
)
from kg.records import Analysis, Article, CameoCode, Gazetteer, RelationReport

if TYPE_CHECKING:
    from rdflib import URIRef

    from kg.cache import CachedOutputs

__all__ = [
    "DEFAULT_OUT",
    "ARTICLES_FILE",
    "MENTIONS_FILE",
    "EVENTS_FILE",
    "GROUPED_EVENTS_FILE",
    "BASELINE_FILE",
    "GRAPH_FILE",
    "MANIFEST_FILE",
    "BuildListener",
    "BuildReport",
    "build",
]

DEFAULT_OUT = Path("out")
ARTICLES_FILE = "articles.jsonl"
MENTIONS_FILE = "mentions.jsonl"
EVENTS_FILE = "relations.jsonl"
GROUPED_EVENTS_FILE = "events.jsonl"  # the events across articles (kg.grouping) of this build's relations
BASELINE_FILE = "cooccurrence.jsonl"
GRAPH_FILE = "graph.trig"
REPACK_FILE = "repack.trig"  # the store dumped to be packed again, then moved to GRAPH_FILE
MANIFEST_FILE = "build.json"
# Analysed articles' graphs go to the store together (one bulk load), at most this many articles, bytes of
# TriG or seconds after the first of them was analysed: a killed build loses no more than that. A bulk load has
# a fixed cost (~30-50 ms, and a file of the store's own), so batches are let grow to a few seconds of work: at
# 300 articles, batches of 32 instead of 12 cost 0.7 s of CPU less (and leave a smaller store).
GRAPH_BATCH = 32
GRAPH_BATCH_BYTES = 8 * 2**20
GRAPH_BATCH_SECONDS = 8.0

# How many times more rarely Python's cyclic garbage collector runs while a build runs (`_rarer_collections`).
COLLECTION_SPACING = 10

# What `json.dumps(record, ensure_ascii=False)` uses, made once: a line of the records' outputs is short, and
# json.dumps makes an encoder for every call given an option.
_JSON = json.JSONEncoder(ensure_ascii=False)

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
    mentions: int = 0
    events: int = 0
    unanalysed: dict[str, str] = field(default_factory=dict)  # article id -> why it was not analysed
    analysed: tuple[str, ...] = ()  # articles parsed and extracted by this build
    reused: tuple[str, ...] = ()  # articles whose earlier analysis (same content and versions) was kept
    pruned: tuple[str, ...] = ()  # articles of earlier builds removed from the store (--prune)


@dataclass
class _Counts:
    articles: list[str] = field(default_factory=list)
    mentions: int = 0
    events: int = 0
    unanalysed: dict[str, str] = field(default_factory=dict)
    analysed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    # The dyads whose relations the build added to or removed from the store, when the summaries and the events
    # across articles are to be updated for them alone (None: they are all made again).
    dyads: set[tuple[str, str]] | None = None
    reports: list[RelationReport] = field(default_factory=list)  # this build's relations, as grouping reads them
    packed: Any = None  # the store written again as one bulk load, open, until it takes the store's place


def build(
    inputs: Iterable[str | Path],
    out_dir: Path = DEFAULT_OUT,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    listener: BuildListener | None = None,
    workers: int = 1,
    dask_client: Any | None = None,
    prune: bool = False,
    baseline: bool = True,
) -> BuildReport:
    """Read every article under `inputs`, resolve its actors, and write the outputs under `out_dir`.

    Bad inputs are skipped and reported; outputs are replaced atomically and
    only when at least one article was read, so a failed build leaves the
    previous outputs intact. Articles already analysed into `out_dir` with the
    same content and versions are reused (incremental, resumable builds); the
    others are analysed here, in `workers` processes, or on a Dask cluster
    (`dask_client`). With `prune`, articles of earlier builds that are not among
    the inputs leave the store. Without `baseline`, the co-occurrence baseline
    (for `kg evaluate`) is not computed, and `cooccurrence.jsonl` not written.
    A write that fails (a full disk) is an `OutputError`; a failed build lets go
    of the store, even while its error is kept, so the next one can open it.
    """
    try:
        with _rarer_collections():
            return _build(inputs, out_dir, max_bytes=max_bytes, listener=listener or _SilentListener(),
                          workers=workers, dask_client=dask_client, prune=prune, baseline=baseline)  # fmt: skip
    except BaseException as error:
        _release_frames(error)
        if isinstance(error, OSError):  # a full disk, a folder made read-only: the user's to fix, in one line
            raise OutputError(f"{out_dir}: cannot write the outputs: {error.strerror or error}") from error
        raise


def _build(
    inputs: Iterable[str | Path],
    out_dir: Path,
    *,
    max_bytes: int,
    listener: BuildListener,
    workers: int,
    dask_client: Any | None,
    prune: bool,
    baseline: bool,
) -> BuildReport:
    from kg.store import open_store, use_packed_store

    began = time.perf_counter()
    store = open_store(out_dir)  # first: its lock keeps another build out of the index too
    versions = _versions()
    settings = {**versions, "data": _data_digest(), "max_bytes": str(max_bytes)}
    index = read_index(out_dir, settings=settings)  # discarded as soon as this build changes the store or outputs
    files = list(find_input_files(inputs))
    listener.started(len(files))
    if index is not None:
        unchanged = _unchanged_build(files, index, store, out_dir, baseline=baseline, prune=prune, listener=listener,
                                     began=began)  # fmt: skip
        if unchanged is not None:
            return unchanged
    skipped: list[InputError] = []
    states: list[FileState] = []
    outlets: dict[str, str] = {}  # article id -> its outlet, for the events across articles
    with staged_outputs(out_dir) as staging:
        with atomic_writer(staging / ARTICLES_FILE) as articles_out:
            articles = _read(files, index, articles_out, out_dir, max_bytes=max_bytes, listener=listener,
                             skipped=skipped, states=states, outlets=outlets)  # fmt: skip
            counts = _analyse(articles, staging, skipped, store=store, versions=versions, store_known=index is not None,
                              workers=workers, dask_client=dask_client, prune=prune, baseline=baseline,
                              outlets=outlets)  # fmt: skip
            if counts.packed is not None:  # the repacked store takes the store's place (and its lock)
                counts.packed = store = None
                store = use_packed_store(out_dir)
        _write_grouped_events(staging, counts.reports)
        report = BuildReport(
            out_dir, tuple(counts.articles), tuple(skipped), _output_paths(out_dir, baseline=baseline),
            time.perf_counter() - began, counts.mentions, counts.events, counts.unanalysed, tuple(counts.analysed),
            tuple(counts.reused), tuple(counts.pruned),
        )  # fmt: skip
        write_json(staging / MANIFEST_FILE, _manifest(report))
        articles_file = stat_key(staging / ARTICLES_FILE)  # a rename keeps the mtime
        discard_index(out_dir)  # the outputs are about to be replaced
    if not baseline:  # a baseline of an earlier build would no longer match these relations
        (out_dir / BASELINE_FILE).unlink(missing_ok=True)
    # Last, once every output is in place: the index says they are this build's.
    index = InputIndex(settings, articles_file, tuple(states), _index_report(report, baseline=baseline))
    write_index(out_dir / INDEX_FILE, index)
    return report


@contextlib.contextmanager
def _rarer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector run `COLLECTION_SPACING` times more rarely (its youngest generation's
    threshold raised; as it was after): a full collection walks every object of the spaCy model and the
    gazetteer again, long-lived and in no cycle (at 300 articles, 11 full collections took 1 s of CPU; now one,
    0.15 s), and the objects waiting for a collection grow by a few thousand at most."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0] * COLLECTION_SPACING, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _unchanged_build(
    files: list[Path | InputError],
    index: InputIndex,
    store: Any,
    out_dir: Path,
    *,
    baseline: bool,
    prune: bool,
    listener: BuildListener,
    began: float,
) -> BuildReport | None:
    """The report of a build with nothing to do, or None: the last build's input files, in the same order, each
    of the same size and mtime; the same options; its outputs all there and its articles' graphs in the store.
    Then no input is opened, and nothing is written but the manifest."""
    from kg.store import article_ids_in_store, has_article_graph

    known = index.report
    paths = [item for item in files if isinstance(item, Path)]
    reused = tuple(article_id for article_id in known["articles"] if article_id not in known["unanalysed"])
    if (
        len(paths) != len(files)
        or [str(path) for path in paths] != [state.path for state in index.files]
        or known["baseline"] != baseline
        or not all(is_unchanged_by_stat(path, state) for path, state in zip(paths, index.files, strict=True))
        or not all(path.is_file() for path in _output_paths(out_dir, baseline=baseline))
        or not _has_store_outputs(out_dir, page=known["page"])
        or not all(has_article_graph(store, article_id) for article_id in reused)
        or (prune and not set(article_ids_in_store(store)) <= set(known["articles"]))
    ):
        return None
    skipped = tuple(InputError(path, cause, line=line) for path, line, cause in known["skipped"])
    for error in skipped:
        listener.input_skipped(error)
    for path in paths:
        listener.file_done(path)
    report = BuildReport(out_dir, tuple(known["articles"]), skipped, _output_paths(out_dir, baseline=baseline),
                         time.perf_counter() - began, known["mentions"], known["events"], dict(known["unanalysed"]),
                         reused=reused)  # fmt: skip
    log.info("nothing changed since the last build: its outputs are kept")
    write_json(out_dir / MANIFEST_FILE, _manifest(report))
    return report


def _write_grouped_events(staging: Path, reports: list[RelationReport]) -> None:
    """`events.jsonl`: this build's relations (those of `relations.jsonl`, as grouping reads them) grouped into
    events across its articles. Written with `relations.jsonl`, whether or not the store changed; the store's
    events (in its default graph) group every article the store holds, and is made again only when the store changed."""
    with atomic_writer(staging / GROUPED_EVENTS_FILE) as out:
        out.writelines(_json_line(to_grouped_event_record(event)) for event in group_relations(reports))


def _read(
    files: list[Path | InputError],
    index: InputIndex | None,
    articles_out: IO[str],
    out_dir: Path,
    *,
    max_bytes: int,
    listener: BuildListener,
    skipped: list[InputError],
    states: list[FileState],
    outlets: dict[str, str],
) -> Iterator[Article]:
    """The articles of the input files, one at a time, each also written to `articles.jsonl` (its outlet to
    `outlets`); bad inputs go to `skipped`, each file's state (and where its articles' records are) to `states`.
    A file that still has the content the last build read is not read and cleaned again: its articles are those
    of the last build's `articles.jsonl`."""
    seen_ids: dict[str, str] = {}
    offset, now_ns = 0, time.time_ns()
    with _EarlierArticles(out_dir / ARTICLES_FILE, index) as earlier:
        for item in files:
            if isinstance(item, InputError):
                _skip(item, skipped, listener)
                continue
            state, results = _file_articles(item, earlier, seen_ids, max_bytes=max_bytes, now_ns=now_ns)
            entries, errors = [], 0
            for result in results:
                if isinstance(result, InputError):
                    errors += 1
                    _skip(result, skipped, listener)
                    continue
                article, line = result
                size = len(line.encode("utf-8"))
                articles_out.write(line)
                entries.append(IndexedArticle(article.id, article.line, offset, size))
                offset += size
                outlets[article.id] = outlet_of(source=article.source, url=article.url, article=article.id)
                listener.article_read(article)
                yield article
            if state is not None:
                states.append(replace(state, articles=tuple(entries), errors=errors))
            listener.file_done(item)


def _file_articles(
    path: Path, earlier: _EarlierArticles, seen_ids: dict[str, str], *, max_bytes: int, now_ns: int
) -> tuple[FileState | None, Iterable[tuple[Article, str] | InputError]]:
    """A file's state and its articles (each with its `articles.jsonl` line): those of the last build if the file
    still has the content it had then (and gave no error: a duplicate id depends on other files), else read."""
    state = check_file(path, earlier.files.get(str(path)), now_ns=now_ns)
    if state is not None and not state.errors and not any(entry.id in seen_ids for entry in state.articles):
        kept = earlier.articles(state)
        if kept is not None:
            for article, _ in kept:
                seen_ids[article.id] = article.path if article.line is None else f"{article.path}:{article.line}"
            return state, kept
    try:
        state = read_file_state(path, now_ns=now_ns)
    except OSError:  # the reader says why
        state = None
    results = (
        result if isinstance(result, InputError)
        else (result, _json_line(to_article_record(result)))
        for result in read_articles([path], max_bytes=max_bytes, seen_ids=seen_ids)
    )  # fmt: skip
    return state, results


class _EarlierArticles:
    """The article records of the last build's `articles.jsonl`, where its input index says they are (if the file
    is the one the index was made with)."""

    def __init__(self, path: Path, index: InputIndex | None) -> None:
        self.path = path
        self.handle: IO[bytes] | None = None
        self.files: dict[str, FileState] = {}
        try:
            if index is not None and stat_key(path) == index.articles_file:
                self.handle = path.open("rb")
                self.files = {state.path: state for state in index.files}
        except OSError:
            pass

    def __enter__(self) -> _EarlierArticles:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.handle is not None:
            self.handle.close()

    def articles(self, state: FileState) -> list[tuple[Article, str]] | None:
        """The articles of a file and their lines; None if a record is not where the index says."""
        if self.handle is None:
            return None
        kept = []
        try:
            for entry in state.articles:
                self.handle.seek(entry.offset)
                line = self.handle.read(entry.length).decode("utf-8")
                record = json.loads(line)
                if record.get("id") != entry.id or not line.endswith("\n"):
                    return None
                kept.append((parse_article_record(record, line=entry.line), line))
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.debug("%s: the record of an article of %s cannot be read back (%s)", self.path, state.path, error)
            return None
        return kept


def _skip(error: InputError, skipped: list[InputError], listener: BuildListener) -> None:
    log.debug("skipped %s", error)
    skipped.append(error)
    listener.input_skipped(error)


def _analyse(
    articles: Iterable[Article],
    staging: Path,
    skipped: list[InputError],
    *,
    store: Any,
    versions: dict[str, str],
    store_known: bool,
    workers: int,
    dask_client: Any,
    prune: bool,
    baseline: bool,
    outlets: dict[str, str],
) -> _Counts:
    """Analyse (or reuse) every article as it is read, write its named graph and its records (and note its
    relations as grouping reads them, each article's outlet taken from `outlets`), then the build-wide outputs:
    those made from the store (summaries, events across articles, snapshot, `graph.trig`, page) only if the store
    changed, or is not known to be as the last build left it (`store_known`)."""
    from kg.cache import CACHE_DIR, ResultCache
    from kg.render import PAGE_FILE
    from kg.resources import load_cameo_codes, load_gazetteer
    from kg.serve import write_snapshot
    from kg.store import (
        CELLS_FILE,
        STORE_DIR,
        export_trig,
        refresh_events,
        refresh_summaries,
        repack_store,
    )

    out_dir = staging.parent
    build, started = _build_iri(versions), dt.datetime.now(dt.UTC)
    gazetteer, codes = load_gazetteer(), load_cameo_codes()
    cache = ResultCache(out_dir / CACHE_DIR, json.dumps(versions, sort_keys=True))
    counts = _Counts(dyads=set() if store_known else None)
    with (
        atomic_writer(staging / MENTIONS_FILE) as mentions_out,
        atomic_writer(staging / EVENTS_FILE) as events_out,
        atomic_writer(staging / BASELINE_FILE) as baseline_out,
    ):
        for analysis in _analyses(articles, store, out_dir / STORE_DIR, cache, str(build), counts, workers,
                                  dask_client, baseline, skipped):  # fmt: skip
            mentions, baseline_records = _output_records(analysis)
            mentions_out.writelines(_json_line(record) for record in mentions)
            events_out.writelines(_json_line(to_event_record(event)) for event in analysis.events)
            baseline_out.writelines(_json_line(record) for record in baseline_records)
            counts.mentions += len(mentions)
            counts.events += len(analysis.events)
            counts.reports += [to_report(event, outlets=outlets) for event in analysis.events]
    if not baseline:
        (staging / BASELINE_FILE).unlink()
    if not counts.articles:
        raise KgError(f"no article could be read from the inputs ({len(skipped)} skipped); {out_dir} left as it was")
    if prune:
        counts.pruned = _prune(store, out_dir / STORE_DIR, cache, set(counts.articles), counts.dyads)
    if store_known and not counts.analysed and not counts.pruned and _has_store_outputs(out_dir, page=PAGE_FILE):
        log.info(
            "the store is as the last build left it: its summaries, events, snapshot, graph.trig and page are kept"
        )
        return counts
    _store_changing(out_dir)
    try:  # only now: a build that reads no article leaves the store as it was, its provenance included
        _write_reference_graphs(store, gazetteer, codes, build, started, versions, provenance_only=store_known)
    except OSError as error:
        raise OutputError(f"{out_dir / STORE_DIR}: cannot write the graph: {error.strerror or error}") from error
    dyads = None if _changed_most(store, counts) else counts.dyads
    refresh_summaries(store, dyads=dyads, cells=out_dir / CELLS_FILE)  # the relation table from the tallies' read
    refresh_events(store, dyads=dyads)
    if dyads is None:  # most of the store written again: packed as one bulk load (half the bytes on disk)
        # the page is drawn from the store while the packed one loads; the snapshot is the packed store's, which
        # takes the store's place once the build lets go of both; the repack's dump is the export
        draw = partial(_write_page, store, staging)
        store = counts.packed = repack_store(store, out_dir, out_dir / REPACK_FILE, meanwhile=draw)
        os.replace(out_dir / REPACK_FILE, staging / GRAPH_FILE)
    store.flush()
    write_snapshot(store, out_dir)
    if counts.packed is None:
        export_trig(store, staging / GRAPH_FILE, cache.graph)  # articles' graphs as they were loaded, not read back
        _write_page(store, staging)
    return counts


def _store_changing(out_dir: Path) -> None:
    """What a build does before it changes the store: the index and the relation table the page reads are no
    longer known to match it (the table is made current again with the summaries, `kg.store.refresh_summaries`)."""
    from kg.store import CELLS_FILE, mark_cells_stale

    discard_index(out_dir)
    mark_cells_stale(out_dir / CELLS_FILE)


def _changed_most(store: Any, counts: _Counts) -> bool:
    """Whether the build analysed (or pruned) more than half the articles of the store: then the summaries and
    events are made again from the whole store rather than updated dyad by dyad, which costs several times more
    when most dyads changed (300 articles, all analysed again: 2.1 s for the summaries instead of 0.4 s, 9 s for
    the events instead of 2 s)."""
    from kg.store import article_ids_in_store

    if counts.dyads is None:
        return False
    changed = len(set(counts.analysed) | set(counts.pruned))
    return changed * 2 > len(article_ids_in_store(store)) + len(counts.pruned)


def _output_records(analysis: CachedOutputs) -> tuple[Sequence[dict[str, Any]], Iterable[dict[str, Any]]]:
    """An article's records of `mentions.jsonl` and `cooccurrence.jsonl`."""
    return analysis.mention_records, analysis.baseline_records or ()


def _to_outputs(analysis: Analysis) -> CachedOutputs:
    """A new analysis as the build writes it out (its mentions and baseline as records), as a cached one is."""
    from kg.cache import CachedOutputs

    pairs = analysis.cooccurrences
    return CachedOutputs(tuple(to_mention_record(mention) for mention in analysis.mentions), analysis.events,
                         None if pairs is None else tuple(to_baseline_record(pair) for pair in pairs))  # fmt: skip


def _json_line(record: dict[str, Any]) -> str:
    return _JSON.encode(record) + "\n"


def _analyses(
    articles: Iterable[Article],
    store: Any,
    store_path: Path,
    cache: Any,
    build: str,
    counts: _Counts,
    workers: int,
    dask_client: Any,
    baseline: bool,
    skipped: list[InputError],
) -> Iterator[CachedOutputs]:
    """Each article's analysis as the build writes it out, in input order: from the cache when its analysis is
    current and its graph is in the store, else analysed (its graph written to the store with a batch of others,
    then cached). The analysis
    streams both kinds through in order, so memory holds a few articles at a time, however many are unchanged.
    An article in a language without a pack is not analysed: it is kept (its text is in `articles.jsonl`) and
    its input counted as skipped, with why."""
    from kg.resources import data_dir, pack_languages
    from kg.store import has_article_graph
    from kg.workers import analyse_articles

    reusable: dict[str, CachedOutputs] = {}  # read once, until given out
    languages = pack_languages(data_dir())

    def supported() -> Iterator[Article]:
        for article in articles:
            counts.articles.append(article.id)
            if article.lang in languages:
                yield article
            else:
                why = f"language {article.lang or 'unknown'!r} has no language pack (packs: {', '.join(languages)})"
                counts.unanalysed[article.id] = why
                skipped.append(InputError(article.path, f"article {article.id} not analysed: {why}"))

    def is_current(article: Article) -> bool:
        analysis = cache.read_outputs(article, baseline=baseline) if has_article_graph(store, article.id) else None
        if analysis is not None:
            reusable[article.id] = analysis
        return analysis is not None

    results = analyse_articles(supported(), build=build, baseline=baseline, workers=workers, client=dask_client,
                               skip=is_current)  # fmt: skip
    unwritten = _GraphBatch(store, cache, counts, store_path)
    completed = False
    try:
        for result in results:
            article = result.article
            if result.analysis is None:
                counts.reused.append(article.id)
                yield reusable.pop(article.id)
                continue
            cache.forget(article.id)  # an entry is only ever there for a graph wholly in the store
            outputs = _to_outputs(result.analysis)  # its baseline's records made once, for the outputs and the cache
            unwritten.add(article, result.analysis, result.graph or b"", outputs.baseline_records)
            yield outputs
        completed = True
    finally:
        unwritten.close(write=completed)


class _GraphBatch:
    """Analysed articles whose graphs are not in the store yet: written together (one bulk load) once there are
    `GRAPH_BATCH` of them, `GRAPH_BATCH_BYTES` or `GRAPH_BATCH_SECONDS` after the first; then cached.

    Batches are written on a thread of their own, one at a time, while the next batch is analysed: Oxigraph
    parses and loads TriG without holding Python's lock, so the store write runs beside the parse. One batch
    is written while the next fills, no more, so memory stays bounded; a failed write is raised on the next
    `add` or on `close`."""

    def __init__(self, store: Any, cache: Any, counts: _Counts, store_path: Path) -> None:
        self.store, self.cache, self.counts, self.store_path = store, cache, counts, store_path
        self.items: list[tuple[Article, Analysis, bytes, Sequence[dict[str, Any]] | None]] = []
        self.size = 0  # bytes of TriG
        self.since = 0.0
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store-writer")
        self.writing: Future[None] | None = None

    def add(self, article: Article, analysis: Analysis, graph: bytes,
            baseline_records: Sequence[dict[str, Any]] | None) -> None:  # fmt: skip
        if not self.items:
            self.since = time.monotonic()
        self.items.append((article, analysis, graph, baseline_records))
        self.size += len(graph)
        if (
            len(self.items) >= GRAPH_BATCH
            or self.size >= GRAPH_BATCH_BYTES
            or time.monotonic() - self.since >= GRAPH_BATCH_SECONDS
        ):
            self._submit()

    def close(self, *, write: bool) -> None:
        """Wait for the write under way; then, with `write`, write the last batch (else drop it: its articles
        are neither in the store nor cached, so the next build analyses them again)."""
        try:
            if write:
                self._submit()
            self._wait()
        finally:
            self.writer.shutdown(wait=True)

    def _submit(self) -> None:
        self._wait()
        if self.items:
            self.writing = self.writer.submit(self._write, self.items)
            self.items, self.size = [], 0

    def _wait(self) -> None:
        if self.writing is not None:
            writing, self.writing = self.writing, None
            writing.result()

    def _write(self, items: list[tuple[Article, Analysis, bytes, Sequence[dict[str, Any]] | None]]) -> None:
        """Write the graphs to the store, then (and only then) cache the articles. The dyads of their relations,
        before and after, are noted (when the build tracks them)."""
        from kg.store import article_dyads, write_article_graphs

        ids, dyads = [article.id for article, _, _, _ in items], self.counts.dyads
        _store_changing(self.store_path.parent)
        try:
            if dyads is not None:
                dyads |= article_dyads(self.store, ids)
            write_article_graphs(self.store, [(article.id, graph) for article, _, graph, _ in items])
            if dyads is not None:
                dyads |= article_dyads(self.store, ids)
        except OSError as error:
            raise OutputError(f"{self.store_path}: cannot write the graph: {error.strerror or error}") from error
        for article, analysis, graph, baseline_records in items:
            self.cache.write(article, analysis, graph, baseline_records=baseline_records)
            self.counts.analysed.append(article.id)


def _prune(store: Any, store_path: Path, cache: Any, kept: set[str], dyads: set[tuple[str, str]] | None) -> list[str]:
    """Remove from the store (and the cache) the articles that are not among `kept`; their relations' dyads go to
    `dyads` (if given)."""
    from kg.store import article_dyads, article_ids_in_store, remove_article_graph

    pruned = sorted(set(article_ids_in_store(store)) - kept)
    if pruned:
        _store_changing(store_path.parent)
    if dyads is not None:
        dyads |= article_dyads(store, pruned)
    for article_id in pruned:
        remove_article_graph(store, article_id)
        cache.forget(article_id)
    return pruned


def _output_paths(out_dir: Path, *, baseline: bool) -> tuple[Path, ...]:
    names = (ARTICLES_FILE, MENTIONS_FILE, EVENTS_FILE, GROUPED_EVENTS_FILE, *([BASELINE_FILE] if baseline else []),
             GRAPH_FILE, MANIFEST_FILE)  # fmt: skip
    return tuple(out_dir / name for name in names)


def _has_store_outputs(out_dir: Path, *, page: str) -> bool:
    """Whether the outputs an earlier build made from the store are in `out_dir`: `graph.trig`, the `page` and
    the snapshot."""
    from kg.serve import current_snapshot

    if not (out_dir / GRAPH_FILE).is_file() or not (out_dir / page).is_file():
        return False
    try:
        current_snapshot(out_dir)
    except KgError:
        return False
    return True


def _index_report(report: BuildReport, *, baseline: bool) -> dict[str, Any]:
    """What a build reported (and the name of its page), as the input index keeps it for a build with nothing to
    do."""
    from kg.render import PAGE_FILE  # imported already: the build wrote the page, or checked it was there

    return {
        "baseline": baseline,
        "page": PAGE_FILE,
        "articles": list(report.articles),
        "mentions": report.mentions,
        "events": report.events,
        "unanalysed": report.unanalysed,
        "skipped": [[error.path, error.line, error.cause] for error in report.skipped],
    }


def _data_digest() -> str:
    """A digest of all the curated data: reading, the reference graphs and the page depend on it too."""
    from kg.resources import data_digest, data_dir

    return data_digest(*sorted(path.name for path in data_dir().iterdir() if path.is_dir()))


def _write_page(store: Any, staging: Path) -> None:
    from kg.render import PAGE_FILE, render_graph, write_page
    from kg.store import KnowledgeGraph

    page = render_graph(KnowledgeGraph(staging.parent, store), page_path=staging.parent / PAGE_FILE)
    write_page(page, staging / PAGE_FILE)


def _versions() -> dict[str, str]:
    """The versions an analysis depends on: the tool (its release and a digest of its code, so that a changed
    rule is never read from the cache of an older one under the same release), the spaCy models, the curated
    data."""
    from kg.lang import load_pack
    from kg.resources import data_digest, data_dir, pack_languages

    models = [load_pack(lang).model for lang in pack_languages(data_dir())]
    return {
        "tool": __version__,
        "code": _code_digest(),
        "model": ", ".join(f"{name}-{_package_version(name)}" for name in models),
        "lexicon": data_digest("actors", "lang", "cameo"),
    }


def _code_digest() -> str:
    """A short digest of the package's Python sources."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _build_iri(versions: dict[str, str]) -> URIRef:
    """The IRI of the build (its provenance), named by the tool and lexicon versions."""
    from kg.vocab import ID

    return ID["build/" + "-".join(versions[key] for key in ("tool", "lexicon")).replace(" ", "")]


def _write_reference_graphs(
    store: Any,
    gazetteer: Gazetteer,
    codes: dict[str, CameoCode],
    build: URIRef,
    started: dt.datetime,
    versions: dict[str, str],
    *,
    provenance_only: bool,
) -> None:
    """Write the ontology, CAMEO scheme, gazetteer and build provenance graphs; with `provenance_only`, the last
    alone (the others are in the store already, made from the same data)."""
    from rdflib import Graph

    from kg.resources import load_cameo_labels_fr, ontology_path
    from kg.store import has_reference_graphs, write_graph
    from kg.store.model import build_to_graph, cameo_to_graph, gazetteer_to_graph
    from kg.vocab import BUILD_GRAPH, ONTOLOGY_GRAPH

    write_graph(store, build_to_graph(BUILD_GRAPH, build, started=started, versions=versions))
    if provenance_only and has_reference_graphs(store):  # (an older version's store has them in named graphs)
        return
    ontology = Graph(identifier=ONTOLOGY_GRAPH).parse(ontology_path())
    for graph in (ontology, cameo_to_graph(codes, load_cameo_labels_fr()), gazetteer_to_graph(gazetteer)):
        write_graph(store, graph)


def _release_frames(error: BaseException) -> None:
    """Clear the variables of the finished frames a failed build's error carries (and those of its causes): the
    store among them. A caller that keeps the error (a notebook keeps the last one) would otherwise keep the
    store open, and its lock, and the next build could not open it."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        traceback.clear_frames(cause.__traceback__)
        cause = cause.__cause__ or cause.__context__


def _package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def _manifest(report: BuildReport) -> dict[str, object]:
    return {
        "tool": "diplomatic-kg",
        "version": __version__,
        "built": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(report.seconds, 3),
        "articles": list(report.articles),
        "mentions": report.mentions,
        "events": report.events,
        "unanalysed": report.unanalysed,
        "analysed": len(report.analysed),
        "reused": len(report.reused),
        "pruned": list(report.pruned),
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
