"""Serving: a read-only SPARQL 1.1 Protocol endpoint over a build's graph, run by Oxigraph's own server.

Each build leaves a consistent checkpoint of its store (`Store.backup`, taken
by the build itself) in `OUT/snapshots/`; `kg serve` runs `oxigraph
serve-read-only` on the newest one. A build while the server runs writes the
store and a new snapshot, never the one being served; the server picks the
new snapshot up on restart or on `reload` (SIGHUP for the CLI).
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.errors import KgError

__all__ = [
    "SNAPSHOTS_DIR",
    "DEFAULT_BIND",
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT",
    "KEPT_SNAPSHOTS",
    "write_snapshot",
    "current_snapshot",
    "SparqlServer",
    "free_port",
]

SNAPSHOTS_DIR = "snapshots"
CURRENT_POINTER = "current"
DEFAULT_BIND = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30
KEPT_SNAPSHOTS = 3
READY_SECONDS = 20.0

log = logging.getLogger(__name__)


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
    """Oxigraph's read-only SPARQL server on a build's current snapshot."""

    def __init__(
        self, out_dir: Path, *, bind: str = DEFAULT_BIND, port: int = DEFAULT_PORT,
        timeout: int = DEFAULT_TIMEOUT, cors: bool = False,
    ) -> None:  # fmt: skip
        self.out_dir, self.bind, self.port, self.timeout, self.cors = out_dir, bind, port, timeout, cors
        self.process: subprocess.Popen[bytes] | None = None
        self.snapshot: Path | None = None

    @property
    def endpoint(self) -> str:
        """The SPARQL query endpoint URL."""
        return f"http://{self.bind}:{self.port}/query"

    def start(self) -> None:
        """Start the server on the current snapshot and wait until it answers."""
        self.snapshot = current_snapshot(self.out_dir)
        command = [
            _oxigraph_binary(), "serve-read-only", "--location", str(self.snapshot),
            "--bind", f"{self.bind}:{self.port}", "--timeout-s", str(self.timeout),
        ] + (["--cors"] if self.cors else [])  # fmt: skip
        log.info("starting %s", " ".join(command))
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._wait_ready()

    def reload(self) -> None:
        """Serve the newest snapshot: start a new server on it, then stop the old one."""
        self.stop()
        self.start()

    def stop(self) -> None:
        """Stop the server and wait for it to exit."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def __enter__(self) -> SparqlServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_SECONDS
        probe = f"{self.endpoint}?query=ASK%7B%7D"
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                error = self.process.stderr.read().decode("utf-8", "replace").strip() if self.process.stderr else ""
                raise KgError(
                    f"the SPARQL server stopped at start: {error.splitlines()[-1] if error else 'no message'}"
                )
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.stop()
        raise KgError(f"the SPARQL server did not answer on {self.endpoint} within {READY_SECONDS:.0f} s")


def _oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        raise KgError("the Oxigraph server is not installed: pip install oxigraph")
    return found


def _prune(folder: Path, *, keep: str) -> None:
    """Keep the newest snapshots (a server may still be reading one) and remove older ones."""
    snapshots = sorted(path for path in folder.iterdir() if path.is_dir())
    for old in snapshots[:-KEPT_SNAPSHOTS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
