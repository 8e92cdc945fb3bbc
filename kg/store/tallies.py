"""The dyad tallies (in the store's default graph): every relation of the store counted by dyad and kind.

A tally counts the relations of one dyad that share their mode, symmetry and
QuadClass, with their Goldstein sum, evidence sentences and first and last
dates: what the measures of `kg.analysis` add up, for any modes and self-loop
choice, without reading a relation (`kg.analysis.to_dyad_graphs`). The dyads are
the relations' acting persons or bodies (`kg:sourceActor`, `kg:targetActor`, or
the states themselves when a relation states none), each tally also naming
their states (`kg:source`, `kg:target`): a dyad of states adds up the tallies
of its actors (the states' own tallies, which `graph:tallies` held before
ontology version 8, said nothing more and were a sixth of a real build's
store). Up to ontology version 8 the tallies were the named graph
`graph:actorTallies`; the default graph keeps each quad in three indexes
instead of six. A build makes them again for the state dyads
whose relations it added or removed (`refresh_tallies`), as it does the
summaries.

The relations are read once, a row each (`_ROWS_QUERY`, `_ALL_ROWS_QUERY`; the same read fills the
relation table the page reads, `kg.store.cells`, when a build asks), and counted in Python,
the numbers as the store's own aggregates would give them (`_Tally`: SPARQL's
SUM, MIN and MAX): GROUP BY queries over the same relations cost about three
times this one read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph

from kg.store.cells import RELATION_ROW_PATTERN, CellsUpdate, update_cells
from kg.store.model import OX_KG, dyads_values, ox_date, ox_literal
from kg.store.summaries import DyadSummaries, read_codes
from kg.vocab import ACTOR_TALLIES_GRAPH, PREFIXES, TALLIES_GRAPH, tally_iri

__all__ = ["refresh_tallies", "has_tallies"]

# What a tally counts of each relation, one row a relation (its evidence passages counted, not joined: they would
# multiply its row), with what the relation table reads (`kg.store.cells`: its IRI and confidence), so that one read
# serves both: of the relations of some dyads (VALUES inside the GRAPH block: there Oxigraph starts from them), or of
# every relation (`_ALL_ROWS_QUERY`).
_ROWS_QUERY = """
SELECT ?relation ?source ?target ?sourceActor ?targetActor ?type ?mode ?symmetric ?confidence ?date
       (COUNT(?item) AS ?evidence)
