"""The measures of an actor's place in the network, each defined once: what it counts, on which graph, on what scale.

`MEASURES` names and defines every column of `centrality_table`; the CLI
(`kg analyze`), the page (`kg.render`), the notebook and the README show these
names and definitions, and read the values from here. The counts:
`relations` (relations the actor takes part in, a symmetric one once),
`partners` (distinct actors it is related to), and the weighted degree
(`strength`, whose total by relations is `relations`); the centralities:
betweenness, closeness, eigenvector and PageRank.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from kg.analysis.projection import AnyGraph, actor_frame, directed_dyads, undirected_dyads

__all__ = [
    "Measure",
    "MEASURES",
    "relations",
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "centrality_table",
]


@dataclass(frozen=True)
class Measure:
    """One column of `centrality_table`: its name, its short title, and its definition with its scale."""

    column: str
    title: str
    definition: str


MEASURES: tuple[Measure, ...] = (
    Measure("relations", "relations", "relations the actor takes part in, as source or target; a symmetric relation "
            "counts once (the weighted degree of the undirected dyad graph, weighted by relations)"),
    Measure("relations_out", "as source", "relations it is the source of (symmetric ones apart)"),
    Measure("relations_in", "as target", "relations it is the target of (symmetric ones apart)"),
    Measure("relations_symmetric", "symmetric", "symmetric relations it takes part in (met, agreed with): "
            "relations = as source + as target + symmetric"),
    Measure("partners", "distinct partners", "distinct actors it has at least one relation with, either way (the "
            "degree of the undirected dyad graph)"),
    Measure("partners_out", "partners as source", "distinct actors it is the source of a relation to (a symmetric "
            "relation counts both ways)"),
    Measure("partners_in", "partners as target", "distinct actors it is the target of a relation from (a symmetric "
            "relation counts both ways)"),
    Measure("betweenness", "betweenness", "share of the shortest paths between two other actors that pass through "
            "it, from 0 to 1 (directed dyad graph, distance 1 / relations, normalised by (n-1)(n-2))"),
    Measure("closeness", "closeness", "the other actors it reaches divided by their summed distance, times the share "
            "of the others it reaches (Wasserman-Faust; undirected dyad graph, distance 1 / relations): 1 when "
            "every other actor is one relation away, above 1 when pairs have several relations"),
    Measure("eigenvector", "eigenvector", "its entry in the leading eigenvector of the undirected dyad graph weighted "
            "by relations, unit norm: from 0 to 1"),
    Measure("pagerank", "PageRank", "PageRank of the directed dyad graph weighted by relations (damping 0.85): from "
            "0 to 1, summing to 1 over the actors"),
)  # fmt: skip


def relations(graph: AnyGraph) -> pd.DataFrame:
    """Each actor's relations: `out` (as source), `in` (as target), `symmetric`, and `total`, their sum: the
    relations it takes part in, a symmetric relation once. Read from the relations (a `MultiDiGraph`) or from a
    directed dyad graph whose edges have `count` and `symmetric`."""
    directed = directed_dyads(graph)
    rows = {}
    for node in directed:
        out = sum(data["count"] - data.get("symmetric", 0) for _, _, data in directed.out_edges(node, data=True))
        into = sum(data["count"] - data.get("symmetric", 0) for _, _, data in directed.in_edges(node, data=True))
        symmetric = sum(data.get("symmetric", 0) for _, _, data in directed.out_edges(node, data=True))
        rows[node] = {"out": out, "in": into, "symmetric": symmetric, "total": out + into + symmetric}
    return _ranked(directed, rows, ["out", "in", "symmetric", "total"])


def degree(graph: AnyGraph) -> pd.DataFrame:
    """Each actor's partners: `out` (distinct actors it acts towards), `in` (distinct actors acting towards it)
    and `total`, the distinct actors it is related to either way (not in + out: a partner both ways counts once)."""
    directed = directed_dyads(graph)
    undirected = undirected_dyads(graph)
    rows = {node: {"in": directed.in_degree(node), "out": directed.out_degree(node),
                   "total": undirected.degree(node)} for node in directed}  # fmt: skip
    return _ranked(directed, rows, ["in", "out", "total"])


def strength(graph: AnyGraph, *, weight: str = "count") -> pd.DataFrame:
    """Weighted degree: the summed `weight` of each actor's dyads `out` and `in` on the directed dyad graph (a
    symmetric relation in both), and `total` on the undirected one (a symmetric relation once). With the default
    weight, relations, `total` is the `relations` measure."""
    directed = directed_dyads(graph)
    undirected = undirected_dyads(graph)
    rows = {node: {"in": directed.in_degree(node, weight=weight), "out": directed.out_degree(node, weight=weight),
                   "total": undirected.degree(node, weight=weight)} for node in directed}  # fmt: skip
    return _ranked(directed, rows, ["in", "out", "total"])


def betweenness(graph: AnyGraph, *, normalized: bool = True, sample: int | None = None) -> pd.DataFrame:
    """Betweenness centrality on the directed dyad graph, shortest paths weighted by `distance` (1 / relations).
    With `sample`, an estimate from that many source actors (seeded: reproducible), for large graphs."""
    directed = directed_dyads(graph)
    pivots = sample if sample is not None and sample < directed.number_of_nodes() else None
    if pivots is not None:
        values = nx.betweenness_centrality(directed, k=pivots, seed=0, weight="distance", normalized=normalized)
    else:
        values = _exact_betweenness(directed, normalized=normalized)
    return _measure(directed, values, "betweenness")


def closeness(graph: AnyGraph) -> pd.DataFrame:
    """Closeness centrality on the undirected dyad graph, distances 1 / relations: the actors it reaches divided
    by their summed distance, times the share of the others it reaches (Wasserman-Faust, so that actors in small
    components do not look central). 1 when every other actor is one relation away; above 1 when pairs have
    several relations (two relations make a distance of 1/2)."""
    undirected = undirected_dyads(graph)
    return _measure(undirected, _closeness_values(undirected), "closeness")


def eigenvector(graph: AnyGraph, *, weight: str = "count") -> pd.DataFrame:
    """Eigenvector centrality on the undirected dyad graph weighted by `weight` (relations, by default);
    unit-norm, non-negative. In a disconnected graph the leading component takes the weight."""
    undirected = undirected_dyads(graph)
    values = _leading_eigenvector(undirected, list(undirected), weight)
    return _measure(undirected, {node: abs(value) for node, value in values.items()}, "eigenvector")


def pagerank(graph: AnyGraph, *, weight: str = "count", alpha: float = 0.85) -> pd.DataFrame:
    """PageRank on the directed dyad graph weighted by `weight`: actors others act towards rank high."""
    directed = directed_dyads(graph)
    values = nx.pagerank(directed, alpha=alpha, weight=weight) if directed else {}
    return _measure(directed, values, "pagerank")


def centrality_table(graph: AnyGraph, *, exact_limit: int | None = None, sample: int = 64) -> pd.DataFrame:
    """Every measure of `MEASURES`, one column each, one row per actor, sorted by relations then PageRank.

    Betweenness and closeness cost O(n m): beyond `exact_limit` actors (when given), betweenness is estimated
    from `sample` seeded sources and closeness is left out.
    """
    directed = directed_dyads(graph)
    table = actor_frame(directed, {node: {} for node in directed}, ["label", "kind"])
    if table.empty:
        return table
    counts = relations(graph)
    for column in ("out", "in", "symmetric"):
        table[f"relations_{column}"] = counts[column]
    table["relations"] = counts["total"]
    partners = degree(graph)
    for column in ("out", "in"):
        table[f"partners_{column}"] = partners[column]
    table["partners"] = partners["total"]
    undirected = undirected_dyads(graph)
    exact = exact_limit is None or directed.number_of_nodes() <= exact_limit
    frames = [betweenness(directed, sample=None if exact else sample)]
    frames += [closeness(undirected)] if exact else []
    for frame in (*frames, eigenvector(undirected), pagerank(directed)):
        table[frame.columns[-1]] = frame.iloc[:, -1]
    columns = ["label", "kind", *(measure.column for measure in MEASURES if measure.column in table.columns)]
    return table[columns].sort_values(["relations", "pagerank"], ascending=False, kind="stable")


# --- helpers ---------------------------------------------------------------------------------------------------


def _import_igraph() -> Any:
    """The igraph module, imported without matplotlib unless it is loaded already: igraph imports it (and pyplot)
    to draw, which this package never asks of it, and that import is most of igraph's (0.8 s of a build)."""
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # an import of it fails: igraph draws without
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph


