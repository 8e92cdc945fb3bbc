"""Network analysis: the knowledge graph projected into networkx, and the measures researchers use on it.

Owns the projection of the store into a networkx `MultiDiGraph` (through SPARQL:
`data/queries/projection/*.rq`), its aggregation into weighted dyad graphs, and the
measures: degree and strength, betweenness, closeness, eigenvector and PageRank
centrality, dyads and their monthly series, cooperation blocs and structural
balance. Every function is pure: graphs in, graphs or pandas DataFrames out; no
printing, no files (`kg.analysis_report` writes them, the CLI prints them).

    import kg
    from kg import analysis
    actors = analysis.to_actor_graph(kg.open("out"))          # one edge per relation
    analysis.pagerank(actors)                                  # a DataFrame, highest first
    analysis.balance_triads(actors)                            # signed triangles, balanced or not
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from kg.errors import KgError
from kg.resources import queries_dir

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

__all__ = [
    "LEVELS",
    "MODES",
    "WEIGHTS",
    "QUADCLASS_NAMES",
    "to_actor_graph",
    "to_weighted_graph",
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

LEVELS = ("state", "actor")
MODES = ("asserted", "hypothetical", "negated")
QUADCLASS_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
COOPERATION = frozenset({1, 2})
WEIGHTS = ("count", "goldstein_sum", "goldstein_mean", "cooperation", "conflict", "signed")
_KINDS = {"State": "state", "Person": "person", "Organisation": "organisation", "CollectiveActor": "collective"}

AnyGraph = nx.MultiDiGraph | nx.DiGraph | nx.Graph


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
    if level not in LEVELS:
        raise KgError(f"unknown level {level!r}: expected one of {', '.join(LEVELS)}")
    kept_modes = frozenset(modes)
    if unknown := kept_modes - set(MODES):
        raise KgError(f"unknown mode {sorted(unknown)[0]!r}: expected some of {', '.join(MODES)}")
    kept_roots = None if roots is None else frozenset(_root(value) for value in roots)
    window = (_interval(since)[0] if since else None, _interval(until)[1] if until else None)
    if not 0.0 <= min_confidence <= 1.0:
        raise KgError(f"minimum confidence {min_confidence}: expected a probability from 0 to 1")
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


def to_weighted_graph(actor_graph: nx.MultiDiGraph, *, weight: str = "count", directed: bool = True) -> AnyGraph:
    """Aggregate the relations of each dyad into one edge: a `DiGraph`, or a `Graph` with `directed=False`.

    Edge attributes: `count`, `goldstein_sum`, `goldstein_mean`, the four QuadClass counts
    (`verbal_cooperation`, `material_cooperation`, `verbal_conflict`, `material_conflict`), `cooperation`,
    `conflict`, `signed` (cooperation minus conflict), `evidence`, `first_date`, `last_date`, `distance`
    (1 / count, for path measures: more relations, closer actors) and `weight`, a copy of the attribute named
    by `weight`. Undirected, a symmetric relation counts once and the two directions of a pair add up.
    """
    if weight not in WEIGHTS:
        raise KgError(f"unknown weight {weight!r}: expected one of {', '.join(WEIGHTS)}")
    totals: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, data in actor_graph.edges(data=True):
        if not directed and data.get("reversed"):
            continue
        pair = (source, target) if directed else tuple(sorted((source, target)))
        total = totals.setdefault(pair, {"count": 0, "goldstein_sum": 0.0, "evidence": 0, "dates": [],  # type: ignore[index]
                                         **{name: 0 for name in QUADCLASS_NAMES.values()}})  # fmt: skip
        total["count"] += 1
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
    summary["goldstein_sum"] = round(total["goldstein_sum"], 3)
    summary["goldstein_mean"] = round(total["goldstein_sum"] / total["count"], 3)
    summary["cooperation"] = total["verbal_cooperation"] + total["material_cooperation"]
    summary["conflict"] = total["verbal_conflict"] + total["material_conflict"]
    summary["signed"] = summary["cooperation"] - summary["conflict"]
    summary["first_date"] = min(dates) if dates else ""
    summary["last_date"] = max(dates) if dates else ""
    summary["distance"] = 1.0 / total["count"]
    summary["weight"] = summary[weight]
    return summary


# --- centrality ------------------------------------------------------------------------------------------------


def degree(graph: AnyGraph) -> pd.DataFrame:
    """Degree of each actor on the directed dyad graph: distinct partners in, out, and total (in + out)."""
    directed = _directed(graph)
    rows = {node: {"in": directed.in_degree(node), "out": directed.out_degree(node)} for node in directed}
    return _ranked(directed, rows, "total", lambda row: row["in"] + row["out"])


def strength(graph: AnyGraph, *, weight: str = "count") -> pd.DataFrame:
    """Strength of each actor: the summed `weight` of its dyads in, out, and total (relations, by default)."""
    directed = _directed(graph)
    rows = {node: {"in": directed.in_degree(node, weight=weight), "out": directed.out_degree(node, weight=weight)}
            for node in directed}  # fmt: skip
    return _ranked(directed, rows, "total", lambda row: row["in"] + row["out"])


def betweenness(graph: AnyGraph, *, normalized: bool = True, sample: int | None = None) -> pd.DataFrame:
    """Betweenness centrality on the directed dyad graph, shortest paths weighted by `distance` (1 / relations).
    With `sample`, an estimate from that many source actors (seeded: reproducible), for large graphs."""
    directed = _directed(graph)
    pivots = sample if sample is not None and sample < directed.number_of_nodes() else None
    values = (nx.betweenness_centrality(directed, k=pivots, seed=0, weight="distance", normalized=normalized)
              if directed else {})  # fmt: skip
    return _measure(directed, values, "betweenness")


def closeness(graph: AnyGraph) -> pd.DataFrame:
    """Closeness centrality on the undirected dyad graph, distances 1 / relations (so values above 1 occur:
    an actor with many relations to all others is "nearer" than one step), Wasserman-Faust scaled so that
    actors in small components do not look central."""
    undirected = _undirected(graph)
    return _measure(undirected, nx.closeness_centrality(undirected, distance="distance"), "closeness")


def eigenvector(graph: AnyGraph, *, weight: str = "count") -> pd.DataFrame:
    """Eigenvector centrality on the undirected dyad graph weighted by `weight` (relations, by default);
    unit-norm, non-negative. In a disconnected graph the leading component takes the weight."""
    undirected = _undirected(graph)
    values = _leading_eigenvector(undirected, list(undirected), weight)
    return _measure(undirected, {node: abs(value) for node, value in values.items()}, "eigenvector")


def pagerank(graph: AnyGraph, *, weight: str = "count", alpha: float = 0.85) -> pd.DataFrame:
    """PageRank on the directed dyad graph weighted by `weight`: actors others act towards rank high."""
    directed = _directed(graph)
    values = nx.pagerank(directed, alpha=alpha, weight=weight) if directed else {}
    return _measure(directed, values, "pagerank")


def centrality_table(graph: AnyGraph, *, exact_limit: int | None = None, sample: int = 64) -> pd.DataFrame:
    """Every centrality measure, one column each, one row per actor, sorted by total strength then PageRank.

    Betweenness and closeness cost O(n m): beyond `exact_limit` actors (when given), betweenness is estimated
    from `sample` seeded sources and closeness is left out.
    """
    directed = _directed(graph)
    table = _frame(directed, {node: {} for node in directed}, ["label", "kind"])
    if table.empty:
        return table
    for name, frame in (("degree", degree(directed)), ("strength", strength(directed))):
        for column in ("in", "out", "total"):
            table[f"{name}_{column}" if column != "total" else name] = frame[column]
    undirected = _undirected(graph)
    exact = exact_limit is None or directed.number_of_nodes() <= exact_limit
    frames = [betweenness(directed, sample=None if exact else sample)]
    frames += [closeness(undirected)] if exact else []
    for frame in (*frames, eigenvector(undirected), pagerank(directed)):
        table[frame.columns[-1]] = frame.iloc[:, -1]
    return table.sort_values(["strength", "pagerank"], ascending=False, kind="stable")


# --- dyads -----------------------------------------------------------------------------------------------------


def dyads(graph: nx.MultiDiGraph, *, directed: bool = True) -> pd.DataFrame:
    """One row per dyad: relations by QuadClass, cooperation and conflict, Goldstein sum and mean, `balance`
    ((cooperation - conflict) / relations, from -1 all conflict to +1 all cooperation), first and last date.
    Directed dyads have `source` and `target`; undirected ones `actor_a` and `actor_b` (in code order)."""
    weighted = to_weighted_graph(graph, directed=directed)
    ends = ("source", "target") if directed else ("actor_a", "actor_b")
    rows = []
    for first, second, data in weighted.edges(data=True):
        first, second = (first, second) if directed else tuple(sorted((first, second)))
        rows.append({ends[0]: first, ends[1]: second, f"{ends[0]}_label": _label(weighted, first),
                     f"{ends[1]}_label": _label(weighted, second), "relations": data["count"],
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
    graph: nx.MultiDiGraph, source: str | None = None, target: str | None = None, *, directed: bool = False
) -> pd.DataFrame:
    """Relations per month and dyad: `month` ("2022-03"), the pair, relations, cooperation, conflict, mean
    Goldstein. Only relations dated to the month or day are placed (a year alone is not a month). With
    `source` (and `target`) only that actor's (or pair's) relations; undirected by default (either direction)."""
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


def cooperation_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The undirected graph of cooperation: every actor, an edge where a pair cooperated, weighted by the
    number of cooperative relations (QuadClass 1 and 2) in either direction."""
    undirected = to_weighted_graph(graph, weight="cooperation", directed=False)
    cooperation = nx.Graph(**undirected.graph)
    cooperation.add_nodes_from(undirected.nodes(data=True))
    cooperation.add_edges_from((a, b, {"weight": data["cooperation"]})
                               for a, b, data in undirected.edges(data=True) if data["cooperation"] > 0)  # fmt: skip
    return cooperation


