"""The grammar event frames read: dependency labels, case markers, function words, and small token tests.

Language data (lemmas, cues) lives in `data/events/`; which dependency labels and
function words the rules read lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["has_case", "is_reflexive", "is_conditional", "is_future"]

# Grammar: the dependency labels and function words the frames read.
SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass"})
PASSIVE_MARK_DEPS = frozenset({"aux:pass", "obl:agent"})
PARTICIPLE_DEPS = frozenset({"acl"})
OBJECT_DEPS = frozenset({"obj"})
OBLIQUE_DEPS = frozenset({"obl", "obl:arg", "obl:mod", "obl:agent", "iobj", "nmod"})
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl"})
INFINITIVE_DEPS = frozenset({"xcomp"})  # an infinitive complement, whose subject a verb of control gives
NAME_DEPS = frozenset({"flat:name", "flat", "appos", "fixed"})
CASE_FORMS = {"à": {"à", "au", "aux"}, "de": {"de", "du", "des", "d'"}, "auprès": {"auprès"}, "face": {"face"}}
LOCATIVE_CASES = frozenset({"à", "au", "aux", "en", "dans", "vers", "depuis"})
POSSESSIVE_FORMS = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos"})
PLURAL_POSSESSIVES = frozenset({"leur", "leurs", "nos", "notre"})
RELATIVE_PRONOUNS = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})
REFLEXIVE_FORMS = frozenset({"se", "s'"})
CONTRASTIVE_SLOTS = frozenset({"contre", "envers"})
NAMING_VERBS = frozenset({"connaître", "appeler", "nommer", "surnommer", "baptiser", "désigner"})
GOVERNOR_STEPS = 3
# Future stems of irregular verbs; a regular verb's is its infinitive ("rencontrer-", "rend-r-").
IRREGULAR_FUTURE_STEMS = {
    "être": "ser", "avoir": "aur", "aller": "ir", "faire": "fer", "pouvoir": "pourr", "vouloir": "voudr",
    "devoir": "devr", "venir": "viendr", "devenir": "deviendr", "revenir": "reviendr", "tenir": "tiendr",
    "obtenir": "obtiendr", "soutenir": "soutiendr", "maintenir": "maintiendr", "voir": "verr", "savoir": "saur",
    "falloir": "faudr", "envoyer": "enverr", "recevoir": "recevr", "mourir": "mourr", "courir": "courr",
}  # fmt: skip
CONDITIONAL_ENDINGS = ("ais", "ait", "aient", "ions", "iez")
FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")
# A third party reporting another's acts accuses them of material acts (arms transfers, attacks), not of words.
ALLEGED_QUADCLASSES = frozenset({2, 4})


def has_case(token: Token, form: str) -> bool:
    """True when the token carries the preposition `form` (or one of its contracted forms) as its case marker."""
    forms = CASE_FORMS.get(form, {form})
    return any(child.dep_ == "case" and child.lower_ in forms for child in token.children)


def is_reflexive(token: Token) -> bool:
    """True for a verb with a reflexive clitic ("se rendre", "s'engager")."""
    return any(child.lower_ in REFLEXIVE_FORMS and child.dep_.startswith(("expl", "obj")) for child in token.children)


def is_conditional(token: Token) -> bool:
    """True for a conditional verb form: the morphology says so, or the form is the future stem of the lemma
    with a conditional ending (the French model sometimes tags "rendrait" as an imperfect)."""
    return "Cnd" in token.morph.get("Mood") or _has_stem_ending(token, CONDITIONAL_ENDINGS)


def is_future(token: Token) -> bool:
    """True for a simple future verb form ("remporteront"), by morphology or by stem and ending."""
    return "Fut" in token.morph.get("Tense") or _has_stem_ending(token, FUTURE_ENDINGS)


def _has_stem_ending(token: Token, endings: tuple[str, ...]) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.casefold()
    stem = IRREGULAR_FUTURE_STEMS.get(lemma) or (lemma[:-1] if lemma.endswith("re") else lemma)
    return len(stem) > 2 and any(token.lower_ == stem + ending for ending in endings)
