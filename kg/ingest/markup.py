"""HTML: whole pages to text (trafilatura), and stray tags inside text lines to plain runs.

`extract_page` reads a web page's main text and metadata; `strip_tags` turns
one line that carries HTML fragments (`<p>…</p>`, `<strong>`) into runs of
plain text, each with its position in the line, so cleaned text still maps
back to the original characters.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError

__all__ = ["MIN_PAGE_WORDS", "TextRun", "PageText", "has_markup", "strip_tags", "extract_page"]

# A page whose main text is shorter than this holds no article (a menu, an error page).
MIN_PAGE_WORDS = 5
# Elements whose content is never article text.
_SKIPPED_ELEMENTS = frozenset({"script", "style", "noscript", "template"})


@dataclass(frozen=True)
class TextRun:
    """Plain text and the [start, end) span of the line it was read from."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class PageText:
    """What a web page holds for us: its main text and metadata (None where the page says nothing)."""

    title: str | None
    text: str
    date: str | None
    url: str | None
    source: str | None
    lang: str | None


def has_markup(line: str) -> bool:
    """True when the line may carry HTML tags or entities worth parsing."""
    return ("<" in line and ">" in line) or "&" in line


def strip_tags(line: str) -> list[TextRun]:
    """Split one line into the plain-text runs between its HTML tags, entities decoded."""
    parser = _RunParser()
    parser.feed(line)
    parser.close()
    return parser.runs(line)


def extract_page(page: str, path: str | Path) -> PageText:
    """Extract a web page's main text and metadata with trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None or len((document.text or "").split()) < MIN_PAGE_WORDS:
        raise InputError(path, "no article text found in the HTML page")
    return PageText(
        title=document.title or None,
        text=document.text,
        date=document.date or None,
        url=document.url or None,
        source=document.sitename or document.hostname or None,
        lang=document.language or None,
    )


class _RunParser(HTMLParser):
    """Records where each tag, text and entity event starts; `runs` turns them into text runs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self._events: list[tuple[str, int]] = []  # (kind: "tag" | "data" | "entity", start column)
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._events.append(("tag", self._column()))
        if tag in _SKIPPED_ELEMENTS:
            self._skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        self._events.append(("tag", self._column()))
        if tag in _SKIPPED_ELEMENTS and self._skip_depth:
            self._skip_depth -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._events.append(("tag", self._column()))

    def handle_data(self, data: str) -> None:
        self._events.append(("tag" if self._skip_depth else "data", self._column()))

    def handle_entityref(self, name: str) -> None:
        self._events.append(("tag" if self._skip_depth else "entity", self._column()))

    handle_charref = handle_entityref

    def handle_comment(self, data: str) -> None:
        self._events.append(("tag", self._column()))

    handle_decl = handle_pi = unknown_decl = handle_comment

    def runs(self, line: str) -> list[TextRun]:
        """The text runs of `line`; each event ends where the next one starts."""
        ends = [start for _, start in self._events[1:]] + [len(line)]
        runs = []
        for (kind, start), end in zip(self._events, ends, strict=True):
            if kind == "tag" or end <= start:
                continue
            raw = line[start:end]
            # html.unescape leaves unknown entities ("AT&T") as they are.
            runs.append(TextRun(html.unescape(raw) if kind == "entity" else raw, start, end))
        return runs

    def _column(self) -> int:
        return self.getpos()[1]
