"""Reported speech: a third party's report of what others did, as its accusation of them.

"Des responsables américains ont déclaré que la Russie avait acheté des obus": when the pack's
`reporting_verbs.tsv` says a reporting verb carries an accusation, its subject accuses the actors of the
material act it reports (`grammar.ALLEGED_QUADCLASSES`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.events import grammar, slots
from kg.events.candidates import Candidate
from kg.events.modality import find_mode
from kg.records import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor

__all__ = ["accusations"]


def accusations(view: Extractor, candidates: list[Candidate]) -> list[Candidate]:
    """A third party reporting what others did ("des responsables américains ont déclaré que la Russie
    avait acheté ...") accuses them, when the lexicon says its reporting verb carries an accusation."""
    found: list[Candidate] = []
    reporters: dict[int, tuple[Token, str]] = {}
    for token in view.tokens:
        code = view.lexicon.reporting_verbs.get((view.lang, token.lemma_.casefold()))
        if code is not None and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "ccomp":
                    reporters[child.i] = (token, code)
    for clause_head, (verb, code) in reporters.items():
        clause = view.tokens[clause_head]
        alleged_act = any(
            view.lexicon.codes[trigger.cameo].quadclass in grammar.ALLEGED_QUADCLASSES
            for trigger in view._triggers(clause)
        )
        accused = slots.subject(view, clause) if alleged_act else []
        for candidate in candidates:
            heads_clause = candidate.token.i == clause.i or (
                candidate.token.head.i == clause.i and candidate.token.dep_ in ("xcomp", "conj")
            )
            if heads_clause and view.lexicon.codes[candidate.trigger.cameo].quadclass in grammar.ALLEGED_QUADCLASSES:
                accused += [candidate.source, candidate.target]
        trigger = Trigger(verb.lemma_.casefold(), "VERB", code, "subj", "obj", False, view.lang)
        mode = find_mode(verb, view.pack)
        for speaker in slots.subject(view, verb):
            for target in {mention.code: mention for mention in accused}.values():
                if target.code != speaker.code:
                    found.append(Candidate(speaker, target, trigger, verb, mode, False))
    return found
