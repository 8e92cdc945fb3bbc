"""The RDF model: records to RDF graphs, as pure transforms (no files, no store).

An article's graph holds the article (its metadata: its text is in
`articles.jsonl`, its actor mentions, with offsets and how each was resolved,
in `mentions.jsonl`) and its relations (one event node each, with evidence and
provenance): nothing another of its quads, or another graph, already gives
(ontology version 9: no type of a relation, its acting actors only when they
are not its states, `kg:symmetric` only when true, the date's precision in its
datatype). What is derived from the relations of every article is in the
store's default graph, which Oxigraph indexes three ways instead of six: the
direct actor-to-actor edges of asserted relations (`edge_quads`, one per root
between two actors), the events across articles (`grouped_events_quads`), and
the dyad summaries and tallies (`kg.store`). It is made as Oxigraph quads
(thousands of articles go through it: TriG for the store and `graph.trig`), and
offered as an rdflib Graph too. The
CAMEO scheme (SKOS), the gazetteer's actors (linked to Wikidata) and the
build's provenance are rdflib graphs of their own; the terms of the two
libraries convert both ways here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pyoxigraph
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg.records import ActorKind, Article, CameoCode, Event, Evidence, Gazetteer, GroupedEvent, Mode
from kg.vocab import (
    CAMEO,
    CAMEO_GRAPH,
    GAZETTEER_GRAPH,
    KG,
    PREFIXES,
    SCHEMA,
    actor_iri,
    article_graph_iri,
    article_iri,
    cameo_iri,
    event_iri,
    evidence_iri,
    relation_iri,
    wikidata_iri,
)

__all__ = [
    "ROOT_EDGES",
    "ACTOR_CLASSES",
    "article_to_graph",
    "article_to_trig",
    "cameo_to_graph",
    "gazetteer_to_graph",
    "build_to_graph",
    "grouped_events_to_graph",
    "grouped_events_quads",
    "edge_quads",
    "date_literal",
    "decimal_lexical",
    "dyads_values",
    "ox_date",
    "ox_literal",
    "OX_KG",
    "OX_RDF",
    "to_oxigraph_term",
    "from_oxigraph_term",
    "from_oxigraph_triple",
]

# The direct edge each CAMEO root materialises between actors (see data/ontology/kg.ttl).
ROOT_EDGES = {
    "01": KG.makesStatementAbout, "02": KG.appealsTo, "03": KG.expressesIntentToCooperateWith, "04": KG.consults,
    "05": KG.cooperatesDiplomaticallyWith, "06": KG.cooperatesMateriallyWith, "07": KG.providesAidTo,
    "08": KG.yieldsTo, "09": KG.investigates, "10": KG.demandsFrom, "11": KG.disapprovesOf, "12": KG.rejects,
    "13": KG.threatens, "14": KG.protestsAgainst, "15": KG.exhibitsForcePostureTowards,
    "16": KG.reducesRelationsWith, "17": KG.coerces, "18": KG.assaults, "19": KG.fights,
    "20": KG.usesMassViolenceAgainst,
}  # fmt: skip
ACTOR_CLASSES = {
    ActorKind.STATE: KG.State, ActorKind.PERSON: KG.Person, ActorKind.ORGANISATION: KG.Organisation,
    ActorKind.COLLECTIVE: KG.CollectiveActor,
}  # fmt: skip
_XSD_INTEGER, _XSD_STRING, _XSD_BOOLEAN, _XSD_DECIMAL, _XSD_DATE = (
    pyoxigraph.NamedNode(str(datatype)) for datatype in (XSD.integer, XSD.string, XSD.boolean, XSD.decimal, XSD.date)
)
MODES = {Mode.ASSERTED: KG.asserted, Mode.HYPOTHETICAL: KG.hypothetical, Mode.NEGATED: KG.negated}


def article_to_graph(article: Article, events: Iterable[Event], *, build: URIRef | None = None) -> Graph:
    """One article's named graph: the article and its relations with evidence."""
    graph = Graph(identifier=article_graph_iri(article.id))
    for quad in _article_quads(article, events, build):
        graph.add(from_oxigraph_triple(quad))
    return graph


def article_to_trig(article: Article, events: Iterable[Event], *, build: URIRef | None = None) -> bytes:
    """The same triples as `article_to_graph`, in the article's named graph, as a TriG document in the project's
    prefixes: the fast path of bulk builds, ready for `kg.store.write_article_graphs` and, kept, a piece of the
    build's `graph.trig` (`kg.store.export_trig`)."""
    quads = _article_quads(article, events, build)
    return pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES)


