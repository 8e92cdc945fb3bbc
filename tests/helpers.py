"""Helpers shared by the test modules: running the command line, reading a build's named graphs, writing
small stores through the project's own model (no parser), and hand-built parses with their actor mentions."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef
from spacy.lang.fr import French
from spacy.tokens import Doc

from kg.records import (
    ActorKind,
    Article,
    ArticleDate,
    DatePrecision,
    Event,
    Evidence,
    Mention,
    Mode,
    Resolution,
    TextPiece,
)
from kg.resources import load_cameo_codes, load_cameo_labels_fr, load_gazetteer
from kg.store import REFERENCE_GRAPHS, open_store, write_graph
from kg.store.model import ROOT_EDGES, article_to_graph, cameo_to_graph, gazetteer_to_graph
from kg.vocab import ACTOR_TALLIES_GRAPH, BUILD_GRAPH, EVENTS_GRAPH, PREFIXES, SUMMARY_GRAPH

PRECISIONS = {4: "year", 7: "month", 10: "day"}
# Relations of one article with confidences on either side of the page's steps (0.3, 0.5, 0.7, 0.9, this one
# inclusive): source, target, CAMEO code, confidence. The first two share an edge (NOR -> SWE, QuadClass 1).
CONFIDENCE_RELATIONS = (("NOR", "SWE", "036", 0.95), ("NOR", "SWE", "042", 0.6), ("DNK", "FIN", "111", 0.2),
                        ("FIN", "NOR", "043", 0.9))  # fmt: skip


def run_kg(*args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    """Run `python -m kg ARGS` as users do; capture its output."""
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=timeout)


def store_graphs(out: Path) -> dict[str, Graph]:
    """Every named graph of a build's store but the build's provenance (it records the time), by name; and the
    derived data of its default graph (ontology version 9), each kind under the name of the named graph that held
    it up to version 8 (`graph:summaries`, `graph:actorTallies`, `graph:events`)."""
    store = open_store(out, read_only=True)
    graphs = {}
    for name in store.named_graphs():
        if name.value == str(BUILD_GRAPH):
            continue
        triples = store.quads_for_pattern(None, None, None, name)  # read whole: no iterator keeps the store open
        graphs[name.value] = _to_graph(quad.triple for quad in triples)
    for name, triples in derived_triples(store).items():
        if name != BUILD_GRAPH:
            graphs[str(name)] = _to_graph(triples)
    del store
    return graphs


def derived_triples(store: pyoxigraph.Store) -> dict[URIRef, list[pyoxigraph.Triple]]:
    """The triples of a store's default graph by kind: the reference graphs (ontology, CAMEO scheme, gazetteer,
    build), the dyad summaries (with their counts by root), the tallies and the events across articles (with the
    relations' links to them), each under the name of the named graph that held them up to ontology version 8,
    the direct edges between actors (under `EDGES`: each article's graph held those of its relations) and the
    ranking of actors (under `RANKINGS`, version 10)."""
    kinds = {}
    queries = {URIRef(name): f"SELECT DISTINCT ?s ?p ?o WHERE {{ {kind} ?s ?p ?o }}"
               for name, kind in REFERENCE_GRAPHS.items()}  # fmt: skip
    for name, query in {**queries, **_DERIVED_KINDS}.items():
        kinds[name] = [pyoxigraph.Triple(row["s"], row["p"], row["o"]) for row in store.query(query, prefixes=PREFIXES)]
    return kinds


def as_version_8(store: pyoxigraph.Store) -> None:
    """Write in a store what ontology version 9 leaves unstated, as version 8 stated it: each relation's type, its
    acting actors when they are its states, `kg:symmetric false`, its date's precision, its article's direct edges
    in the article's graph, and the derived data in their named graphs (`graph:summaries`, `graph:actorTallies`,
    `graph:events`) instead of the default graph, as the reference graphs (`graph:cameo`...). A store of version 8
    (or earlier: version 3's records) is left as it was but for its derived data and reference graphs."""
    store.update(_VERSION_8_UPDATE, prefixes=PREFIXES)
    for name, triples in derived_triples(store).items():
        if name == RANKINGS:  # version 8 ranked no actor
            store.update("DELETE { ?s ?p ?o } WHERE { ?s kg:rankedActor ?x ; ?p ?o }", prefixes=PREFIXES)
            continue
        if name == EDGES:  # each article's graph states the direct edges of its asserted relations
            store.update(_EDGES_UPDATE % _EDGE_VALUES, prefixes=PREFIXES)
            store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?root ?p) {{ {_EDGE_VALUES} }} ?s ?p ?o }}")
            continue
        graph = pyoxigraph.NamedNode(str(name))
        store.add_graph(graph)
        for triple in triples:
            store.remove(pyoxigraph.Quad(triple.subject, triple.predicate, triple.object, pyoxigraph.DefaultGraph()))
            store.add(pyoxigraph.Quad(triple.subject, triple.predicate, triple.object, graph))


