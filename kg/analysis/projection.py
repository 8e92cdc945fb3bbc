"""The knowledge graph projected into networkx: one edge per relation, and the dyad graphs made from it.

Reads the store through SPARQL (`data/queries/projection/*.rq`) into a `MultiDiGraph`
(`to_actor_graph`), and aggregates its relations into weighted dyad graphs
(`to_weighted_graph`), the graphs every measure of `kg.analysis` reads. Or has
the store aggregate them (`to_dyad_graphs`: SPARQL aggregates of the tallies a
build made, or of the relations, one row per dyad, QuadClass and symmetry): the
same dyad graphs, without a Python object per relation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from kg.errors import KgError
from kg.records import QuadClass
from kg.resources import queries_dir
from kg.store import has_tallies

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

__all__ = [
    "LEVELS",
    "MODES",
    "WEIGHTS",
    "QUADCLASS_NAMES",
    "COOPERATION",
    "AnyGraph",
    "DyadGraphs",
    "to_actor_graph",
    "to_dyad_graphs",
    "dyad_graphs_from_counts",
    "to_weighted_graph",
    "count_relations",
    "directed_dyads",
    "undirected_dyads",
    "actor_label",
    "actor_frame",
]

LEVELS = ("state", "actor")
MODES = ("asserted", "hypothetical", "negated")
# Column names of the four classes ("verbal_cooperation", ...) and the cooperative ones, from the one QuadClass.
QUADCLASS_NAMES = {quad.value: quad.name.lower() for quad in QuadClass}
COOPERATION = frozenset(quad for quad in QuadClass if quad.is_cooperation)
WEIGHTS = ("count", "goldstein_sum", "goldstein_mean", "cooperation", "conflict", "signed")
SUM_DIGITS = 6  # Goldstein scores have one decimal: a sum rounded to this many is exact
_TALLY_COLUMNS = ("source", "target", "quadClass", "symmetric", "tallied", "sum", "sentences", "firstDate", "lastDate")
_KINDS = {"State": "state", "Person": "person", "Organisation": "organisation", "CollectiveActor": "collective"}


@dataclass(frozen=True)
class DyadGraphs:
    """The two dyad graphs of a projection, as `to_weighted_graph` makes them (`directed` and `directed=False`),
    aggregated by the store (`to_dyad_graphs`); every measure takes them in place of the relations."""

    directed: nx.DiGraph
    undirected: nx.Graph


AnyGraph = nx.MultiDiGraph | nx.DiGraph | nx.Graph | DyadGraphs

# The relations of the projection aggregated by the store: one row per stated direction, QuadClass, symmetry and
# Goldstein score (a code's: few values), with the relations and their first and last dates. Relations are found
# by mode and ends, then each property looked up relation by relation (OPTIONAL: twice as fast in Oxigraph as one
# pattern joining them all; every relation has each). An undated relation counts in no date: "~" sorts after
# every date, "" before (MIN and MAX are unbound if a value is). Filled with the level's predicates and with
# filters made of checked values only (modes, roots, dates, a number).
_DYADS_QUERY = """
SELECT ?source ?target ?quadClass ?symmetric ?goldstein (COUNT(?relation) AS ?count)
       (MIN(COALESCE(?day, "~")) AS ?first) (MAX(COALESCE(?day, "")) AS ?last)
