"""The language models: the only place spaCy models are loaded, with the actor ruler added.

`load_nlp` loads the pipeline for a language (fr_core_news_md for French),
repairs the lemmas its lemmatizer leaves unchanged (`data/nlp/lemma_repairs.tsv`:
"réclame" is "réclamer"), and adds an entity ruler whose patterns are the gazetteer's surface forms: label
ACTOR (pattern id = actor id), AMBIGUOUS (pattern id = "?" + the folded form,
resolved in context by `kg.actors`) and NONACTOR (media, think tanks), placed
after the statistical NER so gazetteer matches win where they overlap.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.records import Article, Gazetteer
from kg.resources import load_lemma_repairs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "MODELS",
    "SUPPORTED_LANGUAGES",
    "RULER_NAME",
    "ACTOR_LABEL",
    "AMBIGUOUS_LABEL",
    "NONACTOR_LABEL",
    "load_nlp",
    "actor_patterns",
    "parse_articles",
]

MODELS = {"fr": "fr_core_news_md"}
SUPPORTED_LANGUAGES = frozenset(MODELS)
RULER_NAME = "actor_ruler"
PARAGRAPH_COMPONENT = "paragraph_sentences"
LEMMA_COMPONENT = "lemma_repairs"
ACTOR_LABEL = "ACTOR"
AMBIGUOUS_LABEL = "AMBIGUOUS"
NONACTOR_LABEL = "NONACTOR"
DEFAULT_BATCH_SIZE = 16

log = logging.getLogger(__name__)


def load_nlp(lang: str, gazetteer: Gazetteer) -> Language:
    """Load the spaCy pipeline for `lang` with the actor ruler; `ModelError` if it is not installed."""
    import spacy

    _register_paragraph_component()
    _register_lemma_component()
    model = MODELS.get(lang)
    if model is None:
        raise ModelError(f"no language model for {lang!r}: supported languages are {', '.join(sorted(MODELS))}")
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelError(
            f"the spaCy model {model} is not installed; install it with: pip install {model.replace('_', '-')}"
        ) from error
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    repairs = [list(repair) for repair in load_lemma_repairs(lang)]
    nlp.add_pipe(LEMMA_COMPONENT, after="lemmatizer", config={"repairs": repairs})
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, after="ner", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    )
    with nlp.select_pipes(enable=["tok2vec", "morphologizer", "attribute_ruler", "lemmatizer"]):
        ruler.add_patterns(actor_patterns(gazetteer, lang))
    log.info("loaded %s with %d actor patterns", model, len(ruler.patterns))
    return nlp


def _register_paragraph_component() -> None:
    """Register the component that starts a sentence at every paragraph (a blank line)."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_sentences(doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text_with_ws and not token.is_space:
                token.is_sent_start = True
        return doc


def _register_lemma_component() -> None:
    """Register the component that repairs the lemmas the lemmatizer left unchanged: a verb form whose lemma
    is the form itself ("réclame") takes the lemma its ending gives (`data/nlp/lemma_repairs.tsv`)."""
    from spacy.language import Language

    if Language.has_factory(LEMMA_COMPONENT):
        return

    @Language.factory(LEMMA_COMPONENT, default_config={"repairs": []})
    def lemma_repairs(nlp: Language, name: str, repairs: list[list[str]]) -> Callable[[Doc], Doc]:
        ordered = sorted(((ending, replacement, pos) for ending, replacement, pos in repairs), key=lambda r: -len(r[0]))

        parts_of_speech = {pos for _, _, pos in ordered}

        def repair(doc: Doc) -> Doc:
            for token in doc:
                # hashes first: most tokens are not of a repaired part of speech, or have a lemma of their own
                if token.lemma != token.lower or token.pos_ not in parts_of_speech:
                    continue
                form = token.lower_
                for ending, replacement, pos in ordered:
                    if token.pos_ == pos and form.endswith(ending) and len(form) > len(ending) + 2:
                        token.lemma_ = form[: -len(ending)] + replacement
                        break
            return doc

        return repair


def actor_patterns(gazetteer: Gazetteer, lang: str) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns for the gazetteer's surface forms in `lang`."""
    forms: dict[str, set[str]] = {}
    ambiguous: set[str] = set()
    for alias in gazetteer.aliases:
        if alias.lang != lang:
            continue
        forms.setdefault(alias.text, set()).add(alias.actor)
        if alias.ambiguous:
            ambiguous.add(alias.text)
    patterns = []
    for text, actors in sorted(forms.items()):
        if text in ambiguous or len(actors) > 1:
            patterns.append({"label": AMBIGUOUS_LABEL, "pattern": text, "id": "?" + text.casefold()})
        else:
            patterns.append({"label": ACTOR_LABEL, "pattern": text, "id": next(iter(actors))})
    for name, _kind, name_lang in gazetteer.non_actor_names:
        if name_lang == lang:
            patterns.append({"label": NONACTOR_LABEL, "pattern": name, "id": "non-actor"})
    return patterns


def parse_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[tuple[Article, Doc]]:
    """Parse articles' cleaned texts; yield each article with its Doc, in order."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, doc
