"""Evaluation of extracted relations against gold relations: the project's scores, and why each error happened.

Reads JSON Lines relation files (the gold schema: article, source, target,
cameo, mode, symmetric) and, to explain the errors, a build's articles
(original text), actor mentions and co-occurrence baseline (every trigger word
of every sentence with two actors). Scores are micro-averaged precision,
recall and F1 over the gold's articles (or a given set), exactly as the
project's scorer computes them: three views (event: the CAMEO root; dyad: the
actor pair; quad: GDELT's QuadClass) on the main modes (asserted and
hypothetical; negated relations left out), the event view per root and per
mode. Each event-view miss and false positive gets an `ErrorClass`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from kg.errors import InputError
from kg.records import CameoCode, Mode, QuadClass, from_json
from kg.resources import load_cameo_codes

__all__ = [
    "MAIN_MODES",
    "MODES",
    "VIEWS",
    "ErrorClass",
    "Quote",
    "Relation",
    "Scored",
    "Score",
    "RelationError",
    "Span",
    "Corpus",
    "Evaluation",
    "read_relations",
    "read_corpus",
    "read_article_ids",
    "to_tuples",
    "score_view",
    "evaluate",
    "locate_evidence",
]

MAIN_MODES = (Mode.ASSERTED, Mode.HYPOTHETICAL)
MODES = tuple(Mode)
VIEWS = ("event", "dyad", "quad")
RELATION_FIELDS = frozenset({"article", "source", "target", "cameo"})
# Characters folded one for one before evidence is searched in an article: typographic quotes, apostrophes, dashes.
FOLDED = str.maketrans({"’": "'", "‘": "'", "‛": "'", "ʼ": "'", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
                        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"})  # fmt: skip

Side = Literal["miss", "false positive"]


class ErrorClass(StrEnum):
    """Why a gold tuple was missed or a system tuple is a false positive; misses are classed in this order."""

    WRONG_MODE = "wrong mode"  # same pair and root on the other side, but negated (or not negated)
    WRONG_DIRECTION = "wrong direction"  # same root, pair reversed
    WRONG_CODE = "wrong code"  # same pair, another root, in the same sentence
    ARTICLE_NOT_ANALYSED = "article not analysed"  # not in the build, or not analysed (an unsupported language)
    ACTOR_MISSED = "actor missed"  # a gold actor has no mention in the article
    NOT_LOCATED = "not located"  # the gold evidence is not found in the article's text
    IMPLICIT_PARTICIPANT = "implicit participant"  # both actors mentioned, not both in the evidence sentence
    NO_TRIGGER = "no trigger"  # both in the sentence, no trigger word in it
    NO_CANDIDATE = "no candidate"  # trigger words in the sentence, none of the gold's root
    NO_TRIGGER_OR_CANDIDATE = "no trigger or candidate"  # the two above, when the baseline is absent
    NO_FRAME_SLOT = "trigger but no frame slot"  # a trigger of the gold's root in the sentence, no relation
    UNCLASSIFIED = "unclassified"  # no build outputs (articles, mentions) to look into
    SPURIOUS_PAIR = "spurious pair"  # false positive: the gold does not relate the pair in the article


@dataclass(frozen=True)
class Quote:
    """An evidence sentence of a relation as the errors are explained from it: its text (none in a baseline
    record, which gives offsets only) and its trigger word with the trigger's offsets in the original text."""

    text: str = ""
    trigger: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True)
class Relation:
    """A relation as it is scored: the gold schema's fields (`cameo` the two-digit root) and, for a build's
    relations (`relations.jsonl`, `cooccurrence.jsonl`, read from their `Event` records' JSON), its evidences."""

    article: str
    source: str
    target: str
    cameo: str
    mode: Mode = Mode.ASSERTED
    symmetric: bool = False
    evidence: str = ""
    evidences: tuple[Quote, ...] = ()