WHERE {
  GRAPH ?graph { VALUES ?mode { %(modes)s }
                 ?relation kg:mode ?mode ; kg:source %(source)s ; kg:target %(target)s . }
  %(actors)s
  OPTIONAL { GRAPH ?graph { ?relation kg:eventType ?type } }
  OPTIONAL { ?type kg:quadClass ?quadClass ; kg:goldstein ?goldstein }
  OPTIONAL { GRAPH ?graph { ?relation kg:symmetric ?symmetric } }
  OPTIONAL { GRAPH ?graph { ?relation kg:date ?date } }
  %(lookups)s
  BIND(STR(?date) AS ?day)
  FILTER(%(confidence)s%(filters)s)
}
GROUP BY ?source ?target ?quadClass ?symmetric ?goldstein
"""
# Their evidence sentences, by stated direction and symmetry (a query of its own: joined to the one above, it
# would multiply a relation's rows, and counting relations DISTINCT holds every relation in memory).
_EVIDENCE_QUERY = """
SELECT ?source ?target ?symmetric (COUNT(?item) AS ?evidence)
WHERE {
  GRAPH ?graph { VALUES ?mode { %(modes)s }
                 ?relation kg:mode ?mode ; kg:source %(source)s ; kg:target %(target)s . }
  %(actors)s
  OPTIONAL { GRAPH ?graph { ?relation kg:symmetric ?symmetric } }
  OPTIONAL { GRAPH ?graph { ?relation kg:date ?date } }
  OPTIONAL { GRAPH ?graph { ?relation kg:evidence ?item } }
  %(lookups)s
  BIND(STR(?date) AS ?day)
  FILTER(%(confidence)s%(filters)s)
}
GROUP BY ?source ?target ?symmetric
"""

# At actor level an end is the acting person or body, stated only when it is not the state (ontology version 9): the
# relations' states are read as ?stateSource and ?stateTarget, and the ends made of them (at state level the states
# are the ends: no BIND, a tenth of the query's time).
_ACTOR_ENDS = """OPTIONAL { GRAPH ?graph { ?relation kg:sourceActor ?statedSource } }
  OPTIONAL { GRAPH ?graph { ?relation kg:targetActor ?statedTarget } }
  BIND(COALESCE(?statedSource, ?stateSource) AS ?source)
  BIND(COALESCE(?statedTarget, ?stateTarget) AS ?target)"""

# The same dyads added up from the tallies a build makes (`kg.store.tallies`: relations counted by dyad of acting
# actors, with their states, mode, symmetry and QuadClass), a row per tally of the modes asked (added up by stated
# direction, QuadClass and symmetry in Python: one mode's tallies are these groups already, and a SPARQL GROUP BY
# over them cost a third of the query's time); no relation read. Each property is read by a subquery of its own,
# which Oxigraph joins by hashing the tallies' nodes (one scan of each property) rather than looking each
# property up tally by tally (an index seek each): 1.7 times faster at 100k relations.
_TALLIES_QUERY = """
SELECT ?source ?target ?quadClass ?symmetric ?tallied ?sum ?sentences ?firstDate ?lastDate
WHERE {
  { SELECT ?tally WHERE { VALUES ?mode { %(modes)s } ?tally kg:tallyMode ?mode } }
  { SELECT ?tally ?source WHERE { ?tally %(source)s ?source } }
  { SELECT ?tally ?target WHERE { ?tally %(target)s ?target } }
  { SELECT ?tally ?symmetric WHERE { ?tally kg:tallySymmetric ?symmetric } }
  { SELECT ?tally ?quadClass WHERE { ?tally kg:tallyQuadClass ?quadClass } }
  { SELECT ?tally ?tallied WHERE { ?tally kg:tallyCount ?tallied } }
  { SELECT ?tally ?sum WHERE { ?tally kg:tallyGoldsteinSum ?sum } }
  { SELECT ?tally ?sentences WHERE { ?tally kg:tallyEvidence ?sentences } }
  OPTIONAL { SELECT ?tally ?firstDate WHERE { ?tally kg:tallyFirstDate ?firstDate } }
  OPTIONAL { SELECT ?tally ?lastDate WHERE { ?tally kg:tallyLastDate ?lastDate } }
  %(filters)s
}
"""

# --- projection ------------------------------------------------------------------------------------------------


def to_actor_graph(
    graph: KnowledgeGraph,
    *,
    level: str = "state",
    modes: Iterable[str] = ("asserted",),
    roots: Iterable[str | int] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    min_confidence: float = 0.0,
    self_loops: bool = False,
) -> nx.MultiDiGraph:
    """Project the store into a `MultiDiGraph`: one node per actor, one edge per relation.

    Nodes are actor codes ("RUS", "vladimir-putin") with `label` (French), `label_en`, `kind`, `state`,
    `qid` and `iri`. Edges are keyed by the relation's IRI and carry `code`, `root`, `quadclass`, `goldstein`,
    `mode`, `symmetric`, `date` ("" when unknown), `precision`, `confidence`, `article` and `evidence` (the
    number of evidence sentences). A symmetric relation gives an edge each way, the second with
    `reversed=True`. `level="state"` rolls persons and bodies up to the state they act for; `"actor"` keeps
    them. Only relations in `modes` are kept (asserted ones by default: hypothetical and negated relations
    did not happen); `roots` keeps those CAMEO roots; `since`/`until` ("2022", "2022-03", "2022-03-05" or a
    date, inclusive) keep dated relations whose date overlaps the window, undated ones are then left out.
    `min_confidence` (a probability, 0 to 1) leaves out the relations whose `confidence` is below it (none at
    0, the default). Relations of an actor with itself (possible at state level) are dropped unless
    `self_loops`. The graph records `level`, `modes` and `min_confidence`.
    """
    kept_modes, kept_roots, window = _checked_filters(level, modes, roots, since, until, min_confidence)
    actors = {row["code"]: row for row in graph.query_values(_projection_query("actors"))}
    evidence = Counter(row["relation"] for row in graph.query_values(_projection_query("evidence")))
    projection = nx.MultiDiGraph(level=level, modes=",".join(mode for mode in MODES if mode in kept_modes),
                                 min_confidence=min_confidence)  # fmt: skip
    for row in sorted(graph.query_values(_projection_query("relations")), key=lambda row: row["relation"] or ""):
        mode = _local_name(row["mode"])
        if mode not in kept_modes or (kept_roots is not None and row["root"] not in kept_roots):
            continue
        if float(row["confidence"]) < min_confidence or ((since or until) and not _overlaps(row["date"], window)):
            continue
        ends = (row["source"], row["target"]) if level == "state" else (row["sourceActor"], row["targetActor"])
        source, target = (_local_name(iri, "/") for iri in ends)
        if source == target and not self_loops:
            continue
        for node, iri in ((source, ends[0]), (target, ends[1])):
            if node not in projection:
                projection.add_node(node, **_actor_attributes(node, iri, actors.get(node)))
        symmetric = row["symmetric"] == "true"
        attributes = {
            "relation": row["relation"], "code": row["code"] or row["root"], "root": row["root"],
            "quadclass": int(row["quadClass"]), "goldstein": float(row["goldstein"]), "mode": mode,
            "symmetric": symmetric, "date": row["date"] or "", "precision": row["precision"] or "",
            "confidence": float(row["confidence"]), "article": row["article"], "evidence": evidence[row["relation"]],
        }  # fmt: skip
        projection.add_edge(source, target, key=row["relation"], reversed=False, **attributes)
        if symmetric:
            projection.add_edge(target, source, key=row["relation"], reversed=True, **attributes)
    return projection


def to_dyad_graphs(
    graph: KnowledgeGraph,
    *,
    level: str = "state",
    modes: Iterable[str] = ("asserted",),
    roots: Iterable[str | int] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    min_confidence: float = 0.0,
    self_loops: bool = False,
) -> DyadGraphs:
    """The dyad graphs of `to_actor_graph`'s projection (same options, same meaning), aggregated by the store.

    Equal to `to_weighted_graph(to_actor_graph(graph, ...))` and its `directed=False` twin (nodes, edges and
    their attributes; `weight` is `count`), but the store adds them up and Python reads one row per dyad,
    QuadClass and symmetry: no Python object per relation, memory grows with the dyads. Without `roots`,
    `since`, `until` or `min_confidence`, the store adds up the tallies a build made (`kg.store.tallies`: no
    relation is read); with them (or in a store built before tallies), it groups the relations themselves
    (SPARQL GROUP BY: every relation read, about three times faster than the projection). Every measure,
    `dyads`, `blocs`, `balance_triads` and `to_weighted_graph` take the result in place of the relations.
    """
    kept_modes, kept_roots, window = _checked_filters(level, modes, roots, since, until, min_confidence)
    directed: dict[tuple[str, str], dict[str, Any]] = {}
    undirected: dict[tuple[str, str], dict[str, Any]] = {}
    iris: dict[str, str] = {}
    if window == (None, None) and min_confidence == 0 and kept_roots is None and has_tallies(graph.store):
        fields = _tally_query_fields(level, kept_modes, self_loops)
        for values in graph.query_rows(_TALLIES_QUERY % fields):  # tuples: a tally's row read as little as can be
            row = dict(zip(_TALLY_COLUMNS, values, strict=True))
            source, target, symmetric = _dyad_row_ends(row, iris)
            for totals, pair in _dyad_pairs(directed, undirected, source, target, symmetric):
                _add_to_total(totals, pair, row, symmetric, float(row["sum"] or 0))
                totals[pair]["evidence"] += int(row["sentences"] or 0)
    else:  # roots, a window or a confidence floor: the relations themselves are read (the store adds them up)
        fields = _dyad_query_fields(level, kept_modes, kept_roots, window, min_confidence, self_loops)
        for row in graph.query_values(_DYADS_QUERY % fields):
            source, target, symmetric = _dyad_row_ends(row, iris)
            for totals, pair in _dyad_pairs(directed, undirected, source, target, symmetric):
                _add_to_total(totals, pair, row, symmetric, float(row["goldstein"] or 0) * int(row["count"] or 0))
        for row in graph.query_values(_EVIDENCE_QUERY % fields):
            source, target, symmetric = _dyad_row_ends(row, iris)
            for totals, pair in _dyad_pairs(directed, undirected, source, target, symmetric):
                totals[pair]["evidence"] += int(row["evidence"] or 0)
    return _dyad_graphs(graph, directed, undirected, iris, level=level, modes=kept_modes, min_confidence=min_confidence)


def dyad_graphs_from_counts(
    graph: KnowledgeGraph,
    counts: Iterable[tuple[str, str, int, bool, int, float, str, str]],
    *,
    level: str = "state",
    modes: Iterable[str] = ("asserted",),
    min_confidence: float = 0.0,
) -> DyadGraphs:
    """The dyad graphs of relations counted elsewhere (the page counts them for its edges): `counts` holds
    (source IRI, target IRI, QuadClass, symmetric, relations, their Goldstein sum, their first and last dates or
    "") for relations stated from source to target, of an actor with another (the caller leaves self-loops and
    modes out), a row per such group (several rows of one group add up); `graph` gives the actors' names.
    `modes` and `min_confidence` are only recorded. Evidence is not counted (0)."""
    directed: dict[tuple[str, str], dict[str, Any]] = {}
    undirected: dict[tuple[str, str], dict[str, Any]] = {}
    iris: dict[str, str] = {}
    for source_iri, target_iri, quadclass, symmetric, count, goldstein_sum, first, last in counts:
        row = {"source": source_iri, "target": target_iri, "symmetric": "true" if symmetric else "false",
               "quadClass": quadclass, "count": count, "first": first, "last": last}  # fmt: skip
        source, target, _ = _dyad_row_ends(row, iris)
        for totals, pair in _dyad_pairs(directed, undirected, source, target, symmetric):
            _add_to_total(totals, pair, row, symmetric, goldstein_sum)
    return _dyad_graphs(graph, directed, undirected, iris, level=level, modes=frozenset(modes),
                        min_confidence=min_confidence)  # fmt: skip


def _dyad_graphs(graph: KnowledgeGraph, directed: dict[tuple[str, str], dict[str, Any]],
                 undirected: dict[tuple[str, str], dict[str, Any]], iris: dict[str, str], *, level: str,
                 modes: frozenset[str], min_confidence: float) -> DyadGraphs:  # fmt: skip
    """The two dyad graphs of the totals added up by dyad, with the actors' attributes."""
    actors = {row["code"]: row for row in graph.query_values(_projection_query("actors"))}
    attributes = {"level": level, "modes": ",".join(mode for mode in MODES if mode in modes),
                  "min_confidence": min_confidence, "weight": "count"}  # fmt: skip
    graphs: tuple[nx.DiGraph, nx.Graph] = (nx.DiGraph(**attributes), nx.Graph(**attributes))
    for made, totals in zip(graphs, (directed, undirected), strict=True):
        made.add_nodes_from((node, _actor_attributes(node, iri, actors.get(node))) for node, iri in iris.items())
        for (source, target), total in totals.items():
            made.add_edge(source, target, **_edge_summary(total, "count"))
    return DyadGraphs(*graphs)


