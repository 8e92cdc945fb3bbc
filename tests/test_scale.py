"""Scale: the three build modes agree, builds are incremental and resumable, --prune removes what is gone."""

from __future__ import annotations

import gc
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from kg.cache import entry_name
from kg.errors import OutputError
from kg.pipeline import GRAPH_BATCH
from kg.store import open_store
from kg.vocab import KG

from helpers import run_kg, store_graphs, store_quads, trig_quads

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# Copies of the seeds for the kill-and-resume test: more articles than one batch of graphs holds (graphs go to
# the store every GRAPH_BATCH_SECONDS or GRAPH_BATCH articles), so that a batch is cached before the build ends however
# fast the machine analyses them (with fewer, a fast build could cache them all at once).
COPIES = GRAPH_BATCH // len(list(SEEDS.glob("*.txt"))) + 2


def manifest(out: Path) -> dict:
    return json.loads((out / "build.json").read_text(encoding="utf-8"))


def test_scale_process_pool_and_dask_give_the_same_graph(seeds_build: Path, tmp_path: Path) -> None:
    single = store_graphs(seeds_build)
    for mode, extra in (("pool", ["--workers", "2"]), ("dask", ["--cluster", "local", "--workers", "2"])):
        out = tmp_path / mode
        result = run_kg("build", str(SEEDS), "-o", str(out), *extra)
        assert result.returncode == 0, result.stderr
        assert "Scheduler at" not in result.stdout + result.stderr  # Dask's own logs stay quiet
        graphs = store_graphs(out)
        assert graphs.keys() == single.keys(), mode
        for name, graph in graphs.items():
            assert isomorphic(graph, single[name]), (mode, name)
        assert (out / "relations.jsonl").read_text() == (seeds_build / "relations.jsonl").read_text()


def test_scale_incremental_rebuild_touches_only_the_changed_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    assert run_kg("build", str(corpus), "-o", str(out)).returncode == 0
    before = store_graphs(out)
    assert manifest(out)["analysed"] == 5
    again = run_kg("build", str(corpus), "-o", str(out))
    assert again.returncode == 0 and "0 analysed, 5 unchanged" in again.stdout
    # Without the baseline nothing is analysed again, and no stale cooccurrence.jsonl is left behind.
    lean = run_kg("build", str(corpus), "-o", str(out), "--no-baseline")
    assert lean.returncode == 0 and "0 analysed, 5 unchanged" in lean.stdout
    assert not (out / "cooccurrence.jsonl").exists() and (out / "relations.jsonl").stat().st_size > 0
    changed = sorted(corpus.glob("*.txt"))[1]
    # a sentence in the body (at the end, it would be in the comments, which cleaning removes: no relation)
    sentence = "La Norvège a vivement critiqué la Suède mardi. "
    changed.write_text(changed.read_text(encoding="utf-8").replace("\n\n", "\n\n" + sentence, 1), encoding="utf-8")
    result = run_kg("build", str(corpus), "-o", str(out))
    assert result.returncode == 0 and "1 analysed, 4 unchanged" in result.stdout, result.stdout
    after = store_graphs(out)
    changed_graphs = [name for name in after if name not in before or not isomorphic(after[name], before[name])]
    article_graphs = [name for name in changed_graphs if "/graph/article/" in name]
    assert len(article_graphs) == 1 and changed.stem[:3] in article_graphs[0]
    derived = ("summaries", "actorTallies", "events", "gazetteer", "direct-edges", "actor-rankings")  # made again
    assert set(changed_graphs) <= {article_graphs[0], *[n for n in after if n.endswith(derived)]}
    assert any("critiqué la Suède" in str(term) for term in after[article_graphs[0]].objects())
    assert trig_quads(out / "graph.trig") == store_quads(out)  # the export made of kept pieces is the store
    # --prune: an article removed from the inputs leaves the store; without --prune it stays.
    removed = sorted(corpus.glob("*.txt"))[0]
    removed.unlink()
    assert run_kg("build", str(corpus), "-o", str(out)).returncode == 0
    assert len([n for n in store_graphs(out) if "/graph/article/" in n]) == 5
    pruned = run_kg("build", str(corpus), "-o", str(out), "--prune")
    assert pruned.returncode == 0 and "pruned " + removed.stem[:3] in pruned.stdout
    remaining = [n for n in store_graphs(out) if "/graph/article/" in n]
    assert len(remaining) == 4 and not any(removed.stem[:3] + "_" in n for n in remaining)
    assert manifest(out)["pruned"] and run_kg("validate", str(out)).returncode == 0