@dataclass(frozen=True, order=True)
class Scored:
    """A relation reduced to what one view scores: its article and actors, its `label` (the CAMEO root in the
    event view, the QuadClass in the quad view, nothing in the dyad view) and whether it is symmetric."""

    article: str
    source: str
    target: str
    label: str | int
    symmetric: bool

    def key(self) -> tuple[str, str | int, frozenset[str]]:
        """What two tuples that may match share: the article, the label and the unordered pair."""
        return self.article, self.label, frozenset((self.source, self.target))

    def matches(self, other: Scored) -> bool:
        """True for the same direction, or either way when one of them is symmetric (same `key` assumed)."""
        return (self.source, self.target) == (other.source, other.target) or self.symmetric or other.symmetric


Pairs = dict[tuple[str, frozenset[str]], list[Relation]]  # (article, unordered pair) -> relations


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one view, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    gold: int
    system: int
    found: int


@dataclass(frozen=True)
class RelationError:
    """One event-view error: a gold tuple missed, or a system tuple matching no gold tuple, and its class.

    `evidence` is the gold's sentence for a miss, the system's for a false positive (with its `trigger`);
    `counterpart` is the relation on the other side that decided the class ("RUS>PRK 11 negated"), if any.
    """

    side: Side
    error_class: ErrorClass
    article: str
    source: str
    target: str
    root: str
    mode: Mode
    symmetric: bool
    evidence: str
    trigger: str = ""
    counterpart: str = ""


@dataclass(frozen=True)
class Span:
    """A labelled stretch of an article's original text: an actor mention (`label` its code) or a trigger word
    (`label` its CAMEO root)."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Corpus:
    """What a build read and found, to explain misses: per article, the original text, actor mentions and trigger
    words (original offsets), and why an article read was not analysed. `has_baseline`: the triggers include the
    co-occurrence baseline's, i.e. every trigger word of every sentence with two actors, not only those of the
    extracted relations."""

    originals: Mapping[str, str]
    mentions: Mapping[str, tuple[Span, ...]]
    triggers: Mapping[str, tuple[Span, ...]]
    has_baseline: bool
    unanalysed: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Evaluation:
    """The three views, the event view per CAMEO root and per mode, the event-view misses and false positives,
    each error with its class, and notes on what the classes could not see."""

    views: dict[str, Score]
    per_root: dict[str, Score]
    per_mode: dict[str, Score]
    misses: tuple[Scored, ...]
    false_positives: tuple[Scored, ...]
    errors: tuple[RelationError, ...] = ()
    notes: tuple[str, ...] = ()

    def error_counts(self, side: Side) -> dict[ErrorClass, int]:
        """The number of errors of each class on one side, in the classes' order (classes with none left out)."""
        counts = Counter(error.error_class for error in self.errors if error.side == side)
        return {error_class: counts[error_class] for error_class in ErrorClass if counts[error_class]}


def read_relations(path: Path) -> list[Relation]:
    """Read a relations file (gold or system) as `Relation` records; `InputError` with file:line for a bad
    line."""
    relations = []
    for number, row in _read_jsonl(path, RELATION_FIELDS, what="relations"):
        row = row | {"cameo": str(row["cameo"]).zfill(2)[:2], "mode": row.get("mode") or Mode.ASSERTED,
                     "symmetric": bool(row.get("symmetric")), "evidence": str(row.get("evidence") or "")}  # fmt: skip
        try:
            relations.append(from_json(Relation, row))
        except ValueError as error:
            raise InputError(path, f"not a relation: {error}", line=number) from error
    return relations


def read_corpus(
    articles_path: Path,
    mentions_path: Path,
    cooccurrence_path: Path | None = None,
    *,
    manifest_path: Path | None = None,
    articles: set[str] | None = None,
) -> Corpus:
    """Read a build's articles, mentions and (if given) co-occurrence baseline and manifest (`build.json`, for
    the articles not analysed), restricted to `articles`."""

    def wanted(article: str) -> bool:
        return articles is None or article in articles

    originals = {
        record["id"]: record["original"]
        for _, record in _read_jsonl(articles_path, frozenset({"id", "original"}), what="articles")
        if wanted(record["id"])
    }
    mention_fields = frozenset({"article", "code", "original_start", "original_end"})
    mentions: dict[str, list[Span]] = {}
    for _, record in _read_jsonl(mentions_path, mention_fields, what="mentions"):
        if wanted(record["article"]):
            span = Span(record["code"], record["original_start"], record["original_end"])
            mentions.setdefault(record["article"], []).append(span)
    triggers: dict[str, set[Span]] = {}
    if cooccurrence_path is not None:
        for relation in read_relations(cooccurrence_path):
            if wanted(relation.article):
                triggers.setdefault(relation.article, set()).update(_trigger_spans(relation))
    return Corpus(
        originals,
        {article: tuple(spans) for article, spans in mentions.items()},
        {article: tuple(sorted(spans, key=lambda span: span.start)) for article, spans in triggers.items()},
        has_baseline=cooccurrence_path is not None,
        unanalysed={article: why for article, why in _read_unanalysed(manifest_path).items() if wanted(article)},
    )


