"""Serving: a read-only SPARQL 1.1 Protocol endpoint over a build's graph, which makes no outbound request.

Each build leaves a consistent checkpoint of its store (`Store.backup`, taken
by the build itself) in `OUT/snapshots/`; `kg serve` serves the newest one. A
build while the server runs writes the store and a new snapshot, never the one
being served; the server picks the new snapshot up on `reload` (SIGHUP for the
CLI).

Tornado answers HTTP (`protocol`: GET and POST, the standard result media
types, CORS on request); each query runs in a worker process (`workers`) that
holds the snapshot open read-only with pyoxigraph and answers it (`answers`).
A query still running at the timeout has its worker killed and replaced and is
answered 503: the timeout bounds the whole response, and a cut query is never
a 200. The default graph is the union of the named graphs; the project's
prefixes (`kg:`, `actor:`, `graph:`...) are predefined and `$name=value`
parameters bind variables, so `data/queries/*.rq` run unchanged, as `kg query`
runs them. Oxigraph would call any URL a query names in `SERVICE`: such
queries are refused unless `allow_service` is set.
"""

from __future__ import annotations

import asyncio
import errno
import os
import shutil
import socket
import threading
import time
from pathlib import Path

from kg.errors import KgError
from kg.serve.answers import QueryRequest, Reply, answer_query, is_federated
from kg.serve.workers import WorkerPool

__all__ = [
    "SNAPSHOTS_DIR",
    "DEFAULT_BIND",
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT",
    "DEFAULT_WORKERS",
    "DEFAULT_MAX_RESULT_MB",
    "KEPT_SNAPSHOTS",
    "QueryRequest",
    "Reply",
    "write_snapshot",
    "current_snapshot",
    "answer_query",
    "is_federated",
    "SparqlServer",
    "free_port",
]

SNAPSHOTS_DIR = "snapshots"
CURRENT_POINTER = "current"
DEFAULT_BIND = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30
DEFAULT_WORKERS = 2
DEFAULT_MAX_RESULT_MB = 100
KEPT_SNAPSHOTS = 3


def write_snapshot(store: object, out_dir: Path) -> Path:
    """Checkpoint the store (the writer's own handle) into a new snapshot and point `current` at it."""
    folder = out_dir / SNAPSHOTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    name = time.strftime("%Y%m%dT%H%M%S") + f"-{time.time_ns() % 1_000_000:06d}"
    target = folder / name
    store.backup(str(target))  # type: ignore[attr-defined]
    pointer = folder / f".{CURRENT_POINTER}.part"
    pointer.write_text(name + "\n", encoding="utf-8")
    os.replace(pointer, folder / CURRENT_POINTER)
    _prune(folder, keep=name)
    return target


def current_snapshot(out_dir: Path) -> Path:
    """The newest snapshot of a build folder; `KgError` if there is none."""
    pointer = out_dir / SNAPSHOTS_DIR / CURRENT_POINTER
    try:
        snapshot = out_dir / SNAPSHOTS_DIR / pointer.read_text(encoding="utf-8").strip()
    except OSError as error:
        raise KgError(f"{out_dir}: no graph snapshot to serve; run kg build first") from error
    if not snapshot.is_dir():
        raise KgError(f"{snapshot}: the current snapshot is missing; run kg build again")
    return snapshot


def free_port(bind: str = DEFAULT_BIND) -> int:
    """A free TCP port on the loopback address."""
    with socket.socket() as probe:
        probe.bind((bind, 0))
        return int(probe.getsockname()[1])


class SparqlServer:
    """The read-only SPARQL endpoint on a build's current snapshot: Tornado in a thread, queries in workers."""

    def __init__(
        self, out_dir: Path, *, bind: str = DEFAULT_BIND, port: int = DEFAULT_PORT,
        timeout: int = DEFAULT_TIMEOUT, cors: bool = False, allow_service: bool = False,
        workers: int = DEFAULT_WORKERS, max_result_mb: int = DEFAULT_MAX_RESULT_MB,
    ) -> None:  # fmt: skip
        self.out_dir, self.bind, self.port, self.timeout, self.cors = out_dir, bind, port, timeout, cors
        self.allow_service, self.workers, self.max_bytes = allow_service, workers, max_result_mb << 20
        self.snapshot: Path | None = None
        self.pool: WorkerPool | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    @property
    def endpoint(self) -> str:
        """The SPARQL query endpoint URL."""
        return f"http://{self.bind}:{self.port}/query"

    def start(self) -> None:
        """Listen on the port (a one-line `KgError` if it is taken), start the workers, then answer."""
        import tornado.netutil

        snapshot = current_snapshot(self.out_dir)
        try:
            sockets = tornado.netutil.bind_sockets(self.port, self.bind)
        except OSError as error:
            fix = "another program uses this port: choose another with --port" if error.errno == errno.EADDRINUSE \
                else "check --bind and --port"  # fmt: skip
            raise KgError(f"cannot listen on {self.bind}:{self.port}: {error.strerror or error}; {fix}") from error
        try:
            self.pool, self.snapshot = self._new_pool(snapshot), snapshot
        except KgError:
            for listening in sockets:
                listening.close()
            raise
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(sockets, ready), name="kg-serve", daemon=True)
        self._thread.start()
        ready.wait()

    def reload(self) -> None:
        """Serve the newest snapshot: new workers on it answer the next queries; the old ones are stopped."""
        snapshot = current_snapshot(self.out_dir)
        old, self.pool = self.pool, self._new_pool(snapshot)
        self.snapshot = snapshot
        if old is not None:
            old.close(wait_busy=True)

    def stop(self) -> None:
        """Stop answering, close the port and stop every worker."""
        if self._loop is not None and self._stopping is not None:
            self._loop.call_soon_threadsafe(self._stopping.set)
        if self._thread is not None:
            self._thread.join(timeout=30)
        self._loop = self._stopping = self._thread = None
        if self.pool is not None:
            self.pool.close(wait_busy=False)
            self.pool = None

    def is_running(self) -> bool:
        """Whether the server still answers (its thread is alive)."""
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> SparqlServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def answer(self, request: QueryRequest, deadline: float) -> Reply:
        """Run one request on a free worker by the deadline (blocking: called from Tornado's executor)."""
        pool = self.pool
        if pool is None:
            return Reply.text(503, "the server is stopping")
        return pool.run(request, deadline=deadline)

    def _new_pool(self, snapshot: Path) -> WorkerPool:
        pool = WorkerPool(snapshot, size=self.workers, allow_service=self.allow_service, max_bytes=self.max_bytes)
        pool.start(timeout=self.timeout)
        return pool

    def _run(self, sockets: list[socket.socket], ready: threading.Event) -> None:
        from kg.serve.protocol import serve_http

        async def serve() -> None:
            self._loop, self._stopping = asyncio.get_running_loop(), asyncio.Event()
            await serve_http(self, sockets, ready=ready, stopping=self._stopping)

        asyncio.run(serve())


def _prune(folder: Path, *, keep: str) -> None:
    """Keep the newest snapshots (a server may still be reading one) and remove older ones."""
    snapshots = sorted(path for path in folder.iterdir() if path.is_dir())
    for old in snapshots[:-KEPT_SNAPSHOTS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
