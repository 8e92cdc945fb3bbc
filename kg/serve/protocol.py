"""The SPARQL 1.1 Protocol over HTTP, served by Tornado: `/query` (GET, POST form, POST sparql-query).

Hands each request to the server's workers through a thread pool (the event
loop never waits on a query) and writes the reply; `/update` is refused, any
other path is a one-line 404; CORS headers and preflight when allowed.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import tornado.httpserver
import tornado.web

from kg.serve.answers import TEXT, QueryRequest, Reply

if TYPE_CHECKING:
    from kg.serve import SparqlServer

__all__ = ["MAX_QUERY_BYTES", "serve_http"]

MAX_QUERY_BYTES = 1 << 20


async def serve_http(
    server: SparqlServer, sockets: list[socket.socket], *, ready: threading.Event, stopping: asyncio.Event
) -> None:
    """Answer on the listening sockets until `stopping` is set."""
    executor = ThreadPoolExecutor(max_workers=4 * server.workers, thread_name_prefix="kg-serve-query")
    http_server = tornado.httpserver.HTTPServer(_application(server, executor), max_body_size=MAX_QUERY_BYTES)
    http_server.add_sockets(sockets)
    ready.set()
    await stopping.wait()
    http_server.stop()
    await http_server.close_all_connections()
    executor.shutdown(wait=False, cancel_futures=True)


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
