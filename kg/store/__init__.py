"""The store: the knowledge graph on disk (Oxigraph, under `OUT/store`), its updates, exports and queries.

Named graphs: one per article (replaced as a whole when the article is built
again). Everything else is in the default graph (ontology version 9; Oxigraph
keeps its quads in three indexes, a named graph's in six): the ontology, the
CAMEO scheme, the gazetteer and the build's provenance (`write_graph`), and what
is derived from every article's relations: the dyad summaries, the direct
actor-to-actor edges of asserted relations, the tallies (`kg.store.tallies`) and
the events across articles, all recomputed by a build for the dyads whose
relations it added or removed, so they stay exact (an older store's named graphs
of them are dropped then). Beside the store, the relation table the page
is drawn from (`kg.store.cells`, `OUT/cells.sqlite`), kept up to date the same
way. Graphs are written with Oxigraph's bulk loader when new (new article
graphs in batches) and replaced when they exist. `KnowledgeGraph` (returned by `kg.open`) answers
SPARQL with safely bound parameters and gives the rdflib Dataset.
"""

from __future__ import annotations

import datetime as dt
import errno
import gc
import logging
import os
import shutil
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph
from rdflib import Graph, URIRef

from kg.errors import OutputError
from kg.grouping import group_relations, outlet_of
from kg.records import GroupedEvent, Mode, RelationReport
from kg.store.cells import CELLS_FILE, mark_cells_stale, refresh_cells
from kg.store.model import (
    ROOT_EDGES,
    dyads_values,
    edge_quads,
    from_oxigraph_term,
    from_oxigraph_triple,
    grouped_events_quads,
    to_oxigraph_term,
)
from kg.store.rankings import refresh_rankings
from kg.store.summaries import DyadSummaries, read_codes
from kg.store.tallies import has_tallies, refresh_tallies
from kg.vocab import (
    BUILD_GRAPH,
    CAMEO,
    CAMEO_GRAPH,
    EVENTS_GRAPH,
    GAZETTEER_GRAPH,
    KG,
    ONTOLOGY_GRAPH,
    PREFIXES,
    SUMMARY_GRAPH,
    article_graph_iri,
    dyad_iri,
)

if TYPE_CHECKING:
    from rdflib import Dataset

__all__ = [
    "PREFIXES",
    "STORE_DIR",
    "EXPORT_FORMATS",
    "open_store",
    "write_graph",
    "has_reference_graphs",
    "REFERENCE_GRAPHS",
    "write_article_graphs",
    "refresh_summaries",
    "refresh_events",
    "refresh_tallies",
    "refresh_rankings",
    "has_tallies",
    "CELLS_FILE",
    "refresh_cells",
    "mark_cells_stale",
    "article_dyads",
    "has_article_graph",
    "article_ids_in_store",
    "remove_article_graph",
    "drop_graphs",
    "repack_store",
    "use_packed_store",
    "export_graph",
    "export_trig",
    "KnowledgeGraph",
    "open_graph",
]

STORE_DIR = "store"
PACKED_DIR = "store.packed"  # the store written again in one bulk load (`repack_store`), until it takes its place
STALE_DIR = "store.stale"  # the store a packed one replaces, while it is moved aside and removed
EXPORT_FORMATS = ("trig", "nquads", "turtle", "jsonld")

# How RocksDB (under Oxigraph) says its lock file is taken: by another process (the lock call fails with EAGAIN),
# or by this one.
_LOCK_FILE = f"{os.sep}LOCK:"
_LOCKED_HERE = "lock hold by current process"

log = logging.getLogger(__name__)
_XSD_DATE = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#date")
ONTOLOGY_IRI = "https://w3id.org/diplomatic-kg/ontology"  # the ontology's, and the start of each of its terms
# The reference graphs, in the default graph since ontology version 9 (Oxigraph keeps its quads in three indexes, a
# named graph's in six), each kind's triples found by what only its subjects have (SPARQL patterns binding ?s, and
# ?p when its subjects have others' triples too).
REFERENCE_GRAPHS = {
    str(ONTOLOGY_GRAPH): f'?s rdfs:label ?label FILTER(STRSTARTS(STR(?s), "{ONTOLOGY_IRI}")) .',
    str(CAMEO_GRAPH): "VALUES ?class { skos:Concept skos:ConceptScheme } ?s a ?class .",
    str(GAZETTEER_GRAPH): (  # (an actor is also the subject of direct edges, derived data)
        "?s kg:code ?code . VALUES ?p { <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> kg:code rdfs:label "
        "kg:actsFor owl:sameAs }"
    ),
    str(BUILD_GRAPH): "?s a kg:Build .",
}