EDGES = URIRef("urn:kg-test:direct-edges")
RANKINGS = URIRef("urn:kg-test:actor-rankings")  # the ranking of actors (version 10; no graph held it before)
_EDGE_VALUES = " ".join(f'("{root}" <{edge}>)' for root, edge in ROOT_EDGES.items())
_DERIVED_KINDS = {
    EDGES: f"SELECT ?s ?p ?o WHERE {{ VALUES (?root ?p) {{ {_EDGE_VALUES} }} ?s ?p ?o }}",
    SUMMARY_GRAPH: "SELECT ?s ?p ?o WHERE { { ?s kg:dyadSource ?x } UNION { ?d kg:dyadSource ?x ; kg:rootCount ?s } "
                   "?s ?p ?o }",
    ACTOR_TALLIES_GRAPH: "SELECT ?s ?p ?o WHERE { ?s kg:tallySource ?x ; ?p ?o }",
    RANKINGS: "SELECT ?s ?p ?o WHERE { ?s kg:rankedActor ?x ; ?p ?o }",
    EVENTS_GRAPH: "SELECT ?s ?p ?o WHERE { { ?s kg:eventSource ?x ; ?p ?o } "
                  "UNION { ?s ?p ?o FILTER(?p = kg:partOfEvent) } }",
}  # fmt: skip
_VERSION_8_UPDATE = """
INSERT { GRAPH ?g { ?r a kg:Relation } } WHERE { GRAPH ?g { ?r kg:source ?s } } ;
INSERT { GRAPH ?g { ?r kg:symmetric false } }
WHERE { GRAPH ?g { ?r kg:source ?s FILTER NOT EXISTS { ?r kg:symmetric ?any } } } ;
INSERT { GRAPH ?g { ?r kg:sourceActor ?s } }
WHERE { GRAPH ?g { ?r kg:source ?s FILTER NOT EXISTS { ?r kg:sourceActor ?any } } } ;
INSERT { GRAPH ?g { ?r kg:targetActor ?t } }
WHERE { GRAPH ?g { ?r kg:target ?t FILTER NOT EXISTS { ?r kg:targetActor ?any } } } ;
INSERT { GRAPH ?g { ?r kg:datePrecision ?precision } }
WHERE { GRAPH ?g { ?r kg:source ?s ; kg:date ?date FILTER NOT EXISTS { ?r kg:datePrecision ?any } }
        BIND(IF(DATATYPE(?date) = <http://www.w3.org/2001/XMLSchema#date>, "day",
                IF(DATATYPE(?date) = <http://www.w3.org/2001/XMLSchema#gYearMonth>, "month", "year")) AS ?precision) }
"""


_EDGES_UPDATE = """
INSERT { GRAPH ?g { ?s ?edge ?t } }
WHERE { VALUES (?root ?edge) { %s } GRAPH graph:cameo { ?type kg:rootCode ?root }
        GRAPH ?g { { ?r kg:source ?s ; kg:target ?t } UNION { ?r kg:source ?t ; kg:target ?s ; kg:symmetric true }
                   ?r kg:mode kg:asserted ; kg:eventType ?type } }
"""


def _to_graph(triples: Iterable[pyoxigraph.Triple]) -> Graph:
    data = pyoxigraph.serialize(list(triples), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


def trig_quads(path: Path) -> set[pyoxigraph.Quad]:
    """The quads of a TriG file (the model makes no blank nodes: quads compare as they are)."""
    return set(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TRIG))


def store_quads(out: Path) -> set[pyoxigraph.Quad]:
    """Every quad of a build's store."""
    store = open_store(out, read_only=True)
    quads = set(store)
    del store
    return quads


def reference_store(folder: Path) -> pyoxigraph.Store:
    """A new store under `folder` holding the CAMEO scheme and the gazetteer, as a build writes them."""
    store = open_store(folder)
    write_graph(store, cameo_to_graph(load_cameo_codes(), load_cameo_labels_fr()))
    write_graph(store, gazetteer_to_graph(load_gazetteer()))
    return store


