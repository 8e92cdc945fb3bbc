"""HTML: whole pages to text (trafilatura), and stray tags inside text lines to plain runs.

`extract_page` reads a web page's main text and metadata; `strip_tags` turns
one line that carries HTML fragments (`<p>…</p>`, `<strong>`) into runs of
plain text, each with its position in the line, so cleaned text still maps
back to the original characters. A page nested deeper than libxml2 (under
trafilatura) reads is flattened first (`flatten_nesting`), its text kept.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError

__all__ = [
    "MIN_PAGE_WORDS",
    "MAX_NESTING",
    "TextRun",
    "PageText",
    "has_markup",
    "strip_tags",
    "extract_page",
    "is_too_deep",
    "flatten_nesting",
]

# A page whose main text is shorter than this holds no article (a menu, an error page).
MIN_PAGE_WORDS = 5
# Elements whose content is never article text.
_SKIPPED_ELEMENTS = frozenset({"script", "style", "noscript", "template"})
# libxml2 stops reading a page at 256 nested elements (everything deeper is lost, with trafilatura's warning
# "discarding data: None"); tags nested deeper than this are dropped before, their text kept.
MAX_NESTING = 200
# Elements that never hold others (no end tag): they open no level.
_VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                            "source", "track", "wbr"})  # fmt: skip


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
    """Extract a web page's main text and metadata with trafilatura (the page flattened first when it is nested
    too deep for the parser under it)."""
    import trafilatura

    if is_too_deep(page):
        page = flatten_nesting(page)
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


def is_too_deep(page: str) -> bool:
    """Whether libxml2 (which trafilatura parses with) would stop reading the page at its nesting limit."""
    from lxml import etree

    parser = etree.HTMLParser(encoding="utf-8")
    try:  # bytes, as trafilatura gives them: lxml refuses text that declares an encoding
        etree.fromstring(page.encode("utf-8", "replace"), parser)
    except etree.LxmlError:  # an empty or unparsable page: trafilatura says so
        return False
    return any(entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for entry in parser.error_log)


def flatten_nesting(page: str, *, max_depth: int = MAX_NESTING) -> str:
    """The page without the tags that open (or close) elements nested deeper than `max_depth`: their text stays
    where it was, in the element at `max_depth`."""
    parser = _DepthParser(page, max_depth)
    parser.feed(page)
    parser.close()
    kept, start = [], 0
    for cut_start, cut_end in parser.cuts:
        kept.append(page[start:cut_start])
        start = cut_end
    kept.append(page[start:])
    return "".join(kept)


class _DepthParser(HTMLParser):
    """Follows the open elements of a page and records the spans of the tags nested deeper than `max_depth`.

    An end tag closes its element and those left open inside it, as browsers read it; an end tag of no open
    element is ignored. Counting open elements by name keeps each tag O(1), however deep the page."""

    def __init__(self, page: str, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.page, self.max_depth = page, max_depth
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", page)]
        self.open: list[tuple[str, bool]] = []  # (tag, dropped)
        self.open_names: Counter[str] = Counter()
        self.cuts: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_ELEMENTS:
            return
        dropped = len(self.open) >= self.max_depth
        if dropped:
            start = self._offset()
            self.cuts.append((start, start + len(self.get_starttag_text() or "")))
        self.open.append((tag, dropped))
        self.open_names[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.open_names[tag]:
            return
        while True:
            name, dropped = self.open.pop()
            self.open_names[name] -= 1
            if name == tag:
                break
        if dropped:
            start = self._offset()
            self.cuts.append((start, self.page.index(">", start) + 1))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column


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
