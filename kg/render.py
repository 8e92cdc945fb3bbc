"""The interactive HTML page of the graph: one self-contained file that works offline and escapes everything.

Reads the store (the networkx projection of `kg.analysis`, and the queries of
`data/queries/render/` for evidence, articles, CAMEO labels and the build), lays
the actors out in Python (a seeded spring layout: the page opens still and the
same every time) and writes one HTML file: pyvis' network data, vis-network
(vendored from the installed pyvis package, Apache-2.0 or MIT), the page's own
script and style (`data/render/`) and the data, all inline. Article text is
untrusted: it travels as JSON (escaped for a script element) and the page puts
it in the DOM as text only; links go only to http(s) URLs or to the input files.
"""

from __future__ import annotations

import json
import math
import os
import urllib.parse
from dataclasses import dataclass
from importlib import resources as package_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    "read_details",
    "page_data",
    "render_page",
    "render_graph",
    "write_page",
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


@dataclass(frozen=True)
class RelationDetails:
    """What the page shows beyond the projection: evidence per relation, articles, CAMEO labels, the build."""

    evidence: dict[str, list[dict[str, Any]]]
    articles: dict[str, dict[str, str]]
    labels: dict[str, dict[str, str]]
    built: str
    version: str


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
    return RelationDetails(evidence, articles, labels, built, version)


def page_data(actor_graph: nx.MultiDiGraph, details: RelationDetails, *, lang: str = "fr",
              colour: str = "kind") -> dict[str, Any]:  # fmt: skip
    """Everything the page's script needs, as plain JSON-ready values: actors with their layout, size and
    measures; relations with their evidence and article; articles; legends; the summary; the confidence below
    which the projection left relations out (`minConfidence`, from the graph's `min_confidence`)."""
    if lang not in QUADCLASS_LABELS:
        raise OutputError(f"unknown language {lang!r}: expected fr or en")
    if colour not in ("kind", "bloc"):
        raise OutputError(f"unknown colouring {colour!r}: expected kind or bloc")
    asserted = nx.MultiDiGraph()
    asserted.add_nodes_from(actor_graph.nodes(data=True))
    asserted.add_edges_from((source, target, key, data) for source, target, key, data
                            in actor_graph.edges(keys=True, data=True) if data["mode"] == Mode.ASSERTED)  # fmt: skip
    measures = (analysis.centrality_table(asserted, exact_limit=EXACT_LIMIT, sample=BETWEENNESS_SAMPLE)
                if asserted.number_of_nodes() else None)  # fmt: skip
    blocs = analysis.blocs(asserted)
    undirected = analysis.to_weighted_graph(actor_graph, directed=False)
    positions = _layout(undirected)
    partners = _partners(analysis.to_weighted_graph(asserted, directed=False))
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
    relations = []
    for source, target, data in actor_graph.edges(data=True):
        if data.get("reversed"):
            continue
        labels = details.labels.get(data["code"], {})
        root_labels = details.labels.get(data["root"], {})
        relations.append({
            "source": source, "target": target, "code": data["code"], "root": data["root"],
            "label": labels.get(lang) or labels.get("en", data["code"]),
            "rootLabel": root_labels.get(lang) or root_labels.get("en", data["root"]),
            "quadclass": data["quadclass"], "goldstein": data["goldstein"], "mode": data["mode"],
            "symmetric": data["symmetric"], "date": data["date"], "confidence": data["confidence"],
            "article": data["article"], "evidence": details.evidence.get(data["relation"], []),
        })  # fmt: skip
    relations.sort(key=lambda item: (item["date"] or "9999", item["source"], item["target"], item["code"]))
    used = {relation["article"] for relation in relations}
    return {
        "lang": lang, "level": actor_graph.graph.get("level", "state"), "colour": colour,
        "minConfidence": float(actor_graph.graph.get("min_confidence", 0.0)),
        "nodes": nodes, "relations": relations,
        "measures": {measure.column: {"title": measure.title, "definition": measure.definition}
                     for measure in analysis.MEASURES if measure.column in PAGE_MEASURES},
        "articles": {key: value for key, value in details.articles.items() if key in used},
        "quadclasses": {quad: {"label": QUADCLASS_LABELS[lang][quad], "colour": colour_code}
                        for quad, colour_code in QUADCLASS_COLOURS.items()},
        "kinds": {kind: colour_code for kind, colour_code in KIND_COLOURS.items() if kind},
        "summary": {"articles": len(details.articles), "relations": len(relations), "actors": len(nodes),
                    "built": details.built[:19].replace("T", " "), "version": details.version},
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
    return environment.get_template("page.html").render(
        title=title, data=data, vis_nodes=nodes, vis_options=json.loads(options), vis_script=vis_script,
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


def safe_href(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, else None: no `javascript:`, `data:` or other schemes."""
    if not url:
        return None
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        return None
    return urllib.parse.urlunsplit(parsed)


# --- helpers ---------------------------------------------------------------------------------------------------


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


def _layout(undirected: nx.Graph) -> dict[str, tuple[float, float]]:
    """A seeded force-directed layout of the undirected dyad graph (more relations pull closer), in pixels."""
    if undirected.number_of_nodes() == 0:
        return {}
    count = undirected.number_of_nodes()
    if count < 500:  # Fruchterman-Reingold (networkx's dense solver below 500 actors)
        positions = nx.spring_layout(undirected, weight="count", seed=7, k=2.2 / math.sqrt(count), iterations=80)
    else:  # beyond, networkx's spring layout turns sparse and slow: ForceAtlas2 (Gephi's layout), vectorised
        positions = nx.rescale_layout_dict(nx.forceatlas2_layout(undirected, max_iter=60, seed=7, weight="count"))
    scale = 260 + 40 * math.sqrt(count)
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in positions.items()}


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