# The dyads of some articles' relations. VALUES, here and in the summary query, go inside the GRAPH block: there
# Oxigraph starts from them (outside it, it joins them with every relation of the store).
_DYADS_QUERY = """
SELECT DISTINCT ?source ?target WHERE { GRAPH ?graph { VALUES ?graph { %s }
                                                       ?relation kg:source ?source ; kg:target ?target . } }
"""

# What grouping across articles reads of each relation of the store (kg.grouping): a row a relation (each of these
# properties is stated once; its symmetry only when true, the date's precision is its datatype), its evidence
# passages counted by a query of their own (`_EVIDENCE_COUNT_QUERY`:
# counted here, they would make a GROUP BY of every column, twice the cost of both queries).
_REPORTS_QUERY = """
SELECT ?relation ?id ?source ?target ?type ?mode ?symmetric ?date ?publisher ?url
WHERE {
  GRAPH ?graph {
    %s
    ?relation kg:source ?source ; kg:target ?target ; kg:eventType ?type ; kg:mode ?mode ;
              prov:wasDerivedFrom ?article .
    ?article schema:identifier ?id .
    OPTIONAL { ?relation kg:symmetric ?symmetric }
    OPTIONAL { ?relation kg:date ?date }
    OPTIONAL { ?article schema:publisher ?publisher }
    OPTIONAL { ?article schema:url ?url }
  }
}
"""
_EVIDENCE_COUNT_QUERY = """
SELECT ?relation (COUNT(?item) AS ?mentions)
WHERE { GRAPH ?graph { %s ?relation kg:source ?source ; kg:target ?target ; kg:evidence ?item . } }
GROUP BY ?relation
"""
# The same rows of every relation of the store, with its evidence passages counted (?mentions): each property read by
# a subquery of its own, which Oxigraph joins by hashing the relations (one scan of each property, as
# `kg.store.cells` reads them) instead of looking each up relation by relation (a quarter of the time of both queries
# above at 6,000 relations).
_ALL_REPORTS_QUERY = """
SELECT ?relation ?id ?source ?target ?type ?mode ?symmetric ?date ?publisher ?url ?mentions
WHERE {
  { SELECT ?relation ?source WHERE { GRAPH ?sourceGraph { ?relation kg:source ?source } } }
  { SELECT ?relation ?target WHERE { GRAPH ?targetGraph { ?relation kg:target ?target } } }
  { SELECT ?relation ?type WHERE { GRAPH ?typeGraph { ?relation kg:eventType ?type } } }
  { SELECT ?relation ?mode WHERE { GRAPH ?modeGraph { ?relation kg:mode ?mode } } }
  { SELECT ?relation ?article WHERE { GRAPH ?derivedGraph { ?relation prov:wasDerivedFrom ?article } } }
  { SELECT ?article ?id WHERE { GRAPH ?articleGraph { ?article schema:identifier ?id } } }
  OPTIONAL { SELECT ?relation ?symmetric WHERE { GRAPH ?symmetricGraph { ?relation kg:symmetric ?symmetric } } }
  OPTIONAL { SELECT ?relation ?date WHERE { GRAPH ?dateGraph { ?relation kg:date ?date } } }
  OPTIONAL { SELECT ?article ?publisher WHERE { GRAPH ?publisherGraph { ?article schema:publisher ?publisher } } }
  OPTIONAL { SELECT ?article ?url WHERE { GRAPH ?urlGraph { ?article schema:url ?url } } }
  OPTIONAL { SELECT ?relation (COUNT(?item) AS ?mentions)
             WHERE { GRAPH ?evidenceGraph { ?relation kg:evidence ?item } } GROUP BY ?relation }
}
"""
# Drop the events of some dyads (every event when `%(dyads)s` is empty) from the default graph: first the relations'
# links to them, then the events.
_REMOVE_EVENTS_UPDATE = """
DELETE { ?relation kg:partOfEvent ?event }
WHERE { %(dyads)s ?event kg:eventSource ?source ; kg:eventTarget ?target . ?relation kg:partOfEvent ?event } ;
DELETE { ?event ?predicate ?object }
WHERE { %(dyads)s ?event kg:eventSource ?source ; kg:eventTarget ?target ; ?predicate ?object }
"""
# Drop the direct edges between some dyads' actors (every direct edge when `%(dyads)s` is empty) from the default graph.
_REMOVE_EDGES_UPDATE = """
DELETE { ?source ?edge ?target } WHERE { %(dyads)s VALUES ?edge { %(edges)s } ?source ?edge ?target }
"""
# Drop every dyad summary from the default graph: their counts by root code, then the summaries.
_REMOVE_SUMMARIES_UPDATE = """
DELETE { ?entry ?predicate ?object }
WHERE { ?dyad kg:dyadSource ?source ; kg:rootCount ?entry . ?entry ?predicate ?object } ;
DELETE { ?dyad ?predicate ?object } WHERE { ?dyad kg:dyadSource ?source ; ?predicate ?object }
"""


