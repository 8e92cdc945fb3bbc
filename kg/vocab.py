"""The RDF vocabulary: the closed `kg:` namespace and the IRIs of the graph's resources.

`KG` lists every term of `data/ontology/kg.ttl` (a test keeps the two in step),
so a typo raises instead of minting a new predicate. Resource IRIs (actors,
articles, relations, named graphs, CAMEO concepts) are derived from ids and
keys only, so rebuilding gives the same graph.
"""

from __future__ import annotations

import hashlib

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDFS, SKOS, DefinedNamespace

__all__ = [
    "BASE",
    "KG",
    "ID",
    "CAMEO",
    "WIKIDATA",
    "SEM",
    "OA",
    "SCHEMA",
    "ONTOLOGY_GRAPH",
    "CAMEO_GRAPH",
    "GAZETTEER_GRAPH",
    "SUMMARY_GRAPH",
    "BUILD_GRAPH",
    "EVENTS_GRAPH",
    "TALLIES_GRAPH",
    "ACTOR_TALLIES_GRAPH",
    "actor_iri",
    "article_iri",
    "article_graph_iri",
    "relation_iri",
    "evidence_iri",
    "dyad_iri",
    "event_iri",
    "tally_iri",
    "ranking_iri",
    "cameo_iri",
    "wikidata_iri",
    "PREFIXES",
]

BASE = "https://w3id.org/diplomatic-kg/"


class KG(DefinedNamespace):
    """The diplomatic-kg ontology (`data/ontology/kg.ttl`)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Actor: URIRef
    ActorRanking: URIRef
    Article: URIRef
    Build: URIRef
    CollectiveActor: URIRef
    DyadSummary: URIRef
    DyadTally: URIRef
    Event: URIRef
    Evidence: URIRef
    Mode: URIRef
    Organisation: URIRef
    Person: URIRef
    Relation: URIRef
    RootCount: URIRef
    State: URIRef
    actsFor: URIRef
    appealsTo: URIRef
    assaults: URIRef
    asserted: URIRef
    code: URIRef
    coerces: URIRef
    confidence: URIRef
    consults: URIRef
    cooperatesDiplomaticallyWith: URIRef
    cooperatesMateriallyWith: URIRef
    count: URIRef
    date: URIRef
    datePrecision: URIRef
    demandsFrom: URIRef
    disapprovesOf: URIRef
    dyad: URIRef
    dyadSource: URIRef
    dyadTarget: URIRef
    end: URIRef
    eventCode: URIRef
    eventMode: URIRef
    eventSource: URIRef
    eventSymmetric: URIRef
    eventTarget: URIRef
    eventType: URIRef
    evidence: URIRef
    exhibitsForcePostureTowards: URIRef
    expressesIntentToCooperateWith: URIRef
    fights: URIRef
    firstDate: URIRef
    firstDay: URIRef
    goldstein: URIRef
    goldsteinMean: URIRef
    goldsteinSum: URIRef
    hypothetical: URIRef
    investigates: URIRef
    lastDate: URIRef
    lastDay: URIRef
    lexiconVersion: URIRef
    makesStatementAbout: URIRef
    materialConflictCount: URIRef
    materialCooperationCount: URIRef
    mentions: URIRef
    mode: URIRef
    modelVersion: URIRef
    negated: URIRef
    numArticles: URIRef
    numMentions: URIRef
    numSources: URIRef
    partOfEvent: URIRef
    plover: URIRef
    protestsAgainst: URIRef
    providesAidTo: URIRef
    quadClass: URIRef
    rankedActor: URIRef
    rankedPartners: URIRef
    rankedRelations: URIRef
    reducesRelationsWith: URIRef
    rejects: URIRef
    relationCount: URIRef
    reportedIn: URIRef
    rootCode: URIRef
    rootCount: URIRef
    sentence: URIRef
    source: URIRef
    sourceActor: URIRef
    start: URIRef
    symmetric: URIRef
    tallyCount: URIRef
    tallyEvidence: URIRef
    tallyFirstDate: URIRef
    tallyGoldsteinSum: URIRef
    tallyLastDate: URIRef
    tallyMode: URIRef
    tallyQuadClass: URIRef
    tallySource: URIRef
    tallySourceActor: URIRef
    tallySymmetric: URIRef
    tallyTarget: URIRef
    tallyTargetActor: URIRef
    target: URIRef
    targetActor: URIRef
    text: URIRef
    threatens: URIRef
    toolVersion: URIRef
    trigger: URIRef
    triggerEnd: URIRef
    triggerStart: URIRef
    usesMassViolenceAgainst: URIRef
    verbalConflictCount: URIRef
    verbalCooperationCount: URIRef
    yieldsTo: URIRef


# Each term made once and kept as a class attribute: a DefinedNamespace otherwise builds it through its
# metaclass on every access (a tenth of the cost of writing an article's graph). Unknown terms still fail.
for _term in KG.__annotations__:
    type.__setattr__(KG, _term, KG._NS[_term])
del _term


ID = Namespace(BASE + "id/")
CAMEO = Namespace(BASE + "cameo/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")

# The prefixes of queries and of the Turtle and TriG the tool writes.
PREFIXES = {
    "kg": str(KG), "id": str(ID), "actor": str(ID["actor/"]), "graph": str(ID["graph/"]), "cameo": str(CAMEO),
    "wd": str(WIKIDATA), "rdfs": str(RDFS), "skos": str(SKOS), "schema": str(SCHEMA), "prov": str(PROV),
    "owl": str(OWL),
}  # fmt: skip

ONTOLOGY_GRAPH = ID["graph/ontology"]
CAMEO_GRAPH = ID["graph/cameo"]
GAZETTEER_GRAPH = ID["graph/gazetteer"]
BUILD_GRAPH = ID["graph/build"]
# The named graphs of the derived data up to ontology version 8 (version 9 keeps the dyad summaries, the tallies and
# the events across articles in the store's default graph): a build drops them from an older store.
SUMMARY_GRAPH = ID["graph/summaries"]
EVENTS_GRAPH = ID["graph/events"]
TALLIES_GRAPH = ID["graph/tallies"]  # relations counted by state dyad and kind: ontology versions 5 to 7 only
ACTOR_TALLIES_GRAPH = ID["graph/actorTallies"]  # relations counted by dyad of acting actors and kind: versions 5 to 8


def actor_iri(actor_id: str) -> URIRef:
    """An actor: `id/actor/RUS`, `id/actor/vladimir-putin`."""
    return ID["actor/" + actor_id]


def article_iri(article_id: str) -> URIRef:
    return ID["article/" + _slug(article_id)]


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph holding one article's relations, mentions and evidence."""
    return ID["graph/article/" + _slug(article_id)]


