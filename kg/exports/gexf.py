"""Actor graphs as GEXF 1.2 for Gephi: dynamic, valid against the GEXF 1.2 schema, typed as in GraphML.

Reads a networkx graph (`kg.analysis`'s actor graph, one edge per relation, or its weighted dyad graph);
writes a GEXF file whose edges carry spells from their dates (`date`, or `first_date` to `last_date`), so
Gephi's timeline plays the relations. Attribute types follow networkx's GraphML writer (str string, int long,
float double, bool boolean) and the weight is the edge's GEXF `weight` (a float), as GraphML's is a double.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kg import __version__

if TYPE_CHECKING:  # networkx is not loaded with the CLI, only by whoever builds a graph
    import networkx as nx

__all__ = ["GEXF_NAMESPACE", "GEXF_VERSION", "to_gexf", "write_gexf", "date_spell"]

GEXF_NAMESPACE = "http://www.gexf.net/1.2"
GEXF_VERSION = "1.2"
_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}  # bool first: a bool is an int
# Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE and U+FFFF): left out of values.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write_gexf(graph: nx.Graph, target: Path | IO[bytes], *, description: str = "") -> None:
    """Write `graph` as a dynamic GEXF 1.2 file (see `to_gexf`)."""
    tree = ET.ElementTree(to_gexf(graph, description=description))
    ET.indent(tree)
    tree.write(target, encoding="utf-8", xml_declaration=True)


def to_gexf(graph: nx.Graph, *, description: str = "") -> ET.Element:
    """The GEXF document of a graph: node and edge attributes declared with their types, edge ids from the
    multigraph keys (no extra key column), each dated edge's spell (timeformat "date"), and the graph's own
    settings (`graph.graph`: level, modes...) in the description."""
    root = ET.Element("gexf", {"xmlns": GEXF_NAMESPACE, "version": GEXF_VERSION})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = f"diplomatic-kg {__version__}"
    settings = "; ".join(f"{name}={value}" for name, value in graph.graph.items())  # level, modes...
    if description or settings:
        ET.SubElement(meta, "description").text = _text(" ".join(part for part in (description, settings) if part))
    kind = "directed" if graph.is_directed() else "undirected"
    element = ET.SubElement(root, "graph", {"mode": "dynamic", "timeformat": "date", "defaultedgetype": kind})
    edges = list(graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True))
    node_types = _declare(element, "node", (data for _, data in graph.nodes(data=True)), skip={"label"})
    edge_types = _declare(element, "edge", (edge[-1] for edge in edges), skip={"weight"})
    nodes = ET.SubElement(element, "nodes", {"count": str(graph.number_of_nodes())})
    for node, data in graph.nodes(data=True):
        item = ET.SubElement(nodes, "node", {"id": _text(node), "label": _text(data.get("label", node))})
        _values(item, data, node_types)
    items = ET.SubElement(element, "edges", {"count": str(len(edges))})
    for number, edge in enumerate(edges):
        data = edge[-1]
        attributes = {"id": _text(edge[2]) if graph.is_multigraph() else str(number),
                      "source": _text(edge[0]), "target": _text(edge[1])}  # fmt: skip
        if data.get("weight") is not None:
            attributes["weight"] = _float(float(data["weight"]))
        item = ET.SubElement(items, "edge", attributes)
        _values(item, data, edge_types)
        if spell := date_spell(data):
            ET.SubElement(ET.SubElement(item, "spells"), "spell", {"start": spell[0], "end": spell[1]})
    return root


def date_spell(data: dict[str, Any]) -> tuple[str, str] | None:
    """The days an edge spans: its `date`, or `first_date` to `last_date`, each "YYYY", "YYYY-MM" or
    "YYYY-MM-DD" taken from its first to its last day; None when undated (the edge is always there)."""
    first, last = data.get("first_date") or data.get("date"), data.get("last_date") or data.get("date")
    if not first or not last:
        return None
    return _days(str(first))[0], _days(str(last))[1]


def _declare(graph: ET.Element, kind: str, rows: Any, *, skip: set[str]) -> dict[str, str]:
    """Declare each attribute met in `rows` with its type (the first value's; a mix of types is a string)."""
    types: dict[str, str] = {}
    for data in rows:
        for name, value in data.items():
            if name in skip or value is None:
                continue
            found = next((label for python, label in _TYPES.items() if isinstance(value, python)), "string")
            types[name] = found if types.get(name, found) == found else "string"
    block = ET.SubElement(graph, "attributes", {"class": kind})
    for name, label in types.items():
        ET.SubElement(block, "attribute", {"id": _text(name), "title": _text(name), "type": label})
    return types


def _values(item: ET.Element, data: dict[str, Any], types: dict[str, str]) -> None:
    present = [(name, value) for name, value in data.items() if name in types and value is not None]
    if not present:
        return
    values = ET.SubElement(item, "attvalues")
    for name, value in present:
        text = str(value).lower() if isinstance(value, bool) else _float(value) if isinstance(value, float) else value
        ET.SubElement(values, "attvalue", {"for": _text(name), "value": _text(text)})


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def _float(value: float) -> str:
    """A float as XML Schema writes it (NaN, INF, -INF for the special values)."""
    if math.isnan(value):
        return "NaN"
    return repr(value) if math.isfinite(value) else ("INF" if value > 0 else "-INF")


def _days(value: str) -> tuple[str, str]:
    """The first and last day a date of any precision covers."""
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    day = dt.date.fromisoformat(value[:10]).isoformat()
    return day, day
