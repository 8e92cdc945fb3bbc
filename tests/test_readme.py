"""What the README shows users is what the tool does: its example outputs, figures and wording, checked against
real runs on the seeds (the figures are read from the README, never copied here)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_examples():
    """The script that checks and writes the README's examples (scripts/readme_examples.py)."""
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "scripts" / "readme_examples.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_readme_example_outputs_are_those_of_real_runs(seeds_build: Path) -> None:
    script = readme_examples()
    examples = script.find_examples(README)
    commands = " ".join(example.command for example in examples)
    for shown in ("relations_between", "partners", "actor_ranking", "kg analyze", "kg evaluate"):
        assert shown in commands, f"the README shows {shown}"
    for example in examples:
        output = script.run_example(example.command, seeds_build)
        assert example.shown, example.command
        assert list(example.shown) == script.expected_lines(example, output), (
            f"README example differs from a real run: {example.command} "
            f"(python scripts/readme_examples.py OUT --update writes it again)"
        )


def test_readme_seeds_scores_are_those_of_kg_evaluate(seeds_build: Path) -> None:
    row = re.search(r"^\| seeds \(5 articles\) \|(.+)\|$", README, re.MULTILINE)
    assert row, "the README's table of extraction scores has a row for the seeds"
    shown = [float(cell) for cell in row.group(1).split("|")]
    gold = ROOT / "tests" / "gold" / "seeds.jsonl"
    result = subprocess.run([sys.executable, "-m", "kg", "evaluate", str(gold), "--out", str(seeds_build), "--json"],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    scores = json.loads(result.stdout)
    event = scores["event"]
    real = [event["precision"], event["recall"], event["f1"], scores["dyad"]["f1"], scores["quad"]["f1"],
            scores["baseline"]["event"]["f1"]]  # fmt: skip
    assert shown == real


def test_readme_defines_each_measure_as_the_analysis_does() -> None:
    from kg.analysis import MEASURES

    for measure in MEASURES:
        assert f"| `{measure.column}` | {measure.title} | {measure.definition} |" in README, measure.column


def test_readme_and_build_help_give_the_same_cost_of_the_baseline() -> None:
    from kg.cli import _parser

    build = next(action for action in _parser()._subparsers._group_actions[0].choices["build"]._actions  # type: ignore[union-attr]
                 if action.dest == "baseline")  # fmt: skip
    cost = build.help.replace("%%", "%").split(": ", 1)[1]
    assert cost in " ".join(README.split())
