"""The records that flow between stages: frozen dataclasses, no behaviour beyond lookups.

An `Article` is what ingestion hands to the language stages: the cleaned text
the parser reads, the original text that evidence is quoted from, the map
between the two, and what cleaning set aside (with why). An `Analysis` is what
the language stages find in one article: its mentions, relations and
co-occurrence baseline.

`to_json` and `from_json` are the one JSON round trip of every record, read
from its fields and their type hints: the mention, relation and baseline
files, the analysis cache and the relation exports all go through them.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import operator
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum, IntEnum, StrEnum
from functools import cache
from typing import Any, TypeVar

__all__ = [
    "DatePrecision",
    "ArticleDate",
    "TextPiece",
    "Removal",
    "Article",
    "RuleScope",
    "RuleMatch",
    "FurnitureRule",
    "ActorKind",
    "Actor",
    "Office",
    "Alias",
    "Role",
    "Gazetteer",
    "Resolution",
    "Mention",
    "Mode",
    "QuadClass",
    "CameoCode",
    "CameoActorCode",
    "CameoActorScheme",
    "Trigger",
    "EventLexicon",
    "Evidence",
    "Event",
    "Analysis",
    "derived",
    "RelationModel",
    "RelationReport",
    "GroupedEvent",
    "to_json",
    "fields_to_json",
    "from_json",
]

T = TypeVar("T")
R = TypeVar("R")  # a record type


class DatePrecision(StrEnum):
    """How much of a date is known: a `DAY` date names the day, a `MONTH` only the month."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class ArticleDate:
    """A publication date, how precise it is, and where it was found.

    `source` is one of: "metadata" (sidecar, JSON Lines field or HTML meta),
    "dateline" (a "publié le …" line), "comments" (the earliest reader-comment
    stamp: the article is no younger), "mention" (the latest full date the
    text mentions).
    """

    value: dt.date
    precision: DatePrecision
    source: str

    def isoformat(self) -> str:
        """The date cut to its precision: "2023-09-13", "2023-09" or "2023"."""
        full = self.value.isoformat()
        return {DatePrecision.DAY: full, DatePrecision.MONTH: full[:7], DatePrecision.YEAR: full[:4]}[self.precision]


@dataclass(frozen=True)
class TextPiece:
    """A run of cleaned text and the run of original text it comes from.

    When both runs have the same length the map is character by character;
    otherwise (an HTML entity such as `&amp;` became one character) the whole
    cleaned run maps to the whole original run.
    """

    start: int
    end: int
    original_start: int
    original_end: int


@dataclass(frozen=True)
class Removal:
    """Original text that cleaning set aside, and why (e.g. "comments", "language:es")."""

    reason: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One news article, read and cleaned.

    `original` is the article as read (for HTML, the text extracted from the
    page); `text` is what the parser reads: kept paragraphs, title first,
    separated by blank lines, with typographic characters normalised one for
    one. `pieces` maps `text` back to `original`, so any span of `text` can be
    quoted exactly from `original` (see `to_original_span`).
    """

    id: str
    path: str
    title: str
    text: str
    original: str
    pieces: tuple[TextPiece, ...]
    encoding: str = "utf-8"
    lang: str | None = None
    date: ArticleDate | None = None
    url: str | None = None
    source: str | None = None
    removed: tuple[Removal, ...] = ()
    content_hash: str = ""
    line: int | None = None  # of its JSON Lines file (None for an article file of its own)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(piece.start for piece in self.pieces))

    def to_original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` to the span of `original` it was read from."""
        if not self.pieces or start >= end:
            raise ValueError(f"empty or unmapped span {start}:{end} in article {self.id}")
        first = self._piece_at(start)
        last = self._piece_at(end - 1)
        return _map_offset(first, start, is_end=False), _map_offset(last, end, is_end=True)

    def original_text(self, start: int, end: int) -> str:
        """The exact original text behind a span of `text`."""
        original_start, original_end = self.to_original_span(start, end)
        return self.original[original_start:original_end]

    def _piece_at(self, offset: int) -> TextPiece:
        # An offset in the blank line between two paragraphs belongs to the piece before.
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.pieces[max(index, 0)]


def _map_offset(piece: TextPiece, offset: int, *, is_end: bool) -> int:
    if piece.end - piece.start == piece.original_end - piece.original_start:
        return piece.original_start + min(max(offset, piece.start), piece.end) - piece.start
    return piece.original_end if is_end else piece.original_start


