"""Where the per-article analysis runs: in this process, in a pool of processes, or on a Dask cluster.

The analysis of an article (parse, actor mentions, relations, the co-occurrence
baseline) is the same function everywhere (`analyse_batch`); each process loads
the spaCy model, the gazetteer and the lexicon once, on its first batch. Results
come back as plain records (`ArticleResult`: mentions and events), never as spaCy
Docs, in the order the articles went in, with a bounded number of batches in
flight so memory does not grow with the corpus.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_context
from typing import Any

from kg.records import Article, Event, Mention

__all__ = ["DEFAULT_BATCH", "ArticleResult", "analyse_batch", "analyse_articles", "open_dask_client"]

DEFAULT_BATCH = 8  # articles per task: large enough to amortise the transfer, small enough to balance
IN_FLIGHT_PER_WORKER = 2

log = logging.getLogger(__name__)

_LOADED: dict[str, Any] = {}  # per process: the models by language, the gazetteer, the lexicon


@dataclass(frozen=True)
class ArticleResult:
    """One article's analysis, as plain records."""

    article: Article
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    cooccurrences: tuple[Event, ...]


def analyse_batch(lang: str, articles: Sequence[Article]) -> list[ArticleResult]:
    """Parse a batch of articles of one language and extract their mentions and relations (loading the
    model in this process the first time)."""
    from kg.actors import find_mentions
    from kg.events import extract_cooccurrences, extract_events
    from kg.nlp import load_nlp, parse_articles
    from kg.resources import load_event_lexicon, load_gazetteer

    if "gazetteer" not in _LOADED:
        _LOADED["gazetteer"], _LOADED["lexicon"] = load_gazetteer(), load_event_lexicon()
    gazetteer, lexicon = _LOADED["gazetteer"], _LOADED["lexicon"]
    if ("nlp", lang) not in _LOADED:
        _LOADED["nlp", lang] = load_nlp(lang, gazetteer)
    results = []
    for article, doc in parse_articles(_LOADED["nlp", lang], articles):
        mentions = find_mentions(doc, article, gazetteer, lang=lang)
        events = extract_events(doc, article, mentions, lexicon, lang=lang)
        baseline = extract_cooccurrences(doc, article, mentions, lexicon, lang=lang)
        results.append(ArticleResult(article, tuple(mentions), tuple(events), tuple(baseline)))
    return results


def analyse_articles(
    articles: Iterable[Article],
    *,
    lang: str,
    workers: int = 1,
    client: Any | None = None,
    batch_size: int = DEFAULT_BATCH,
) -> Iterator[ArticleResult]:
    """Analyse articles of one language, yielding results in input order: here (`workers=1`), in a pool of
    `workers` processes, or on a Dask cluster (`client`, a `dask.distributed.Client`)."""
    if isinstance(articles, Sequence):  # spread a short list over every worker
        width = max(workers, len(client.scheduler_info().get("workers", {})) if client is not None else 1)
        batch_size = max(1, min(batch_size, -(-len(articles) // (2 * width))))
    batches = _batches(articles, batch_size)
    if client is not None:
        yield from _ordered(batches, lambda batch: client.submit(analyse_batch, lang, batch, pure=False),
                            _dask_width(client), lambda future: future.result())  # fmt: skip
        return
    if workers <= 1:
        for batch in batches:
            yield from analyse_batch(lang, batch)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        yield from _ordered(batches, lambda batch: pool.submit(analyse_batch, lang, batch),
                            workers * IN_FLIGHT_PER_WORKER, lambda future: future.result())  # fmt: skip


def open_dask_client(*, scheduler: str | None = None, local_workers: int | None = None) -> Any:
    """A Dask client: connected to the scheduler at `scheduler` ("tcp://host:8786"), or to a new local
    cluster of `local_workers` single-threaded worker processes."""
    from kg.errors import KgError

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise KgError("Dask is not installed: pip install 'dask[distributed]'") from error
    try:
        if scheduler:
            return Client(scheduler, timeout="20s")
        cluster = LocalCluster(n_workers=local_workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=":0")  # fmt: skip
        return Client(cluster)
    except OSError as error:
        raise KgError(f"cannot reach the Dask scheduler {scheduler}: {error}") from error


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _ordered(
    batches: Iterator[list[Article]],
    submit: Callable[[list[Article]], Future[list[ArticleResult]] | Any],
    width: int,
    result: Callable[[Any], list[ArticleResult]],
) -> Iterator[ArticleResult]:
    """Keep `width` batches in flight; yield their results in submission order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= width:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def _dask_width(client: Any) -> int:
    workers = len(client.scheduler_info().get("workers", {})) or 1
    return workers * IN_FLIGHT_PER_WORKER
