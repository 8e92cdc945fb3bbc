"""Circumstances: an event noun heading an adverbial phrase of a clause ("à la demande de X, Y se réunit").

Such a phrase names an event of its own, with its own participants ("à la
demande de la France", "à l'invitation de Pékin", "on the orders of Moscow"):
the actors inside it are no arguments of the clause's trigger. When the
phrase is one of request (its preposition among the pack's
`circumstance_cases`: "à", "sur", "at", "on") and names no target of its own,
its event is directed at the clause's subject, who is the one asked, invited
or ordered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.events import slots

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor
    from kg.records import Mention

__all__ = ["ADVERBIAL_DEPS", "circumstance_targets", "in_circumstance", "is_circumstance"]

# The label of an adverbial (non-argument) oblique: a circumstance of the clause, not one of its participants.
ADVERBIAL_DEPS = frozenset({"obl:mod"})
# The labels that lead from a circumstance's noun down to the actors it names ("de la France et du Japon").
INSIDE_DEPS = frozenset({"nmod", "conj", "appos", "flat:name", "amod", "nmod:poss", "det"})
INSIDE_DEPTH = 3


def is_circumstance(view: Extractor, token: Token) -> bool:
    """A trigger noun heading an adverbial phrase of a verb ("à la demande de X", "à l'invitation de X")."""
    return (
        token.dep_ in ADVERBIAL_DEPS
        and token.pos_ == "NOUN"
        and token.head.i != token.i
        and token.head.pos_ == "VERB"
        and bool(view._triggers(token))
    )


def circumstance_targets(view: Extractor, noun: Token) -> list[Mention]:
    """The target of a circumstance that names none of its own: the subject of the clause it modifies
    ("à l'invitation de Pékin, Moscou a envoyé ...": Moscow is the one invited)."""
    if not is_circumstance(view, noun):
        return []
    # "à la demande de X", not "pour l'invasion de X" (a cause or an aim) nor "dans leur antipathie envers X"
    if not any(child.dep_ == "case" and child.lower_ in view.grammar.circumstance_cases for child in noun.children):
        return []
    return slots.subject(view, noun.head)  # none for a passive clause, whose subject is acted on, not asked


def in_circumstance(view: Extractor, token: Token) -> bool:
    """Whether a token is named inside a circumstance ("la France" in "à la demande de la France et du Japon"):
    a participant of that event, not of the clause around it."""
    current = token
    for _ in range(INSIDE_DEPTH):
        if current.dep_ not in INSIDE_DEPS or current.head.i == current.i:
            return False
        current = current.head
        if is_circumstance(view, current):
            return True
    return False
