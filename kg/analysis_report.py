"""The analysis written to files (`kg analyze`): CSV tables, GEXF and GraphML graphs, PNG pictures.

Owns which files an analysis produces and their formats; the numbers come from
`kg.analysis`, the pictures from `kg.plots`. Files are staged and renamed into
place together, so an interrupted run leaves the previous analysis intact.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd

from kg import analysis
from kg.errors import OutputError
from kg.exports import write_gexf
from kg.outputs import staged_outputs
from kg.plots import centrality_bars, dyad_heatmap, dyad_timelines

__all__ = ["AnalysisReport", "analyze", "main_actors", "write_analysis"]

log = logging.getLogger(__name__)


@dataclass
class AnalysisReport:
    """What an analysis found: the tables the CLI shows, and the files written."""

    actors: list[str]
    centrality: pd.DataFrame
    dyads: pd.DataFrame  # among `actors`
    all_dyads: pd.DataFrame
    blocs: pd.DataFrame
    triads: pd.DataFrame
    timeline: pd.DataFrame
    files: list[Path] = field(default_factory=list)


def main_actors(actor_graph: nx.MultiDiGraph, *, top: int = 8) -> list[str]:
    """The `top` actors by number of relations, ties by PageRank."""
    return list(analysis.centrality_table(actor_graph).head(top).index)


def analyze(
    actor_graph: nx.MultiDiGraph,
    *,
    actors: list[str] | None = None,
    top: int = 8,
    dyad_graphs: analysis.DyadGraphs | None = None,
) -> AnalysisReport:
    """Every table of the analysis; `actors` (default: the `top` main actors) scopes the dyads shown. The
    measures, dyads, blocs and triads are computed on `dyad_graphs` when given (`analysis.to_dyad_graphs` of the
    same options: the same numbers, from one edge per dyad), the monthly timeline on the relations."""
    dyad_source = dyad_graphs if dyad_graphs is not None else actor_graph
    centrality = analysis.centrality_table(dyad_source)
    chosen = actors or list(centrality.head(top).index)
    if unknown := [actor for actor in chosen if actor not in actor_graph]:
        raise OutputError(f"no relation involves {', '.join(unknown)} in this graph (check the actor codes)")
    dyads = analysis.dyads(dyad_source)
    among = dyads[dyads["source"].isin(chosen) & dyads["target"].isin(chosen)].reset_index(drop=True)
    return AnalysisReport(chosen, centrality, among, dyads, analysis.blocs(dyad_source),
                          analysis.balance_triads(dyad_source), analysis.dyad_timeline(actor_graph))  # fmt: skip


def write_analysis(
    actor_graph: nx.MultiDiGraph,
    folder: Path,
    report: AnalysisReport,
    *,
    dyad_graphs: analysis.DyadGraphs | None = None,
) -> list[Path]:
    """Write the tables (CSV), the graphs (GEXF, GraphML) and the pictures (PNG) under `folder`; the dyad tables
    and graph from `dyad_graphs` when given, the relations' graph from `actor_graph`."""
    labels = {node: str(data.get("label", node)) for node, data in actor_graph.nodes(data=True)}
    dyad_source = dyad_graphs if dyad_graphs is not None else actor_graph
    undirected = analysis.dyads(dyad_source, directed=False)
    chosen = set(report.actors)
    dated = (
        report.timeline.groupby(["actor_a", "actor_b"])["relations"].sum().sort_values(ascending=False, kind="stable")
    )
    pairs = [pair for pair in dated.index if pair[0] in chosen and pair[1] in chosen][:6]
    names = []
    with staged_outputs(folder) as staging:
        tables = {"centrality.csv": report.centrality, "dyads.csv": report.all_dyads,
                  "dyads_undirected.csv": undirected, "blocs.csv": report.blocs, "triads.csv": report.triads,
                  "timeline.csv": report.timeline}  # fmt: skip
        for name, table in tables.items():
            table.to_csv(staging / name, index=table.index.name == "actor")
            names.append(name)
        weighted = analysis.to_weighted_graph(dyad_source)
        for name, graph in (("relations", actor_graph), ("dyads", weighted)):
            exportable = _exportable(graph)
            write_gexf(exportable, staging / f"{name}.gexf")
            nx.write_graphml(exportable, staging / f"{name}.graphml")
            names += [f"{name}.gexf", f"{name}.graphml"]
        figures = {
            "centrality.png": centrality_bars(report.centrality),
            "dyad_heatmap.png": dyad_heatmap(report.dyads, report.actors, labels),
            "dyad_timelines.png": dyad_timelines(report.timeline, pairs, labels),
        }
        for name, figure in figures.items():
            figure.savefig(staging / name, dpi=110)
            names.append(name)
    log.info("analysis written to %s: %s", folder, ", ".join(names))
    return [folder / name for name in names]


def _exportable(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes GEXF and GraphML can hold (no None, no nested values; keys as ids), the weight
    a float in both (GEXF's edge weight is one)."""
    copy = graph.__class__()
    copy.graph.update({key: str(value) for key, value in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        copy.add_node(node, **{key: value for key, value in data.items() if value is not None})
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for edge in edges:
        data = {key: value for key, value in edge[-1].items() if value is not None}
        if "weight" in data:
            data["weight"] = float(data["weight"])
        if graph.is_multigraph():
            copy.add_edge(edge[0], edge[1], key=f"{edge[2]}{'#reverse' if data.get('reversed') else ''}", **data)
        else:
            copy.add_edge(edge[0], edge[1], **data)
    return copy
