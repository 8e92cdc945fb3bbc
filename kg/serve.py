"""Serving: a read-only SPARQL 1.1 Protocol endpoint over a build's graph, which makes no outbound request.

Each build leaves a consistent checkpoint of its store (`Store.backup`, taken
by the build itself) in `OUT/snapshots/`; `kg serve` serves the newest one. A
build while the server runs writes the store and a new snapshot, never the one
being served; the server picks the new snapshot up on `reload` (SIGHUP for the
CLI).

Tornado answers HTTP (GET and POST, the standard result media types, CORS on
request); each query runs in a worker process that holds the snapshot open
read-only with pyoxigraph. A query still running at the timeout has its worker
killed and replaced and is answered 503: the timeout bounds the whole response,
and a cut query is never a 200. The default graph is the union of the named
graphs; the project's prefixes (`kg:`, `actor:`, `graph:`...) are predefined
and `$name=value` parameters bind variables, so `data/queries/*.rq` run
unchanged, as `kg query` runs them. Oxigraph would call any URL a query names
in `SERVICE`: such queries are refused unless `allow_service` is set.
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tornado.httpserver
import tornado.netutil
import tornado.web

from kg.errors import KgError

if TYPE_CHECKING:
    import pyoxigraph

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
    "run_worker",
]

SNAPSHOTS_DIR = "snapshots"
CURRENT_POINTER = "current"
DEFAULT_BIND = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30
DEFAULT_WORKERS = 2
DEFAULT_MAX_RESULT_MB = 100
KEPT_SNAPSHOTS = 3
READY_SECONDS = 60.0
TEXT = "text/plain; charset=utf-8"
MAX_QUERY_BYTES = 1 << 20
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_WORKER_SIGNALS = (signal.SIGINT, signal.SIGHUP) if hasattr(signal, "SIGHUP") else (signal.SIGINT,)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueryRequest:
    """A protocol query request: the text, the Accept header, the dataset and `$name` parameters."""

    query: str
    accept: str = "*/*"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    parameters: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, media type and the whole body."""

    status: int
    media_type: str
    body: bytes

    @classmethod
    def text(cls, status: int, message: str) -> Reply:
        """A one-line plain-text answer (errors)."""
        return cls(status, TEXT, (" ".join(message.split()) + "\n").encode("utf-8"))


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


def is_federated(query: str) -> bool:
    """Whether a query calls another endpoint (`SERVICE`), read by rdflib's SPARQL parser.

    A query that does not spell "service" anywhere (after SPARQL's `\\u` escapes) cannot call one; one that
    does and that rdflib cannot parse is taken as federated: it is refused rather than guessed at.
    """
    unescaped = _UNICODE_ESCAPE.sub(lambda match: chr(int(match.group(1) or match.group(2), 16)), query)
    if "service" not in unescaped.lower():
        return False
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return _has_service(parseQuery(query))
    except (ParseException, ValueError, TypeError):
        return True


