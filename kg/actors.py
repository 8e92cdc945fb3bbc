"""Actors: every actor mention in a parsed article, resolved to one gazetteer actor.

Reads a spaCy Doc parsed by `kg.nlp` (whose actor ruler marked the
gazetteer's surface forms) and the article; returns `Mention` records. The
rules, each on the Universal Dependencies parse:

- names and aliases from the ruler; an ambiguous form ("Kim") takes the
  candidate the article names in full, else the one in office at the
  article's date, else stays unresolved;
- descriptions: a role noun with its state ("le président russe", "des
  responsables américains", "le régime de Kim", "l'armée de M. Poutine")
  is the state, or the named person holding that office;
- demonyms standing alone ("l'invasion russe", "les Russes"), and compound
  ones naming each of their actors ("les relations sino-russes",
  "intercoréennes");
- metonymy: a capital or seat of power is the government; one governed by
  a place preposition is marked `locative` (a place unless a frame says
  otherwise);
- plural and pronoun reference: "les deux pays", "ils" after a sentence
  naming two actors, "leur"/"leurs" for the two actors named before,
  "il"/"elle" as subject for the last actor subject;
- analysts, think tanks and media are non-actors: a form inside their name
  ("Institut coréen pour l'unification nationale de Séoul") is no mention.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.nlp import ACTOR_LABEL, AMBIGUOUS_LABEL, NONACTOR_LABEL
from kg.records import ActorKind, Alias, Article, Gazetteer, Mention, Resolution, derived

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.lang import LanguagePack

__all__ = ["find_mentions", "count_actors"]

# Grammar: which dependency labels and function words the rules read.
MODIFIER_DEPS = frozenset({"amod", "nmod", "flat:name", "appos", "compound"})
NAME_CHAIN_DEPS = frozenset({"nmod", "flat:name", "amod", "appos", "flat"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
POSSESSIVE_DEPS = frozenset({"det", "nmod:poss"})  # "leur sommet"; an English "their" once mapped to UD
PERSON_ROLES = frozenset(
    {"head-of-state", "head-of-government", "leader", "supreme-leader", "foreign-minister", "defence-minister",
     "secretary-general", "vice-president", "spokesperson"}
)  # fmt: skip
LEADING_ROLES = frozenset({"leader", "head-of-state", "head-of-government", "supreme-leader"})
NON_ACTOR_CHAIN_STEPS = 3
NAME_LOOKAHEAD = 6
DEMONYM_WORDS = 3  # the most words a demonym has ("central african")
REFERENCE_WINDOW = 5  # sentences looked back for "les deux pays", "les deux dirigeants"


@dataclass(frozen=True)
class _Found:
    """A mention before it is turned into a record: a token span, an actor, how."""

    start: int
    end: int
    actor: str
    how: Resolution


def find_mentions(doc: Doc, article: Article, gazetteer: Gazetteer, pack: LanguagePack) -> list[Mention]:
    """Find and resolve every actor mention in `doc`, the parse of `article.text`, with the words of its language
    pack (`kg.lang`)."""
    resolver = _Resolver(doc, article, gazetteer, pack)
    return resolver.mentions()


def count_actors(mentions: Iterable[Mention]) -> Counter[str]:
    """Mentions per actor code (the state level events use)."""
    return Counter(mention.code for mention in mentions)


def _forms(gazetteer: Gazetteer, lang: str) -> dict[str, list[Alias]]:
    """The gazetteer's aliases in `lang` by folded form."""
    forms: dict[str, list[Alias]] = {}
    for alias in gazetteer.aliases:
        if alias.lang == lang:
            forms.setdefault(alias.text.casefold(), []).append(alias)
    return forms


def _role_heads(gazetteer: Gazetteer, lang: str) -> frozenset[str]:
    """The head nouns of the gazetteer's roles in `lang`."""
    return frozenset(role.head for role in gazetteer.roles if role.lang == lang)


