"""Event anaphora: an act on an event told before ("Pyongyang a adressé un ultimatum à Séoul. Séoul a rejeté
l'ultimatum.", "Washington a imposé des sanctions à Moscou ... Moscou a dénoncé ces sanctions").

A verb whose object is such a noun, with a definite or demonstrative
determiner (the pack's `anaphoric_determiners`) and no actor of its own, acts
on the doer of the latest event of that noun told in the sentences just
before (the same noun, or the verb it is made from: "ce tir" after "a tiré", the pack's `verb_endings` and
`action_noun_suffixes`): rejecting an ultimatum is rejecting whoever set it. A noun that sums
up an act (the pack's `summary_nouns`: "the move", "cette décision") acts on
the doer of the previous sentence's main act when no event of its own noun was
told. The doer of the act is the verb's subject, read as the frames read it.

A verdict with no act of its own (no object, a verdict word or a pronoun for
object), in a sentence naming its judge alone, judges the act the previous
sentence tells ("X a procédé à un essai. Y a dénoncé une provocation.", "Y
condemned it"): its doer is that sentence's main verb's subject. So does a
reaction naming nothing it answers ("Y a aussitôt réagi", the pack's
`reaction_verbs`) answer it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from kg.events import grammar, slots
from kg.events.candidates import Candidate, Reach
from kg.records import EvaluationRole

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor
    from kg.records import Mention, Trigger

__all__ = ["anaphoric_candidates", "doers_of_event_told"]

# How many sentences back an event noun's antecedent is looked for (its own sentence included). Widened from 3
# to 6 (the one other value tried) after measuring on the development corpus: one right relation more there,
# none wrong; a value seen on that corpus, so its held-out articles are the test of it.
ANTECEDENT_SENTENCES = 6
# The shortest stem an action noun and its verb may share ("tir", "tirer").
MINIMAL_STEM = 3
VERDICT_CODES = ("11", "051")  # criticism and praise: a verdict on an act
ROOT_DEP = "ROOT"


def anaphoric_candidates(view: Extractor, earlier: list[Candidate]) -> list[Candidate]:
    """The candidates of verbs acting on an event told before, in sentences naming at least one actor, for
    trigger tokens the rules left without any."""
    taken = {candidate.token.i for candidate in earlier}
    found: list[Candidate] = []
    for sentence in view.sentences:
        if not view.codes_by_sentence.get(sentence.start):
            continue
        for token in view.tokens[sentence.start : sentence.end]:
            if token.pos_ == "VERB" and token.i not in taken and view._triggers(token):
                found += (
                    _acts_on_antecedent(view, token, earlier)
                    or _verdict_on_the_act_told(view, token)
                    or _reaction_to_the_act_told(view, token)
                )
    return found


def _reaction_to_the_act_told(view: Extractor, verb: Token) -> list[Candidate]:
    """A reaction with nothing it answers named ("X a fait un essai. Y a aussitôt réagi.", "Y riposte", the
    pack's `reaction_verbs`), in a sentence naming the reacting actor alone, answers the act the previous
    sentence tells: its doer is that sentence's main verb's subject."""
    if verb.lemma_.casefold() not in view.grammar.reaction_verbs or verb.dep_ != ROOT_DEP:
        return []
    if len(view.codes_by_sentence.get(view.sentence_by_token[verb.i].start, ())) != 1:
        return []
    reactions = [trigger for trigger in view._triggers(verb)
                 if trigger.pos == "VERB" and trigger.target in view.grammar.prepositions]  # fmt: skip
    answered = {form for trigger in reactions for form in view.grammar.forms(trigger.target)}
    if not reactions or any(child.dep_ in grammar.OBLIQUE_DEPS and grammar.has_any_case(child, answered)
                            for child in view._children(verb)):  # fmt: skip
        return []  # "Y a réagi à l'annonce": what it answers is named
    return _on_the_previous_act(view, verb, reactions)


def _verdict_on_the_act_told(view: Extractor, verb: Token) -> list[Candidate]:
    """A verdict with no act of its own, in a sentence naming its judge alone, judges the act the previous
    sentence tells: "X a procédé à un essai. Y a dénoncé une provocation." (a verdict word for object, or no
    object: "Y a aussitôt condamné."). The act's doer is the previous sentence's main verb's subject."""
    verdicts = [trigger for trigger in view._triggers(verb)
                if trigger.pos == "VERB" and trigger.target == grammar.OBJECT_SLOT
                and trigger.cameo.startswith(VERDICT_CODES)]  # fmt: skip
    if not verdicts or len(view.codes_by_sentence.get(view.sentence_by_token[verb.i].start, ())) != 1:
        return []
    if verb.dep_ != ROOT_DEP:
        return []  # a verdict told by the sentence itself, not a participle on a noun ("un défilé célébrant ...")
    complements = [child for child in view._children(verb) if child.dep_ in grammar.OBJECT_DEPS | grammar.OBLIQUE_DEPS
                   and child.pos_ in ("NOUN", "PROPN", "PRON")]  # fmt: skip
    if any(not _is_verdict_word(view, child) for child in complements):
        return []  # "Y a condamné l'embargo", "Y a condamné mardi": an act, or a time, of its own
    return _on_the_previous_act(view, verb, verdicts)


def _on_the_previous_act(view: Extractor, verb: Token, entries: list[Trigger]) -> list[Candidate]:
    """The verb's subject acting, by each of the entries, on the doers of the act the previous sentence tells."""
    doers = _previous_sentence_doers(view, verb, telling_an_act=True)
    return [
        Candidate(source, doer, trigger, verb, view._mode(verb), False, Reach.SENTENCE)
        for trigger in entries
        for source in slots.fill_slot(view, verb, trigger.source, trigger.pos)
        for doer in doers
        if source.code != doer.code
    ]


def _is_verdict_word(view: Extractor, noun: Token) -> bool:
    """A noun that is a verdict and names no actor ("une provocation", "une violation flagrante"), or a pronoun
    standing for no actor ("l'a condamné", "condemned it")."""
    if noun.pos_ == "PRON":
        return noun.i not in view.by_token
    entry = view.lexicon.evaluations.get((view.lang, noun.lemma_.casefold()))
    if entry is None or entry[0] is not EvaluationRole.VERDICT:
        return False
    return not any(t.i in view.by_token for t in noun.subtree)


def _acts_on_antecedent(view: Extractor, verb: Token, earlier: list[Candidate]) -> list[Candidate]:
    noun = _anaphoric_object(view, verb)
    if noun is None:
        return []
    doers = _doers_of_event_told(view, noun, earlier)
    if not doers:
        return []
    candidates = []
    for trigger in view._triggers(verb):
        if trigger.pos != "VERB" or trigger.target != grammar.OBJECT_SLOT:
            continue
        sources = slots.fill_slot(view, verb, trigger.source, trigger.pos)
        candidates += [
            Candidate(source, doer, trigger, verb, view._mode(verb), False, Reach.CLAUSE)
            for source in sources
            for doer in doers
            if source.code != doer.code
        ]
    return candidates


def doers_of_event_told(view: Extractor, noun: Token, earlier: list[Candidate]) -> list[Mention]:
    """The doers of an event told before that a noun names again, with a definite or demonstrative determiner
    and no actor of its own ("a qualifié ces frappes de ..."); none for any other noun."""
    if not _is_anaphoric(view, noun):
        return []
    return _doers_of_event_told(view, noun, earlier)


def _doers_of_event_told(view: Extractor, noun: Token, earlier: list[Candidate]) -> list[Mention]:
    named = _named_act(view, noun)  # "cette tentative de lancement": the act told before is the launch
    if named is not None:
        return _antecedent_doers(view, named, earlier)
    return _antecedent_doers(view, noun, earlier) or _summed_up_doers(view, noun)


def _named_act(view: Extractor, noun: Token) -> Token | None:
    """The act a summing-up noun names by its complement ("cette tentative de lancement"), if it does."""
    if noun.lemma_.casefold() not in view.grammar.summary_nouns:
        return None
    for child in view._children(noun):
        if child.dep_ == "nmod" and child.pos_ == "NOUN" and view._has_case(child, view.grammar.genitive_case):
            return child
    return None


def _anaphoric_object(view: Extractor, verb: Token) -> Token | None:
    """The verb's object when it is a noun with a definite or demonstrative determiner and names no actor."""
    for child in view._children(verb):
        if child.dep_ in grammar.OBJECT_DEPS and child.pos_ == "NOUN":
            return child if _is_anaphoric(view, child) else None
    return None


def _is_anaphoric(view: Extractor, noun: Token) -> bool:
    """Whether a noun has a definite or demonstrative determiner and names no actor."""
    determiners = [child for child in noun.children if child.dep_ == "det"]
    if not determiners or determiners[0].lower_ not in view.grammar.anaphoric_determiners:
        return False
    return not any(token.i in view.by_token for token in noun.subtree)


def _antecedent_doers(view: Extractor, noun: Token, earlier: list[Candidate]) -> list[Mention]:
    """The doers of the latest earlier event named by the same noun, within `ANTECEDENT_SENTENCES`: its source,
    or both sides of a mutual one."""
    lemma = noun.lemma_.casefold()
    here = view.sentence_index[view.sentence_by_token[noun.i].start]
    matching = [
        candidate for candidate in earlier
        if candidate.token.i < noun.i
        and here - view.sentence_index[view.sentence_by_token[candidate.token.i].start] < ANTECEDENT_SENTENCES
        and _names_event(view, candidate.token, lemma)
    ]  # fmt: skip
    if not matching:
        return _lone_doers(view, noun, lemma, here)
    last = max(candidate.token.i for candidate in matching)
    latest = [candidate for candidate in matching if candidate.token.i == last]
    doers = {c.source.code: c.source for c in latest}
    doers.update({c.target.code: c.target for c in latest if c.symmetric})
    return list(doers.values())


def _lone_doers(view: Extractor, noun: Token, lemma: str, here: int) -> list[Mention]:
    """The doer of the latest earlier event named by the same noun that gave no relation (it has no other actor:
    "X a procédé à un essai nucléaire. Y a condamné cet essai."), within `ANTECEDENT_SENTENCES`: the subject of
    the verb taking the noun as its object, else the noun's agent (its own, or its clause's subject)."""
    first = view.sentences[max(0, here - ANTECEDENT_SENTENCES + 1)].start
    for token in reversed(view.tokens[first : noun.i]):
        if token.i == noun.head.i or token.pos_ not in ("VERB", "NOUN") or not _names_event(view, token, lemma):
            continue
        if token.pos_ == "VERB":
            if slots.acts_of_its_own(view, token) and not _names_by_itself(view, token, lemma):
                continue  # "X a condamné le lancement": X did not launch
            doers = slots.fill_slot(view, token, "subj", "VERB")
        elif token.head.i != token.i and token.head.pos_ == "VERB" and slots.acts_of_its_own(view, token.head):
            continue
        else:
            doers = slots.fill_slot(view, token, "agent", "NOUN")  # the noun named first: its doer, or its clause's
        if doers:  # a mention naming no doer ("L'ultimatum expire lundi.") leaves it to an earlier one
            return doers
    return []


def _names_event(view: Extractor, token: Token, lemma: str) -> bool:
    """Whether a trigger token names the event the noun's lemma does: the same noun, the verb it is made from
    ("tirer" for "ce tir", "frapper" for "ces frappes"), or a verb taking it as its object ("imposer des
    sanctions")."""
    if _names_by_itself(view, token, lemma):
        return True
    return any(
        child.dep_ in grammar.OBJECT_DEPS and child.lemma_.casefold() == lemma for child in view._children(token)
    )


def _names_by_itself(view: Extractor, token: Token, lemma: str) -> bool:
    """Whether a token is the noun's own word, or the verb it is made from."""
    own = token.lemma_.casefold()
    return own == lemma or (token.pos_ == "VERB" and _made_from(view, lemma, own))


def _made_from(view: Extractor, noun: str, verb: str) -> bool:
    """Whether an action noun is made from a verb: both leave the same stem once one of the pack's endings is
    taken off each ("tir" and "tirer", "lancement" and "lancer", "bombing" and "bomb")."""
    return bool(_stems(noun, view.grammar.action_noun_suffixes) & _stems(verb, view.grammar.verb_endings))


@cache
def _stems(word: str, endings: frozenset[str]) -> frozenset[str]:
    """The word and what is left of it once one of the endings is taken off (a stem of `MINIMAL_STEM` letters at
    least); read once a word, however many tokens are compared with it."""
    return frozenset({word} | {word[: -len(ending)] for ending in endings
                               if word.endswith(ending) and len(word) - len(ending) >= MINIMAL_STEM})  # fmt: skip


def _summed_up_doers(view: Extractor, noun: Token) -> list[Mention]:
    """For a noun summing up an act ("backed the move", "a salué cette décision"), the doer of the act the
    previous sentence tells: its main verb's subject."""
    if noun.lemma_.casefold() not in view.grammar.summary_nouns:
        return []
    return _previous_sentence_doers(view, noun, telling_an_act=False)


def _previous_sentence_doers(view: Extractor, token: Token, *, telling_an_act: bool) -> list[Mention]:
    """The subject of the main verb of the sentence before a token's; with `telling_an_act`, only when that
    sentence has a trigger ("X a tiré un missile", "X a procédé à un essai")."""
    here = view.sentence_index[view.sentence_by_token[token.i].start]
    if here == 0:
        return []
    previous = view.sentences[here - 1]
    if previous.root.pos_ != "VERB":
        return []
    if telling_an_act and not any(view._triggers(t) for t in view.tokens[previous.start : previous.end]):
        return []
    return slots.subject(view, previous.root)