def count_relations(actor_graph: nx.MultiDiGraph | DyadGraphs) -> int:
    """The relations of a projection: its edges, a symmetric relation's second edge not counted."""
    if isinstance(actor_graph, DyadGraphs):
        return sum(count for _, _, count in actor_graph.undirected.edges(data="count"))
    return sum(1 for _, _, reverse in actor_graph.edges(data="reversed") if not reverse)


def to_weighted_graph(
    actor_graph: nx.MultiDiGraph | DyadGraphs, *, weight: str = "count", directed: bool = True
) -> nx.DiGraph | nx.Graph:
    """Aggregate the relations of each dyad into one edge: a `DiGraph`, or a `Graph` with `directed=False`.

    Given `DyadGraphs` (`to_dyad_graphs`), the one asked for, weighted by `weight`.

    Edge attributes: `count`, `symmetric` (how many of them are symmetric), `goldstein_sum`, `goldstein_mean`,
    the four QuadClass counts (`verbal_cooperation`, `material_cooperation`, `verbal_conflict`,
    `material_conflict`), `cooperation`, `conflict`, `signed` (cooperation minus conflict), `evidence`,
    `first_date`, `last_date`, `distance` (1 / count, for path measures: more relations, closer actors) and
    `weight`, a copy of the attribute named by `weight`. Undirected, a symmetric relation counts once and the
    two directions of a pair add up.
    """
    if weight not in WEIGHTS:
        raise KgError(f"unknown weight {weight!r}: expected one of {', '.join(WEIGHTS)}")
    if isinstance(actor_graph, DyadGraphs):  # aggregated already: a copy weighted by `weight`
        weighted = (actor_graph.directed if directed else actor_graph.undirected).copy()
        weighted.graph["weight"] = weight
        for _, _, data in weighted.edges(data=True):
            data["weight"] = data[weight]
        return weighted
    totals: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, data in actor_graph.edges(data=True):
        if not directed and data.get("reversed"):
            continue
        pair = (source, target) if directed else tuple(sorted((source, target)))
        total = totals.setdefault(pair, {"count": 0, "symmetric": 0, "goldstein_sum": 0.0, "evidence": 0, "dates": [],  # type: ignore[index]
                                         **{name: 0 for name in QUADCLASS_NAMES.values()}})  # fmt: skip
        total["count"] += 1
        total["symmetric"] += bool(data.get("symmetric"))
        total["goldstein_sum"] += data["goldstein"]
        total["evidence"] += data["evidence"]
        total[QUADCLASS_NAMES[data["quadclass"]]] += 1
        if data["date"]:
            total["dates"].append(data["date"])
    weighted: AnyGraph = nx.DiGraph() if directed else nx.Graph()
    weighted.graph.update(actor_graph.graph, weight=weight)
    weighted.add_nodes_from(actor_graph.nodes(data=True))
    for (source, target), total in totals.items():
        weighted.add_edge(source, target, **_edge_summary(total, weight))
    return weighted