class RuleScope(StrEnum):
    """What a furniture rule removes when it matches a line."""

    LINE = "line"  # the line
    REST = "rest"  # the line and everything after it (comment sections, related links)
    PREFIX = "prefix"  # the matched start of the line (a bracketed dateline)
    SUFFIX = "suffix"  # the matched end of the line (photo credits)


class RuleMatch(StrEnum):
    """How a furniture rule's pattern is compared with a line (always case-insensitively)."""

    EXACT = "exact"
    PREFIX = "prefix"
    REGEX = "regex"


@dataclass(frozen=True)
class FurnitureRule:
    """One row of `data/ingest/furniture.tsv`: site furniture to set aside, and why."""

    reason: str
    scope: RuleScope
    match: RuleMatch
    pattern: str


class ActorKind(StrEnum):
    """What an actor is: a state, a person acting for one, an organisation, or a collective actor."""

    STATE = "state"
    PERSON = "person"
    ORGANISATION = "organisation"
    COLLECTIVE = "collective"


@dataclass(frozen=True)
class Actor:
    """A canonical actor of the gazetteer.

    `id` is the actor's own id ("RUS", "UNO", "vladimir-putin"); `state` is the
    code it acts for at the level events are coded (its own code for states and
    collective actors, the state for people and bodies).
    """

    id: str
    kind: ActorKind
    state: str
    qid: str | None
    label_fr: str
    label_en: str


@dataclass(frozen=True)
class Office:
    """A person's role for a state over a period (`end` None: still in office)."""

    person: str
    state: str
    role: str
    start: dt.date
    end: dt.date | None

    def holds_on(self, day: dt.date | None) -> bool:
        """True when the office is held on `day`; with no date, any office counts."""
        return day is None or (self.start <= day and (self.end is None or day < self.end))


@dataclass(frozen=True)
class Alias:
    """A surface form of an actor; `ambiguous` forms need context to resolve."""

    text: str
    actor: str
    type: str
    lang: str
    ambiguous: bool = False


@dataclass(frozen=True)
class Role:
    """A role noun ("président", "ministre" + "défense") and the role it names."""

    head: str
    complement: str
    role: str
    lang: str


@dataclass(frozen=True)
class Gazetteer:
    """Everything known about actors: ids, surface forms, demonyms, offices, role nouns, non-actors."""

    actors: dict[str, Actor]
    aliases: tuple[Alias, ...]
    demonyms: dict[tuple[str, str], tuple[str, bool]]  # (lang, form) -> (actor id, ambiguous)
    # (lang, form) -> actor ids: combining forms ("sino", joined to a demonym) and words naming several actors
    combining_forms: dict[tuple[str, str], tuple[str, ...]]
    compound_words: dict[tuple[str, str], tuple[str, ...]]
    offices: tuple[Office, ...]
    roles: tuple[Role, ...]
    non_actor_names: tuple[tuple[str, str, str], ...]  # (name, type, lang)
    non_actor_heads: dict[tuple[str, str], str]  # (lang, head lemma) -> type
    # Indexes the language stages derive from this gazetteer, made once by whoever needs them (see `derived`).
    indexes: dict[object, object] = field(default_factory=dict, compare=False, repr=False)


class Resolution(StrEnum):
    """How a mention was resolved to its actor."""

    NAME = "name"  # a name or alias of the actor
    DEMONYM = "demonym"  # an adjective or noun of nationality ("russe", "les Russes")
    DESCRIPTION = "description"  # a role noun with its state ("le président russe")
    COREFERENCE = "coreference"  # a short name, plural or pronoun referring back
    METONYMY = "metonymy"  # a capital or seat of power standing for its government


@dataclass(frozen=True)
class Mention:
    """A mention of an actor in an article.

    Offsets `start`/`end` are in the article's cleaned text, `original_start`/
    `original_end` in its original text; `token_start`/`token_end` index the
    parsed Doc and `sentence` its sentences. `code` is the actor code events
    use (the state a person or body acts for). `locative` marks a mention
    governed by a place preposition ("à Pyongyang", "en Russie"): a place
    unless an event frame says it is a participant.
    """

    article: str
    text: str
    start: int
    end: int
    original_start: int
    original_end: int
    sentence: int
    token_start: int
    token_end: int
    actor: str
    code: str
    kind: ActorKind
    qid: str | None
    how: Resolution
    locative: bool = False
    role: str | None = None  # the role a description names ("l'armée russe": military), from the pack's roles.tsv


