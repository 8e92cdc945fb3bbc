"""Triggers: the tokens of one parsed article that the trigger lexicon maps to CAMEO codes.

Reads a token and the language pack's lexicon through the parse view (`kg.events.extraction.Extractor`):
its lemma, its reflexive form ("se rendre"), and the expressions it heads ("tendre la main"), or whose noun
its passive subject is ("la visite a été annulée": "annuler visite"), less the nouns that name no event where
they stand: inside a locution ("en réponse à"), naming a kind of thing
("navire de guerre"), or the medium of a verb of saying ("dans un communiqué"). A predicate adjective ("X
est contraire aux résolutions de Y") is found under its lexicon rows of part of speech ADJ, read as a verb; a
place after a copula ("X était à Tokyo") under the copula's rows of part of speech LOC.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.events import grammar
from kg.events.grammar import is_reflexive
from kg.records import Resolution
from kg.resources import PREDICATE_ADJECTIVE_POS, PREDICATE_PLACE_POS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from kg.events.extraction import Extractor
    from kg.records import Trigger

__all__ = ["STATEMENT_ROOT", "find_triggers", "multiword_triggers", "trigger_heads"]

STATEMENT_ROOT = "01"  # CAMEO's public statements: a medium of saying states none of its own
# A noun's dependents that make it a particular event, not a kind ("la guerre", "sa guerre", "the trade war").
# A verb's clausal complements: what a verb of saying says.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
# An expression of a verb and its object may have an adverbial between them ("a rappelé lundi son ambassadeur"):
# at most this many words, none of these parts of speech (another clause, or a coordination, begins there)
ADVERBIAL_GAP = 4
# Words read past an expression's own (twice its length): its determiner, a possessive and adjectives ("reopened
# their common border")
EXPRESSION_SLACK = 2
BARRIER_TAGS = frozenset({"VERB", "AUX", "SCONJ", "CCONJ"})
# Roles of armed forces (`data/lang/<xx>/roles.tsv`): where they are is no visit.
ARMED_ROLES = frozenset({"military"})
CLASSIFIER_BLOCKING_DEPS = frozenset({"det", "nmod:poss", "amod", "nummod", "compound", "nmod"})


def find_triggers(view: Extractor, token: Token) -> tuple[Trigger, ...]:
    if grammar.is_predicate_adjective(token):  # "X est contraire aux résolutions": read as a verb
        return view.lexicon.triggers.get((view.lang, token.lemma_.casefold(), PREDICATE_ADJECTIVE_POS), ())
    copula = grammar.predicate_place_copula(token)
    if copula is not None and _tells_presence(view, token):  # "X était à Tokyo": read as a verb of presence
        return view.lexicon.triggers.get((view.lang, copula.lemma_.casefold(), PREDICATE_PLACE_POS), ())
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return ()
    if any(mention.how == Resolution.NAME and mention.token_end - mention.token_start > 1
           for mention in view.by_token.get(token.i, ())):  # fmt: skip
        return ()  # a word of a name ("l'Alliance atlantique", "Organisation de coopération de Shanghai")
    lemma = token.lemma_.casefold()
    if (lemma, pos) not in view.trigger_heads:
        return ()  # most words: no entry of the lexicon reads them, whatever else the rules below say
    if pos == "NOUN" and (
        _in_locution(view, token, lemma)
        or _is_classifier(view, token)
        or _in_verb_expression(view, token, lemma)
        or _told_of(view, token)
        or grammar.is_prepositional_noun(token, view.grammar)
    ):
        return ()
    if pos == "VERB" and _in_infinitive_locution(view, token, lemma):
        return ()  # "dans les jours à venir": upcoming days, no visit
    if pos == "VERB" and lemma in view.grammar.clause_saying_verbs and _takes_a_clause(token):
        return ()  # "X a soutenu que ...", "a soutenu ne pas attaquer": a claim, no support
    found = _lexicon_entries(view, token, lemma, pos)
    if found and pos == "NOUN" and _is_medium(view, token):
        # "a déclaré dans un communiqué", "said in a statement": the statement is how it was said
        return tuple(entry for entry in found if entry.cameo[:2] != STATEMENT_ROOT)
    return found


def _tells_presence(view: Extractor, token: Token) -> bool:
    """Whether a copula's clause tells where an actor is: its place names an actor's territory (the clause's
    head, or the copula's oblique) and its subject is no armed force ("les troupes russes sont en Ukraine" is
    no visit)."""
    places = [token] if token.pos_ != "AUX" else [c for c in token.children if c.dep_ in grammar.OBLIQUE_DEPS]
    if not any(m.locative for place in places for m in view.by_token.get(place.i, ())):
        return False
    subjects = [child for child in token.children if child.dep_ in grammar.SUBJECT_DEPS]
    return not any(m.role in ARMED_ROLES for child in subjects for m in view.by_token.get(child.i, ()))


def _takes_a_clause(verb: Token) -> bool:
    """Whether a verb governs a clause: a finite one ("que ...") or an infinitive ("soutenir ne pas attaquer")."""
    return any(child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX", "ADJ", "NOUN") for child in verb.children)


def _lexicon_entries(view: Extractor, token: Token, lemma: str, pos: str) -> tuple[Trigger, ...]:
    """The lexicon's entries for a token: its lemma (with its reflexive clitic: "se rendre"), and the
    expressions it heads whose other words follow it."""
    found: list[Trigger] = []
    if pos == "VERB" and is_reflexive(token, view.grammar):
        for clitic in view.grammar.reflexive_forms:  # "se rendre", "s'engager"
            form = f"{clitic}{lemma}" if clitic.endswith("'") else f"{clitic} {lemma}"
            found += view.lexicon.triggers.get((view.lang, form, pos), ())
    if not found:  # a reflexive verb of its own is another word ("s'inquiéter de X" is not "inquiéter X")
        found += view.lexicon.triggers.get((view.lang, lemma, pos), ())
    expressions = view.multiword.get((lemma, pos), ())
    if expressions:
        # An expression's words follow its head, determiners and possessives aside ("tendre main": "tendre la
        # main", "recall ambassador": "recalled its ambassador"), and adjectives of its own nouns ("incursion
        # into airspace": "incursions into Peruvian airspace").
        longest = max(len(words) for words, _ in expressions)
        width = 2 * longest + EXPRESSION_SLACK
        following = _expression_words(view.tokens[token.i + 1 : token.i + 1 + width])
        partitive = view.grammar.genitive_case
        undergoer = grammar.acted_on_noun(token) if pos == "VERB" else None
        from_object = _from_object(view, token, width) if pos == "VERB" else []
        for words, entries in expressions:
            if _follows(words, following, partitive):
                found += entries
            elif any(_follows(words, start, partitive) for start in from_object):
                found += entries  # "a réduit de moitié les droits de douane", "a rappelé lundi son ambassadeur"
            elif undergoer is not None and words == (undergoer.lemma_.casefold(),):
                found += entries  # "la visite a été annulée", "la visite annulée par X": "annuler visite"
    return tuple(found)


def _from_object(view: Extractor, verb: Token, width: int) -> list[list[Token]]:
    """The words from each noun that may begin an expression of a verb and its object when other words stand
    between the two (an adverbial: "a rappelé lundi son ambassadeur", "a réduit de moitié les droits de
    douane", "recalled on Monday its ambassador"): a noun a few words on, in the verb's own phrase (hung on it
    or on a word hung on it) and not in a phrase of a preposition, with no verb, pronoun or conjunction between.
    The linear reading has the expressions that follow the verb at once."""
    window = view.tokens[verb.i + 1 : verb.i + 1 + ADVERBIAL_GAP + 1]
    starts: list[list[Token]] = []
    for offset, noun in enumerate(window):
        if noun.pos_ in BARRIER_TAGS or (noun.pos_ == "PRON" and not grammar.is_possessive(noun)):
            break
        above = _verb_above(noun)
        if offset == 0 or noun.pos_ != "NOUN" or above is None or above.i != verb.i:
            continue
        if any(child.dep_ == "case" for child in noun.children):
            continue  # an oblique is no object: "threatened Peru with sanctions" is no "threaten sanctions"
        if all(t.pos_ in ("DET", "ADJ") or grammar.is_possessive(t) for t in window[:offset]):
            continue  # the words before it are its own: the linear reading
        starts.append(_expression_words(view.tokens[noun.i : noun.i + width]))
    return starts


def _expression_words(tokens: Iterable[Token]) -> list[Token]:
    """The words that may be an expression's, determiners and possessives aside ("tendre la main": "tendre
    main")."""
    return [t for t in tokens if t.pos_ != "DET" and not grammar.is_possessive(t)]


