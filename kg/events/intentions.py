"""Intentions: an act its actor says it will do is also a statement of intent (CAMEO 03) or a threat (13).

CAMEO codes the announcement of a future act as its own event: "Berlin
promet de livrer des chars à Kiev" is an intent to provide aid (033) as well
as the aid itself, hypothetical; "Moscou menace de riposter" a threat of force
(138). A candidate whose act is hypothetical because its own actor intends it
(the act in the simple future, in the conditional its doer is reported to
announce it in: "X a dit qu'il se rendrait à Y", or governed by an intention cue of
the pack's `intentions.tsv`: "promettre de", "aller" + infinitive, "prêt
à") gives a second candidate, asserted, with the intent or threat code that
CAMEO pairs with the act's root (`INTENT_CODES`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.events.candidates import Candidate
from kg.events.grammar import (
    GOVERNOR_STEPS,
    OBJECT_DEPS,
    cue_forms,
    in_conditional,
    is_adjective_argument,
    is_conditional,
    is_future,
)
from kg.events.slots import light_verb, subject
from kg.records import Mode

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor
    from kg.records import Trigger

__all__ = ["INTENT_CODES", "stated_intentions", "threatened_acts"]

# The CAMEO code of the intent to do (03x) or the threat to do (13x) an act of each root.
INTENT_CODES = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
    "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "1385",
}  # fmt: skip
INTENT_ROOT, THREAT_ROOT = "03", "13"
# Where a verb of threat hangs the act it threatens with: its object ("a menacé de mesures de rétorsion"), a
# complement ("menacer X de sanctions", "threaten X with sanctions"), or the complement of its object.
THREAT_ACT_DEPS = frozenset({"obj", "obl", "obl:arg", "obl:mod", "nmod"})
# The dependencies by which an intention cue governs the act ("promet de livrer", "prêt à livrer", "veut
# renforcer la coopération": the event noun is the object of the governed verb).
GOVERNING_DEPS = frozenset({"xcomp", "ccomp", "acl", "advcl", "obl:arg", "obj"})
# An event noun that is an argument of the governed verb ("veut renforcer la coopération", "menace de répondre
# aux manœuvres de Y") is the intender's act only when the intender does it.
NOUN_ARGUMENT_DEPS = OBJECT_DEPS | {"obl:arg"}


def stated_intentions(view: Extractor, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with the intents and threats their actors state by announcing their acts. A cue's own
    reading as an intent to cooperate yields to the hostile act it governs ("X a l'intention d'attaquer Y" is a
    threat, "X n'a aucune intention d'attaquer Y" a denied attack: neither is an intent to cooperate)."""
    found = []
    threatening: set[tuple[int, str, str]] = set()  # (governor token, source, target) of the hostile acts
    for candidate in candidates:
        code = INTENT_CODES.get(candidate.trigger.cameo[:2])
        if code is None:
            continue
        if code.startswith(THREAT_ROOT):  # a hostile act, planned or denied ("n'a aucune intention d'attaquer")
            threatening |= {(cue.i, candidate.source.code, candidate.target.code)
                            for cue in _cues_above(view, candidate.token)}  # fmt: skip
        if candidate.mode is not Mode.HYPOTHETICAL or not _intended(view, candidate):
            continue
        trigger = replace(candidate.trigger, cameo=code)
        found.append(replace(candidate, trigger=trigger, mode=Mode.ASSERTED))
    kept = [c for c in candidates if not (c.trigger.cameo.startswith(INTENT_ROOT)
            and (c.token.i, c.source.code, c.target.code) in threatening)]  # fmt: skip
    return kept + found


def _cues_above(view: Extractor, token: Token) -> list[Token]:
    """The words above an act that may state it as intended: its governors, and the object of a governing light
    verb ("n'a aucune intention » d'attaquer", where the parser hung the act on "avoir")."""
    governors = _governors(token)
    light = [child for governor in governors if (view.lang, governor.lemma_.casefold()) in view.lexicon.light_verbs
             for child in governor.children if child.dep_ in OBJECT_DEPS]  # fmt: skip
    return governors + light


def _governors(token: Token) -> list[Token]:
    """The words governing a token as an act they announce (`GOVERNING_DEPS`), up to `GOVERNOR_STEPS` above it."""
    chain, current = [], token
    for _ in range(GOVERNOR_STEPS):
        if current.head.i == current.i or current.dep_ not in GOVERNING_DEPS:
            break
        current = current.head
        chain.append(current)
    return chain