class RequestKind(StrEnum):
    """What a request cue asks of another actor (`requests.tsv`): CAMEO's appeal (02) or demand (10)."""

    APPEAL = "appeal"  # wished or hoped for: "espérer que", "souhaiter", "hope"
    DEMAND = "demand"  # wanted or expected: "vouloir", "want"


class EvaluationRole(StrEnum):
    """What a word of `evaluations.tsv` does in a verdict (`kg.events.evaluations`)."""

    VERDICT = "verdict"  # the verdict itself, with its CAMEO code: "provocation" (111), "succès" (051)
    NAMING = "naming"  # a verb that says it of its object: "qualifier X de", "call X a"
    COPULA = "copula"  # a verb of being that takes it as its object: "représenter", "represent"
    REACTION = "reaction"  # what an act draws from an actor, with its CAMEO code: "colère" (111), "ire", "anger"
    CAUSATIVE = "causative"  # a verb by which an act draws it: "susciter", "provoquer", "draw", "spark"


class Mode(StrEnum):
    """Whether a relation is reported as happening, possible or planned, or not happening."""

    ASSERTED = "asserted"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"


class QuadClass(IntEnum):
    """GDELT's four classes of CAMEO events (its QuadClass column): each code's is read from
    `data/cameo/codes.tsv`, never derived from its root."""

    VERBAL_COOPERATION = 1
    MATERIAL_COOPERATION = 2
    VERBAL_CONFLICT = 3
    MATERIAL_CONFLICT = 4

    @property
    def label(self) -> str:
        """What the class is called: "verbal cooperation", "material conflict"."""
        return self.name.lower().replace("_", " ")

    @property
    def is_cooperation(self) -> bool:
        """True for verbal and material cooperation (classes 1 and 2)."""
        return self in (QuadClass.VERBAL_COOPERATION, QuadClass.MATERIAL_COOPERATION)


@dataclass(frozen=True)
class CameoCode:
    """A CAMEO code with its Goldstein score, GDELT QuadClass and PLOVER category."""

    code: str
    name: str
    goldstein: float
    quadclass: QuadClass
    plover: str

    @property
    def root(self) -> str:
        """The two-digit root code ("04" for "042")."""
        return self.code[:2]


@dataclass(frozen=True)
class CameoActorCode:
    """How GDELT codes an actor in CAMEO's actor scheme: the full code ("IGOUNO"), the country ("" for a
    world body), the known group ("UNO") and the type ("IGO", "SEP")."""

    code: str
    country: str
    known_group: str
    type: str


@dataclass(frozen=True)
class CameoActorScheme:
    """The CAMEO actor codes of the gazetteer's actors whose code is not their own id (`actors`), and the
    CAMEO type of each office role (`role_types`: "head-of-state" -> "GOV")."""

    actors: dict[str, CameoActorCode]
    role_types: dict[str, str]


@dataclass(frozen=True)
class Trigger:
    """A lexicon entry: a lemma that signals a CAMEO event, and the frame saying who is source and target.

    `source` and `target` name slots of the parse: "subj", "obj", "agent" (a
    noun's demonym, "de", "par" or possessive, or the subject of its light
    verb), "place" (a locative argument) or a preposition ("à", "avec",
    "contre", "de", "auprès", "entre", "envers", "sur"...).
    """

    lemma: str
    pos: str
    cameo: str
    source: str
    target: str
    symmetric: bool
    lang: str


NEVER = 2.0  # a probability threshold no candidate reaches


@dataclass(frozen=True)
class RelationModel:
    """A trained relation classifier (`kg.events.classifier`): a logistic model over sparse binary features.

    `weights` maps a feature name to its weight, `bias` is the intercept, and
    the rules' candidates whose probability reaches `threshold` are kept;
    proposals (`kg.events.proposals`: pairs the rules did not link) are kept
    when it reaches `proposal_threshold` (above 1: never). `about` says what
    it was trained on and how.
    """

    lang: str
    weights: dict[str, float]
    bias: float
    threshold: float
    about: str = ""
    proposal_threshold: float = NEVER


