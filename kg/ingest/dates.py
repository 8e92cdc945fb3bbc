"""Publication dates: from metadata, a dateline, reader-comment stamps or the text's dates.

Date expressions are found with patterns built from babel's month and day
names and parsed by dateparser; a date whose year the text does not give is
completed only from the article's own comment stamps, never from today.
Precedence: metadata > dateline > earliest comment stamp > latest full date
mentioned. Unknown stays None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

from kg.records import ArticleDate, DatePrecision

__all__ = ["parse_metadata_date", "find_publication_date"]

_DATELINE_LEAD = r"\b(?:publié|publiée|mis à jour|mise à jour|modifié|modifiée)\s+le\s+"
_NUMERIC = r"\b(?P<nday>\d{1,2})/(?P<nmonth>\d{1,2})/(?P<nyear>\d{4})\b"
_ISO_PARTS = {4: DatePrecision.YEAR, 7: DatePrecision.MONTH, 10: DatePrecision.DAY}


def parse_metadata_date(value: str) -> ArticleDate | None:
    """Parse a date given in metadata ("2023-09-13", "2023-09", "2023", or a French/English date)."""
    value = value.strip()
    precision = _ISO_PARTS.get(len(value))
    if precision and re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        year, month, day = [*value.split("-"), "1", "1"][:3]
        try:
            return ArticleDate(dt.date(int(year), int(month), int(day)), precision, "metadata")
        except ValueError:
            return None
    parsed = _parse(value, ("day", "month", "year"))
    return ArticleDate(parsed, DatePrecision.DAY, "metadata") if parsed else None


def find_publication_date(text: str, removed_texts: Iterable[str] = ()) -> ArticleDate | None:
    """Infer the publication date from the article's text and the text cleaning removed."""
    removed = "\n".join(removed_texts)
    earliest_comment = min(_numeric_dates(removed), default=None)
    dateline = _find_dateline(text + "\n" + removed, year_hint=earliest_comment)
    if dateline:
        return ArticleDate(dateline, DatePrecision.DAY, "dateline")
    if earliest_comment:
        return ArticleDate(earliest_comment, DatePrecision.DAY, "comments")
    mentioned = [date for date in _full_dates(text) if date]
    if mentioned:
        return ArticleDate(max(mentioned), DatePrecision.DAY, "mention")
    return None


def _find_dateline(text: str, *, year_hint: dt.date | None) -> dt.date | None:
    for match in _patterns()["dateline"].finditer(text):
        if match.group("nday"):
            return _numeric(match)
        date = _written(match, year_hint=year_hint)
        if date:
            return date
    return None


def _numeric_dates(text: str) -> list[dt.date]:
    return [date for match in _patterns()["numeric"].finditer(text) if (date := _numeric(match))]


def _full_dates(text: str) -> list[dt.date | None]:
    dates = [_written(match, year_hint=None) for match in _patterns()["written"].finditer(text) if match.group("year")]
    return dates + _numeric_dates(text)


def _numeric(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match.group("nyear")), int(match.group("nmonth")), int(match.group("nday")))
    except ValueError:
        return None


def _written(match: re.Match[str], *, year_hint: dt.date | None) -> dt.date | None:
    """A written date; without a year, the year of `year_hint` (or the one before, if later)."""
    day_month = f"{match.group('day')} {match.group('month')}"
    if match.group("year"):
        return _parse(f"{day_month} {match.group('year')}", ("day", "month", "year"))
    if year_hint is None:
        return None
    for year in (year_hint.year, year_hint.year - 1):
        date = _parse(f"{day_month} {year}", ("day", "month", "year"))
        if date and date <= year_hint and _weekday_agrees(match.group("weekday"), date):
            return date
    return None


def _weekday_agrees(weekday: str | None, date: dt.date) -> bool:
    if not weekday:
        return True
    return _day_names()[date.weekday()] == weekday.casefold()


def _parse(value: str, parts: tuple[str, ...]) -> dt.date | None:
    import dateparser

    parsed = dateparser.parse(
        value, languages=["fr", "en"], settings={"REQUIRE_PARTS": list(parts), "DATE_ORDER": "DMY"}
    )
    return parsed.date() if parsed else None


@cache
def _day_names() -> tuple[str, ...]:
    from babel.dates import get_day_names

    names = get_day_names("wide", locale="fr")
    return tuple(names[index].casefold() for index in range(7))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    from babel.dates import get_month_names

    months = "|".join(
        sorted({name.casefold() for locale in ("fr", "en") for name in get_month_names("wide", locale=locale).values()})
    )
    weekdays = "|".join(_day_names())
    written = (
        rf"\b(?:(?P<weekday>{weekdays})\s+)?(?P<day>1er|\d{{1,2}})\s+(?P<month>{months})(?:\s+(?P<year>\d{{4}}))?\b"
    )
    return {
        "written": re.compile(written, re.IGNORECASE),
        "numeric": re.compile(_NUMERIC),
        "dateline": re.compile(rf"{_DATELINE_LEAD}(?:{written}|{_NUMERIC})", re.IGNORECASE),
    }
