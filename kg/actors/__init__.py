"""Actors: every actor mention in a parsed article, resolved to one gazetteer actor.

Reads a spaCy Doc parsed by `kg.nlp` (whose actor ruler marked the
gazetteer's surface forms), the article and its language pack (`kg.lang`);
returns `Mention` records. The rules, one module each, all reading one
`ActorView` of the Doc (`view`), on the Universal Dependencies parse:

- names (`names`) and aliases from the ruler; an ambiguous form ("Kim") takes the
  candidate the article names in full, else the one in office at the
  article's date, else stays unresolved;
- descriptions (`descriptions`): a role noun with its state ("le président russe", "des
  responsables américains", "le régime de Kim", "l'armée de M. Poutine")
  is the state, or the named person holding that office;
- demonyms (`demonyms`) standing alone ("l'invasion russe", "les Russes"), and compound
  ones naming each of their actors ("les relations sino-russes",
  "intercoréennes");
- metonymy: a capital or seat of power is the government; one governed by
  a place preposition is marked `locative` (a place unless a frame says
  otherwise);
- coreference (`coreference`), plural and pronoun reference: "les deux pays", "ils" after a sentence
  naming two actors, "leur"/"leurs" for the two actors named before,
  "il"/"elle" as subject for the last actor subject;
- quotations (`quotations`): a first-person pronoun or possessive inside a
  quotation is its speaker;
- analysts, think tanks and media are non-actors (`view`): a form inside their name
  ("Institut coréen pour l'unification nationale de Séoul") is no mention.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.actors.coreference import find_references
from kg.actors.demonyms import find_demonyms
from kg.actors.descriptions import find_descriptions
from kg.actors.names import find_names
from kg.actors.quotations import find_quoted_speakers
from kg.actors.view import ActorView, Found
from kg.records import Article, Gazetteer, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.lang import LanguagePack

__all__ = ["find_mentions", "count_actors"]


def find_mentions(doc: Doc, article: Article, gazetteer: Gazetteer, pack: LanguagePack) -> list[Mention]:
    """Find and resolve every actor mention in `doc`, the parse of `article.text`, with the words of its language
    pack (`kg.lang`): names, then descriptions (which absorb the names they hold), demonyms, references back and
    quoted speakers, each rule reading what the ones before found."""
    view = ActorView(doc, article, gazetteer, pack)
    names = find_names(view)
    described, absorbed = find_descriptions(view, names)
    found = [item for item in names if (item.start, item.end) not in absorbed] + described
    found += find_demonyms(view, found)
    found += find_references(view, found)
    found += find_quoted_speakers(view, found)
    # a dateline ("SEOUL, South Korea (AP) —") says where the article was written: no actor of the story
    found = [item for item in found if item.start not in view.dateline]
    unique = {(item.start, item.end, item.actor): item for item in found}
    return [_record(view, item) for item in sorted(unique.values(), key=lambda item: (item.start, item.actor))]


def count_actors(mentions: Iterable[Mention]) -> Counter[str]:
    """Mentions per actor code (the state level events use)."""
    return Counter(mention.code for mention in mentions)


def _record(view: ActorView, found: Found) -> Mention:
    span = view.doc[found.start : found.end]
    actor = view.gazetteer.actors[found.actor]
    start, end = span.start_char, span.end_char
    original_start, original_end = view.article.to_original_span(start, end)
    return Mention(
        article=view.article.id,
        text=span.text,
        start=start,
        end=end,
        original_start=original_start,
        original_end=original_end,
        sentence=view.sentence_of[found.start],
        token_start=found.start,
        token_end=found.end,
        actor=actor.id,
        code=actor.state,
        kind=actor.kind,
        qid=actor.qid,
        how=found.how,
        locative=view.is_locative(span),
        role=found.role,
    )
