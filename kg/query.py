"""Queries from scripts: named SPARQL queries (`data/queries/*.rq`), their parameters, and result formats.

A named query's header comments give its description and its parameters
("# Parameters: source (an actor code), target (an actor code)"). Parameter
values are turned into RDF terms by their name (actor codes into actor IRIs,
CAMEO roots and dates into literals) and bound by the store, never pasted
into the query text. An actor is named by its code in any case ("RUS", "rus",
"vladimir-putin") or by a name or alias the gazetteer knows in any language pack
("Russia", "Russie", "Vladimir Poutine"); an unknown one is an error that suggests
the nearest codes. For notebooks, `QueryGraph` (what `kg.open` gives) answers a
query as a pandas DataFrame, one typed column per variable.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph
from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.resources import load_gazetteer, queries_dir
from kg.store import PREFIXES, KnowledgeGraph
from kg.vocab import actor_iri, article_iri

if TYPE_CHECKING:
    import pandas as pd  # loaded by whoever asks for a DataFrame

    from kg.records import Gazetteer

__all__ = [
    "RESULT_FORMATS",
    "NamedQuery",
    "load_named_queries",
    "bind_parameters",
    "find_actor",
    "without_parameters",
    "format_results",
    "to_text",
    "QueryGraph",
    "FRAME_DTYPES",
]

RESULT_FORMATS = ("table", "csv", "tsv", "json")
ACTOR_PARAMETERS = frozenset({"actor", "source", "target", "partner"})
DATE_PARAMETERS = frozenset({"since", "until", "date"})
SUGGESTIONS = 3  # nearest actor codes an unknown actor's error names
_PARAMETERS_LINE = re.compile(r"^#\s*Parameters:\s*(.+)$", re.MULTILINE)


@dataclass(frozen=True)
class NamedQuery:
    """A query kept as a `.rq` file: its name (the file stem), description, parameters and text."""

    name: str
    description: str
    parameters: tuple[str, ...]
    text: str


def load_named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """The named queries of `data/queries/`, by name."""
    folder = folder or queries_dir()
    queries = {}
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
        description = next((line for line in comments if not line.startswith("Parameters:")), "")
        declared = _PARAMETERS_LINE.search(text)
        parameters = tuple(re.findall(r"(\w+)\s*\(", declared.group(1))) if declared else ()
        queries[path.stem] = NamedQuery(path.stem, description, parameters, text)
    return queries


def bind_parameters(
    values: dict[str, str], *, expected: Sequence[str] = (), gazetteer: Gazetteer | None = None
) -> dict[str, URIRef | Literal]:
    """RDF terms for `name=value` parameters; `KgError` for a missing, malformed or unknown one. Actor parameters
    are looked up in `gazetteer` (loaded when needed and not given)."""
    missing = [name for name in expected if name not in values]
    if missing:
        raise KgError(f"missing parameter(s) {', '.join(missing)}: give them as --param NAME=VALUE")
    unknown = [name for name in values if expected and name not in expected]
    if unknown:
        raise KgError(f"unknown parameter(s) {', '.join(unknown)}; this query takes {', '.join(expected)}")
    if ACTOR_PARAMETERS.isdisjoint(values):
        return {name: _term(name, value) for name, value in values.items()}
    actors = gazetteer or load_gazetteer()
    return {name: actor_iri(find_actor(value, actors, parameter=name)) if name in ACTOR_PARAMETERS
            else _term(name, value) for name, value in values.items()}  # fmt: skip


def find_actor(value: str, gazetteer: Gazetteer, *, parameter: str = "actor") -> str:
    """The id of the actor `value` names: its code in any case, else a name or unambiguous alias (any case,
    accents optional). `KgError` naming the nearest codes when none matches, or the actors when several do."""
    text = value.strip()
    if text in gazetteer.actors:
        return text
    by_code = {code.casefold(): code for code in gazetteer.actors}
    if text.casefold() in by_code:
        return by_code[text.casefold()]
    names = _actor_names(gazetteer)
    found = names.get(_folded(text), set())
    if len(found) == 1:
        return next(iter(found))
    if found:
        raise KgError(f"parameter {parameter}: {value!r} names several actors ({', '.join(sorted(found))}); "
                      "give one of their codes")  # fmt: skip
    candidates = {name: sorted(codes) for name, codes in names.items()} | {key: [code] for key, code in by_code.items()}
    nearest = difflib.get_close_matches(_folded(text), list(candidates), n=10 * SUGGESTIONS, cutoff=0.5)
    codes = list(dict.fromkeys(code for name in nearest for code in candidates[name]))
    hint = f"did you mean {', '.join(codes[:SUGGESTIONS])}?" if codes else "kg query OUT actor_ranking lists them"
    raise KgError(f"parameter {parameter}: {value!r} is not an actor code or a name in the gazetteer; {hint}")


def _actor_names(gazetteer: Gazetteer) -> dict[str, set[str]]:
    """Every label and unambiguous alias of the gazetteer, folded, with the actors it names."""
    names: dict[str, set[str]] = {}
    for actor in gazetteer.actors.values():
        for label in (actor.label_fr, actor.label_en):
            names.setdefault(_folded(label), set()).add(actor.id)
    for alias in gazetteer.aliases:
        if not alias.ambiguous:
            names.setdefault(_folded(alias.text), set()).add(alias.actor)
    return names


def _folded(text: str) -> str:
    """Case and accents set aside ("Fédération" and "federation" are one name)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())