def coded_event(
    article: str, source: str, target: str, code: str, evidence: Evidence, *, mode: Mode = Mode.ASSERTED,
    symmetric: bool = False, date: str | None = None, source_actor: str | None = None,
    target_actor: str | None = None, confidence: float = 0.9,
) -> Event:  # fmt: skip
    """A relation with its Goldstein score, QuadClass and PLOVER class taken from the CAMEO codebook."""
    cameo = load_cameo_codes()[code]
    return Event(article, source, target, cameo.root, cameo.code, mode, symmetric, evidence.text, (evidence,),
                 source_actor or source, target_actor or target, cameo.goldstein, cameo.quadclass, cameo.plover,
                 confidence, date, PRECISIONS[len(date)] if date else None)  # fmt: skip


def confidence_article() -> tuple[Article, list[Event]]:
    """The article "conf" and its relations, one per row of CONFIDENCE_RELATIONS, each with its confidence."""
    text = "Titre\n\nUne phrase. Une autre phrase.\n"
    article = Article("conf", "conf.txt", "Titre", text, text, (TextPiece(0, len(text), 0, len(text)),), lang="fr")
    evidence = Evidence("Une phrase.", 7, 18, "phrase", 11, 17, 1)
    events = [coded_event("conf", source, target, code, evidence, date="2024-01-10", confidence=confidence)
              for source, target, code, confidence in CONFIDENCE_RELATIONS]  # fmt: skip
    return article, events


def confidence_store(folder: Path) -> pyoxigraph.Store:
    """A new store under `folder` with the reference graphs and the article of `confidence_article`."""
    store = reference_store(folder)
    article, events = confidence_article()
    write_graph(store, article_to_graph(article, events))
    return store


# Hand-built parses ---------------------------------------------------------------------------------------------

# text, POS, dependency, head index, lemma, and optionally the morphology ("VerbForm=Part|Tense=Past")
HandToken = tuple[str, str, str, int, str] | tuple[str, str, str, int, str, str]
VOCAB = French().vocab


def parse(tokens: list[HandToken]) -> Doc:
    """A Doc with the parse given by hand (no model)."""
    return Doc(
        VOCAB, words=[t[0] for t in tokens], pos=[t[1] for t in tokens], deps=[t[2] for t in tokens],
        heads=[t[3] for t in tokens], lemmas=[t[4] for t in tokens],
        morphs=[t[5] if len(t) > 5 else "" for t in tokens],  # type: ignore[misc]
    )  # fmt: skip


def article_for(doc: Doc) -> Article:
    """An article whose text is the Doc's, cleaned and original alike."""
    text = doc.text
    return Article("t", "t.txt", text, text, text, (TextPiece(0, len(text), 0, len(text)),))


def mention(
    doc: Doc, start: int, end: int, code: str, *, locative: bool = False, how: Resolution = Resolution.NAME
) -> Mention:
    """A state's mention over tokens start..end of a hand-built Doc."""
    span = doc[start:end]
    return Mention("t", span.text, span.start_char, span.end_char, span.start_char, span.end_char, 0, start, end,
                   code, code, ActorKind.STATE, None, how, locative)  # fmt: skip


def listing_article(*, states: int, mentions: int, title: str = "Une déclaration") -> str:
    """An article whose one sentence names `mentions` states, `states` (up to 202) in turn, after two
    trigger verbs: the shape of the co-occurrence baseline's worst case (pairs of actors x trigger roots)."""
    kinds = (ActorKind.STATE, ActorKind.COLLECTIVE)  # 197 states, and the UN, the EU, NATO...
    names = sorted(actor.label_fr for actor in load_gazetteer().actors.values() if actor.kind in kinds)
    listed = ", ".join(names[index % states] for index in range(mentions))
    return f"{title}\n\nLe Kremlin a condamné et menacé {listed}.\n"


# Synthetic stores for the page ---------------------------------------------------------------------------------

# The busy edge NOR -> SWE (QuadClass 1): five articles from five outlets, dated on five days in a row, each
# reporting the same five verbal-cooperation codes. Grouped across articles (three days' window), each code
# makes two events: the first four days' reports (NumArticles 4), then the fifth day's alone.
BUSY_CODES = ("010", "020", "036", "042", "051")
BUSY_DAYS = ("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05")


