"""Descriptions: a role noun with its state ("le président russe", "des responsables américains", "le régime de
Kim", "the Chinese foreign ministry") is that state, or the named person holding that office.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.actors.view import LEADING_ROLES, MODIFIER_DEPS, NAME_LOOKAHEAD, PERSON_ROLES, ActorView, Found
from kg.records import ActorKind, Resolution

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_descriptions"]


def find_descriptions(view: ActorView, names: list[Found]) -> tuple[list[Found], set[tuple[int, int]]]:
    """Role nouns with their state; returns the descriptions and the name spans they absorb."""
    by_token = {index: found for found in names for index in range(found.start, found.end)}
    described: list[Found] = []
    absorbed: set[tuple[int, int]] = set()
    named_people = {found.actor for found in names if view.kind(found.actor) is ActorKind.PERSON}
    for token in view.tokens:
        role = _role(view, token)
        if role is None or token.i in by_token or token.i in view.blocked or view.is_counted_group(token):
            continue  # "les deux dirigeants" refers back (see _references), it describes no one
        state, modifier_end, modifier = _state_modifier(view, token, by_token)
        person = _following_person(view, token, by_token, state) if role in PERSON_ROLES else None
        if person is not None:
            absorbed.add((person.start, person.end))
            described.append(Found(token.i, person.end, person.actor, Resolution.NAME))
        elif state is not None:
            if modifier is not None:
                absorbed.add((modifier.start, modifier.end))
            for each in (state, *_coordinated_states(view, token, state)):  # "Russian and Chinese bombers"
                actor = _office_holder(view, role, each, named_people) or each
                body = role if actor == each else None  # a person holding the office acts as that person
                described.append(Found(token.i, max(token.i + 1, modifier_end), actor, Resolution.DESCRIPTION, body))
    return described, absorbed


def _coordinated_states(view: ActorView, token: Token, state: str) -> list[str]:
    """The other states of demonym adjectives coordinated with the role noun's ("les navires chinois et
    russes", "Russian and Chinese bombers"): the noun describes each of them."""
    states: list[str] = []
    for child in token.children:
        if child.dep_ != "amod":
            continue
        for conjunct in child.conjuncts:
            other = _demonym_state(view, conjunct)
            if other is not None and other not in (state, *states):
                states.append(other)
    return states


def _demonym_state(view: ActorView, token: Token) -> str | None:
    """The state an unambiguous demonym names ("russe", "Chinese"), if the token is one."""
    demonym = view.gazetteer.demonyms.get((view.lang, token.lower_))
    return view.state(demonym[0]) if demonym and not demonym[1] else None


def _role(view: ActorView, token: Token) -> str | None:
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    heads = {token.lemma_.casefold(), token.lower_}
    if heads.isdisjoint(view.role_heads):
        return None
    complements = {child.lemma_.casefold() for child in token.children if child.dep_ in MODIFIER_DEPS}
    generic = None
    for role in view.gazetteer.roles:
        if role.lang != view.lang or role.head not in heads:
            continue
        if role.complement and role.complement in complements:
            return role.role
        if not role.complement:
            generic = role.role
    return generic


def _state_modifier(view: ActorView, token: Token, by_token: dict[int, Found]) -> tuple[str | None, int, Found | None]:
    """The state a role noun names: a demonym adjective or a name in a modifier; its end token."""
    for child in token.children:
        # a demonym adjective, even one the parser took for a complement ("le ministre de la Défense sud-coréen")
        is_adjective = child.dep_ == "amod" or (child.dep_ in MODIFIER_DEPS and child.pos_ == "ADJ")
        if is_adjective and (state := _demonym_state(view, child)) is not None:
            return state, max(child.i + 1, token.i + 1), None
        if child.dep_ in MODIFIER_DEPS and not view.has_locative_case(child):
            # a place says where the body is, not whose it is ("l'ambassadeur à Moscou", "troops in Syria");
            # "représentants des républiques dissidentes de Lougansk": the name may sit one complement deeper.
            nested = [grand for grand in child.children if grand.dep_ in MODIFIER_DEPS]
            for descendant in (child, *child.children, *(great for inner in nested for great in inner.children)):
                found = by_token.get(descendant.i)
                if found is not None:
                    return view.state(found.actor), max(found.end, child.i + 1), found
                state = _demonym_state(view, descendant) if descendant.dep_ == "amod" else None
                if state is not None:  # "du renseignement américain"
                    return state, max(descendant.i, child.i) + 1, None
    return None, token.i + 1, None


def _following_person(view: ActorView, token: Token, by_token: dict[int, Found], state: str | None) -> Found | None:
    """A person named right after the role noun ("le président russe Vladimir Poutine")."""
    for index in range(token.i + 1, min(token.i + 1 + NAME_LOOKAHEAD, len(view.doc))):
        found = by_token.get(index)
        if found is not None:
            is_person = view.kind(found.actor) is ActorKind.PERSON
            if is_person and (state is None or view.state(found.actor) == state):
                return found
            if not is_person:
                continue
            return None
        following = view.tokens[index]
        if following.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or (following.is_punct and following.text != ","):
            return None
    return None


def _office_holder(view: ActorView, role: str, state: str, named_people: set[str]) -> str | None:
    """The person the article names who holds `role` for `state` at the article's date."""
    if role not in PERSON_ROLES:
        return None
    roles = LEADING_ROLES if role == "leader" else {role}  # "le dirigeant russe": whoever leads Russia
    holders = {
        office.person
        for office in view.gazetteer.offices
        if office.person in named_people
        and office.state == state
        and office.role in roles
        and office.holds_on(view.day)
    }
    return holders.pop() if len(holders) == 1 else None