def _edge_summary(total: dict[str, Any], weight: str) -> dict[str, Any]:
    dates = total.pop("dates")
    summary = dict(total)
    # the sum rounded first: relations added one by one or by tally differ in the last bits of a float sum, and
    # a mean on a rounding tie (10.65 / 4) would round either way
    goldstein_sum = round(total["goldstein_sum"], SUM_DIGITS)
    summary["goldstein_sum"] = round(goldstein_sum, 3)
    summary["goldstein_mean"] = round(goldstein_sum / total["count"], 3)
    summary["cooperation"] = total["verbal_cooperation"] + total["material_cooperation"]
    summary["conflict"] = total["verbal_conflict"] + total["material_conflict"]
    summary["signed"] = summary["cooperation"] - summary["conflict"]
    summary["first_date"] = min(dates) if dates else ""
    summary["last_date"] = max(dates) if dates else ""
    summary["distance"] = 1.0 / total["count"]
    summary["weight"] = summary[weight]
    return summary


# --- helpers ---------------------------------------------------------------------------------------------------


def _checked_filters(
    level: str,
    modes: Iterable[str],
    roots: Iterable[str | int] | None,
    since: str | dt.date | None,
    until: str | dt.date | None,
    min_confidence: float,
) -> tuple[frozenset[str], frozenset[str] | None, tuple[str | None, str | None]]:
    """A projection's options checked: the modes and roots kept, and the window (first and last day, ISO)."""
    if level not in LEVELS:
        raise KgError(f"unknown level {level!r}: expected one of {', '.join(LEVELS)}")
    kept_modes = frozenset(modes)
    if unknown := kept_modes - set(MODES):
        raise KgError(f"unknown mode {sorted(unknown)[0]!r}: expected some of {', '.join(MODES)}")
    kept_roots = None if roots is None else frozenset(_root(value) for value in roots)
    window = (_interval(since)[0] if since else None, _interval(until)[1] if until else None)
    if not 0.0 <= min_confidence <= 1.0:
        raise KgError(f"minimum confidence {min_confidence}: expected a probability from 0 to 1")
    return kept_modes, kept_roots, window


