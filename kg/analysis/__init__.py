"""Network analysis: the knowledge graph projected into networkx, and the measures researchers use on it.

The projection of the store into a networkx `MultiDiGraph` and its dyad graphs
(`kg.analysis.projection`); the measures of an actor's place, each defined once
with its scale (`kg.analysis.measures`: relations, distinct partners, weighted
degree, betweenness, closeness, eigenvector and PageRank); here, dyads and their
monthly series, cooperation blocs and structural balance. Every function is
pure: graphs in, graphs or pandas DataFrames out; no printing, no files
(`kg.analysis_report` writes them, the CLI prints them).

    import kg
    from kg import analysis
    actors = analysis.to_actor_graph(kg.open("out"))          # one edge per relation
    analysis.pagerank(actors)                                  # a DataFrame, highest first
    analysis.balance_triads(actors)                            # signed triangles, balanced or not
    dyads = analysis.to_dyad_graphs(kg.open("out"))           # the same measures, aggregated by the store
    analysis.centrality_table(dyads)                           # (a large graph: one row per dyad, not per relation)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from kg.analysis.measures import (
    MEASURES,
    Measure,
    betweenness,
    centrality_table,
    closeness,
    degree,
    eigenvector,
    pagerank,
    relations,
    strength,
)
from kg.analysis.projection import (
    COOPERATION,
    LEVELS,
    MODES,
    QUADCLASS_NAMES,
    WEIGHTS,
    DyadGraphs,
    actor_frame,
    actor_label,
    count_relations,
    dyad_graphs_from_counts,
    to_actor_graph,
    to_dyad_graphs,
    to_weighted_graph,
)
from kg.errors import KgError

__all__ = [
    "LEVELS",
    "MODES",
    "WEIGHTS",
    "QUADCLASS_NAMES",
    "MEASURES",
    "Measure",
    "DyadGraphs",
    "to_actor_graph",
    "to_dyad_graphs",
    "dyad_graphs_from_counts",
    "to_weighted_graph",
    "count_relations",
    "relations",
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "centrality_table",
    "dyads",
    "dyad_timeline",
    "cooperation_graph",
    "blocs",
    "signed_graph",
    "balance_triads",
    "triad_signs",
]


# --- dyads -----------------------------------------------------------------------------------------------------


def dyads(graph: nx.MultiDiGraph | DyadGraphs, *, directed: bool = True) -> pd.DataFrame:
    """One row per dyad: relations by QuadClass, cooperation and conflict, Goldstein sum and mean, `balance`
    ((cooperation - conflict) / relations, from -1 all conflict to +1 all cooperation), first and last date.
    Directed dyads have `source` and `target`; undirected ones `actor_a` and `actor_b` (in code order)."""
    weighted = to_weighted_graph(graph, directed=directed)
    ends = ("source", "target") if directed else ("actor_a", "actor_b")
    rows = []
    for first, second, data in weighted.edges(data=True):
        first, second = (first, second) if directed else tuple(sorted((first, second)))
        rows.append({ends[0]: first, ends[1]: second, f"{ends[0]}_label": actor_label(weighted, first),
                     f"{ends[1]}_label": actor_label(weighted, second), "relations": data["count"],
                     **{name: data[name] for name in QUADCLASS_NAMES.values()}, "cooperation": data["cooperation"],
                     "conflict": data["conflict"], "balance": round(data["signed"] / data["count"], 3),
                     "goldstein_sum": data["goldstein_sum"], "goldstein_mean": data["goldstein_mean"],
                     "evidence": data["evidence"], "first_date": data["first_date"],
                     "last_date": data["last_date"]})  # fmt: skip
    columns = [ends[0], ends[1], f"{ends[0]}_label", f"{ends[1]}_label", "relations", *QUADCLASS_NAMES.values(),
               "cooperation", "conflict", "balance", "goldstein_sum", "goldstein_mean", "evidence", "first_date",
               "last_date"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns).sort_values(list(ends), kind="stable")
    return frame.sort_values("relations", ascending=False, kind="stable").reset_index(drop=True)


def dyad_timeline(
    graph: nx.MultiDiGraph | DyadGraphs, source: str | None = None, target: str | None = None, *, directed: bool = False
) -> pd.DataFrame:
    """Relations per month and dyad: `month` ("2022-03"), the pair, relations, cooperation, conflict, mean
    Goldstein. Only relations dated to the month or day are placed (a year alone is not a month). With
    `source` (and `target`) only that actor's (or pair's) relations; undirected by default (either direction).
    Reads the relations' dates: a projection (`to_actor_graph`), not dyad graphs."""
    if isinstance(graph, DyadGraphs):
        raise KgError("a dyad timeline needs the relations' dates: give it to_actor_graph's projection")
    buckets: dict[tuple[str, str, str], list[tuple[int, float]]] = {}
    for first, second, data in graph.edges(data=True):
        if len(data["date"]) < 7 or (not directed and data.get("reversed")):
            continue
        pair = (first, second) if directed else tuple(sorted((first, second)))
        if (source and source not in pair) or (target and target not in pair):
            continue
        if directed and ((source and first != source) or (target and second != target)):
            continue
        buckets.setdefault((data["date"][:7], *pair), []).append((data["quadclass"], data["goldstein"]))  # type: ignore[arg-type]
    ends = ("source", "target") if directed else ("actor_a", "actor_b")
    rows = [{"month": month, ends[0]: first, ends[1]: second, "relations": len(items),
             "cooperation": sum(quad in COOPERATION for quad, _ in items),
             "conflict": sum(quad not in COOPERATION for quad, _ in items),
             "goldstein_mean": round(sum(score for _, score in items) / len(items), 3)}
            for (month, first, second), items in sorted(buckets.items())]  # fmt: skip
    return pd.DataFrame(rows, columns=["month", *ends, "relations", "cooperation", "conflict", "goldstein_mean"])


