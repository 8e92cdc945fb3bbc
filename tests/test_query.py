"""Named queries answer what their rows say: each relation with its own direction, actors named as users name them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.query import bind_parameters
from kg.vocab import actor_iri

from helpers import run_kg


def query_rows(out: Path, *args: str) -> list[dict[str, str]]:
    result = run_kg("query", str(out), *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_query_relations_between_gives_each_row_its_own_direction(seeds_build: Path) -> None:
    relations = [json.loads(line) for line in (seeds_build / "relations.jsonl").open(encoding="utf-8")]
    expected = {(r["source"], r["target"], r["sub"], r["mode"]) for r in relations
                if {r["source"], r["target"]} == {"RUS", "PRK"}}  # fmt: skip
    assert {source for source, *_ in expected} == {"RUS", "PRK"}, "the seeds relate the pair both ways"
    rows = query_rows(seeds_build, "relations_between", "--param", "source=RUS", "--param", "target=PRK")
    found = {(row["from"].removeprefix("actor:"), row["to"].removeprefix("actor:"), row["code"], row["mode"])
             for row in rows}  # fmt: skip
    assert found == expected


def test_query_dyad_timeline_gives_each_row_its_own_direction(seeds_build: Path) -> None:
    rows = query_rows(seeds_build, "dyad_timeline", "--param", "source=PRK", "--param", "target=RUS")
    assert {(row["from"], row["to"]) for row in rows} == {("actor:RUS", "actor:PRK"), ("actor:PRK", "actor:RUS")}


@pytest.mark.parametrize("value", ["RUS", "rus", "Rus", "Russia", "russie", "Russie", "Moscou", "Fédération de Russie"])
def test_query_actor_parameters_take_codes_in_any_case_and_gazetteer_names(value: str) -> None:
    assert bind_parameters({"source": value}, expected=("source",)) == {"source": actor_iri("RUS")}


def test_query_person_codes_and_names_resolve_to_the_person() -> None:
    assert bind_parameters({"actor": "Vladimir-Putin"})["actor"] == actor_iri("vladimir-putin")
    assert bind_parameters({"actor": "Vladimir Poutine"})["actor"] == actor_iri("vladimir-putin")


def test_query_unknown_actor_is_an_error_suggesting_the_nearest_codes() -> None:
    with pytest.raises(KgError, match=r"not an actor code.*RUS") as caught:
        bind_parameters({"source": "Rusia"}, expected=("source",))
    assert "\n" not in str(caught.value)


def test_query_cli_lower_case_code_answers_and_unknown_one_fails(seeds_build: Path) -> None:
    upper = query_rows(seeds_build, "partners", "--param", "actor=PRK")
    assert upper and query_rows(seeds_build, "partners", "--param", "actor=prk") == upper
    assert query_rows(seeds_build, "partners", "--param", "actor=North Korea") == upper
    unknown = run_kg("query", str(seeds_build), "partners", "--param", "actor=Narnia")
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1 and "did you mean" in unknown.stderr
