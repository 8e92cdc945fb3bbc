"""The dyad summaries (in the store's default graph): the relations of each ordered pair of actors, added up.

A summary counts the relations (asserted or hypothetical) from its source to
its target, and the symmetric ones either way: by QuadClass and by CAMEO root,
with their Goldstein sum and mean and their first and last dates; an asserted
relation's root is also a direct actor-to-actor edge (`kg.store.model.edge_quads`).
`DyadSummaries` adds the relations up as the tallies' one read of every relation
gives them (`kg.store.tallies.refresh_tallies`), a row a relation: the store's
own GROUP BY over the same relations (`SUMMARY_AGGREGATE`, which
`kg.store.refresh_summaries` ran until then) read them a second time, the longer
of the two reads at a million relations. The numbers are those that query gave,
the Goldstein sum and mean rounded from the exact sum (to three decimals, a tie
to the even digit): not from a sum of floating-point numbers whose last bit, and
so the mean of a tie such as 1.5125, followed the order the store gave the groups.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import pyoxigraph

from kg.records import QuadClass
from kg.store.model import OX_KG, ox_date, ox_literal
from kg.vocab import KG, PREFIXES, dyad_iri

__all__ = ["QUADCLASS_COUNTS", "SUMMARY_AGGREGATE", "DyadSummaries", "read_codes", "summary_quads"]

QUADCLASS_COUNTS = {
    QuadClass.VERBAL_COOPERATION: KG.verbalCooperationCount,
    QuadClass.MATERIAL_COOPERATION: KG.materialCooperationCount,
    QuadClass.VERBAL_CONFLICT: KG.verbalConflictCount,
    QuadClass.MATERIAL_CONFLICT: KG.materialConflictCount,
}
# What a summary adds up, as the store's own aggregate: its relations grouped by root, QuadClass and mode (a
# relation's root, QuadClass and Goldstein score are its code's, in the CAMEO scheme; a symmetric relation counts in
# both directions' dyads). `DyadSummaries` gives the same numbers from the tallies' read; this is the reference it
# is tested against. An undated relation counts in no date: "~" sorts after every date, "" before.
SUMMARY_AGGREGATE = """
SELECT ?source ?target ?root ?quad ?mode (COUNT(?relation) AS ?count) (SUM(?goldstein) AS ?sum)
       (MIN(COALESCE(STR(?date), "~")) AS ?first) (MAX(COALESCE(STR(?date), "")) AS ?last)
