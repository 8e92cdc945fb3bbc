"""Query answers as pandas DataFrames for notebook users: `kg.open(out).query_df(name_or_sparql, **params)`."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

import kg
from kg.errors import KgError
from kg.store import write_graph
from kg.store.model import article_to_graph

from helpers import confidence_article, reference_store, run_kg


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of one article: four relations among NOR, SWE, DNK and FIN, dated 2024-01-10."""
    folder = tmp_path_factory.mktemp("frames")
    store = reference_store(folder)
    article, relations = confidence_article()
    write_graph(store, article_to_graph(article, (), relations))
    store.flush()
    del store
    return folder


def test_query_df_types_each_column_from_its_values(small_build: Path) -> None:
    frame = kg.open(small_build).query_df(
        "SELECT ?relation ?source ?goldstein ?quad ?symmetric ?date ?text ?missing WHERE { GRAPH ?g { "
        "?relation kg:source ?source ; kg:goldstein ?goldstein ; kg:quadClass ?quad ; kg:symmetric ?symmetric ; "
        "kg:date ?date ; kg:evidence ?item . ?item kg:text ?text } } ORDER BY ?quad ?goldstein"
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
    assert list(frame.columns) == ["source", "target", "code", "label", "mode", "date", "evidence", "article"]
    assert sorted(frame["code"]) == ["036", "042"] and (frame["source"] == "actor:NOR").all()
    assert frame.equals(graph.query_df("relations_between", source=kg.actor("NOR"), target=kg.actor("SWE")))


def test_query_df_without_rows_keeps_its_columns(small_build: Path) -> None:
    frame = kg.open(small_build).query_df("partners", actor="USA")
    assert frame.empty and list(frame.columns) == ["actor", "partner", "outgoing", "incoming", "meanGoldsteinOut",
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
    assert dict(frame.dtypes.astype(str)) == {"actor": "string", "partner": "string", "outgoing": "Int64",
                                              "incoming": "Int64", "meanGoldsteinOut": "float64",
                                              "meanGoldsteinIn": "float64"}  # fmt: skip
    printed = run_kg("query", str(seeds_build), "partners", "--param", "actor=PRK", "--format", "csv")
    assert printed.returncode == 0, printed.stderr
    expected = pd.read_csv(io.StringIO(printed.stdout), dtype={"actor": "string", "partner": "string",
                                                               "outgoing": "Int64", "incoming": "Int64"})  # fmt: skip
    pd.testing.assert_frame_equal(frame, expected)
    assert len(frame) > 1
