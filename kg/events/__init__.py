"""Events: CAMEO-coded actor-event-actor relations from the dependency parse of an article.

Reads a Doc (parsed by `kg.nlp`), the article's resolved actor mentions
(`kg.actors`) and the language pack of the article (`kg.lang`: its event
lexicon and grammar words); returns one `Event` per
(article, source, target, code, mode), each keeping every evidence sentence.

A trigger (verb or noun lemma of the lexicon) fills its frame's slots from
the Universal Dependencies parse: the subject (or the passive agent), the
object, prepositional arguments by their case marker, a noun's agent (its
demonym adjective, "de"/"par" complement, possessive, or the subject of the
light verb it is the object of: "apporter son soutien à"), and places.
Coordinated arguments give one relation each; a symmetric trigger with
coordinated subjects relates them to each other. Both ends must be resolved
actors with different codes. Mode comes from negation and hypothesis cues
(the pack's `modality.tsv`) and the conditional mood or future.

The rules, one module each, all reading one parse view (`extraction.Extractor`,
which also applies the frames and builds the records): `triggers` (which tokens
the lexicon maps to codes), `slots` (the actors in a frame's slots: subjects,
objects, agents, case-marked arguments, places), `circumstances` (an event noun
in an adverbial phrase: "à la demande de X"), `linking` (a trigger whose frame
fills no slot, read from its clause or sentence), `proposals` (pairs of actors of a
trigger the rules link to nobody, for the model alone), `classifier` (the probability
that a candidate is a relation: its confidence; a proposal is kept only when likely), `intentions` (an announced act
is also an intent or a threat), `speech` (a third party's report as an
accusation), `modality` (mode cues); `candidates` holds what they pass along.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.events.extraction import Candidate, Extractor
from kg.records import Article, Event, Mention, Mode, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.lang import LanguagePack

__all__ = ["extract_events", "extract_relations", "merge_events", "extract_cooccurrences"]


def extract_events(doc: Doc, article: Article, mentions: Iterable[Mention], pack: LanguagePack) -> list[Event]:
    """Extract the article's relations (merged: one per source, target, code and mode), read with the pack of
    its language."""
    return merge_events(Extractor(doc, article, list(mentions), pack).events())


def extract_relations(
    doc: Doc, article: Article, mentions: Iterable[Mention], pack: LanguagePack, *, baseline: bool
) -> tuple[list[Event], list[Event] | None]:
    """The article's relations (as `extract_events`) and, if `baseline`, the co-occurrence baseline's (as
    `extract_cooccurrences`), read from one view of the parse (the trigger lookups are shared)."""
    extractor = Extractor(doc, article, list(mentions), pack)
    events = merge_events(extractor.events())
    return events, _cooccurrences(extractor, pack) if baseline else None


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge repeated relations (same article, source, target, code, mode), keeping every evidence."""
    merged: dict[tuple[str, str, str, str, str, bool], Event] = {}
    for event in events:
        ends = sorted((event.source, event.target)) if event.symmetric else [event.source, event.target]
        key = (event.article, *ends, event.sub, str(event.mode), event.symmetric)
        known = merged.get(key)
        if known is None:
            merged[key] = event
            continue
        evidences = known.evidences + tuple(e for e in event.evidences if e not in known.evidences)
        merged[key] = replace(known, evidences=evidences, confidence=max(known.confidence, event.confidence))
    return sorted(
        merged.values(), key=lambda event: (event.article, event.evidences[0].start, event.source, event.target)
    )


def extract_cooccurrences(doc: Doc, article: Article, mentions: Iterable[Mention], pack: LanguagePack) -> list[Event]:
    """The naive baseline: every ordered pair of actors in a sentence, labelled with the root of every
    trigger lemma in that sentence (no parse, no frames, no mode). For comparison in `kg evaluate`."""
    return _cooccurrences(Extractor(doc, article, list(mentions), pack), pack)


def _cooccurrences(extractor: Extractor, pack: LanguagePack) -> list[Event]:
    events = []
    for sentence in extractor.sentences:
        tokens = extractor.tokens[sentence.start : sentence.end]
        codes = {m.code: m for t in tokens for m in extractor.by_token.get(t.i, ())}
        if len(codes) < 2:
            continue  # a sentence naming fewer than two actors relates nobody
        triggers = {
            trigger.cameo[:2] + "0": (trigger, token) for token in tokens for trigger in extractor._triggers(token)
        }
        bases = [(_root_trigger(trigger, code, pack), token) for code, (trigger, token) in sorted(triggers.items())]
        for source, target in ((a, b) for a in codes.values() for b in codes.values() if a.code != b.code):
            for base, token in bases:
                events.append(extractor._event(Candidate(source, target, base, token, Mode.ASSERTED, False)))
    return merge_events(events)


def _root_trigger(trigger: Trigger, code: str, pack: LanguagePack) -> Trigger:
    """A trigger word as the baseline reads it: its root's general code ("050") where the codebook has one,
    with no frame (subject against object, never mutual)."""
    return replace(trigger, cameo=code if code in pack.lexicon.codes else trigger.cameo, source="subj", target="obj",
                   symmetric=False)  # fmt: skip
