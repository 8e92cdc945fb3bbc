"""diplomatic-kg: a knowledge graph of diplomatic relations built from news articles.

The package's stages, bottom to top: records, errors, resources, vocab;
ingest, nlp, actors, events, store; pipeline; cli. For scripts and notebooks:

    import kg
    graph = kg.open("out")                      # a build's folder
    graph.query("SELECT ...", actor=kg.actor("RUS"))
    graph.query_df("partners", actor="PRK")     # a pandas DataFrame
    graph.dataset                               # the rdflib Dataset
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

try:
    __version__ = version("diplomatic-kg")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from rdflib import URIRef

    from kg.query import QueryGraph

__all__ = ["__version__", "open", "actor"]


def open(out_dir: str | Path = "out") -> QueryGraph:
    """Open a build's knowledge graph for reading (SPARQL, pandas DataFrames, rdflib Dataset)."""
    from kg.query import QueryGraph
    from kg.store import open_store

    out = Path(out_dir)
    return QueryGraph(out, open_store(out, read_only=True))


def actor(actor_id: str) -> URIRef:
    """The IRI of an actor, for binding query parameters: `kg.actor("RUS")`."""
    from kg.vocab import actor_iri

    return actor_iri(actor_id)