def _intended(view: Extractor, candidate: Candidate) -> bool:
    """Whether the act is announced by its actor: in the simple future, or under an intention cue (whose
    subject is the act's doer when the act is an event noun it governs: "X veut renforcer la coopération",
    not "Y envisage une visite de X")."""
    token = candidate.token
    # an event noun is in the future of the light verb that carries it ("signera un accord", "will give support")
    verb = token if token.pos_ == "VERB" else (light_verb(view, token) or token)
    if is_future(verb, view.grammar) and not is_conditional(verb, view.grammar):
        return not _told_by_another(view, token, candidate)
    if _future_in_the_past(view, token, candidate):
        return True
    current, through_noun = token, False
    for _ in range(GOVERNOR_STEPS):
        governed = current.dep_ in GOVERNING_DEPS or is_adjective_argument(current)  # "open to talks"
        if not governed or current.head.i == current.i:
            return False
        through_noun = through_noun or (current.pos_ == "NOUN" and current.dep_ in NOUN_ARGUMENT_DEPS)
        current = current.head
        if any((view.lang, form) in view.lexicon.intention_cues for form in cue_forms(current, view.grammar)):
            return not through_noun or _says_it_itself(view, current, candidate)
    return False


def _future_in_the_past(view: Extractor, token: Token, candidate: Candidate) -> bool:
    """An act in the conditional that its own doer is reported to announce ("X a ajouté qu'il se rendrait à
    Y"): the reported future of what the doer said."""
    verb = token if token.pos_ == "VERB" else light_verb(view, token)  # "qu'il signerait un accord avec Y"
    if verb is None:
        return False
    if not in_conditional(verb, view.grammar):
        return False
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i:
        return False
    if head.lemma_.casefold() not in view.pack.references.reporting_verbs:
        return False
    return _says_it_itself(view, head, candidate)


def _told_by_another(view: Extractor, token: Token, candidate: Candidate) -> bool:
    """Whether an act in the future is the clause of another actor's verb ("Tokyo affirme que Pékin attaquera
    Taïwan", "Tokyo espère que Séoul viendra"): a future another tells or wishes is not its doer's announcement."""
    verb = token if token.pos_ == "VERB" else light_verb(view, token)
    if verb is None or verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return False
    tellers = subject(view, verb.head)
    return bool(tellers) and not _says_it_itself(view, verb.head, candidate)


def _says_it_itself(view: Extractor, cue: Token, candidate: Candidate) -> bool:
    doers = {candidate.source.code} | ({candidate.target.code} if candidate.symmetric else set())
    return any(mention.code in doers for mention in subject(view, cue))


def threatened_acts(view: Extractor, candidates: list[Candidate]) -> list[Candidate]:
    """The acts a threat names ("X menace Y de sanctions", "threatened Y with sanctions", "a menacé de mesures de
    rétorsion"): the act itself, hypothetical, by the threatener on the threatened, for an act with a threat code
    (`INTENT_CODES`)."""
    taken = {(c.token.i, c.source.code, c.target.code) for c in candidates}
    found: list[Candidate] = []
    for candidate in candidates:
        if not candidate.trigger.cameo.startswith(THREAT_ROOT) or candidate.token.pos_ != "VERB":
            continue
        for noun in _threatened_nouns(view, candidate.token):
            for trigger in _act_triggers(view, noun):
                code = INTENT_CODES.get(trigger.cameo[:2])
                if trigger.pos != "NOUN" or code is None or not code.startswith(THREAT_ROOT):
                    continue
                if (noun.i, candidate.source.code, candidate.target.code) in taken:
                    continue
                taken.add((noun.i, candidate.source.code, candidate.target.code))
                found.append(replace(candidate, trigger=trigger, token=noun, mode=Mode.HYPOTHETICAL, symmetric=False))
    return found


def _threatened_nouns(view: Extractor, verb: Token) -> list[Token]:
    """The event nouns a verb of threat names as what it threatens with."""
    marks = view.grammar.forms(view.grammar.instrument_case)
    nouns = []
    for child in view._children(verb):
        grandchildren = [g for g in child.children if g.dep_ in THREAT_ACT_DEPS] if child.dep_ in OBJECT_DEPS else []
        for noun in (child, *grandchildren):
            if noun.pos_ != "NOUN" or noun.dep_ not in THREAT_ACT_DEPS:
                continue
            if (noun.dep_ in OBJECT_DEPS and noun is child) or any(
                g.dep_ == "case" and g.lower_ in marks for g in noun.children
            ):
                nouns.append(noun)
    return nouns


def _act_triggers(view: Extractor, noun: Token) -> tuple[Trigger, ...]:
    """The triggers of a noun, or of its "de" complement when it only sums the act up ("des mesures de
    rétorsion")."""
    found = view._triggers(noun)
    if found or noun.lemma_.casefold() not in view.grammar.summary_nouns:
        return found
    return tuple(trigger for child in view._children(noun)
                 if child.dep_ == "nmod" and view._has_case(child, view.grammar.genitive_case)
                 for trigger in view._triggers(child))  # fmt: skip