def to_oxigraph_term(value: object) -> Any:
    """An rdflib term (or a Python value, taken as an rdflib Literal) as the equivalent pyoxigraph term."""
    if isinstance(value, URIRef):
        return _named_node(str(value))
    if isinstance(value, BNode):
        return pyoxigraph.BlankNode(str(value))
    literal = value if isinstance(value, Literal) else Literal(value)
    if literal.language:
        return pyoxigraph.Literal(str(literal), language=literal.language)
    datatype = _named_node(str(literal.datatype)) if literal.datatype else None
    return pyoxigraph.Literal(str(literal), datatype=datatype)


def from_oxigraph_term(term: Any) -> Any:
    """A pyoxigraph term (or None) as the equivalent rdflib term."""
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype == _XSD_STRING:
        return Literal(term.value)  # a simple literal: rdflib keeps no datatype for them
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def from_oxigraph_triple(triple: Any) -> tuple[Any, Any, Any]:
    """A pyoxigraph triple (or a quad's triple) as rdflib terms."""
    return from_oxigraph_term(triple.subject), from_oxigraph_term(triple.predicate), from_oxigraph_term(triple.object)


@lru_cache(maxsize=4096)
def _named_node(iri: str) -> Any:
    """The pyoxigraph IRI term (vocabulary terms recur in every article: made once)."""
    return pyoxigraph.NamedNode(iri)


class _Terms:
    """A namespace's terms as pyoxigraph IRIs, each made on first use (`OX_KG.text`); unknown names fail as they do
    in the rdflib namespace."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> Any:
        term = pyoxigraph.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, term)
        return term


OX_KG, OX_RDF, _PROV, _SCHEMA = _Terms(KG), _Terms(RDF), _Terms(PROV), _Terms(SCHEMA)
_OX_ROOT_EDGES = {root: pyoxigraph.NamedNode(str(edge)) for root, edge in ROOT_EDGES.items()}
_OX_MODES = {mode: pyoxigraph.NamedNode(str(term)) for mode, term in MODES.items()}
_TRUE, _FALSE = pyoxigraph.Literal("true", datatype=_XSD_BOOLEAN), pyoxigraph.Literal("false", datatype=_XSD_BOOLEAN)


def ox_literal(value: object) -> Any:
    """A Python value as the pyoxigraph literal rdflib would make of it (strings, integers and booleans directly:
    an rdflib Literal costs several times more to make)."""
    kind = type(value)
    if kind is str:
        return pyoxigraph.Literal(value)
    if kind is int:
        return pyoxigraph.Literal(str(value), datatype=_XSD_INTEGER)
    if kind is bool:
        return _TRUE if value else _FALSE
    return to_oxigraph_term(Literal(value))


def ox_date(value: str) -> Any:
    """An xsd:date (or gYearMonth, gYear) literal of an ISO date, as pyoxigraph's term (`date_literal`)."""
    return date_literal(
        value, lambda lexical, datatype: pyoxigraph.Literal(lexical, datatype=_named_node(str(datatype)))
    )


def dyads_values(dyads: Collection[tuple[str, str]]) -> str:
    """A SPARQL VALUES clause binding (?source ?target) to these dyads' actor IRIs."""
    pairs = " ".join(f"(<{source}> <{target}>)" for source, target in sorted(dyads))
    return f"VALUES (?source ?target) {{ {pairs} }}"


def _article_quads(article: Article, events: Iterable[Event], build: URIRef | None) -> list[Any]:
    """The quads of an article's named graph, made directly as pyoxigraph terms (IRIs of actors made once)."""
    graph = pyoxigraph.NamedNode(article_graph_iri(article.id))
    quads: list[Any] = []

    def add(subject: Any, predicate: Any, value: Any) -> None:
        quads.append(pyoxigraph.Quad(subject, predicate, value, graph))

    actors: dict[str, Any] = {}

    def actor(actor_id: str) -> Any:
        if actor_id not in actors:
            actors[actor_id] = pyoxigraph.NamedNode(actor_iri(actor_id))
        return actors[actor_id]

    node = pyoxigraph.NamedNode(article_iri(article.id))
    add(node, OX_RDF.type, OX_KG.Article)
    add(node, _SCHEMA.identifier, ox_literal(article.id))
    add(node, _SCHEMA.headline, ox_literal(article.title))
    add(node, _SCHEMA.contentUrl if not article.url else _SCHEMA.url, ox_literal(article.url or article.path))
    if article.lang:
        add(node, _SCHEMA.inLanguage, ox_literal(article.lang))
    if article.source:
        add(node, _SCHEMA.publisher, ox_literal(article.source))
    if article.date:
        add(node, _SCHEMA.datePublished, ox_date(article.date.isoformat()))
    if build is not None:  # once a graph: the build that analysed the article generated it and its relations
        add(graph, _PROV.wasGeneratedBy, pyoxigraph.NamedNode(build))
    for event in events:
        _add_relation(add, actor, node, event, article.lang)
    return quads