def open_store(out_dir: Path, *, read_only: bool = False) -> pyoxigraph.Store:
    """Open (or create) the on-disk store of a build folder. A store a build was putting in place of another when
    it stopped (`use_packed_store`) is dropped for the one it replaced, which is whole."""
    path = out_dir / STORE_DIR
    try:
        if read_only:
            if not path.is_dir():
                raise OutputError(f"{path}: no store here; run kg build first")
            return pyoxigraph.Store.read_only(str(path))
        if not path.exists() and (out_dir / STALE_DIR).is_dir():
            os.replace(out_dir / STALE_DIR, path)
        path.mkdir(parents=True, exist_ok=True)
        for log_file in path.glob("LOG.old.*"):  # RocksDB's info logs of earlier opens (~150 KB each): never read
            log_file.unlink(missing_ok=True)
        store = pyoxigraph.Store(str(path))
        shutil.rmtree(out_dir / PACKED_DIR, ignore_errors=True)  # one a failed build left (its lock is ours now)
        return store
    except OSError as error:
        raise OutputError(f"{path}: {_open_failure(error)}") from error


def _open_failure(error: OSError) -> str:
    """Why the store could not be opened, in words: its lock held (by another process or by this one), or the
    cause the system gave (a full disk, a file where the folder should be)."""
    message = str(error)
    if _LOCKED_HERE in message:
        return "the store is open in this process already (an earlier build, or kg.open without close)"
    if _LOCK_FILE in message and os.strerror(errno.EAGAIN) in message:
        return "another kg process is writing the store; wait for it to finish"
    return f"cannot open the store: {error.strerror or message}"


def write_graph(store: pyoxigraph.Store, graph: Graph) -> None:
    """Replace the named graph `graph.identifier` by `graph`: bulk-loaded when new; otherwise removed, then
    loaded again (a load is parsed by Oxigraph itself: quicker than the same triples in a SPARQL update). A
    reference graph (the ontology, the CAMEO scheme, the gazetteer, the build's provenance: `REFERENCE_GRAPHS`)
    goes in the default graph instead, in place of the triples of its kind there (and of its named graph, in an
    older version's store)."""
    data = graph.serialize(format="nt", encoding="utf-8")
    kind = REFERENCE_GRAPHS.get(str(graph.identifier))
    if kind is not None:
        drop_graphs(store, graph.identifier)
        store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ {kind} ?s ?p ?o }}", prefixes=PREFIXES)
        store.load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
        return
    name = pyoxigraph.NamedNode(str(graph.identifier))
    if not store.contains_named_graph(name):
        store.bulk_load(data, format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=name)
        return
    store.remove_graph(name)
    store.load(data, format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=name)


