"""The RDF model: records to rdflib graphs, as pure transforms (no files, no store).

An article's graph holds the article, its actor mentions, its relations (one
event node each, with evidence and provenance) and the direct actor-to-actor
edges of its asserted relations. The CAMEO scheme (SKOS), the gazetteer's
actors (linked to Wikidata) and the build's provenance have graphs of their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import pyoxigraph
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg.records import ActorKind, Article, CameoCode, Event, Gazetteer, Mention
from kg.vocab import (
    CAMEO,
    CAMEO_GRAPH,
    GAZETTEER_GRAPH,
    KG,
    SCHEMA,
    actor_iri,
    article_graph_iri,
    article_iri,
    cameo_iri,
    dyad_iri,
    evidence_iri,
    mention_iri,
    relation_iri,
    wikidata_iri,
)

__all__ = [
    "ROOT_EDGES",
    "ACTOR_CLASSES",
    "article_to_graph",
    "article_to_nquads",
    "cameo_to_graph",
    "gazetteer_to_graph",
    "build_to_graph",
    "date_literal",
    "to_oxigraph_term",
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
MODES = {"asserted": KG.asserted, "hypothetical": KG.hypothetical, "negated": KG.negated}


def article_to_graph(
    article: Article, mentions: Iterable[Mention], events: Iterable[Event], *, build: URIRef | None = None
) -> Graph:
    """One article's named graph: the article, its mentions, its relations with evidence, and direct edges."""
    graph = Graph(identifier=article_graph_iri(article.id))
    _add_article(graph, article, mentions, events, build)
    return graph


def article_to_nquads(
    article: Article, mentions: Iterable[Mention], events: Iterable[Event], *, build: URIRef | None = None
) -> bytes:
    """The same triples as `article_to_graph`, in the article's named graph, serialised as N-Quads by Oxigraph
    without building an rdflib Graph (whose indexing is half the cost of a small graph): the fast path of bulk
    builds, ready for `kg.store.write_article_graphs`."""
    triples = _TripleList()
    _add_article(triples, article, mentions, events, build)
    graph = _named_node(str(article_graph_iri(article.id)))
    return pyoxigraph.serialize(
        (pyoxigraph.Quad(*map(to_oxigraph_term, triple), graph) for triple in triples.triples),
        format=pyoxigraph.RdfFormat.N_QUADS,
    )


class _TripleList:
    """Collects triples where the model adds them to a graph (a list keeps them, unindexed)."""

    def __init__(self) -> None:
        self.triples: list[tuple[Any, Any, Any]] = []

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        self.triples.append(triple)


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


@lru_cache(maxsize=4096)
def _named_node(iri: str) -> Any:
    """The pyoxigraph IRI term (vocabulary terms recur in every article: made once)."""
    return pyoxigraph.NamedNode(iri)


def _add_article(
    graph: Any, article: Article, mentions: Iterable[Mention], events: Iterable[Event], build: URIRef | None
) -> None:
    node = article_iri(article.id)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, SCHEMA.identifier, Literal(article.id)))
    graph.add((node, SCHEMA.headline, Literal(article.title)))
    graph.add((node, SCHEMA.text, Literal(article.original)))
    graph.add((node, SCHEMA.contentUrl if not article.url else SCHEMA.url, Literal(article.url or article.path)))
    if article.lang:
        graph.add((node, SCHEMA.inLanguage, Literal(article.lang)))
    if article.source:
        graph.add((node, SCHEMA.publisher, Literal(article.source)))
    if article.date:
        graph.add((node, SCHEMA.datePublished, date_literal(article.date.isoformat())))
    for mention in mentions:
        _add_mention(graph, node, mention)
    for event in events:
        relation = _add_relation(graph, node, event)
        if build is not None:
            graph.add((relation, PROV.wasGeneratedBy, build))


def _add_mention(graph: Any, article: URIRef, mention: Mention) -> None:
    node = mention_iri(mention.article, mention.original_start, mention.original_end, mention.actor)
    graph.add((node, RDF.type, KG.Mention))
    graph.add((node, KG.article, article))
    graph.add((node, KG.refersTo, actor_iri(mention.actor)))
    graph.add((node, KG.text, Literal(mention.text)))
    graph.add((node, KG.start, Literal(mention.original_start)))
    graph.add((node, KG.end, Literal(mention.original_end)))
    graph.add((node, KG.sentence, Literal(mention.sentence)))
    graph.add((node, KG.resolvedBy, Literal(str(mention.how))))
    graph.add((node, KG.locative, Literal(mention.locative)))


def _add_relation(graph: Any, article: URIRef, event: Event) -> URIRef:
    node = relation_iri(event.article, event.source, event.target, event.sub, str(event.mode), event.symmetric)
    source, target = actor_iri(event.source), actor_iri(event.target)
    graph.add((node, RDF.type, KG.Relation))
    graph.add((node, KG.source, source))
    graph.add((node, KG.target, target))
    graph.add((node, KG.dyad, dyad_iri(event.source, event.target)))
    if event.symmetric:
        graph.add((node, KG.dyad, dyad_iri(event.target, event.source)))
    graph.add((node, KG.sourceActor, actor_iri(event.source_actor)))
    graph.add((node, KG.targetActor, actor_iri(event.target_actor)))
    graph.add((node, KG.eventType, cameo_iri(event.sub)))
    graph.add((node, KG.rootCode, Literal(event.cameo)))
    graph.add((node, KG.mode, MODES[str(event.mode)]))
    graph.add((node, KG.symmetric, Literal(event.symmetric)))
    graph.add((node, KG.goldstein, Literal(event.goldstein, datatype=XSD.decimal)))
    graph.add((node, KG.quadClass, Literal(event.quadclass)))
    graph.add((node, KG.plover, Literal(event.plover)))
    graph.add((node, KG.confidence, Literal(event.confidence, datatype=XSD.decimal)))
    graph.add((node, PROV.wasDerivedFrom, article))
    if event.date:
        graph.add((node, KG.date, date_literal(event.date)))
        graph.add((node, KG.datePrecision, Literal(event.date_precision)))
    for evidence in event.evidences:
        item = evidence_iri(node, evidence.start, evidence.end)
        graph.add((node, KG.evidence, item))
        graph.add((item, RDF.type, KG.Evidence))
        graph.add((item, KG.article, article))
        graph.add((item, KG.text, Literal(evidence.text)))
        graph.add((item, KG.start, Literal(evidence.start)))
        graph.add((item, KG.end, Literal(evidence.end)))
        graph.add((item, KG.sentence, Literal(evidence.sentence)))
        graph.add((item, KG.trigger, Literal(evidence.trigger)))
        graph.add((item, KG.triggerStart, Literal(evidence.trigger_start)))
        graph.add((item, KG.triggerEnd, Literal(evidence.trigger_end)))
    if str(event.mode) == "asserted":  # direct edges state what happened: not what may or did not
        graph.add((source, ROOT_EDGES[event.cameo], target))
        if event.symmetric:
            graph.add((target, ROOT_EDGES[event.cameo], source))
    return node


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
        graph.add((concept, KG.goldstein, Literal(code.goldstein, datatype=XSD.decimal)))
        graph.add((concept, KG.quadClass, Literal(code.quadclass)))
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


def date_literal(value: str) -> Literal:
    """A date of known precision as xsd:date, xsd:gYearMonth or xsd:gYear."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return Literal(value, datatype=datatype)
