"""Publication dates: from metadata, a dateline, reader-comment stamps or the text's dates.

Date expressions are found with patterns built from the language packs' date
words (`kg.lang.DateWords`: the locale whose babel month and day names are
read, the dateline lead, the order of day and month) and parsed by
dateparser; a date whose year the text does not give is completed only from
the article's own comment stamps, never from today. Precedence: metadata >
dateline > earliest comment stamp > latest full date mentioned. Unknown stays
None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from kg.records import ArticleDate, DatePrecision

if TYPE_CHECKING:
    from kg.lang import DateWords

__all__ = ["parse_metadata_date", "find_publication_date"]

_NUMERIC = r"\b(?P<nday>\d{1,2})/(?P<nmonth>\d{1,2})/(?P<nyear>\d{4})\b"
_ISO_PARTS = {4: DatePrecision.YEAR, 7: DatePrecision.MONTH, 10: DatePrecision.DAY}
_DAY_SUFFIX = r"(?:st|nd|rd|th)?"


def parse_metadata_date(value: str, words: Sequence[DateWords]) -> ArticleDate | None:
    """Parse a date given in metadata ("2023-09-13", "2023-09", "2023", or a date written in a pack's language)."""
    value = value.strip()
    precision = _ISO_PARTS.get(len(value))
    if precision and re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        year, month, day = [*value.split("-"), "1", "1"][:3]
        try:
            return ArticleDate(dt.date(int(year), int(month), int(day)), precision, "metadata")
        except ValueError:
            return None
    parsed = _parse(value, ("day", "month", "year"), tuple(words))
    return ArticleDate(parsed, DatePrecision.DAY, "metadata") if parsed else None


def find_publication_date(text: str, removed_texts: Iterable[str], words: Sequence[DateWords]) -> ArticleDate | None:
    """Infer the publication date from the article's text and the text cleaning removed, with the date words of
    the article's language (or of every pack, when its language has none)."""
    known = tuple(words)
    removed = "\n".join(removed_texts)
    earliest_comment = min(_numeric_dates(removed), default=None)
    dateline = _find_dateline(text + "\n" + removed, known, year_hint=earliest_comment)
    if dateline:
        return ArticleDate(dateline, DatePrecision.DAY, "dateline")
    if earliest_comment:
        return ArticleDate(earliest_comment, DatePrecision.DAY, "comments")
    mentioned = [date for date in _full_dates(text, known) if date]
    if mentioned:
        return ArticleDate(max(mentioned), DatePrecision.DAY, "mention")
    return None


def _find_dateline(text: str, words: tuple[DateWords, ...], *, year_hint: dt.date | None) -> dt.date | None:
    for pattern in _patterns(words)["dateline"]:
        for match in pattern.finditer(text):
            if match.group("nday"):
                return _numeric(match)
            date = _written(match, words, year_hint=year_hint)
            if date:
                return date
    return None


def _numeric_dates(text: str) -> list[dt.date]:
    return [date for match in re.finditer(_NUMERIC, text) if (date := _numeric(match))]


def _full_dates(text: str, words: tuple[DateWords, ...]) -> list[dt.date | None]:
    matches = [match for pattern in _patterns(words)["written"] for match in pattern.finditer(text)]
    dates = [_written(match, words, year_hint=None) for match in matches if match.group("year")]
    return dates + _numeric_dates(text)


def _numeric(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match.group("nyear")), int(match.group("nmonth")), int(match.group("nday")))
    except ValueError:
        return None


def _written(match: re.Match[str], words: tuple[DateWords, ...], *, year_hint: dt.date | None) -> dt.date | None:
    """A written date; without a year, the year of `year_hint` (or the one before, if later)."""
    day_month = f"{match.group('day')} {match.group('month')}"
    if match.group("year"):
        return _parse(f"{day_month} {match.group('year')}", ("day", "month", "year"), words)
    if year_hint is None:
        return None
    for year in (year_hint.year, year_hint.year - 1):
        date = _parse(f"{day_month} {year}", ("day", "month", "year"), words)
        if date and date <= year_hint and _weekday_agrees(match.group("weekday"), date, words):
            return date
    return None


def _weekday_agrees(weekday: str | None, date: dt.date, words: tuple[DateWords, ...]) -> bool:
    if not weekday:
        return True
    return any(_day_names(w.locale)[date.weekday()] == weekday.casefold() for w in words)


def _parse(value: str, parts: tuple[str, ...], words: tuple[DateWords, ...]) -> dt.date | None:
    import dateparser

    languages = sorted({w.locale for w in words})
    parsed = dateparser.parse(value, languages=languages, settings={"REQUIRE_PARTS": list(parts), "DATE_ORDER": "DMY"})
    return parsed.date() if parsed else None


@cache
def _day_names(locale: str) -> tuple[str, ...]:
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=locale)
    return tuple(names[index].casefold() for index in range(7))


def _patterns(words: tuple[DateWords, ...]) -> dict[str, list[re.Pattern[str]]]:
    """The written-date and dateline patterns of each language's date words, in both orders ("19 juin",
    "June 19")."""
    return _compiled(tuple((w.locale, w.dateline_lead, tuple(sorted(w.ordinals))) for w in words))


@cache
def _compiled(words: tuple[tuple[str, str, tuple[str, ...]], ...]) -> dict[str, list[re.Pattern[str]]]:
    from babel.dates import get_month_names

    written, datelines = [], []
    for locale, lead, ordinals in words:
        months = "|".join(sorted({name.casefold() for name in get_month_names("wide", locale=locale).values()}))
        weekdays = "|".join(_day_names(locale))
        day = "|".join([*ordinals, r"\d{1,2}"])
        day_first = (rf"\b(?:(?P<weekday>{weekdays})\s+)?(?P<day>{day})\s+(?P<month>{months})"
                     rf"(?:\s+(?P<year>\d{{4}}))?\b")  # fmt: skip  # "mardi 19 juin 2024", "19 June 2024"
        month_first = (rf"\b(?:(?P<weekday>{weekdays}),?\s+)?(?P<month>{months})\s+(?P<day>{day}){_DAY_SUFFIX}"
                       rf"(?:,?\s+(?P<year>\d{{4}}))?\b")  # fmt: skip  # "Tuesday, June 19, 2024"
        for pattern in (day_first, month_first):
            written.append(re.compile(pattern, re.IGNORECASE))
            datelines.append(re.compile(rf"{lead}(?:{pattern}|{_NUMERIC})", re.IGNORECASE))
    return {"written": written, "dateline": datelines}
