"""Query workers: child processes that hold a snapshot open read-only and answer one query at a time.

A worker cut at the deadline is killed and replaced, so the timeout bounds the
whole answer; a worker that dies is replaced too. A worker is a plain
`python -c` child (not multiprocessing's spawn, which re-runs the caller's main
module) talking pickled requests and replies over a socket pair.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import socket
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KgError
from kg.serve.answers import QueryRequest, Reply, answer_query

__all__ = ["READY_SECONDS", "WorkerPool", "run_worker"]

READY_SECONDS = 60.0
_WORKER_SIGNALS = (signal.SIGINT, signal.SIGHUP) if hasattr(signal, "SIGHUP") else (signal.SIGINT,)

log = logging.getLogger(__name__)


class _Worker:
    """One worker process: the snapshot opened read-only, answering one request at a time over a pipe."""

    def __init__(self, snapshot: Path, *, allow_service: bool, max_bytes: int) -> None:
        # A plain child process (not multiprocessing's spawn, which re-runs the caller's main module),
        # talking over a socket pair with multiprocessing's Connection.
        local, remote = socket.socketpair()
        package_root = str(Path(__file__).resolve().parents[2])
        environment = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])),
        }
        code = f"from kg.serve.workers import run_worker; run_worker({remote.fileno()}, {str(snapshot)!r}, " \
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
        if problem is not None:  # still starting at the deadline (a cut), or could not start
            return None if self.is_alive() else Reply.text(500, problem)
        try:
            self.connection.send(request)
            if not self.connection.poll(max(deadline - time.monotonic(), 0)):
                return None
            reply: Reply = self.connection.recv()
            return reply
        except (EOFError, OSError):
            self._reap(timeout=1)
            status = self.process.returncode
            return Reply.text(500, f"the query worker stopped during the query (exit status {status}); it is replaced")

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


class WorkerPool:
    """A fixed number of workers on one snapshot; a worker cut at the deadline, or dead, is replaced."""

    def __init__(self, snapshot: Path, *, size: int, allow_service: bool, max_bytes: int) -> None:
        self.snapshot, self.size, self.allow_service, self.max_bytes = snapshot, size, allow_service, max_bytes
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.busy: set[_Worker] = set()
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
        self.busy.add(worker)
        reply = worker.ask(request, deadline=deadline)
        self.busy.discard(worker)
        if reply is None or (reply.status == 500 and not worker.is_alive()):
            worker.kill()
            if self.closed:
                return Reply.text(503, "the server is stopping")
            worker = self._spawn()
        self._release(worker)
        return reply or Reply.text(503, "the query was cut at the timeout; add a LIMIT or a more selective pattern")

    def close(self, *, wait_busy: bool) -> None:
        """Stop the idle workers now, and the busy ones now or when they finish their query."""
        self.closed = True
        for worker in [] if wait_busy else list(self.busy):
            worker.process.kill()  # its query thread sees the pipe close, answers 500 and reaps it
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