def answer_query(
    store: pyoxigraph.Store, request: QueryRequest, *, allow_service: bool = False, max_bytes: int = 1 << 30
) -> Reply:
    """The endpoint's answer to one query on a store: results in the negotiated format, or a one-line error."""
    import pyoxigraph

    from kg.store import PREFIXES

    if not allow_service and is_federated(request.query):
        return Reply.text(403, "federated queries (SERVICE) are refused: this endpoint makes no outbound "
                          "request; start kg serve with --allow-service to allow them")  # fmt: skip
    try:
        result = store.query(
            request.query, prefixes=PREFIXES, use_default_graph_as_union=not request.default_graphs,
            default_graph=[pyoxigraph.NamedNode(iri) for iri in request.default_graphs] or None,
            named_graphs=[pyoxigraph.NamedNode(iri) for iri in request.named_graphs] or None,
            substitutions=_substitutions(request.parameters),
        )  # fmt: skip
        return _serialize(result, request.accept, max_bytes=max_bytes)
    except SyntaxError as error:
        return Reply.text(400, f"SPARQL syntax error: {error}")
    except KgError as error:
        return Reply.text(400, str(error))
    except _ResultTooLarge:
        return Reply.text(503, f"the result is over the {max_bytes // (1 << 20)} MB limit: "
                          "add a LIMIT, or start kg serve with a larger --max-result-mb")  # fmt: skip
    except (OSError, RuntimeError, ValueError) as error:
        return Reply.text(500, f"the query failed: {error}")


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
        self.pool: _Pool | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    @property
    def endpoint(self) -> str:
        """The SPARQL query endpoint URL."""
        return f"http://{self.bind}:{self.port}/query"

    def start(self) -> None:
        """Listen on the port (a one-line `KgError` if it is taken), start the workers, then answer."""
        snapshot = current_snapshot(self.out_dir)
        try:
            sockets = tornado.netutil.bind_sockets(self.port, self.bind)
        except OSError as error:
            raise KgError(f"cannot listen on {self.bind}:{self.port}: {error.strerror or error}; "
                          "another server uses this port: choose another with --port") from error  # fmt: skip
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
            old.close()

    def stop(self) -> None:
        """Stop answering, close the port and stop every worker."""
        if self._loop is not None and self._stopping is not None:
            self._loop.call_soon_threadsafe(self._stopping.set)
        if self._thread is not None:
            self._thread.join(timeout=30)
        self._loop = self._stopping = self._thread = None
        if self.pool is not None:
            self.pool.close()
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

    def _new_pool(self, snapshot: Path) -> _Pool:
        pool = _Pool(snapshot, size=self.workers, allow_service=self.allow_service, max_bytes=self.max_bytes)
        pool.start(timeout=self.timeout)
        return pool

    def _run(self, sockets: list[socket.socket], ready: threading.Event) -> None:
        asyncio.run(self._serve(sockets, ready))

    async def _serve(self, sockets: list[socket.socket], ready: threading.Event) -> None:
        self._loop, self._stopping = asyncio.get_running_loop(), asyncio.Event()
        executor = ThreadPoolExecutor(max_workers=4 * self.workers, thread_name_prefix="kg-serve-query")
        application = _application(self, executor)
        server = tornado.httpserver.HTTPServer(application, max_body_size=MAX_QUERY_BYTES)
        server.add_sockets(sockets)
        ready.set()
        await self._stopping.wait()
        server.stop()
        await server.close_all_connections()
        executor.shutdown(wait=False, cancel_futures=True)


class _ResultTooLarge(Exception):
    """Raised by the capped writer when a result outgrows `max_bytes`."""


class _CappedBuffer:
    """A binary writer that keeps what it is given, up to a limit."""

    def __init__(self, limit: int) -> None:
        self.limit, self.size, self.parts = limit, 0, []  # type: int, int, list[bytes]

    def write(self, chunk: bytes) -> int:
        self.size += len(chunk)
        if self.size > self.limit:
            raise _ResultTooLarge
        self.parts.append(bytes(chunk))
        return len(chunk)

    def flush(self) -> None:
        pass


def _serialize(result: Any, accept: str, *, max_bytes: int) -> Reply:
    """The results (solutions, boolean or triples) in the first format of the Accept header that fits."""
    import pyoxigraph

    graph = isinstance(result, pyoxigraph.QueryTriples)
    kind: Any = pyoxigraph.RdfFormat if graph else pyoxigraph.QueryResultsFormat
    default = pyoxigraph.RdfFormat.TURTLE if graph else pyoxigraph.QueryResultsFormat.JSON
    chosen = None
    for media_range in _media_ranges(accept):
        chosen = default if "*" in media_range else kind.from_media_type(media_range)
        if chosen is not None:
            break
    if chosen is None:
        offered = "an RDF format such as text/turtle" if graph else "application/sparql-results+json, +xml, text/csv"
        return Reply.text(406, f"no acceptable format in Accept: {accept}; this result comes as {offered}")
    buffer = _CappedBuffer(max_bytes)
    result.serialize(buffer, format=chosen)
    return Reply(200, chosen.media_type, b"".join(buffer.parts))


def _media_ranges(accept: str) -> list[str]:
    """The media ranges of an Accept header, most preferred first (q=0 left out)."""
    weighted = []
    for position, item in enumerate(accept.split(",")):
        media_range, *options = (part.strip() for part in item.split(";"))
        quality = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media_range and quality > 0:
            weighted.append((-quality, position, media_range.lower()))
    return [media_range for *_, media_range in sorted(weighted)] or ["*/*"]


def _substitutions(parameters: tuple[tuple[str, str], ...]) -> dict[Any, Any]:
    """`$name=value` parameters as pyoxigraph substitutions: `<iri>` as is, other values as `kg query --param`."""
    import pyoxigraph

    from kg.query import bind_parameters
    from kg.store.model import to_oxigraph_term

    terms: dict[Any, Any] = {}
    for name, value in parameters:
        if value.startswith("<") and value.endswith(">"):
            terms[pyoxigraph.Variable(name)] = pyoxigraph.NamedNode(value[1:-1])
        else:
            terms[pyoxigraph.Variable(name)] = to_oxigraph_term(bind_parameters({name: value})[name])
    return terms


def _has_service(node: object) -> bool:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service(value) for value in dict.values(node))
    if isinstance(node, (list, tuple, ParseResults)):
        return any(_has_service(value) for value in node)
    return False


