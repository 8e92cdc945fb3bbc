"""Demonyms: nationality adjectives and nouns standing alone ("l'invasion russe", "les Russes", "North Korean
troops"), of one word or several, and compound ones naming each of their actors ("les relations sino-russes",
"intercoréen").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.actors.view import DEMONYM_WORDS, ActorView, Found
from kg.records import ActorKind, Resolution

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_demonyms"]


def find_demonyms(view: ActorView, found: list[Found]) -> list[Found]:
    covered = {index for item in found for index in range(item.start, item.end)}
    people = {index for item in found if view.kind(item.actor) is ActorKind.PERSON
              for index in range(item.start, item.end)}  # fmt: skip
    demonyms = []
    for token in view.tokens:
        if token.i in covered or token.i in view.blocked:
            continue
        end, entry = _demonym_at(view, token.i, covered)
        if entry is not None:
            # a rare nationality the tagger takes for a verb ("les forces sud-soudanaises") is a nationality
            plain = view.tokens[end - 1].pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and not entry[1]
            actors: tuple[str, ...] = (entry[0],) if plain else ()
        else:  # a compound's form says what it is, whatever part of speech the tagger gave it
            actors = _compound(view, token)
        if actors and view.tokens[end - 1].head.i in people:
            continue  # "le Norvégien Jens Stoltenberg": the nationality of a person named, no actor of its own
        if actors and view.tokens[end - 1].head.i in view.blocked:
            continue  # "le Hamas palestinien", "Le Monde français": the nationality of a non-actor named
        if actors and not view.is_blocked(view.doc[token.i : end]):
            demonyms += [Found(token.i, end, actor, Resolution.DEMONYM) for actor in actors]
            covered |= set(range(token.i, end))
    return demonyms


def _demonym_at(view: ActorView, start: int, covered: set[int]) -> tuple[int, tuple[str, bool] | None]:
    """The longest demonym starting at a token, of one word or several ("nord-coréen", "North Korean"):
    (its end, its entry), or (the next token, None)."""
    first = view.tokens[start].lower_
    longest = view.demonym_words.get(first, 1)  # most words of a demonym that starts with this word
    for size in range(min(longest, DEMONYM_WORDS), 0, -1):
        end = start + size
        if end > len(view.tokens) or (size > 1 and covered & set(range(start, end))):
            continue
        words = first if size == 1 else " ".join(token.lower_ for token in view.tokens[start:end])
        entry = view.gazetteer.demonyms.get((view.lang, words))
        if entry is None and size > 1:  # "sri-lankais" cut at its hyphen by the tokenizer: the span as written
            entry = view.gazetteer.demonyms.get((view.lang, view.doc[start:end].text.lower()))
        if entry is not None:
            return end, entry
    return start + 1, None


def _compound(view: ActorView, token: Token) -> tuple[str, ...]:
    """The actors of a compound nationality: "sino-russe" (combining forms joined to a demonym),
    "russo" before "- ukrainienne" (the parser split the word), "intercoréen" (a word naming several)."""
    key = (view.lang, token.lower_)
    if key in view.gazetteer.compound_words:
        return view.gazetteer.compound_words[key]
    if "-" in key[1]:
        *prefixes, last = key[1].split("-")
        demonym = view.gazetteer.demonyms.get((view.lang, last))
        combined = [view.gazetteer.combining_forms.get((view.lang, prefix)) for prefix in prefixes]
        if demonym is None or demonym[1] or not all(combined):
            return ()
        return (*(actor for actors in combined if actors for actor in actors), demonym[0])
    if key not in view.gazetteer.combining_forms:
        return ()
    following = view.tokens[token.i + 1 : token.i + 3]
    if (
        key in view.gazetteer.combining_forms
        and len(following) == 2
        and following[0].text == "-"
        and (view.lang, following[1].lower_) in view.gazetteer.demonyms
    ):
        return view.gazetteer.combining_forms[key]
    return ()
