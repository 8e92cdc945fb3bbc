"""Temporal expressions of a relation's clause, resolved against the article's date.

Reads the parse around a trigger: "le 19 juin", "en juillet", "en 2019",
"mercredi", "l'année dernière", "le mois dernier" ("on June 19", "last
month"). The words come from the language pack's date words
(`kg.lang.DateWords`), month and day names from babel in the pack's locale.
A date without its year, or relative to the article, is resolved only when
the article's date is known; nothing is invented.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from kg.records import ArticleDate, DatePrecision

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.lang import DateWords

__all__ = ["find_relation_date"]

TIME_DEPS = frozenset({"obl:mod", "obl", "nmod", "advmod", "obl:arg"})
YEARS = range(1900, 2101)


def find_relation_date(trigger: Token, article_date: ArticleDate | None, words: DateWords) -> ArticleDate | None:
    """The date the trigger's clause gives, resolved against the article's date; else the article's date."""
    anchor = article_date.value if article_date else None
    for token in _time_candidates(trigger):
        resolved = _resolve(token, anchor, words)
        if resolved is not None:
            return ArticleDate(resolved[0], resolved[1], "sentence")
    return article_date


def _time_candidates(trigger: Token) -> list[Token]:
    """Time modifiers of the trigger, then of the verb it depends on (a light verb, a clause head)."""
    heads = [trigger] + ([trigger.head] if trigger.head.i != trigger.i else [])
    return [child for head in heads for child in head.children if child.dep_ in TIME_DEPS]


def _resolve(token: Token, anchor: dt.date | None, words: DateWords) -> tuple[dt.date, DatePrecision] | None:
    word = token.lower_
    children = {child.lower_ for child in token.children}
    weekdays, months = _weekdays(words.locale), _months(words.locale)
    if word in weekdays:
        return _last_weekday(weekdays.index(word), anchor)
    if token.like_num and word.isdigit():
        if int(word) in YEARS:
            return dt.date(int(word), 1, 1), DatePrecision.YEAR
        month = next((months[child.lower_] for child in token.children if child.lower_ in months), None)
        if month and 1 <= int(word) <= 31:
            return _day_month(int(word), month, _year_of(token), anchor)
    if word in months:
        year = _year_of(token)
        day = next((int(c.lower_) for c in token.children if c.lower_.isdigit() and 1 <= int(c.lower_) <= 31), None)
        if day is not None:  # "June 19", "June 19, 2024": the day hangs on the month
            return _day_month(day, months[word], year, anchor)
        month = months[word]
        if year:
            return dt.date(year, month, 1), DatePrecision.MONTH
        if anchor:
            return dt.date(anchor.year if month <= anchor.month else anchor.year - 1, month, 1), DatePrecision.MONTH
    if anchor and word in words.units and children & (words.past_words | words.next_words):
        return _relative(words.units[word], -1 if children & words.past_words else 1, anchor)
    return None


def _day_month(day: int, month: int, year: int | None, anchor: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
    try:
        if year:
            return dt.date(year, month, day), DatePrecision.DAY
        if anchor:
            candidate = dt.date(anchor.year, month, day)
            return (candidate if candidate <= anchor else dt.date(anchor.year - 1, month, day)), DatePrecision.DAY
    except ValueError:
        return None
    return None


def _relative(unit: str, step: int, anchor: dt.date) -> tuple[dt.date, DatePrecision]:
    if unit == "year":
        return dt.date(anchor.year + step, 1, 1), DatePrecision.YEAR
    if unit == "month":
        month_index = anchor.year * 12 + anchor.month - 1 + step
        return dt.date(month_index // 12, month_index % 12 + 1, 1), DatePrecision.MONTH
    return anchor + dt.timedelta(weeks=step), DatePrecision.MONTH


def _last_weekday(weekday: int, anchor: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
    if anchor is None:
        return None
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7), DatePrecision.DAY


def _year_of(token: Token) -> int | None:
    for child in token.children:
        if child.like_num and child.lower_.isdigit() and int(child.lower_) in YEARS:
            return int(child.lower_)
    return None


@cache
def _weekdays(locale: str) -> tuple[str, ...]:
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=locale)
    return tuple(names[index].casefold() for index in range(7))


@cache
def _months(locale: str) -> dict[str, int]:
    from babel.dates import get_month_names

    return {name.casefold(): number for number, name in get_month_names("wide", locale=locale).items()}
