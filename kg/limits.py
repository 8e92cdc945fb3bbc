"""Bounds on what one crowded sentence brings to the co-occurrence baseline.

The baseline pairs every two actors of a sentence, once per trigger root in
it: a sentence listing 200 states gives 40,000 pairs per root. It reads the
mentions of a sentence's first `MAX_BASELINE_ACTORS` actors (in the order
they appear), so its records per sentence are bounded whatever the sentence
holds; the relations, the mentions and the graph keep every mention.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.records import Mention

__all__ = ["MAX_BASELINE_ACTORS", "bound_mentions"]

# Articles name at most 8 actors in one sentence (the seeds 6, the development corpus 8): past 12, a list.
MAX_BASELINE_ACTORS = 12


def bound_mentions(mentions: Sequence[Mention], *, max_actors: int) -> tuple[Sequence[Mention], int]:
    """The mentions of the first `max_actors` actors (by code) of each sentence, and how many were left out;
    the mentions themselves (the same object) when no sentence names more."""
    first: dict[int, dict[str, None]] = {}  # per sentence, its codes in order of appearance
    for mention in sorted(mentions, key=lambda mention: mention.start):
        codes = first.setdefault(mention.sentence, {})
        if len(codes) < max_actors:
            codes.setdefault(mention.code, None)
    kept = [mention for mention in mentions if mention.code in first[mention.sentence]]
    left_out = len(mentions) - len(kept)
    return (mentions, 0) if not left_out else (kept, left_out)