def has_reference_graphs(store: pyoxigraph.Store) -> bool:
    """Whether the store's default graph holds the reference graphs (the CAMEO scheme stands for them): an older
    version's store keeps them in named graphs."""
    return bool(store.query("ASK { ?scheme a skos:ConceptScheme }", prefixes=PREFIXES))


def write_article_graphs(store: pyoxigraph.Store, graphs: Sequence[tuple[str, bytes]]) -> None:
    """Write a batch of article graphs, each given as (article id, its named graph as TriG, as made by
    `kg.store.model.article_to_trig`). The graphs new to the store go in one bulk load (a load has a fixed cost
    that dwarfs a small graph's); a graph already there is dropped and loaded again. Oxigraph parses and loads
    without holding Python's lock: other threads run meanwhile."""
    new: list[bytes] = []
    for article_id, data in graphs:
        name = pyoxigraph.NamedNode(str(article_graph_iri(article_id)))
        if store.contains_named_graph(name):
            store.remove_graph(name)
            store.load(data, format=pyoxigraph.RdfFormat.TRIG)
        else:
            new.append(data)
    if new:  # TriG documents one after the other are one TriG document (prefixes may be declared again)
        store.bulk_load(b"".join(new), format=pyoxigraph.RdfFormat.TRIG)


def has_article_graph(store: pyoxigraph.Store, article_id: str) -> bool:
    """Whether the store holds the named graph of this article."""
    return store.contains_named_graph(pyoxigraph.NamedNode(str(article_graph_iri(article_id))))


def article_ids_in_store(store: pyoxigraph.Store) -> list[str]:
    """The identifiers of the articles whose named graphs the store holds."""
    rows = store.query(
        "SELECT ?id WHERE { GRAPH ?graph { ?article a kg:Article ; schema:identifier ?id } }", prefixes=PREFIXES
    )
    return sorted(row["id"].value for row in rows)


def remove_article_graph(store: pyoxigraph.Store, article_id: str) -> None:
    """Remove an article's named graph (its relations and their evidence)."""
    store.update(f"DROP SILENT GRAPH <{article_graph_iri(article_id)}>")


def refresh_summaries(store: pyoxigraph.Store, *, dyads: Collection[tuple[str, str]] | None = None,
                      cells: Path | None = None) -> int:  # fmt: skip
    """Recompute the dyad summaries, the direct actor-to-actor edges of asserted relations (and the tallies,
    `kg.store.tallies`) from every article graph, in the default graph; return the number of dyads summarised.
    With `dyads`
    ((source, target) actor IRIs, as `article_dyads` gives them), only theirs, each both ways round: the rest of
    the summaries graph is kept as it is (exact as long as every relation added or removed since it was made is of
    these dyads). The summaries are counted from the tallies' read of the relations (`kg.store.summaries`). With
    `cells`, the relation table at that path (`kg.store.cells`) is made again too, for the same dyads, from the
    same read (a second read cost about a minute of CPU at a million relations). The ranking of actors
    (`kg.store.rankings`) is made again from the tallies."""
    if dyads is not None and store.contains_named_graph(pyoxigraph.NamedNode(str(SUMMARY_GRAPH))):
        dyads = None  # an older version's store (its summaries in a named graph): every dyad summarised again
    if dyads is not None:  # a symmetric relation of one is of both
        dyads = set(dyads) | {(target, source) for source, target in dyads}
    summaries = DyadSummaries(read_codes(store), only=dyads)
    refresh_tallies(store, dyads=dyads, cells=cells, summaries=summaries)
    if dyads is not None and not dyads:
        return 0
    refresh_rankings(store)  # from the tallies, whole
    quads = chain(summaries.quads(), edge_quads(summaries.edges))
    edge_names = " ".join(f"<{edge}>" for edge in ROOT_EDGES.values())
    if dyads is None:
        drop_graphs(store, SUMMARY_GRAPH)
        if store.query("ASK { ?dyad kg:dyadSource ?source }", prefixes=PREFIXES):
            store.update(_REMOVE_SUMMARIES_UPDATE, prefixes=PREFIXES)
            store.update(_REMOVE_EDGES_UPDATE % {"dyads": "", "edges": edge_names}, prefixes=PREFIXES)
            store.extend(quads)
        else:
            store.bulk_extend(quads)  # streamed: the summaries' quads are made as the store takes them
        return len(summaries)
    _remove_summaries(store, [dyad_iri(source.split("/")[-1], target.split("/")[-1]) for source, target in dyads])
    store.update(_REMOVE_EDGES_UPDATE % {"dyads": dyads_values(dyads), "edges": edge_names}, prefixes=PREFIXES)
    store.extend(quads)
    return len(summaries)


