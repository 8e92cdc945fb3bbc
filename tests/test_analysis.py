"""Network analysis: the projection from the store, every measure checked against values worked out by hand,
`kg analyze` and the notebook."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from dataclasses import replace
from fractions import Fraction
from itertools import combinations
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pandas as pd
import pytest

from kg import analysis
from kg import open as kg_open
from kg.errors import KgError
from kg.records import Article, Evidence, Mode, TextPiece
from kg.store import (
    KnowledgeGraph,
    article_dyads,
    article_ids_in_store,
    refresh_summaries,
    remove_article_graph,
    write_article_graphs,
    write_graph,
)
from kg.store.model import article_to_graph, article_to_trig

from helpers import coded_event, confidence_store, model_corpus, model_store, reference_store

ROOT = Path(__file__).resolve().parent.parent

# --- hand-built graphs --------------------------------------------------------------------------------------------


def relation(graph: nx.MultiDiGraph, source: str, target: str, *, quad: int = 1, goldstein: float = 1.0,
             date: str = "", symmetric: bool = False) -> None:  # fmt: skip
    """Add one relation the way the projection does (both directions when symmetric)."""
    key = f"r{graph.number_of_edges()}"
    for node in (source, target):
        graph.add_node(node, label=node.title(), kind="state")
    data = {"code": "040", "root": "04", "quadclass": quad, "goldstein": goldstein, "mode": "asserted",
            "symmetric": symmetric, "date": date, "precision": "", "confidence": 1.0, "article": "a",
            "evidence": 1}  # fmt: skip
    graph.add_edge(source, target, key=key, reversed=False, **data)
    if symmetric:
        graph.add_edge(target, source, key=key, reversed=True, **data)


def build(*relations: tuple[str, str] | tuple[str, str, dict]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for item in relations:
        relation(graph, item[0], item[1], **(item[2] if len(item) > 2 else {}))  # type: ignore[misc]
    return graph


def test_analysis_degree_and_strength_count_partners_and_relations() -> None:
    graph = build(("a", "b"), ("a", "b"), ("a", "b"), ("b", "a"), ("b", "c"))
    degree = analysis.degree(graph)
    assert degree.loc["b"].to_dict() | {} == {"label": "B", "in": 1, "out": 2, "total": 2}  # partners a and c
    assert list(degree.index) == ["b", "a", "c"]  # sorted by total, highest first
    strength = analysis.strength(graph)
    assert (strength.loc["a", "out"], strength.loc["a", "in"], strength.loc["a", "total"]) == (3, 1, 4)
    assert (strength.loc["c", "in"], strength.loc["c", "total"]) == (1, 1)


def test_analysis_relations_count_a_symmetric_relation_once_and_partners_once() -> None:
    graph = build(("a", "b", {"symmetric": True}), ("a", "b"), ("c", "a"), ("b", "a"))
    relations = analysis.relations(graph)
    assert relations.loc["a", ["out", "in", "symmetric", "total"]].tolist() == [1, 2, 1, 4]
    assert analysis.degree(graph).loc["a", "total"] == 2  # b (both ways) and c
    assert analysis.strength(graph).loc["a", "total"] == 4  # the weighted degree by relations is the count
    table = analysis.centrality_table(graph)
    assert (table.loc["a", "relations"], table.loc["a", "partners"], table.loc["b", "relations"]) == (4, 2, 3)
    assert {measure.column for measure in analysis.MEASURES} == set(table.columns) - {"label", "kind"}


def test_analysis_betweenness_and_closeness_on_a_path() -> None:
    graph = build(("a", "b"), ("b", "c"))
    # Directed a -> b -> c: b is on the only path between two others, out of (n-1)(n-2) = 2 ordered pairs.
    assert analysis.betweenness(graph)["betweenness"].to_dict() == {"b": 0.5, "a": 0.0, "c": 0.0}
    # Undirected, distance 1 per relation: a reaches b at 1 and c at 2, so (n-1) / 3 = 2/3; b: 2 / 2 = 1.
    closeness = analysis.closeness(graph)["closeness"]
    assert closeness["b"] == 1.0 and closeness["a"] == pytest.approx(2 / 3, abs=1e-6)


def test_analysis_more_relations_make_actors_closer() -> None:
    graph = build(("a", "b"), ("a", "b"), ("b", "c"))  # distance a-b is 1/2
    closeness = analysis.closeness(graph)["closeness"]
    assert closeness["a"] == pytest.approx(2 / (0.5 + 1.5), abs=1e-6)
    assert closeness["c"] == pytest.approx(2 / (1 + 1.5), abs=1e-6)


def test_analysis_eigenvector_of_a_star() -> None:
    graph = build(("x", "a"), ("b", "x"), ("x", "c"))
    values = analysis.eigenvector(graph)["eigenvector"]
    # The adjacency matrix of a star with three leaves has leading eigenvalue sqrt(3); its unit eigenvector
    # gives the centre 1/sqrt(2) and each leaf 1/sqrt(6).
    assert values["x"] == pytest.approx(1 / math.sqrt(2), abs=1e-5)
    assert values["a"] == pytest.approx(1 / math.sqrt(6), abs=1e-5)
    # Disconnected: the component with the largest eigenvalue (the star, sqrt(3) > 1) takes the weight.
    apart = analysis.eigenvector(build(("x", "a"), ("b", "x"), ("x", "c"), ("p", "q")))["eigenvector"]
    assert apart["x"] == pytest.approx(1 / math.sqrt(2), abs=1e-5) and apart["p"] == pytest.approx(0, abs=1e-6)
    two = analysis.eigenvector(build(("a", "b")))["eigenvector"]
    assert two["a"] == pytest.approx(1 / math.sqrt(2), abs=1e-6)


def test_analysis_pagerank_with_a_dangling_actor() -> None:
    values = analysis.pagerank(build(("a", "b")))["pagerank"]
    # p_a = 0.15/2 + 0.85 p_b/2 (b's rank is spread evenly, as b acts on no one), p_a + p_b = 1: p_a = 0.5/1.425.
    assert values["a"] == pytest.approx(0.5 / 1.425, abs=1e-5)
    assert values["b"] == pytest.approx(1 - 0.5 / 1.425, abs=1e-5)
    assert list(values.index) == ["b", "a"]


def test_analysis_centrality_table_has_every_measure() -> None:
    table = analysis.centrality_table(build(("a", "b"), ("b", "c"), ("c", "a"), ("a", "c")))
    measures = {"relations", "partners", "betweenness", "closeness", "eigenvector", "pagerank", "label"}
    assert measures <= set(table.columns)
    assert table.index[0] in {"a", "c"} and table.loc["a", "relations"] == 3
    assert analysis.centrality_table(nx.MultiDiGraph()).empty


def test_analysis_symmetric_relations_count_once_undirected() -> None:
    graph = build(("a", "b", {"symmetric": True}))
    assert graph.number_of_edges() == 2
    directed = analysis.to_weighted_graph(graph)
    assert directed["a"]["b"]["count"] == 1 and directed["b"]["a"]["count"] == 1
    undirected = analysis.to_weighted_graph(graph, directed=False)
    assert undirected["a"]["b"]["count"] == 1


def test_analysis_weighted_graph_and_dyads() -> None:
    graph = build(("a", "b", {"quad": 1, "goldstein": 3.0, "date": "2022-03"}),
                  ("a", "b", {"quad": 4, "goldstein": -9.0, "date": "2021"}),
                  ("b", "a", {"quad": 3, "goldstein": -2.0}))  # fmt: skip
    weighted = analysis.to_weighted_graph(graph, weight="signed")
    edge = weighted["a"]["b"]
    assert (edge["count"], edge["cooperation"], edge["conflict"], edge["signed"], edge["weight"]) == (2, 1, 1, 0, 0)
    assert (edge["goldstein_sum"], edge["goldstein_mean"], edge["distance"]) == (-6.0, -3.0, 0.5)
    assert (edge["first_date"], edge["last_date"]) == ("2021", "2022-03")
    with pytest.raises(KgError, match="unknown weight"):
        analysis.to_weighted_graph(graph, weight="nonsense")
    dyads = analysis.dyads(graph)
    first = dyads.iloc[0]
    assert (first["source"], first["target"], first["relations"], first["balance"]) == ("a", "b", 2, 0.0)
    assert (first["material_conflict"], first["verbal_cooperation"]) == (1, 1)
    pair = analysis.dyads(graph, directed=False).iloc[0]
    assert (pair["actor_a"], pair["actor_b"], pair["relations"], pair["conflict"]) == ("a", "b", 3, 2)
    assert pair["balance"] == pytest.approx(-1 / 3, abs=1e-3)


def test_analysis_dyad_timeline_places_months_not_years() -> None:
    graph = build(("a", "b", {"date": "2022-03-05"}), ("b", "a", {"date": "2022-03-20", "quad": 4, "goldstein": -4}),
                  ("a", "b", {"date": "2022-04"}), ("a", "b", {"date": "2022"}),
                  ("a", "c", {"date": "2022-03-01"}))  # fmt: skip
    timeline = analysis.dyad_timeline(graph, "a", "b")
    assert timeline[["month", "relations", "cooperation", "conflict"]].values.tolist() == [
        ["2022-03", 2, 1, 1], ["2022-04", 1, 1, 0]]  # fmt: skip
    assert timeline.iloc[0]["goldstein_mean"] == -1.5
    assert len(analysis.dyad_timeline(graph)) == 3  # a-b in two months, a-c in one
    assert analysis.dyad_timeline(graph, "b", "a", directed=True)["relations"].tolist() == [1]


def test_analysis_blocs_are_cooperation_communities() -> None:
    friends = [(x, y) for group in (("a", "b", "c"), ("d", "e", "f")) for x, y in
               ((group[0], group[1]), (group[1], group[2]), (group[0], group[2]))]  # fmt: skip
    graph = build(*friends, ("a", "d", {"quad": 4, "goldstein": -10}), ("c", "f", {"quad": 3, "goldstein": -2}),
                  ("g", "a", {"quad": 4, "goldstein": -8}))  # fmt: skip
    blocs = analysis.blocs(graph)
    groups = blocs.groupby("bloc").groups
    assert sorted(sorted(members) for members in groups.values()) == [["a", "b", "c"], ["d", "e", "f"], ["g"]]
    assert blocs.loc["g", "bloc_size"] == 1 and blocs.loc["g", "bloc"] == 2  # largest blocs first


def test_analysis_balance_triads() -> None:
    graph = build(("n", "r", {"quad": 1}), ("r", "c", {"quad": 2}), ("n", "c", {"quad": 1}),  # +++ balanced
                  ("s", "j", {"quad": 1}), ("n", "s", {"quad": 4}), ("n", "j", {"quad": 3}),  # +-- balanced
                  ("r", "s", {"quad": 1}),  # with n-s negative and n-r positive: r, n, s is ++- unbalanced
                  ("c", "j", {"quad": 1}), ("c", "j", {"quad": 3}))  # ambivalent: no signed edge  # fmt: skip
    triads = analysis.balance_triads(graph)
    found = {(row.a, row.b, row.c): (row.pattern, row.balanced) for row in triads.itertuples()}
    assert found == {("c", "n", "r"): ("+++", True), ("j", "n", "s"): ("+--", True), ("n", "r", "s"): ("++-", False)}
    assert list(triads["balanced"]) == [True, True, False]
    assert len(analysis.balance_triads(graph, among=["n", "r", "c"])) == 1
    incomplete = analysis.triad_signs(graph, "c", "j", "n")
    assert (incomplete["sign_ab"], incomplete["status"]) == (0, "incomplete")
    assert analysis.triad_signs(graph, "n", "r", "s")["status"] == "unbalanced"


def _random_relations(seed: int, *, actors: int, relations: int) -> nx.MultiDiGraph:
    """A seeded random graph: `relations` relations among `actors` actors, of any QuadClass."""
    rng = random.Random(seed)
    names = [f"n{number:02d}" for number in range(actors)]
    pairs = [tuple(rng.sample(names, 2)) for _ in range(relations)] if actors > 1 else []
    graph = build(*((source, target, {"quad": rng.randint(1, 4)}) for source, target in pairs))
    graph.add_nodes_from((name, {"label": name.title(), "kind": "state"}) for name in names)
    return graph


def test_analysis_betweenness_and_closeness_equal_networkx_in_exact_arithmetic() -> None:
    # igraph computes them; networkx, given the distances as fractions (exact sums: no float tie lost), is the
    # reference, on graphs with several relations a pair (distances 1, 1/2, 1/3...) and isolated actors.
    for seed in range(60):
        graph = _random_relations(seed, actors=seed % 12, relations=3 * seed % 47)
        directed = analysis.to_weighted_graph(graph)
        undirected = analysis.to_weighted_graph(graph, directed=False)
        for dyads in (directed, undirected):
            for _, _, data in dyads.edges(data=True):
                data["exact"] = Fraction(1, data["count"])
        expected = {node: round(float(value), 6)
                    for node, value in nx.betweenness_centrality(directed, weight="exact").items()}  # fmt: skip
        assert analysis.betweenness(graph)["betweenness"].to_dict() == pytest.approx(expected, abs=1e-6), seed
        expected = {node: round(float(value), 6)
                    for node, value in nx.closeness_centrality(undirected, distance="exact").items()}  # fmt: skip
        assert analysis.closeness(graph)["closeness"].to_dict() == pytest.approx(expected, abs=1e-6), seed


def test_analysis_balance_triads_are_every_closed_signed_triad_in_order() -> None:
    # Against the definition, triple by triple: every three actors whose three pairs lean one way, balanced first.
    for seed in range(40):
        graph = _random_relations(seed, actors=3 + seed % 9, relations=2 * seed)
        signed = analysis.signed_graph(graph)
        expected = []
        for a, b, c in combinations(sorted(signed), 3):
            if signed.has_edge(a, b) and signed.has_edge(b, c) and signed.has_edge(a, c):
                signs = [signed.edges[x, y]["sign"] for x, y in ((a, b), (b, c), (a, c))]
                expected.append((math.prod(signs) < 0, a, b, c, *signs))
        triads = analysis.balance_triads(graph)
        found = [(not row.balanced, row.a, row.b, row.c, row.sign_ab, row.sign_bc, row.sign_ac)
                 for row in triads.itertuples()]  # fmt: skip
        assert found == sorted(expected), seed
        for row in triads.itertuples():
            assert row.pattern == "".join(sorted("+" if sign > 0 else "-" for sign in row[4:7]))
            assert row.labels == " – ".join(name.title() for name in row[1:4])


def test_analysis_empty_graph_gives_empty_tables() -> None:
    empty = nx.MultiDiGraph()
    for frame in (analysis.degree(empty), analysis.pagerank(empty), analysis.betweenness(empty),
                  analysis.eigenvector(empty), analysis.dyads(empty), analysis.blocs(empty),
                  analysis.balance_triads(empty), analysis.dyad_timeline(empty)):  # fmt: skip
        assert frame.empty


# --- the projection from a store -------------------------------------------------------------------------------


def small_store(tmp_path: Path) -> KnowledgeGraph:
    """A store written through the project's model from relations made up for the test (no parser)."""
    store = reference_store(tmp_path)
    text = "Titre\n\nUne phrase. Une autre phrase. Encore une.\n"
    article = Article("t1", "t1.txt", "Titre", text, text, (TextPiece(0, len(text), 0, len(text)),), lang="fr")
    rows = [
        ("RUS", "SWE", "vladimir-putin", "SWE", "111", Mode.ASSERTED, False, "2022-03-04"),
        ("SWE", "NOR", "SWE", "NOR", "036", Mode.HYPOTHETICAL, False, "2022-05"),
        ("NOR", "DNK", "NOR", "DNK", "040", Mode.ASSERTED, True, "2021"),
        ("DNK", "SWE", "DNK", "SWE", "172", Mode.NEGATED, False, None),
    ]
    events = [
        coded_event("t1", source, target, sub, Evidence("Une phrase.", 7, 18, "phrase", 11, 17, index), mode=mode,
                    symmetric=symmetric, date=date, source_actor=source_actor, target_actor=target_actor)
        for index, (source, target, source_actor, target_actor, sub, mode, symmetric, date) in enumerate(rows)
    ]  # fmt: skip
    write_graph(store, article_to_graph(article, events))
    return KnowledgeGraph(tmp_path, store)