def busy_edge_store(folder: Path) -> pyoxigraph.Store:
    """A new store under `folder` with the reference graphs, the 25 relations of the busy edge (one evidence
    sentence each, its own words) and the events across articles a build groups them into."""
    from kg.store import refresh_events

    store = reference_store(folder)
    for number, day in enumerate(BUSY_DAYS, 1):
        sentences = [f"Le jour {number}, Oslo et Stockholm ont fait le pas {code} ensemble." for code in BUSY_CODES]
        text = f"Dépêche {number}\n\n" + " ".join(sentences) + "\n"
        article = Article(f"busy{number}", f"busy{number}.txt", f"Dépêche {number}", text, text,
                          (TextPiece(0, len(text), 0, len(text)),), lang="fr",
                          url=f"https://outlet{number}.example/depeche-{number}")  # fmt: skip
        events = []
        for sentence in sentences:
            start = text.index(sentence)
            trigger = start + sentence.index("fait")
            evidence = Evidence(sentence, start, start + len(sentence), "fait", trigger, trigger + 4, 1)
            events.append(coded_event(article.id, "NOR", "SWE", sentence.split()[-2], evidence, date=day))
        write_graph(store, article_to_graph(article, events))
    refresh_events(store)
    return store


SYNTHETIC_STATES = ("USA", "RUS", "CHN", "UKR", "FRA", "DEU", "GBR", "IRN", "ISR", "TUR", "JPN", "IND")
SYNTHETIC_CODES = ("010", "036", "042", "051", "061", "111", "112", "130", "173", "190")
SYNTHETIC_VERBS = ("a reçu", "a rencontré", "a critiqué", "a menacé", "a soutenu", "a appelé", "a accusé")


def synthetic_store(folder: Path, *, articles: int, per_article: int = 10, seed: int = 11) -> pyoxigraph.Store:
    """A new store under `folder` with the reference graphs and `articles` seeded articles of `per_article`
    relations each (states drawn with Zipf-like weights, dates over three years, a sentence of its own for each
    relation), grouped into events as a build does."""
    import random

    from kg.store import refresh_events, write_article_graphs
    from kg.store.model import article_to_trig

    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(SYNTHETIC_STATES))]
    store = reference_store(folder)
    graphs = []
    for number in range(articles):
        sentences, pairs = [], []
        for index in range(per_article):
            source, target, code = *rng.choices(SYNTHETIC_STATES, weights, k=2), rng.choice(SYNTHETIC_CODES)
            while target == source or (source, target, code) in pairs:  # one relation each: its IRI is unique
                source, target, code = *rng.choices(SYNTHETIC_STATES, weights, k=2), rng.choice(SYNTHETIC_CODES)
            pairs.append((source, target, code))
            sentences.append(f"Selon la dépêche {number}, {source} {rng.choice(SYNTHETIC_VERBS)} {target} "
                             f"au sujet du dossier {index}.")  # fmt: skip
        text = f"Dépêche {number}\n\n" + " ".join(sentences) + "\n"
        day = f"{rng.randint(2022, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = Article(f"syn{number:05d}", f"syn/{number}.txt", f"Dépêche {number}", text, text,
                          (TextPiece(0, len(text), 0, len(text)),), lang="fr",
                          url=f"https://outlet{number % 7}.example/{number}")  # fmt: skip
        events = []
        for sentence, (source, target, code) in zip(sentences, pairs, strict=True):
            start = text.index(sentence)
            evidence = Evidence(sentence, start, start + len(sentence), "a", start + 30, start + 31, 1)
            events.append(coded_event(article.id, source, target, code, evidence, date=day))
        graphs.append((article.id, article_to_trig(article, events)))
    write_article_graphs(store, graphs)  # one bulk load, as a build loads new articles
    refresh_events(store)
    return store


# A small corpus of hand-made records (our own sentences) for the RDF model -------------------------------------


