"""Check, or write again, the example outputs README.md shows, from a real run of their commands on a build.

An example is a fenced block marked `console` whose first line is a `kg` command
(`$ kg query out partners --param actor=PRK`) and whose other lines are its
output: all of it, or its first lines and then a line `...`. Commands run with
`python -m kg`, the word `out` standing for the build folder given here, and a
console 120 columns wide.

    python scripts/readme_examples.py out            # check: lists the examples that differ, exit 1 if any
    python scripts/readme_examples.py out --update   # write the real outputs into README.md
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
WIDTH = 120  # columns of the console the examples are printed in
MORE = "..."  # the last line of an example that shows only the first lines of its output
_BLOCK = re.compile(r"^```console\n(\$ kg [^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Example:
    """One example of the README: its command, the output lines it shows, and whether more lines follow."""

    command: str
    shown: tuple[str, ...]
    truncated: bool
    span: tuple[int, int]  # where its output lines are in the README's text


def find_examples(text: str) -> list[Example]:
    """The examples of a README's text, in order."""
    examples = []
    for match in _BLOCK.finditer(text):
        lines = match.group(2).splitlines()
        truncated = bool(lines) and lines[-1] == MORE
        shown = tuple(lines[:-1] if truncated else lines)
        examples.append(Example(match.group(1)[2:], shown, truncated, match.span(2)))
    return examples


def run_example(command: str, out: Path) -> list[str]:
    """The output lines of an example's command run on the build `out` (right-stripped)."""
    words = [str(out) if word == "out" else word for word in shlex.split(command)[1:]]
    result = subprocess.run([sys.executable, "-m", "kg", *words], capture_output=True, text=True, timeout=600,
                            env={**os.environ, "COLUMNS": str(WIDTH)}, cwd=README.parent)  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"{command}: exit {result.returncode}: {result.stderr.strip()}")
    return [line.rstrip() for line in result.stdout.splitlines()]


def expected_lines(example: Example, output: list[str]) -> list[str]:
    """What the example should show: the whole output, or as many first lines as it shows."""
    return output[: len(example.shown)] if example.truncated else output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a build of seeds/ (kg build seeds -o OUT)")
    parser.add_argument("--update", action="store_true", help="write the real outputs into README.md")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    pieces, position, stale = [], 0, 0
    for example in find_examples(text):
        lines = expected_lines(example, run_example(example.command, args.out))
        if lines != list(example.shown):
            stale += 1
            print(f"differs: {example.command}")
        pieces += [text[position : example.span[0]], "\n".join([*lines, *([MORE] if example.truncated else [])])]
        pieces.append("\n")
        position = example.span[1]
    if args.update:
        README.write_text("".join([*pieces, text[position:]]), encoding="utf-8")
        print(f"README.md: {stale} example(s) written again")
        return 0
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
