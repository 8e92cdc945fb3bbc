"""Frames: the trigger lexicon's frames applied to one parsed article, giving relation records.

Reads a Doc, the article's actor mentions and the event lexicon. `Extractor`
finds trigger tokens, fills their source and target slots from the parse, adds
third-party allegations, and builds `Event` records (evidence, code values,
mode, date, confidence). See `kg.events` for the rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import TYPE_CHECKING

from kg.events import grammar
from kg.events.candidates import REACH_CONFIDENCE, Candidate, one_reading
from kg.events.circumstances import circumstance_targets
from kg.events.classifier import classify
from kg.events.grammar import has_case, is_reflexive
from kg.events.intentions import stated_intentions
from kg.events.linking import loose_candidates
from kg.events.modality import cue_for, find_mode
from kg.records import (
    OBJECT_CONTROL,
    OBJECT_ELSE_SUBJECT_CONTROL,
    Article,
    ArticleDate,
    Event,
    Evidence,
    Mention,
    Mode,
    Resolution,
    Trigger,
    derived,
)
from kg.temporal import find_relation_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.lang import LanguagePack

__all__ = ["Candidate", "Extractor"]

STATEMENT_ROOT = "01"  # CAMEO's public statements: a medium of saying states none of its own
# A noun's dependents that make it a particular event, not a kind ("la guerre", "sa guerre", "the trade war").
CLASSIFIER_BLOCKING_DEPS = frozenset({"det", "nmod:poss", "amod", "nummod", "compound", "nmod"})
# Where the parser hangs a noun set beside a clause ("X a expulsé Y, une décision ..."): on its verb, or on
# the noun that ends it.
SUMMARY_ATTACHMENT_DEPS = frozenset({"obj", "obl", "obl:mod", "obl:arg", "appos", "nmod", "parataxis", "conj"})
HOW_CONFIDENCE = {
    Resolution.NAME: 1.0,
    Resolution.METONYMY: 0.9,
    Resolution.DESCRIPTION: 0.9,
    Resolution.DEMONYM: 0.8,
    Resolution.COREFERENCE: 0.7,
}


class Extractor:
    """Applies the frames of the lexicon to every trigger token of one Doc."""

    def __init__(self, doc: Doc, article: Article, mentions: list[Mention], pack: LanguagePack) -> None:
        self.doc = doc
        self.article = article
        self.pack = pack
        self.lexicon = pack.lexicon
        self.lang = pack.lang
        self.grammar = pack.grammar
        self.by_token: dict[int, list[Mention]] = {}
        for mention in mentions:
            for index in range(mention.token_start, mention.token_end):
                self.by_token.setdefault(index, []).append(mention)
        self.multiword = derived(self.lexicon.indexes, ("multiword", self.lang), self._multiword_triggers)
        self.text = doc.text  # Doc.text joins every token on each access
        self.tokens = list(doc)  # Doc indexing and iteration make a new Token object every time
        self.sentences = list(doc.sents)
        self.sentence_index = {sentence.start: index for index, sentence in enumerate(self.sentences)}
        # Token.sent walks the document's sentences on every call: look sentences up by token instead.
        self.sentence_by_token = [sentence for sentence in self.sentences for _ in range(len(sentence))]
        self.codes_by_sentence: dict[int, set[str]] = {}
        for mention in mentions:
            start = self.sentence_by_token[mention.token_start].start
            self.codes_by_sentence.setdefault(start, set()).add(mention.code)
        self.trigger_cache: dict[int, tuple[Trigger, ...]] = {}
        self.mode_cache: dict[int, Mode] = {}
        self.evidence_cache: dict[int, tuple[Evidence, ArticleDate | None]] = {}
        self.rule_cache: list[Candidate] | None = None
        self.slot_cache: dict[tuple[int, str, str, str], list[Mention]] = {}
        self.children_cache: dict[int, list[Token]] = {}
        self.participants_cache: dict[int, dict[str, Mention]] = {}  # a sentence's possible participants, by code
        self.head_cache: dict[tuple[int, int], Token] = {}  # the token heading a mention's span

    def events(self) -> Iterator[Event]:
        candidates = self.rule_candidates()
        model = self.lexicon.models.get(self.lang)
        if model is not None:
            candidates = classify(self, model, candidates)
        candidates = one_reading(candidates)
        candidates += stated_intentions(self, candidates)
        candidates += self._accusations(candidates)
        return (self._event(candidate) for candidate in candidates)

    def rule_candidates(self) -> list[Candidate]:
        """The candidates the rules find: each trigger's frames, else its clause (`kg.events.linking`)."""
        if self.rule_cache is None:
            candidates = []
            tokens = [t for sentence in self.sentences if self._may_relate(sentence)
                      for t in self.tokens[sentence.start : sentence.end]]  # fmt: skip
            for token in tokens:
                triggers = self._triggers(token)
                if not triggers:
                    continue
                framed = [candidate for trigger in triggers for candidate in self._candidates(token, trigger)]
                if not framed and not self._carries_event_noun(token):
                    framed = loose_candidates(self, token, triggers)
                candidates += framed
            self.rule_cache = candidates
        return self.rule_cache

    def _may_relate(self, sentence: Span) -> bool:
        """Whether a sentence names two actors (with the pieces beside it where the parser cut a sentence: a
        piece that does not end in punctuation): a trigger elsewhere relates nobody."""
        codes = self.codes_by_sentence.get(sentence.start, set())
        if len(codes) >= 2:
            return True
        if sentence.start > 0 and not self.tokens[sentence.start - 1].is_punct:
            codes = codes | self.codes_by_sentence.get(self.sentence_by_token[sentence.start - 1].start, set())
        if sentence.end < len(self.tokens) and not self.tokens[sentence.end - 1].is_punct:
            codes = codes | self.codes_by_sentence.get(sentence.end, set())
        return len(codes) >= 2

    # Triggers -----------------------------------------------------------

    def _triggers(self, token: Token) -> tuple[Trigger, ...]:
        if token.i not in self.trigger_cache:
            self.trigger_cache[token.i] = self._find_triggers(token)
        return self.trigger_cache[token.i]

    def _find_triggers(self, token: Token) -> tuple[Trigger, ...]:
        pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
        if pos is None:
            return ()
        lemma = token.lemma_.casefold()
        if pos == "NOUN" and (self._in_locution(token, lemma) or self._is_classifier(token)):
            return ()
        found = self._lexicon_entries(token, lemma, pos)
        if found and pos == "NOUN" and self._is_medium(token):
            # "a déclaré dans un communiqué", "said in a statement": the statement is how it was said
            return tuple(entry for entry in found if entry.cameo[:2] != STATEMENT_ROOT)
        return found

    def _lexicon_entries(self, token: Token, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """The lexicon's entries for a token: its lemma (with its reflexive clitic: "se rendre"), and the
        expressions it heads whose other words follow it."""
        found: list[Trigger] = []
        if pos == "VERB" and is_reflexive(token, self.grammar):
            for clitic in self.grammar.reflexive_forms:  # "se rendre", "s'engager"
                form = f"{clitic}{lemma}" if clitic.endswith("'") else f"{clitic} {lemma}"
                found += self.lexicon.triggers.get((self.lang, form, pos), ())
        found += self.lexicon.triggers.get((self.lang, lemma, pos), ())
        expressions = self.multiword.get((lemma, pos), ())
        if expressions:
            # An expression's words follow its head, determiners and possessives aside ("tendre main": "tendre la
            # main", "recall ambassador": "recalled its ambassador").
            longest = max(len(words) for words, _ in expressions)
            following = [t.lemma_.casefold() for t in self.tokens[token.i + 1 : token.i + 1 + 2 * longest]
                         if t.pos_ != "DET" and "Yes" not in t.morph.get("Poss")]  # fmt: skip
            for words, entries in expressions:
                if tuple(following[: len(words)]) == words:
                    found += entries
        return tuple(found)

    def _is_medium(self, noun: Token) -> bool:
        """A noun of statement that is where a verb of saying said it ("a indiqué dans un communiqué", "said in a
        statement"): the medium, not a statement of its own."""
        return (
            noun.dep_ in grammar.OBLIQUE_DEPS
            and noun.head.i != noun.i
            and noun.head.lemma_.casefold() in self.pack.references.reporting_verbs
        )

    def _is_classifier(self, noun: Token) -> bool:
        """An event noun that only says what kind of thing another is ("navire de guerre", "avion de combat"):
        a complement without a determiner of a noun that is no trigger itself."""
        head = noun.head
        bare = [child.lower_ for child in noun.children if child.dep_ == "case"] == [self.grammar.genitive_case]
        return (
            bare  # "de", not "du" nor "des", which carry an article
            and noun.dep_ == "nmod"
            and head.i != noun.i
            and head.pos_ == "NOUN"
            and not any(child.dep_ in CLASSIFIER_BLOCKING_DEPS for child in noun.children)
            and not self._lexicon_entries(head, head.lemma_.casefold(), "NOUN")
        )

    def _in_locution(self, noun: Token, lemma: str) -> bool:
        """A noun inside a prepositional locution, without a determiner ("en réponse à", "en échange de"):
        it says how the clause's act relates to another, it is no event of its own."""
        if any(child.dep_ == "det" for child in noun.children):
            return False
        return any(child.dep_ == "case" and (self.lang, child.lower_, lemma) in self.lexicon.locutions
                   for child in noun.children)  # fmt: skip

    def _multiword_triggers(self) -> dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[Trigger, ...]]]]:
        index: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[Trigger, ...]]]] = {}
        for (lang, lemma, pos), entries in self.lexicon.triggers.items():
            words = lemma.split()
            if lang == self.lang and len(words) > 1 and words[0] not in self.grammar.reflexive_forms:
                index.setdefault((words[0], pos), []).append((tuple(words[1:]), entries))
        return index

    # Frames -------------------------------------------------------------

    def _candidates(self, token: Token, trigger: Trigger) -> list[Candidate]:
        if trigger.pos == "VERB" and self._carries_event_noun(token):
            return []  # "apporter son soutien à": the noun says what happened, not the light verb
        if trigger.target == self.grammar.between_case:
            members = self._slot(token, trigger.target, trigger.pos)
            if trigger.symmetric:  # "les pourparlers entre X et Y": the members act together
                return self._pairs_among(members, token, trigger)
            # "la médiation de X entre Y et Z": X acts on each of them, who do nothing to each other
            sources = self._slot(token, trigger.source, trigger.pos, exclude=trigger.target)
            return [Candidate(source, member, trigger, token, self._mode(token), False)
                    for source in sources for member in members if source.code != member.code]  # fmt: skip
        sources = self._slot(token, trigger.source, trigger.pos, exclude=trigger.target)
        if not sources:
            return []  # no pair, and no sources to pair among themselves
        targets = self._slot(token, trigger.target, trigger.pos)
        if not targets and trigger.pos == "NOUN":
            targets = circumstance_targets(self, token)  # "à l'invitation de X, Y s'est rendu à ..."
        candidates = [
            Candidate(source, target, trigger, token, self._mode(token), trigger.symmetric)
            for source in sources
            for target in targets
            if source.code != target.code
        ]
        # "la Chine et l'Inde ont négocié", "X et Y approfondissent leurs liens": the subjects among themselves.
        shared = (
            trigger.pos == "VERB"
            or self._light_verb(token) is not None  # "le Chili et l'Argentine ont signé un traité"
            or any(c.dep_ == "det" and c.lower_ in self.grammar.plural_possessives for c in token.children)
            or len({m.token_start for m in sources}) < len(sources)  # one word naming several: "sino-russes"
            or len(self._juxtaposed_names(token)) > 1  # "le sommet Trump-Poutine"
        )
        if trigger.symmetric and not targets and shared:
            candidates += self._pairs_among(sources, token, trigger)
        return candidates

    def _mode(self, token: Token) -> Mode:
        """The trigger token's mode, read once per token and only for tokens that make a candidate (most
        trigger words have no actors around them)."""
        if token.i not in self.mode_cache:
            self.mode_cache[token.i] = find_mode(token, self.pack)
        return self.mode_cache[token.i]

    def _carries_event_noun(self, verb: Token) -> bool:
        if (self.lang, verb.lemma_.casefold()) not in self.lexicon.light_verbs:
            return False
        return any(child.dep_ in grammar.OBJECT_DEPS and self._triggers(child) for child in verb.children)

    def _pairs_among(self, members: list[Mention], token: Token, trigger: Trigger) -> list[Candidate]:
        distinct = list({mention.code: mention for mention in members}.values())
        return [Candidate(a, b, trigger, token, self._mode(token), True) for a, b in combinations(distinct, 2)]

    def _slot(self, token: Token, slot: str, pos: str, *, exclude: str = "") -> list[Mention]:
        """The actors filling a frame slot of a trigger token (read once: a word's entries share slots)."""
        key = (token.i, slot, pos, exclude)
        if key not in self.slot_cache:
            found = self._verb_slot(token, slot) if pos == "VERB" else self._noun_slot(token, slot, exclude=exclude)
            self.slot_cache[key] = found
        return list(self.slot_cache[key])

    def _verb_slot(self, verb: Token, slot: str) -> list[Mention]:
        passive = self._is_passive(verb)
        participle = self._is_passive_participle(verb)
        if slot == "subj":
            if passive or participle:
                return self._case_arguments(verb, self.grammar.agent_case) or self._reflexive_subject(verb)
            return self._subject(verb)
        if slot == "obj":
            if participle:  # "35 diplomates russes, accusés d'espionnage": the noun is what the act is done to
                return self._participle_objects(verb)
            deps = grammar.PASSIVE_SUBJECT_DEPS if passive else grammar.OBJECT_DEPS
            return [
                m for child in self._children(verb) if child.dep_ in deps for m in self._mentions(child, possessor=True)
            ]
        if slot == "place":
            return self._places(verb)
        return self._case_arguments(verb, slot)

    def _noun_slot(self, noun: Token, slot: str, *, exclude: str) -> list[Mention]:
        light = self._light_verb(noun)
        if slot == "agent":
            return self._agent(noun, light, exclude=exclude)
        if slot == "place":
            # "la guerre en Ukraine", "mener une offensive en Ukraine", "la guerre menée par X en Ukraine"
            participles = [child for child in self._children(noun) if self._is_passive_participle(child)]
            heads = [noun, *([light] if light is not None else []), *participles]
            return [mention for head in heads for mention in self._places(head)]
        found = self._case_arguments(noun, slot)
        if not found:  # "un échange de lettres entre X et Y": the argument hangs on the noun's complement
            for child in self._children(noun):
                if (
                    child.dep_ == "nmod"
                    and self._has_case(child, self.grammar.genitive_case)
                    and child.i not in self.by_token
                ):
                    found += self._case_arguments(child, slot, through_object=False)
        if light is not None:
            found += self._case_arguments(light, slot)
        if not found and slot in self.grammar.contrastive_slots:
            found += self._case_arguments_above(noun, slot)
        return found

    def _case_arguments_above(self, noun: Token, slot: str) -> list[Mention]:
        """A "contre X" or "envers X" the parser hung on the verb above the noun phrase ("portant un toast à la
        lutte du Kremlin contre X"): such prepositions rarely belong to the verb itself."""
        current = noun
        for _ in range(2):
            if current.dep_ not in ("obj", "nmod", "obl:arg", "obl:mod") or current.head.i == current.i:
                return []
            current = current.head
            if current.pos_ == "VERB":
                return self._own_case_arguments(current, slot, through_object=False)
        return []

    def _is_passive(self, verb: Token) -> bool:
        """A passive voice: a passive auxiliary or agent ("a été condamné par"), or a reflexive passive subject.
        A passive subject alone, beside an active auxiliary, is the parser's mislabel of an active subject."""
        children = self._children(verb)
        if any(child.dep_ in grammar.PASSIVE_MARK_DEPS for child in children):
            return True
        return is_reflexive(verb, self.grammar) and any(
            child.dep_ in grammar.PASSIVE_SUBJECT_DEPS for child in children
        )

    def _is_passive_participle(self, verb: Token) -> bool:
        """A past participle modifying a noun ("des diplomates accusés de", "une opération dénoncée par"), or
        coordinated with one that does ("saluée par X mais critiquée par Y"): asked for a subject and an object,
        its noun is the object and its agent ("par X") the subject."""
        return self._participle_noun(verb) is not None

    def _participle_noun(self, verb: Token) -> Token | None:
        """The noun a past participle modifies, through the participles it is coordinated with."""
        if "Part" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense"):
            return None
        current = verb
        for _ in range(grammar.GOVERNOR_STEPS):
            if current.head.i == current.i:
                return None
            if current.dep_ in grammar.PARTICIPLE_DEPS:
                return current.head
            if current.dep_ != "conj":
                return None
            current = current.head
        return None

    def _participle_objects(self, verb: Token) -> list[Mention]:
        """The actors a past participle acts on: those its noun names, else, for a noun that sums up the act of
        the clause it is set beside ("X a expulsé ..., une décision condamnée par Y"), the doer of that act."""
        noun = self._participle_noun(verb)
        if noun is None:
            return []
        # The agents of the participles on the noun act; they are not acted on.
        own = {t.i for child in noun.children if child.dep_ in grammar.PARTICIPLE_DEPS for t in child.subtree}
        found = [m for m in self._mentions(noun, possessor=True) if m.token_start not in own]
        if found or noun.lemma_.casefold() not in self.grammar.summary_nouns:
            return found
        clause = noun
        for _ in range(grammar.GOVERNOR_STEPS):  # "..., a move condemned by": set beside the clause's last noun
            if clause.head.i == clause.i or clause.dep_ not in SUMMARY_ATTACHMENT_DEPS:
                return []
            clause = clause.head
            if clause.pos_ == "VERB":
                return self._subject(clause)
        return []

    def _subject(self, verb: Token, depth: int = 0) -> list[Mention]:
        subjects = [child for child in self._children(verb) if child.dep_ in grammar.SUBJECT_DEPS]
        if not subjects and (is_reflexive(verb, self.grammar) or not self._is_passive(verb)):
            subjects = [child for child in self._children(verb) if child.dep_ in grammar.PASSIVE_SUBJECT_DEPS]
        if subjects:
            if subjects[0].lower_ in self.grammar.relative_pronouns and verb.dep_.startswith("acl"):
                return self._mentions(verb.head)
            return [m for child in subjects for m in self._mentions(child)]
        if depth >= grammar.GOVERNOR_STEPS:
            return []
        if verb.dep_ in grammar.CONTROL_DEPS and verb.head.i != verb.i:
            controllers = self._controller(verb) if verb.dep_ in grammar.INFINITIVE_DEPS else None
            return controllers if controllers is not None else self._subject(verb.head, depth + 1)
        if verb.dep_.startswith("acl") and verb.head.i != verb.i:
            noun = verb.head
            if self._has_case(noun, self.grammar.as_case) and noun.head.i != noun.i:
                # "la Russie s'est présentée comme un partenaire disposé à ...": the partner is the subject
                return self._subject(noun.head, depth + 1) or self._case_arguments(noun.head, self.grammar.agent_case)
            return self._mentions(noun, possessor=True)
        return []

    def _controller(self, infinitive: Token) -> list[Mention] | None:
        """Who does what an infinitive says when its governing verb is not the doer: the object of a verb of
        object control ("exhorter X à", "accuser X de"), the "à" argument of one of dative control ("demander à X
        de"), the passive subject of any governing verb ("X est soupçonné de"): the actors that argument names
        (none when it names no actor, or when the verb names nobody: "demander de lever les sanctions", "accuser
        d'ingérence"). None when the governing verb's subject is the doer: it is no verb of control, or one whose
        subject does it when it has no object ("aider à négocier", "help broker a deal"), or one of dative
        control whose infinitive comes bare, without its preposition ("X a dit avoir rencontré Y")."""
        governor = infinitive.head
        passive_subjects = [child for child in governor.children if child.dep_ in grammar.PASSIVE_SUBJECT_DEPS]
        if passive_subjects and self._is_passive(governor):
            return [m for child in passive_subjects for m in self._mentions(child)]
        controller = self.lexicon.control_verbs.get((self.lang, governor.lemma_.casefold()))
        if controller is None:
            return None
        if controller in (OBJECT_CONTROL, OBJECT_ELSE_SUBJECT_CONTROL):
            arguments = [child for child in self._children(governor) if child.dep_ in grammar.OBJECT_DEPS]
            if not arguments and controller == OBJECT_ELSE_SUBJECT_CONTROL:  # "helped broker a deal"
                return None
        elif not any(child.dep_ in grammar.INFINITIVE_MARK_DEPS for child in infinitive.children):
            return None  # a bare infinitive is the subject's own act: "X a dit avoir rencontré Y"
        else:  # "demander de lever les sanctions": someone unnamed is asked, not the one who asks
            arguments = [child for child in self._children(governor)
                         if child.dep_ in grammar.OBLIQUE_DEPS and self._has_case(child, controller)]  # fmt: skip
        return [m for argument in arguments for m in self._mentions(argument)]

    def _doer_unnamed(self, verb: Token) -> bool:
        """Whether the verb's doer is someone the sentence leaves unnamed or names as no actor ("accuser de
        sanctionner X", "accused the company of supplying X"): then no other actor is to be guessed."""
        return verb.dep_ in grammar.INFINITIVE_DEPS and verb.head.i != verb.i and self._controller(verb) == []

    def _reflexive_subject(self, verb: Token) -> list[Mention]:
        """A reflexive verb the parser took for a passive ("la Russie s'est présentée"): its subject."""
        if not is_reflexive(verb, self.grammar):
            return []
        return [
            m for child in verb.children if child.dep_ in grammar.PASSIVE_SUBJECT_DEPS for m in self._mentions(child)
        ]

    def _agent(self, noun: Token, light: Token | None, *, exclude: str) -> list[Mention]:
        found: list[Mention] = []
        for child in self._children(noun):
            if child.dep_ in grammar.MODIFIER_AGENT_DEPS or (  # a demonym, a possessive ("leur sommet", "China's")
                child.dep_ in grammar.OBLIQUE_DEPS
                and (
                    self._has_case(child, self.grammar.agent_case)
                    or (exclude != self.grammar.genitive_case and self._has_case(child, self.grammar.genitive_case))
                )
            ):
                found += self._mentions(child)
            elif child.dep_ in grammar.OBLIQUE_DEPS and child.i in self.by_token:
                # "l'invasion de l'Ukraine par X": the parser hangs the agent on the name before it.
                found += [m for grand in child.children if grand.dep_ in grammar.OBLIQUE_DEPS
                          and self._has_case(grand, self.grammar.agent_case)
                          for m in self._mentions(grand)]  # fmt: skip
        found += self._participle_agents(noun)
        found += self._juxtaposed_names(noun)
        if found:
            return list({(m.token_start, m.code): m for m in found}.values())
        if light is not None:
            return self._subject(light)
        if any(child.dep_ in grammar.SUBJECT_DEPS for child in noun.children):
            return self._subject(noun)  # a predicate noun: "la Chine est le premier partenaire de X"
        apposed = self._apposed_to(noun)
        if apposed:
            return apposed
        if exclude == self.grammar.genitive_case:  # "l'invasion de l'Ukraine": the invader must be named, not guessed
            return []
        return self._clause_subject(noun)

    def _apposed_to(self, noun: Token) -> list[Mention]:
        """The actor a noun is in apposition to, between commas, without a preposition ("la Chine, principale
        alliée de Pyongyang, ..."): what the noun says it is."""
        head = noun.head
        if (
            head.i == noun.i
            or head.i > noun.i
            or head.i not in self.by_token
            or self._has_case(noun, self.grammar.genitive_case)
        ):
            return []
        if any(child.dep_ == "case" for child in noun.children):
            return []
        between = self.tokens[head.i + 1 : noun.i]
        if not any(token.text == "," for token in between) or any(token.pos_ == "VERB" for token in between):
            return []
        return self._mentions(head)

    def _juxtaposed_names(self, noun: Token) -> list[Mention]:
        """Actors named right after a noun without a preposition, one or two joined by a hyphen ("le sommet
        Trump-Poutine", "la rencontre Xi-Biden", "la visite Macron"): the noun's participants."""
        first = self.by_token.get(noun.i + 1, ())
        if not first or any(child.dep_ == "case" for child in self.tokens[noun.i + 1].children):
            return []
        end = max(m.token_end for m in first)
        found = list(first)
        if end + 1 < len(self.tokens) and self.tokens[end].text == "-" and end + 1 in self.by_token:
            found += self.by_token[end + 1]
        return found

    def _participle_agents(self, noun: Token) -> list[Mention]:
        """Agents of a participle on the noun or on its complement ("des exercices à grande échelle menés
        par les États-Unis", "des politiques imposées par les États-Unis")."""
        found: list[Mention] = []
        for child in noun.children:
            for participle in (child, *child.children) if child.dep_ == "nmod" else (child,):
                if participle.dep_ == "acl" and participle.pos_ == "VERB":
                    found += [m for arg in participle.children if arg.dep_ == "obl:agent" for m in self._mentions(arg)]
        return found

    def _named_as(self, noun: Token) -> list[Mention]:
        """The actor a noun is said to be known as ("une bande du mal, autrement connue sous le nom
        d'Occident", "le pays surnommé le royaume ermite")."""
        found: list[Mention] = []
        for child in noun.children:
            if child.dep_ == "acl" and child.lemma_.casefold() in self.grammar.naming_verbs:
                for argument in child.children:
                    if argument.dep_ in grammar.OBLIQUE_DEPS | {"xcomp", "obj"}:
                        found += self._mentions(argument, possessor=True)
        return found

    def _clause_subject(self, token: Token) -> list[Mention]:
        """The subject of the clause a noun sits in ("sa guerre contre l'Ukraine", "voir des perspectives de
        coopération avec X"), unless the noun is that subject or a verb of fear, report, modality or topic
        ("discuter du commerce avec X") stands between (a predicate noun's own subject is read by `_agent`)."""
        if token.dep_ in grammar.SUBJECT_DEPS or token.dep_ in grammar.PASSIVE_SUBJECT_DEPS:
            return []
        current = token
        for _ in range(grammar.GOVERNOR_STEPS + 1):
            if current.head.i == current.i:
                return []
            current = current.head
            if current.pos_ in ("VERB", "AUX") or any(child.dep_ in grammar.SUBJECT_DEPS for child in current.children):
                lemma = current.lemma_.casefold()
                if (
                    cue_for(self.pack, lemma)
                    or (self.lang, lemma) in self.lexicon.reporting_verbs
                    or (self.lang, lemma) in self.lexicon.topic_verbs
                ):
                    return []
                return self._subject(current)
        return []

    def _is_topic(self, noun: Token) -> bool:
        """Whether a noun is what a verb of discussion talks about ("évoquer la coopération avec X"): its
        agent is none of that verb's (nor, by default, the sentence's other actor)."""
        return (
            noun.dep_ in grammar.OBJECT_DEPS | grammar.OBLIQUE_DEPS
            and (self.lang, noun.head.lemma_.casefold()) in self.lexicon.topic_verbs
        )

    def _has_case(self, token: Token, form: str) -> bool:
        return has_case(token, form, self.grammar)

    def _light_verb(self, noun: Token) -> Token | None:
        head = noun.head
        if noun.dep_ in grammar.OBJECT_DEPS and (self.lang, head.lemma_.casefold()) in self.lexicon.light_verbs:
            return head
        return None

    def _case_arguments(self, head: Token, slot: str, *, through_object: bool = True) -> list[Mention]:
        found = self._own_case_arguments(head, slot, through_object=through_object)
        if not found and through_object and head.dep_ == "xcomp" and head.head.i != head.i:
            # "cherchent à lutter contre X": the parser may hang the argument on the governing verb.
            found = self._own_case_arguments(head.head, slot, through_object=False)
        return found

    def _own_case_arguments(self, head: Token, slot: str, *, through_object: bool) -> list[Mention]:
        forms = self.grammar.forms(slot)
        found: list[Mention] = []
        for child in self._children(head):
            if child.dep_ in grammar.OBLIQUE_DEPS and any(
                grand.dep_ == "case" and grand.lower_ in forms for grand in child.children
            ):
                found += self._mentions(child, possessor=slot != self.grammar.genitive_case)
        if not found and through_object and head.pos_ == "VERB":
            # "livrer des missiles à Taïwan" (the parser often hangs "à Taïwan" on the object), "expédier des
            # obus destinés à la Russie" (or on a participle of the object).
            for child in self._children(head):
                if child.dep_ in grammar.OBJECT_DEPS:
                    found += self._case_arguments(child, slot, through_object=False)
                    for participle in (*child.children, *(c for conj in child.conjuncts for c in conj.children)):
                        if participle.dep_ == "acl" and participle.pos_ == "VERB":
                            found += self._case_arguments(participle, slot, through_object=False)
        return found

    def _places(self, head: Token) -> list[Mention]:
        found: list[Mention] = []
        for child in self._children(head):
            if child.dep_ in grammar.OBLIQUE_DEPS and any(
                grand.dep_ == "case" and grand.lower_ in self.grammar.locative_cases for grand in child.children
            ):
                found += self._mentions(child, possessor=True)  # "dans les provinces de Donetsk"
        return found

    def _mention_head(self, mention: Mention) -> Token:
        """The token that heads a mention's span (whose head lies outside it)."""
        key = (mention.token_start, mention.token_end)
        if key not in self.head_cache:
            self.head_cache[key] = next(
                (token for token in self.tokens[mention.token_start : mention.token_end]
                 if not mention.token_start <= token.head.i < mention.token_end or token.head.i == token.i),
                self.tokens[mention.token_start],
            )  # fmt: skip
        return self.head_cache[key]

    def _children(self, token: Token) -> list[Token]:
        """A token's dependents, counting those the parser hung on the inner words of a multi-word name
        ("la visite en Corée du Nord du président Trump": "du président" hangs on "Nord")."""
        if token.i not in self.children_cache:
            children = list(token.children)
            for child in list(children):
                for mention in self.by_token.get(child.i, ()):
                    for inner in self.tokens[mention.token_start : mention.token_end]:
                        if inner.i != child.i:
                            children += [c for c in inner.children
                                         if not mention.token_start <= c.i < mention.token_end]  # fmt: skip
            self.children_cache[token.i] = list({child.i: child for child in children}.values())
        return self.children_cache[token.i]

    def _mentions(self, token: Token, *, possessor: bool = False, depth: int = 0) -> list[Mention]:
        """The actors an argument token stands for.

        Its own mention(s) or its name parts'; with `possessor`, failing those,
        the actor its "de" complement names ("l'effort de guerre de la Russie");
        and the same for its conjuncts, wherever inside a name they attach.
        """
        found = list(self.by_token.get(token.i, ()))
        if not found:
            for child in token.children:
                if child.dep_ in grammar.NAME_DEPS:
                    found += self.by_token.get(child.i, ())
        if not found and possessor and token.pos_ in ("NOUN", "PROPN") and depth < grammar.GOVERNOR_STEPS:
            event_noun = any(trigger.pos == "NOUN" for trigger in self._triggers(token))
            if event_noun:  # "son soutien à l'invasion russe de l'Ukraine": the invader, not the invaded
                found += self._agent(token, None, exclude=self.grammar.genitive_case) or self._case_arguments(
                    token, self.grammar.between_case
                )
            if not found:  # "l'approfondissement des relations entre Moscou et Pyongyang"
                for child in token.children:
                    if (
                        child.dep_ == "nmod" and self._has_case(child, self.grammar.genitive_case)
                    ) or child.dep_ == "amod":
                        found += self._mentions(child, possessor=True, depth=depth + 1)
            if not found:
                found += self._participle_agents(token)
            if not found:
                found += self._named_as(token)
        heads = {token.i} | {i for m in found for i in range(m.token_start, m.token_end)}
        for index in sorted(heads):
            for child in self.tokens[index].children:
                if child.dep_ == "conj" and child.i not in heads:
                    found += self._mentions(child, possessor=possessor)
        return list({(m.token_start, m.actor): m for m in found}.values())

    # Reported speech ----------------------------------------------------

    def _accusations(self, candidates: list[Candidate]) -> list[Candidate]:
        """A third party reporting what others did ("des responsables américains ont déclaré que la Russie
        avait acheté ...") accuses them, when the lexicon says its reporting verb carries an accusation."""
        found: list[Candidate] = []
        reporters: dict[int, tuple[Token, str]] = {}
        for token in self.tokens:
            code = self.lexicon.reporting_verbs.get((self.lang, token.lemma_.casefold()))
            if code is not None and token.pos_ == "VERB":
                for child in token.children:
                    if child.dep_ == "ccomp":
                        reporters[child.i] = (token, code)
        for clause_head, (verb, code) in reporters.items():
            clause = self.tokens[clause_head]
            alleged_act = any(
                self.lexicon.codes[trigger.cameo].quadclass in grammar.ALLEGED_QUADCLASSES
                for trigger in self._triggers(clause)
            )
            accused = self._subject(clause) if alleged_act else []
            for candidate in candidates:
                heads_clause = candidate.token.i == clause.i or (
                    candidate.token.head.i == clause.i and candidate.token.dep_ in ("xcomp", "conj")
                )
                if (
                    heads_clause
                    and self.lexicon.codes[candidate.trigger.cameo].quadclass in grammar.ALLEGED_QUADCLASSES
                ):
                    accused += [candidate.source, candidate.target]
            trigger = Trigger(verb.lemma_.casefold(), "VERB", code, "subj", "obj", False, self.lang)
            mode = find_mode(verb, self.pack)
            for speaker in self._subject(verb):
                for target in {mention.code: mention for mention in accused}.values():
                    if target.code != speaker.code:
                        found.append(Candidate(speaker, target, trigger, verb, mode, False))
        return found

    # Records ------------------------------------------------------------

    def _event(self, candidate: Candidate) -> Event:
        code = self.lexicon.codes[candidate.trigger.cameo]
        evidence, date = self._evidence(candidate.token)
        source, target = candidate.source, candidate.target
        confidence = (
            candidate.probability
            if candidate.probability is not None
            else round(
                HOW_CONFIDENCE[source.how]
                * HOW_CONFIDENCE[target.how]
                * (1.0 if candidate.trigger.pos == "VERB" else 0.9)
                * REACH_CONFIDENCE[candidate.reach],
                3,
            )
        )
        return Event(
            article=self.article.id, source=source.code, target=target.code, cameo=code.root, sub=code.code,
            mode=candidate.mode, symmetric=candidate.symmetric, evidence=evidence.text, evidences=(evidence,),
            source_actor=source.actor, target_actor=target.actor, goldstein=code.goldstein, quadclass=code.quadclass,
            plover=code.plover, confidence=confidence,
            date=date.isoformat() if date else None, date_precision=str(date.precision) if date else None,
        )  # fmt: skip

    def _evidence(self, token: Token) -> tuple[Evidence, ArticleDate | None]:
        """The evidence of the relations a trigger token states (its sentence, the trigger's place) and their
        date: the same for all of them, so made once per token."""
        if token.i not in self.evidence_cache:
            sentence = self.sentence_by_token[token.i]
            text_start, text_end = sentence.start_char, sentence.end_char
            while text_end > text_start and self.text[text_end - 1].isspace():
                text_end -= 1
            start, end = self.article.to_original_span(text_start, text_end)
            trigger_start, trigger_end = self.article.to_original_span(token.idx, token.idx + len(token))
            evidence = Evidence(
                text=self.article.original[start:end], start=start, end=end,
                trigger=self.article.original[trigger_start:trigger_end], trigger_start=trigger_start,
                trigger_end=trigger_end, sentence=self.sentence_index[sentence.start],
            )  # fmt: skip
            self.evidence_cache[token.i] = (evidence, find_relation_date(token, self.article.date, self.pack.dates))
        return self.evidence_cache[token.i]
