"""The interactive HTML page of the graph: one self-contained file that works offline and escapes everything.

Reads the store (the networkx projection of `kg.analysis`, and the queries of
`data/queries/render/` for evidence, events across articles, articles, CAMEO
labels and the build), lays the actors out in Python once (igraph's
Fruchterman-Reingold on a grid, seeded: the page opens still and the same every
time, 10,000 actors in seconds) and writes one HTML file: pyvis' network data,
vis-network (vendored from the installed pyvis package, Apache-2.0 or MIT), the
page's own script and style (`data/render/`) and the data, all inline.

The page grows with what a person can see, not with the relations: edges are dyads
x QuadClass, and the relations behind them travel in columns (codes, dates,
articles and sentences stored once, in tables) in gzip-compressed blocks that the
page unpacks itself (the browser's DecompressionStream): the relations when it
opens, for its filters; the events, articles and evidence when an edge is first
clicked, whose panel lists them a page at a time. Article text is untrusted: it
travels as JSON (escaped for a script element, or compressed) and the page puts it
in the DOM as text only; links go only to http(s) URLs or to the input files.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import os
import random
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources as package_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx

from kg import analysis
from kg.errors import OutputError
from kg.outputs import atomic_writer
from kg.records import Mode
from kg.resources import data_dir, queries_dir

if TYPE_CHECKING:
    from kg.store import KnowledgeGraph

__all__ = [
    "QUADCLASS_COLOURS",
    "KIND_COLOURS",
    "PAGE_FILE",
    "RelationDetails",
    "EventCounts",
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
PAGE_BLOCKS = ("relations", "events", "articles", "evidence")
MODES = tuple(Mode)  # a relation's mode on the page: its index here (the page reads the list from its data)
LAYOUT_SEED = 7
LAYOUT_ITERATIONS = 500


@dataclass(frozen=True)
class EventCounts:
    """The event across articles (`kg.grouping`) a relation reports: its days and GDELT's counts."""

    id: str
    first_day: str
    last_day: str
    num_mentions: int
    num_sources: int
    num_articles: int


@dataclass(frozen=True)
class RelationDetails:
    """What the page shows beyond the projection: evidence per relation, articles, CAMEO labels, the build."""

    evidence: dict[str, list[dict[str, Any]]]
    articles: dict[str, dict[str, str]]
    labels: dict[str, dict[str, str]]
    built: str
    version: str
    events: dict[str, EventCounts] = field(default_factory=dict)  # by relation IRI


def read_details(graph: KnowledgeGraph, *, page_dir: Path) -> RelationDetails:
    """Read the evidence, articles, CAMEO labels and build date from the store; file links are made relative
    to `page_dir`, where the page will be written."""
    evidence: dict[str, list[dict[str, Any]]] = {}
    for row in graph.query_values(_query("evidence")):
        start = int(row["start"] or 0)
        trigger = (int(row["triggerStart"]) - start, int(row["triggerEnd"]) - start) if row["triggerEnd"] else (-1, -1)
        evidence.setdefault(row["relation"] or "", []).append(
            {"text": row["text"], "lang": row["lang"] or "", "start": start, "trigger": list(trigger)}
        )
    for items in evidence.values():
        items.sort(key=lambda item: item["start"])
    articles = {}
    for row in graph.query_values(_query("articles")):
        href = safe_href(row["url"]) if row["url"] else _file_href(row["file"], page_dir)
        articles[row["id"] or ""] = {"title": row["title"] or row["id"] or "", "href": href or "",
                                     "location": row["url"] or row["file"] or "", "date": row["date"] or "",
                                     "publisher": row["publisher"] or ""}  # fmt: skip
    labels: dict[str, dict[str, str]] = {}
    for row in graph.query_values(_query("codes")):
        labels.setdefault(row["code"] or "", {})[row["lang"] or "en"] = row["label"] or ""
    build = graph.query_values(_query("build"))
    built, version = (build[0]["started"] or "", build[0]["version"] or "") if build else ("", "")
    return RelationDetails(evidence, articles, labels, built, version, _read_events(graph))