def blocs(graph: nx.MultiDiGraph, *, resolution: float = 1.0, seed: int = 0) -> pd.DataFrame:
    """Blocs: Louvain communities of the cooperation graph (seeded, so reproducible). One row per actor with
    `bloc` (0 is the largest) and `bloc_size`; an actor that cooperated with no one is a bloc of its own."""
    cooperation = cooperation_graph(graph)
    if cooperation.number_of_nodes() == 0:
        return pd.DataFrame(columns=["actor", "label", "bloc", "bloc_size"]).set_index("actor")
    communities = nx.community.louvain_communities(cooperation, weight="weight", resolution=resolution, seed=seed)
    ordered = sorted((sorted(members) for members in communities), key=lambda members: (-len(members), members[0]))
    rows = {actor: {"bloc": number, "bloc_size": len(members)}
            for number, members in enumerate(ordered) for actor in members}  # fmt: skip
    frame = _frame(cooperation, rows, ["label", "bloc", "bloc_size"])
    return frame.sort_values(["bloc"], kind="stable")


def signed_graph(graph: nx.MultiDiGraph) -> nx.Graph:
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


def balance_triads(graph: nx.MultiDiGraph, *, among: Iterable[str] | None = None) -> pd.DataFrame:
    """Every closed triad of the signed graph (optionally only among some actors): its three signs, their
    product, and whether it is balanced (Heider, Cartwright-Harary: "+++" friends of friends, "+--" a common
    enemy) or unbalanced ("++-", "---"). Sorted balanced first, then by actors."""
    signed = signed_graph(graph)
    if among is not None:
        signed = signed.subgraph(set(among)).copy()
    rows = []
    for a in sorted(signed):
        later = sorted(node for node in signed[a] if node > a)
        for b, c in combinations(later, 2):
            if signed.has_edge(b, c):
                rows.append(_triad_row(signed, a, b, c))
    columns = ["a", "b", "c", "sign_ab", "sign_bc", "sign_ac", "pattern", "balanced", "labels"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["balanced", "a", "b", "c"], ascending=[False, True, True, True],
                             kind="stable").reset_index(drop=True)  # fmt: skip