def _dyad_query_fields(
    level: str,
    modes: frozenset[str],
    roots: frozenset[str] | None,
    window: tuple[str | None, str | None],
    min_confidence: float,
    self_loops: bool,
) -> dict[str, str]:
    """What fills the aggregate queries: the level's predicates and the filters, all made of checked values."""
    filters = [] if self_loops else ["?source != ?target"]
    lookups = []
    if min_confidence > 0:
        lookups.append("OPTIONAL { GRAPH ?graph { ?relation kg:confidence ?confidence } }")
    if roots is not None:
        lookups.append(
            "OPTIONAL { GRAPH ?graph { ?relation kg:eventType ?type } "
            "?type skos:notation ?notation ; kg:rootCode ?root }"  # (a CAMEO concept's: summaries have roots too)
        )  # the code's root, in the CAMEO scheme
        filters.append(f"?root IN ({', '.join(json.dumps(root) for root in sorted(roots))})")
    if window != (None, None):
        filters.append("BOUND(?date)")  # a window keeps dated relations whose date (any precision) overlaps it
    if window[0] is not None:
        filters.append(f'CONCAT(?day, SUBSTR("-12-31", STRLEN(?day) - 3)) >= "{window[0]}"')
    if window[1] is not None:
        filters.append(f'CONCAT(?day, SUBSTR("-01-01", 1, 10 - STRLEN(?day))) <= "{window[1]}"')
    modes_text = " ".join(f"kg:{mode}" for mode in sorted(modes))
    filters_text = "".join(f" && {item}" for item in filters)
    actor = level == "actor"
    return {"modes": modes_text, "actors": _ACTOR_ENDS if actor else "", "lookups": "\n  ".join(lookups),
            "source": "?stateSource" if actor else "?source", "target": "?stateTarget" if actor else "?target",
            "confidence": "?confidence >= " + repr(float(min_confidence)) if min_confidence > 0 else "true",
            "filters": filters_text}  # fmt: skip


