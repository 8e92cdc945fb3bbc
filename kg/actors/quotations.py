"""Quotations: a first-person pronoun or possessive inside a quotation is its speaker ("« Nous soutenons ... », a
déclaré M. Kim", "« notre soutien à ... »", "\"we will respond\", the minister said"); a second-person one is
whom the speaker tells it to, when the verb of saying names an actor so ("« Nous soutiendrons vos efforts », a dit
X au président péruvien", "\"we back your plan\", X told Peru").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.actors.view import ANY_SUBJECT_DEPS, INVERTED_SUBJECT_DEPS, POSSESSIVE_DEPS, ActorView, Found
from kg.records import Resolution

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_quoted_speakers"]

# How a verb of saying names whom it speaks to: its object ("told Peru") or an argument of address ("au Chili").
ADDRESSEE_DEPS = frozenset({"obj", "iobj", "obl", "obl:arg", "obl:mod"})


def find_quoted_speakers(view: ActorView, found: list[Found]) -> list[Found]:
    """First-person pronouns and possessives inside a quotation are its speaker ("« Nous soutenons ... », a
    déclaré M. Kim", "« notre soutien à ... »")."""
    by_token = {index: item for item in found for index in range(item.start, item.end)}
    speakers = []
    for start, end in _quotations(view):
        said = _speaker(view, start, end, by_token)
        if said is None:
            continue
        speaker, verb = said
        addressee = _addressee(view, verb, by_token)
        for token in view.tokens[start:end]:
            if token.i in by_token:
                continue
            if _is_person(token, view.words.first_person, view.words.first_person_possessives):
                speakers.append(Found(token.i, token.i + 1, speaker.actor, Resolution.COREFERENCE))
            elif (
                addressee is not None
                and addressee.actor != speaker.actor
                and _is_person(token, view.words.second_person, view.words.second_person_possessives)
            ):
                speakers.append(Found(token.i, token.i + 1, addressee.actor, Resolution.COREFERENCE))
    return speakers


def _is_person(token: Token, pronouns: frozenset[str], possessives: frozenset[str]) -> bool:
    """Whether a token is one of a grammatical person's pronouns or possessives."""
    return (token.lower_ in pronouns and token.pos_ == "PRON") or (
        token.lower_ in possessives and token.dep_ in POSSESSIVE_DEPS
    )


def _addressee(view: ActorView, verb: Token, by_token: dict[int, Found]) -> Found | None:
    """Whom a verb of saying tells its quotation to: its object or its argument of address naming an actor
    ("a dit au président péruvien", "told Peru")."""
    for child in verb.children:
        addressed = child.dep_ in ADDRESSEE_DEPS and (
            child.dep_ == "obj"
            or any(g.dep_ == "case" and g.lower_ in view.words.addressee_cases for g in child.children)
        )
        if addressed and child.i in by_token:
            return by_token[child.i]
    return None


def _quotations(view: ActorView) -> list[tuple[int, int]]:
    """Token ranges between paired quotation marks, within a paragraph."""
    quotations, opening = [], None
    for token in view.tokens:
        if token.is_space and "\n" in token.text:
            opening = None
        elif token.text in view.words.quote_marks:
            if opening is None:
                opening = token.i
            else:
                quotations.append((opening + 1, token.i))
                opening = None
    return quotations


def _speaker(view: ActorView, start: int, end: int, by_token: dict[int, Found]) -> tuple[Found, Token] | None:
    """The subject of the reporting verb just after the quotation (", a déclaré M. Kim", set after the verb or
    before it) or before it, with that verb."""
    # Token.sent walks the sentences on every call: look them up by token instead.
    after = view.sentences[view.sentence_of[end]] if end < len(view.tokens) else None
    before = view.sentences[view.sentence_of[start - 1]] if start > 0 else None
    candidates = view.tokens[end + 1 : after.end] if after is not None else []
    candidates += view.tokens[before.start : start - 1] if before is not None else []
    for verb in candidates:
        if verb.pos_ == "VERB" and verb.lemma_.casefold() in view.words.reporting_verbs:
            inverted = verb.i > end  # "», a déclaré le ministre": the parser may take him for an object
            for child in verb.children:
                if child.dep_ in ANY_SUBJECT_DEPS or (
                    inverted and child.i > verb.i and child.dep_ in INVERTED_SUBJECT_DEPS
                ):
                    speaker = by_token.get(child.i) or next(
                        (by_token[grand.i] for grand in child.children if grand.i in by_token), None
                    )
                    if speaker is not None:
                        return speaker, verb
            if inverted and (aside := _named_after_an_aside(verb, by_token)) is not None:
                return aside, verb
    return None


def _named_after_an_aside(verb: Token, by_token: dict[int, Found]) -> Found | None:
    """The speaker set after an aside of the reporting verb, which the parser takes for the aside's apposition
    ("», a déclaré pour sa part M. Kim", "», a affirmé de son côté le ministre")."""
    for child in verb.children:
        if child.i > verb.i and child.dep_.startswith("obl"):
            for grand in child.children:
                if grand.dep_ == "appos" and grand.i in by_token:
                    return by_token[grand.i]
    return None