def test_analysis_projection_from_a_store_with_filters(tmp_path: Path) -> None:
    graph = small_store(tmp_path)
    asserted = analysis.to_actor_graph(graph)
    edges = sorted((s, t, d["code"], d["reversed"]) for s, t, d in asserted.edges(data=True))
    assert edges == [("DNK", "NOR", "040", True), ("NOR", "DNK", "040", False), ("RUS", "SWE", "111", False)]
    assert asserted.nodes["NOR"]["label"] == "Norvège" and asserted.nodes["NOR"]["qid"] == "Q20"
    assert asserted.nodes["NOR"]["kind"] == "state"
    one = next(data for _, _, data in asserted.edges(data=True) if data["code"] == "111")
    assert (one["quadclass"], one["goldstein"], one["date"], one["evidence"], one["article"]) == (
        3,
        -2.0,
        "2022-03-04",
        1,
        "t1",
    )
    every = analysis.to_actor_graph(graph, modes=analysis.MODES)
    assert every.number_of_edges() == 5
    assert analysis.to_actor_graph(graph, modes=["hypothetical"], roots=[3]).number_of_edges() == 1
    assert analysis.to_actor_graph(graph, roots=["11"]).number_of_edges() == 1
    # A window keeps dated relations that overlap it: "2021" overlaps 2021-06; the undated one is left out.
    window = analysis.to_actor_graph(graph, modes=analysis.MODES, since="2021-06", until="2022-03-31")
    assert sorted(d["code"] for _, _, d in window.edges(data=True) if not d["reversed"]) == ["040", "111"]
    assert analysis.to_actor_graph(graph, since="2022-04").number_of_edges() == 0
    actor_level = analysis.to_actor_graph(graph, level="actor")
    assert ("vladimir-putin", "SWE") in actor_level.edges() and ("RUS", "SWE") not in actor_level.edges()
    putin = actor_level.nodes["vladimir-putin"]
    assert (putin["kind"], putin["state"], putin["qid"], putin["label"]) == (
        "person",
        "RUS",
        "Q7747",
        "Vladimir Poutine",
    )
    with pytest.raises(KgError, match="unknown level"):
        analysis.to_actor_graph(graph, level="city")
    with pytest.raises(KgError, match="bad date"):
        analysis.to_actor_graph(graph, since="March")
    with pytest.raises(KgError, match="unknown CAMEO root"):
        analysis.to_actor_graph(graph, roots=["21"])


