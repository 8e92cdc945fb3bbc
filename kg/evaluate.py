"""Evaluation of extracted relations against gold relations, exactly as the project's scorer computes it.

Reads JSON Lines relation files (the gold schema: article, source, target,
cameo, mode, symmetric). Scores are micro-averaged precision, recall and F1
over the gold's articles, in three views (event: the CAMEO root; dyad: the
actor pair; quad: GDELT's QuadClass), on the main modes (asserted and
hypothetical; negated relations left out); a symmetric tuple matches either
direction. Also per root, with the misses and false positives listed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError

__all__ = [
    "QUADCLASS",
    "MAIN_MODES",
    "VIEWS",
    "Score",
    "Evaluation",
    "read_relations",
    "to_tuples",
    "score_view",
    "evaluate",
]

QUADCLASS = {f"{root:02d}": 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4 for root in range(1, 21)}
MAIN_MODES = ("asserted", "hypothetical")
VIEWS = ("event", "dyad", "quad")

Tuple = tuple[str, str, str, Any, bool]  # article, source, target, label, symmetric


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one view, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    gold: int
    system: int
    found: int


@dataclass(frozen=True)
class Evaluation:
    """The three views, the event view per CAMEO root, and the event-view misses and false positives."""

    views: dict[str, Score]
    per_root: dict[str, Score]
    misses: tuple[Tuple, ...]
    false_positives: tuple[Tuple, ...]


def read_relations(path: Path) -> list[dict[str, Any]]:
    """Read a relations file (gold or system); `InputError` with file:line for a bad line."""
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read relations: {error}") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(path, f"not JSON: {error}", line=number) from error
        missing = {"article", "source", "target", "cameo"} - set(row) if isinstance(row, dict) else {"an object"}
        if missing:
            raise InputError(path, f"missing {sorted(missing)}", line=number)
        row["cameo"] = str(row["cameo"]).zfill(2)[:2]
        rows.append(row)
    return rows


def to_tuples(rows: Iterable[dict[str, Any]], view: str, articles: set[str]) -> set[Tuple]:
    """Reduce relations to the scored tuples of a view (main modes, articles of the gold, no self-pairs)."""
    tuples = set()
    for row in rows:
        if row["article"] not in articles or row.get("mode", "asserted") not in MAIN_MODES:
            continue
        if row["source"] == row["target"]:
            continue
        label = {"event": row["cameo"], "quad": QUADCLASS.get(row["cameo"]), "dyad": ""}[view]
        tuples.add((row["article"], row["source"], row["target"], label, bool(row.get("symmetric"))))
    return tuples


def score_view(gold: set[Tuple], system: set[Tuple]) -> tuple[Score, set[Tuple], set[Tuple]]:
    """Score one view; also return the gold tuples found and the system tuples that hit."""
    found, hits = _match(gold, system)
    precision = len(hits) / len(system) if system else 0.0
    recall = len(found) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    score = Score(round(precision, 3), round(recall, 3), round(f1, 3), len(gold), len(system), len(found))
    return score, found, hits


def evaluate(
    gold_rows: Sequence[dict[str, Any]], system_rows: Sequence[dict[str, Any]], *, articles: set[str] | None = None
) -> Evaluation:
    """Score system relations against gold relations on the gold's articles (or `articles`)."""
    articles = articles if articles is not None else {row["article"] for row in gold_rows}
    views = {}
    misses: set[Tuple] = set()
    false_positives: set[Tuple] = set()
    for view in VIEWS:
        gold, system = to_tuples(gold_rows, view, articles), to_tuples(system_rows, view, articles)
        views[view], found, hits = score_view(gold, system)
        if view == "event":
            misses, false_positives = gold - found, system - hits
            gold_event, system_event = gold, system
    per_root = {}
    for root in sorted({t[3] for t in gold_event | system_event}):
        per_root[root], _, _ = score_view(
            {t for t in gold_event if t[3] == root}, {t for t in system_event if t[3] == root}
        )
    return Evaluation(views, per_root, tuple(sorted(misses)), tuple(sorted(false_positives)))


def _index(tuples: set[Tuple]) -> dict[tuple[str, Any, frozenset[str]], list[Tuple]]:
    index: dict[tuple[str, Any, frozenset[str]], list[Tuple]] = {}
    for item in tuples:
        index.setdefault((item[0], item[3], frozenset(item[1:3])), []).append(item)
    return index


def _matches(a: Tuple, b: Tuple) -> bool:
    return (a[1], a[2]) == (b[1], b[2]) or a[4] or b[4]


def _match(gold: set[Tuple], system: set[Tuple]) -> tuple[set[Tuple], set[Tuple]]:
    gold_index, system_index = _index(gold), _index(system)
    found = {g for g in gold if any(_matches(g, s) for s in system_index.get((g[0], g[3], frozenset(g[1:3])), ()))}
    hits = {s for s in system if any(_matches(s, g) for g in gold_index.get((s[0], s[3], frozenset(s[1:3])), ()))}
    return found, hits
