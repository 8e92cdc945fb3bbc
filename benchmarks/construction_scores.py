"""Construction scores: how well extraction reads the constructions of French news, on sentences the project
wrote for the purpose (`benchmarks/constructions_fr.jsonl`), apart from the development corpus.

    .venv/bin/python benchmarks/construction_scores.py [--sentences FILE] [--out DIR] [--per-root] [--per-group]

Each line of the file is one sentence, its construction group (1 simple verbs, 2 passives, 3 nominal events,
4 light verbs, 5 control and infinitives, 6 reported speech, 7 relatives and appositions, 8 coordination,
9 negation and hypotheticals, 10 participles and gerunds, 11 headlines, 12 implicit participants,
13 economic and legal acts, 14 material conflict, 15 diplomatic acts) and the relations it states, in the
gold schema. Every sentence becomes an article of its own; the articles are built with `kg build` and scored
as `benchmarks/dev_scores.py` scores a corpus (event, dyad and QuadClass views, the co-occurrence baseline,
error classes); `--per-group` adds the event recall of each group. Run on demand, not by the tests.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from dev_scores import print_scores, score_corpus

from kg.evaluate import Evaluation

HERE = Path(__file__).resolve().parent
SENTENCES = HERE / "constructions_fr.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=Path, default=SENTENCES, help="default: benchmarks/constructions_fr.jsonl")
    parser.add_argument("--out", type=Path, help="the build goes here (default: a temporary folder)")
    parser.add_argument("--per-root", action="store_true", help="also print the event view per CAMEO root")
    parser.add_argument("--per-group", action="store_true", help="also print the event recall per construction")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.sentences.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="kg-constructions-") as scratch:
        folder, gold = write_corpus(rows, Path(scratch))
        result, baseline = score_corpus(folder, gold, args.out or Path(scratch) / "out")
    print_scores("constructions-fr", args.sentences, result, baseline, per_root=args.per_root)
    if args.per_group:
        print_groups(rows, result)
    return 0


def write_corpus(rows: list[dict], scratch: Path) -> tuple[Path, Path]:
    """The sentences as articles (`<id>.txt`, a title line then the sentence) and their relations as gold."""
    folder = scratch / "articles"
    folder.mkdir()
    gold_lines = []
    for row in rows:
        (folder / f"{row['id']}.txt").write_text(f"{row['id']}\n\n{row['text']}\n", encoding="utf-8")
        for relation in row["relations"]:
            gold = {"article": row["id"], "evidence": row["text"], "symmetric": bool(relation.get("symmetric"))}
            gold_lines.append(json.dumps({**relation, **gold}, ensure_ascii=False))
    gold_path = scratch / "gold.jsonl"
    gold_path.write_text("\n".join(gold_lines) + "\n", encoding="utf-8")
    return folder, gold_path


def print_groups(rows: list[dict], result: Evaluation) -> None:
    """The event view's recall per construction group: the gold relations of its sentences that were found."""
    group_of = {row["id"]: row["group"] for row in rows}
    missed = Counter(group_of[error.article] for error in result.errors if error.side == "miss")
    stated = Counter(group_of[row["id"]] for row in rows for r in row["relations"] if r["mode"] != "negated")
    print(f"{'group':>5} {'found':>6} {'gold':>5}")
    for group in sorted(stated):
        print(f"{group:5d} {stated[group] - missed[group]:6d} {stated[group]:5d}")


if __name__ == "__main__":
    sys.exit(main())
