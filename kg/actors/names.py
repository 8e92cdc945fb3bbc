"""Names: the gazetteer's surface forms the actor ruler marked, each resolved to one actor.

An unambiguous form is its actor (a capital or seat of power is its government:
metonymy); an ambiguous one ("Kim", "Washington") takes the candidate the article
names in full, else the one in office at the article's date, else stays
unresolved. A form the gazetteer writes capitalised is no mention in lower case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.actors.view import LEADING_ROLES, ActorView, Found
from kg.nlp import ACTOR_LABEL, AMBIGUOUS_LABEL
from kg.records import ActorKind, Resolution

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["find_names"]


def find_names(view: ActorView) -> list[Found]:
    named_in_full = {ent.ent_id_ for ent in view.ents if ent.label_ == ACTOR_LABEL}
    found = []
    for ent in view.ents:
        if ent.label_ not in (ACTOR_LABEL, AMBIGUOUS_LABEL) or view.is_blocked(ent):
            continue
        if not _case_agrees(view, ent):
            continue
        if ent.label_ == ACTOR_LABEL:
            how = Resolution.METONYMY if _is_seat_or_capital(view, ent) else Resolution.NAME
            found.append(Found(ent.start, ent.end, ent.ent_id_, how))
            continue
        actor = _resolve_ambiguous(view, ent, named_in_full)
        if actor:
            how = Resolution.METONYMY if _is_seat_or_capital(view, ent) else Resolution.COREFERENCE
            found.append(Found(ent.start, ent.end, actor, how))
    return found


def _resolve_ambiguous(view: ActorView, ent: Span, named_in_full: set[str]) -> str | None:
    candidates = sorted(_candidates(view, ent.text))
    in_article = [actor for actor in candidates if actor in named_in_full]
    if len(in_article) == 1:
        return in_article[0]
    people = [actor for actor in candidates if view.gazetteer.actors[actor].kind is ActorKind.PERSON]
    if people and view.day is not None:
        in_office = [
            office for office in view.gazetteer.offices if office.person in people and office.holds_on(view.day)
        ]
        for roles in (LEADING_ROLES, None):
            holders = {office.person for office in in_office if roles is None or office.role in roles}
            if len(holders) == 1:
                return holders.pop()
    if len(candidates) == 1 and ent[0].pos_ == "PROPN" and not _followed_by_name(ent):
        return candidates[0]
    return None


def _candidates(view: ActorView, text: str) -> set[str]:
    return {alias.actor for alias in view.forms.get(text.casefold(), ())}


def _case_agrees(view: ActorView, ent: Span) -> bool:
    """A form the gazetteer writes capitalised ("Paris", "l'Ouest", "the West") is no mention where the text
    writes its first capital in lower case ("paris", "l'ouest du pays", "the west of the country")."""
    forms = [alias.text for alias in view.forms.get(ent.text.casefold(), ())]
    return not forms or any(_capital_kept(form, ent.text) for form in forms)


def _capital_kept(form: str, text: str) -> bool:
    """Whether the text keeps the form's first capital (a form with none agrees with any text)."""
    first = next((index for index, char in enumerate(form) if char.isupper()), None)
    return first is None or first >= len(text) or text[first].isupper()


def _is_seat_or_capital(view: ActorView, ent: Span) -> bool:
    return any(alias.type in ("capital", "seat") for alias in view.forms.get(ent.text.casefold(), ()))


def _followed_by_name(ent: Span) -> bool:
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()