def article_dyads(store: pyoxigraph.Store, article_ids: Iterable[str]) -> set[tuple[str, str]]:
    """The dyads of the relations in these articles' graphs (those the store holds), each both ways round (a
    symmetric relation counts for both): (source, target) actor IRIs."""
    names = " ".join(f"<{article_graph_iri(article_id)}>" for article_id in article_ids)
    if not names:
        return set()
    dyads = set()
    for row in store.query(_DYADS_QUERY % names, prefixes=PREFIXES):
        source, target = row["source"].value, row["target"].value
        dyads |= {(source, target), (target, source)}
    return dyads


def refresh_events(store: pyoxigraph.Store, *, dyads: Collection[tuple[str, str]] | None = None) -> list[GroupedEvent]:
    """Group the relations of every article graph into events across articles (`kg.grouping`) and write them
    in the default graph (replacing the previous build's; an older version's named graph `graph:events`
    dropped); return the events grouped. With `dyads`
    ((source, target) actor IRIs, both ways round, as `article_dyads` gives them), only the relations of these
    dyads are grouped again and their events replaced: the other events are kept as they are (exact as long as
    every relation added or removed since they were grouped is of these dyads, since an event groups relations of
    one dyad; an event's identifier is its first report's, so a kept event keeps its IRI)."""
    if dyads is None or store.contains_named_graph(pyoxigraph.NamedNode(str(EVENTS_GRAPH))):
        events = group_relations(_relation_reports(store))
        drop_graphs(store, EVENTS_GRAPH)
        if store.query("ASK { ?event kg:eventSource ?source }", prefixes=PREFIXES):
            store.update(_REMOVE_EVENTS_UPDATE % {"dyads": ""}, prefixes=PREFIXES)
            store.extend(grouped_events_quads(events))
        else:
            store.bulk_extend(grouped_events_quads(events))  # streamed: no graph of every event in memory
        return events
    if not dyads:
        return []
    restriction = dyads_values(dyads)
    events = group_relations(_relation_reports(store, restriction=restriction))
    store.update(_REMOVE_EVENTS_UPDATE % {"dyads": restriction}, prefixes=PREFIXES)
    store.extend(grouped_events_quads(events))
    return events


def _relation_reports(store: pyoxigraph.Store, *, restriction: str = "") -> list[RelationReport]:
    """Each relation of the store (of the dyads a VALUES `restriction` binds, if given) as grouping reads it, in
    article order (by article id, then relation IRI)."""
    if restriction:
        mentions = {row["relation"]: row["mentions"]
                    for row in store.query(_EVIDENCE_COUNT_QUERY % restriction, prefixes=PREFIXES)}  # fmt: skip
        rows: Iterable[Any] = ((*row, mentions.get(row[0])) for row in store.query(_REPORTS_QUERY % restriction,
                                                                                   prefixes=PREFIXES))  # fmt: skip
    else:
        rows = store.query(_ALL_REPORTS_QUERY, prefixes=PREFIXES)
    reports = []
    for relation, article, source, target, type_, mode, symmetric, date, publisher, url, count in rows:
        day = date.value if date is not None and date.datatype == _XSD_DATE else None
        outlet = outlet_of(source=_value(publisher), url=_value(url), article=article.value)
        reports.append(RelationReport(
            relation.value, article.value, outlet, source.value.rsplit("/", 1)[-1],
            target.value.rsplit("/", 1)[-1], type_.value.removeprefix(str(CAMEO)),
            Mode(mode.value.rsplit("#", 1)[-1]), _value(symmetric) == "true",
            dt.date.fromisoformat(day) if day else None, (int(count.value) if count is not None else 0) or 1,
        ))  # fmt: skip
    reports.sort(key=lambda report: (report.article, report.relation))
    return reports