def _to_igraph(graph: nx.Graph) -> tuple[Any, list[str], list[float]]:
    """The graph in igraph (same nodes, in networkx's order, and edges) with each edge's `distance` (1 when
    missing, as networkx reads a missing weight)."""
    igraph = _import_igraph()
    nodes = list(graph)
    index = {node: number for number, node in enumerate(nodes)}
    edges, distances = [], []
    for first, second, distance in graph.edges(data="distance", default=1.0):
        edges.append((index[first], index[second]))
        distances.append(float(distance))
    return igraph.Graph(n=len(nodes), edges=edges, directed=graph.is_directed()), nodes, distances


def _exact_betweenness(directed: nx.DiGraph, *, normalized: bool) -> dict[str, float]:
    """Exact betweenness on `distance`, as networkx's `betweenness_centrality` defines and normalises it, computed
    by igraph (C: about 50 times faster on the dyad graph of a million relations). Paths whose lengths differ by
    less than 1e-10 are equally short there (networkx compares float sums exactly, so that 1/3 + 1/6 and 1/2 can
    count as different lengths)."""
    if directed.number_of_nodes() == 0:
        return {}
    converted, nodes, distances = _to_igraph(directed)
    values = converted.betweenness(directed=True, weights=distances or None)
    count = len(nodes)
    scale = 1.0 / ((count - 1) * (count - 2)) if normalized and count > 2 else 1.0
    return {node: value * scale for node, value in zip(nodes, values, strict=True)}