def test_analysis_projection_leaves_out_relations_below_min_confidence(tmp_path: Path) -> None:
    graph = KnowledgeGraph(tmp_path, confidence_store(tmp_path))

    def codes(**options: float) -> list[str]:
        projection = analysis.to_actor_graph(graph, **options)
        return sorted(data["code"] for _, _, data in projection.edges(data=True))

    assert codes() == codes(min_confidence=0) == ["036", "042", "043", "111"]  # the default keeps every one
    assert codes(min_confidence=0.5) == ["036", "042", "043"]
    assert codes(min_confidence=0.9) == ["036", "043"]  # 0.9 itself reaches 0.9
    assert codes(min_confidence=0.95) == ["036"]
    projection = analysis.to_actor_graph(graph, min_confidence=0.5)
    assert "DNK" not in projection and projection.graph["min_confidence"] == 0.5
    assert [data["confidence"] for _, _, data in projection.edges("FIN", data=True)] == [0.9]
    for bad in (-0.1, 1.5):
        with pytest.raises(KgError, match="minimum confidence"):
            analysis.to_actor_graph(graph, min_confidence=bad)


def test_analysis_cli_min_confidence_leaves_relations_out(tmp_path: Path) -> None:
    from kg.cli import main

    store = confidence_store(tmp_path)
    store.flush()
    del store  # the command opens the store itself

    def analysed(*options: str) -> tuple[list[str], set[str]]:
        folder = tmp_path / "analysis"
        assert main(["analyze", str(tmp_path), "-o", str(folder), "--actors", "NOR,SWE", *options]) == 0
        relations = nx.read_graphml(folder / "relations.graphml")
        return sorted(data["code"] for _, _, data in relations.edges(data=True)), set(relations)

    assert analysed() == (["036", "042", "043", "111"], {"NOR", "SWE", "DNK", "FIN"})
    assert analysed("--min-confidence", "0.5") == (["036", "042", "043"], {"NOR", "SWE", "FIN"})
    assert analysed("--min-confidence", "0.9") == (["036", "043"], {"NOR", "SWE", "FIN"})
    for bad in ("1.5", "high", "nan"):
        with pytest.raises(SystemExit):
            main(["analyze", str(tmp_path), "--min-confidence", bad])


