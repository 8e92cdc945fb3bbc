"""Frames: the trigger lexicon's frames applied to one parsed article, giving relation records.

Reads a Doc, the article's actor mentions and the language pack. `Extractor` is
the read-only view of one parse that the rules share (tokens, sentences,
mentions by token, and caches of what they have read); it finds the trigger
tokens (`kg.events.triggers`), fills each frame's source and target slots
(`kg.events.slots`), falls back on the trigger's clause (`kg.events.linking`),
lets the relation model weigh the candidates (`kg.events.classifier`), adds
stated intentions and third-party accusations (`kg.events.intentions`,
`kg.events.speech`), and builds `Event` records (evidence, code values, mode,
date, confidence). See `kg.events` for the rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import TYPE_CHECKING

from kg.events import grammar, slots, speech, triggers
from kg.events.anaphora import anaphoric_candidates
from kg.events.candidates import REACH_CONFIDENCE, Candidate, Reach, one_reading
from kg.events.circumstances import circumstance_targets
from kg.events.classifier import classify
from kg.events.evaluations import evaluations, statements_as_verdicts
from kg.events.grammar import has_case
from kg.events.intentions import stated_intentions, threatened_acts
from kg.events.linking import loose_candidates
from kg.events.modality import find_mode
from kg.events.proposals import proposals
from kg.events.reactions import reactions_by_their_means
from kg.events.requests import as_requests
from kg.records import (
    ActorKind,
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

# CAMEO codes that act on people only: arrest and detention (173).
PEOPLE_ONLY_CODES = ("173",)
HOW_CONFIDENCE = {
    Resolution.NAME: 1.0,
    Resolution.METONYMY: 0.9,
    Resolution.DESCRIPTION: 0.9,
    Resolution.DEMONYM: 0.8,
    Resolution.COREFERENCE: 0.7,
}


def _arrests_a_state(candidate: Candidate) -> bool:
    """Whether a candidate arrests or detains (`PEOPLE_ONLY_CODES`) a state or body that the trigger's own
    arguments name as such ("un pas pour arrêter la Russie" stops Russia): only people are arrested ("deux
    Canadiens", "un diplomate russe"). The other actor of a sentence that names no one arrested may stand for
    the state of those who are ("l'arrestation de deux journalistes par X inquiète Londres")."""
    target = candidate.target
    return (
        candidate.trigger.cameo.startswith(PEOPLE_ONLY_CODES)
        and candidate.reach < Reach.SENTENCE
        and target.how in (Resolution.NAME, Resolution.METONYMY)
        and target.kind in (ActorKind.STATE, ActorKind.COLLECTIVE)
    )


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
        for index, found in self.by_token.items():  # a name inside a wider mention stands for itself
            if len(found) > 1:
                shortest = min(m.token_end - m.token_start for m in found)
                self.by_token[index] = [m for m in found if m.token_end - m.token_start == shortest]
        self.multiword = derived(
            self.lexicon.indexes, ("multiword", self.lang), lambda: triggers.multiword_triggers(self)
        )
        self.trigger_heads = derived(
            self.lexicon.indexes, ("trigger heads", self.lang), lambda: triggers.trigger_heads(self)
        )
        self.text = doc.text  # Doc.text joins every token on each access
        self.tokens = list(doc)  # Doc indexing and iteration make a new Token object every time
        # Each token's head (its index) and label, for the walks up the tree: Token.head makes a new Token.
        self.heads = _head_indexes(doc)
        self.deps = [token.dep_ for token in self.tokens]
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
        candidates = candidates + anaphoric_candidates(self, candidates)
        model = self.lexicon.models.get(self.lang)
        if model is not None:  # proposals: what the model finds where the rules are silent
            candidates = classify(self, model, candidates + proposals(self, candidates))
        candidates = as_requests(self, one_reading(reactions_by_their_means(self, candidates)))
        candidates = stated_intentions(self, candidates)
        candidates += threatened_acts(self, candidates)
        candidates += speech.accusations(self, candidates)
        candidates = statements_as_verdicts(self, candidates) + evaluations(self, candidates)
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
                    # the longest expression the word heads is its reading ("suspendre le traité", not "suspendre")
                    longest = max(len(trigger.lemma.split()) for trigger in triggers)
                    specific = tuple(trigger for trigger in triggers if len(trigger.lemma.split()) == longest)
                    framed = loose_candidates(self, token, specific)
                candidates += framed
            self.rule_cache = [candidate for candidate in candidates if not _arrests_a_state(candidate)]
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
            self.trigger_cache[token.i] = triggers.find_triggers(self, token)
        return self.trigger_cache[token.i]

    # Frames -------------------------------------------------------------

    def _candidates(self, token: Token, trigger: Trigger) -> list[Candidate]:
        if trigger.pos == "VERB" and self._carries_event_noun(token):
            return []  # "apporter son soutien à": the noun says what happened, not the light verb
        if trigger.target == self.grammar.between_case:
            members = slots.fill_slot(self, token, trigger.target, trigger.pos)
            if trigger.symmetric:  # "les pourparlers entre X et Y": the members act together
                return self._pairs_among(members, token, trigger)
            if not members and trigger.pos == "NOUN":
                members = self._members_of_mutual_act(token)  # "X et Y ont renoué grâce à la médiation de Z"
            # "la médiation de X entre Y et Z": X acts on each of them, who do nothing to each other
            sources = slots.fill_slot(self, token, trigger.source, trigger.pos, exclude=trigger.target)
            return [Candidate(source, member, trigger, token, self._mode(token), False)
                    for source in sources for member in members if source.code != member.code]  # fmt: skip
        sources = slots.fill_slot(self, token, trigger.source, trigger.pos, exclude=trigger.target)
        if not sources:
            return []  # no pair, and no sources to pair among themselves
        targets = slots.fill_slot(self, token, trigger.target, trigger.pos)
        if not targets:  # "combattre aux côtés de X": the complement of the expression's last word
            targets = slots.expression_complements(self, token, trigger.lemma, trigger.target)
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
            or slots.light_verb(self, token) is not None  # "le Chili et l'Argentine ont signé un traité"
            or any(c.dep_ == "det" and c.lower_ in self.grammar.plural_possessives for c in token.children)
            or len({m.token_start for m in sources}) < len(sources)  # one word naming several: "sino-russes"
            or len(slots.juxtaposed_names(self, token)) > 1  # "le sommet Trump-Poutine"
        )
        if trigger.symmetric and not targets and shared:
            candidates += self._pairs_among(sources, token, trigger)
        elif not targets and self._has_mutual_object(token, trigger):
            candidates += self._pairs_among(sources, token, trigger)  # "X et Y ont rompu leurs relations"
        return candidates

    def _members_of_mutual_act(self, noun: Token) -> list[Mention]:
        """The members of the mutual act a noun of mediation or sponsorship hangs on, who are between whom it
        mediates: the subjects of a verb ("X et Y ont renoué le dialogue grâce à la médiation de Z"), the
        members of a mutual event noun ("les pourparlers entre X et Y, sous l'égide de Z"), or the subjects of
        the verb it is the object of ("X and Y resumed talks under the aegis of Z"). Two of them at least."""
        act = noun.head
        if grammar.is_prepositional_noun(act, self.grammar) and act.head.i != act.i:
            act = act.head  # "signed the deal thanks to Z's mediation": the preposition's own head
        if act.i == noun.i:
            return []
        if act.pos_ == "VERB":
            if not self._tells_mutual_act(act) and not any(
                child.dep_ in grammar.OBJECT_DEPS and self._tells_mutual_act(child) for child in act.children
            ):
                return []  # "des sanctions sous l'égide de X n'ont pas réussi": no act of two
            members = slots.fill_slot(self, act, "subj", "VERB")
        elif self._tells_mutual_act(act):
            members = slots.fill_slot(self, act, self.grammar.between_case, "NOUN")
            if not members and act.dep_ in grammar.OBJECT_DEPS and act.head.pos_ == "VERB":
                members = slots.fill_slot(self, act.head, "subj", "VERB")  # "X and Y resumed talks under ..."
        else:
            return []
        return members if len({member.code for member in members}) > 1 else []

    def _tells_mutual_act(self, token: Token) -> bool:
        """Whether a word is a trigger of a mutual act ("pourparlers", "signer un accord", "renouer le dialogue")."""
        return any(trigger.symmetric for trigger in self._triggers(token))

    def _has_mutual_object(self, verb: Token, trigger: Trigger) -> bool:
        """Whether a verb's object is its doers' in common, each doing the act with the other: an adjective of
        mutuality on it ("ont rouvert leurs ambassades respectives", "reopened their common border"), or, for an
        act done with someone ("rompre ses relations avec X"), a plural possessive ("ont rompu leurs
        relations")."""
        if verb.pos_ != "VERB":
            return False
        comitative = trigger.target == self.grammar.comitative_case
        return any(
            child.dep_ in grammar.OBJECT_DEPS
            and any(modifier.lemma_.casefold() in self.grammar.mutual_adjectives
                    or (comitative and grammar.is_possessive(modifier)
                        and modifier.lower_ in self.grammar.plural_possessives) for modifier in child.children)
            for child in verb.children
        )  # fmt: skip

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

    def _has_case(self, token: Token, form: str) -> bool:
        return has_case(token, form, self.grammar)

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
            source_role=source.role, target_role=target.role,
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


def _head_indexes(doc: Doc) -> list[int]:
    """The index of each token's head (a root's own), read from the Doc's arrays."""
    import numpy
    from spacy.attrs import HEAD

    offsets = doc.to_array(HEAD).reshape(-1).astype("int64")  # relative, stored unsigned
    return (numpy.arange(len(doc), dtype="int64") + offsets).tolist()