def _tally_query_fields(level: str, modes: frozenset[str], self_loops: bool) -> dict[str, str]:
    """What fills the tallies' query: the level's graph and predicates, the modes and the self-loop filter."""
    ends = ("kg:tallySource", "kg:tallyTarget") if level == "state" else ("kg:tallySourceActor", "kg:tallyTargetActor")
    return {"source": ends[0],  # a state dyad's: its actors' tallies, added up
            "target": ends[1], "modes": " ".join(f"kg:{mode}" for mode in sorted(modes)),
            "filters": "" if self_loops else "FILTER(?source != ?target)"}  # fmt: skip


def _dyad_row_ends(row: dict[str, str | None], iris: dict[str, str]) -> tuple[str, str, bool]:
    """An aggregate row's source and target codes (their IRIs noted in `iris`) and whether it is symmetric."""
    ends = []
    for name in ("source", "target"):
        code = _local_name(row[name], "/")
        iris[code] = row[name] or ""
        ends.append(code)
    return ends[0], ends[1], row["symmetric"] == "true"


def _dyad_pairs(
    directed: dict[tuple[str, str], dict[str, Any]],
    undirected: dict[tuple[str, str], dict[str, Any]],
    source: str,
    target: str,
    symmetric: bool,
) -> list[tuple[dict[tuple[str, str], dict[str, Any]], tuple[str, str]]]:
    """Where relations stated from `source` to `target` count: their directed dyad, the reverse one too when
    symmetric, and their undirected pair (once); each total made when first met."""
    pairs = [(directed, (source, target))] + ([(directed, (target, source))] if symmetric else [])
    pairs.append((undirected, (min(source, target), max(source, target))))
    for totals, pair in pairs:
        if pair not in totals:
            totals[pair] = {"count": 0, "symmetric": 0, "goldstein_sum": 0.0, "evidence": 0, "dates": [],
                            **{name: 0 for name in QUADCLASS_NAMES.values()}}  # fmt: skip
    return pairs


