"""Incremental build benchmark: a rebuild with nothing to do, and one with one changed article, against the full build.

    .venv/bin/python benchmarks/incremental.py --articles 100 [--repeat 3] [--workers 1]

Writes a synthetic corpus (`benchmarks/corpus.py`; its files dated an hour back,
as a corpus is when it is built again), then, each round in a new build folder,
times as users run them (`kg build CORPUS -o OUT`, a fresh process each):
- the full build;
- the no-op rebuild (nothing changed);
- the one-changed-article rebuild (a sentence of our own added to one article;
  the next round changes another).
Also times, in a fresh process, the load of the French pipeline (what a rebuild
that analyses anything pays before its first parse) and of lingua's language
models (loaded on first use: what a rebuild that cleans any article pays). Prints one JSON line a run,
then the medians and the rebuilds as fractions of the full build; the issue's
bars: no-op <= 3%, one changed article <= 10% plus the model's load time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

ADDED = "\n\nLa Norvège a vivement critiqué la Suède lors d'une réunion à Oslo.\n"
LOAD_MODELS = (
    "import time; from kg.lang import load_pack; from kg.nlp import load_nlp; from kg.resources import load_gazetteer; "
    "from kg.ingest.languages import find_other_language; "
    "gazetteer, pack = load_gazetteer(), load_pack('fr'); began = time.perf_counter(); load_nlp(pack, gazetteer); "
    "loaded = time.perf_counter(); "
    "find_other_language('Le ministre a rencontré hier ses homologues européens à Bruxelles.', 'fr'); "
    "print(loaded - began, time.perf_counter() - loaded)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kg-incremental-bench-"))
    try:
        corpus = folder / "corpus"
        words = write_corpus(corpus, args.articles, seed=args.seed)
        files = sorted(corpus.glob("*.txt"))
        _date_back(files)
        print(json.dumps({"articles": len(files), "words": words, "workers": args.workers}), flush=True)
        timings: dict[str, list[float]] = {}
        for repeat in range(args.repeat):
            out = folder / f"out-{repeat}"
            command = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "--workers", str(args.workers)]
            for name in ("full build", "no-op rebuild", "one changed article"):
                if name == "one changed article":
                    changed = files[repeat % len(files)]
                    with changed.open("a", encoding="utf-8") as handle:
                        handle.write(ADDED)
                seconds, summary = _run(command)
                timings.setdefault(name, []).append(seconds)
                print(json.dumps({"run": name, "repeat": repeat + 1, "seconds": round(seconds, 2), "kg": summary}),
                      flush=True)  # fmt: skip
            shutil.rmtree(out)
        for _ in range(args.repeat):
            spacy_load, lingua_load = _model_load()
            timings.setdefault("model load", []).append(spacy_load)
            timings.setdefault("language models load", []).append(lingua_load)
        medians = {name: statistics.median(values) for name, values in timings.items()}
        full = medians["full build"]
        print(json.dumps({"medians_s": {name: round(value, 2) for name, value in medians.items()}}))
        print(json.dumps({
            "no_op_fraction": round(medians["no-op rebuild"] / full, 4),
            "one_changed_fraction": round(medians["one changed article"] / full, 4),
            "one_changed_minus_model_load_fraction": round((medians["one changed article"] - medians["model load"])
                                                           / full, 4),
            "one_changed_minus_both_loads_fraction": round((medians["one changed article"] - medians["model load"]
                                                            - medians["language models load"]) / full, 4),
        }))  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _date_back(files: list[Path]) -> None:
    an_hour_ago = time.time_ns() - 3600 * 10**9
    for path in files:
        os.utime(path, ns=(an_hour_ago, an_hour_ago))


def _run(command: list[str]) -> tuple[float, str]:
    """Wall-clock seconds of the command, and the summary line it printed."""
    began = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr[-2000:]}")
    return seconds, (result.stdout.splitlines() or [""])[0]


def _model_load() -> tuple[float, float]:
    """Seconds to load the French spaCy pipeline, then lingua's language models (on their first use), in a fresh
    process: what a rebuild pays before it parses a changed article, or cleans one."""
    result = subprocess.run([sys.executable, "-c", LOAD_MODELS], capture_output=True, text=True, check=True)
    spacy_load, lingua_load = result.stdout.strip().splitlines()[-1].split()
    return float(spacy_load), float(lingua_load)


if __name__ == "__main__":
    main()