def drop_graphs(store: pyoxigraph.Store, *names: URIRef) -> None:
    """Drop these named graphs if the store has them: the derived graphs of an older version's store (summaries,
    tallies, events), which ontology version 9 keeps in the default graph."""
    for name in names:
        node = pyoxigraph.NamedNode(str(name))
        if store.contains_named_graph(node):
            store.remove_graph(node)


def _value(term: Any) -> str | None:
    return None if term is None else term.value


def _remove_summaries(store: pyoxigraph.Store, nodes: Iterable[URIRef]) -> None:
    """Remove these dyads' summaries (and their counts by root code) from the default graph."""
    graph = pyoxigraph.DefaultGraph()
    root_count = pyoxigraph.NamedNode(str(KG.rootCount))
    for node in nodes:
        quads = list(store.quads_for_pattern(pyoxigraph.NamedNode(str(node)), None, None, graph))
        for item in [quad.object for quad in quads if quad.predicate == root_count]:
            quads += store.quads_for_pattern(item, None, None, graph)
        for quad in quads:
            store.remove(quad)


def repack_store(
    store: pyoxigraph.Store, out_dir: Path, dump: Path, *, meanwhile: Callable[[], None] | None = None
) -> pyoxigraph.Store:
    """Write the whole store of `out_dir` again, as one bulk load into a new store beside it (`PACKED_DIR`), and
    return that one, open: its quads dumped to `dump` as TriG in the project's prefixes, the dump loaded. What
    loads and updates wrote piece by piece, in files of their own, the bulk loader writes in sorted, compressed
    files, about half the bytes on disk; a new store also drops the strings of the quads removed since (Oxigraph
    keeps them through `clear`). Costs a dump and a load of every quad: for a build that wrote most of its store
    again. The load runs on a thread of its own (Oxigraph loads without holding Python's lock) while `meanwhile`
    runs here, free to read the store, which is left as it was. The dump is kept: it is the store's export
    (`graph.trig`, as `export_graph` writes it), which the build would otherwise write by reading the store
    again. The named graphs left empty (the tallies of a store without relations) are kept. `use_packed_store`
    then puts the new store in the old one's place."""
    names = list(store.named_graphs())
    path = out_dir / PACKED_DIR
    try:
        shutil.rmtree(path, ignore_errors=True)  # a packed store a stopped build left
        store.dump(str(dump), format=pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES)
    except OSError as error:
        raise _repack_failure(path, dump, error) from error
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store-repack") as loader:
        loading = loader.submit(_load_packed, path, dump, names)
        if meanwhile is not None:
            meanwhile()  # its errors are its own; leaving the block waits for the load first
    try:
        return loading.result()
    except OSError as error:
        raise _repack_failure(path, dump, error) from error


def _repack_failure(path: Path, dump: Path, error: OSError) -> OutputError:
    """The error of a failed repack, in one line (the store is left as it was, the dump removed)."""
    dump.unlink(missing_ok=True)
    return OutputError(f"{path}: cannot repack the store: {error.strerror or error}")


def _load_packed(path: Path, dump: Path, names: Iterable[Any]) -> pyoxigraph.Store:
    """A new store at `path` holding the quads of `dump` (a TriG file the store wrote) and the named graphs `names`,
    empty or not."""
    packed = pyoxigraph.Store(str(path))
    # lenient: the store wrote this file itself, its IRIs and literals are valid (no check, a quicker load)
    packed.bulk_load(path=str(dump), format=pyoxigraph.RdfFormat.TRIG, lenient=True)
    for name in names:
        packed.add_graph(name)
    packed.flush()
    return packed