_Adder = Callable[[Any, Any, Any], None]


def _add_passage(add: _Adder, node: Any, evidence: Evidence, lang: str | None) -> None:
    """An evidence passage of an article: its text, tagged with the article's language, its start in the original
    and its trigger's offsets there. Neither its type (kg:evidence's range says it), nor its article (its
    relation's, and its named graph's), nor the index of its sentence (no query reads it; `relations.jsonl` has
    it) is stated; nor what its text and offsets give: its end (its start and its text's length) and the
    trigger's words (the text between the trigger's offsets), which the named queries compute."""
    add(node, OX_KG.text, pyoxigraph.Literal(evidence.text, language=lang) if lang else ox_literal(evidence.text))
    add(node, OX_KG.start, ox_literal(evidence.start))
    add(node, OX_KG.triggerStart, ox_literal(evidence.trigger_start))
    add(node, OX_KG.triggerEnd, ox_literal(evidence.trigger_end))


def _add_relation(add: _Adder, actor: Callable[[str], Any], article: Any, event: Event, lang: str | None) -> None:
    """A relation's event node (ontology version 9): its ends, code, mode, confidence, article, date and evidence.
    Not what the rest gives: its direct edge (made with the dyad summaries, `edge_quads`), its type (the domain
    of `kg:source` gives it), its
    acting person or body when it is the state itself (`kg:sourceActor`, `kg:targetActor`: read as
    `COALESCE(?sourceActor, ?source)`), its symmetry when false (`kg:symmetric true` only) and its date's
    precision (the date's datatype)."""
    iri = relation_iri(event.article, event.source, event.target, event.sub, str(event.mode), event.symmetric)
    node = pyoxigraph.NamedNode(iri)
    source, target = actor(event.source), actor(event.target)
    add(node, OX_KG.source, source)
    add(node, OX_KG.target, target)
    if event.source_actor != event.source:  # a person or body acts: else the state itself
        add(node, OX_KG.sourceActor, actor(event.source_actor))
    if event.target_actor != event.target:
        add(node, OX_KG.targetActor, actor(event.target_actor))
    add(node, OX_KG.eventType, _named_node(str(cameo_iri(event.sub))))
    add(node, OX_KG.mode, _OX_MODES[event.mode])
    if event.symmetric:
        add(node, OX_KG.symmetric, _TRUE)
    add(node, OX_KG.confidence, pyoxigraph.Literal(decimal_lexical(event.confidence), datatype=_XSD_DECIMAL))
    add(node, _PROV.wasDerivedFrom, article)
    if event.date:  # its precision is its datatype's: xsd:date (a day), xsd:gYearMonth (a month), xsd:gYear
        add(node, OX_KG.date, ox_date(event.date))
    for evidence in event.evidences:
        item = pyoxigraph.NamedNode(evidence_iri(iri, evidence.start, evidence.end))
        add(node, OX_KG.evidence, item)
        _add_passage(add, item, evidence, lang)


def cameo_to_graph(codes: dict[str, CameoCode], root_labels_fr: dict[str, str]) -> Graph:
    """The CAMEO codebook as a SKOS concept scheme, with Goldstein, QuadClass and PLOVER."""
    graph = Graph(identifier=CAMEO_GRAPH)
    scheme = URIRef(str(CAMEO))
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, RDFS.label, Literal("CAMEO event codes", lang="en")))
    for code in codes.values():
        concept = cameo_iri(code.code)
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.notation, Literal(code.code)))
        graph.add((concept, SKOS.prefLabel, Literal(code.name, lang="en")))
        graph.add((concept, KG.goldstein, Literal(decimal_lexical(code.goldstein), datatype=XSD.decimal)))
        graph.add((concept, KG.quadClass, Literal(int(code.quadclass))))
        graph.add((concept, KG.plover, Literal(code.plover)))
        graph.add((concept, KG.rootCode, Literal(code.root)))
        if code.code == code.root:
            graph.add((scheme, SKOS.hasTopConcept, concept))
            if code.root in root_labels_fr:
                graph.add((concept, SKOS.prefLabel, Literal(root_labels_fr[code.root], lang="fr")))
        else:
            graph.add((concept, SKOS.broader, cameo_iri(code.root)))
    return graph


def gazetteer_to_graph(gazetteer: Gazetteer) -> Graph:
    """The actors: type, code, labels in French and English, the state they act for, Wikidata link."""
    graph = Graph(identifier=GAZETTEER_GRAPH)
    for actor in gazetteer.actors.values():
        node = actor_iri(actor.id)
        graph.add((node, RDF.type, ACTOR_CLASSES[actor.kind]))
        graph.add((node, KG.code, Literal(actor.id)))
        graph.add((node, RDFS.label, Literal(actor.label_fr, lang="fr")))
        graph.add((node, RDFS.label, Literal(actor.label_en, lang="en")))
        graph.add((node, KG.actsFor, actor_iri(actor.state)))
        if actor.qid:
            graph.add((node, OWL.sameAs, wikidata_iri(actor.qid)))
    return graph