def test_scale_killed_build_resumes_without_duplicates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(COPIES):  # the seeds, and the seeds again under other names
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (corpus / f"{copy}{seed.name}").write_text(text if copy == 0 else text.replace("Russie", "la Russie", 1),
                                                       encoding="utf-8")  # fmt: skip
    total = COPIES * len(list(SEEDS.glob("*.txt")))
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list((out / "cache").glob("*.json"))) < 3:
        assert process.poll() is None, "the build ended before it could be killed"
        time.sleep(0.1)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done_before_kill = len(list((out / "cache").glob("*.json")))
    assert 3 <= done_before_kill < total
    result = run_kg("build", str(corpus), "-o", str(out))
    assert result.returncode == 0, result.stderr
    report = manifest(out)
    assert report["reused"] == done_before_kill and report["analysed"] == total - done_before_kill
    assert run_kg("validate", str(out)).returncode == 0
    assert not list(out.glob(".staging-*")), "the killed build's staging folder is cleaned up"
    relations = [json.loads(line) for line in (out / "relations.jsonl").open(encoding="utf-8")]
    store = open_store(out, read_only=True)
    count = store.query(f"SELECT (COUNT(?r) AS ?n) WHERE {{ GRAPH ?g {{ ?r <{KG.source}> ?s }} }}")
    assert int(next(iter(count))["n"].value) == len(relations)  # each relation once
    articles = store.query(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?a a <{KG.Article}> }} }}")
    assert int(next(iter(articles))["n"].value) == total
    del store
    assert trig_quads(out / "graph.trig") == store_quads(out)


def test_scale_failed_store_write_stops_the_build_and_the_next_build_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store is written on a thread of its own: a write that fails there still stops the build with a
    one-line error, the batches written before it stay (in the store and the cache), and the previous outputs
    are not replaced; the next build analyses only the articles that were not written."""
    import kg.store
    from kg import pipeline

    monkeypatch.setattr(pipeline, "GRAPH_BATCH", 2)
    write = kg.store.write_article_graphs
    batches: list[list[str]] = []

    def disk_full_on_second_batch(store: object, graphs: list[tuple[str, bytes]]) -> None:
        batches.append([article_id for article_id, _ in graphs])
        if len(batches) == 2:
            raise OSError(28, "No space left on device")
        write(store, graphs)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.store, "write_article_graphs", disk_full_on_second_batch)
    out = tmp_path / "out"
    with pytest.raises(OutputError, match="No space left on device") as failure:
        pipeline.build([SEEDS], out, baseline=False)
    message = str(failure.value)
    del failure  # its traceback holds the failed build's store open
    gc.collect()
    assert str(out / "store") in message and "\n" not in message
    assert len(batches) == 2  # nothing written after the failed batch
    assert {path.stem for path in (out / "cache").glob("*.json")} == {entry_name(key) for key in batches[0]}
    assert not (out / "relations.jsonl").exists() and not list(out.glob(".staging-*"))
    monkeypatch.setattr(kg.store, "write_article_graphs", write)
    report = pipeline.build([SEEDS], out, baseline=False)
    assert set(report.reused) == set(batches[0])
    assert len(report.analysed) == len(list(SEEDS.glob("*.txt"))) - len(batches[0])
    assert sorted(kg.store.article_ids_in_store(open_store(out, read_only=True))) == sorted(report.articles)