def use_packed_store(out_dir: Path) -> pyoxigraph.Store | None:
    """Put the store `repack_store` wrote in the place of the build folder's store, and open it; None if there is
    none. Both stores must be closed in this process (every reference dropped): if the old one is still open, it
    is kept (the packed one removed) and None returned. A build stopped between the two moves leaves the old store
    aside, which `open_store` puts back."""
    path, packed, stale = out_dir / STORE_DIR, out_dir / PACKED_DIR, out_dir / STALE_DIR
    if not packed.is_dir():
        return None
    try:
        probe = _closed_store(path)  # fails while the store is open in this process
    except OSError as error:
        log.warning("%s: the store is still open, kept as it is: %s", path, error)
        shutil.rmtree(packed, ignore_errors=True)
        return None
    del probe
    try:
        shutil.rmtree(stale, ignore_errors=True)
        os.replace(path, stale)
        os.replace(packed, path)
        (path / "LOG").unlink(missing_ok=True)  # the load's info log: opened again, it would be kept as LOG.old
        shutil.rmtree(stale, ignore_errors=True)
    except OSError as error:
        raise OutputError(f"{path}: cannot put the repacked store in place: {error.strerror or error}") from error
    return open_store(out_dir)


def _closed_store(path: Path) -> pyoxigraph.Store:
    """The store at `path`, opened: it must be closed in this process. A store still open only because a reference
    cycle holds it (a finished writer thread's) is closed by a collection first, then opened (a full collection walks
    every object of the process, the spaCy model's among them: it runs only when needed)."""
    try:
        return pyoxigraph.Store(str(path))
    except OSError:
        gc.collect()
    return pyoxigraph.Store(str(path))


def export_graph(store: pyoxigraph.Store, stream: IO[bytes], *, format: str) -> None:
    """Write the whole graph: TriG or N-Quads (the default graph and every named graph), Turtle or JSON-LD (their
    union)."""
    if format == "trig":  # with the project's prefixes: less than half the size
        store.dump(stream, format=pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES)
        return
    if format == "nquads":
        store.dump(stream, format=pyoxigraph.RdfFormat.N_QUADS)
        return
    union = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    rdf_format = pyoxigraph.RdfFormat.TURTLE if format == "turtle" else pyoxigraph.RdfFormat.JSON_LD
    pyoxigraph.serialize(union, stream, format=rdf_format, prefixes=PREFIXES if format == "turtle" else None)


def export_trig(store: pyoxigraph.Store, path: Path, article_trig: Callable[[str], bytes | None]) -> None:
    """Write every named graph of the store, then its default graph, to `path` as TriG, in the project's prefixes,
    as `export_graph` does,
    but an article's graph from `article_trig(article id)` when that gives it: the TriG the graph was loaded from
    (`write_article_graphs`), kept by the build. Reading the store back costs about 5 µs a quad (each term is
    looked up); pieces kept cost a file read. Graphs without a piece, or with one in other prefixes (an older
    version's), are read from the store."""
    articles = {str(article_graph_iri(article_id)): article_id for article_id in article_ids_in_store(store)}
    header = _prefix_lines()
    declared = set(header)
    with path.open("wb") as out:
        out.writelines(header)
        for name in store.named_graphs():
            article_id = articles.get(name.value)
            piece = article_trig(article_id) if article_id is not None else None
            prefixes, body = _split_prefixes(piece) if piece is not None else ([], None)
            if body is None or not declared.issuperset(prefixes):
                quads = store.quads_for_pattern(None, None, None, name)
                _, body = _split_prefixes(_to_trig(quads))
            out.write(body)
        out.write(_split_prefixes(_to_trig(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())))[1])


def _to_trig(quads: Iterable[pyoxigraph.Quad]) -> bytes:
    return pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES)


@cache
def _prefix_lines() -> tuple[bytes, ...]:
    """The lines Oxigraph writes to declare the project's prefixes (every piece it makes starts with them)."""
    node = pyoxigraph.NamedNode(PREFIXES["kg"])
    return tuple(_split_prefixes(_to_trig([pyoxigraph.Quad(node, node, node, node)]))[0])


def _split_prefixes(trig: bytes) -> tuple[list[bytes], bytes]:
    """A TriG document's leading prefix lines, and the rest."""
    lines, start = [], 0
    while trig.startswith(b"@prefix ", start):
        end = trig.index(b"\n", start) + 1
        lines.append(trig[start:end])
        start = end
    return lines, trig[start:]