def test_analysis_projection_of_the_seeds_matches_their_relations(seeds_build: Path) -> None:
    import kg

    relations = [json.loads(line) for line in (seeds_build / "relations.jsonl").open(encoding="utf-8")]
    with kg.open(seeds_build) as graph:
        projection = analysis.to_actor_graph(graph, modes=analysis.MODES)
        people = analysis.to_actor_graph(graph, level="actor")
    for article in sorted({relation["article"] for relation in relations}):
        expected = sorted((r["source"], r["target"], r["sub"]) for r in relations
                          if r["article"] == article and r["source"] != r["target"])  # fmt: skip
        found = sorted((s, t, d["code"]) for s, t, d in projection.edges(data=True)
                       if d["article"] == article and not d["reversed"])  # fmt: skip
        assert found == expected, article
    # The seeds are about Russia and North Korea: both are there, labelled, linked to Wikidata, and related.
    assert projection.nodes["RUS"]["qid"] == "Q159" and projection.nodes["PRK"]["label"] == "Corée du Nord"
    assert projection.number_of_edges("RUS", "PRK") > 0 and projection.number_of_edges("PRK", "RUS") > 0
    persons = [node for node, kind in people.nodes(data="kind") if kind == "person"]
    assert persons, "the actor level keeps persons (Putin, Kim Jong-un...)"