def _closeness_values(undirected: nx.Graph, *, chunk: int = 256) -> dict[str, float]:
    """Wasserman-Faust closeness on `distance`, as networkx's `closeness_centrality` (its default `wf_improved`):
    (reached - 1) / summed distance x (reached - 1) / (n - 1); igraph's Dijkstra gives the distances, `chunk`
    sources at a time (memory grows with chunk x n, not n squared)."""
    import numpy as np

    if undirected.number_of_nodes() == 0:
        return {}
    converted, nodes, distances = _to_igraph(undirected)
    count = len(nodes)
    values: dict[str, float] = {}
    for start in range(0, count, chunk):
        sources = list(range(start, min(start + chunk, count)))
        lengths = np.array(converted.distances(source=sources, weights=distances or None), dtype=float)
        reached = np.isfinite(lengths)
        others = reached.sum(axis=1) - 1.0
        total = np.where(reached, lengths, 0.0).sum(axis=1)
        for source, found, summed in zip(sources, others, total, strict=True):
            close = found / summed if summed > 0 and count > 1 else 0.0
            values[nodes[source]] = close * found / (count - 1) if count > 1 else close
    return values


def _leading_eigenvector(graph: nx.Graph, nodes: list[str], weight: str) -> dict[str, float]:
    """The adjacency matrix's leading eigenvector (dense solver up to 2,000 actors, sparse beyond); unlike
    networkx's solver it accepts disconnected graphs."""
    import numpy as np

    if not nodes:
        return {}
    if len(nodes) <= 2000:
        values, vectors = np.linalg.eigh(nx.to_numpy_array(graph, nodelist=nodes, weight=weight))
        leading = np.abs(vectors[:, int(np.argmax(values))])
    else:
        from scipy.sparse.linalg import eigsh

        matrix = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=weight, dtype=float)
        leading = np.abs(eigsh(matrix, k=1, which="LA")[1][:, 0])
    norm = float(np.linalg.norm(leading)) or 1.0
    return {node: float(value) / norm for node, value in zip(nodes, leading, strict=True)}


def _measure(graph: nx.Graph, values: dict[str, float], name: str) -> pd.DataFrame:
    rows = {node: {name: round(float(value), 6)} for node, value in values.items()}
    frame = actor_frame(graph, rows, ["label", name])
    return frame.sort_values(name, ascending=False, kind="stable")


def _ranked(graph: nx.Graph, rows: dict[str, dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    frame = actor_frame(graph, rows, ["label", *columns])
    return frame.sort_values(columns[-1], ascending=False, kind="stable")
