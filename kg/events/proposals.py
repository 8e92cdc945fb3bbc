"""Proposals: candidates for the relation classifier alone, where the rules are silent.

A trigger word the rules link to nobody (no frame filled, nothing read from
its clause or sentence) may still state a relation between two actors of its
sentence: the parse put an argument where no rule looks, or the sentence
names three actors and the pair rule does not apply. For each such trigger
in a sentence naming two to `MAX_ACTORS` actors, every ordered pair of them
(each by its mention nearest the trigger, places left out unless the word
takes a place) is proposed with each of the word's codes (its longest
expressions only), reach `Reach.MODEL`. Only the relation model decides
what becomes of them: a build keeps a proposal whose probability reaches the
model's `proposal_threshold` (chosen in training for precision,
`kg.training`), and none without a model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.events.candidates import Candidate, Reach, distance
from kg.events.linking import talked_about
from kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor

__all__ = ["MAX_ACTORS", "proposals"]

# A sentence naming more actors than this is a list or a summary: its pairs are too many to guess among.
MAX_ACTORS = 4


def proposals(view: Extractor, candidates: list[Candidate]) -> list[Candidate]:
    """The proposals of a parse: pairs of actors of the sentence of each trigger word that no candidate of the
    rules (`candidates`) comes from."""
    linked = {candidate.token.i for candidate in candidates}
    found: list[Candidate] = []
    for sentence in view.sentences:
        codes = view.codes_by_sentence.get(sentence.start, set())
        if not 2 <= len(codes) <= MAX_ACTORS:
            continue
        mentions = [m for t in view.tokens[sentence.start : sentence.end] for m in view.by_token.get(t.i, ())]
        for token in view.tokens[sentence.start : sentence.end]:
            if token.i in linked or token.i in view.by_token:
                continue
            entries = view._triggers(token)
            if not entries or view._carries_event_noun(token):
                continue
            longest = max(len(entry.lemma.split()) for entry in entries)
            topical = talked_about(view, token, entries)  # "parler de X": X is talked about, no partner
            partners = [m for m in mentions if m.token_start not in topical]
            for entry in {e.cameo: e for e in entries if len(e.lemma.split()) == longest}.values():
                takes_place = "place" in (entry.source, entry.target)
                nearest = _nearest_by_code(partners, token, takes_place=takes_place)
                found += [Candidate(source, target, entry, token, view._mode(token), entry.symmetric, Reach.MODEL)
                          for source in nearest for target in nearest if source.code != target.code]  # fmt: skip
    return found


def _nearest_by_code(mentions: list[Mention], token: Token, *, takes_place: bool) -> list[Mention]:
    """Each actor's mention nearest a token (a place only if the trigger takes one)."""
    nearest: dict[str, Mention] = {}
    for mention in mentions:
        if mention.locative and not takes_place:
            continue
        known = nearest.get(mention.code)
        if known is None or distance(mention, token.i) < distance(known, token.i):
            nearest[mention.code] = mention
    return list(nearest.values())