WHERE {
  GRAPH ?graph {
    ?relation kg:eventType ?type ; kg:mode ?mode .
    { ?relation kg:source ?source ; kg:target ?target . }
    UNION
    { ?relation kg:source ?target ; kg:target ?source ; kg:symmetric true . }
    OPTIONAL { ?relation kg:date ?date }
    FILTER(?mode != kg:negated)
  }
  OPTIONAL { ?type kg:rootCode ?root ; kg:quadClass ?quad ; kg:goldstein ?goldstein . }
}
GROUP BY ?source ?target ?root ?quad ?mode
"""
# A code's QuadClass, Goldstein score and root, in the CAMEO scheme (a relation's are its code's).
_CODES_QUERY = """
SELECT ?type ?quad ?goldstein ?root WHERE { ?type kg:quadClass ?quad ; kg:goldstein ?goldstein ; kg:rootCode ?root . }
"""
_NEGATED, _ASSERTED = OX_KG.negated, OX_KG.asserted
_XSD_DECIMAL = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
_THOUSANDTH = Decimal("0.001")
_TRUE = "true"


def read_codes(store: pyoxigraph.Store) -> dict[Any, tuple[Any, Any, Any]]:
    """Each CAMEO code of the store's scheme (its IRI) with its QuadClass, Goldstein score and root, as the store's
    terms."""
    rows = store.query(_CODES_QUERY, prefixes=PREFIXES)
    return {row["type"]: (row["quad"], row["goldstein"], row["root"]) for row in rows}


class DyadSummaries:
    """The dyad summaries and direct edges being added up, a relation at a time (`add`), each summary a running
    total (memory bounded by the dyads, not the relations); only the dyads of `only` ((source, target) actor
    IRIs) when given. `codes` gives each CAMEO code's (QuadClass, Goldstein score, root) as the store's terms."""

    def __init__(self, codes: dict[Any, tuple[Any, Any, Any]], *,
                 only: Collection[tuple[str, str]] | None = None) -> None:  # fmt: skip
        self.codes = codes
        self.only = None if only is None else set(only)
        self.summaries: dict[tuple[str, str], _Summary] = {}
        self.edges: set[tuple[Any, str, Any]] = set()  # (source, root, target): an asserted relation's direct edge

    def add(self, source: Any, target: Any, type_: Any, mode: Any, symmetric: Any, date: Any) -> None:
        """Count a relation, given as the store's terms (`symmetric` a boolean literal, `date` None when it has
        none): in its dyad's summary and, when symmetric, in the other direction's too (twice in its own when it
        is of an actor with itself, as the store's aggregate counts it)."""
        if mode == _NEGATED:
            return
        code = self.codes.get(type_)
        if code is None:  # a code the CAMEO scheme lacks: the aggregate gave it no root, nor any summary
            return
        self._count(source, target, code, mode, date)
        if symmetric.value == _TRUE:
            self._count(target, source, code, mode, date)

    def _count(self, source: Any, target: Any, code: tuple[Any, Any, Any], mode: Any, date: Any) -> None:
        key = (source.value, target.value)
        if self.only is not None and key not in self.only:
            return
        summary = self.summaries.get(key)
        if summary is None:
            summary = self.summaries[key] = _Summary()
        quad, goldstein, root = code
        summary.add(int(quad.value), Decimal(goldstein.value), root.value, None if date is None else date.value)
        if mode == _ASSERTED:
            self.edges.add((source, root.value, target))

    def quads(self) -> Iterator[pyoxigraph.Quad]:
        """Every summary's quads, one summary at a time."""
        for (source, target), summary in self.summaries.items():
            yield from summary_quads(source, target, summary.as_totals())

    def __len__(self) -> int:
        return len(self.summaries)


class _Summary:
    """The running numbers of one dyad's summary: its relations by QuadClass and by root, their Goldstein sum
    (exact), and the least and greatest of their dates' strings."""

    __slots__ = ("count", "first", "last", "quads", "roots", "total")

    def __init__(self) -> None:
        self.count, self.total = 0, Decimal(0)
        self.quads: dict[int, int] = {}
        self.roots: dict[str, int] = {}
        self.first: str | None = None
        self.last: str | None = None

    def add(self, quad: int, goldstein: Decimal, root: str, date: str | None) -> None:
        self.count += 1
        self.total += goldstein
        self.quads[quad] = self.quads.get(quad, 0) + 1
        self.roots[root] = self.roots.get(root, 0) + 1
        if date:
            self.first = date if self.first is None or date < self.first else self.first
            self.last = date if self.last is None or date > self.last else self.last

    def as_totals(self) -> dict[str, Any]:
        return {"count": self.count, "sum": self.total,
                "quads": {QuadClass(quad): count for quad, count in self.quads.items()}, "roots": self.roots,
                "dates": [date for date in (self.first, self.last) if date is not None]}  # fmt: skip


def summary_quads(source: str, target: str, summary: dict[str, Any]) -> list[pyoxigraph.Quad]:
    """A dyad's summary (its quads in the default graph), made directly as Oxigraph terms: the terms rdflib would
    make of the same values (an rdflib graph costs several times more to fill and serialize). Neither the summary
    nor its counts by root state their type: the domains of `kg:dyadSource` and `kg:rootCount` give it. The
    summary's numbers: "count", "sum" (of Goldstein scores, exact), "quads" and "roots" (counts by QuadClass and
    root), "dates" (strings, of which the least and greatest are its first and last dates)."""
    node = pyoxigraph.NamedNode(str(dyad_iri(source.split("/")[-1], target.split("/")[-1])))
    quads = []

    def add(subject: Any, predicate: Any, value: Any) -> None:
        quads.append(pyoxigraph.Quad(subject, predicate, value))  # in the default graph

    add(node, OX_KG.dyadSource, pyoxigraph.NamedNode(source))
    add(node, OX_KG.dyadTarget, pyoxigraph.NamedNode(target))
    add(node, OX_KG.relationCount, ox_literal(summary["count"]))
    add(node, OX_KG.goldsteinSum, _decimal(summary["sum"]))
    add(node, OX_KG.goldsteinMean, _decimal(summary["sum"] / summary["count"]))
    for quad, predicate in QUADCLASS_COUNTS.items():
        add(node, pyoxigraph.NamedNode(str(predicate)), ox_literal(summary["quads"].get(quad, 0)))
    for root, count in sorted(summary["roots"].items()):
        item = pyoxigraph.NamedNode(f"{node.value}/root/{root}")
        add(node, OX_KG.rootCount, item)
        add(item, OX_KG.rootCode, pyoxigraph.Literal(root))
        add(item, OX_KG.count, ox_literal(count))
    if summary["dates"]:
        add(node, OX_KG.firstDate, ox_date(min(summary["dates"])))
        add(node, OX_KG.lastDate, ox_date(max(summary["dates"])))
    return quads


def _decimal(value: Decimal) -> pyoxigraph.Literal:
    """A number rounded to three decimals (a tie to the even digit), as an xsd:decimal in its canonical form."""
    rounded = value.quantize(_THOUSANDTH, rounding=ROUND_HALF_EVEN).normalize()
    return pyoxigraph.Literal(format(rounded, "f") if rounded else "0", datatype=_XSD_DECIMAL)
