"""Coreference: words that refer back to actors named before: a counted group noun ("les deux pays", "the two
leaders") the two most salient actors, a plural pronoun ("ils", "they") the two actors of the previous sentence,
a plural possessive ("leur sommet") the two named before it, a singular subject pronoun the last actor subject, a
counterpart noun with a singular possessive ("son homologue", "his host") the possessor's partner, an
indefinite subject pronoun after a place set before it ("À Pékin, on estime ...") that place's actor, a subject
pronoun after a topic set before it ("Quant à la Chine, elle ...") that topic, and a country noun with a singular
possessive ("son pays", "his country") the state of the subject named before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from kg.actors.view import ANY_SUBJECT_DEPS, POSSESSIVE_DEPS, REFERENCE_WINDOW, ActorView, Found
from kg.records import ActorKind, Resolution

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_references"]

PLURAL_SUBJECT_STEPS = 3  # how far above a possessive's noun its clause's verb is looked for


def find_references(view: ActorView, found: list[Found]) -> list[Found]:
    ordered = sorted(found, key=lambda item: item.start)
    covered = {index for item in found for index in range(item.start, item.end)}
    references = []
    for token in view.tokens:
        if token.i in view.blocked:
            continue
        if token.lower_ in view.words.group_nouns and any(
            child.lower_ in view.words.pair_numbers for child in token.children
        ):
            people_only = token.lemma_.casefold() in view.words.person_group_nouns
            pair = _sentence_pair(view, ordered, token) or _last_pair(
                view, ordered, before=token.i, people_only=people_only
            )
            span = (
                min([c.i for c in token.children if c.lower_ in view.words.pair_numbers] + [token.i]),
                token.i + 1,
            )
            references += [Found(*span, code, Resolution.COREFERENCE) for code in pair]
        elif token.lower_ in view.words.plural_pronouns and token.dep_ in ANY_SUBJECT_DEPS:
            pair = _previous_sentence_pair(view, ordered, token)
            references += [Found(token.i, token.i + 1, code, Resolution.COREFERENCE) for code in pair]
        elif token.lower_ in view.words.plural_possessives and token.dep_ in POSSESSIVE_DEPS:
            pair = _plural_antecedent(view, ordered, token)
            references += [Found(token.i, token.i + 1, code, Resolution.COREFERENCE) for code in pair]
        elif token.lower_ in view.words.counterpart_nouns and token.i not in covered:
            counterpart = _counterpart(view, ordered, token)
            if counterpart is not None:
                references.append(Found(token.i, token.i + 1, counterpart, Resolution.COREFERENCE))
        elif token.lower_ in view.words.indefinite_pronouns and token.dep_ in ANY_SUBJECT_DEPS:
            place = _fronted_place(view, ordered, token)
            if place is not None:
                references.append(Found(token.i, token.i + 1, place.actor, Resolution.COREFERENCE))
        elif token.i not in covered and _is_own_country(view, token):
            subject = _last_subject(view, ordered, before=token.i)  # "X a déclaré que son pays ..."
            if subject is not None:
                start = min(child.i for child in token.children if child.dep_ in POSSESSIVE_DEPS)
                references.append(Found(start, token.i + 1, subject.actor, Resolution.COREFERENCE))
        elif token.lower_ in view.words.singular_pronouns and token.dep_ in ANY_SUBJECT_DEPS:
            subject = _fronted_topic(view, ordered, token) or _last_subject(view, ordered, before=token.i)
            if subject is not None:
                references.append(Found(token.i, token.i + 1, subject.actor, Resolution.COREFERENCE))
    return references


def _fronted_place(view: ActorView, ordered: Sequence[Found], pronoun: Token) -> Found | None:
    """The actor of a place set before an indefinite subject pronoun in its clause ("À Pékin, on juge ...",
    "Aux États-Unis, on explique ..."): the people of that place."""
    return _fronted_phrase_actor(ordered, pronoun, view.locative_cases)


def _fronted_topic(view: ActorView, ordered: Sequence[Found], pronoun: Token) -> Found | None:
    """The actor of a topic set before a subject pronoun in its clause ("Quant à la Chine, elle ..."): the
    pronoun stands for it."""
    return _fronted_phrase_actor(ordered, pronoun, view.words.topic_marks)


def _fronted_phrase_actor(ordered: Sequence[Found], pronoun: Token, cases: Collection[str]) -> Found | None:
    """The actor of a phrase set before a subject pronoun in its clause by one of these prepositions: its name,
    or its nationality ("Dans les capitales européennes, on ...", "Quant à l'administration américaine, elle")."""
    for child in pronoun.head.children:
        if child.i >= pronoun.i or not child.dep_.startswith("obl"):
            continue
        if not any(case.dep_ == "case" and case.lower_ in cases for case in child.children):
            continue
        words = [child.i, *(c.i for c in child.children if c.dep_ == "amod")]
        for item in ordered:
            if any(item.start <= i < item.end for i in words):
                return item
    return None


def _is_own_country(view: ActorView, token: Token) -> bool:
    """A country noun with a singular possessive ("son pays", "his country")."""
    if token.lemma_.casefold() not in view.words.own_country_nouns:
        return False
    possessives = view.words.singular_possessives
    return any(child.lower_ in possessives and child.dep_ in POSSESSIVE_DEPS for child in token.children)


def _last_pair(view: ActorView, ordered: Sequence[Found], *, before: int, people_only: bool) -> list[str]:
    """The two most salient actors (by code) of the reference window: most mentioned there, then most recent."""
    ranked = _salient(view, ordered, before=before, people_only=people_only)
    if len(ranked) < 2 and people_only:  # "les deux dirigeants" of two states named as states
        return _last_pair(view, ordered, before=before, people_only=False)
    return ranked[:2] if len(ranked) >= 2 else []


def _salient(view: ActorView, ordered: Sequence[Found], *, before: int, people_only: bool = False) -> list[str]:
    """The actors of the reference window, one per code, most salient first: most mentioned there, then most
    recent.

    Places count half: "une délégation s'est rendue à Moscou" still makes Russia salient.
    """
    first_sentence = view.sentence_of[before] - REFERENCE_WINDOW
    weight: Counter[str] = Counter()
    latest: dict[str, int] = {}
    actor_of: dict[str, str] = {}
    for item in ordered:
        if item.start >= before or view.sentence_of[item.start] < first_sentence:
            continue
        if people_only and view.kind(item.actor) is not ActorKind.PERSON:
            continue
        code = view.state(item.actor)
        weight[code] += 0.5 if view.is_locative(view.doc[item.start : item.end]) else 1.0
        latest[code] = item.start
        actor_of[code] = item.actor
    return [actor_of[code] for code in sorted(weight, key=lambda code: (weight[code], latest[code]), reverse=True)]


def _counterpart(view: ActorView, ordered: Sequence[Found], token: Token) -> str | None:
    """Who a counterpart noun with a singular possessive refers to ("Poutine a reçu son homologue", "his
    host"): the most salient actor of the reference window that is not its possessor (the subject of its
    clause, else the last subject before it)."""
    possessives = [
        child for child in token.children if child.dep_ in POSSESSIVE_DEPS and "Yes" in child.morph.get("Poss")
    ]
    if not possessives or any(
        child.lower_ in view.words.plural_possessives or child.lower_ in view.words.first_person_possessives
        for child in possessives
    ):
        return None
    possessor = _clause_subject(view, ordered, token) or _last_subject(view, ordered, before=token.i)
    if possessor is None:
        return None
    own = view.state(possessor.actor)
    others = [actor for actor in _salient(view, ordered, before=token.i) if view.state(actor) != own]
    return others[0] if others else None


def _clause_subject(view: ActorView, ordered: Sequence[Found], token: Token) -> Found | None:
    """The actor subject of the clause a noun stands in, or the actor its subject is of ("Peru's president")."""
    subjects = {child.i for child in _clause_verb(token).children if child.dep_ in ANY_SUBJECT_DEPS}
    in_subject = [item for item in ordered if view.doc[item.start : item.end].root.i in subjects]
    of_subject = [item for item in ordered if view.doc[item.start : item.end].root.head.i in subjects]
    return next(iter(in_subject + of_subject), None)


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a noun or possessive stands in (at most `PLURAL_SUBJECT_STEPS` above it)."""
    verb = token.head
    for _ in range(PLURAL_SUBJECT_STEPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _sentence_pair(view: ActorView, ordered: Sequence[Found], token: Token) -> list[str]:
    """The two actors named before a counted group noun in its own sentence, places included ("Poutine est
    arrivé en Corée du Nord pour renforcer les liens entre les deux pays"), when it names two and no more."""
    sentence = view.sentence_of[token.i]
    codes = {view.state(item.actor): item.actor for item in ordered
             if item.start < token.i and view.sentence_of[item.start] == sentence}  # fmt: skip
    return list(codes.values()) if len(codes) == 2 else []


def _previous_sentence_pair(view: ActorView, ordered: Sequence[Found], token: Token) -> list[str]:
    """The two actors of the previous sentence, when it names exactly two."""
    previous = view.sentence_of[token.i] - 1
    in_previous = [item for item in ordered if view.sentence_of[item.start] == previous]
    codes = {view.state(item.actor): item.actor for item in in_previous}
    return list(codes.values()) if len(codes) == 2 else []


def _plural_antecedent(view: ActorView, ordered: Sequence[Found], token: Token) -> list[str]:
    """What a plural possessive ("leur sommet", "leurs liens") refers to: the two actors named before it in
    its sentence, or, when its sentence names none before it, the two of the previous sentence."""
    sentence = view.sentence_of[token.i]
    before = [item for item in ordered if item.start < token.i and view.sentence_of[item.start] == sentence
              and not view.is_locative(view.doc[item.start : item.end])]  # fmt: skip
    if not before:
        return _previous_sentence_pair(view, ordered, token)
    group = _plural_subject(view, before, token)
    if group:
        return group
    codes = {view.state(item.actor): item.actor for item in before}
    return list(codes.values()) if len(codes) == 2 else []


def _plural_subject(view: ActorView, before: Sequence[Found], token: Token) -> list[str]:
    """The actors of a plural subject of the possessive's clause ("les dirigeants de l'OTAN ont exprimé leur
    préoccupation", "le Chili et le Pérou ont renforcé leurs liens"): who "leur" is."""
    verb = _clause_verb(token)
    subjects = [child for child in verb.children if child.dep_ in ANY_SUBJECT_DEPS]
    heads = {conjunct.i for subject in subjects for conjunct in (subject, *subject.conjuncts)}
    if not subjects or (len(heads) < 2 and "Plur" not in subjects[0].morph.get("Number")):
        return []
    actors = {view.state(item.actor): item.actor for item in before if view.doc[item.start : item.end].root.i in heads}
    return list(actors.values())


def _last_subject(view: ActorView, ordered: Sequence[Found], *, before: int) -> Found | None:
    first_sentence = view.sentence_of[before] - 1
    for item in reversed(ordered):
        if item.start >= before or view.sentence_of[item.start] < first_sentence:
            continue
        root = view.doc[item.start : item.end].root
        while root.dep_ in ("flat:name", "flat") and root.head.i != root.i:
            root = root.head  # "M. Kim": the title heads the name
        if root.dep_ in ANY_SUBJECT_DEPS:
            return item
    return None