WHERE {
  GRAPH ?graph {
    %s
    ?relation kg:source ?source ; kg:target ?target ; kg:mode ?mode ; kg:eventType ?type .
    OPTIONAL { ?relation kg:sourceActor ?statedSourceActor }
    OPTIONAL { ?relation kg:targetActor ?statedTargetActor }
    OPTIONAL { ?relation kg:symmetric ?statedSymmetric }
    OPTIONAL { ?relation kg:confidence ?confidence }
    OPTIONAL { ?relation kg:date ?date }
    OPTIONAL { ?relation kg:evidence ?item }
  }
  BIND(COALESCE(?statedSourceActor, ?source) AS ?sourceActor)  # the state acts itself: no kg:sourceActor stated
  BIND(COALESCE(?statedTargetActor, ?target) AS ?targetActor)
  BIND(COALESCE(?statedSymmetric, false) AS ?symmetric)  # only kg:symmetric true is stated
}
GROUP BY ?relation ?source ?target ?sourceActor ?targetActor ?type ?mode ?symmetric ?confidence ?date
"""
# The same rows, of every relation, read as the relation table reads them (`cells.RELATION_ROW_PATTERN`: a subquery
# per property, which Oxigraph joins by hashing, a third of the time of `_ROWS_QUERY` at 6,000 relations), with
# their evidence counted.
_ALL_ROWS_QUERY = (
    "SELECT ?relation ?source ?target ?sourceActor ?targetActor ?type ?mode ?symmetric ?confidence ?date ?evidence\n"
    f"WHERE {{{RELATION_ROW_PATTERN}"
    """  OPTIONAL { SELECT ?relation (COUNT(?item) AS ?items)
             WHERE { GRAPH ?evidenceGraph { ?relation kg:evidence ?item } } GROUP BY ?relation }
  BIND(COALESCE(?items, 0) AS ?evidence)
}
"""
)
# The tallies' key: the relation's terms each tally is made of.
_KEY = ("source", "target", "sourceActor", "targetActor", "mode", "symmetric", "quad")
# Drop the tallies of some state dyads (every tally when `%(dyads)s` is empty) from the default graph.
_REMOVE_UPDATE = """
DELETE { ?tally ?predicate ?object }
WHERE { %(dyads)s ?tally kg:tallySource ?source ; kg:tallyTarget ?target ; ?predicate ?object }
"""
_XSD_INTEGER = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_XSD_DECIMAL = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
_PREDICATES = {"source": "tallySource", "target": "tallyTarget", "sourceActor": "tallySourceActor",
               "targetActor": "tallyTargetActor", "mode": "tallyMode", "symmetric": "tallySymmetric",
               "quad": "tallyQuadClass"}  # fmt: skip


def refresh_tallies(store: pyoxigraph.Store, *, dyads: Collection[tuple[str, str]] | None = None,
                    cells: Path | None = None, summaries: DyadSummaries | None = None) -> int:  # fmt: skip
    """Count every relation of the store again into the tallies' graph (replacing it); return the number of
    tallies made. With `dyads` ((source, target) state IRIs, as `kg.store.article_dyads` gives them), only the
    tallies of relations stated from a source to a target among them are made again, the rest kept (exact as long
    as every relation added or removed since is of these dyads). A store without them has every tally made. With
    `cells`, the relation table at that path (`kg.store.cells.refresh_cells`, for the same dyads) is made again
    from the same read of the relations; with `summaries`, the relations read are counted into these dyad summaries
    too (`kg.store.refresh_summaries`; the relations of `dyads`, when given, are read: for a symmetric relation
    to count both ways, `dyads` must hold each dyad both ways round, as `article_dyads` gives them)."""
    tally_dyads = None if dyads is not None and not has_tallies(store) else dyads
    with contextlib.ExitStack() as stack:
        table = None if cells is None else stack.enter_context(update_cells(store, cells, dyads=dyads))
        whole = tally_dyads is None or (table is not None and table.dyads is None)
        if not whole and not tally_dyads:
            return 0
        tallies = _count(
            store,
            "" if whole else dyads_values(tally_dyads),
            table=table,
            summaries=summaries,
            tally_only=None if tally_dyads is None or not whole else set(tally_dyads),
            table_only=None if table is None or table.dyads is None or not whole else set(table.dyads),
        )
        quads = (quad for values, tally in tallies.items() for quad in _tally_quads(values, tally))
    if tally_dyads is not None:
        store.update(_REMOVE_UPDATE % {"dyads": dyads_values(tally_dyads)}, prefixes=PREFIXES)
        store.extend(quads)
        return len(tallies)
    for earlier in (TALLIES_GRAPH, ACTOR_TALLIES_GRAPH):  # the tallies of an earlier version's store
        if store.contains_named_graph(pyoxigraph.NamedNode(str(earlier))):
            store.remove_graph(pyoxigraph.NamedNode(str(earlier)))
    if has_tallies(store):
        store.update(_REMOVE_UPDATE % {"dyads": ""}, prefixes=PREFIXES)
        store.extend(quads)
    else:
        store.bulk_extend(quads)
    return len(tallies)


def _count(store: pyoxigraph.Store, restriction: str, *, table: CellsUpdate | None,
           summaries: DyadSummaries | None, tally_only: set[tuple[str, str]] | None,
           table_only: set[tuple[str, str]] | None) -> dict[tuple[Any, ...], _Tally]:  # fmt: skip
    """The relations (of the dyads a VALUES `restriction` binds, if given) counted into tallies, in one pass, each
    tally a running total (memory bounded by the tallies); each relation also given to the `table`, if any. The
    tallies count only the relations of `tally_only` dyads, the table gets only those of `table_only`, when
    given (the read is of more dyads than one of them is made again for); and to the dyad `summaries`, if
    given (which keep the dyads they are made for)."""
    scores = {type_: code[:2] for type_, code in read_codes(store).items()}  # a relation's QuadClass and score
    tallies: dict[tuple[Any, ...], _Tally] = {}
    query = _ROWS_QUERY % restriction if restriction else _ALL_ROWS_QUERY
    for row in store.query(query, prefixes=PREFIXES):
        (relation, source, target, source_actor, target_actor, type_, mode, symmetric, confidence, date,
         evidence) = row  # fmt: skip
        dyad = (source.value, target.value) if tally_only is not None or table_only is not None else None
        if table is not None and confidence is not None and (table_only is None or dyad in table_only):
            table.add(relation, source, target, source_actor, target_actor, type_, mode, symmetric, confidence, date)
        if summaries is not None:
            summaries.add(source, target, type_, mode, symmetric, date)
        if tally_only is not None and dyad not in tally_only:
            continue
        quad, goldstein = scores.get(type_, (None, None))
        values = (source, target, source_actor, target_actor, mode, symmetric, quad)
        tally = tallies.get(values)
        if tally is None:
            tally = tallies[values] = _Tally()
        tally.add(goldstein, int(evidence.value), None if date is None else date.value)
    return tallies


class _Tally:
    """The running numbers of one tally: its relations, their Goldstein sum as SPARQL's SUM gives it (exact; an
    integer while every score is one; unbound once a score is), evidence passages, and the MIN and MAX of their
    dates' strings as SPARQL gives them (an undated relation counting as "~", after every date, and "")."""

    __slots__ = ("count", "evidence", "first", "integers", "last", "total")

    def __init__(self) -> None:
        self.count, self.evidence, self.integers = 0, 0, True
        self.total: Decimal | None = Decimal(0)
        self.first, self.last = "~", ""

    def add(self, goldstein: Any, evidence: int, date: str | None) -> None:
        self.count += 1
        self.evidence += evidence
        if goldstein is None:
            self.total = None
        elif self.total is not None:
            self.total += Decimal(goldstein.value)
            self.integers = self.integers and goldstein.datatype == _XSD_INTEGER
        self.first, self.last = min(self.first, date or "~"), max(self.last, date or "")

    def sum_literal(self) -> Any:
        """The Goldstein sum as Oxigraph gives SPARQL's SUM: an xsd:integer if every score is one, else an
        xsd:decimal in its canonical form ("3", "-0.5"); None (unbound) if a score is."""
        if self.total is None:
            return None
        if self.integers:
            return pyoxigraph.Literal(str(int(self.total)), datatype=_XSD_INTEGER)
        return pyoxigraph.Literal(format(self.total.normalize(), "f"), datatype=_XSD_DECIMAL)