def _verb_above(token: Token) -> Token | None:
    """The verb a word hangs on, directly or through one word of no verb that does ("a rompu jeudi ses
    relations": the relations hung on the day)."""
    head = token.head
    if head.i == token.i:
        return None
    if head.pos_ == "VERB":
        return head
    return head.head if head.head.i != head.i and head.head.pos_ == "VERB" else None


def _follows(words: tuple[str, ...], following: list[Token], partitive: str) -> bool:
    """Whether an expression's words come in order first among the tokens, adjectives and a partitive article
    the tagger took for a preposition ("employer des gaz": "des" read as "de") not in it aside."""
    position = 0
    for word in words:
        while (
            position < len(following)
            and following[position].lemma_.casefold() != word
            and (following[position].pos_ == "ADJ" or _is_partitive(following[position], partitive))
        ):
            position += 1
        if position == len(following) or following[position].lemma_.casefold() != word:
            return False
        position += 1
    return True


def _is_partitive(token: Token, partitive: str) -> bool:
    return token.dep_ == "case" and token.lemma_.casefold() == partitive and token.head.i > token.i


def _is_medium(view: Extractor, noun: Token) -> bool:
    """A noun of statement that is where a verb of saying said it ("a indiqué dans un communiqué", "said in a
    statement"): the medium, not a statement of its own."""
    return (
        noun.dep_ in grammar.OBLIQUE_DEPS
        and noun.head.i != noun.i
        and noun.head.lemma_.casefold() in view.pack.references.reporting_verbs
    )


