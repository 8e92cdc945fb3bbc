"""Development scores: how well extraction generalizes beyond the seeds, and why it misses what it misses.

    .venv/bin/python benchmarks/dev_scores.py [--shared ../shared] [--out DIR] [--per-root]

Builds the seeds and the development corpora (SHARED/dev/fr, SHARED/dev/en)
with `kg build`, each into its own folder (under a temporary folder, or
`--out`), and scores each against its gold (SHARED/gold/seeds.jsonl,
SHARED/dev/gold.jsonl restricted to the corpus's articles): event, dyad and
QuadClass precision, recall and F1 with the co-occurrence baseline's event
score beside, optionally the event view per CAMEO root, and the count of each
error class (misses and false positives). Run on demand, not by the tests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from kg.evaluate import Evaluation, evaluate, read_article_ids, read_corpus, read_relations
from kg.pipeline import ARTICLES_FILE, BASELINE_FILE, EVENTS_FILE, MANIFEST_FILE, MENTIONS_FILE

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="default: ../shared")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="default: seeds/")
    parser.add_argument("--seeds-gold", type=Path, help="default: SHARED/gold/seeds.jsonl")
    parser.add_argument("--dev-fr", type=Path, help="default: SHARED/dev/fr")
    parser.add_argument("--dev-en", type=Path, help="default: SHARED/dev/en")
    parser.add_argument("--dev-gold", type=Path, help="default: SHARED/dev/gold.jsonl")
    parser.add_argument("--out", type=Path, help="build folders go here (default: a temporary folder)")
    parser.add_argument("--per-root", action="store_true", help="also print the event view per CAMEO root")
    args = parser.parse_args()
    dev_gold = args.dev_gold or args.shared / "dev" / "gold.jsonl"
    corpora = [
        ("seeds", args.seeds, args.seeds_gold or args.shared / "gold" / "seeds.jsonl"),
        ("dev-fr", args.dev_fr or args.shared / "dev" / "fr", dev_gold),
        ("dev-en", args.dev_en or args.shared / "dev" / "en", dev_gold),
    ]
    with tempfile.TemporaryDirectory(prefix="kg-dev-scores-") as scratch:
        out_root = args.out or Path(scratch)
        for name, folder, gold in corpora:
            if not folder.is_dir() or not gold.is_file():
                print(f"== {name}: skipped ({folder} or {gold} is missing)\n")
                continue
            result, baseline = score_corpus(folder, gold, out_root / name)
            print_scores(name, folder, result, baseline, per_root=args.per_root)
    return 0


def score_corpus(folder: Path, gold_path: Path, out: Path) -> tuple[Evaluation, Evaluation | None]:
    """Build `folder` into `out` and score it against the gold relations of its articles (and the baseline)."""
    build = subprocess.run([sys.executable, "-m", "kg", "build", str(folder), "-o", str(out)],
                           capture_output=True, text=True)  # fmt: skip
    if build.returncode != 0:
        sys.exit(f"kg build {folder} failed:\n{build.stderr}")
    # kg.evaluate computes the same scores as the project's scorer (shared/tools/score.py, with --articles):
    # tests/test_evaluate.py checks that they agree, on hand-made relations and on the seeds' build.
    articles = read_article_ids(folder)
    gold = read_relations(gold_path)
    baseline_path = out / BASELINE_FILE
    baseline_file = baseline_path if baseline_path.exists() else None
    corpus = read_corpus(out / ARTICLES_FILE, out / MENTIONS_FILE, baseline_file, manifest_path=out / MANIFEST_FILE,
                         articles=articles)  # fmt: skip
    result = evaluate(gold, read_relations(out / EVENTS_FILE), articles=articles, corpus=corpus)
    baseline = evaluate(gold, read_relations(baseline_path), articles=articles) if baseline_file else None
    return result, baseline


def print_scores(name: str, folder: Path, result: Evaluation, baseline: Evaluation | None, *, per_root: bool) -> None:
    """One block per corpus: the views with the baseline's event score, per root if asked, the error classes."""
    print(f"== {name} ({folder})")
    print(f"{'view':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'sys':>5}")
    for view, score in result.views.items():
        row = f"{view:8} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {score.gold:5d} {score.system:5d}"
        if view == "event" and baseline:
            event = baseline.views["event"]
            row += f"   baseline P {event.precision:.3f} R {event.recall:.3f} F1 {event.f1:.3f}"
        print(row)
    if per_root:
        print(f"{'root':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'sys':>5}")
        for root, score in result.per_root.items():
            row = f"{root:8} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
            print(f"{row} {score.gold:5d} {score.system:5d}")
    for side, label in (("miss", "misses"), ("false positive", "false positives")):
        counts = result.error_counts(side)
        print(f"{label} ({sum(counts.values())}): " + ", ".join(f"{cls} {count}" for cls, count in counts.items()))
    for note in result.notes:
        print(f"note: {note}")
    print()


if __name__ == "__main__":
    sys.exit(main())
