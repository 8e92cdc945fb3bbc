"""The read-only view of one parsed article the actor rules share: its tokens and sentences, the gazetteer's
forms and roles in the article's language, the pack's words, the tokens inside non-actor names (media, think
tanks: "Institut coréen pour l'unification nationale de Séoul" names no actor), and small token tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.nlp import NONACTOR_LABEL
from kg.records import ActorKind, Alias, Article, Gazetteer, Resolution, derived

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.lang import LanguagePack

__all__ = ["ActorView", "Found"]

# Grammar: which dependency labels and function words the rules read.
MODIFIER_DEPS = frozenset({"amod", "nmod", "flat:name", "appos", "compound"})
NAME_CHAIN_DEPS = frozenset({"nmod", "flat:name", "amod", "appos", "flat"})
ANY_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})  # active or passive: who the clause is about
# A dateline ends at a dash or a colon within this many tokens of its paragraph's start.
DATELINE_TOKENS = 16
DATELINE_ENDS = frozenset({"—", "–", "-", ":"})
DATELINE_MARKS = frozenset({"(", ","})
# The labels the parser gives a subject set after the verb of an incise ("..., a déclaré le ministre").
INVERTED_SUBJECT_DEPS = frozenset({"dep", "obj", "nsubj", "appos"})
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
class Found:
    """A mention before it is turned into a record: a token span, an actor, how, and the role of the body a
    description names ("l'armée russe": military)."""

    start: int
    end: int
    actor: str
    how: Resolution
    role: str | None = None


class ActorView:
    """One Doc as the actor rules read it (made once per article; the rules do not change it)."""

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
        self.demonym_words = derived(
            gazetteer.indexes, ("demonym words", lang), lambda: _demonym_words(gazetteer, lang)
        )
        self.tokens = list(doc)  # Doc indexing and iteration make a new Token object every time
        self.ents = tuple(doc.ents)  # Doc.ents walks every token of the Doc on each access
        self.blocked = self.non_actor_tokens()
        self.dateline = self._dateline()
        self.sentences = list(doc.sents)
        # sentence index by token, read from the sentences' bounds (iterating a Span makes a Token per word)
        self.sentence_of = {i: index for index, sent in enumerate(self.sentences) for i in range(sent.start, sent.end)}

    def non_actor_tokens(self) -> set[int]:
        """Tokens inside the names of media, think tanks and the like."""
        blocked: set[int] = set()
        ents = self.ents
        for index, ent in enumerate(ents):
            if ent.label_ == NONACTOR_LABEL or (ent.label_ == "ORG" and self.is_non_actor_head(ent.root)):
                blocked.update(range(ent.start, ent.end))
                # An organisation name the model cut before its last word ("Institut ... de" + "Séoul").
                following = ents[index + 1] if index + 1 < len(ents) else None
                if following is not None and following.start == ent.end and ent[-1].lower_ in self.genitive_forms:
                    blocked.update(range(following.start, following.end))
        return blocked

    def is_blocked(self, span: Span) -> bool:
        if any(index in self.blocked for index in range(span.start, span.end)):
            return True
        return self.follows_non_actor_head(span.start) or any(self.in_non_actor_name(token) for token in span)

    def follows_non_actor_head(self, start: int) -> bool:
        """True when a name comes right after a non-actor head and its genitive case, whatever the parse made of
        them ("en mer de Chine", "le détroit de Taïwan": a sea and a strait, not China and Taiwan)."""
        if start < 2 or self.tokens[start - 1].lower_ not in self.genitive_forms:
            return False
        return self.is_non_actor_head(self.tokens[start - 2])

    def in_non_actor_name(self, token: Token) -> bool:
        """True when a chain of name modifiers leads up to a non-actor head ("Institut ... de Séoul")."""
        for _ in range(NON_ACTOR_CHAIN_STEPS):
            if token.dep_ not in NAME_CHAIN_DEPS or token.head.i == token.i:
                return False
            token = token.head
            if self.is_non_actor_head(token):
                return True
        return False

    def is_non_actor_head(self, token: Token) -> bool:
        key = (self.lang, token.lemma_.casefold())
        return key in self.gazetteer.non_actor_heads or (self.lang, token.lower_) in self.gazetteer.non_actor_heads

    def is_counted_group(self, token: Token) -> bool:
        """ "les deux pays": a group noun counted by a pair number."""
        return any(child.dep_ == "nummod" and child.lower_ in self.words.pair_numbers for child in token.children)

    def is_locative(self, span: Span) -> bool:
        return self.has_locative_case(span.root)

    def has_locative_case(self, token: Token) -> bool:
        """Whether a word is introduced by a preposition of place ("à Moscou", "in Syria", "to the UN")."""
        return any(child.dep_ == "case" and child.lower_ in self.locative_cases for child in token.children)

    def _dateline(self) -> set[int]:
        """The tokens of the datelines opening paragraphs, which say where the article was written: a place in
        capitals, then its agency or country and no verb up to a dash or a colon, within `DATELINE_TOKENS`
        ("WASHINGTON (Reuters) -", "UNITED NATIONS, July 5 (APP):"); a heading ("OTAN : ...") is none."""
        found: set[int] = set()
        starts = [0] + [t.i + 1 for t in self.tokens if t.is_space and "\n" in t.text]
        for start in starts:
            if start >= len(self.tokens) or not self.tokens[start].is_upper or len(self.tokens[start]) < 2:
                continue
            for token in self.tokens[start : start + DATELINE_TOKENS]:
                if token.text in DATELINE_ENDS:
                    # a place and its agency or country ("(AFP)", ", South Korea"), not a heading ("OTAN : ...")
                    if any(t.text in DATELINE_MARKS for t in self.tokens[start : token.i]):
                        found.update(range(start, token.i))
                    break
                if token.pos_ in ("VERB", "AUX") or (token.is_space and "\n" in token.text):
                    break
        return found

    def kind(self, actor: str) -> ActorKind:
        return self.gazetteer.actors[actor].kind

    def state(self, actor: str) -> str:
        return self.gazetteer.actors[actor].state


def _followed_by_name(ent: Span) -> bool:
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()


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


def _demonym_words(gazetteer: Gazetteer, lang: str) -> dict[str, int]:
    """For each first word of a demonym of several words in `lang` ("north" of "north korean", "sri" of
    "sri-lankais"), the most words."""
    longest: dict[str, int] = {}
    for demonym_lang, form in gazetteer.demonyms:
        # a hyphen may cut a word in three tokens ("sri - lankais")
        words = form.replace("-", " - ").split() if "-" in form else form.split()
        if demonym_lang == lang and len(words) > 1:
            longest[words[0]] = max(longest.get(words[0], 1), len(words))
    return longest
