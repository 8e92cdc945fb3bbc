"""Bounds on the analysis (issue 18): what one crowded sentence brings to the co-occurrence baseline (a
sentence listing hundreds of states gave every ordered pair of them, each record carrying a copy of the whole
sentence), and how many characters are parsed together."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest

import kg.nlp
import kg.workers
from kg.ingest import DEFAULT_MAX_CHARS, read_article_file
from kg.limits import MAX_BASELINE_ACTORS, bound_mentions
from kg.nlp import parse_articles, text_pieces
from kg.outputs import to_baseline_record
from kg.records import ActorKind, Article, Mention, Resolution
from kg.workers import ArticleResult, analyse_batch

from helpers import listing_article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

WriteFile = Callable[[str, str | bytes], Path]


def state_mention(code: str, sentence: int, start: int) -> Mention:
    return Mention("a", code, start, start + 3, start, start + 3, sentence, start, start + 1, code, code,
                   ActorKind.STATE, None, Resolution.NAME)  # fmt: skip


def test_limits_bound_mentions_keeps_the_first_actors_of_each_sentence() -> None:
    crowded = [state_mention(code, 0, start) for start, code in enumerate(["CHL", "PER", "CHL", "BOL", "ARG"])]
    calm = [state_mention(code, 1, start) for start, code in enumerate(["URY", "PRY", "BRA"], start=10)]
    kept, left_out = bound_mentions(crowded + calm, max_actors=3)
    assert [(mention.sentence, mention.code) for mention in kept] == [
        (0, "CHL"), (0, "PER"), (0, "CHL"), (0, "BOL"), (1, "URY"), (1, "PRY"), (1, "BRA")
    ]  # fmt: skip
    assert left_out == 1


def test_limits_bound_mentions_leaves_sentences_within_the_bound_as_they_are() -> None:
    mentions = [state_mention(code, 0, start) for start, code in enumerate(["CHL", "PER", "CHL"])]
    assert bound_mentions(mentions, max_actors=2) == (mentions, 0)


def read_article(write_file: WriteFile, name: str, text: str) -> Article:
    [article] = read_article_file(write_file(name, text))
    assert isinstance(article, Article), article
    return article


@pytest.mark.model
def test_limits_baseline_does_not_grow_with_a_listing_sentence(write_file: WriteFile) -> None:
    sizes = []
    for mentions in (300, 600):
        article = read_article(write_file, f"liste-{mentions}.txt", listing_article(states=30, mentions=mentions))
        [result] = analyse_batch("fr", [article])
        assert result.analysis is not None
        pairs = [to_baseline_record(pair) for pair in result.analysis.cooccurrences or ()]
        actors = {record["source"] for record in pairs} | {record["target"] for record in pairs}
        assert 2 <= len(actors) <= MAX_BASELINE_ACTORS
        sizes.append(len(json.dumps(pairs)))
    assert sizes[1] < 1.1 * sizes[0]  # twice the sentence, not twice the baseline


@pytest.mark.model
def test_limits_baseline_records_point_at_their_sentence_instead_of_copying_it(write_file: WriteFile) -> None:
    text = "Le Chili et le Pérou\n\nLe Chili a condamné le Pérou mardi. Rien d'autre.\n"
    article = read_article(write_file, "chili.txt", text)
    [result] = analyse_batch("fr", [article])
    assert result.analysis is not None
    [pair, *_] = [to_baseline_record(pair) for pair in result.analysis.cooccurrences or ()]
    assert "evidence" not in pair and all("text" not in evidence for evidence in pair["evidences"])
    evidence = pair["evidences"][0]
    assert article.original[evidence["start"] : evidence["end"]] == "Le Chili a condamné le Pérou mardi."
    assert article.original[evidence["trigger_start"] : evidence["trigger_end"]] == "condamné"
    [relation] = result.analysis.events
    assert relation.evidence == "Le Chili a condamné le Pérou mardi."  # the relations keep their sentence


def test_limits_articles_parsed_together_are_bounded_in_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    # The parse's memory grows with the characters of the articles parsed together: 4 articles just under the
    # limit of one would need 4 times the memory of the longest article allowed.
    batches: list[list[int]] = []

    def record(lang: str, articles: list[Article], *args: object) -> list[ArticleResult]:
        batches.append([len(article.text) for article in articles])
        return [ArticleResult(article, None, None) for article in articles]

    monkeypatch.setattr(kg.workers, "analyse_batch", record)
    sizes = [DEFAULT_MAX_CHARS * 3 // 4, 10, DEFAULT_MAX_CHARS // 2, 20, 30, DEFAULT_MAX_CHARS, 40]
    articles = [Article(id=str(index), path="a.txt", title="", text="x" * size, original="x" * size, pieces=(),
                        encoding="utf-8", lang="fr") for index, size in enumerate(sizes)]  # fmt: skip
    passed = list(kg.workers.analyse_articles(articles, batch_size=4))
    assert [result.article.id for result in passed] == [article.id for article in articles]
    assert all(sum(batch) <= DEFAULT_MAX_CHARS for batch in batches)
    assert batches == [[sizes[0], 10], [sizes[2], 20, 30], [DEFAULT_MAX_CHARS], [40]]


def test_limits_long_text_is_cut_into_bounded_pieces_at_paragraph_breaks() -> None:
    paragraph = "La Bolivie et le Pérou ont signé un traité. Le Chili a salué l'accord.\n\n"
    text = paragraph * 10
    pieces = text_pieces(text, 3 * len(paragraph) + 5)
    assert "".join(pieces) == text
    assert pieces[:-1] == [paragraph * 3] * 3 and pieces[-1] == paragraph  # cut after the last break
    one_line = "Une phrase. " * 20
    assert text_pieces(one_line, 50) == ["Une phrase. " * 4] * 5  # no break: after a sentence's end
    assert text_pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # a blob: at the limit
    assert text_pieces(text, len(text)) == [text]


@pytest.mark.model
def test_limits_long_article_is_parsed_in_pieces_into_one_doc(
    french_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The parse's memory grows with the characters parsed at once: an article of 200,000 characters took
    # 700 MB more than the models, and a build under a 2 GB address-space cap ran out of memory.
    paragraphs = ["Le Paraguay a condamné l'Uruguay.", "Le Chili a félicité l'Argentine pour son travail.",
                  "La Bolivie a rappelé son ambassadeur au Pérou."]  # fmt: skip
    text = "\n\n".join(paragraphs * 4)
    article = Article(id="long", path="long.txt", title="", text=text, original=text, pieces=(), lang="fr")
    ((_, whole),) = parse_articles(french_nlp, [article])
    monkeypatch.setattr(kg.nlp, "PARSE_CHARS", 120)
    parsed: list[int] = []
    real_pipe = french_nlp.pipe

    def pipe(texts: Iterable[object], **kwargs: object) -> Iterator[object]:
        for item in real_pipe(texts, **kwargs):  # called again without as_tuples by spaCy: the Docs parsed
            if not kwargs.get("as_tuples"):
                parsed.append(len(cast("Doc", item).text))
            yield item

    monkeypatch.setattr(french_nlp, "pipe", pipe)
    ((_, cut),) = parse_articles(french_nlp, [article])
    assert len(parsed) > 1 and max(parsed) <= 120
    assert cut.text == text
    spans = [(span.start_char, span.end_char, span.label_, span.ent_id_) for span in whole.ents]
    assert [(span.start_char, span.end_char, span.label_, span.ent_id_) for span in cut.ents] == spans
    assert [sentence.text for sentence in cut.sents] == [sentence.text for sentence in whole.sents]
    assert [(token.dep_, token.head.i) for token in cut] == [(token.dep_, token.head.i) for token in whole]
