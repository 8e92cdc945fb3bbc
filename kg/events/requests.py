"""Requests: an act someone wants, hopes or expects another actor to do is that someone's appeal (CAMEO 02) or
demand (10) to the doer, not the doer's own act.

"La Chine espère que le Japon se joindra à elle" is China's appeal to Japan (022), not Japan's cooperation, even
hypothetical, nor its stated intent; "Téhéran veut des excuses de Paris" is Iran's demand to France. CAMEO codes
appeals and demands by what is asked, as it codes intents (`kg.events.intentions`): to meet (026, 106), to
cooperate diplomatically (022, 102) or materially (021, 101), to give aid (023, 103), to yield (025, 105).

A hypothetical candidate governed by a request cue of the pack's `requests.tsv` (within `GOVERNOR_STEPS`, through
the dependencies an intention cue governs by) whose subject names an actor that is not among the act's doers
becomes the request of that actor to the act's doer, in the cue's own mode. A cue that is itself negated asks for
nothing: its act is dropped too. Hostile acts wanted of another (a rare "X veut que Y attaque Z") are left as they
are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.events.candidates import Candidate
from kg.events.grammar import GOVERNOR_STEPS, cue_forms
from kg.events.intentions import GOVERNING_DEPS
from kg.events.slots import subject
from kg.records import Mention, Mode, RequestKind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor

__all__ = ["REQUEST_CODES", "as_requests"]

# The CAMEO code of an appeal or a demand for an act of each root; a root not listed takes the kind's own code.
REQUEST_CODES = {
    RequestKind.APPEAL: {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"},
    RequestKind.DEMAND: {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"},
}
GENERAL_CODES = {RequestKind.APPEAL: "020", RequestKind.DEMAND: "100"}
REQUESTABLE_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08", "09"})


def as_requests(view: Extractor, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates, each act another actor asks its doer to do replaced by that actor's request (none if the
    request is negated)."""
    kept = []
    for candidate in candidates:
        asked = _asked(view, candidate)
        if asked is None:
            kept.append(candidate)
            continue
        cue, kind, askers = asked
        mode = view._mode(cue)
        if mode is Mode.NEGATED:
            continue
        code = REQUEST_CODES[kind].get(candidate.trigger.cameo[:2], GENERAL_CODES[kind])
        trigger = replace(candidate.trigger, cameo=code)
        kept.append(replace(candidate, source=askers[0], target=candidate.source, trigger=trigger, mode=mode,
                            symmetric=False))  # fmt: skip
    return kept


def _asked(view: Extractor, candidate: Candidate) -> tuple[Token, RequestKind, list[Mention]] | None:
    """The request cue governing a hypothetical act, its kind and its subject's actors, when none of them does
    the act."""
    if candidate.mode is not Mode.HYPOTHETICAL or candidate.trigger.cameo[:2] not in REQUESTABLE_ROOTS:
        return None
    found = _request_cue(view, candidate.token)
    if found is None:
        return None
    cue, kind = found
    doers = {candidate.source.code} | ({candidate.target.code} if candidate.symmetric else set())
    askers = subject(view, cue)
    if not askers or any(mention.code in doers for mention in askers):
        return None
    return cue, kind, askers


def _request_cue(view: Extractor, token: Token) -> tuple[Token, RequestKind] | None:
    """The request cue governing an act, and its kind."""
    current = token
    for _ in range(GOVERNOR_STEPS):
        if current.dep_ not in GOVERNING_DEPS or current.head.i == current.i:
            return None
        current = current.head
        kind = next(filter(None, (view.lexicon.request_cues.get((view.lang, form))
                                  for form in cue_forms(current, view.grammar))), None)  # fmt: skip
        if kind is not None:
            return current, kind
    return None
