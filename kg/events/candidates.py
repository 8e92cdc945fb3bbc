"""Candidates: a relation found at one trigger token before it becomes a record, and how it was reached.

The rules of `kg.events` (frames, clause linking) each make candidates, with
the reach that found them (which sets their confidence); the extractor turns
them into `Event` records.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from kg.records import Mention, Mode, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Reach", "Candidate", "REACH_CONFIDENCE"]


class Reach(IntEnum):
    """How a candidate's actors were linked to its trigger, surest first."""

    FRAME = 0  # the trigger's frame filled both slots from the parse
    CLAUSE = 1  # one end or both read loosely from the trigger's own clause (`kg.events.linking`)
    SENTENCE = 2  # one end from the clause, the other the only other actor of the sentence


# A factor on a candidate's confidence by reach: loose links are less often right than filled frames.
REACH_CONFIDENCE = {Reach.FRAME: 1.0, Reach.CLAUSE: 0.6, Reach.SENTENCE: 0.5}


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