# --- blocs and balance -----------------------------------------------------------------------------------------


def cooperation_graph(graph: nx.MultiDiGraph | DyadGraphs) -> nx.Graph:
    """The undirected graph of cooperation: every actor, an edge where a pair cooperated, weighted by the
    number of cooperative relations (QuadClass 1 and 2) in either direction."""
    undirected = to_weighted_graph(graph, weight="cooperation", directed=False)
    cooperation = nx.Graph(**undirected.graph)
    cooperation.add_nodes_from(undirected.nodes(data=True))
    cooperation.add_edges_from((a, b, {"weight": data["cooperation"]})
                               for a, b, data in undirected.edges(data=True) if data["cooperation"] > 0)  # fmt: skip
    return cooperation


def blocs(graph: nx.MultiDiGraph | DyadGraphs, *, resolution: float = 1.0, seed: int = 0) -> pd.DataFrame:
    """Blocs: Louvain communities of the cooperation graph (seeded, so reproducible). One row per actor with
    `bloc` (0 is the largest) and `bloc_size`; an actor that cooperated with no one is a bloc of its own."""
    cooperation = cooperation_graph(graph)
    if cooperation.number_of_nodes() == 0:
        return pd.DataFrame(columns=["actor", "label", "bloc", "bloc_size"]).set_index("actor")
    communities = nx.community.louvain_communities(cooperation, weight="weight", resolution=resolution, seed=seed)
    ordered = sorted((sorted(members) for members in communities), key=lambda members: (-len(members), members[0]))
    rows = {actor: {"bloc": number, "bloc_size": len(members)}
            for number, members in enumerate(ordered) for actor in members}  # fmt: skip
    frame = actor_frame(cooperation, rows, ["label", "bloc", "bloc_size"])
    return frame.sort_values(["bloc"], kind="stable")


