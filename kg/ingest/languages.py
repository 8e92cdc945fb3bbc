"""Language identification of articles and paragraphs, with lingua (models ship in the package).

An article's language comes from its metadata when given, else from its text;
a paragraph is set aside when it is clearly in another language (photo
captions left untranslated, quotes in the original language). lingua reads a
bounded sample of the text (its first `SAMPLE_CHARS` characters, words cut to
`MAX_WORD_CHARS`): its time grows with the square of a word's length, and a
data blob pasted into an article is one word of hundreds of kilobytes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = [
    "CANDIDATE_LANGUAGES",
    "MIN_WORDS",
    "SAMPLE_CHARS",
    "MAX_WORD_CHARS",
    "detect_language",
    "find_other_language",
    "language_sample",
]

# ISO 639-1 codes lingua chooses among: the languages news paragraphs are found in.
CANDIDATE_LANGUAGES = ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pt", "ru", "uk", "zh")
# Shorter paragraphs are kept whatever they look like: identification is unreliable there.
MIN_WORDS = 5
# A paragraph is foreign when lingua gives the article's language less than this confidence.
MAX_OWN_LANGUAGE_CONFIDENCE = 0.2
# The sample lingua reads: far more than a paragraph or the 40 lines an article is identified from.
SAMPLE_CHARS = 20_000
# Longer words are cut to this length (the longest French and English words are under 30 letters).
MAX_WORD_CHARS = 64
_LONG_WORD = re.compile(rf"(\S{{{MAX_WORD_CHARS}}})\S+")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when lingua cannot tell."""
    language = _detector().detect_language_of(language_sample(text))
    return language.iso_code_639_1.name.lower() if language else None


def find_other_language(paragraph: str, lang: str) -> str | None:
    """The code of the paragraph's language if it is clearly not `lang`, else None."""
    if len(paragraph.split()) < MIN_WORDS or lang not in CANDIDATE_LANGUAGES:
        return None
    from lingua import IsoCode639_1, Language

    own = Language.from_iso_code_639_1(IsoCode639_1.from_str(lang))
    confidences = _detector().compute_language_confidence_values(language_sample(paragraph))
    if not confidences or confidences[0].language == own:
        return None
    own_confidence = next((value.value for value in confidences if value.language == own), 0.0)
    if own_confidence >= MAX_OWN_LANGUAGE_CONFIDENCE:
        return None
    return confidences[0].language.iso_code_639_1.name.lower()


def language_sample(text: str) -> str:
    """What lingua reads of a text: its first `SAMPLE_CHARS` characters, each word cut to `MAX_WORD_CHARS`."""
    return _LONG_WORD.sub(r"\1", text[:SAMPLE_CHARS])


@cache
def _detector() -> LanguageDetector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in CANDIDATE_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()