def test_analysis_cli_writes_tables_graphs_and_pictures(seeds_build: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "kg", "analyze", str(seeds_build), "-o", str(tmp_path / "a"),
                             "--actors", "RUS,PRK,USA"], capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Centrality" in result.stdout and "PRK" in result.stdout and "Dyads among RUS, PRK, USA" in result.stdout
    folder = tmp_path / "a"
    for name in ("centrality.csv", "dyads.csv", "triads.csv", "blocs.csv", "timeline.csv", "relations.gexf",
                 "dyads.graphml", "centrality.png", "dyad_heatmap.png", "dyad_timelines.png"):  # fmt: skip
        assert (folder / name).stat().st_size > 0, name
    assert (folder / "dyad_heatmap.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    reread = nx.read_graphml(folder / "dyads.graphml")
    assert reread.has_edge("RUS", "PRK") and int(reread.edges["RUS", "PRK"]["count"]) > 0
    nodes = ElementTree.parse(folder / "relations.gexf").getroot().iter("{http://www.gexf.net/1.2}node")
    assert len(list(nodes)) > 3  # GEXF 1.2, which networkx does not read (it reads the 1.2 draft)
    unknown = subprocess.run([sys.executable, "-m", "kg", "analyze", str(seeds_build), "-o", str(tmp_path / "b"),
                              "--actors", "XXX"], capture_output=True, text=True, timeout=300)  # fmt: skip
    assert unknown.returncode == 1 and "XXX" in unknown.stderr and "Traceback" not in unknown.stderr
    assert not (tmp_path / "b" / "centrality.csv").exists()


def test_analysis_notebook_is_committed_with_its_outputs() -> None:
    """A reader on GitHub sees the tables and pictures: every code cell ran, in order, without error."""
    import nbformat

    notebook = nbformat.read(ROOT / "notebooks" / "centrality.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    outputs = [output for cell in code for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    figures = [cell for cell in code if any("image/png" in output.get("data", {}) for output in cell.outputs)]
    assert any("centrality_bars" in cell.source for cell in figures) and len(figures) >= 3
    tables = [output for output in outputs if "text/html" in output.get("data", {})]
    assert any("pagerank" in output.data["text/html"] and "PRK" in output.data["text/html"] for output in tables)


def test_analysis_notebook_runs_top_to_bottom(seeds_build: Path, tmp_path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    path = ROOT / "notebooks" / "centrality.ipynb"
    notebook = nbformat.read(path, as_version=4)
    # The centrality panels each have their own value axis: shared, three of the four looked empty.
    notebook.cells.append(nbformat.v4.new_code_cell(
        "panels = list(getattr(axes, 'flat', axes))\n"
        "print('shared value axes:', sum(len(panel.get_shared_x_axes().get_siblings(panel)) > 1 for panel in panels))"
    ))  # fmt: skip
    import os

    os.environ["KG_OUT"] = str(seeds_build)
    try:
        NotebookClient(notebook, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()  # fmt: skip
    finally:
        del os.environ["KG_OUT"]
    outputs = "".join(str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
                      for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)  # fmt: skip
    assert "PRK" in outputs and "pagerank" in outputs
    assert not [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
                if output.output_type == "error"]  # fmt: skip
    assert "shared value axes: 0" in outputs


def test_analysis_one_actor_has_one_count_in_relations_ranking_cli_page_and_analysis(
    seeds_build: Path, tmp_path: Path
) -> None:
    """Relations and distinct partners of each actor: relations.jsonl (asserted, a symmetric relation once), the
    actor_ranking query, `kg analyze`, the page and `centrality_table` all say the same."""
    import os

    import kg

    expected: dict[str, tuple[int, set[str]]] = {}
    for line in (seeds_build / "relations.jsonl").open(encoding="utf-8"):
        item = json.loads(line)
        if item["mode"] == "asserted" and item["source"] != item["target"]:
            for actor, partner in ((item["source"], item["target"]), (item["target"], item["source"])):
                count, partners = expected.get(actor, (0, set()))
                expected[actor] = (count + 1, partners | {partner})
    counts = {actor: (count, len(partners)) for actor, (count, partners) in expected.items()}
    with kg.open(seeds_build) as graph:
        table = analysis.centrality_table(analysis.to_actor_graph(graph))
    assert {actor: (row["relations"], row["partners"]) for actor, row in table.iterrows()} == counts
    ranking = subprocess.run([sys.executable, "-m", "kg", "query", str(seeds_build), "actor_ranking", "--format",
                              "json"], capture_output=True, text=True, timeout=300)  # fmt: skip
    assert {row["actor"].removeprefix("actor:"): (int(row["relations"]), int(row["partners"]))
            for row in json.loads(ranking.stdout)} == counts  # fmt: skip
    page = (seeds_build / "graph.html").read_text(encoding="utf-8")
    nodes = json.loads(page.split('id="kg-data">')[1].split("</script>")[0])["nodes"]
    assert {node["id"]: (node["measures"]["relations"], node["measures"]["partners"]) for node in nodes
            if node["measures"]} == counts  # fmt: skip
    printed = subprocess.run([sys.executable, "-m", "kg", "analyze", str(seeds_build), "-o", str(tmp_path / "a"),
                              "--top", "20"], capture_output=True, text=True, timeout=300,
                             env={**os.environ, "COLUMNS": "250"})  # fmt: skip
    centrality = printed.stdout.split("Dyads among")[0]  # the first table
    cells = [[cell.strip() for cell in line.split("│")[1:-1]] for line in centrality.splitlines()
             if line.startswith("│") and line.split("│")[1].strip() in counts]  # fmt: skip
    shown = {row[0]: (int(row[2].split()[0]), int(row[3])) for row in cells if len(row) == 8}
    assert shown == counts
    assert f"{sum(count for count, _ in counts.values()) // 2} relations" in printed.stdout


# --- analysis from the store's aggregates -------------------------------------------------------------------------

_OPTIONS = [{}, {"level": "actor"}, {"modes": analysis.MODES}, {"modes": ["hypothetical", "negated"]},
            {"roots": ["11", "5"]}, {"since": "2024-03-06"}, {"until": "2024-03"},
            {"since": "2024-04", "until": "2024"}, {"min_confidence": 0.6},
            {"level": "actor", "modes": analysis.MODES, "self_loops": True}, {"roots": ["20"]}]  # fmt: skip


def _same_frames(before: pd.DataFrame, after: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(before, after, check_exact=False, atol=1e-9, check_index_type=False)


@pytest.mark.parametrize("options", _OPTIONS, ids=[str(options) for options in _OPTIONS])
def test_analysis_from_the_store_aggregates_equals_the_projection(tmp_path: Path, options: dict) -> None:
    # Every measure, the dyad tables, blocs and triads: the same from the dyad graphs the store aggregates as from
    # the projection of every relation, whatever the level, modes, roots, window and confidence floor.
    graph = KnowledgeGraph(tmp_path, model_store(tmp_path))
    relations, dyad_graphs = analysis.to_actor_graph(graph, **options), analysis.to_dyad_graphs(graph, **options)
    assert analysis.count_relations(dyad_graphs) == analysis.count_relations(relations)
    for directed in (True, False):
        weighted = analysis.to_weighted_graph(relations, directed=directed)
        aggregated = analysis.to_weighted_graph(dyad_graphs, directed=directed)
        assert dict(aggregated.nodes(data=True)) == dict(weighted.nodes(data=True))
        assert {frozenset(edge[:2]) if not directed else edge[:2]: edge[2] for edge in aggregated.edges(data=True)} == {
            frozenset(edge[:2]) if not directed else edge[:2]: edge[2] for edge in weighted.edges(data=True)
        }
        _same_frames(analysis.dyads(relations, directed=directed), analysis.dyads(dyad_graphs, directed=directed))
    for measure in (analysis.centrality_table, analysis.relations, analysis.degree, analysis.strength,
                    analysis.blocs, analysis.balance_triads):  # fmt: skip
        _same_frames(measure(relations), measure(dyad_graphs))
    assert (relations.number_of_edges() == 0) == (options == {"roots": ["20"]})  # none of that root: none either way


def test_analysis_from_the_store_aggregates_of_the_seeds_equals_the_projection(seeds_build: Path) -> None:
    graph = kg_open(seeds_build)
    assert analysis.to_actor_graph(graph).number_of_edges() > 50
    for options in _OPTIONS:
        relations, dyad_graphs = analysis.to_actor_graph(graph, **options), analysis.to_dyad_graphs(graph, **options)
        assert analysis.count_relations(dyad_graphs) == analysis.count_relations(relations), options
        for directed in (True, False):
            _same_frames(analysis.dyads(relations, directed=directed), analysis.dyads(dyad_graphs, directed=directed))
        _same_frames(analysis.centrality_table(relations), analysis.centrality_table(dyad_graphs))
    with pytest.raises(KgError, match="needs the relations' dates"):
        analysis.dyad_timeline(dyad_graphs)


_TALLIED = [options for options in _OPTIONS if not {"roots", "since", "until", "min_confidence"} & options.keys()]


@pytest.mark.parametrize("options", _TALLIED, ids=[str(options) for options in _TALLIED])
def test_analysis_without_roots_window_or_confidence_floor_reads_the_tallies_not_the_relations(
    tmp_path: Path, options: dict
) -> None:
    # The dyad graphs come from the tallies the build made: the same with the relations gone from the store (no
    # relation is read), whatever the level, modes and self-loop choice.
    store = model_store(tmp_path)
    graph = KnowledgeGraph(tmp_path, store)
    before = analysis.to_dyad_graphs(graph, **options)
    for article_id in article_ids_in_store(store):
        remove_article_graph(store, article_id)
    assert analysis.to_actor_graph(graph, **options).number_of_edges() == 0
    after = analysis.to_dyad_graphs(graph, **options)
    for directed in (True, False):
        kept, made = (analysis.to_weighted_graph(dyads, directed=directed) for dyads in (before, after))
        assert dict(made.nodes(data=True)) == dict(kept.nodes(data=True))
        assert _edges(made) == _edges(kept)
    assert before.directed.number_of_edges() > 0


def test_analysis_tallies_kept_by_dyad_equal_tallies_made_again(tmp_path: Path) -> None:
    # A build replaces one article and drops another, then makes the tallies again only for their dyads: every
    # option set reads the same dyad graphs as from tallies made again from the whole store, and as from the
    # relations.
    store = model_store(tmp_path)
    graph = KnowledgeGraph(tmp_path, store)
    (first, _, first_events), (second, *_), _ = model_corpus()
    changed = [replace(event, source=event.target, target=event.source, source_actor=event.target_actor,
                       target_actor=event.source_actor) for event in first_events[:2]]  # fmt: skip
    dyads = article_dyads(store, [first.id, second.id])
    write_article_graphs(store, [(first.id, article_to_trig(first, changed))])
    remove_article_graph(store, second.id)
    dyads |= article_dyads(store, [first.id])
    refresh_summaries(store, dyads=dyads)
    kept = {str(options): analysis.to_dyad_graphs(graph, **options) for options in _TALLIED}
    refresh_summaries(store)
    for options in _TALLIED:
        made = analysis.to_dyad_graphs(graph, **options)
        relations = analysis.to_actor_graph(graph, **options)
        for directed in (True, False):
            expected = _edges(analysis.to_weighted_graph(relations, directed=directed))
            for dyads_read in (kept[str(options)], made):
                assert _edges(analysis.to_weighted_graph(dyads_read, directed=directed)) == expected, options


def _edges(graph: nx.Graph) -> dict[tuple[str, ...], dict]:
    """A dyad graph's edges by their ends (in code order when undirected)."""
    return {(first, second) if graph.is_directed() else tuple(sorted((first, second))): data
            for first, second, data in graph.edges(data=True)}  # fmt: skip