def relation_iri(article_id: str, source: str, target: str, code: str, mode: str, symmetric: bool) -> URIRef:
    """A relation, keyed by what makes it one: article, source, target, code, mode and symmetry."""
    return ID[f"relation/{_slug(article_id)}/{_digest(source, target, code, mode, str(symmetric))}"]


def evidence_iri(relation: URIRef, start: int, end: int) -> URIRef:
    return URIRef(f"{relation}/evidence/{start}-{end}")


def dyad_iri(source: str, target: str) -> URIRef:
    return ID[f"dyad/{source}/{target}"]


def ranking_iri(actor_id: str) -> URIRef:
    """An actor's place in the ranking of actors (`kg.store.rankings`)."""
    return ID["ranking/" + actor_id]


def tally_iri(source: str, target: str, *key: str) -> URIRef:
    """A dyad's tally of one kind of relations (`kg.store.tallies`): under its dyad, keyed by the kind's values."""
    return URIRef(f"{dyad_iri(source, target)}/tally/{_digest(*key)}")


def event_iri(event_id: str) -> URIRef:
    """An event across articles, named by its id (`GroupedEvent.id`: a digest of its first report's IRI)."""
    return ID["event/" + event_id]


def cameo_iri(code: str) -> URIRef:
    return CAMEO[code]


def wikidata_iri(qid: str) -> URIRef:
    return WIKIDATA[qid]


def _slug(text: str) -> str:
    """An IRI-safe form of an id: kept when it is plain, else a readable prefix and a digest."""
    if all(char.isalnum() or char in "-_." for char in text):
        return text
    plain = "".join(char if char.isalnum() or char in "-_." else "-" for char in text)[:40]
    return f"{plain}-{_digest(text)[:12]}"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
