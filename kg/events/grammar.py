"""The grammar event frames read: Universal Dependencies labels, and small token tests over a language's words.

The words (prepositions, clitics, verb endings) come from the language pack
(`kg.lang.Grammar`); which dependency labels the rules read lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.records import QuadClass

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Doc, Token

    from kg.lang import Grammar

__all__ = [
    "acted_on_noun",
    "dash_joined",
    "is_prepositional_noun",
    "has_any_case",
    "has_auxiliary",
    "has_case",
    "has_possessive",
    "in_conditional",
    "is_conditional",
    "is_future",
    "is_possessive",
    "is_predicate_adjective",
    "is_reflexive",
    "predicate_place_copula",
]

# Grammar: the dependency labels and function words the frames read.
SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass"})
PASSIVE_MARK_DEPS = frozenset({"aux:pass", "obl:agent"})
PARTICIPLE_DEPS = frozenset({"acl"})
AUXILIARY_DEP = "aux"  # the prefix of an auxiliary's labels ("aux:tense", "aux:pass")
CLAUSE_OF_NOUN_DEP = "acl"  # the prefix of a clause modifying a noun ("acl", "acl:relcl")
# How the parser hangs a relative clause's object pronoun ("que" as a mark, "which" as an object; "dep" when it
# loses it: "les sanctions que vient d'imposer X").
RELATIVE_OBJECT_DEPS = frozenset({"mark", "obj", "dep"})
OBJECT_DEPS = frozenset({"obj"})
COPULA_DEP = "cop"
# An adjective complementing a copular verb that heads the clause (English models: "is hostile", "remains open").
ADJECTIVE_COMPLEMENT_DEP = "acomp"
OBLIQUE_DEPS = frozenset({"obl", "obl:arg", "obl:mod", "obl:agent", "iobj", "nmod"})
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl"})
INFINITIVE_DEPS = frozenset({"xcomp"})  # an infinitive complement, whose subject a verb of control gives
INFINITIVE_MARK_DEPS = frozenset({"mark"})  # the preposition introducing it ("de" in "dire à X de partir")
NAME_DEPS = frozenset({"flat:name", "flat", "appos", "fixed"})
# Dependencies of an adverbial phrase, where a bare noun may make a preposition ("thanks to")
ADVERBIAL_DEP_PREFIXES = ("obl", "advmod", "advcl")
# Dashes joining the two sides named before a noun ("the Russia-China patrol", "le sommet Trump-Poutine").
PAIR_DASHES = frozenset({"-", "–", "‑"})
# A noun's modifiers that name its agent: a demonym ("l'aide américaine"), a possessive ("leur sommet",
# "China's support"), a noun modifier ("US sanctions").
MODIFIER_AGENT_DEPS = frozenset({"amod", "det", "nmod:poss", "compound"})
GOVERNOR_STEPS = 3
PARTICIPLE = "Part"  # Universal Dependencies' VerbForm of a participle
INFINITIVE = "Inf"  # Universal Dependencies' VerbForm of an infinitive
OBJECT_SLOT = "obj"  # the frame slot of a verb's object (`kg.records.Trigger.target`)
# A third party reporting another's acts accuses them of material acts (arms transfers, attacks), not of words.
ALLEGED_QUADCLASSES = frozenset({QuadClass.MATERIAL_COOPERATION, QuadClass.MATERIAL_CONFLICT})


def has_auxiliary(token: Token) -> bool:
    """Whether a verb has an auxiliary of its own ("a condamnées", "avoir attaqué"): a compound form."""
    return any(child.dep_.startswith(AUXILIARY_DEP) for child in token.children)


def has_case(token: Token, form: str, grammar: Grammar) -> bool:
    """True when the token carries the preposition `form` (or one of its contracted forms) as its case marker."""
    forms = grammar.forms(form)
    return any(child.dep_ == "case" and child.lower_ in forms for child in token.children)


def has_any_case(token: Token, forms: Collection[str]) -> bool:
    """Whether a word is introduced by one of these prepositions (their forms: "à", "au", "aux")."""
    return bool(forms) and any(child.dep_ == "case" and child.lower_ in forms for child in token.children)


def cue_forms(token: Token, grammar: Grammar) -> list[str]:
    """The forms under which a cue word is listed: its lemma; for a past participle not in a compound tense, also
    its own form and its masculine singular ("disposées": disposé), since a cue used as an adjective ("disposé
    à", "ouvert à") is read by the lemmatizer as the verb ("disposer")."""
    forms = [token.lemma_.casefold()]
    if PARTICIPLE not in token.morph.get("VerbForm") or any(child.dep_ == "aux:tense" for child in token.children):
        return forms  # "a ouvert des négociations": a verb in a compound tense
    form = token.lower_
    return forms + [form] + [form[: -len(ending)] for ending in grammar.participle_endings if form.endswith(ending)]


def is_prepositional_noun(token: Token, grammar: Grammar) -> bool:
    """A noun making a preposition in an adverbial ("thanks to X's help"): one of the pack's
    `prepositional_nouns`, bare, no argument of a verb ("sent its thanks to X" is thanks)."""
    return (
        token.lower_ in grammar.prepositional_nouns
        and token.dep_.startswith(ADVERBIAL_DEP_PREFIXES)
        and not any(child.dep_ == "det" or is_possessive(child) for child in token.children)
    )


def is_adjective_argument(token: Token) -> bool:
    """Whether a phrase is the oblique argument of an adjective ("open to talks", "prêt à des négociations"):
    what the adjective's cue is about."""
    return token.dep_ == "obl" and token.head.pos_ == "ADJ" and token.head.i != token.i


def is_predicate_adjective(token: Token) -> bool:
    """Whether an adjective is its clause's predicate: after a copula ("X est contraire à Y"), or the complement
    of a copular verb where the parser makes that verb the head ("X is hostile to Y", "X remains hostile")."""
    return token.pos_ == "ADJ" and (
        token.dep_ == ADJECTIVE_COMPLEMENT_DEP or any(child.dep_ == COPULA_DEP for child in token.children)
    )


def predicate_place_copula(token: Token) -> Token | None:
    """The copula of a clause telling where its subject is ("X était à Tokyo", "X was in Tokyo"): the copula
    the place hangs on, or the copula heading the clause with the place its oblique; None for any other token."""
    if token.pos_ in ("NOUN", "PROPN") and any(child.dep_ == "case" for child in token.children):
        return next((child for child in token.children if child.dep_ == COPULA_DEP), None)
    if token.pos_ == "AUX" and token.dep_ == "ROOT" and any(child.dep_ in SUBJECT_DEPS for child in token.children):
        return token
    return None


def is_possessive(token: Token) -> bool:
    """True for a possessive determiner ("sa", "leurs", "its"), by its morphology."""
    return "Yes" in token.morph.get("Poss")


def has_possessive(token: Token) -> bool:
    """True for a noun with a possessive determiner ("sa souveraineté", "ses essais")."""
    return any(child.dep_ == "det" and is_possessive(child) for child in token.children)


def acted_on_noun(verb: Token) -> Token | None:
    """The noun a passive verb's subject or a past participle's head is: what the act is done to, set before
    the verb ("la visite a été annulée par X", "la visite annulée par X")."""
    children = list(verb.children)
    if any(child.dep_ in PASSIVE_MARK_DEPS for child in children):
        subjects = [child for child in children if child.dep_ in PASSIVE_SUBJECT_DEPS]
        return subjects[0] if subjects and subjects[0].pos_ == "NOUN" else None
    is_participle = PARTICIPLE in verb.morph.get("VerbForm") and not has_auxiliary(verb)
    if is_participle and verb.dep_ in PARTICIPLE_DEPS and verb.head.i < verb.i and verb.head.pos_ == "NOUN":
        return verb.head
    return None


def is_reflexive(token: Token, grammar: Grammar) -> bool:
    """True for a verb with a reflexive clitic ("se rendre", "s'engager")."""
    return any(
        child.lower_ in grammar.reflexive_forms and child.dep_.startswith(("expl", "obj")) for child in token.children
    )


def is_conditional(token: Token, grammar: Grammar) -> bool:
    """True for a conditional verb form: the morphology says so, or the form is the future stem of the lemma
    with a conditional ending (the French model sometimes tags "rendrait" as an imperfect), or it has an
    auxiliary of the conditional ("would sign")."""
    return (
        "Cnd" in token.morph.get("Mood")
        or _has_stem_ending(token, grammar.conditional_endings, grammar)
        or any(
            child.dep_.startswith("aux") and child.lower_ in grammar.conditional_auxiliaries for child in token.children
        )
    )


def in_conditional(verb: Token, grammar: Grammar) -> bool:
    """True for a verb in the conditional, simple or compound ("signerait", "aurait signé", "would sign")."""
    return is_conditional(verb, grammar) or any(
        child.dep_.startswith("aux") and is_conditional(child, grammar) for child in verb.children
    )


def is_future(token: Token, grammar: Grammar) -> bool:
    """True for a future: a simple future verb form ("remporteront"), by morphology or by stem and ending, or a
    verb with an auxiliary of the future ("will sign")."""
    return (
        "Fut" in token.morph.get("Tense")
        or _has_stem_ending(token, grammar.future_endings, grammar)
        or any(child.dep_.startswith("aux") and child.lower_ in grammar.future_auxiliaries for child in token.children)
    )


def _has_stem_ending(token: Token, endings: tuple[str, ...], grammar: Grammar) -> bool:
    if not endings or token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.casefold()
    stem = grammar.future_stems.get(lemma)
    if stem is None:
        drop = next((ending for ending in grammar.infinitive_drops if lemma.endswith(ending)), None)
        stem = lemma[: -(len(drop) - 1)] if drop else lemma  # "rendre" -> "rendr"
    return len(stem) > 2 and any(token.lower_ == stem + ending for ending in endings)


def dash_joined(tokens: Doc, start: int, end: int) -> list[int]:
    """The indexes of the words written against a phrase (tokens `start` to `end`, exclusive) by a dash, with no
    space: "Bolivia" and "Argentina" in "the Bolivia-Argentina patrol"."""
    joined = []
    written = not tokens[start - 2].whitespace_ and not tokens[start - 1].whitespace_ if start >= 2 else False
    if written and tokens[start - 1].text in PAIR_DASHES:
        joined.append(start - 2)
    written = not tokens[end - 1].whitespace_ and not tokens[end].whitespace_ if end + 1 < len(tokens) else False
    if written and tokens[end].text in PAIR_DASHES:
        joined.append(end + 1)
    return joined