def _add_to_total(totals: dict[tuple[str, str], dict[str, Any]], pair: tuple[str, str], row: dict[str, Any],
                  symmetric: bool, goldstein_sum: float) -> None:  # fmt: skip
    """Add a row's relations (`count`, or a tally's `tallied`; dates `first` and `last`, or a tally's `firstDate`
    and `lastDate`) to the pair's total."""
    total, count = totals[pair], int(row["count"] if "count" in row else row["tallied"])
    total["count"] += count
    total["symmetric"] += count if symmetric else 0
    total["goldstein_sum"] += goldstein_sum
    total[QUADCLASS_NAMES[int(row["quadClass"])]] += count
    total["dates"] += [date for name in ("first", "last", "firstDate", "lastDate")
                       if (date := row.get(name)) not in (None, "", "~")]  # fmt: skip


def _projection_query(name: str) -> str:
    return (queries_dir() / "projection" / f"{name}.rq").read_text(encoding="utf-8")


def _local_name(iri: str | None, separator: str = "#") -> str:
    return (iri or "").rsplit(separator, 1)[-1]


def _actor_attributes(node: str, iri: str, row: dict[str, str | None] | None) -> dict[str, str]:
    if row is None:  # an actor the gazetteer does not describe: keep it, with what is known
        return {"label": node, "label_en": node, "kind": "", "state": node, "qid": "", "iri": iri}
    return {"label": row["labelFr"] or row["labelEn"] or node, "label_en": row["labelEn"] or row["labelFr"] or node,
            "kind": _KINDS.get(_local_name(row["kind"]), ""), "state": row["state"] or node,
            "qid": _local_name(row["wikidata"], "/") if row["wikidata"] else "", "iri": iri}  # fmt: skip


def _root(value: str | int) -> str:
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 20:
        raise KgError(f"unknown CAMEO root {value!r}: expected 01 to 20")
    return f"{int(text):02d}"


def _interval(value: str | dt.date) -> tuple[str, str]:
    """The first and last day a date of any precision covers, as ISO strings."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    try:
        if len(text) == 4:
            return f"{int(text):04d}-01-01", f"{int(text):04d}-12-31"
        if len(text) == 7:
            first = dt.date.fromisoformat(text + "-01")
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first.isoformat(), (following - dt.timedelta(days=1)).isoformat()
        return dt.date.fromisoformat(text).isoformat(), dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise KgError(f"bad date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from None


def _overlaps(date: str | None, window: tuple[str | None, str | None]) -> bool:
    if not date:
        return False
    first, last = _interval(date)
    return (window[0] is None or last >= window[0]) and (window[1] is None or first <= window[1])


def directed_dyads(graph: AnyGraph) -> nx.DiGraph:
    if isinstance(graph, DyadGraphs):
        return graph.directed
    if graph.is_multigraph():
        return to_weighted_graph(graph, directed=True)  # type: ignore[arg-type,return-value]
    if not graph.is_directed():
        return graph.to_directed()  # type: ignore[return-value]
    return graph  # type: ignore[return-value]


def undirected_dyads(graph: AnyGraph) -> nx.Graph:
    """An undirected dyad graph: from the relations when given them; from a DiGraph by adding up the numeric
    attributes of the two directions of a pair (a symmetric relation then counts twice)."""
    if isinstance(graph, DyadGraphs):
        return graph.undirected
    if graph.is_multigraph():
        return to_weighted_graph(graph, directed=False)  # type: ignore[arg-type,return-value]
    if not graph.is_directed():
        return graph  # type: ignore[return-value]
    undirected = nx.Graph(**graph.graph)
    undirected.add_nodes_from(graph.nodes(data=True))
    for a, b, data in graph.edges(data=True):
        if undirected.has_edge(a, b):
            merged = undirected.edges[a, b]
            for name, value in data.items():
                if isinstance(value, int | float) and not isinstance(value, bool) and name != "distance":
                    merged[name] = merged.get(name, 0) + value
        else:
            undirected.add_edge(a, b, **data)
    for _, _, data in undirected.edges(data=True):
        if data.get("count"):
            data["distance"] = 1.0 / data["count"]
    return undirected


def actor_label(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("label", node)) if node in graph else node


def actor_frame(graph: nx.Graph, rows: dict[str, dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    records = [{"actor": node, "label": actor_label(graph, node), "kind": graph.nodes[node].get("kind", ""), **values}
               for node, values in rows.items()]  # fmt: skip
    frame = pd.DataFrame(records, columns=["actor", *columns]).set_index("actor")
    return frame.sort_index()