def build_to_graph(identifier: URIRef, build: URIRef, *, started: dt.datetime, versions: dict[str, str]) -> Graph:
    """The build as a PROV activity, with the tool, model and lexicon versions it used."""
    graph = Graph(identifier=identifier)
    graph.add((build, RDF.type, KG.Build))
    graph.add((build, PROV.startedAtTime, Literal(started)))
    graph.add((build, KG.toolVersion, Literal(versions["tool"])))
    graph.add((build, KG.modelVersion, Literal(versions["model"])))
    graph.add((build, KG.lexiconVersion, Literal(versions["lexicon"])))
    return graph


def grouped_events_to_graph(events: Iterable[GroupedEvent]) -> Graph:
    """The events across articles (`kg.grouping`) as the store's default graph holds them (`graph:events` up to
    ontology version 8): each event of several
    relations with its dyad, code, mode, first and last day and GDELT's counts, the articles that report it, and
    each article-level relation linked to it (`kg:partOfEvent`; the relations stay in their articles' graphs)."""
    graph = Graph()
    for quad in grouped_events_quads(events):
        graph.add(from_oxigraph_triple(quad))
    return graph


def grouped_events_quads(events: Iterable[GroupedEvent]) -> Iterator[Any]:
    """The quads of `grouped_events_to_graph`, made directly as pyoxigraph terms, one event at a time: a store
    takes them as they come (a million events as one rdflib graph would take tens of gigabytes). An event of one
    relation has no node: everything it would say is its relation's (its IRI is a digest of the relation's, its
    counts one article, one outlet and the relation's evidence), and most events are of one relation; the named
    queries read it from the relation (`data/queries/events.rq`). The quads are given no graph: they are in the
    default graph, and made ten times more quickly than given `pyoxigraph.DefaultGraph()`."""
    for event in events:
        if len(event.relations) < 2:
            continue
        node = pyoxigraph.NamedNode(str(event_iri(event.id)))
        values = [
            (OX_RDF.type, OX_KG.Event), (OX_KG.eventSource, _named_node(str(actor_iri(event.source)))),
            (OX_KG.eventTarget, _named_node(str(actor_iri(event.target)))),
            (OX_KG.eventCode, _named_node(str(cameo_iri(event.code)))), (OX_KG.eventMode, _OX_MODES[event.mode]),
            (OX_KG.eventSymmetric, ox_literal(event.symmetric)),
        ]  # fmt: skip
        for predicate, day in ((OX_KG.firstDay, event.first_day), (OX_KG.lastDay, event.last_day)):
            if day is not None:
                values.append((predicate, pyoxigraph.Literal(day.isoformat(), datatype=_XSD_DATE)))
        values += [(OX_KG.numMentions, ox_literal(event.num_mentions)),
                   (OX_KG.numSources, ox_literal(event.num_sources)),
                   (OX_KG.numArticles, ox_literal(event.num_articles))]  # fmt: skip
        values += [(OX_KG.reportedIn, _named_node(str(article_iri(article)))) for article in event.articles]
        for predicate, value in values:
            yield pyoxigraph.Quad(node, predicate, value)
        for relation in event.relations:
            yield pyoxigraph.Quad(pyoxigraph.NamedNode(relation), OX_KG.partOfEvent, node)


def edge_quads(edges: Iterable[tuple[Any, str, Any]]) -> list[Any]:
    """The direct actor-to-actor edges (source, CAMEO root, target: Oxigraph terms for the actors) as quads of the
    default graph, one per root between two actors however many asserted relations state it: they are made with
    the dyad summaries (`kg.store.refresh_summaries`), not by each article (ontology version 9)."""
    return [pyoxigraph.Quad(source, _OX_ROOT_EDGES[root], target) for source, root, target in sorted(
        edges, key=lambda edge: (edge[0].value, edge[1], edge[2].value))]  # fmt: skip


def decimal_lexical(value: float) -> str:
    """A number's canonical xsd:decimal form (XSD 1.1: "-5", "0.9"), the form the store keeps and gives back, so
    that the TriG an article's graph is loaded from says what the store says."""
    return format(Decimal(repr(value)).normalize(), "f")


def date_literal(value: str, literal: Callable[..., Any] = Literal) -> Any:
    """A date of known precision as xsd:date, xsd:gYearMonth or xsd:gYear (made by `literal`)."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return literal(value, datatype=datatype)