def model_corpus() -> list[tuple[Article, list[Mention], list[Event]]]:
    """Three articles of our own, with every kind of relation the model writes: asserted, hypothetical and
    negated; symmetric; dated to the day, month and year or undated; a person acting for its state; two
    relations sharing one sentence; a relation with two evidence sentences; repeated mentions of one actor;
    an article in English with a URL and one without a publisher. `tests/data/store_v3.trig` holds their
    graphs as the version-3 model (every mention a node) wrote them."""
    corpus = []
    for article_id, lang, title, sentences, url, source, relations in _MODEL_ARTICLES:
        published = ArticleDate(dt.date(2024, 3, 8), DatePrecision.DAY, "metadata") if url else None
        text = title + "\n\n" + " ".join(sentences) + "\n"
        starts = [text.index(sentence) for sentence in sentences]
        article = Article(article_id, f"{article_id}.txt", title, text, text, (TextPiece(0, len(text), 0, len(text)),),
                          lang=lang, url=url, source=source, date=published)  # fmt: skip
        mentions = []
        for index, (sentence, start) in enumerate(zip(sentences, starts, strict=True)):
            for word, actor, code, kind in _MODEL_NAMES:
                at = sentence.find(word)
                if at >= 0:
                    mentions.append(Mention(article_id, word, start + at, start + at + len(word), start + at,
                                            start + at + len(word), index + 1, 0, 1, actor, code, kind, None,
                                            Resolution.NAME, word == "Oslo"))  # fmt: skip
        events = []
        for source_actor, target_actor, code, trigger, indices, options in relations:
            evidences = tuple(
                Evidence(sentences[index], starts[index], starts[index] + len(sentences[index]), trigger,
                         starts[index] + sentences[index].index(trigger),
                         starts[index] + sentences[index].index(trigger) + len(trigger), index + 1)
                for index in indices
            )  # fmt: skip
            source, target = (_STATE.get(actor, actor) for actor in (source_actor, target_actor))
            event = coded_event(article_id, source, target, code, evidences[0], source_actor=source_actor,
                                target_actor=target_actor, **options)  # fmt: skip
            events.append(replace(event, evidences=evidences))
        corpus.append((article, mentions, events))
    return corpus


_STATE = {"vladimir-putin": "RUS"}
_MODEL_NAMES = (("Norvège", "NOR", "NOR", ActorKind.STATE), ("Suède", "SWE", "SWE", ActorKind.STATE),
                ("Danemark", "DNK", "DNK", ActorKind.STATE), ("Poutine", "vladimir-putin", "RUS", ActorKind.PERSON),
                ("Finlande", "FIN", "FIN", ActorKind.STATE), ("Oslo", "NOR", "NOR", ActorKind.STATE),
                ("Norway", "NOR", "NOR", ActorKind.STATE), ("Sweden", "SWE", "SWE", ActorKind.STATE),
                ("Denmark", "DNK", "DNK", ActorKind.STATE))  # fmt: skip
_MODEL_ARTICLES = (
    ("m-1", "fr", "Froid entre voisins",
     ("La Norvège a vertement critiqué la Suède et menacé le Danemark.",
      "La Suède et la Norvège pourraient se rencontrer en mai à Oslo.",
      "Poutine a rejeté la Finlande.",
      "La Norvège a encore critiqué la Suède."),
     None, "Le Nord",
     (("NOR", "SWE", "111", "critiqué", (0, 3), {"date": "2024-03-05"}),
      ("NOR", "DNK", "130", "menacé", (0,), {"date": "2024-03-05", "confidence": 0.55}),
      ("SWE", "NOR", "036", "rencontrer", (1,), {"mode": Mode.HYPOTHETICAL, "symmetric": True, "date": "2024-05"}),
      ("vladimir-putin", "FIN", "120", "rejeté", (2,), {"date": "2024"}))),
    ("m-2", "fr", "Accord nordique",
     ("Le Danemark et la Suède ont signé un accord.",
      "La Norvège n'a pas aidé le Danemark."),
     None, None,
     (("DNK", "SWE", "057", "signé", (0,), {"symmetric": True, "date": "2024-03-06"}),
      ("NOR", "DNK", "070", "aidé", (1,), {"mode": Mode.NEGATED}))),
    ("m-3", "en", "Nordic talks",
     ("Norway hosted talks with Sweden.",
      "Denmark praised Norway.",
      "Denmark consulted Norway on Monday."),
     "https://example.org/nordic-talks", "The North",
     (("NOR", "SWE", "043", "hosted", (0,), {"date": "2024-03-07"}),
      ("DNK", "NOR", "051", "praised", (1,), {}),
      ("DNK", "NOR", "040", "consulted", (2,), {"date": "2024-03-04"}))),
)  # fmt: skip


def model_store(folder: Path) -> pyoxigraph.Store:
    """A new store under `folder`: the reference graphs, the articles of `model_corpus` and their summaries."""
    from kg.store import refresh_summaries, write_article_graphs
    from kg.store.model import article_to_trig

    store = reference_store(folder)
    write_article_graphs(store, [(article.id, article_to_trig(article, events))
                                 for article, _, events in model_corpus()])  # fmt: skip
    refresh_summaries(store)
    return store
