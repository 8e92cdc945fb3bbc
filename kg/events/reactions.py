"""Reactions told by their means: "X a riposté par des sanctions", "Y responded with strikes".

A verb of reaction (the pack's `reaction_verbs`) whose complement in one of
the pack's `reaction_means_cases` ("par"; "with") is an event noun does that
act: riposting with sanctions is sanctioning. The reaction's candidate (its
reacting actor, the actor it answers, its mode) is read as the noun's act,
and the verb's own reading (a reply, a retaliation of no kind) is dropped.
The act keeps the reaction's mode, so "X menace de répondre par des frappes"
is a hypothetical strike, which `kg.events.intentions` then reads as a
threat.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.events.grammar import OBLIQUE_DEPS, has_any_case

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.candidates import Candidate
    from kg.events.extraction import Extractor
    from kg.records import Trigger

__all__ = ["reactions_by_their_means"]


def reactions_by_their_means(view: Extractor, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, each reaction whose means is an event noun read as that noun's act. Where the noun's own
    frames found the same pair, their reading stands, in the reaction's mode ("threatened to respond with
    strikes": hypothetical strikes)."""
    kept: list[Candidate] = []
    acts: list[Candidate] = []
    for candidate in candidates:
        means = _means_acts(view, candidate.token) if candidate.token.pos_ == "VERB" else []
        if not means:
            kept.append(candidate)
        acts += [replace(candidate, trigger=trigger, token=noun, symmetric=False) for noun, trigger in means]
    own = {(c.token.i, c.source.code, c.target.code, c.trigger.cameo): c for c in kept}
    told = {(act.token.i, act.source.code, act.target.code) for act in acts}
    acts = [replace(own.get((act.token.i, act.source.code, act.target.code, act.trigger.cameo), act), mode=act.mode)
            for act in acts]  # fmt: skip
    return [c for c in kept if (c.token.i, c.source.code, c.target.code) not in told] + acts


def _means_acts(view: Extractor, verb: Token) -> list[tuple[Token, Trigger]]:
    """The event nouns a verb of reaction names as its means, each with its noun reading."""
    if verb.lemma_.casefold() not in view.grammar.reaction_verbs:
        return []
    forms = frozenset(form for case in view.grammar.reaction_means_cases for form in view.grammar.forms(case))
    return [(child, trigger)
            for child in view._children(verb)
            if child.pos_ == "NOUN" and child.dep_ in OBLIQUE_DEPS and has_any_case(child, forms)
            for trigger in view._triggers(child) if trigger.pos == "NOUN"]  # fmt: skip