class KnowledgeGraph:
    """A built knowledge graph, opened for reading: SPARQL with bound parameters, and the rdflib Dataset.

    >>> import kg
    >>> graph = kg.open("out")
    >>> rows = graph.query("SELECT ?s ?r WHERE { GRAPH ?g { ?r kg:source ?s } }", s=kg.actor("RUS"))
    """

    def __init__(self, out_dir: Path, store: pyoxigraph.Store) -> None:
        self.out_dir = out_dir
        self.store = store

    def query(self, sparql: str, **bindings: object) -> list[dict[str, object]] | bool | Graph:
        """Run a SPARQL query; keyword arguments bind variables (never pasted into the text).

        Values may be rdflib terms, or Python values (str, int, float, bool, dates) bound as literals.
        SELECT gives a list of dicts of rdflib terms, ASK a bool, CONSTRUCT/DESCRIBE an rdflib Graph.
        Prefixes are predefined: `kg:` (the ontology), `actor:` (actor:RUS), `graph:` (graph:article/ID),
        `cameo:` (cameo:057), `id:`, `wd:`, `skos:`, `rdfs:`, `schema:`, `prov:`, `owl:`. A bound variable
        must appear in the SELECT clause (Oxigraph substitutes values as SPARQL SEP-0007 defines).
        """
        result = self._run(sparql, bindings)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return bool(result)
        if isinstance(result, pyoxigraph.QuerySolutions):
            names = [variable.value for variable in result.variables]
            # Each distinct term of the answer is made once: actors, counts and scores recur row after row, and an
            # rdflib typed literal parses its value (~30 µs). A solution gives its terms in the SELECT clause's order.
            convert = cache(from_oxigraph_term)
            return [dict(zip(names, map(convert, solution), strict=True)) for solution in result]
        graph = Graph()
        for triple in result:
            graph.add(from_oxigraph_triple(triple))
        return graph

    def query_values(self, sparql: str, **bindings: object) -> list[dict[str, str | None]]:
        """Run a SELECT query and return plain lexical values (IRIs and literals as `str`, unbound as None):
        the fast path for bulk reads such as the networkx projection (no rdflib term per value)."""
        result = self._run(sparql, bindings)
        if not isinstance(result, pyoxigraph.QuerySolutions):
            raise OutputError("query_values needs a SELECT query")
        names = [variable.value for variable in result.variables]
        return [{name: (None if solution[name] is None else solution[name].value) for name in names}
                for solution in result]  # fmt: skip

    def query_rows(self, sparql: str, **bindings: object) -> Iterator[tuple[str | None, ...]]:
        """Run a SELECT query and yield each row as a tuple of lexical values in the SELECT clause's order
        (unbound as None), as the store gives them: the leanest path for reads of a row per relation."""
        result = self._run(sparql, bindings)
        if not isinstance(result, pyoxigraph.QuerySolutions):
            raise OutputError("query_rows needs a SELECT query")
        for solution in result:
            yield tuple([None if term is None else term.value for term in solution])

    def _run(self, sparql: str, bindings: dict[str, object]) -> Any:
        """The store's answer, with the predefined prefixes and the bound values; a syntax error, or a value
        bound to a variable the query does not select, in one line."""
        try:
            return self.store.query(
                sparql,
                prefixes=PREFIXES,
                substitutions={pyoxigraph.Variable(k): to_oxigraph_term(v) for k, v in bindings.items()},
            )
        except SyntaxError as error:
            raise OutputError(f"SPARQL syntax error: {error}") from error
        except RuntimeError as error:  # Oxigraph checks the bound variables before it runs anything
            if not bindings:
                raise
            names = ", ".join(f"?{name}" for name in bindings)
            raise OutputError(
                f"cannot bind {names}: {error} (a parameter must be a variable the query SELECTs)"
            ) from error

    @property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset over the same Oxigraph store (through oxrdflib); its default graph is
        the union of the named graphs."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        return Dataset(store=OxigraphStore(store=self.store), default_union=True)

    def close(self) -> None:
        del self.store

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_graph(out_dir: str | Path) -> KnowledgeGraph:
    """Open a build's knowledge graph for reading (`kg.open`)."""
    out = Path(out_dir)
    return KnowledgeGraph(out, open_store(out, read_only=True))