def triad_signs(graph: nx.MultiDiGraph, a: str, b: str, c: str) -> pd.Series:
    """The signs of one triad, even if incomplete: each pair's sign (+1, -1, or 0 for no or ambivalent
    relations), the pattern, and `status`: "balanced", "unbalanced" or "incomplete"."""
    signed = signed_graph(graph)
    row = _triad_row(signed, a, b, c)
    row["status"] = "incomplete" if 0 in (row["sign_ab"], row["sign_bc"], row["sign_ac"]) else (
        "balanced" if row["balanced"] else "unbalanced")  # fmt: skip
    return pd.Series(row)


def _triad_row(signed: nx.Graph, a: str, b: str, c: str) -> dict[str, Any]:
    signs = [signed.edges[x, y]["sign"] if signed.has_edge(x, y) else 0 for x, y in ((a, b), (b, c), (a, c))]
    pattern = "".join(sorted(("+" if sign > 0 else "-" if sign < 0 else "0") for sign in signs))
    return {"a": a, "b": b, "c": c, "sign_ab": signs[0], "sign_bc": signs[1], "sign_ac": signs[2],
            "pattern": pattern, "balanced": math.prod(signs) > 0,
            "labels": " – ".join(_label(signed, node) for node in (a, b, c))}  # fmt: skip


# --- helpers ---------------------------------------------------------------------------------------------------


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


def _directed(graph: AnyGraph) -> nx.DiGraph:
    if graph.is_multigraph():
        return to_weighted_graph(graph, directed=True)  # type: ignore[arg-type,return-value]
    if not graph.is_directed():
        return graph.to_directed()  # type: ignore[return-value]
    return graph  # type: ignore[return-value]


def _undirected(graph: AnyGraph) -> nx.Graph:
    """An undirected dyad graph: from the relations when given them; from a DiGraph by adding up the numeric
    attributes of the two directions of a pair (a symmetric relation then counts twice)."""
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


def _label(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("label", node)) if node in graph else node


def _frame(graph: nx.Graph, rows: dict[str, dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    records = [{"actor": node, "label": _label(graph, node), "kind": graph.nodes[node].get("kind", ""), **values}
               for node, values in rows.items()]  # fmt: skip
    frame = pd.DataFrame(records, columns=["actor", *columns]).set_index("actor")
    return frame.sort_index()


def _measure(graph: nx.Graph, values: dict[str, float], name: str) -> pd.DataFrame:
    frame = _frame(graph, {node: {name: round(float(value), 6)} for node, value in values.items()}, ["label", name])
    return frame.sort_values(name, ascending=False, kind="stable")


def _ranked(graph: nx.Graph, rows: dict[str, dict[str, Any]], name: str, total: Any) -> pd.DataFrame:
    for row in rows.values():
        row[name] = total(row)
    frame = _frame(graph, rows, ["label", "in", "out", name])
    return frame.sort_values(name, ascending=False, kind="stable")
