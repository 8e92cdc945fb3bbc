"""Build benchmark: full builds against spaCy's parse alone, 1 vs N processes, Dask, and peak memory.

    .venv/bin/python benchmarks/corpus.py --articles 1000 --out /tmp/kg-corpus-1000 [--lang en]
    .venv/bin/python -u benchmarks/build_scale.py --corpus /tmp/kg-corpus-1000 --workers 1 2 [--dask] [--skip-parse]
        [--no-baseline] [--repeat 3]

Every run is a fresh process (tree) timed from start to end, its peak resident
memory summed over the process tree (sampled every 0.2 s with psutil):
- parse only: read the articles, load the same spaCy pipelines (with the actor
  ruler; one per language of the corpus), `nlp.pipe(texts, n_process=N,
  batch_size=8)`, nothing else;
- full build: `kg build CORPUS -o OUT --workers N` into a new folder (parse,
  actors, relations, store, summaries, TriG, HTML page);
- with --dask: `kg build --cluster local --workers 2`.
Both kinds of run pay the same fixed costs: a fresh interpreter, reading and
cleaning the articles (language identification included) and loading the model;
the build alone pays for importing the store, page and analysis libraries.
Reports words per second, the parse-only phases (reading and cleaning, model
load, `nlp.pipe`), and, over the medians of --repeat interleaved rounds (every
other round in reverse order), the ratio of full build to parse only (also
round by round: each build against the parse run beside it) and the speed-up
of N workers over the first.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", action="store_true", help="also a local Dask cluster of 2 workers")
    parser.add_argument("--skip-parse", action="store_true", help="skip the parse-only runs")
    parser.add_argument("--no-baseline", action="store_true", help="build with --no-baseline")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run every command this many times, interleaved, "
        "and compare medians (this machine's speed drifts by up to a quarter from one run to the next)",
    )
    parser.add_argument("--parse-only", type=int, help=argparse.SUPPRESS)  # internal: the measured child
    args = parser.parse_args()
    if args.parse_only:
        _parse_only(args.corpus, args.parse_only)
        return
    words = _words(args.corpus)
    print(json.dumps({"corpus": str(args.corpus), "articles": len(list(args.corpus.glob("*.txt"))), "words": words}))
    kg = str(Path(sys.executable).parent / "kg")
    lean = ["--no-baseline"] if args.no_baseline else []
    runs = []
    for workers in args.workers:
        if not args.skip_parse:
            child = [sys.executable, __file__, "--corpus", str(args.corpus), "--parse-only", str(workers)]
            runs.append((f"parse only, {workers} process(es)", child))
        runs.append((f"kg build --workers {workers} {' '.join(lean)}".strip(),
                     [kg, "build", str(args.corpus), "-o", "{out}", "--workers", str(workers), *lean]))  # fmt: skip
    if args.dask:
        dask = [kg, "build", str(args.corpus), "-o", "{out}", "--cluster", "local", "--workers", "2", *lean]
        runs.append((f"kg build --cluster local --workers 2 {' '.join(lean)}".strip(), dask))
    timings: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    rounds: list[dict[str, float]] = []
    for repeat in range(args.repeat):
        rounds.append({})
        # every other round in reverse order, so that a drift of the machine's speed weighs on both sides
        for name, command in runs if repeat % 2 == 0 else runs[::-1]:
            seconds, peak, phases = _measure(command)
            rounds[-1][name] = seconds
            timings.setdefault(name, []).append(seconds)
            cpu.setdefault(name, []).append(phases["cpu_s"])
            print(json.dumps({"run": name, "repeat": repeat + 1, "seconds": round(seconds, 1),
                              "words_per_s": round(words / seconds), "peak_rss_mb": round(peak / 2**20), **phases}),
                  flush=True)  # fmt: skip
    medians = {name: statistics.median(values) for name, values in timings.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    for name, seconds in medians.items():
        print(json.dumps({"median": name, "seconds": round(seconds, 1), "words_per_s": round(words / seconds),
                          "cpu_s": round(cpu_medians[name], 1)}))  # fmt: skip
    builds = {workers: _build_value(medians, workers) for workers in args.workers}
    for workers, build in builds.items():
        parse = medians.get(f"parse only, {workers} process(es)")
        build_cpu = _build_value(cpu_medians, workers)
        parse_cpu = cpu_medians.get(f"parse only, {workers} process(es)")
        if parse and build and parse_cpu and build_cpu:
            paired = [_build_value(times, workers) / times[f"parse only, {workers} process(es)"] for times in rounds]
            print(json.dumps({"workers": workers, "build_to_parse": round(build / parse, 3),
                              "build_to_parse_by_round": [round(ratio, 3) for ratio in paired],
                              "build_to_parse_median_of_rounds": round(statistics.median(paired), 3),
                              "build_to_parse_cpu": round(build_cpu / parse_cpu, 3)}))  # fmt: skip
    first = builds[args.workers[0]]
    for workers, build in list(builds.items())[1:]:
        if first and build:
            print(json.dumps({"workers": workers, "speedup_over": args.workers[0], "speedup": round(first / build, 2)}))


def _build_value(values: dict[str, float], workers: int) -> float | None:
    """The value of the `kg build --workers N` run among values by run name (medians, or one round's times)."""
    prefix = f"kg build --workers {workers}"
    return next((value for name, value in values.items() if name.startswith(prefix)), None)


def _measure(command: list[str]) -> tuple[float, int, dict[str, float]]:
    """Wall-clock seconds and peak resident memory of the command's process tree, and the phase timings the
    command printed as a JSON line last (the parse-only child does), with the CPU seconds (user and system) of
    the whole tree: steadier than wall-clock time on a shared machine."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = Path(tempfile.mkdtemp(prefix="kg-build-bench-"))
    command = [part.replace("{out}", str(out / "out")) for part in command]
    began = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(member.memory_info().rss for member in tree if member.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    seconds = time.perf_counter() - began
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
    shutil.rmtree(out, ignore_errors=True)
    last = (process.stdout.read().decode().strip().splitlines() or [""])[-1]  # type: ignore[union-attr]
    phases = json.loads(last) if last.startswith("{") else {}
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return seconds, peak, {"cpu_s": round(cpu, 1), **phases}


def _parse_only(corpus: Path, workers: int) -> None:
    from kg.ingest import read_articles
    from kg.lang import load_pack
    from kg.nlp import load_nlp
    from kg.records import Article
    from kg.resources import load_gazetteer

    began = time.perf_counter()
    articles = [article for article in read_articles([corpus]) if isinstance(article, Article)]
    read = time.perf_counter()
    languages = sorted({article.lang for article in articles if article.lang})
    models = {lang: load_nlp(load_pack(lang), load_gazetteer()) for lang in languages}  # each language's pipeline
    loaded = time.perf_counter()
    for lang, nlp in models.items():
        texts = (article.text for article in articles if article.lang == lang)
        for _ in nlp.pipe(texts, n_process=workers, batch_size=8):
            pass
    phases = {"read_s": read - began, "load_s": loaded - read, "pipe_s": time.perf_counter() - loaded}
    print(json.dumps({name: round(value, 1) for name, value in phases.items()}))


def _words(corpus: Path) -> int:
    from kg.ingest import read_articles
    from kg.records import Article

    return sum(len(article.text.split()) for article in read_articles([corpus]) if isinstance(article, Article))


if __name__ == "__main__":
    main()
