"""Validation of a built graph against the SHACL shapes (`data/ontology/shapes.ttl`) with pySHACL.

Reads the store's named graphs as one union graph (so the ontology's class
hierarchy and the CAMEO scheme are visible) and reports each violation as a
line a person can read: the node, the property, the message. The graph is
checked as it is, or (`inference="rdfs"`) with what an RDFS reasoner infers
from the ontology's domains, ranges and hierarchy, as a triple store with
RDFS reasoning (GraphDB's default) would see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.query import to_text
from kg.resources import shapes_path

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["INFERENCES", "Inference", "ValidationReport", "validate_graph", "validate_store"]

Inference = Literal["none", "rdfs"]
INFERENCES: tuple[Inference, ...] = ("none", "rdfs")


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, how many focus nodes were checked, and one readable line per violation."""

    conforms: bool
    checked: int
    violations: tuple[str, ...]


def validate_graph(graph: Graph, *, inference: Inference = "none") -> ValidationReport:
    """Validate an rdflib graph against the shapes, as it is or with RDFS inference (`inference="rdfs"`)."""
    import pyshacl

    shapes = Graph().parse(shapes_path())
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes, inference=inference, advanced=True)
    violations = sorted(_describe(results, result) for result in results.subjects(SH.resultSeverity, SH.Violation))
    classes, properties = set(shapes.objects(None, SH.targetClass)), set(shapes.objects(None, SH.targetSubjectsOf))
    checked = len({node for node, kind in graph.subject_objects(RDF.type) if kind in classes}
                  | {node for prop in properties for node in graph.subjects(prop, None)})  # fmt: skip
    return ValidationReport(bool(conforms), checked, tuple(violations))


def validate_store(store: pyoxigraph.Store, *, inference: Inference = "none") -> ValidationReport:
    """Validate the union of a store's default graph and named graphs (with RDFS inference, `inference="rdfs"`)."""
    import pyoxigraph

    union = Graph()
    data = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    union.parse(data=pyoxigraph.serialize(data, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
    return validate_graph(union, inference=inference)


def _describe(results: Graph, result: object) -> str:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = results.value(result, SH.resultMessage)
    where = f"{to_text(focus)} {to_text(path)}" if path is not None else to_text(focus)
    found = f" (found {to_text(value)})" if value is not None else ""
    return f"{where}: {message}{found}"
