"""The interactive HTML page of the graph: one self-contained file that works offline and escapes everything.

Reads the relations counted by edge and by what the page's filters read
(`read_cells`: a row per cell of relations alike in CAMEO code, mode, confidence
and date, from the relation table the build keeps, `kg.store.cells`, or from the
store when that table is not current for it), then
the evidence, article and event of a bounded sample of each edge's relations
(`sample_relations`: the `EVIDENCE_PER_EDGE` most confident, then most recent;
`read_details`), with the CAMEO labels and the build. The actors' measures and
layout come from the same cells (`kg.analysis.dyad_graphs_from_counts`); the
layout is computed once in Python (igraph's Fruchterman-Reingold on a grid,
seeded: the page opens still and the same every time, 10,000 actors in
seconds). One HTML file holds pyvis' network data, vis-network (vendored from the
installed pyvis package, Apache-2.0 or MIT), the page's own script and style
(`data/render/`) and the data, all inline.

The page grows with the edges, not with the relations: edges are dyads x QuadClass,
their cells travel in columns (codes and dates stored once, in tables) in
gzip-compressed blocks that the page unpacks itself (the browser's
DecompressionStream): the cells when it opens, for its filters; the sampled
relations, their events, articles and evidence when an edge is first clicked, whose
panel lists them a page at a time, with the edge's true count and the `kg query`
command that lists the rest. Article text is untrusted: it travels as JSON (escaped
for a script element, or compressed) and the page puts it in the DOM as text only;
links go only to http(s) URLs or to the input files.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import gc
import gzip
import heapq
import json
import math
import os
import random
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources as package_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import networkx as nx
import pyoxigraph

from kg import analysis
from kg.errors import OutputError
from kg.grouping import event_id
from kg.outputs import atomic_writer
from kg.records import Mode
from kg.resources import data_dir, queries_dir
from kg.store import cells as relation_cells
from kg.vocab import event_iri

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

__all__ = [
    "QUADCLASS_COLOURS",
    "KIND_COLOURS",
    "PAGE_FILE",
    "RelationDetails",
    "EventCounts",
    "Cell",
    "EVIDENCE_PER_EDGE",
    "read_cells",
    "sample_relations",
    "PAGE_BLOCKS",
    "read_details",
    "page_data",
    "render_page",
    "render_graph",
    "write_page",
    "read_page_data",
    "layout_actors",
    "safe_href",
]

PAGE_FILE = "graph.html"
QUADCLASS_COLOURS = {1: "#6baed6", 2: "#08519c", 3: "#fd8d3c", 4: "#cb181d"}
QUADCLASS_LABELS = {
    "fr": {1: "coopération verbale", 2: "coopération matérielle", 3: "conflit verbal", 4: "conflit matériel"},
    "en": {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"},
}
KIND_COLOURS = {"state": "#4e79a7", "person": "#f28e2b", "organisation": "#59a14f", "collective": "#b07aa1",
                "": "#9d9d9d"}  # fmt: skip
BLOC_COLOURS = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f"]
VIS_NETWORK = ("lib", "vis-9.1.2")  # inside the pyvis package
EXACT_LIMIT = 200  # actors up to which the page shows exact betweenness and closeness
BETWEENNESS_SAMPLE = 64  # sources sampled for betweenness beyond EXACT_LIMIT actors
# The measures an actor's panel shows (asserted relations), as kg.analysis.MEASURES names and defines them.
PAGE_MEASURES = ("relations", "partners", "betweenness", "closeness", "eigenvector", "pagerank")
# The parts of the page's data that grow with the relations, each a gzip-compressed, base64 JSON block of its own
# (`kg-relations`, ...): the page unpacks the relations when it opens, the others when an edge is first clicked.
PAGE_BLOCKS = ("relations", "sample", "events", "articles", "evidence")
# The relations of an edge whose evidence, article and event the page carries (the most confident, then the most
# recent): the page then grows with the edges, not with the relations; the panel counts them all and says how to
# list the others (`kg query OUT relations_between`).
EVIDENCE_PER_EDGE = 5
# ...and in all: beyond it, the busiest edges keep theirs (reading a relation's evidence, article and event costs the
# store about a millisecond; the page's time stays bounded at any size).
EVIDENCE_ON_PAGE = 10_000
SAMPLE_CHUNK = 500  # relations a query of their details names (VALUES)
MODES = tuple(Mode)  # a relation's mode on the page: its index here (the page reads the list from its data)
_MODE_INDEXES = {str(mode): index for index, mode in enumerate(MODES)}
LAYOUT_SEED = 7
LAYOUT_ITERATIONS = 500


# The article of some relations (VALUES filled with their IRIs), and their evidence sentences, one row a sentence.
# VALUES first and the patterns of one GRAPH block: Oxigraph looks each relation up (an OPTIONAL block of several
# patterns would have it scan the whole store's sentences).
_ARTICLE_OF_QUERY = """
SELECT ?relation ?article ?articleNode
WHERE {
  VALUES ?relation { %s }
  GRAPH ?graph { ?relation prov:wasDerivedFrom ?articleNode . ?articleNode schema:identifier ?article }
}
"""
_EVIDENCE_QUERY = """
SELECT ?relation ?text (LANG(?text) AS ?lang) ?start ?triggerStart ?triggerEnd
WHERE {
  VALUES ?relation { %s }
  GRAPH ?graph { ?relation kg:evidence ?item . ?item kg:text ?text ; kg:start ?start }
  OPTIONAL { GRAPH ?graph { ?item kg:triggerStart ?triggerStart } }
  OPTIONAL { GRAPH ?graph { ?item kg:triggerEnd ?triggerEnd } }
}
"""
# Their events across articles (kg.grouping), with the event's days and GDELT's counts; a relation grouped with no
# other is an event of its own, which the default graph keeps no node for: it is read from the relation (its day and
# its evidence sentences; `_event_counts`). The events and the sentences are each read by a subquery that names
# the relations again (VALUES inside it): an OPTIONAL block of several patterns without them, Oxigraph evaluates
# over every event or sentence of the store for each chunk (11 s a chunk of 500 at 100k relations, not 0.1 s).
_EVENTS_QUERY = """
SELECT ?relation ?event ?firstDay ?lastDay ?mentions ?sources ?articles ?day ?sentences
WHERE {
  VALUES ?relation { %s }
  OPTIONAL {
    { SELECT ?relation ?event ?firstDay ?lastDay ?mentions ?sources ?articles
      WHERE {
        VALUES ?relation { %s }
        ?relation kg:partOfEvent ?event .
        ?event kg:numMentions ?mentions ; kg:numSources ?sources ; kg:numArticles ?articles .
        OPTIONAL { ?event kg:firstDay ?firstDay }
        OPTIONAL { ?event kg:lastDay ?lastDay }
      } }
  }
  OPTIONAL { GRAPH ?graph { ?relation kg:date ?day } FILTER(DATATYPE(?day) = <http://www.w3.org/2001/XMLSchema#date>) }
  OPTIONAL { { SELECT ?relation (COUNT(?item) AS ?sentences)
               WHERE { VALUES ?relation { %s } GRAPH ?any { ?relation kg:evidence ?item } } GROUP BY ?relation } }
}
"""
# The same rows for every relation of the store, for a page whose relations are most of the store's (a row each of
# them, its relations kept: `_rows_for`): each property read by a subquery of its own, which Oxigraph joins by hashing
# (one scan of each property), where looking each relation up costs several times more.
_ALL_ARTICLE_OF_QUERY = """
SELECT ?relation ?article ?articleNode
WHERE {
  { SELECT ?relation ?articleNode WHERE { GRAPH ?graph { ?relation prov:wasDerivedFrom ?articleNode } } }
  { SELECT ?articleNode ?article WHERE { GRAPH ?articleGraph { ?articleNode schema:identifier ?article } } }
}
"""
_ALL_EVIDENCE_QUERY = """
SELECT ?relation ?text (LANG(?text) AS ?lang) ?start ?triggerStart ?triggerEnd
WHERE {
  { SELECT ?relation ?item WHERE { GRAPH ?evidenceGraph { ?relation kg:evidence ?item } } }
  { SELECT ?item ?text WHERE { GRAPH ?textGraph { ?item kg:text ?text } } }
  { SELECT ?item ?start WHERE { GRAPH ?startGraph { ?item kg:start ?start } } }
  OPTIONAL { SELECT ?item ?triggerStart WHERE { GRAPH ?triggerStartGraph { ?item kg:triggerStart ?triggerStart } } }
  OPTIONAL { SELECT ?item ?triggerEnd WHERE { GRAPH ?triggerEndGraph { ?item kg:triggerEnd ?triggerEnd } } }
}
"""
_ALL_EVENTS_QUERY = """
SELECT ?relation ?event ?firstDay ?lastDay ?mentions ?sources ?articles ?day ?sentences
WHERE {
  { SELECT ?relation WHERE { GRAPH ?relationGraph { ?relation kg:source ?source } } }
  OPTIONAL {
    { SELECT ?relation ?event ?firstDay ?lastDay ?mentions ?sources ?articles
      WHERE {
        ?relation kg:partOfEvent ?event .
        ?event kg:numMentions ?mentions ; kg:numSources ?sources ; kg:numArticles ?articles .
        OPTIONAL { ?event kg:firstDay ?firstDay }
        OPTIONAL { ?event kg:lastDay ?lastDay }
      } }
  }
  OPTIONAL { SELECT ?relation ?day
             WHERE { GRAPH ?dateGraph { ?relation kg:date ?day }
                     FILTER(DATATYPE(?day) = <http://www.w3.org/2001/XMLSchema#date>) } }
  OPTIONAL { SELECT ?relation (COUNT(?item) AS ?sentences)
             WHERE { GRAPH ?evidenceGraph { ?relation kg:evidence ?item } } GROUP BY ?relation }
}
"""
# The first relations of the store, up to a number (`_is_most_of_store`).
_RELATIONS_UP_TO_QUERY = "SELECT ?relation WHERE { GRAPH ?graph { ?relation kg:source ?source } } LIMIT %d"
# Their articles (VALUES filled with the articles' IRIs): identifier, title, URL or file, date and publisher (VALUES
# inside the GRAPH block here: outside, Oxigraph evaluates the OPTIONALs over every article first).
_ARTICLES_QUERY = """
SELECT ?id ?title ?url ?file ?date ?publisher
WHERE {
  GRAPH ?graph {
    VALUES ?article { %s }
    ?article a kg:Article ; schema:identifier ?id .
    OPTIONAL { ?article schema:headline ?title }
    OPTIONAL { ?article schema:url ?url }
    OPTIONAL { ?article schema:contentUrl ?file }
    OPTIONAL { ?article schema:datePublished ?date }
    OPTIONAL { ?article schema:publisher ?publisher }
  }
}
"""
_ARTICLE_COUNT_QUERY = "SELECT (COUNT(?article) AS ?articles) WHERE { GRAPH ?graph { ?article a kg:Article } }"


@dataclass(frozen=True)
class EventCounts:
    """The event across articles (`kg.grouping`) a relation reports: its days and GDELT's counts."""

    id: str
    first_day: str
    last_day: str
    num_mentions: int
    num_sources: int
    num_articles: int


class Cell(NamedTuple):
    """Relations of one edge alike in everything the page's filters read (CAMEO code, mode, confidence, date),
    counted: what the page draws its edges from. `sample` is one of them (its IRI), for the edge's panel. (A
    named tuple: a page at a million relations makes about a million of them.)"""

    source: str  # actor codes, in code order for a symmetric relation
    target: str
    code: str
    quadclass: int
    mode: str
    symmetric: bool
    confidence: float
    date: str
    count: int
    sample: str
    source_iri: str = ""
    target_iri: str = ""


@dataclass(frozen=True)
class RelationDetails:
    """What the page shows of an edge's sampled relations (`EVIDENCE_PER_EDGE` of them) beyond their cell: their
    evidence, articles and events, by relation IRI; the CAMEO codes (labels, root, QuadClass, Goldstein) and the
    build."""

    evidence: dict[str, list[dict[str, Any]]]
    articles: dict[str, dict[str, str]]
    labels: dict[str, dict[str, str]]
    built: str
    version: str
    events: dict[str, EventCounts] = field(default_factory=dict)  # by relation IRI
    relation_articles: dict[str, str] = field(default_factory=dict)  # relation IRI -> article id
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> root, quadclass, goldstein


def read_cells(graph: KnowledgeGraph, *, level: str = "state", min_confidence: float = 0.0) -> list[Cell]:
    """The relations of the store (confidence at least `min_confidence`; none of an actor with itself) counted by
    edge, CAMEO code, mode, confidence and date; a cell's sample is its first relation (IRI order). Read from the
    relation table the build keeps (`kg.store.cells`) when it is current for the store; else from the store, by
    one SPARQL query whose patterns Oxigraph joins by hashing (each property scanned once), a tuple of strings a
    relation."""
    if level not in analysis.LEVELS:
        raise OutputError(f"unknown level {level!r}: expected state or actor")
    codes = {row["type"]: (row["code"] or "", int(row["quadClass"] or 0))
             for row in graph.query_values(_query("cameo"))}  # fmt: skip
    counted = relation_cells.read_cells(graph.store, graph.out_dir / relation_cells.CELLS_FILE, level=level,
                                        min_confidence=min_confidence)  # fmt: skip
    if counted is None:  # no table current for this store (an older build's): the store's relations counted
        counted = relation_cells.count_store_cells(graph.store, level=level, min_confidence=min_confidence)
    return _to_cells(counted, codes)


def _to_cells(counted: Iterable[tuple[Any, ...]], codes: dict[str | None, tuple[str, int]]) -> list[Cell]:
    """Cells from counted rows (`kg.store.cells.read_cells`' layout): a symmetric relation's ends in code order;
    codes, QuadClasses and modes made once per IRI (a million cells have a few thousand)."""
    actor_codes = _Memo(_code_of)
    kinds = _Memo(lambda type_: codes.get(type_, (type_.rsplit("/", 1)[-1], 0)))
    modes = _Memo(lambda mode: mode.rsplit("#", 1)[-1])
    cells = []
    for source, target, type_, mode, symmetric, confidence, date, count, sample in counted:
        flag = symmetric == "true"
        if flag and target < source:
            source, target = target, source
        code, quadclass = kinds[type_]
        cells.append(Cell(actor_codes[source], actor_codes[target], code, quadclass, modes[mode], flag,
                          float(confidence or 0), date or "", count, sample or "", source, target))  # fmt: skip
    return cells


class _Memo(dict[str, Any]):
    """A function's values, each computed on its first lookup."""

    def __init__(self, function: Callable[[str], Any]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: str) -> Any:
        value = self[key] = self.function(key)
        return value


def sample_relations(cells: Iterable[Cell], *, per_edge: int, total: int = EVIDENCE_ON_PAGE) -> list[str]:
    """The relations an edge's panel shows (the IRIs of its cells' samples): per edge, its `per_edge` most
    confident cells, the most recent first among equals (undated last); at most `total` in all, the edges with the
    most relations served first (an edge left without has its relations counted, not shown)."""
    by_edge = _cells_by_edge(cells)
    chosen: list[str] = []
    for _key, edge_cells in sorted(by_edge.items(), key=lambda item: (-sum(cell.count for cell in item[1]), item[0])):
        if len(chosen) + min(per_edge, len(edge_cells)) > total:
            break
        chosen += [cell.sample for cell in heapq.nsmallest(per_edge, edge_cells, key=_sample_order)]
    return chosen


def _cells_by_edge(cells: Iterable[Cell]) -> dict[tuple[str, str, int, bool], list[Cell]]:
    """The cells of each edge, in the order they come; each edge keyed so that keys sort as `_edge_key`s do
    (from, to, QuadClass, a symmetric edge first)."""
    by_edge: dict[tuple[str, str, int, bool], list[Cell]] = {}
    for cell in cells:
        edge = by_edge.get(key := (cell.source, cell.target, cell.quadclass, not cell.symmetric))
        if edge is None:
            by_edge[key] = [cell]
        else:
            edge.append(cell)
    return by_edge


def read_details(graph: KnowledgeGraph, *, page_dir: Path, relations: Iterable[str] = ()) -> RelationDetails:
    """Read the evidence, article and event of each of `relations` (IRIs), their articles, the CAMEO codes and
    the build date from the store; file links are made relative to `page_dir`, where the page will be written."""
    wanted = sorted(set(relations))
    whole = _is_most_of_store(graph, len(wanted))

    def rows(query: str, every_query: str) -> Iterator[tuple[str | None, ...]]:
        return _rows_for(graph, query, wanted, every_query=every_query if whole else None)

    evidence: dict[str, list[dict[str, Any]]] = {}
    relation_articles: dict[str, str] = {}
    article_nodes: set[str] = set()
    for relation, article, article_node in rows(_ARTICLE_OF_QUERY, _ALL_ARTICLE_OF_QUERY):
        relation_articles[relation or ""] = article or ""
        article_nodes.add(article_node or "")
    for relation, text, lang, start_text, trigger_start, trigger_end in rows(_EVIDENCE_QUERY, _ALL_EVIDENCE_QUERY):
        start = int(start_text or 0)
        trigger = [int(trigger_start or 0) - start, int(trigger_end) - start] if trigger_end else [-1, -1]
        item = {"text": text, "lang": lang or "", "start": start, "trigger": trigger}
        if item not in (items := evidence.setdefault(relation or "", [])):
            items.append(item)
    for items in evidence.values():  # (a sentence of two triggers of one relation: each pair of offsets, in order)
        items.sort(key=lambda item: (item["start"], item["trigger"]))
    articles = {}
    page_root = page_dir.resolve()
    article_rows = _rows_for(graph, _ARTICLES_QUERY, sorted(article_nodes - {""}))
    for article_id, title, url, file, date, publisher in article_rows:
        href = safe_href(url) if url else _file_href(file, page_root)
        articles[article_id or ""] = {"title": title or article_id or "", "href": href or "",
                                      "location": url or file or "", "date": date or "",
                                      "publisher": publisher or ""}  # fmt: skip
    labels: dict[str, dict[str, str]] = {}
    for code, label, lang in graph.query_rows(_query("codes")):
        labels.setdefault(code or "", {})[lang or "en"] = label or ""
    codes = {code or "": {"quadclass": int(quadclass or 0), "goldstein": float(goldstein or 0)}
             for _, code, quadclass, goldstein in graph.query_rows(_query("cameo"))}  # fmt: skip
    build = list(graph.query_rows(_query("build")))
    built, version = (build[0][0] or "", build[0][1] or "") if build else ("", "")
    events = {row[0] or "": _event_counts(*row) for row in rows(_EVENTS_QUERY, _ALL_EVENTS_QUERY)}
    return RelationDetails(evidence, articles, labels, built, version, events, relation_articles, codes)


def _event_counts(relation: str | None, event: str | None, first_day: str | None, last_day: str | None,
                  mentions: str | None, sources: str | None, articles: str | None, day: str | None,
                  sentences: str | None) -> EventCounts:  # fmt: skip
    """A relation's event across articles (a row of `_EVENTS_QUERY`): the grouped event it is part of, else its own
    (one article, one outlet, its evidence sentences; named as grouping names an event of one relation)."""
    if event:
        return EventCounts(event, first_day or "", last_day or "", int(mentions or 0), int(sources or 0),
                           int(articles or 0))  # fmt: skip
    own = str(event_iri(event_id(relation or "")))
    return EventCounts(own, day or "", day or "", max(int(sentences or 0), 1), 1, 1)


def page_data(graph: KnowledgeGraph, cells: list[Cell], details: RelationDetails, *, level: str = "state",
              lang: str = "fr", colour: str = "kind", min_confidence: float = 0.0,
              per_edge: int = 0) -> dict[str, Any]:  # fmt: skip
    """Everything the page's script needs, as plain JSON-ready values: actors with their layout, size and
    measures; the CAMEO codes; under `PAGE_BLOCKS`, the cells in columns (code, mode, date, confidence in
    thousandths rounded down: indexes into the tables; `count`, the relations alike) with their edges (one per
    dyad x QuadClass, a symmetric relation's "both" ways; each with the count of the cells that follow in
    order), and the sampled relations of each edge (`sample`: per edge its count, then per relation its code,
    mode, date, confidence, article and `eventStep`, the difference from the row before's event index, -1 for
    none), their events across articles (first day, `lastStep` from it in the sorted dates, GDELT's counts),
    articles and evidence (each relation's count of sentences, then per sentence its `sentenceStep`, trigger
    offsets and language); legends; the summary; the confidence below which relations were left out
    (`minConfidence`); `perEdge`, the sampled relations' budget per edge."""
    if lang not in QUADCLASS_LABELS:
        raise OutputError(f"unknown language {lang!r}: expected fr or en")
    if colour not in ("kind", "bloc"):
        raise OutputError(f"unknown colouring {colour!r}: expected kind or bloc")
    by_edge = _cells_by_edge(cells)
    nodes = _nodes(graph, by_edge, details, level=level, lang=lang, colour=colour, min_confidence=min_confidence)
    dates = {cell.date for cell in cells} | {day for event in details.events.values()
                                              for day in (event.first_day, event.last_day)}  # fmt: skip
    columns = _Columns(details, lang=lang, dates=dates)
    for key in sorted(by_edge):  # the edges in `_edge_key` order, each edge's cells in `_sample_order`
        columns.add_edge(sorted(by_edge[key], key=_sample_order))
    columns.finish()
    return {
        "lang": lang, "level": level, "colour": colour, "minConfidence": float(min_confidence),
        "perEdge": per_edge, "modes": [str(mode) for mode in MODES], "nodes": nodes, "codes": columns.codes,
        "relations": columns.relations, "sample": columns.sample, "events": columns.events,
        "articles": columns.articles, "evidence": columns.evidence,
        "measures": {measure.column: {"title": measure.title, "definition": measure.definition}
                     for measure in analysis.MEASURES if measure.column in PAGE_MEASURES},
        "quadclasses": {quad: {"label": QUADCLASS_LABELS[lang][quad], "colour": colour_code}
                        for quad, colour_code in QUADCLASS_COLOURS.items()},
        "kinds": {kind: colour_code for kind, colour_code in KIND_COLOURS.items() if kind},
        "summary": {"articles": _count_articles(graph), "relations": sum(cell.count for cell in cells),
                    "actors": len(nodes), "built": details.built[:19].replace("T", " "), "version": details.version},
    }  # fmt: skip


def render_page(data: dict[str, Any], *, title: str = "diplomatic-kg") -> str:
    """The HTML page: pyvis' network (nodes and options) through the project's template, every script, style
    and datum inline."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from pyvis.network import Network

    network = Network(directed=True, height="100%", width="100%")
    # pyvis' add_node checks every id against a list (quadratic); its node list is set whole instead.
    network.nodes = [{"id": node["id"], "label": node["label"], "x": node["x"], "y": node["y"],
                      "size": node["size"], "color": node["color"], "shape": "dot"}
                     for node in data["nodes"]]  # fmt: skip
    network.edges = []  # drawn by the page from the relations that pass its filters
    network.options = _network_options()
    nodes, _, _, _, _, options = network.get_network_data()
    template_dir = data_dir() / "render"
    environment = Environment(loader=FileSystemLoader(template_dir), autoescape=select_autoescape(default=True))
    vis_script, vis_style = _vis_network()
    page_script = (template_dir / "page.js").read_text(encoding="utf-8")
    for name, text in (("vis-network", vis_script), ("page.js", page_script)):
        if "</script" in text.lower():
            raise OutputError(f"{name} cannot be inlined: it contains a closing script tag")
    blocks = {name: _compressed(data[name]) for name in PAGE_BLOCKS}
    return environment.get_template("page.html").render(
        title=title, data={key: value for key, value in data.items() if key not in blocks}, blocks=blocks,
        vis_nodes=nodes, vis_options=json.loads(options), vis_script=vis_script,
        vis_style=vis_style, page_script=page_script, page_style=(template_dir / "page.css").read_text("utf-8"),
    )  # fmt: skip


def render_graph(graph: KnowledgeGraph, *, page_path: Path, level: str = "state", lang: str = "fr",
                 colour: str = "kind", min_confidence: float = 0.0, title: str | None = None,
                 evidence_per_edge: int | None = None) -> str:  # fmt: skip
    """The page of a build's graph: every relation (all modes; the page filters them), at state or actor level,
    counted by edge, with the evidence, article and event of at most `evidence_per_edge` relations an edge (by
    default every relation's when the page can carry them all, else `EVIDENCE_PER_EDGE`; the panel says how to
    list the others); with `min_confidence`, only the relations whose confidence reaches it."""
    if evidence_per_edge is not None and evidence_per_edge < 1:
        raise OutputError(f"evidence per edge {evidence_per_edge}: expected at least 1")
    if not 0.0 <= min_confidence <= 1.0:
        raise OutputError(f"minimum confidence {min_confidence}: expected a probability from 0 to 1")
    with _no_cycle_collection():  # a million cells, none in a cycle: the collector would walk them again and again
        cells = read_cells(graph, level=level, min_confidence=min_confidence)
        per_edge = evidence_per_edge or _default_per_edge(cells)
        relations = sample_relations(cells, per_edge=per_edge)
        details = read_details(graph, page_dir=page_path.parent, relations=relations)
        data = page_data(graph, cells, details, level=level, lang=lang, colour=colour, min_confidence=min_confidence,
                         per_edge=per_edge)  # fmt: skip
    heading = "Relations diplomatiques" if lang == "fr" else "Diplomatic relations"
    return render_page(data, title=title or f"{heading} — diplomatic-kg")


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while (as it was after): the page's cells and rows are many
    tuples and none is in a cycle (14% of reading the cells at 100k relations, more with more)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _default_per_edge(cells: list[Cell]) -> int:
    """Every relation's evidence when the page can carry them all (`EVIDENCE_ON_PAGE`), else
    `EVIDENCE_PER_EDGE` an edge."""
    if len(cells) > EVIDENCE_ON_PAGE:
        return EVIDENCE_PER_EDGE
    per_edge: dict[_EdgeKey, int] = {}
    for cell in cells:
        per_edge[_edge_key(cell)] = per_edge.get(_edge_key(cell), 0) + 1
    return max(per_edge.values(), default=EVIDENCE_PER_EDGE)


def write_page(html: str, path: Path) -> Path:
    """Write the page atomically (a half-written page never replaces a good one)."""
    with atomic_writer(path) as out:
        out.write(html)
    return path


def read_page_data(html: str) -> dict[str, Any]:
    """The data a page carries for its script (as `page_data` gave it), its compressed blocks unpacked: for
    tests and for whoever wants a page's numbers back."""

    def block(name: str) -> str:
        marker = f'id="kg-{name}"'
        if marker not in html:
            raise OutputError(f"not a page of diplomatic-kg: no {name} block")
        return html.split(marker, 1)[1].split(">", 1)[1].split("</script>", 1)[0]

    try:
        data: dict[str, Any] = json.loads(block("data"))
        for name in PAGE_BLOCKS:
            data[name] = json.loads(gzip.decompress(base64.b64decode(block(name), validate=True)))
    except (ValueError, OSError, EOFError) as error:  # JSON, base64 and gzip errors
        raise OutputError(f"the page's data cannot be read ({error}): a damaged or older page") from error
    return data


def layout_actors(undirected: nx.Graph) -> dict[str, tuple[float, float]]:
    """A seeded force-directed layout of the undirected dyad graph (more relations pull closer, on a log scale
    so that the busiest dyads do not fold the graph), in pixels: igraph's Fruchterman-Reingold, which beyond a
    thousand actors computes repulsion on a grid (near neighbours only), so that the time grows with the
    actors and the dyads, not with their square."""
    import igraph

    count = undirected.number_of_nodes()
    if count == 0:
        return {}
    nodes = sorted(undirected.nodes)
    index = {node: number for number, node in enumerate(nodes)}
    dyads = sorted(undirected.edges(data="count"))
    layout_graph = igraph.Graph(n=count, edges=[(index[first], index[second]) for first, second, _ in dyads])
    generator = random.Random(LAYOUT_SEED)
    spread = math.sqrt(count)  # as the grid expects: all actors in one cell, the grid would not help
    start = [[generator.uniform(-spread, spread), generator.uniform(-spread, spread)] for _ in nodes]
    igraph.set_random_number_generator(generator)  # igraph's own generator is global: seeded for this layout
    try:
        positions = layout_graph.layout_fruchterman_reingold(
            weights=[1 + math.log(weight) for _, _, weight in dyads] or None, seed=start,
            niter=LAYOUT_ITERATIONS, grid="auto")  # fmt: skip
    finally:
        igraph.set_random_number_generator(random)
    coordinates = positions.coords
    span = max((abs(value) for point in coordinates for value in point), default=1.0) or 1.0
    scale = (260 + 40 * math.sqrt(count)) / span
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in zip(nodes, coordinates, strict=True)}


def safe_href(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, else None: no `javascript:`, `data:` or other schemes."""
    if not url:
        return None
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        return None
    return urllib.parse.urlunsplit(parsed)


# --- helpers ---------------------------------------------------------------------------------------------------


def _nodes(graph: KnowledgeGraph, by_edge: dict[Any, list[Cell]], details: RelationDetails, *, level: str,
           lang: str, colour: str, min_confidence: float) -> list[dict[str, Any]]:  # fmt: skip
    """The actors: label, kind, layout, size (by PageRank), colour, measures (asserted relations) and main
    partners, from the cells by edge (the dyad graphs of their relations; no relation read again)."""
    scores = {code: values.get("goldstein", 0.0) for code, values in details.codes.items()}
    # Each edge's cells added up (an edge is a stated direction, QuadClass and symmetry: a row per edge, not per
    # cell, makes the dyad graphs, whose cost grows with the dyads), its asserted ones and all.
    asserted: dict[tuple[str, str, int, bool], list[Any]] = {}
    every: dict[tuple[str, str, int, bool], list[Any]] = {}
    for cells in by_edge.values():
        first = cells[0]
        key = (first.source_iri, first.target_iri, first.quadclass, first.symmetric)
        totals = every[key] = [0, 0.0, "~", ""]  # "~" sorts after every date, "" before
        kept = None
        for cell in cells:
            goldstein = scores.get(cell.code, 0.0) * cell.count
            for total in (totals, kept) if cell.mode == Mode.ASSERTED else (totals,):
                if total is None:
                    total = kept = asserted[key] = [0, 0.0, "~", ""]
                total[0] += cell.count
                total[1] += goldstein
                if cell.date:
                    total[2], total[3] = min(total[2], cell.date), max(total[3], cell.date)

    def counts(groups: dict[tuple[str, str, int, bool], list[Any]]) -> Iterator[tuple[Any, ...]]:
        """The groups in key order: the dyad graphs (and so the blocs and the layout) do not depend on the order
        in which the store gave the relations."""
        for key, (count, goldstein, first, last) in sorted(groups.items()):
            yield (*key, count, goldstein, "" if first == "~" else first, last)

    dyads = analysis.dyad_graphs_from_counts(graph, counts(asserted), level=level, min_confidence=min_confidence)
    every_graphs = analysis.dyad_graphs_from_counts(graph, counts(every), level=level, modes=analysis.MODES,
                                                    min_confidence=min_confidence)  # fmt: skip
    measures = (analysis.centrality_table(dyads, exact_limit=EXACT_LIMIT, sample=BETWEENNESS_SAMPLE)
                if dyads.directed.number_of_nodes() else None)  # fmt: skip
    blocs = analysis.blocs(dyads)
    positions = layout_actors(every_graphs.undirected)
    partners = _partners(dyads.undirected)
    highest = float(measures["pagerank"].max()) if measures is not None and len(measures) else 1.0
    nodes = []
    for node, attributes in sorted(every_graphs.undirected.nodes(data=True)):
        row = measures.loc[node] if measures is not None and node in measures.index else None
        pagerank = float(row["pagerank"]) if row is not None else 0.0
        bloc = int(blocs.loc[node, "bloc"]) if node in blocs.index else -1
        label = attributes.get("label" if lang == "fr" else "label_en") or node
        nodes.append({
            "id": node, "label": label, "kind": attributes.get("kind", ""), "state": attributes.get("state", node),
            "qid": attributes.get("qid", ""), "bloc": bloc,
            "x": round(positions[node][0], 1), "y": round(positions[node][1], 1),
            "size": round(10 + 30 * math.sqrt(pagerank / highest), 1) if highest else 10,
            "color": KIND_COLOURS.get(attributes.get("kind", ""), KIND_COLOURS[""]) if colour == "kind"
            else BLOC_COLOURS[bloc % len(BLOC_COLOURS)] if bloc >= 0 else KIND_COLOURS[""],
            "measures": {} if row is None else _measures(row),
            "partners": partners.get(node, []),
        })  # fmt: skip
    return nodes


_EdgeKey = tuple[str, str, int, Literal["to", "both"]]  # from, to, QuadClass, directed or symmetric


def _edge_key(cell: Cell) -> _EdgeKey:
    return (cell.source, cell.target, cell.quadclass, "both" if cell.symmetric else "to")


def _sample_order(cell: Cell) -> tuple[Any, ...]:
    """The most confident first, then the most recent (undated last), then by code and mode."""
    return (-cell.confidence, not cell.date, _newest(cell.date), cell.code, cell.mode, cell.sample)


@functools.lru_cache(maxsize=65_536)
def _newest(date: str) -> tuple[int, ...]:
    """A date's key for the most recent first (a store has a few thousand dates: each made once)."""
    return tuple(-ord(character) for character in date)


def _code_of(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _rows_for(graph: KnowledgeGraph, query: str, iris: list[str], *,
              every_query: str | None = None) -> Iterator[tuple[str | None, ...]]:  # fmt: skip
    """The rows of `query` (lexical values) whose VALUES (each `%s` of it) name these IRIs, a chunk of them at a
    time; or, given `every_query` (the same rows for every relation of the store), those of its rows whose first
    value is one of these IRIs."""
    if every_query is not None:
        kept = set(iris)
        yield from (row for row in graph.query_rows(every_query) if row[0] in kept)
        return
    for start in range(0, len(iris), SAMPLE_CHUNK):
        terms = " ".join(str(pyoxigraph.NamedNode(iri)) for iri in iris[start : start + SAMPLE_CHUNK])
        yield from graph.query_rows(query % ((terms,) * query.count("%s")))


def _is_most_of_store(graph: KnowledgeGraph, count: int) -> bool:
    """Whether `count` relations are at least half of the store's: then reading every relation's details in one
    pass costs less than looking these up one by one (a relation's in a third of the time; at 6,000 relations, all
    on the page, 0.4 s of CPU instead of 1 s). Only so many relations are counted."""
    if count == 0:
        return False
    return sum(1 for _ in graph.query_rows(_RELATIONS_UP_TO_QUERY % (2 * count + 1))) <= 2 * count


def _count_articles(graph: KnowledgeGraph) -> int:
    rows = graph.query_values(_ARTICLE_COUNT_QUERY)
    return int(rows[0]["articles"] or 0) if rows else 0


def _query(name: str) -> str:
    return (queries_dir() / "render" / f"{name}.rq").read_text(encoding="utf-8")


def _file_href(path: str | None, page_root: Path) -> str:
    """A relative link from the page to an input file (percent-encoded, so no scheme can sneak in); `page_root`
    is the page's folder, resolved."""
    if not path:
        return ""
    try:
        relative = os.path.relpath(Path(path).resolve(), page_root)
    except ValueError:  # another drive (Windows)
        return ""
    return urllib.parse.quote(Path(relative).as_posix())


def _vis_network() -> tuple[str, str]:
    folder = package_resources.files("pyvis").joinpath(*VIS_NETWORK)
    try:
        return (folder.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
                folder.joinpath("vis-network.css").read_text(encoding="utf-8"))  # fmt: skip
    except OSError as error:
        raise OutputError(f"vis-network not found in the pyvis package ({error}); reinstall pyvis 0.3") from error


class _Table:
    """Values stored once, each known by its index (a page repeats dates, articles and sentences a lot)."""

    def __init__(self, *initial: Any) -> None:
        self.values: list[Any] = []
        self._indexes: dict[Any, int] = {}
        for value in initial:
            self.index(value)

    def find(self, value: Any) -> int | None:
        """The value's index, None if it is not in the table."""
        return self._indexes.get(value)

    def index(self, value: Any, make: Callable[[], Any] | None = None) -> int:
        """The value's index, the value (or what `make` gives, on its first time) added when new."""
        if value not in self._indexes:
            self._indexes[value] = len(self.values)
            self.values.append(value if make is None else make())
        return self._indexes[value]


class _Columns:
    """The page's edges, cells, sampled relations, events, articles and evidence as columns and tables, laid out
    to compress well: dates in a sorted table, and the columns that mostly repeat or count up (an edge's cells are
    a range, sentences come in relation order) kept as differences from the row before."""

    def __init__(self, details: RelationDetails, *, lang: str, dates: Iterable[str]) -> None:
        self.details, self.lang = details, lang
        self.edges: dict[str, list[Any]] = {name: [] for name in ("from", "to", "quadclass", "both", "count")}
        self.relations: dict[str, list[Any]] = {name: [] for name in ("code", "mode", "date", "confidence",
                                                                       "count")}  # fmt: skip
        self.sample: dict[str, list[Any]] = {name: [] for name in ("count", "code", "mode", "date", "confidence",
                                                                    "article", "eventStep")}  # fmt: skip
        self.events: dict[str, list[int]] = {name: [] for name in ("first", "lastStep", "mentions", "sources",
                                                                    "articles")}  # fmt: skip
        self.evidence: dict[str, list[Any]] = {name: [] for name in ("count", "sentenceStep", "start", "end",
                                                                      "lang")}  # fmt: skip
        self._codes, self._dates, self._articles = _Table(), _Table("", *sorted(set(dates) - {""})), _Table()
        self._nodes, self._events, self._sentences, self._langs = _Table(), _Table(), _Table(), _Table("")
        self._last = {"edge": None, "event": -1, "sentence": -1}
        self._sampled = set(details.relation_articles)
        self._pending: list[tuple[Cell, dict[str, int]]] = []  # the current edge's sampled relations

    def add_edge(self, cells: list[Cell]) -> None:
        """Add an edge's cells, in `_sample_order`: the first as `add` does, the others as it would, its lookups
        kept local (a million cells go through here)."""
        self.add(_edge_key(cells[0]), cells[0])
        relations, code_table, date_table, sampled = self.relations, self._codes, self._dates, self._sampled
        codes, modes, dates, confidences, counts = (relations[name] for name in ("code", "mode", "date",
                                                                                 "confidence", "count"))  # fmt: skip
        code_indexes, date_indexes, floor = code_table._indexes, date_table._indexes, math.floor
        self.edges["count"][-1] += len(cells) - 1
        for cell in cells[1:]:
            if (code := code_indexes.get(cell.code)) is None:
                code = self._values(cell)["code"]
            if (date := date_indexes.get(cell.date)) is None:
                date = date_table.index(cell.date)
            mode, confidence = _MODE_INDEXES[cell.mode], floor(cell.confidence * 1000 + 1e-9)
            codes.append(code)
            modes.append(mode)
            dates.append(date)
            confidences.append(confidence)
            counts.append(cell.count)
            if cell.sample in sampled:
                self._pending.append((cell, {"code": code, "mode": mode, "date": date, "confidence": confidence}))

    def add(self, key: _EdgeKey, cell: Cell) -> None:
        if self._last["edge"] != key:
            self._flush_sample()
            for name, value in zip(("from", "to"), key[:2], strict=True):
                self.edges[name].append(self._nodes.index(value))
            self.edges["quadclass"].append(key[2])
            self.edges["both"].append(int(key[3] == "both"))
            self.edges["count"].append(0)
            self.sample["count"].append(0)
            self._last["edge"] = key
        self.edges["count"][-1] += 1
        values = self._values(cell)
        relations = self.relations
        relations["code"].append(values["code"])
        relations["mode"].append(values["mode"])
        relations["date"].append(values["date"])
        relations["confidence"].append(values["confidence"])
        relations["count"].append(cell.count)
        if cell.sample in self._sampled:
            self._pending.append((cell, values))

    def _flush_sample(self) -> None:
        """The edge's sampled relations, listed under their events (the first reported first), then by date,
        article and code: an event's relations are a run."""

        def order(item: tuple[Cell, dict[str, int]]) -> tuple[Any, ...]:
            cell = item[0]
            event = self.details.events.get(cell.sample)
            first = (event.first_day or "9999", event.id) if event else (cell.date or "9999", cell.sample)
            return (*first, cell.date or "9999", self.details.relation_articles.get(cell.sample, ""), cell.code,
                    cell.sample)  # fmt: skip

        for cell, values in sorted(self._pending, key=order):
            self._add_sample(cell, values)
        self._pending = []

    def _values(self, cell: Cell) -> dict[str, int]:
        code = self._codes.find(cell.code)
        return {"code": self._codes.index(cell.code, lambda: self._code(cell)) if code is None else code,
                "mode": _MODE_INDEXES[cell.mode], "date": self._dates.index(cell.date),
                "confidence": math.floor(cell.confidence * 1000 + 1e-9)}  # fmt: skip

    def _add_sample(self, cell: Cell, values: dict[str, int]) -> None:
        self.sample["count"][-1] += 1
        for name, value in values.items():
            self.sample[name].append(value)
        self.sample["article"].append(self._articles.index(self.details.relation_articles[cell.sample]))
        event = self.details.events.get(cell.sample)
        number = -1 if event is None else self._events.index(event.id, lambda: self._event(event))
        self.sample["eventStep"].append(number - self._last["event"])
        self._last["event"] = number
        items = self.details.evidence.get(cell.sample, [])
        self.evidence["count"].append(len(items))
        for item in items:
            sentence = self._sentences.index(item["text"])
            self.evidence["sentenceStep"].append(sentence - self._last["sentence"])
            self._last["sentence"] = sentence
            self.evidence["start"].append(item["trigger"][0])
            self.evidence["end"].append(item["trigger"][1])
            self.evidence["lang"].append(self._langs.index(item["lang"]))

    def _code(self, cell: Cell) -> dict[str, Any]:
        root = cell.code[:2]
        labels, root_labels = self.details.labels.get(cell.code, {}), self.details.labels.get(root, {})
        return {"code": cell.code, "root": root, "quadclass": cell.quadclass,
                "goldstein": self.details.codes.get(cell.code, {}).get("goldstein", 0.0),
                "label": labels.get(self.lang) or labels.get("en", cell.code),
                "rootLabel": root_labels.get(self.lang) or root_labels.get("en", root)}  # fmt: skip

    def _event(self, event: EventCounts) -> str:
        first, last = self._dates.index(event.first_day), self._dates.index(event.last_day)
        for name, value in (("first", first), ("lastStep", last - first), ("mentions", event.num_mentions),
                            ("sources", event.num_sources), ("articles", event.num_articles)):  # fmt: skip
            self.events[name].append(value)
        return event.id

    @property
    def codes(self) -> list[dict[str, Any]]:
        return list(self._codes.values)

    @property
    def articles(self) -> list[list[str]]:
        """Each article of the sampled relations: title, link, date, publisher."""
        empty = {"title": "", "href": "", "date": "", "publisher": ""}
        return [[(info := self.details.articles.get(key, empty | {"title": key}))["title"], info["href"],
                 info["date"], info["publisher"]] for key in self._articles.values]  # fmt: skip

    def finish(self) -> None:
        """The tables the columns index, beside them: actors of the edges, dates, sentences and languages."""
        self._flush_sample()
        self.edges["nodes"] = self._nodes.values
        self.relations["dates"] = self._dates.values
        self.relations["edges"] = self.edges
        self.evidence["sentences"] = self._sentences.values
        self.evidence["langs"] = self._langs.values


def _compressed(value: Any) -> str:
    """A JSON value gzip-compressed (the same bytes every time; zlib's default level: level 9 took 3.6 times as
    long for 3% fewer bytes at 1M relations) and base64-encoded, for an inline block."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)).decode("ascii")


def _measures(row: Any) -> dict[str, int | float]:
    """An actor's measures for its panel: counts as integers, centralities to four places."""
    return {name: int(row[name]) if name in ("relations", "partners") else round(float(row[name]), 4)
            for name in PAGE_MEASURES if name in row.index}  # fmt: skip


def _partners(undirected: nx.Graph, *, top: int = 6) -> dict[str, list[dict[str, Any]]]:
    """Each actor's main partners: relations either way (asserted ones, as its measures) and mean Goldstein."""
    partners: dict[str, list[dict[str, Any]]] = {}
    for first, second, data in undirected.edges(data=True):
        for actor, partner in ((first, second), (second, first)):
            partners.setdefault(actor, []).append({"id": partner, "relations": int(data["count"]),
                                                   "goldstein": float(data["goldstein_mean"])})  # fmt: skip
    return {actor: sorted(items, key=lambda item: (-item["relations"], item["id"]))[:top]
            for actor, items in partners.items()}  # fmt: skip


def _network_options() -> dict[str, Any]:
    return {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": False, "navigationButtons": False},
        "nodes": {"shape": "dot", "font": {"size": 15, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "selectionWidth": 2},
        "layout": {"improvedLayout": False},
    }  # fmt: skip