# How a verb of control (`control_verbs.tsv`) says who does what its infinitive says, besides a preposition of
# its pack ("demander à X de"): its object ("exhorter X à"), or its object else its subject ("aider (X) à").
OBJECT_CONTROL = "obj"
OBJECT_ELSE_SUBJECT_CONTROL = "obj|subj"


@dataclass(frozen=True)
class EventLexicon:
    """The event vocabulary of one or more languages: triggers, light verbs, modality cues, reporting verbs."""

    codes: dict[str, CameoCode]
    triggers: dict[tuple[str, str, str], tuple[Trigger, ...]]  # (lang, lemma, pos) -> entries
    light_verbs: frozenset[tuple[str, str]]  # (lang, verb)
    cues: dict[tuple[str, str], tuple[Mode, str]]  # (lang, cue) -> (mode, scope)
    reporting_verbs: dict[tuple[str, str], str]  # (lang, verb) -> CAMEO code carried
    intention_cues: frozenset[tuple[str, str]] = frozenset()  # (lang, lemma): "promettre de", "aller" + infinitive
    # (lang, lemma) -> "appeal" or "demand": the act it governs, done by another, is its subject's request
    request_cues: dict[tuple[str, str], RequestKind] = field(default_factory=dict)
    # (lang, lemma) -> (role, CAMEO code): verdict words ("provocation": 111), verbs of naming, verbs of being
    evaluations: dict[tuple[str, str], tuple[EvaluationRole, str]] = field(default_factory=dict)
    # (lang, verb) -> who does what its infinitive says: its object ("obj": "exhorter X à") or its "à" argument
    control_verbs: dict[tuple[str, str], str] = field(default_factory=dict)
    topic_verbs: frozenset[tuple[str, str]] = frozenset()  # (lang, verb): its object is a topic ("discuter de")
    # (lang, case, word): a locution ("en réponse à", "en échange de", "les jours à venir") that names no event
    locutions: frozenset[tuple[str, str, str]] = frozenset()
    models: dict[str, RelationModel] = field(default_factory=dict)  # lang -> the relation classifier, if trained
    # Indexes the language stages derive from this lexicon, made once by whoever needs them (see `derived`).
    indexes: dict[object, object] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Evidence:
    """One sentence stating a relation: its exact original text and offsets, and the trigger in it."""

    text: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int


@dataclass(frozen=True)
class Event:
    """One relation an article reports between two actors; field names follow the gold schema.

    `cameo` is the root ("05"), `sub` the full code ("051"); `evidence` the
    first evidence sentence, `evidences` all of them. `source_actor` and
    `target_actor` are the actor-level ids (a person, or the state itself).
    """

    article: str
    source: str
    target: str
    cameo: str
    sub: str
    mode: Mode
    symmetric: bool
    evidence: str
    evidences: tuple[Evidence, ...]
    source_actor: str
    target_actor: str
    goldstein: float
    quadclass: QuadClass
    plover: str
    confidence: float
    date: str | None = None
    date_precision: str | None = None
    source_role: str | None = None  # the role of the body a description named for each end ("military")
    target_role: str | None = None


@dataclass(frozen=True)
class Analysis:
    """What the language stages found in one article: its actor mentions, its relations, and its co-occurrence
    baseline (None when it was not computed)."""

    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    cooccurrences: tuple[Event, ...] | None = None


def derived(indexes: dict[object, object], key: object, make: Callable[[], T]) -> T:
    """The index `key` of a record's `indexes`, made by `make()` the first time it is asked for."""
    if key not in indexes:
        indexes[key] = make()
    return indexes[key]  # type: ignore[return-value]


@dataclass(frozen=True)
class RelationReport:
    """What grouping across articles (`kg.grouping`) reads of one article-level relation: what makes it one
    (`relation`, its IRI), who did what to whom in which mode, its day when known to the day, the article that
    reports it and that article's outlet, and its number of evidence sentences."""

    relation: str
    article: str
    outlet: str
    source: str
    target: str
    code: str  # the full CAMEO code ("042")
    mode: Mode
    symmetric: bool
    day: dt.date | None
    mentions: int


