"""The RDF model: records to rdflib graphs, as pure transforms (no files, no store).

An article's graph holds the article, its actor mentions, its relations (one
event node each, with evidence and provenance) and the direct actor-to-actor
edges of its asserted relations. The CAMEO scheme (SKOS), the gazetteer's
actors (linked to Wikidata) and the build's provenance have graphs of their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
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
    PREFIXES,
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
    "article_to_trig",
    "cameo_to_graph",
    "gazetteer_to_graph",
    "build_to_graph",
    "date_literal",
    "decimal_lexical",
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
_XSD_INTEGER = pyoxigraph.NamedNode(str(XSD.integer))
MODES = {"asserted": KG.asserted, "hypothetical": KG.hypothetical, "negated": KG.negated}


def article_to_graph(
    article: Article, mentions: Iterable[Mention], events: Iterable[Event], *, build: URIRef | None = None
) -> Graph:
    """One article's named graph: the article, its mentions, its relations with evidence, and direct edges."""
    graph = Graph(identifier=article_graph_iri(article.id))
    _add_article(_GraphSink(graph), article, mentions, events, build)
    return graph


def article_to_trig(
    article: Article, mentions: Iterable[Mention], events: Iterable[Event], *, build: URIRef | None = None
) -> bytes:
    """The same triples as `article_to_graph`, in the article's named graph, as a TriG document in the project's
    prefixes: the fast path of bulk builds, ready for `kg.store.write_article_graphs` and, kept, a piece of the
    build's `graph.trig` (`kg.store.export_trig`). Made as Oxigraph quads without an rdflib Graph (whose indexing
    is half the cost of a small graph), serialised by Oxigraph."""
    quads = _QuadList(_named_node(str(article_graph_iri(article.id))))
    _add_article(quads, article, mentions, events, build)
    return pyoxigraph.serialize(quads.quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES)


class _GraphSink:
    """Where the model adds an article's triples: an rdflib Graph."""

    def __init__(self, graph: Graph) -> None:
        self.add = graph.add

    @staticmethod
    def literal(value: object, datatype: URIRef | None = None) -> Literal:
        return Literal(value, datatype=datatype)


class _QuadList:
    """Where the model adds an article's triples: a list of Oxigraph quads in one graph (unindexed). Strings and
    integers become Oxigraph literals directly (an rdflib Literal costs several times more to make)."""

    def __init__(self, graph: Any) -> None:
        self.graph = graph
        self.quads: list[Any] = []
        self.subject: tuple[Any, Any] = (None, None)  # the last subject and its term: nodes come triple after triple

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        subject, predicate, value = triple
        if subject is not self.subject[0]:
            self.subject = (subject, to_oxigraph_term(subject))
        value = value if isinstance(value, pyoxigraph.Literal) else to_oxigraph_term(value)
        self.quads.append(pyoxigraph.Quad(self.subject[1], to_oxigraph_term(predicate), value, self.graph))

    @staticmethod
    def literal(value: object, datatype: URIRef | None = None) -> Any:
        if datatype is None and type(value) is str:
            return pyoxigraph.Literal(value)
        if datatype is None and type(value) is int:
            return pyoxigraph.Literal(str(value), datatype=_XSD_INTEGER)
        return to_oxigraph_term(Literal(value, datatype=datatype))


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
    graph.add((node, SCHEMA.identifier, graph.literal(article.id)))
    graph.add((node, SCHEMA.headline, graph.literal(article.title)))
    graph.add((node, SCHEMA.text, graph.literal(article.original)))
    graph.add((node, SCHEMA.contentUrl if not article.url else SCHEMA.url, graph.literal(article.url or article.path)))
    if article.lang:
        graph.add((node, SCHEMA.inLanguage, graph.literal(article.lang)))
    if article.source:
        graph.add((node, SCHEMA.publisher, graph.literal(article.source)))
    if article.date:
        graph.add((node, SCHEMA.datePublished, date_literal(article.date.isoformat(), graph.literal)))
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
    graph.add((node, KG.text, graph.literal(mention.text)))
    graph.add((node, KG.start, graph.literal(mention.original_start)))
    graph.add((node, KG.end, graph.literal(mention.original_end)))
    graph.add((node, KG.sentence, graph.literal(mention.sentence)))
    graph.add((node, KG.resolvedBy, graph.literal(str(mention.how))))
    graph.add((node, KG.locative, graph.literal(mention.locative)))


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
    graph.add((node, KG.rootCode, graph.literal(event.cameo)))
    graph.add((node, KG.mode, MODES[str(event.mode)]))
    graph.add((node, KG.symmetric, graph.literal(event.symmetric)))
    graph.add((node, KG.goldstein, graph.literal(decimal_lexical(event.goldstein), datatype=XSD.decimal)))
    graph.add((node, KG.quadClass, graph.literal(event.quadclass)))
    graph.add((node, KG.plover, graph.literal(event.plover)))
    graph.add((node, KG.confidence, graph.literal(decimal_lexical(event.confidence), datatype=XSD.decimal)))
    graph.add((node, PROV.wasDerivedFrom, article))
    if event.date:
        graph.add((node, KG.date, date_literal(event.date, graph.literal)))
        graph.add((node, KG.datePrecision, graph.literal(event.date_precision)))
    for evidence in event.evidences:
        item = evidence_iri(node, evidence.start, evidence.end)
        graph.add((node, KG.evidence, item))
        graph.add((item, RDF.type, KG.Evidence))
        graph.add((item, KG.article, article))
        graph.add((item, KG.text, graph.literal(evidence.text)))
        graph.add((item, KG.start, graph.literal(evidence.start)))
        graph.add((item, KG.end, graph.literal(evidence.end)))
        graph.add((item, KG.sentence, graph.literal(evidence.sentence)))
        graph.add((item, KG.trigger, graph.literal(evidence.trigger)))
        graph.add((item, KG.triggerStart, graph.literal(evidence.trigger_start)))
        graph.add((item, KG.triggerEnd, graph.literal(evidence.trigger_end)))
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
        graph.add((concept, KG.goldstein, Literal(decimal_lexical(code.goldstein), datatype=XSD.decimal)))
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


def decimal_lexical(value: float) -> str:
    """A number's canonical xsd:decimal form (XSD 1.1: "-5", "0.9"), the form the store keeps and gives back, so
    that the TriG an article's graph is loaded from says what the store says."""
    return format(Decimal(repr(value)).normalize(), "f")


def date_literal(value: str, literal: Callable[..., Any] = Literal) -> Any:
    """A date of known precision as xsd:date, xsd:gYearMonth or xsd:gYear (made by `literal`)."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return literal(value, datatype=datatype)
