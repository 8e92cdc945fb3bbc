"""Cleaning: only the article's own reporting reaches the parser, and nothing is lost.

Works line by line on the original text. Sets aside, with a reason: site
furniture (`data/ingest/furniture.tsv`: comment sections, "Lire aussi"
teasers, tags, photo credits), a section label above the title, repeated
lines, and paragraphs in another language. Strips HTML tags inside lines.
Normalises typographic characters one for one for the parser. Every kept
character keeps its position in the original (`TextPiece`), and every
removed span is recorded (`Removal`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.ingest.languages import detect_language, find_other_language
from kg.ingest.markup import TextRun, has_markup, strip_tags
from kg.records import FurnitureRule, Removal, RuleMatch, RuleScope, TextPiece

__all__ = ["CleanedText", "PARAGRAPH_SEPARATOR", "normalise_characters", "clean_article_text"]

PARAGRAPH_SEPARATOR = "\n\n"
WRAPPED_LINE_SEPARATOR = " "  # between the pieces of a sentence the source cut across lines
SENTENCE_FINALS = frozenset('.!?:;…»"”)')  # marks a paragraph may end with
# One-for-one replacements, so offsets survive: fr_core_news_md mis-tags "qu’" and "s’" as entities.
_CHARACTER_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200a": " ",
    "\u2010": "-", "\u2011": "-",
}  # fmt: skip
# A regular expression finds them: str.translate looks every character up, 25 times slower on French text.
_TYPOGRAPHIC = re.compile("[" + "".join(_CHARACTER_MAP) + "]")
_LIST_MARKER = re.compile(r"^\(?\d{1,2}[.)]\s+")
_LANGUAGE_SAMPLE_LINES = 40


@dataclass(frozen=True)
class CleanedText:
    """The parser's text, its map to the original, its title, language, and what was removed."""

    title: str
    text: str
    pieces: tuple[TextPiece, ...]
    removed: tuple[Removal, ...]
    lang: str | None


@dataclass(frozen=True)
class _Line:
    """A line of the original as text runs; `start`/`end` bound the whole original line."""

    runs: tuple[TextRun, ...]
    start: int
    end: int

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def normalise_characters(text: str) -> str:
    """Replace typographic apostrophes, quotes and spaces by ASCII ones, one character for one."""
    return _TYPOGRAPHIC.sub(_ascii_equivalent, text)


def _ascii_equivalent(match: re.Match[str]) -> str:
    return _CHARACTER_MAP[match.group()]


def clean_article_text(
    original: str,
    *,
    lang: str | None,
    rules: Iterable[FurnitureRule],
    section_labels: frozenset[str],
) -> CleanedText:
    """Clean an article's original text (see the module docstring); `lang` None means detect it."""
    rules = tuple(rules)
    removed: list[Removal] = []
    lines = _cut_at_rest_rule(_read_lines(original), rules, original, removed)
    lines = [kept for line in lines if (kept := _apply_line_rules(line, rules, original, removed))]
    lines = _drop_section_label(lines, section_labels, original, removed)
    lines = _drop_repeated_lines(lines, original, removed)
    if lang is None and lines:
        lang = detect_language("\n".join(line.text for line in lines[:_LANGUAGE_SAMPLE_LINES]))
    if lang:
        lines = _drop_other_languages(lines, lang, original, removed)
    text, pieces = _assemble(lines)
    title = lines[0].text if lines else ""
    return CleanedText(title, text, pieces, tuple(sorted(removed, key=lambda item: item.start)), lang)


def _read_lines(original: str) -> list[_Line]:
    lines = []
    position = 0
    for raw in original.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        runs = strip_tags(content) if has_markup(content) else [TextRun(content, 0, len(content))]
        shifted = tuple(TextRun(run.text, run.start + position, run.end + position) for run in runs)
        line = _strip(_Line(shifted, position, position + len(content)))
        if line.text:
            lines.append(line)
        position += len(raw)
    return lines


def _cut_at_rest_rule(
    lines: list[_Line], rules: tuple[FurnitureRule, ...], original: str, removed: list[Removal]
) -> list[_Line]:
    rest_rules = [rule for rule in rules if rule.scope is RuleScope.REST]
    for index, line in enumerate(lines):
        folded = _fold(line.text)
        rule = next((rule for rule in rest_rules if _matches(rule, folded)), None)
        if rule and index > 0:
            end = lines[-1].end
            removed.append(Removal(rule.reason, original[line.start : end], line.start, end))
            return lines[:index]
    return lines


def _apply_line_rules(
    line: _Line, rules: tuple[FurnitureRule, ...], original: str, removed: list[Removal]
) -> _Line | None:
    folded = _fold(line.text)
    for rule in rules:
        if rule.scope is RuleScope.LINE and _matches(rule, folded):
            removed.append(Removal(rule.reason, original[line.start : line.end], line.start, line.end))
            return None
        if rule.scope in (RuleScope.PREFIX, RuleScope.SUFFIX):
            match = re.search(rule.pattern, line.text, re.IGNORECASE)
            if match and match.end() > match.start():
                line, span = _cut(line, match.start(), match.end())
                removed.append(Removal(rule.reason, original[span[0] : span[1]], *span))
                if not line.text:
                    return None
                folded = _fold(line.text)
    return line