class _Worker:
    """One worker process: the snapshot opened read-only, answering one request at a time over a pipe."""

    def __init__(self, snapshot: Path, *, allow_service: bool, max_bytes: int) -> None:
        # A plain child process (not multiprocessing's spawn, which re-runs the caller's main module),
        # talking over a socket pair with multiprocessing's Connection.
        local, remote = socket.socketpair()
        package_root = str(Path(__file__).resolve().parent.parent)
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root,
                                                                                 os.environ.get("PYTHONPATH")]))}
        code = f"from kg.serve import run_worker; run_worker({remote.fileno()}, {str(snapshot)!r}, " \
               f"allow_service={allow_service}, max_bytes={max_bytes})"  # fmt: skip
        self.process = subprocess.Popen([sys.executable, "-c", code], pass_fds=[remote.fileno()], env=environment,
                                        stdin=subprocess.DEVNULL)  # fmt: skip
        remote.close()
        self.connection = Connection(local.detach())
        self.ready = False

    def wait_ready(self, seconds: float) -> str | None:
        """None once the worker has opened the snapshot, else why it has not."""
        if self.ready:
            return None
        try:
            if not self.connection.poll(max(seconds, 0)):
                return f"the query worker did not start within {seconds:.0f} s"
            status, message = self.connection.recv()
        except (EOFError, OSError):
            return f"the query worker stopped at start (exit status {self.process.returncode})"
        self.ready = status == "ready"
        return None if self.ready else message

    def ask(self, request: QueryRequest, *, deadline: float) -> Reply | None:
        """The worker's reply, or None at the deadline; a dead worker is a 500."""
        problem = self.wait_ready(deadline - time.monotonic())
        if problem is not None:
            return None if "did not start" in problem else Reply.text(500, problem)
        try:
            self.connection.send(request)
            if not self.connection.poll(max(deadline - time.monotonic(), 0)):
                return None
            reply: Reply = self.connection.recv()
            return reply
        except (EOFError, OSError):
            self._reap(timeout=1)
            return Reply.text(500, f"the query worker stopped during the query (exit status {self.process.returncode}); "
                              "it has been replaced")  # fmt: skip

    def is_alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        self.process.kill()
        self._reap(timeout=10)
        self.connection.close()

    def _reap(self, *, timeout: float) -> None:
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            log.warning("query worker %d did not exit", self.process.pid)


class _Pool:
    """A fixed number of workers on one snapshot; a worker cut at the timeout or dead is replaced."""

    def __init__(self, snapshot: Path, *, size: int, allow_service: bool, max_bytes: int) -> None:
        self.snapshot, self.size, self.allow_service, self.max_bytes = snapshot, size, allow_service, max_bytes
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.closed = False

    def start(self, *, timeout: float) -> None:
        """Start the workers and wait until each has opened the snapshot; `KgError` if one cannot."""
        workers = [self._spawn() for _ in range(self.size)]
        for worker in workers:
            problem = worker.wait_ready(READY_SECONDS + timeout)
            if problem is not None:
                for started in workers:
                    started.kill()
                raise KgError(f"{self.snapshot}: {problem}")
            self.idle.put(worker)

    def run(self, request: QueryRequest, *, deadline: float) -> Reply:
        """Answer on the first free worker; 503 if none is free or the query is not done by the deadline."""
        try:
            worker = self.idle.get(timeout=max(deadline - time.monotonic(), 0))
        except queue.Empty:
            return Reply.text(503, "the server is busy with other queries until the timeout; try again later")
        reply = worker.ask(request, deadline=deadline)
        if reply is None or reply.status == 500 and not worker.is_alive():
            worker.kill()
            worker = self._spawn()
        self._release(worker)
        return reply or Reply.text(503, "the query was cut at the timeout; add a LIMIT or a more selective pattern")

    def close(self) -> None:
        """Stop the idle workers now and the busy ones when they finish."""
        self.closed = True
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                return

    def _spawn(self) -> _Worker:
        return _Worker(self.snapshot, allow_service=self.allow_service, max_bytes=self.max_bytes)

    def _release(self, worker: _Worker) -> None:
        if self.closed:
            worker.kill()
        else:
            self.idle.put(worker)


def run_worker(descriptor: int, snapshot: str, *, allow_service: bool, max_bytes: int) -> None:
    """A query worker's main (a child process of the server): open the snapshot read-only, then answer
    requests from the socket `descriptor` until it closes."""
    import pyoxigraph

    import kg.query  # noqa: F401  (loaded now, not during the first query)

    connection = Connection(descriptor)

    for number in _WORKER_SIGNALS:  # the server stops its workers; a Ctrl-C in the terminal is for it
        signal.signal(number, signal.SIG_IGN)
    _die_with_parent()
    try:
        store = pyoxigraph.Store.read_only(snapshot)
    except OSError as error:
        connection.send(("error", f"cannot open the snapshot: {error}"))
        return
    connection.send(("ready", ""))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(answer_query(store, request, allow_service=allow_service, max_bytes=max_bytes))


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker if the server dies, even by SIGKILL (no orphan)."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)


