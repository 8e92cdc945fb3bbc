"""Ingestion of the seed corpus: titles, dates, and what cleaning removes (issue: Foundation)."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest

from kg.ingest.cleaning import normalise_characters
from kg.records import Article, DatePrecision

TITLES = {
    "000": "Poutine et Kim approfondissent leurs liens, stimulés par la guerre en Ukraine",
    "001": "Kim Jong-un en Russie\u00a0: Vladimir Poutine vante « des perspectives » de coopération militaire"
    " avec la Corée du Nord",
    "002": "Poutine rencontre Kim Jong-un à la recherche de nouveaux armements",
    "003": "Maintenant que Kim Jong-un envisage un voyage en Russie : « Il y a des bombardements sans fin, "
    "tôt ou tard il faut faire ses achats à l’étranger »",
    "004": "Kim Jong Un cultive des liens plus étroits avec Vladimir Poutine après la guerre en Ukraine",
}


def test_ingest_reads_all_five_seeds(seed_articles: dict[str, Article]) -> None:
    assert sorted(seed_articles) == ["000", "001", "002", "003", "004"]
    assert all(article.lang == "fr" for article in seed_articles.values())


@pytest.mark.parametrize("key", sorted(TITLES))
def test_ingest_seed_title_is_right(seed_articles: dict[str, Article], key: str) -> None:
    assert seed_articles[key].title == TITLES[key]
    assert seed_articles[key].text.startswith(normalise_characters(TITLES[key]))


def test_ingest_section_label_is_not_the_title(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["000"]
    assert not article.text.startswith("Europe")
    assert [removal.text for removal in article.removed if removal.reason == "section-label"] == ["Europe"]


def test_ingest_stated_date_with_year_from_comment_stamps(seed_articles: dict[str, Article]) -> None:
    # "Article publié le mercredi 13 septembre" gives no year; the comments are stamped 13-14/09/2023.
    date = seed_articles["001"].date
    assert date is not None
    assert (date.value, date.precision, date.source) == (dt.date(2023, 9, 13), DatePrecision.DAY, "dateline")


def test_ingest_date_from_full_date_in_text(seed_articles: dict[str, Article]) -> None:
    date = seed_articles["002"].date
    assert date is not None and date.value == dt.date(2024, 6, 19) and date.precision is DatePrecision.DAY


@pytest.mark.parametrize("key", ["000", "003", "004"])
def test_ingest_unstated_date_stays_unknown(seed_articles: dict[str, Article], key: str) -> None:
    assert seed_articles[key].date is None


def test_ingest_reader_comments_are_removed_and_kept_aside(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["001"]
    for comment_text in (
        "Signaler",
        "à écrit le",
        "Mouais bon",
        "Les USA ne savent que pousser au pire",
        "Commentaires 6",
    ):
        assert comment_text not in article.text
    comments = [removal for removal in article.removed if removal.reason == "comments"]
    assert len(comments) == 1 and "Les USA ne savent que pousser au pire" in comments[0].text
    # The article's own last paragraphs are still there.
    assert "moderniser ses équipements de l'ère soviétique" in article.text


def test_ingest_spanish_captions_are_removed(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["002"]
    for spanish in ("El presidente", "Pie de foto", "El líder norcoreano", "En esta foto de archivo"):
        assert spanish not in article.text
    assert sum(removal.reason.startswith("language:") for removal in article.removed) == 5
    # The French translations of the captions stay, credits cut off.
    assert "Le dirigeant nord-coréen Kim Jong Un serre la main du président russe" in article.text
    assert "AFP/" not in article.text and "<p>" not in article.text and "<strong>" not in article.text


def test_ingest_repeated_caption_is_kept_once(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["001"]
    caption = "Kim Jong-un et Vladimir Poutine se sont rencontrés en Russie, ce qui n'était plus arrivé depuis 2019."
    assert article.text.count(caption) == 1
    assert "Crédits" not in article.text


@pytest.mark.parametrize(
    ("key", "furniture"),
    [
        ("000", "Source link"),
        ("000", "Articles similaires"),
        ("000", "Laisser un commentaire"),
        ("000", "Bouton retour en haut de la page"),
        ("001", "Lire aussi"),
        ("003", "ttn-fr-31"),
        ("004", "ttn-fr-56"),
        ("004", "©"),
    ],
)
def test_ingest_site_furniture_is_removed(seed_articles: dict[str, Article], key: str, furniture: str) -> None:
    assert furniture not in seed_articles[key].text
    assert any(furniture in removal.text for removal in seed_articles[key].removed)


def test_ingest_no_typographic_apostrophes_reach_the_parser(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        assert "\u2019" not in article.text and "«" not in article.text and "\u00a0" not in article.text


def test_ingest_every_cleaned_span_maps_back_to_the_original(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        for piece in article.pieces:
            cleaned = article.text[piece.start : piece.end]
            assert normalise_characters(article.original[piece.original_start : piece.original_end]) == cleaned


def test_ingest_sentence_span_quotes_the_original_exactly(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["000"]
    sentence = "Il avait auparavant salué l'effort de guerre de la Russie"
    start = article.text.index(sentence)
    quoted = article.original_text(start, start + len(sentence))
    assert quoted == "Il avait auparavant salué l’effort de guerre de la Russie"
    assert quoted in article.original


def test_ingest_removed_spans_are_exact_and_disjoint(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        spans = sorted((removal.start, removal.end) for removal in article.removed)
        assert all(end <= next_start for (_, end), (next_start, _) in pairwise(spans))
        for removal in article.removed:
            assert article.original[removal.start : removal.end] == removal.text
