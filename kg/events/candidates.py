"""Candidates: a relation found at one trigger token before it becomes a record, and how it was reached.

The rules of `kg.events` (frames, clause linking) each make candidates, with
the reach that found them (which sets their confidence); the extractor turns
them into `Event` records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from kg.records import Mention, Mode, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Reach", "Candidate", "REACH_CONFIDENCE", "one_reading", "distance"]


class Reach(IntEnum):
    """How a candidate's actors were linked to its trigger, surest first."""

    FRAME = 0  # the trigger's frame filled both slots from the parse
    CLAUSE = 1  # one end or both read loosely from the trigger's own clause (`kg.events.linking`)
    SENTENCE = 2  # one end from the clause, the other the only other actor of the sentence
    MODEL = 3  # proposed for the relation model alone: a trigger the rules link to nobody (`kg.events.proposals`)


# A factor on a candidate's confidence by reach: loose links are less often right than filled frames.
REACH_CONFIDENCE = {Reach.FRAME: 1.0, Reach.CLAUSE: 0.6, Reach.SENTENCE: 0.5, Reach.MODEL: 0.4}


@dataclass(frozen=True)
class Candidate:
    """A relation found at one trigger token, before merging."""

    source: Mention
    target: Mention
    trigger: Trigger
    token: Token
    mode: Mode
    symmetric: bool
    reach: Reach = Reach.FRAME
    probability: float | None = None  # the classifier's (`kg.events.classifier`): the relation's confidence


def one_reading(candidates: Sequence[Candidate]) -> list[Candidate]:
    """One CAMEO code per trigger word and pair of actors: a word whose lexicon entries give it several codes
    for the same two actors ("féliciter": a praise or an optimistic comment) states one of them. The reading
    kept is the most specific (the longest expression: "incursion dans l'espace aérien" over "incursion"),
    then the likeliest (the classifier's probability), else the lexicon's first; every candidate of that code
    is kept (both directions of a pair, other pairs of the same word)."""
    best: dict[tuple[int, frozenset[str]], tuple[int, float, int, str]] = {}
    for order, candidate in enumerate(candidates):
        key = (candidate.token.i, frozenset((candidate.source.code, candidate.target.code)))
        words = len(candidate.trigger.lemma.split())
        rank = (-words, -(candidate.probability or 0.0), order, candidate.trigger.cameo)
        if key not in best or rank < best[key]:
            best[key] = rank
    return [
        candidate for candidate in candidates
        if best[(candidate.token.i, frozenset((candidate.source.code, candidate.target.code)))][3]
        == candidate.trigger.cameo
    ]  # fmt: skip


def distance(mention: Mention, index: int) -> int:
    """How many tokens lie between a mention and a token (0 inside it)."""
    if mention.token_start <= index < mention.token_end:
        return 0
    return min(abs(mention.token_start - index), abs(mention.token_end - 1 - index))