def _application(server: SparqlServer, executor: ThreadPoolExecutor) -> tornado.web.Application:
    """The Tornado application: `/query` answers queries, `/update` is refused, any other path is a 404."""
    return tornado.web.Application(
        [("/query", _QueryHandler), ("/update", _ReadOnlyHandler)],
        default_handler_class=_NotFoundHandler, kg_server=server, kg_executor=executor,
    )  # fmt: skip


class _Handler(tornado.web.RequestHandler):
    """One-line plain-text errors, and CORS headers when the server allows cross-origin requests."""

    @property
    def server(self) -> SparqlServer:
        server: SparqlServer = self.application.settings["kg_server"]
        return server

    @property
    def executor(self) -> ThreadPoolExecutor:
        executor: ThreadPoolExecutor = self.application.settings["kg_executor"]
        return executor

    def set_default_headers(self) -> None:
        if self.server.cors:
            self.set_header("Access-Control-Allow-Origin", "*")

    def options(self, *args: str) -> None:
        """The CORS preflight (with --cors)."""
        if not self.server.cors:
            self.reply(Reply.text(405, "cross-origin requests are off: start kg serve with --cors"))
            return
        self.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.set_header("Access-Control-Allow-Headers", "Accept, Content-Type")
        self.set_status(204)
        self.finish()

    def reply(self, reply: Reply) -> None:
        self.set_status(reply.status)
        self.set_header("Content-Type", reply.media_type)
        self.finish(reply.body)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", TEXT)
        self.finish(Reply.text(status_code, self._reason).body)


class _QueryHandler(_Handler):
    """The SPARQL 1.1 Protocol query operation: GET, POST form and POST `application/sparql-query`."""

    async def get(self) -> None:
        await self._answer(self.request.query_arguments)

    async def post(self) -> None:
        media_type = self.request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type == "application/x-www-form-urlencoded":
            if "update" in self.request.body_arguments:
                self.reply(Reply.text(403, "this endpoint is read-only: updates are refused"))
                return
            await self._answer({**self.request.query_arguments, **self.request.body_arguments})
        elif media_type == "application/sparql-query":
            await self._answer({**self.request.query_arguments, "query": [self.request.body]})
        elif media_type == "application/sparql-update":
            self.reply(Reply.text(403, "this endpoint is read-only: updates are refused"))
        else:
            self.reply(Reply.text(415, f"POST a query as application/x-www-form-urlencoded or "
                                  f"application/sparql-query, not {media_type or 'no media type'}"))  # fmt: skip

    async def _answer(self, arguments: dict[str, list[bytes]]) -> None:
        deadline = time.monotonic() + self.server.timeout
        try:
            values = {name: [value.decode("utf-8") for value in items] for name, items in arguments.items()}
        except UnicodeDecodeError:
            self.reply(Reply.text(400, "the request is not UTF-8"))
            return
        if not values.get("query"):
            self.reply(Reply.text(400, "no query: send it as the query parameter (SPARQL 1.1 Protocol)"))
            return
        request = QueryRequest(
            values["query"][0], accept=self.request.headers.get("Accept", "*/*"),
            default_graphs=tuple(values.get("default-graph-uri", ())),
            named_graphs=tuple(values.get("named-graph-uri", ())),
            parameters=tuple((name[1:], items[0]) for name, items in values.items() if name.startswith("$")),
        )  # fmt: skip
        loop = asyncio.get_running_loop()
        self.reply(await loop.run_in_executor(self.executor, self.server.answer, request, deadline))


class _ReadOnlyHandler(_Handler):
    """`/update`: refused."""

    def get(self) -> None:
        self.reply(Reply.text(403, "this endpoint is read-only: updates are refused"))

    post = get


class _NotFoundHandler(_Handler):
    """Any other path."""

    def prepare(self) -> None:
        if self.request.method != "OPTIONS":
            self.reply(Reply.text(404, f"no such path {self.request.path}: the SPARQL endpoint is /query"))


def _prune(folder: Path, *, keep: str) -> None:
    """Keep the newest snapshots (a server may still be reading one) and remove older ones."""
    snapshots = sorted(path for path in folder.iterdir() if path.is_dir())
    for old in snapshots[:-KEPT_SNAPSHOTS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
