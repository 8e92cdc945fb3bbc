"""Relation dates: the clause's temporal expression, resolved against the article's date, never invented."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.lang.fr import French
from spacy.tokens import Doc

from kg.lang import load_pack
from kg.records import ArticleDate, DatePrecision
from kg.temporal import find_relation_date

VOCAB = French().vocab
FRENCH = load_pack("fr").dates
PUBLISHED = ArticleDate(dt.date(2023, 9, 13), DatePrecision.DAY, "dateline")  # a Wednesday


def trigger_with(words: list[str], deps: list[str], heads: list[int]) -> Doc:
    """A parse whose token 0 is the trigger ("visite") and the rest its time modifiers."""
    return Doc(VOCAB, words=["visite", *words], deps=["ROOT", *deps], heads=[0, *heads])


@pytest.mark.parametrize(
    ("words", "deps", "heads", "expected"),
    [
        (["mercredi"], ["obl:mod"], [0], ("2023-09-13", DatePrecision.DAY)),
        (["lundi"], ["obl:mod"], [0], ("2023-09-11", DatePrecision.DAY)),
        (["le", "19", "juin"], ["det", "obl:mod", "nmod"], [2, 0, 2], ("2023-06-19", DatePrecision.DAY)),
        (["le", "19", "décembre"], ["det", "obl:mod", "nmod"], [2, 0, 2], ("2022-12-19", DatePrecision.DAY)),
        (["en", "juillet"], ["case", "obl:mod"], [2, 0], ("2023-07-01", DatePrecision.MONTH)),
        (["en", "2019"], ["case", "obl:mod"], [2, 0], ("2019-01-01", DatePrecision.YEAR)),
        (["l'", "année", "dernière"], ["det", "obl:mod", "amod"], [2, 0, 2], ("2022-01-01", DatePrecision.YEAR)),
        (["le", "mois", "dernier"], ["det", "obl:mod", "amod"], [2, 0, 2], ("2023-08-01", DatePrecision.MONTH)),
    ],
)
def test_temporal_expression_resolves_against_the_article_date(words, deps, heads, expected) -> None:
    doc = trigger_with(words, deps, heads)
    date = find_relation_date(doc[0], PUBLISHED, FRENCH)
    assert date is not None and (date.value.isoformat(), date.precision, date.source) == (*expected, "sentence")


def test_temporal_without_expression_takes_the_article_date() -> None:
    doc = trigger_with(["historique"], ["amod"], [0])
    assert find_relation_date(doc[0], PUBLISHED, FRENCH) == PUBLISHED


def test_temporal_relative_expression_without_article_date_stays_unknown() -> None:
    assert find_relation_date(trigger_with(["mercredi"], ["obl:mod"], [0])[0], None, FRENCH) is None
    assert find_relation_date(trigger_with(["en", "juillet"], ["case", "obl:mod"], [2, 0])[0], None, FRENCH) is None


def test_temporal_year_needs_no_article_date() -> None:
    date = find_relation_date(trigger_with(["en", "2018"], ["case", "obl:mod"], [2, 0])[0], None, FRENCH)
    assert date is not None and date.isoformat() == "2018"