def signed_graph(graph: nx.MultiDiGraph | DyadGraphs) -> nx.Graph:
    """The signed graph of structural balance: an undirected edge where a pair's relations (either direction)
    lean one way, `sign` +1 when cooperation outnumbers conflict, -1 when conflict does; pairs with as much of
    each are left out (ambivalent)."""
    undirected = to_weighted_graph(graph, weight="signed", directed=False)
    signed = nx.Graph(**undirected.graph)
    signed.add_nodes_from(undirected.nodes(data=True))
    for a, b, data in undirected.edges(data=True):
        if data["signed"] != 0 and a != b:
            signed.add_edge(a, b, sign=1 if data["signed"] > 0 else -1, cooperation=data["cooperation"],
                            conflict=data["conflict"])  # fmt: skip
    return signed


def balance_triads(graph: nx.MultiDiGraph | DyadGraphs, *, among: Iterable[str] | None = None) -> pd.DataFrame:
    """Every closed triad of the signed graph (optionally only among some actors): its three signs, their
    product, and whether it is balanced (Heider, Cartwright-Harary: "+++" friends of friends, "+--" a common
    enemy) or unbalanced ("++-", "---"). Sorted balanced first, then by actors."""
    signed = signed_graph(graph)
    if among is not None:
        signed = signed.subgraph(set(among)).copy()
    nodes = sorted(signed)
    signs = nx.to_numpy_array(signed, nodelist=nodes, weight="sign", dtype=np.int64) if nodes else np.zeros((0, 0), int)
    a, b, c = _closed_triads(signs)
    negatives = (signs[a, b] < 0).astype(int) + (signs[b, c] < 0) + (signs[a, c] < 0)
    order = np.lexsort((c, b, a, negatives % 2))  # balanced (an even number of negative signs) first, then a, b, c
    a, b, c, negatives = a[order], b[order], c[order], negatives[order]
    names, labels = np.array(nodes, dtype=object), np.array([actor_label(signed, node) for node in nodes], dtype=object)
    frame = pd.DataFrame({
        "a": names[a], "b": names[b], "c": names[c], "sign_ab": signs[a, b], "sign_bc": signs[b, c],
        "sign_ac": signs[a, c], "pattern": np.array(["+++", "++-", "+--", "---"], dtype=object)[negatives],
        "balanced": negatives % 2 == 0, "labels": labels[a] + " – " + labels[b] + " – " + labels[c],
    })  # fmt: skip
    return frame if len(frame) else pd.DataFrame(columns=list(frame.columns))


def triad_signs(graph: nx.MultiDiGraph | DyadGraphs, a: str, b: str, c: str) -> pd.Series:
    """The signs of one triad, even if incomplete: each pair's sign (+1, -1, or 0 for no or ambivalent
    relations), the pattern, and `status`: "balanced", "unbalanced" or "incomplete"."""
    signed = signed_graph(graph)
    row = _triad_row(signed, a, b, c)
    row["status"] = "incomplete" if 0 in (row["sign_ab"], row["sign_bc"], row["sign_ac"]) else (
        "balanced" if row["balanced"] else "unbalanced")  # fmt: skip
    return pd.Series(row)


def _closed_triads(signs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The closed triads of a signed adjacency matrix (nonzero: an edge), as three index arrays a < b < c."""
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    linked = signs != 0
    for first in range(len(signs)):
        later = np.flatnonzero(linked[first, first + 1 :]) + first + 1
        pairs = np.nonzero(np.triu(linked[np.ix_(later, later)], 1))
        found.append((np.full(len(pairs[0]), first), later[pairs[0]], later[pairs[1]]))
    if not found:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0, int)
    return tuple(np.concatenate([part[index] for part in found]).astype(int) for index in range(3))  # type: ignore[return-value]


def _triad_row(signed: nx.Graph, a: str, b: str, c: str) -> dict[str, Any]:
    signs = [signed.edges[x, y]["sign"] if signed.has_edge(x, y) else 0 for x, y in ((a, b), (b, c), (a, c))]
    pattern = "".join(sorted(("+" if sign > 0 else "-" if sign < 0 else "0") for sign in signs))
    return {"a": a, "b": b, "c": c, "sign_ab": signs[0], "sign_bc": signs[1], "sign_ac": signs[2],
            "pattern": pattern, "balanced": math.prod(signs) > 0,
            "labels": " – ".join(actor_label(signed, node) for node in (a, b, c))}  # fmt: skip
