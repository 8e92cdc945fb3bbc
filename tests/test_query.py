"""Named queries answer what their rows say: each relation with its own direction, actors named as users name them;
and query answers as pandas DataFrames for notebook users: `kg.open(out).query_df(name_or_sparql, **params)`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

import kg
from kg.errors import KgError
from kg.query import bind_parameters
from kg.store import write_graph
from kg.store.model import article_to_graph
from kg.vocab import actor_iri

from helpers import confidence_article, reference_store, run_kg


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


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of one article: four relations among NOR, SWE, DNK and FIN, dated 2024-01-10."""
    folder = tmp_path_factory.mktemp("frames")
    store = reference_store(folder)
    article, relations = confidence_article()
    write_graph(store, article_to_graph(article, relations))
    store.flush()
    del store
    return folder


def test_query_df_types_each_column_from_its_values(small_build: Path) -> None:
    frame = kg.open(small_build).query_df(
        "SELECT ?relation ?source ?goldstein ?quad ?symmetric ?date ?text ?missing WHERE { GRAPH ?g { "
        "?relation kg:source ?source ; kg:eventType ?type ; kg:date ?date ; kg:evidence ?item . ?item kg:text ?text "
        "OPTIONAL { ?relation kg:symmetric ?stated } BIND(COALESCE(?stated, false) AS ?symmetric) } "
        "{ ?type kg:goldstein ?goldstein ; "
        "kg:quadClass ?quad } } ORDER BY ?quad ?goldstein"
    )
    assert list(frame.columns) == ["relation", "source", "goldstein", "quad", "symmetric", "date", "text", "missing"]
    assert dict(frame.dtypes.astype(str)) == {
        "relation": "string", "source": "string", "goldstein": "float64", "quad": "Int64", "symmetric": "boolean",
        "date": "datetime64[ns]", "text": "string", "missing": "string"}  # fmt: skip
    assert len(frame) == 4 and frame["missing"].isna().all()
    assert set(frame["source"]) == {"actor:NOR", "actor:DNK", "actor:FIN"}  # shortened as kg query prints them
    assert (frame["date"] == pd.Timestamp("2024-01-10")).all() and frame["goldstein"].sum() == pytest.approx(
        sum(relation.goldstein for relation in confidence_article()[1]))  # fmt: skip
    assert frame["quad"].tolist() == sorted(relation.quadclass for relation in confidence_article()[1])


def test_query_df_named_query_takes_parameters_as_kg_query_does(small_build: Path) -> None:
    graph = kg.open(small_build)
    frame = graph.query_df("relations_between", source="NOR", target="SWE")
    assert list(frame.columns) == ["from", "to", "symmetric", "code", "label", "mode", "date", "evidence", "article"]
    assert sorted(frame["code"]) == ["036", "042"]
    assert set(zip(frame["from"], frame["to"], strict=True)) <= {("actor:NOR", "actor:SWE"), ("actor:SWE", "actor:NOR")}
    assert frame.equals(graph.query_df("relations_between", source=kg.actor("NOR"), target=kg.actor("SWE")))


def test_query_df_without_rows_keeps_its_columns(small_build: Path) -> None:
    frame = kg.open(small_build).query_df("partners", actor="USA")
    assert frame.empty and list(frame.columns) == ["partner", "outgoing", "incoming", "meanGoldsteinOut",
                                                   "meanGoldsteinIn"]  # fmt: skip


def test_query_df_errors_are_one_line(small_build: Path) -> None:
    graph = kg.open(small_build)
    with pytest.raises(KgError, match="no named query 'partenaires'"):
        graph.query_df("partenaires")
    with pytest.raises(KgError, match=r"missing parameter.*actor"):
        graph.query_df("partners")
    with pytest.raises(KgError, match="SELECT"):
        graph.query_df("ASK { ?s ?p ?o }")


@pytest.mark.model
def test_query_df_of_the_seeds_is_what_kg_query_writes_as_csv(seeds_build: Path) -> None:
    frame = kg.open(seeds_build).query_df("partners", actor="PRK")
    assert dict(frame.dtypes.astype(str)) == {"partner": "string", "outgoing": "Int64", "incoming": "Int64",
                                              "meanGoldsteinOut": "float64", "meanGoldsteinIn": "float64"}  # fmt: skip
    printed = run_kg("query", str(seeds_build), "partners", "--param", "actor=PRK", "--format", "csv")
    assert printed.returncode == 0, printed.stderr
    expected = pd.read_csv(io.StringIO(printed.stdout), dtype={"partner": "string", "outgoing": "Int64",
                                                               "incoming": "Int64"})  # fmt: skip
    pd.testing.assert_frame_equal(frame, expected)
    assert len(frame) > 1