def read_article_ids(folder: Path) -> set[str]:
    """The article ids of a folder of articles: the stems of its `.txt` files (read recursively)."""
    if not folder.is_dir():
        raise InputError(folder, "not a folder of articles (.txt files)")
    return {path.stem for path in folder.rglob("*.txt")}


def to_tuples(
    relations: Iterable[Relation],
    view: str,
    articles: set[str],
    *,
    modes: Sequence[Mode] = MAIN_MODES,
    codes: Mapping[str, CameoCode] | None = None,
) -> set[Scored]:
    """Reduce relations to the scored tuples of a view (given modes, articles of the gold, no self-pairs); the
    quad view labels a relation with its root's QuadClass in `codes` (default: `data/cameo/codes.tsv`)."""
    quadclasses = _quadclasses(codes) if view == "quad" else {}
    tuples = set()
    for relation in relations:
        if relation.article not in articles or relation.mode not in modes or relation.source == relation.target:
            continue
        label = {"event": relation.cameo, "quad": quadclasses.get(relation.cameo, 0), "dyad": ""}[view]
        tuples.add(Scored(relation.article, relation.source, relation.target, label, relation.symmetric))
    return tuples


def score_view(gold: set[Scored], system: set[Scored]) -> tuple[Score, set[Scored], set[Scored]]:
    """Score one view; also return the gold tuples found and the system tuples that hit."""
    found, hits = _match(gold, system)
    precision = len(hits) / len(system) if system else 0.0
    recall = len(found) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    score = Score(round(precision, 3), round(recall, 3), round(f1, 3), len(gold), len(system), len(found))
    return score, found, hits


def evaluate(
    gold_rows: Sequence[Relation],
    system_rows: Sequence[Relation],
    *,
    articles: set[str] | None = None,
    corpus: Corpus | None = None,
    codes: Mapping[str, CameoCode] | None = None,
) -> Evaluation:
    """Score system relations against gold relations on the gold's articles (or `articles`), and class each
    event-view error; misses past `wrong code` need the build's `corpus` (else they stay `unclassified`). The
    quad view reads each root's QuadClass from `codes` (default: `data/cameo/codes.tsv`)."""
    articles = articles if articles is not None else {relation.article for relation in gold_rows}
    views = {}
    for view in VIEWS:
        gold = to_tuples(gold_rows, view, articles, codes=codes)
        system = to_tuples(system_rows, view, articles, codes=codes)
        views[view], found, hits = score_view(gold, system)
        if view == "event":
            gold_event, system_event, misses, false_positives = gold, system, gold - found, system - hits
    per_root = {}
    for root in sorted({str(item.label) for item in gold_event | system_event}):
        per_root[root], _, _ = score_view(
            {item for item in gold_event if item.label == root}, {item for item in system_event if item.label == root}
        )
    per_mode = {
        mode: score_view(
            to_tuples(gold_rows, "event", articles, modes=(mode,)),
            to_tuples(system_rows, "event", articles, modes=(mode,)),
        )[0]
        for mode in MODES
    }
    gold_scoped = [row for row in gold_rows if row.article in articles and row.source != row.target]
    system_scoped = [row for row in system_rows if row.article in articles and row.source != row.target]
    gold_pairs, system_pairs = _by_pair(gold_scoped), _by_pair(system_scoped)
    if corpus is not None:  # the system's own triggers count too: without the baseline they are the only ones known
        corpus = replace(corpus, triggers=_with_triggers(corpus.triggers, system_scoped))
    errors = [_explain_miss(row, system_pairs, corpus) for row in _representatives(gold_scoped, misses)]
    errors += [_explain_false_positive(row, gold_pairs) for row in _representatives(system_scoped, false_positives)]
    return Evaluation(
        views, per_root, per_mode, tuple(sorted(misses)), tuple(sorted(false_positives)), tuple(errors),
        _notes(corpus),
    )  # fmt: skip


