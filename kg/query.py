"""Queries from scripts: named SPARQL queries (`data/queries/*.rq`), their parameters, and result formats.

A named query's header comments give its description and its parameters
("# Parameters: source (an actor code), target (an actor code)"). Parameter
values are turned into RDF terms by their name (actor codes into actor IRIs,
CAMEO roots and dates into literals) and bound by the store, never pasted
into the query text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import XSD, Literal, URIRef

from kg.errors import KgError
from kg.resources import queries_dir
from kg.store import PREFIXES
from kg.vocab import actor_iri, article_iri

__all__ = ["RESULT_FORMATS", "NamedQuery", "load_named_queries", "bind_parameters", "format_results", "to_text"]

RESULT_FORMATS = ("table", "csv", "tsv", "json")
ACTOR_PARAMETERS = frozenset({"actor", "source", "target", "partner"})
DATE_PARAMETERS = frozenset({"since", "until", "date"})
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


def bind_parameters(values: dict[str, str], *, expected: Sequence[str] = ()) -> dict[str, URIRef | Literal]:
    """RDF terms for `name=value` parameters; `KgError` for a missing or malformed one."""
    missing = [name for name in expected if name not in values]
    if missing:
        raise KgError(f"missing parameter(s) {', '.join(missing)}: give them as --param NAME=VALUE")
    unknown = [name for name in values if expected and name not in expected]
    if unknown:
        raise KgError(f"unknown parameter(s) {', '.join(unknown)}; this query takes {', '.join(expected)}")
    return {name: _term(name, value) for name, value in values.items()}


def _term(name: str, value: str) -> URIRef | Literal:
    if name in ACTOR_PARAMETERS:
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", value):
            raise KgError(f"parameter {name}: {value!r} is not an actor code (RUS, UNO, vladimir-putin)")
        return actor_iri(value if not value.isalpha() or not value.isupper() else value.upper())
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