@dataclass(frozen=True)
class GroupedEvent:
    """One event as GDELT counts one: the relations of one or more articles that report the same act (same
    dyad, CAMEO code and mode, close dates). `relations` are the article-level relations' IRIs, first the one
    reported first; `articles` and `outlets` the distinct articles and outlets reporting it; `mentions` the
    evidence sentences of them all. A symmetric event's `source` and `target` are in code order."""

    id: str
    source: str
    target: str
    code: str
    mode: Mode
    symmetric: bool
    first_day: dt.date | None
    last_day: dt.date | None
    relations: tuple[str, ...]
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    mentions: int

    @property
    def num_mentions(self) -> int:
        """GDELT's NumMentions: evidence sentences, over every article reporting the event."""
        return self.mentions

    @property
    def num_sources(self) -> int:
        """GDELT's NumSources: distinct outlets reporting the event."""
        return len(self.outlets)

    @property
    def num_articles(self) -> int:
        """GDELT's NumArticles: distinct articles reporting the event."""
        return len(self.articles)


def to_json(value: Any) -> Any:
    """The JSON form of a record (or of a value in one): a dict of its fields in their order (those a record
    sets itself, `init=False`, left out), enums as their values, tuples as lists, dates as ISO strings."""
    kind = type(value)
    if kind in _PLAIN_TYPES:  # most values: checked first, by exact type (an enum of ints or strings is not one)
        return value
    names = _init_field_names(kind)
    if names is not None:
        return fields_to_json(value, names)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def fields_to_json(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """These fields of a record, in this order, in their JSON form (`to_json`)."""
    return _fields_encoder(names)(record)


@cache
def _fields_encoder(names: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    """The function that lays out these fields of a record (in their JSON form), made once per layout: the
    fields are read in one call and only the values of no plain type are converted (a build lays out hundreds
    of thousands of records)."""
    if not names:
        return lambda record: {}
    read = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda record: {names[0]: to_json(read(record))}

    def encode(record: Any) -> dict[str, Any]:
        return {name: value if type(value) in _PLAIN_TYPES else to_json(value)
                for name, value in zip(names, read(record), strict=True)}  # fmt: skip

    return encode


def from_json(kind: type[R], value: Mapping[str, Any]) -> R:
    """The record of type `kind` whose JSON form (`to_json`) is `value`; a field it lacks takes its default.
    `ValueError` when `value` does not fit the record's fields."""
    try:
        return _decoder(kind)(value)  # type: ignore[no-any-return]
    except (TypeError, KeyError, AttributeError) as error:
        raise ValueError(f"does not fit the fields of {kind.__name__}: {error}") from error


@cache
def _decoder(hint: Any) -> Callable[[Any], Any]:
    """The function that makes a value of type `hint` from its JSON form, worked out once per type from its hints
    (a build reads back hundreds of thousands of records from its cache: the hints are not read again for each)."""
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = _decoder(next(argument for argument in arguments if argument is not type(None)))
        if type(None) not in arguments:
            return inner
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        item = _decoder(arguments[0])
        return tuple if item is _as_is else lambda value: tuple(map(item, value))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record_decoder(hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint
    if isinstance(hint, type) and issubclass(hint, dt.date):
        return hint.fromisoformat
    return _as_is


def _record_decoder(kind: type) -> Callable[[Mapping[str, Any]], Any]:
    """A record's decoder: its fields taken as they are or converted, those missing left to their defaults."""
    decoders = {name: _decoder(field_hint) for name, field_hint in _field_hints(kind).items()}
    plain = tuple(name for name, decoder in decoders.items() if decoder is _as_is)
    converted = tuple((name, decoder) for name, decoder in decoders.items() if decoder is not _as_is)

    def decode(value: Mapping[str, Any]) -> Any:
        known = {name: value[name] for name in plain if name in value}
        for name, decoder in converted:
            if name in value:
                known[name] = decoder(value[name])
        return kind(**known)

    return decode


def _as_is(value: Any) -> Any:
    return value


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


@cache
def _init_field_names(kind: type) -> tuple[str, ...] | None:
    """The names of the fields a record's constructor takes, in order; None for a type that is no record."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple(item.name for item in dataclasses.fields(kind) if item.init)


@cache
def _field_hints(kind: type) -> dict[str, Any]:
    """The type hints of a record's fields that its constructor takes."""
    hints = typing.get_type_hints(kind)
    return {item.name: hints[item.name] for item in dataclasses.fields(kind) if item.init}