def locate_evidence(text: str, evidence: str) -> tuple[int, int] | None:
    """Where `evidence` is in `text` (start, end), tolerant of whitespace, case and typographic quotes, apostrophes
    and dashes; None if it is not there."""
    folded, offsets = _fold(text)
    needle, _ = _fold(evidence.strip())
    at = folded.find(needle) if needle else -1
    if at < 0:
        return None
    return offsets[at], offsets[at + len(needle) - 1] + 1


def _quadclasses(codes: Mapping[str, CameoCode] | None) -> dict[str, QuadClass]:
    """Each CAMEO root's QuadClass, as the codes table gives it."""
    codes = load_cameo_codes() if codes is None else codes
    return {code.code: code.quadclass for code in codes.values() if code.code == code.root}


def _read_jsonl(path: Path, fields: frozenset[str], *, what: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read {what}: {error}") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(path, f"not JSON: {error}", line=number) from error
        missing = fields - set(row) if isinstance(row, dict) else {"an object"}
        if missing:
            raise InputError(path, f"missing {sorted(missing)}", line=number)
        yield number, row


def _read_unanalysed(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"cannot read the build manifest: {error}") from error
    unanalysed = manifest.get("unanalysed") if isinstance(manifest, dict) else None
    return {str(article): str(why) for article, why in unanalysed.items()} if isinstance(unanalysed, dict) else {}


def _trigger_spans(relation: Relation) -> Iterator[Span]:
    for evidence in relation.evidences:
        if evidence.trigger_start is not None and evidence.trigger_end is not None:
            yield Span(relation.cameo, evidence.trigger_start, evidence.trigger_end)


def _index(tuples: set[Scored]) -> dict[tuple[str, str | int, frozenset[str]], list[Scored]]:
    index: dict[tuple[str, str | int, frozenset[str]], list[Scored]] = {}
    for item in tuples:
        index.setdefault(item.key(), []).append(item)
    return index


def _match(gold: set[Scored], system: set[Scored]) -> tuple[set[Scored], set[Scored]]:
    gold_index, system_index = _index(gold), _index(system)
    found = {item for item in gold if any(item.matches(other) for other in system_index.get(item.key(), ()))}
    hits = {item for item in system if any(item.matches(other) for other in gold_index.get(item.key(), ()))}
    return found, hits


def _as_tuple(relation: Relation) -> Scored:
    return Scored(relation.article, relation.source, relation.target, relation.cameo, relation.symmetric)


def _representatives(relations: Sequence[Relation], tuples: set[Scored]) -> list[Relation]:
    """One relation (the first, in a main mode) for each tuple, in the tuples' order."""
    chosen: dict[Scored, Relation] = {}
    for relation in relations:
        if relation.mode in MAIN_MODES:
            chosen.setdefault(_as_tuple(relation), relation)
    return [chosen[item] for item in sorted(tuples)]


def _by_pair(relations: Iterable[Relation]) -> Pairs:
    index: Pairs = {}
    for relation in relations:
        index.setdefault((relation.article, frozenset((relation.source, relation.target))), []).append(relation)
    return index


def _with_triggers(
    triggers: Mapping[str, tuple[Span, ...]], relations: Iterable[Relation]
) -> dict[str, tuple[Span, ...]]:
    merged = {article: set(spans) for article, spans in triggers.items()}
    for relation in relations:
        merged.setdefault(relation.article, set()).update(_trigger_spans(relation))
    return {article: tuple(sorted(spans, key=lambda span: span.start)) for article, spans in merged.items()}


def _related(row: Relation, others: Pairs) -> tuple[ErrorClass, Relation] | None:
    """How the other side relates the row's pair in its article: same root in a direction that matches (so
    the mode differs), same root reversed, or another root in the same sentence; None if it does not."""
    related = others.get((row.article, frozenset((row.source, row.target))), [])
    same_root = [other for other in related if other.cameo == row.cameo]
    for error_class, candidates in (
        (ErrorClass.WRONG_MODE, [other for other in same_root if _as_tuple(row).matches(_as_tuple(other))]),
        (ErrorClass.WRONG_DIRECTION, same_root),
        (ErrorClass.WRONG_CODE, [other for other in related if _sentences(other) & _sentences(row)]),
    ):
        if candidates:
            return error_class, candidates[0]
    return None


def _sentences(row: Relation) -> set[str]:
    """The evidence sentences of a relation, white space collapsed (a gold row has one, a build's row many)."""
    texts = [row.evidence] + [evidence.text for evidence in row.evidences]
    return {" ".join(text.split()) for text in texts if text}


def _explain_miss(row: Relation, system: Pairs, corpus: Corpus | None) -> RelationError:
    related = _related(row, system)
    if related:
        error_class, counterpart = related[0], _describe(related[1])
    else:
        error_class, counterpart = _explain_in_text(row, corpus), ""
    return _error("miss", error_class, row, counterpart=counterpart)


def _explain_false_positive(row: Relation, gold: Pairs) -> RelationError:
    related = _related(row, gold)
    error_class, counterpart = (related[0], _describe(related[1])) if related else (ErrorClass.SPURIOUS_PAIR, "")
    trigger = row.evidences[0].trigger if row.evidences else ""
    return _error("false positive", error_class, row, trigger=trigger, counterpart=counterpart)


def _explain_in_text(row: Relation, corpus: Corpus | None) -> ErrorClass:
    """Class a miss the system does not relate at all, from the article's text, mentions and trigger words."""
    if corpus is None:
        return ErrorClass.UNCLASSIFIED
    original = corpus.originals.get(row.article)
    if original is None or row.article in corpus.unanalysed:
        return ErrorClass.ARTICLE_NOT_ANALYSED
    mentions = corpus.mentions.get(row.article, ())
    if not {row.source, row.target} <= {mention.label for mention in mentions}:
        return ErrorClass.ACTOR_MISSED
    span = locate_evidence(original, row.evidence)
    if span is None:
        return ErrorClass.NOT_LOCATED
    if not {row.source, row.target} <= {mention.label for mention in _within(mentions, span)}:
        return ErrorClass.IMPLICIT_PARTICIPANT
    roots = {trigger.label for trigger in _within(corpus.triggers.get(row.article, ()), span)}
    if row.cameo in roots:
        return ErrorClass.NO_FRAME_SLOT
    if not corpus.has_baseline:
        return ErrorClass.NO_TRIGGER_OR_CANDIDATE
    return ErrorClass.NO_CANDIDATE if roots else ErrorClass.NO_TRIGGER


def _within(spans: Iterable[Span], bounds: tuple[int, int]) -> list[Span]:
    return [span for span in spans if bounds[0] <= span.start and span.end <= bounds[1]]


def _error(side: Side, error_class: ErrorClass, row: Relation, **extra: str) -> RelationError:
    return RelationError(side, error_class, row.article, row.source, row.target, row.cameo, row.mode,
                         row.symmetric, row.evidence, **extra)  # fmt: skip


def _describe(row: Relation) -> str:
    link = "<>" if row.symmetric else ">"
    return f"{row.source}{link}{row.target} {row.cameo} {row.mode}"


def _fold(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs as one space, lower case and typographic marks folded; each character's offset."""
    characters: list[str] = []
    offsets: list[int] = []
    for offset, character in enumerate(text.translate(FOLDED)):
        if character.isspace():
            if characters and characters[-1] == " ":
                continue
            character = " "
        lower = character.lower()
        characters.append(lower if len(lower) == 1 else character)
        offsets.append(offset)
    return "".join(characters), offsets


def _notes(corpus: Corpus | None) -> tuple[str, ...]:
    if corpus is None:
        return ("no build outputs (articles, mentions): misses the system does not relate are unclassified",)
    notes = [f"{count} article(s) not analysed: {why}" for why, count in Counter(corpus.unanalysed.values()).items()]
    if not corpus.has_baseline:
        notes.append(
            "no co-occurrence baseline (cooccurrence.jsonl): `no trigger` and `no candidate` are merged, and only "
            "the triggers of extracted relations are seen"
        )
    return tuple(notes)
