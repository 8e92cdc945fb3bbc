"""Answers: one SPARQL query on a store, as the endpoint answers it (the part the query workers run).

Reads a `QueryRequest` (text, Accept header, dataset, `$name` parameters) and
returns a `Reply` (status, media type, whole body): the results in the first
acceptable standard format, or a one-line error. The default graph is the
union of the named graphs, the project's prefixes are predefined, and a query
that calls another endpoint (`SERVICE`) is refused unless allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.errors import KgError

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["TEXT", "QueryRequest", "Reply", "is_federated", "answer_query"]

TEXT = "text/plain; charset=utf-8"
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


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
    except (ParseException, ValueError, TypeError, RecursionError):
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