def has_tallies(store: pyoxigraph.Store) -> bool:
    """Whether the store holds tallies in its default graph (a store built by a version before ontology version 9,
    or one without relations, does not: its tallies are made whole)."""
    return bool(store.query("ASK { ?tally kg:tallySource ?source }", prefixes=PREFIXES))


def _tally_quads(values: tuple[Any, ...], tally: _Tally) -> Iterator[Any]:
    """A tally's quads (in the default graph: a quad given none is there, and made ten times more quickly than
    one given `pyoxigraph.DefaultGraph()`): its kind (the terms as the relations have them) and its numbers; not
    its type (the domain of `kg:tallySource` gives it)."""
    source, target = (term.value.rsplit("/", 1)[-1] for term in values[:2])
    node = pyoxigraph.NamedNode(str(tally_iri(source, target, *(term.value for term in values[2:]))))
    for field, value in zip(_KEY, values, strict=True):
        yield pyoxigraph.Quad(node, getattr(OX_KG, _PREDICATES[field]), value)
    yield pyoxigraph.Quad(node, OX_KG.tallyCount, ox_literal(tally.count))
    yield pyoxigraph.Quad(node, OX_KG.tallyGoldsteinSum, tally.sum_literal())
    yield pyoxigraph.Quad(node, OX_KG.tallyEvidence, ox_literal(tally.evidence))
    for predicate, value in ((OX_KG.tallyFirstDate, tally.first), (OX_KG.tallyLastDate, tally.last)):
        if value not in ("", "~"):
            yield pyoxigraph.Quad(node, predicate, ox_date(value))