def _term(name: str, value: str) -> URIRef | Literal:
    if name == "article":
        return article_iri(value)
    if name == "root":
        if not re.fullmatch(r"\d{2}", value):
            raise KgError(f"parameter root: {value!r} is not a two-digit CAMEO root such as 04")
        return Literal(value)
    if name in DATE_PARAMETERS:
        try:
            return Literal(dt.date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError as error:
            raise KgError(f"parameter {name}: {value!r} is not a date (YYYY-MM-DD)") from error
    return Literal(value)


def without_parameters(rows: list[dict[str, object]], bindings: dict[str, object]) -> list[dict[str, object]]:
    """The rows without the columns of bound parameters (a SELECT must name them, but they are the same in every
    row: the pair asked about is no row's direction)."""
    return [{name: value for name, value in row.items() if name not in bindings} for row in rows]


def to_text(term: object) -> str:
    """A result value as text: IRIs shortened with the known prefixes (actor:RUS), literals as their value."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
            if str(term).startswith(namespace) and "/" not in str(term)[len(namespace) :]:
                return f"{prefix}:{str(term)[len(namespace) :]}"
        return str(term)
    return str(term)


def format_results(rows: list[dict[str, object]], *, format: str) -> str:
    """SELECT results as CSV, TSV or JSON text (the table format is drawn by the CLI)."""
    columns = list(rows[0]) if rows else []
    if format == "json":
        return json.dumps(
            [{name: to_text(row[name]) for name in columns} for row in rows], ensure_ascii=False, indent=2
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if format == "csv" else "\t", lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([to_text(row[name]) for name in columns] for row in rows)
    return buffer.getvalue()


# The pandas dtype of a result column, from the datatypes of its values (all of one kind; else text). Nullable
# dtypes for integers and booleans, as a value may be unbound; days (xsd:date) as datetimes.
FRAME_DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "date": "datetime64[ns]",
                "text": "string"}  # fmt: skip
_XSD = str(XSD)
_INTEGER_TYPES = frozenset(_XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))  # fmt: skip
_NUMBER_TYPES = frozenset(_XSD + name for name in ("decimal", "double", "float"))
_DATE = _XSD + "date"


class QueryGraph(KnowledgeGraph):
    """A build's knowledge graph as `kg.open` gives it: SPARQL, the rdflib Dataset, and answers as DataFrames.

    >>> import kg
    >>> kg.open("out").query_df("partners", actor="PRK")
    """

    def query_df(self, name_or_sparql: str, **params: object) -> pd.DataFrame:
        """A SELECT query's answer as a pandas DataFrame: one column per variable, in the SELECT clause's order,
        typed from the values (integers Int64, decimals and doubles float64, booleans boolean, days (xsd:date)
        datetime64, a column of mixed kinds (days and months) and everything else string; IRIs shortened with the
        known prefixes, as `kg query` prints them: actor:RUS).

        `name_or_sparql` is a named query of `data/queries/` (`kg query OUT --list`) or SPARQL text. Parameters
        given as text are read as `kg query --param` reads them (actor codes become actor IRIs, roots and dates
        literals); other values (rdflib terms, numbers, dates) are bound as they are. A named query's parameters
        must all be given. As `kg query` prints them, the columns of bound parameters (the same in every row) are
        left out."""
        text, bindings = _query_and_bindings(name_or_sparql, params)
        result = self._run(text, bindings)
        if not isinstance(result, pyoxigraph.QuerySolutions):
            raise KgError("query_df needs a SELECT query (use query() for ASK, CONSTRUCT and DESCRIBE)")
        names = [variable.value for variable in result.variables if variable.value not in bindings]
        rows = [[solution[name] for name in names] for solution in result]
        return _frame(names, rows)


def _query_and_bindings(name_or_sparql: str, params: dict[str, object]) -> tuple[str, dict[str, object]]:
    """The query's text (a named query's, or the text given) and its bound values."""
    named = load_named_queries().get(name_or_sparql.strip())
    if named is None and re.fullmatch(r"\w+", name_or_sparql.strip()):
        raise KgError(f"no named query {name_or_sparql!r}: the named queries are {', '.join(load_named_queries())}")
    if named is not None and (missing := [name for name in named.parameters if name not in params]):
        raise KgError(f"query {named.name}: missing parameter(s) {', '.join(missing)} (it takes "
                      f"{', '.join(named.parameters)})")  # fmt: skip
    # Text read as --param values; rdflib terms (IRIs and literals are text too) bound as they are.
    texts = {name: value for name, value in params.items() if isinstance(value, str) and not isinstance(value, Node)}
    return (named.text if named else name_or_sparql), params | bind_parameters(texts)


def _frame(names: list[str], rows: list[list[Any]]) -> pd.DataFrame:
    import pandas as pd

    columns = {}
    for index, name in enumerate(names):
        terms = [row[index] for row in rows]
        kinds = {_kind(term) for term in terms if term is not None}
        kind = kinds.pop() if len(kinds) == 1 else "number" if kinds == {"integer", "number"} else "text"
        values = [None if term is None else _value(term, kind) for term in terms]
        if kind == "date":  # pandas reads ISO days itself (an unbound one is NaT)
            values = pd.to_datetime(values, format="ISO8601")
        columns[name] = pd.Series(values, dtype=FRAME_DTYPES[kind])
    return pd.DataFrame(columns, columns=names)


def _kind(term: Any) -> str:
    """What a result value is: an integer, another number, a boolean, a date, or text."""
    if not isinstance(term, pyoxigraph.Literal) or term.language:
        return "text"
    datatype = term.datatype.value
    if datatype in _INTEGER_TYPES:
        return "integer"
    if datatype in _NUMBER_TYPES:
        return "number"
    if datatype == _XSD + "boolean":
        return "boolean"
    return "date" if datatype == _DATE else "text"


def _value(term: Any, kind: str) -> object:
    if kind == "integer":
        return int(term.value)
    if kind == "number":
        return float(term.value)
    if kind == "boolean":
        return term.value in ("true", "1")
    if kind == "date":
        return term.value
    if isinstance(term, pyoxigraph.NamedNode):
        return to_text(URIRef(term.value))
    return f"_:{term.value}" if isinstance(term, pyoxigraph.BlankNode) else term.value
