"""Pictures of the analysis: matplotlib figures drawn from the analysis DataFrames.

Owns the look of the static pictures (centrality bars, the dyad heatmap of mean
Goldstein scores, dyad timelines). Figures are built with matplotlib's
object-oriented API (no pyplot state, no display needed) and returned; writing
them is the caller's business.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from kg.analysis import MEASURES

__all__ = ["centrality_bars", "dyad_heatmap", "dyad_timelines"]

COOPERATION_COLOUR = "#2b7bba"
CONFLICT_COLOUR = "#c8423b"


def centrality_bars(table: pd.DataFrame, *, top: int = 12, measures: Sequence[str] = ("relations", "betweenness",
                    "eigenvector", "pagerank")) -> Figure:  # fmt: skip
    """Horizontal bars of the `top` actors for each measure of a `centrality_table`, one panel each: each panel
    ranks its own actors on its own scale (no shared axis), titled as `kg.analysis.MEASURES` names it."""
    titles = {measure.column: measure.title for measure in MEASURES}
    figure = Figure(figsize=(4.2 * len(measures), 0.45 * min(top, max(len(table), 1)) + 1.6), layout="constrained")
    axes = figure.subplots(1, len(measures), squeeze=False)[0]
    for axis, measure in zip(axes, measures, strict=True):
        ranked = table.sort_values(measure, ascending=False, kind="stable").head(top).iloc[::-1]
        axis.barh([_short(label) for label in ranked["label"].astype(str)], ranked[measure], color=COOPERATION_COLOUR)
        axis.set_title(titles.get(measure, measure))
        axis.tick_params(axis="y", labelsize=8)
        axis.grid(axis="x", alpha=0.3)
    figure.suptitle("Centrality of the actors")
    return figure


def dyad_heatmap(dyads: pd.DataFrame, actors: Sequence[str], labels: dict[str, str] | None = None) -> Figure:
    """Mean Goldstein score of each directed dyad among `actors` (rows act on columns), from -10 (red) to +10
    (blue), each cell annotated with its mean and number of relations; grey where there is none."""
    labels = labels or {}
    index = {actor: position for position, actor in enumerate(actors)}
    means = np.full((len(actors), len(actors)), np.nan)
    counts = np.zeros((len(actors), len(actors)), dtype=int)
    for row in dyads.itertuples(index=False):
        if row.source in index and row.target in index:
            means[index[row.source], index[row.target]] = row.goldstein_mean
            counts[index[row.source], index[row.target]] = row.relations
    size = 1.1 * len(actors) + 2.5
    figure = Figure(figsize=(size + 1.2, size), layout="constrained")
    axis = figure.subplots()
    axis.set_facecolor("#e6e6e6")
    image = axis.imshow(np.ma.masked_invalid(means), cmap="RdBu", norm=TwoSlopeNorm(0.0, -10.0, 10.0))
    names = [_short(labels.get(actor, actor)) for actor in actors]
    axis.set_xticks(range(len(actors)), names, rotation=40, ha="right", fontsize=9)
    axis.set_yticks(range(len(actors)), names, fontsize=9)
    axis.set_xlabel("target")
    axis.set_ylabel("source")
    for (row, column), count in np.ndenumerate(counts):
        if count:
            axis.text(column, row, f"{means[row, column]:+.1f}\n({count})", ha="center", va="center", fontsize=8,
                      color="white" if abs(means[row, column]) > 6 else "black")  # fmt: skip
    figure.colorbar(image, ax=axis, shrink=0.8, label="mean Goldstein score")
    figure.suptitle("Dyads: mean Goldstein score (number of relations)")
    return figure


def dyad_timelines(timeline: pd.DataFrame, pairs: Sequence[tuple[str, str]],
                   labels: dict[str, str] | None = None) -> Figure:  # fmt: skip
    """One panel per pair: cooperative relations per month above the axis, conflictual ones below.
    `timeline` is an undirected `dyad_timeline` (columns month, actor_a, actor_b, cooperation, conflict)."""
    labels = labels or {}
    shown = list(pairs) or [("", "")]
    figure = Figure(figsize=(9, 2.1 * len(shown) + 0.8), layout="constrained")
    axes = figure.subplots(len(shown), 1, squeeze=False)[:, 0]
    for axis, (first, second) in zip(axes, shown, strict=True):
        pair = tuple(sorted((first, second)))
        rows = timeline[(timeline["actor_a"] == pair[0]) & (timeline["actor_b"] == pair[1])]
        months = pd.period_range(rows["month"].min(), rows["month"].max(), freq="M") if len(rows) else []
        by_month = rows.set_index("month")
        positions = np.arange(len(months))
        cooperation = [int(by_month["cooperation"].get(str(month), 0)) for month in months]
        conflict = [int(by_month["conflict"].get(str(month), 0)) for month in months]
        axis.bar(positions, cooperation, width=0.8, color=COOPERATION_COLOUR, label="cooperation")
        axis.bar(positions, [-value for value in conflict], width=0.8, color=CONFLICT_COLOUR, label="conflict")
        axis.axhline(0, color="black", linewidth=0.6)
        highest = max([*cooperation, *conflict, 1])
        axis.set_ylim(-highest - 0.5, highest + 0.5)
        axis.yaxis.set_major_locator(MaxNLocator(integer=True))
        axis.set_xlim(-0.8, max(len(months), 4) - 0.2)
        step = max(1, len(months) // 12)
        axis.set_xticks(positions[::step], [str(month) for month in months][::step], fontsize=8)
        axis.set_title(f"{_short(labels.get(first, first))} – {_short(labels.get(second, second))}", fontsize=10)
        axis.set_ylabel("relations\n(conflict below)", fontsize=8)
        if not len(rows):
            axis.text(0.5, 0.5, "no relation dated to the month", transform=axis.transAxes, ha="center")
    axes[0].legend(loc="upper left", fontsize=8)
    figure.suptitle("Dyad timelines: relations per month")
    return figure


def _short(label: str, limit: int = 26) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
