"""The `kg` command as users run it: exit codes, one-line errors, summaries, outputs kept safe."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import outputs
from kg.cli import main
from kg.errors import OutputError
from kg.exports import GDELT_COLUMNS

from helpers import confidence_article, run_kg, store_quads

ARTICLE = "L'Inde et le Japon\n\nLe Premier ministre indien a rencontré son homologue japonais à Tokyo.\n"


def test_cli_build_seeds_writes_outputs_and_summary(seeds_dir: Path, tmp_path: Path) -> None:
    result = run_kg("build", str(seeds_dir), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Read 5 article(s) (5 analysed, 0 unchanged); skipped 0 input(s)" in result.stdout
    assert str(tmp_path / "out" / "articles.jsonl") in result.stdout
    records = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert [record["id"][:3] for record in records] == ["000", "001", "002", "003", "004"]
    manifest = json.loads((tmp_path / "out" / "build.json").read_text())
    assert manifest["skipped"] == [] and len(manifest["articles"]) == 5


def test_cli_build_verbose_reports_removed_text(seeds_dir: Path, tmp_path: Path) -> None:
    result = run_kg("build", str(seeds_dir / "001_d0ea61830e1d00b3.txt"), "-o", str(tmp_path), "-v")
    assert result.returncode == 0
    assert "removed comments: 'Commentaires 6" in result.stderr
    assert "removed teaser: 'Lire aussiPoutine invite Kim Jong-un à Vladivostok'" in result.stderr


def test_cli_bad_input_is_one_line_and_the_rest_is_built(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "photo.png").write_bytes(b"\x89PNG\r\n")
    result = run_kg("build", str(tmp_path / "in"), str(tmp_path / "absent.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "Read 1 article(s) (1 analysed, 0 unchanged); skipped 3 input(s)" in result.stdout
    assert f"skipped {tmp_path / 'in' / 'empty.txt'}: empty file" in result.stdout
    assert f"skipped {tmp_path / 'absent.txt'}: no such file or folder" in result.stdout
    assert "unsupported file type '.png'" in result.stdout


def test_cli_strict_turns_a_skip_into_failure(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    result = run_kg(
        "build", str(tmp_path / "good.txt"), str(tmp_path / "bad.jsonl"), "-o", str(tmp_path / "out"), "--strict"
    )
    assert result.returncode == 1
    assert f"{tmp_path / 'bad.jsonl'}:1: not JSON" in result.stdout


def test_cli_failed_build_keeps_previous_outputs(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", str(tmp_path / "good.txt"), "-o", str(tmp_path / "out")]) == 0
    before = (tmp_path / "out" / "articles.jsonl").read_bytes()
    result = run_kg("build", str(tmp_path / "absent.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"skipped {tmp_path / 'absent.txt'}: no such file or folder",
        f"kg: error: no article could be read from the inputs (1 skipped); {tmp_path / 'out'} left as it was",
    ]
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == before
    assert not list((tmp_path / "out").glob("*.part"))


def test_cli_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", str(tmp_path / "good.txt"), "-o", str(tmp_path / "out")]) == 0
    before = (tmp_path / "out" / "articles.jsonl").read_bytes()
    files_before = sorted(path.name for path in (tmp_path / "out").iterdir())

    def interrupted(article: object) -> dict[str, object]:
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.pipeline.to_article_record", interrupted)
    # Changed, so read again (an unchanged file's record is the last build's, not made again).
    (tmp_path / "good.txt").write_text(ARTICLE + "\n" + ARTICLE, encoding="utf-8")
    assert main(["build", str(tmp_path / "good.txt"), "-o", str(tmp_path / "out")]) == 130
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == before
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == files_before  # no staging left behind


def test_cli_out_of_memory_is_one_line_and_keeps_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", str(tmp_path / "good.txt"), "-o", str(tmp_path / "out")]) == 0
    before = (tmp_path / "out" / "relations.jsonl").read_bytes()
    capsys.readouterr()

    def exhausted(article: object) -> dict[str, object]:
        raise MemoryError

    monkeypatch.setattr("kg.pipeline.to_article_record", exhausted)
    (tmp_path / "good.txt").write_text(ARTICLE + "\n" + ARTICLE, encoding="utf-8")
    assert main(["build", str(tmp_path / "good.txt"), "-o", str(tmp_path / "out")]) == 71
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "out of memory" in error and "internal error" not in error
    assert (tmp_path / "out" / "relations.jsonl").read_bytes() == before


def test_cli_outputs_are_world_readable(tmp_path: Path) -> None:
    with outputs.atomic_writer(tmp_path / "x.txt") as handle:
        handle.write("x")
    assert (tmp_path / "x.txt").stat().st_mode & 0o044 == 0o044


def test_cli_version_and_help() -> None:
    version = run_kg("--version")
    assert version.returncode == 0 and version.stdout.startswith("kg ")
    help_text = run_kg("--help")
    assert help_text.returncode == 0 and "build" in help_text.stdout


def test_cli_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "kg"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("kg ")


def test_cli_without_command_shows_help_and_fails() -> None:
    result = run_kg()
    assert result.returncode == 1 and "usage: kg" in result.stdout


def test_cli_export_events_min_confidence_leaves_relations_out(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    article, events = confidence_article()
    (tmp_path / "articles.jsonl").write_text(json.dumps(outputs.to_article_record(article)) + "\n", encoding="utf-8")
    lines = "".join(json.dumps(outputs.to_event_record(event)) + "\n" for event in events)
    (tmp_path / "relations.jsonl").write_text(lines, encoding="utf-8")

    def exported(*options: str) -> list[str]:
        assert main(["export", "events", str(tmp_path), *options]) == 0
        return capsys.readouterr().out.splitlines()

    def codes(*options: str) -> list[str]:
        return sorted(json.loads(line)["sub"] for line in exported(*options))

    assert codes() == codes("--min-confidence", "0") == ["036", "042", "043", "111"]
    assert codes("--min-confidence", "0.5") == ["036", "042", "043"]
    assert codes("--min-confidence", "0.9") == ["036", "043"]  # 0.9 itself reaches 0.9
    csv_rows = exported("--format", "csv", "--min-confidence", "0.7")
    assert len(csv_rows) == 3 and all(row.split(",")[10] in ("0.95", "0.9") for row in csv_rows[1:])
    gdelt = [dict(zip(GDELT_COLUMNS, row.split("\t"), strict=True)) for row in exported(
        "--format", "gdelt", "--min-confidence", "0.95")]  # fmt: skip
    assert [row["EventCode"] for row in gdelt] == ["036"]
    assert main(["export", "events", str(tmp_path), "--min-confidence", "0.7", "-o", str(tmp_path / "x.jsonl")]) == 0
    assert "Wrote 2 relation(s)" in capsys.readouterr().out
    assert len((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    with pytest.raises(SystemExit):
        main(["export", "events", str(tmp_path), "--min-confidence", "2"])
    assert "not a probability from 0 to 1" in capsys.readouterr().err


def test_cli_build_piped_into_a_reader_that_leaves_exits_zero(tmp_path: Path) -> None:
    """`kg build ... | head -1`: the reader goes away before the summary is all written; the build is done."""
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(tmp_path / "good.txt"), "-o", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert process.stdout is not None
    process.stdout.close()  # gone before the first line: every line of the summary meets a broken pipe
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr
    assert b"Traceback" not in stderr and b"Exception ignored" not in stderr and b"Broken pipe" not in stderr
    assert json.loads((out / "build.json").read_text(encoding="utf-8"))["articles"] == ["good"]


def test_cli_build_that_reads_no_article_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "good.txt"), "-o", str(out)]) == 0
    before = store_quads(out)  # the build's provenance included (prov:startedAtTime)
    assert main(["build", str(tmp_path / "empty.txt"), "-o", str(out)]) == 1
    assert store_quads(out) == before


def test_cli_full_disk_while_writing_the_reference_graphs_is_one_line_and_the_next_build_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import kg.store
    from kg.pipeline import build

    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    write_graph = kg.store.write_graph

    def disk_full(store: object, graph: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(kg.store, "write_graph", disk_full)
    assert main(["build", str(tmp_path / "good.txt"), "-o", str(out)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: error: {out / 'store'}: "), lines
    assert lines[0].endswith(os.strerror(errno.ENOSPC))
    # From Python (a notebook keeps the last error and its traceback): the failed build lets go of the store.
    with pytest.raises(OutputError, match=os.strerror(errno.ENOSPC)) as failure:
        build([tmp_path / "good.txt"], out)
    monkeypatch.setattr(kg.store, "write_graph", write_graph)
    assert build([tmp_path / "good.txt"], out).articles == ("good",)  # while the error (and its traceback) is kept
    assert str(failure.value).startswith(f"{out / 'store'}: ")
    # A store that cannot be opened for another cause than a lock is not blamed on another kg process.
    (tmp_path / "file").mkdir()
    (tmp_path / "file" / "store").write_text("not a store", encoding="utf-8")
    assert main(["build", str(tmp_path / "good.txt"), "-o", str(tmp_path / "file")]) == 1
    assert "another kg process" not in capsys.readouterr().err


def test_cli_format_choices_are_those_of_the_modules_that_own_them() -> None:
    import argparse

    from kg import cli, exports, query, store

    def choices(*path: str) -> object:
        parser = cli._parser()
        for name in path:
            action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
            parser = action.choices[name]
        return next(a for a in parser._actions if "--format" in a.option_strings).choices

    assert choices("export", "events") is exports.FORMATS
    assert choices("export", "graph") is store.EXPORT_FORMATS
    assert choices("query") is query.RESULT_FORMATS


def test_cli_analyze_unknown_mode_is_a_one_line_error(seeds_build: Path) -> None:
    result = run_kg("analyze", str(seeds_build), "--modes", "asserted,asertted")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "kg: error: unknown mode 'asertted': expected some of asserted, hypothetical, negated"
    ]