class _Resolver:
    """The rules of the module docstring, applied in order to one Doc."""

    def __init__(self, doc: Doc, article: Article, gazetteer: Gazetteer, pack: LanguagePack) -> None:
        self.doc = doc
        self.article = article
        self.gazetteer = gazetteer
        lang = self.lang = pack.lang
        self.words = pack.references
        self.locative_cases = pack.grammar.locative_cases
        self.genitive_forms = pack.grammar.forms(pack.grammar.genitive_case)
        self.day = article.date.value if article.date else None
        self.forms = derived(gazetteer.indexes, ("forms", lang), lambda: _forms(gazetteer, lang))
        self.role_heads = derived(gazetteer.indexes, ("role heads", lang), lambda: _role_heads(gazetteer, lang))
        self.tokens = list(doc)  # Doc indexing and iteration make a new Token object every time
        self.blocked = self._non_actor_tokens()
        self.sentences = list(doc.sents)
        self.sentence_of = {token.i: index for index, sent in enumerate(self.sentences) for token in sent}

    def mentions(self) -> list[Mention]:
        names = self._names()
        described, absorbed = self._descriptions(names)
        kept = [found for found in names if (found.start, found.end) not in absorbed]
        found = kept + described
        found += self._demonyms(found)
        found += self._references(found)
        found += self._quoted_speakers(found)
        unique = {(item.start, item.end, item.actor): item for item in found}
        return [self._record(item) for item in sorted(unique.values(), key=lambda item: (item.start, item.actor))]

    # Names --------------------------------------------------------------

    def _names(self) -> list[_Found]:
        named_in_full = {ent.ent_id_ for ent in self.doc.ents if ent.label_ == ACTOR_LABEL}
        found = []
        for ent in self.doc.ents:
            if ent.label_ not in (ACTOR_LABEL, AMBIGUOUS_LABEL) or self._is_blocked(ent):
                continue
            if not self._case_agrees(ent):
                continue
            if ent.label_ == ACTOR_LABEL:
                how = Resolution.METONYMY if self._is_seat_or_capital(ent) else Resolution.NAME
                found.append(_Found(ent.start, ent.end, ent.ent_id_, how))
                continue
            actor = self._resolve_ambiguous(ent, named_in_full)
            if actor:
                how = Resolution.METONYMY if self._is_seat_or_capital(ent) else Resolution.COREFERENCE
                found.append(_Found(ent.start, ent.end, actor, how))
        return found

    def _resolve_ambiguous(self, ent: Span, named_in_full: set[str]) -> str | None:
        candidates = sorted(self._candidates(ent.text))
        in_article = [actor for actor in candidates if actor in named_in_full]
        if len(in_article) == 1:
            return in_article[0]
        people = [actor for actor in candidates if self.gazetteer.actors[actor].kind is ActorKind.PERSON]
        if people and self.day is not None:
            in_office = [
                office for office in self.gazetteer.offices if office.person in people and office.holds_on(self.day)
            ]
            for roles in (LEADING_ROLES, None):
                holders = {office.person for office in in_office if roles is None or office.role in roles}
                if len(holders) == 1:
                    return holders.pop()
        if len(candidates) == 1 and ent[0].pos_ == "PROPN" and not _followed_by_name(ent):
            return candidates[0]
        return None

    def _candidates(self, text: str) -> set[str]:
        return {alias.actor for alias in self.forms.get(text.casefold(), ())}

    def _case_agrees(self, ent: Span) -> bool:
        """A form the gazetteer writes capitalised ("Paris") is no mention in lower case ("paris")."""
        forms = [alias.text for alias in self.forms.get(ent.text.casefold(), ())]
        return not forms or ent.text[0].isupper() or any(not form[0].isupper() for form in forms)

    def _is_seat_or_capital(self, ent: Span) -> bool:
        return any(alias.type in ("capital", "seat") for alias in self.forms.get(ent.text.casefold(), ()))

    # Non-actors ---------------------------------------------------------

    def _non_actor_tokens(self) -> set[int]:
        """Tokens inside the names of media, think tanks and the like."""
        blocked: set[int] = set()
        ents = list(self.doc.ents)
        for index, ent in enumerate(ents):
            if ent.label_ == NONACTOR_LABEL or (ent.label_ == "ORG" and self._is_non_actor_head(ent.root)):
                blocked.update(range(ent.start, ent.end))
                # An organisation name the model cut before its last word ("Institut ... de" + "Séoul").
                following = ents[index + 1] if index + 1 < len(ents) else None
                if following is not None and following.start == ent.end and ent[-1].lower_ in self.genitive_forms:
                    blocked.update(range(following.start, following.end))
        return blocked

    def _is_blocked(self, span: Span) -> bool:
        if any(index in self.blocked for index in range(span.start, span.end)):
            return True
        return any(self._in_non_actor_name(token) for token in span)

    def _in_non_actor_name(self, token: Token) -> bool:
        """True when a chain of name modifiers leads up to a non-actor head ("Institut ... de Séoul")."""
        for _ in range(NON_ACTOR_CHAIN_STEPS):
            if token.dep_ not in NAME_CHAIN_DEPS or token.head.i == token.i:
                return False
            token = token.head
            if self._is_non_actor_head(token):
                return True
        return False

    def _is_non_actor_head(self, token: Token) -> bool:
        key = (self.lang, token.lemma_.casefold())
        return key in self.gazetteer.non_actor_heads or (self.lang, token.lower_) in self.gazetteer.non_actor_heads

    # Descriptions -------------------------------------------------------

    def _descriptions(self, names: list[_Found]) -> tuple[list[_Found], set[tuple[int, int]]]:
        """Role nouns with their state; returns the descriptions and the name spans they absorb."""
        by_token = {index: found for found in names for index in range(found.start, found.end)}
        described: list[_Found] = []
        absorbed: set[tuple[int, int]] = set()
        named_people = {found.actor for found in names if self._kind(found.actor) is ActorKind.PERSON}
        for token in self.tokens:
            role = self._role(token)
            if role is None or token.i in by_token or token.i in self.blocked or self._is_counted_group(token):
                continue  # "les deux dirigeants" refers back (see _references), it describes no one
            state, modifier_end, modifier = self._state_modifier(token, by_token)
            person = self._following_person(token, by_token, state) if role in PERSON_ROLES else None
            if person is not None:
                absorbed.add((person.start, person.end))
                described.append(_Found(token.i, person.end, person.actor, Resolution.NAME))
            elif state is not None:
                if modifier is not None:
                    absorbed.add((modifier.start, modifier.end))
                actor = self._office_holder(role, state, named_people) or state
                described.append(_Found(token.i, max(token.i + 1, modifier_end), actor, Resolution.DESCRIPTION))
        return described, absorbed

    def _role(self, token: Token) -> str | None:
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        heads = {token.lemma_.casefold(), token.lower_}
        if heads.isdisjoint(self.role_heads):
            return None
        complements = {child.lemma_.casefold() for child in token.children if child.dep_ in MODIFIER_DEPS}
        generic = None
        for role in self.gazetteer.roles:
            if role.lang != self.lang or role.head not in heads:
                continue
            if role.complement and role.complement in complements:
                return role.role
            if not role.complement:
                generic = role.role
        return generic

    def _state_modifier(self, token: Token, by_token: dict[int, _Found]) -> tuple[str | None, int, _Found | None]:
        """The state a role noun names: a demonym adjective or a name in a modifier; its end token."""
        for child in token.children:
            if child.dep_ == "amod":
                demonym = self.gazetteer.demonyms.get((self.lang, child.lower_))
                if demonym and not demonym[1]:
                    return self._state(demonym[0]), max(child.i + 1, token.i + 1), None
            if child.dep_ in MODIFIER_DEPS:
                # "représentants des républiques dissidentes de Lougansk": the name may sit one complement deeper.
                nested = [grand for grand in child.children if grand.dep_ in MODIFIER_DEPS]
                for descendant in (child, *child.children, *(great for inner in nested for great in inner.children)):
                    found = by_token.get(descendant.i)
                    if found is not None:
                        return self._state(found.actor), max(found.end, child.i + 1), found
                    demonym = self.gazetteer.demonyms.get((self.lang, descendant.lower_))
                    if descendant.dep_ == "amod" and demonym and not demonym[1]:  # "du renseignement américain"
                        return self._state(demonym[0]), max(descendant.i, child.i) + 1, None
        return None, token.i + 1, None

    def _following_person(self, token: Token, by_token: dict[int, _Found], state: str | None) -> _Found | None:
        """A person named right after the role noun ("le président russe Vladimir Poutine")."""
        for index in range(token.i + 1, min(token.i + 1 + NAME_LOOKAHEAD, len(self.doc))):
            found = by_token.get(index)
            if found is not None:
                is_person = self._kind(found.actor) is ActorKind.PERSON
                if is_person and (state is None or self._state(found.actor) == state):
                    return found
                if not is_person:
                    continue
                return None
            following = self.tokens[index]
            if following.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or (following.is_punct and following.text != ","):
                return None
        return None

    def _office_holder(self, role: str, state: str, named_people: set[str]) -> str | None:
        """The person the article names who holds `role` for `state` at the article's date."""
        if role not in PERSON_ROLES:
            return None
        roles = LEADING_ROLES if role == "leader" else {role}  # "le dirigeant russe": whoever leads Russia
        holders = {
            office.person
            for office in self.gazetteer.offices
            if office.person in named_people
            and office.state == state
            and office.role in roles
            and office.holds_on(self.day)
        }
        return holders.pop() if len(holders) == 1 else None

    # Demonyms -----------------------------------------------------------

    def _demonyms(self, found: list[_Found]) -> list[_Found]:
        covered = {index for item in found for index in range(item.start, item.end)}
        demonyms = []
        for token in self.tokens:
            if token.i in covered or token.i in self.blocked:
                continue
            end, entry = self._demonym_at(token.i, covered)
            if entry is not None:
                plain = self.tokens[end - 1].pos_ in ("ADJ", "NOUN", "PROPN") and not entry[1]
                actors: tuple[str, ...] = (entry[0],) if plain else ()
            else:  # a compound's form says what it is, whatever part of speech the tagger gave it
                actors = self._compound(token)
            if actors and not self._is_blocked(self.doc[token.i : end]):
                demonyms += [_Found(token.i, end, actor, Resolution.DEMONYM) for actor in actors]
                covered |= set(range(token.i, end))
        return demonyms

    def _demonym_at(self, start: int, covered: set[int]) -> tuple[int, tuple[str, bool] | None]:
        """The longest demonym starting at a token, of one word or several ("nord-coréen", "North Korean"):
        (its end, its entry), or (the next token, None)."""
        for size in range(DEMONYM_WORDS, 0, -1):
            end = start + size
            if end > len(self.tokens) or covered & set(range(start, end)):
                continue
            words = " ".join(token.lower_ for token in self.tokens[start:end])
            entry = self.gazetteer.demonyms.get((self.lang, words))
            if entry is not None:
                return end, entry
        return start + 1, None

    def _compound(self, token: Token) -> tuple[str, ...]:
        """The actors of a compound nationality: "sino-russe" (combining forms joined to a demonym),
        "russo" before "- ukrainienne" (the parser split the word), "intercoréen" (a word naming several)."""
        key = (self.lang, token.lower_)
        if key in self.gazetteer.compound_words:
            return self.gazetteer.compound_words[key]
        if "-" in key[1]:
            *prefixes, last = key[1].split("-")
            demonym = self.gazetteer.demonyms.get((self.lang, last))
            combined = [self.gazetteer.combining_forms.get((self.lang, prefix)) for prefix in prefixes]
            if demonym is None or demonym[1] or not all(combined):
                return ()
            return (*(actor for actors in combined if actors for actor in actors), demonym[0])
        if key not in self.gazetteer.combining_forms:
            return ()
        following = self.tokens[token.i + 1 : token.i + 3]
        if (
            key in self.gazetteer.combining_forms
            and len(following) == 2
            and following[0].text == "-"
            and (self.lang, following[1].lower_) in self.gazetteer.demonyms
        ):
            return self.gazetteer.combining_forms[key]
        return ()

    # Reference ----------------------------------------------------------

    def _references(self, found: list[_Found]) -> list[_Found]:
        ordered = sorted(found, key=lambda item: item.start)
        references = []
        for token in self.tokens:
            if token.i in self.blocked:
                continue
            if token.lower_ in self.words.group_nouns and any(
                child.lower_ in self.words.pair_numbers for child in token.children
            ):
                people_only = token.lemma_.casefold() in self.words.person_group_nouns
                pair = self._last_pair(ordered, before=token.i, people_only=people_only)
                span = (
                    min([c.i for c in token.children if c.lower_ in self.words.pair_numbers] + [token.i]),
                    token.i + 1,
                )
                references += [_Found(*span, code, Resolution.COREFERENCE) for code in pair]
            elif token.lower_ in self.words.plural_pronouns and token.dep_ in SUBJECT_DEPS:
                pair = self._previous_sentence_pair(ordered, token)
                references += [_Found(token.i, token.i + 1, code, Resolution.COREFERENCE) for code in pair]
            elif token.lower_ in self.words.plural_possessives and token.dep_ in POSSESSIVE_DEPS:
                pair = self._plural_antecedent(ordered, token)
                references += [_Found(token.i, token.i + 1, code, Resolution.COREFERENCE) for code in pair]
            elif token.lower_ in self.words.singular_pronouns and token.dep_ in SUBJECT_DEPS:
                subject = self._last_subject(ordered, before=token.i)
                if subject is not None:
                    references.append(_Found(token.i, token.i + 1, subject.actor, Resolution.COREFERENCE))
        return references

    def _last_pair(self, ordered: Sequence[_Found], *, before: int, people_only: bool) -> list[str]:
        """The two most salient actors (by code) of the reference window: most mentioned there, then most recent.

        Places count half: "une délégation s'est rendue à Moscou" still makes Russia salient.
        """
        first_sentence = self.sentence_of[before] - REFERENCE_WINDOW
        weight: Counter[str] = Counter()
        latest: dict[str, int] = {}
        actor_of: dict[str, str] = {}
        for item in ordered:
            if item.start >= before or self.sentence_of[item.start] < first_sentence:
                continue
            if people_only and self._kind(item.actor) is not ActorKind.PERSON:
                continue
            code = self._state(item.actor)
            weight[code] += 0.5 if self._is_locative(self.doc[item.start : item.end]) else 1.0
            latest[code] = item.start
            actor_of[code] = item.actor
        ranked = sorted(weight, key=lambda code: (weight[code], latest[code]), reverse=True)
        if len(ranked) < 2 and people_only:  # "les deux dirigeants" of two states named as states
            return self._last_pair(ordered, before=before, people_only=False)
        return [actor_of[code] for code in ranked[:2]] if len(ranked) >= 2 else []

    def _previous_sentence_pair(self, ordered: Sequence[_Found], token: Token) -> list[str]:
        """The two actors of the previous sentence, when it names exactly two."""
        previous = self.sentence_of[token.i] - 1
        in_previous = [item for item in ordered if self.sentence_of[item.start] == previous]
        codes = {self._state(item.actor): item.actor for item in in_previous}
        return list(codes.values()) if len(codes) == 2 else []

    def _plural_antecedent(self, ordered: Sequence[_Found], token: Token) -> list[str]:
        """What a plural possessive ("leur sommet", "leurs liens") refers to: the two actors named before it in
        its sentence, or, when its sentence names none before it, the two of the previous sentence."""
        sentence = self.sentence_of[token.i]
        before = [item for item in ordered if item.start < token.i and self.sentence_of[item.start] == sentence]
        if not before:
            return self._previous_sentence_pair(ordered, token)
        codes = {self._state(item.actor): item.actor for item in before}
        return list(codes.values()) if len(codes) == 2 else []

    def _last_subject(self, ordered: Sequence[_Found], *, before: int) -> _Found | None:
        first_sentence = self.sentence_of[before] - 1
        for item in reversed(ordered):
            if item.start >= before or self.sentence_of[item.start] < first_sentence:
                continue
            root = self.doc[item.start : item.end].root
            while root.dep_ in ("flat:name", "flat") and root.head.i != root.i:
                root = root.head  # "M. Kim": the title heads the name
            if root.dep_ in SUBJECT_DEPS:
                return item
        return None

    # Quotations ---------------------------------------------------------

    def _quoted_speakers(self, found: list[_Found]) -> list[_Found]:
        """First-person pronouns and possessives inside a quotation are its speaker ("« Nous soutenons ... », a
        déclaré M. Kim", "« notre soutien à ... »")."""
        by_token = {index: item for item in found for index in range(item.start, item.end)}
        speakers = []
        for start, end in self._quotations():
            speaker = self._speaker(start, end, by_token)
            if speaker is None:
                continue
            for token in self.tokens[start:end]:
                first_person = (token.lower_ in self.words.first_person and token.pos_ == "PRON") or (
                    token.lower_ in self.words.first_person_possessives and token.dep_ in POSSESSIVE_DEPS
                )
                if first_person and token.i not in by_token:
                    speakers.append(_Found(token.i, token.i + 1, speaker.actor, Resolution.COREFERENCE))
        return speakers

    def _quotations(self) -> list[tuple[int, int]]:
        """Token ranges between paired quotation marks, within a paragraph."""
        quotations, opening = [], None
        for token in self.tokens:
            if token.is_space and "\n" in token.text:
                opening = None
            elif token.text in self.words.quote_marks:
                if opening is None:
                    opening = token.i
                else:
                    quotations.append((opening + 1, token.i))
                    opening = None
        return quotations

    def _speaker(self, start: int, end: int, by_token: dict[int, _Found]) -> _Found | None:
        """The subject of the reporting verb just after the quotation (", a déclaré M. Kim") or before it."""
        # Token.sent walks the sentences on every call: look them up by token instead.
        after = self.sentences[self.sentence_of[end]] if end < len(self.tokens) else None
        before = self.sentences[self.sentence_of[start - 1]] if start > 0 else None
        candidates = [t for t in after if t.i > end] if after is not None else []
        candidates += [t for t in before if t.i < start - 1] if before is not None else []
        for verb in candidates:
            if verb.pos_ == "VERB" and verb.lemma_.casefold() in self.words.reporting_verbs:
                for child in verb.children:
                    if child.dep_ in SUBJECT_DEPS:
                        speaker = by_token.get(child.i) or next(
                            (by_token[grand.i] for grand in child.children if grand.i in by_token), None
                        )
                        if speaker is not None:
                            return speaker
        return None

    # Records ------------------------------------------------------------

    def _record(self, found: _Found) -> Mention:
        span = self.doc[found.start : found.end]
        actor = self.gazetteer.actors[found.actor]
        start, end = span.start_char, span.end_char
        original_start, original_end = self.article.to_original_span(start, end)
        return Mention(
            article=self.article.id,
            text=span.text,
            start=start,
            end=end,
            original_start=original_start,
            original_end=original_end,
            sentence=self.sentence_of[found.start],
            token_start=found.start,
            token_end=found.end,
            actor=actor.id,
            code=actor.state,
            kind=actor.kind,
            qid=actor.qid,
            how=found.how,
            locative=self._is_locative(span),
        )

    def _is_counted_group(self, token: Token) -> bool:
        """ "les deux pays": a group noun counted by a pair number."""
        return any(child.dep_ == "nummod" and child.lower_ in self.words.pair_numbers for child in token.children)

    def _is_locative(self, span: Span) -> bool:
        return any(child.dep_ == "case" and child.lower_ in self.locative_cases for child in span.root.children)

    def _kind(self, actor: str) -> ActorKind:
        return self.gazetteer.actors[actor].kind

    def _state(self, actor: str) -> str:
        return self.gazetteer.actors[actor].state


def _followed_by_name(ent: Span) -> bool:
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()
