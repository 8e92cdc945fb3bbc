"""Modality: whether a trigger states an event as happening, possible or planned, or not happening.

Reads the parse around a trigger token and the cues of the language pack's `modality.tsv`:
negation (a dependent such as "pas", a governing verb such as "refuser", a
preposition such as "sans"), hypothesis (conditional mood, future tense, a
governing verb such as "pouvoir" or "craindre", "si", an attribution "selon X", the purpose an act is done
for: "pour attaquer X").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.events.grammar import (
    ADJECTIVE_COMPLEMENT_DEP,
    COPULA_DEP,
    GOVERNOR_STEPS,
    INFINITIVE,
    SUBJECT_DEPS,
    cue_forms,
    has_auxiliary,
    is_adjective_argument,
    is_conditional,
    is_future,
)
from kg.records import Mode

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.lang import LanguagePack

__all__ = ["find_mode", "cue_for", "governor_cue", "is_attribution"]

PARTICLE_DEP = "compound:prt"  # Universal Dependencies' label of a phrasal verb's particle ("rule out")
NEGATIVE = "Neg"  # Universal Dependencies' Polarity of a negation word ("ne", "not")
# The labels of a light verb's noun: its object, or an oblique where the parser read "pas d'offensive" as "de".
LIGHT_OBJECT_DEPS = frozenset({"obj", "obl", "obl:arg", "obl:mod"})
# The labels by which a governor's cue reaches the act it governs.
GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "obj", "acl", "nmod", "nsubj", "advcl", ADJECTIVE_COMPLEMENT_DEP})
ADVERBIAL_CLAUSE_DEP = "advcl"
PURPOSE_SCOPE = "purpose"  # a cue marking the infinitive of what an act is done for ("pour")


def find_mode(token: Token, pack: LanguagePack) -> Mode:
    """The mode of the event a trigger token states: negated, hypothetical or asserted."""
    chain = _governors(token)
    if _denied_denial(chain, pack):
        return Mode.HYPOTHETICAL  # "n'exclut pas d'expulser X": the expulsion is possible, not denied
    if _is_negated(token, chain, pack):
        return Mode.NEGATED
    if _is_hypothetical(token, chain, pack):
        return Mode.HYPOTHETICAL
    return Mode.ASSERTED


def _governors(token: Token) -> list[Token]:
    chain = []
    current = token
    for _ in range(GOVERNOR_STEPS):
        if current.head.i == current.i:
            break
        # an argument of the cue: "prêt à des négociations", "renoncer à une attaque", "open to talks"
        argument = current.dep_ == "obl:arg" or is_adjective_argument(current)
        if current.dep_ not in GOVERNED_DEPS and not argument:
            break
        if current.dep_ == ADVERBIAL_CLAUSE_DEP and any(child.dep_ in SUBJECT_DEPS for child in current.children):
            break  # "X exige Y, tandis que Z veut W": a clause with a subject of its own is no act X's verb governs
        current = current.head
        chain.append(current)
    return chain


def _is_simple_infinitive(token: Token) -> bool:
    """An infinitive without an auxiliary ("attaquer", not "avoir attaqué")."""
    return INFINITIVE in token.morph.get("VerbForm") and not has_auxiliary(token)


def cue_for(pack: LanguagePack, word: str) -> tuple[Mode, str] | None:
    """The modality cue a word is, if any: (mode, scope)."""
    return pack.lexicon.cues.get((pack.lang, word.casefold()))


def governor_cue(pack: LanguagePack, verb: Token) -> tuple[Mode, str] | None:
    """The modality cue a governing verb is: its lemma with its particle ("rule out"), else one of its cue forms
    (`grammar.cue_forms`: its lemma, or a participle's adjective: "disposé à")."""
    particles = [child.lower_ for child in verb.children if child.dep_ == PARTICLE_DEP]
    if particles:
        cue = cue_for(pack, f"{verb.lemma_} {particles[0]}")
        if cue is not None:
            return cue
    return next(filter(None, (cue_for(pack, form) for form in cue_forms(verb, pack.grammar))), None)


def is_attribution(token: Token, pack: LanguagePack) -> bool:
    """Whether a phrase says who says so ("selon X", "d'après X"): its case marker is an attribution cue."""
    return any(
        child.dep_ == "case" and cue_for(pack, child.lower_) == (Mode.HYPOTHETICAL, "case") for child in token.children
    )


def _is_negated(token: Token, chain: list[Token], pack: LanguagePack) -> bool:
    # Negation reaches a trigger from itself, its light verb, or a verb it is the complement of; not from a
    # verb that acts on it ("n'a pas condamné l'invasion": the invasion took place).
    head = token.head
    if head.i != token.i and cue_for(pack, head.lower_) == (Mode.NEGATED, "child"):
        # "ne pose plus d'ultimatum": the parser hangs the noun on the negation's second word ("plus de" is also
        # "more", so the verb must carry the negation's first: "impose plus de sanctions" is no negation)
        verb = head.head
        if verb.i != head.i and any(c.i != head.i and NEGATIVE in c.morph.get("Polarity") for c in verb.children):
            return True
    carried = token.dep_ in LIGHT_OBJECT_DEPS and _is_light(head, pack)  # "n'a pas lancé d'offensive"
    # "X is not hostile to Y": the negation hangs on the copular verb an adjective complements
    complemented = token.dep_ in ("xcomp", ADJECTIVE_COMPLEMENT_DEP)
    near = [token] + ([head] if head.i != token.i and (complemented or carried) else [])
    for node in near:
        for child in node.children:
            cue = cue_for(pack, child.lower_)
            if cue and cue[0] is Mode.NEGATED and cue[1] in ("child", "case", "mark"):
                return True
    return _denying_governor(chain, pack) is not None or _denied_intention(chain, pack)


def _denied_intention(chain: list[Token], pack: LanguagePack) -> bool:
    """Whether the intention governing a trigger is denied ("X n'a pas l'intention d'attaquer Y", "n'a aucune
    intention de", "ne compte pas se rendre à"): the act is not planned, it is negated."""
    for head in chain[:2]:
        # "n'a aucune intention » d'attaquer": the parser may hang the act on the light verb, not on its noun
        nouns = [child for child in head.children if child.dep_ in LIGHT_OBJECT_DEPS] if _is_light(head, pack) else []
        for cue in (head, *nouns):
            forms = cue_forms(cue, pack.grammar)
            if not any((pack.lang, form) in pack.lexicon.intention_cues for form in forms):
                continue
            if any((pack.lang, form) in pack.lexicon.request_cues for form in forms):
                return False  # "ne souhaite pas que Y ...": a wish may be of another's act (`kg.events.requests`)
            carriers = [cue] + ([cue.head] if cue.dep_ in LIGHT_OBJECT_DEPS and _is_light(cue.head, pack) else [])
            return any(_carries_negation(carrier, pack) for carrier in carriers)
    return False


def _carries_negation(node: Token, pack: LanguagePack) -> bool:
    """Whether a word carries a negation of its own ("n'exclut pas", "n'a aucune intention")."""
    return any(cue_for(pack, child.lower_) == (Mode.NEGATED, "child") for child in node.children)


def _denying_governor(chain: list[Token], pack: LanguagePack) -> Token | None:
    """The verb of denial ("refuser", "nier", "rule out") governing a trigger, one of its nearest two governors,
    through what it denies, not through its subject ("la Serbie, alliée de Moscou, refuse ...": the alliance
    stands)."""
    for index, head in enumerate(chain[:2]):
        if index and chain[index - 1].dep_ in SUBJECT_DEPS:
            return None  # reached through the denier's subject
        if governor_cue(pack, head) == (Mode.NEGATED, "governor"):
            return head
    return None


def _denied_denial(chain: list[Token], pack: LanguagePack) -> bool:
    """Whether the verb governing a trigger is a verb of denial that is itself negated ("n'exclut pas de",
    "ne refuse pas de"): what it governs is left open."""
    denying = _denying_governor(chain, pack)
    return denying is not None and _carries_negation(denying, pack)


def _is_light(verb: Token, pack: LanguagePack) -> bool:
    """A verb that only carries its object noun's event ("n'a pas lancé d'offensive")."""
    return (pack.lang, verb.lemma_.casefold()) in pack.lexicon.light_verbs


def _is_hypothetical(token: Token, chain: list[Token], pack: LanguagePack) -> bool:
    for node in [token, *chain]:
        if is_conditional(node, pack.grammar) or is_future(node, pack.grammar):
            return True
        if any(
            is_conditional(child, pack.grammar) or is_future(child, pack.grammar)
            for child in node.children
            # a predicate's copula carries its tense ("sera à Pékin", "serait favorable"); not one above it
            if child.dep_.startswith("aux") or (node is token and child.dep_ == COPULA_DEP)
        ):
            return True
    # a cue on the trigger, or on the verb it is the object of ("would sign an agreement")
    near = [token] + [head for head in chain[:1] if token.dep_ == "obj"]
    for child in (child for node in near for child in node.children):
        cue = cue_for(pack, child.lower_) or cue_for(pack, child.lemma_)
        if cue and cue[0] is Mode.HYPOTHETICAL and cue[1] in ("child", "mark"):
            return True
        if cue == (Mode.HYPOTHETICAL, PURPOSE_SCOPE) and child.dep_ == "mark" and _is_simple_infinitive(child.head):
            return True  # "pour attaquer X": what it is done for has not happened ("pour avoir attaqué" has)
        # "selon les États-Unis, la Russie aurait ...": an attribution on the clause makes it a claim
        if is_attribution(child, pack):
            return True
    return any((cue := governor_cue(pack, head)) and cue == (Mode.HYPOTHETICAL, "governor") for head in chain)