def page_data(actor_graph: nx.MultiDiGraph, details: RelationDetails, *, lang: str = "fr",
              colour: str = "kind") -> dict[str, Any]:  # fmt: skip
    """Everything the page's script needs, as plain JSON-ready values: actors with their layout, size and
    measures; the CAMEO codes; under `PAGE_BLOCKS`, the relations in columns (code, mode, date, confidence in
    thousandths rounded down, article: indexes into the tables; `eventStep`, the difference from the row
    before's event index, -1 for none) with their edges (one per dyad x QuadClass, a symmetric relation's "both"
    ways; each with the count of the relations that follow in order), the events across articles (first day,
    `lastStep` from it in the sorted dates, GDELT's counts), the articles and the evidence (each relation's count
    of sentences, then per sentence its `sentenceStep`, trigger offsets and language); legends; the summary; the
    confidence below which the projection left relations out (`minConfidence`, from the graph's
    `min_confidence`)."""
    if lang not in QUADCLASS_LABELS:
        raise OutputError(f"unknown language {lang!r}: expected fr or en")
    if colour not in ("kind", "bloc"):
        raise OutputError(f"unknown colouring {colour!r}: expected kind or bloc")
    nodes = _nodes(actor_graph, lang=lang, colour=colour)
    rows = _sorted_relations(actor_graph, details)
    dates = [day for _, event, _ in rows if event for day in (event.first_day, event.last_day)]
    columns = _Columns(details, lang=lang, dates=dates + [relation["date"] for _, _, relation in rows])
    for key, event, relation in rows:
        columns.add(key, event, relation)
    columns.finish()
    return {
        "lang": lang, "level": actor_graph.graph.get("level", "state"), "colour": colour,
        "minConfidence": float(actor_graph.graph.get("min_confidence", 0.0)),
        "modes": [str(mode) for mode in MODES], "nodes": nodes, "codes": columns.codes,
        "relations": columns.relations, "events": columns.events, "articles": columns.articles,
        "evidence": columns.evidence,
        "measures": {measure.column: {"title": measure.title, "definition": measure.definition}
                     for measure in analysis.MEASURES if measure.column in PAGE_MEASURES},
        "quadclasses": {quad: {"label": QUADCLASS_LABELS[lang][quad], "colour": colour_code}
                        for quad, colour_code in QUADCLASS_COLOURS.items()},
        "kinds": {kind: colour_code for kind, colour_code in KIND_COLOURS.items() if kind},
        "summary": {"articles": len(details.articles), "relations": len(columns.relations["code"]),
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
                 colour: str = "kind", min_confidence: float = 0.0, title: str | None = None) -> str:  # fmt: skip
    """The page of a build's graph: every relation (all modes; the page filters them), at state or actor level;
    with `min_confidence`, only the relations whose confidence reaches it."""
    actor_graph = analysis.to_actor_graph(graph, level=level, modes=analysis.MODES, min_confidence=min_confidence)
    details = read_details(graph, page_dir=page_path.parent)
    data = page_data(actor_graph, details, lang=lang, colour=colour)
    heading = "Relations diplomatiques" if lang == "fr" else "Diplomatic relations"
    return render_page(data, title=title or f"{heading} — diplomatic-kg")


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


def _read_events(graph: KnowledgeGraph) -> dict[str, EventCounts]:
    """Each relation's event across articles, from the events graph a build writes (none in a store without)."""
    return {row["relation"] or "": EventCounts(row["event"] or "", row["firstDay"] or "", row["lastDay"] or "",
                                                int(row["mentions"] or 0), int(row["sources"] or 0),
                                                int(row["articles"] or 0))
            for row in graph.query_values(_query("events"))}  # fmt: skip


def _nodes(actor_graph: nx.MultiDiGraph, *, lang: str, colour: str) -> list[dict[str, Any]]:
    """The actors: label, kind, layout, size (by PageRank), colour, measures and main partners."""
    asserted = nx.MultiDiGraph()
    asserted.add_nodes_from(actor_graph.nodes(data=True))
    asserted.add_edges_from((source, target, key, data) for source, target, key, data
                            in actor_graph.edges(keys=True, data=True) if data["mode"] == Mode.ASSERTED)  # fmt: skip
    # the relations added up by dyad once, for every measure (each would add them up again from the relations)
    dyads = analysis.DyadGraphs(analysis.to_weighted_graph(asserted),
                                analysis.to_weighted_graph(asserted, directed=False))  # fmt: skip
    measures = (analysis.centrality_table(dyads, exact_limit=EXACT_LIMIT, sample=BETWEENNESS_SAMPLE)
                if asserted.number_of_nodes() else None)  # fmt: skip
    blocs = analysis.blocs(dyads)
    positions = layout_actors(analysis.to_weighted_graph(actor_graph, directed=False))
    partners = _partners(dyads.undirected)
    highest = float(measures["pagerank"].max()) if measures is not None and len(measures) else 1.0
    nodes = []
    for node, attributes in sorted(actor_graph.nodes(data=True)):
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


def _query(name: str) -> str:
    return (queries_dir() / "render" / f"{name}.rq").read_text(encoding="utf-8")


def _file_href(path: str | None, page_dir: Path) -> str:
    """A relative link from the page to an input file (percent-encoded, so no scheme can sneak in)."""
    if not path:
        return ""
    try:
        relative = os.path.relpath(Path(path).resolve(), page_dir.resolve())
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


_EdgeKey = tuple[str, str, int, Literal["to", "both"]]  # from, to, QuadClass, directed or symmetric
_Row = tuple[_EdgeKey, EventCounts | None, dict[str, Any]]


def _sorted_relations(actor_graph: nx.MultiDiGraph, details: RelationDetails) -> list[_Row]:
    """Each relation (a symmetric one once) with its edge and its event, by edge, then by event (the first
    reported first), then by date and article: an edge's relations are a range, an event's a run within it."""
    rows = []
    for source, target, relation in actor_graph.edges(data=True):
        if relation.get("reversed"):
            continue
        if relation["symmetric"]:
            source, target = sorted((source, target))
        key = (source, target, int(relation["quadclass"]), "both" if relation["symmetric"] else "to")
        rows.append((key, details.events.get(relation["relation"]), relation))
    return sorted(rows, key=lambda row: (
        row[0], (row[1].first_day or "9999", row[1].id) if row[1] else (row[2]["date"] or "9999", row[2]["relation"]),
        row[2]["date"] or "9999", row[2]["article"], row[2]["code"], row[2]["relation"]))  # fmt: skip


class _Table:
    """Values stored once, each known by its index (a page repeats dates, articles and sentences a lot)."""

    def __init__(self, *initial: Any) -> None:
        self.values: list[Any] = []
        self._indexes: dict[Any, int] = {}
        for value in initial:
            self.index(value)

    def index(self, value: Any, make: Callable[[], Any] | None = None) -> int:
        """The value's index, the value (or what `make` gives, on its first time) added when new."""
        if value not in self._indexes:
            self._indexes[value] = len(self.values)
            self.values.append(value if make is None else make())
        return self._indexes[value]


class _Columns:
    """The page's edges, relations, events, articles and evidence as columns and tables, laid out to compress
    well: dates in a sorted table, and the columns that mostly repeat or count up (an edge's relations are a
    range, an event's a run, sentences come in relation order) kept as differences from the row before."""

    def __init__(self, details: RelationDetails, *, lang: str, dates: Iterable[str]) -> None:
        self.details, self.lang = details, lang
        self.edges: dict[str, list[Any]] = {name: [] for name in ("from", "to", "quadclass", "both", "count")}
        self.relations: dict[str, list[Any]] = {name: [] for name in ("code", "mode", "date", "confidence",
                                                                       "article", "eventStep")}  # fmt: skip
        self.events: dict[str, list[int]] = {name: [] for name in ("first", "lastStep", "mentions", "sources",
                                                                    "articles")}  # fmt: skip
        self.evidence: dict[str, list[Any]] = {name: [] for name in ("count", "sentenceStep", "start", "end",
                                                                      "lang")}  # fmt: skip
        self._codes, self._dates, self._articles = _Table(), _Table("", *sorted(set(dates) - {""})), _Table()
        self._nodes, self._events, self._sentences, self._langs = _Table(), _Table(), _Table(), _Table("")
        self._last = {"edge": None, "event": -1, "sentence": -1}

    def add(self, key: _EdgeKey, event: EventCounts | None, relation: dict[str, Any]) -> None:
        if self._last["edge"] != key:
            for name, value in zip(("from", "to"), key[:2], strict=True):
                self.edges[name].append(self._nodes.index(value))
            self.edges["quadclass"].append(key[2])
            self.edges["both"].append(int(key[3] == "both"))
            self.edges["count"].append(0)
            self._last["edge"] = key
        self.edges["count"][-1] += 1
        columns = self.relations
        columns["code"].append(self._codes.index(relation["code"], lambda: self._code(relation)))
        columns["mode"].append(MODES.index(Mode(relation["mode"])))
        columns["date"].append(self._dates.index(relation["date"] or ""))
        columns["confidence"].append(math.floor(float(relation["confidence"]) * 1000 + 1e-9))
        columns["article"].append(self._articles.index(relation["article"]))
        number = -1 if event is None else self._events.index(event.id, lambda: self._event(event))
        columns["eventStep"].append(number - self._last["event"])
        self._last["event"] = number
        self._add_evidence(self.details.evidence.get(relation["relation"], []))

    def _add_evidence(self, items: list[dict[str, Any]]) -> None:
        self.evidence["count"].append(len(items))
        for item in items:
            sentence = self._sentences.index(item["text"])
            self.evidence["sentenceStep"].append(sentence - self._last["sentence"])
            self._last["sentence"] = sentence
            self.evidence["start"].append(item["trigger"][0])
            self.evidence["end"].append(item["trigger"][1])
            self.evidence["lang"].append(self._langs.index(item["lang"]))

    def _code(self, relation: dict[str, Any]) -> dict[str, Any]:
        labels = self.details.labels.get(relation["code"], {})
        root_labels = self.details.labels.get(relation["root"], {})
        return {"code": relation["code"], "root": relation["root"], "quadclass": relation["quadclass"],
                "goldstein": relation["goldstein"],
                "label": labels.get(self.lang) or labels.get("en", relation["code"]),
                "rootLabel": root_labels.get(self.lang) or root_labels.get("en", relation["root"])}  # fmt: skip

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
        """Each article of the relations: title, link, date, publisher."""
        empty = {"title": "", "href": "", "date": "", "publisher": ""}
        return [[(info := self.details.articles.get(key, empty | {"title": key}))["title"], info["href"],
                 info["date"], info["publisher"]] for key in self._articles.values]  # fmt: skip

    def finish(self) -> None:
        """The tables the columns index, beside them: actors of the edges, dates, sentences and languages."""
        self.edges["nodes"] = self._nodes.values
        self.relations["dates"] = self._dates.values
        self.relations["edges"] = self.edges
        self.evidence["sentences"] = self._sentences.values
        self.evidence["langs"] = self._langs.values


def _compressed(value: Any) -> str:
    """A JSON value gzip-compressed (the same bytes every time) and base64-encoded, for an inline block."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)).decode("ascii")


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