def _fold(text: str) -> str:
    """The text as rules see it: ASCII punctuation, single spaces, case folded."""
    return " ".join(normalise_characters(text).split()).casefold()


def _matches(rule: FurnitureRule, folded: str) -> bool:
    if rule.match is RuleMatch.EXACT:
        return folded == rule.pattern
    if rule.match is RuleMatch.PREFIX:
        return folded.startswith(rule.pattern)
    return re.search(rule.pattern, folded, re.IGNORECASE) is not None


def _drop_section_label(
    lines: list[_Line], section_labels: frozenset[str], original: str, removed: list[Removal]
) -> list[_Line]:
    if len(lines) < 2:
        return lines
    first = lines[0].text.strip(" .:|-").casefold()
    is_single_word = first.replace("-", "").isalpha() and first.count(" ") == 0
    if first in section_labels or is_single_word:
        removed.append(Removal("section-label", original[lines[0].start : lines[0].end], lines[0].start, lines[0].end))
        return lines[1:]
    return lines


def _drop_repeated_lines(lines: list[_Line], original: str, removed: list[Removal]) -> list[_Line]:
    seen: set[str] = set()
    kept = []
    for line in lines:
        key = _LIST_MARKER.sub("", _fold(line.text))
        if key in seen:
            removed.append(Removal("repeated-line", original[line.start : line.end], line.start, line.end))
            continue
        seen.add(key)
        kept.append(line)
    return kept


def _drop_other_languages(lines: list[_Line], lang: str, original: str, removed: list[Removal]) -> list[_Line]:
    kept = []
    for index, line in enumerate(lines):
        other = None if index == 0 else find_other_language(normalise_characters(line.text), lang)
        if other:
            removed.append(Removal(f"language:{other}", original[line.start : line.end], line.start, line.end))
        else:
            kept.append(line)
    return kept


def _assemble(lines: list[_Line]) -> tuple[str, tuple[TextPiece, ...]]:
    """The lines as paragraphs, but a line cut inside a sentence (it ends with no final mark and the next one
    starts in lower case) goes on with the next one."""
    parts: list[str] = []
    pieces: list[TextPiece] = []
    offset = 0
    previous = ""
    for line in lines:
        if parts:
            wrapped = previous[-1:] not in SENTENCE_FINALS and line.text[:1].islower()
            separator = WRAPPED_LINE_SEPARATOR if wrapped else PARAGRAPH_SEPARATOR
            parts.append(separator)
            offset += len(separator)
        previous = line.text.rstrip()
        for run in line.runs:
            text = normalise_characters(run.text)
            pieces.append(TextPiece(offset, offset + len(text), run.start, run.end))
            parts.append(text)
            offset += len(text)
    return "".join(parts), tuple(pieces)


def _strip(line: _Line) -> _Line:
    """Drop white space at both ends of the line's text, keeping positions exact."""
    text = line.text
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    if lead:
        line, _ = _cut(line, 0, lead)
    if trail:
        length = len(line.text)
        line, _ = _cut(line, length - trail, length)
    return line


def _cut(line: _Line, start: int, end: int) -> tuple[_Line, tuple[int, int]]:
    """Remove text[start:end] from the line; return the rest and the original span removed.

    A run whose text length differs from its original span (a decoded entity)
    cannot be split: it goes wholly to whichever side holds its start.
    """
    kept: list[TextRun] = []
    span_start: int | None = None
    span_end = line.start
    offset = 0
    for run in line.runs:
        run_start, run_end = offset, offset + len(run.text)
        offset = run_end
        exact = run.end - run.start == len(run.text)
        cut_from, cut_to = max(start, run_start), min(end, run_end)
        if cut_from >= cut_to or (not exact and not start <= run_start < end):
            kept.append(run)
            continue
        if not exact:
            cut_from, cut_to = run_start, run_end
        if cut_from > run_start:
            kept.append(TextRun(run.text[: cut_from - run_start], run.start, run.start + cut_from - run_start))
        if cut_to < run_end:
            kept.append(TextRun(run.text[cut_to - run_start :], run.start + cut_to - run_start, run.end))
        removed_start = run.start + (cut_from - run_start if exact else 0)
        removed_end = run.start + (cut_to - run_start) if exact else run.end
        span_start = removed_start if span_start is None else span_start
        span_end = removed_end
    if span_start is None:
        return line, (line.start, line.start)
    line_start, line_end = line.start, line.end
    if start == 0:
        span_start, line_start = line.start, span_end
    if end >= len(line.text):
        span_end, line_end = line.end, span_start
    return _Line(tuple(kept), line_start, line_end), (span_start, span_end)
