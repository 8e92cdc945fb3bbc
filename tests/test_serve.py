"""`kg serve`: Oxigraph's read-only SPARQL 1.1 server on a build's snapshot, queried with SPARQLWrapper."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.serve import SparqlServer, current_snapshot, free_port

RELATIONS = """PREFIX kg: <https://w3id.org/diplomatic-kg/ontology#>
SELECT (COUNT(?relation) AS ?n) WHERE { GRAPH ?g { ?relation a kg:Relation } }"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?s2 ?p2 ?o2 } GRAPH ?c { ?s3 ?p3 ?o3 } }"


@pytest.fixture(scope="module")
def served(seeds_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    out = tmp_path_factory.mktemp("served") / "out"
    shutil.copytree(seeds_build, out)
    with SparqlServer(out, port=free_port(), timeout=2) as server:
        yield server


def client(endpoint: str) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(endpoint)
    wrapper.setTimeout(30)
    return wrapper


def count_relations(endpoint: str) -> int:
    wrapper = client(endpoint)
    wrapper.setQuery(RELATIONS)
    wrapper.setReturnFormat(JSON)
    return int(wrapper.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


def test_serve_answers_select_as_json(served: SparqlServer) -> None:
    assert served.endpoint.startswith("http://127.0.0.1:")
    assert count_relations(served.endpoint) > 40


def test_serve_answers_construct_as_turtle(served: SparqlServer) -> None:
    wrapper = client(served.endpoint)
    wrapper.setQuery(
        "PREFIX kg: <https://w3id.org/diplomatic-kg/ontology#> "
        "CONSTRUCT { ?a kg:consults ?b } WHERE { GRAPH ?g { ?a kg:consults ?b } }"
    )
    wrapper.setReturnFormat(TURTLE)
    graph = Graph().parse(data=wrapper.queryAndConvert(), format="turtle")
    assert len(graph) > 0


def test_serve_refuses_updates(served: SparqlServer) -> None:
    wrapper = client(served.endpoint.replace("/query", "/update"))
    wrapper.setMethod(POST)
    wrapper.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        wrapper.query()
    assert count_relations(served.endpoint) > 40


def test_serve_cuts_a_runaway_query_and_keeps_answering(served: SparqlServer) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        began = time.monotonic()
        wrapper = client(served.endpoint)
        wrapper.setQuery(RUNAWAY)
        wrapper.setReturnFormat(JSON)
        try:
            wrapper.queryAndConvert()
            outcome["result"] = "answered"
        except Exception as error:  # the server's timeout answers with an HTTP error
            outcome["result"] = type(error).__name__
        outcome["seconds"] = time.monotonic() - began

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    began = time.monotonic()
    assert count_relations(served.endpoint) > 40  # a small query is answered meanwhile
    assert time.monotonic() - began < 2
    thread.join(timeout=60)
    assert not thread.is_alive()
    # Oxigraph checks its timeout cooperatively: the 2 s limit cancels this cross product after some 20 s,
    # where it would otherwise run for hours.
    assert outcome["result"] != "answered" and outcome["seconds"] < 60


def test_serve_a_build_while_serving_is_safe_and_reload_picks_it_up(served: SparqlServer, tmp_path: Path) -> None:
    before = served.snapshot
    (tmp_path / "nouveau.txt").write_text("Le Chili et le Pérou\n\nLe Chili a critiqué le Pérou.\n", encoding="utf-8")
    command = [sys.executable, "-m", "kg", "build", str(tmp_path / "nouveau.txt"), "-o", str(served.out_dir)]
    build = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    old_count = count_relations(served.endpoint)  # still the old snapshot, still answering
    assert current_snapshot(served.out_dir) != before
    served.reload()
    assert served.snapshot != before
    assert count_relations(served.endpoint) == old_count + 1


def test_serve_stops_cleanly(seeds_build: Path) -> None:
    server = SparqlServer(seeds_build, port=free_port(), timeout=2)
    server.start()
    process = server.process
    server.stop()
    assert process is not None and process.poll() is not None
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(server.endpoint + "?query=ASK%7B%7D", timeout=2)