def _is_classifier(view: Extractor, noun: Token) -> bool:
    """An event noun that only says what kind of thing another is ("navire de guerre", "avion de combat"):
    a complement without a determiner of a noun that is no trigger itself, nor the summing up of an act."""
    head = noun.head
    bare = [child.lower_ for child in noun.children if child.dep_ == "case"] == [view.grammar.genitive_case]
    return (
        bare  # "de", not "du" nor "des", which carry an article
        and noun.dep_ == "nmod"
        and head.i != noun.i
        and head.pos_ == "NOUN"
        # a nationality hung on it is the head noun's ("des avions de combat suédois")
        and not any(child.dep_ in CLASSIFIER_BLOCKING_DEPS and child.i not in view.by_token for child in noun.children)
        # a possessive is a determiner, even when it names an actor: "dans le cadre de notre soutien à X"
        and not any(grammar.is_possessive(child) for child in noun.children)
        and not _lexicon_entries(view, head, head.lemma_.casefold(), "NOUN")
        # a noun that sums up an act is no kind of thing: "des mesures de rétorsion" are the retaliation; nor is
        # one that shows it: "en signe de solidarité avec X" is solidarity
        and head.lemma_.casefold() not in view.grammar.summary_nouns
        and head.lemma_.casefold() not in view.grammar.sign_nouns
    )


def _told_of(view: Extractor, noun: Token) -> bool:
    """An event noun that is the complement of a noun of discourse ("la théorie de la menace chinoise", "the
    narrative of an invasion"): what the discourse tells of, no event of the sentence."""
    head = noun.head
    return (
        head.i != noun.i
        and noun.dep_ == "nmod"
        and head.lemma_.casefold() in view.grammar.discourse_nouns
        and view._has_case(noun, view.grammar.genitive_case)
    )


def _in_verb_expression(view: Extractor, noun: Token, lemma: str) -> bool:
    """A noun that is a word of the expression its verb heads ("rompre ses relations"): the expression is the
    event ("rompre relation", breaking relations), the noun none of its own, unless the verb only carries
    the noun's event (a light verb: "apporter son soutien")."""
    verb = _verb_above(noun)  # also through an adverbial of the verb: "a rompu jeudi ses relations" (`_from_object`)
    if verb is None or verb.i > noun.i:
        return False
    if (view.lang, verb.lemma_.casefold()) in view.lexicon.light_verbs:
        return False
    return any(lemma in trigger.lemma.split()[1:] for trigger in view._triggers(verb) if trigger.pos == "VERB")


def _in_locution(view: Extractor, noun: Token, lemma: str) -> bool:
    """A noun inside a prepositional locution, without a determiner ("en réponse à", "en échange de"):
    it says how the clause's act relates to another, it is no event of its own."""
    if any(child.dep_ == "det" for child in noun.children):
        return False
    return any(child.dep_ == "case" and (view.lang, child.lower_, lemma) in view.lexicon.locutions
               for child in noun.children)  # fmt: skip


def _in_infinitive_locution(view: Extractor, verb: Token, lemma: str) -> bool:
    """An infinitive on a noun after its marker in a locution ("les semaines à venir"): it qualifies the noun,
    it is no event of its own."""
    if not verb.dep_.startswith(grammar.CLAUSE_OF_NOUN_DEP) or grammar.INFINITIVE not in verb.morph.get("VerbForm"):
        return False
    return any(child.dep_ in grammar.INFINITIVE_MARK_DEPS and (view.lang, child.lower_, lemma) in view.lexicon.locutions
               for child in verb.children)  # fmt: skip


def multiword_triggers(view: Extractor) -> dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[Trigger, ...]]]]:
    index: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[Trigger, ...]]]] = {}
    for (lang, lemma, pos), entries in view.lexicon.triggers.items():
        words = lemma.split()
        if lang == view.lang and len(words) > 1 and words[0] not in view.grammar.reflexive_forms:
            index.setdefault((words[0], pos), []).append((tuple(words[1:]), entries))
    return index


def trigger_heads(view: Extractor) -> frozenset[tuple[str, str]]:
    """The (lemma, part of speech) pairs a token must have for `_lexicon_entries` to find anything: the lexicon's
    lemmas in the view's language, each without a reflexive clitic too ("se rendre": "rendre"), and the first word
    of each expression. A superset: it only spares the rules the words no entry can read."""
    heads: set[tuple[str, str]] = set()
    prefixes = [clitic if clitic.endswith("'") else f"{clitic} " for clitic in view.grammar.reflexive_forms]
    for lang, lemma, pos in view.lexicon.triggers:
        if lang != view.lang:
            continue
        heads.update({(lemma, pos), (lemma.split()[0] if lemma.split() else lemma, pos)})
        heads.update((lemma[len(prefix) :], pos) for prefix in prefixes if lemma.startswith(prefix))
    return frozenset(heads)
