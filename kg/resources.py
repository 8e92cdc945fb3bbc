"""Where the curated data lives, and loading it: the only module that knows `data/`.

Reads the TSV files under `data/` (see `data/README.md`); every malformed row
is a `DataError` naming the file and line. Nothing is read at import time.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from kg.errors import DataError
from kg.lang import pack_languages
from kg.records import (
    NEVER,
    OBJECT_CONTROL,
    OBJECT_ELSE_SUBJECT_CONTROL,
    Actor,
    ActorKind,
    Alias,
    CameoActorCode,
    CameoActorScheme,
    CameoCode,
    EvaluationRole,
    EventLexicon,
    FurnitureRule,
    Gazetteer,
    Mode,
    Office,
    QuadClass,
    RelationModel,
    RequestKind,
    Role,
    RuleMatch,
    RuleScope,
    Trigger,
)

__all__ = [
    "DATA_DIR_VARIABLE",
    "data_dir",
    "read_tsv",
    "pack_rows",
    "pack_languages",
    "pack_dir",
    "load_furniture_rules",
    "load_section_labels",
    "load_gazetteer",
    "load_cameo_codes",
    "load_cameo_actor_scheme",
    "load_event_lexicon",
    "load_relation_model",
    "load_lemma_repairs",
    "load_lemma_exceptions",
    "load_cameo_labels_fr",
    "ontology_path",
    "shapes_path",
    "queries_dir",
    "data_digest",
]

DATA_DIR_VARIABLE = "KG_DATA_DIR"
_INSTALLED_DATA = Path(sys.prefix) / "share" / "diplomatic-kg" / "data"


def data_dir() -> Path:
    """The `data/` folder: `$KG_DATA_DIR`, else the checkout's, else the installed copy."""
    if os.environ.get(DATA_DIR_VARIABLE):
        return Path(os.environ[DATA_DIR_VARIABLE])
    checkout = Path(__file__).resolve().parent.parent / "data"
    if checkout.is_dir():
        return checkout
    if _INSTALLED_DATA.is_dir():
        return _INSTALLED_DATA
    raise DataError(checkout, f"data folder not found; set {DATA_DIR_VARIABLE} or reinstall diplomatic-kg")


def read_tsv(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row of a TSV file with exactly `columns`.

    Blank lines and lines starting with `#` are skipped. A wrong header or a
    row with the wrong number of fields raises `DataError` with file:line.
    """
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise DataError(path, f"cannot read: {error.strerror}") from error
    with handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if header != list(columns):
            raise DataError(path, f"header must be {'<TAB>'.join(columns)!r}, found {header!r}", line=1)
        for line_number, fields in enumerate(rows, start=2):
            if not fields or not "".join(fields).strip() or fields[0].startswith("#"):
                continue
            if len(fields) != len(columns):
                raise DataError(
                    path, f"expected {len(columns)} tab-separated fields, found {len(fields)}", line=line_number
                )
            yield line_number, dict(zip(columns, fields, strict=True))


def pack_rows(
    name: str, columns: Sequence[str], data: Path | None = None
) -> Iterator[tuple[Path, int, dict[str, str]]]:
    """The rows of the file `name` of every language pack (`data/lang/<xx>/NAME`, where it has one), each with
    its `lang`: (path, line number, row). `data`: another data folder than `data_dir()`."""
    data = data or data_dir()
    for lang in pack_languages(data):
        path = data / "lang" / lang / name
        if path.is_file():
            for line, row in read_tsv(path, columns):
                yield path, line, {**row, "lang": lang}


def pack_dir(lang: str) -> Path:
    """The folder of a language's pack (`data/lang/<lang>/`)."""
    return data_dir() / "lang" / lang


@cache
def load_furniture_rules(path: Path | None = None) -> tuple[FurnitureRule, ...]:
    """Load the site-furniture rules (`data/ingest/furniture.tsv`)."""
    path = path or data_dir() / "ingest" / "furniture.tsv"
    rules = []
    for line_number, row in read_tsv(path, ("reason", "scope", "match", "pattern")):
        try:
            rule = FurnitureRule(row["reason"], RuleScope(row["scope"]), RuleMatch(row["match"]), row["pattern"])
        except ValueError as error:
            raise DataError(path, str(error), line=line_number) from error
        if rule.match is RuleMatch.REGEX:
            try:
                re.compile(rule.pattern)
            except re.error as error:
                raise DataError(path, f"bad regular expression: {error}", line=line_number) from error
        if rule.scope in (RuleScope.PREFIX, RuleScope.SUFFIX) and rule.match is not RuleMatch.REGEX:
            raise DataError(path, f"a {rule.scope} rule needs a regex pattern", line=line_number)
        rules.append(rule)
    return tuple(rules)


@cache
def load_section_labels() -> frozenset[str]:
    """Load the section labels that may head an article above its title (`section_labels.tsv` of every pack)."""
    return frozenset(row["label"].casefold() for _, _, row in pack_rows("section_labels.tsv", ("label",)))


_STATE_CODE = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ACTOR_ID = re.compile(r"^([A-Z]{3,6}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$")


@cache
def load_gazetteer(data: Path | None = None) -> Gazetteer:
    """Load and check the actor gazetteer: the actors of `data/actors/` and their names in every language pack
    (`data/lang/<xx>/`: aliases, demonyms, combining forms, roles, non-actors); any bad row is a `DataError`
    with file:line. `data`: another data folder than `data_dir()`."""
    data = data or data_dir()
    folder = data / "actors"
    actors = _load_states(folder / "states.tsv")
    actors |= _load_actors(folder / "actors.tsv", known=set(actors))
    return Gazetteer(
        actors=actors,
        aliases=_load_aliases(actors, data),
        demonyms=_load_demonyms(actors, data),
        combining_forms=_load_combining_forms(actors, "prefix", data),
        compound_words=_load_combining_forms(actors, "word", data),
        offices=_load_offices(folder / "offices.tsv", actors),
        roles=tuple(
            Role(row["head"], row["complement"], row["role"], row["lang"])
            for _, _, row in pack_rows("roles.tsv", ("head", "complement", "role"), data)
        ),
        non_actor_names=tuple(
            (row["name"], row["type"], row["lang"]) for _, _, row in pack_rows("non_actors.tsv", ("name", "type"), data)
        ),
        non_actor_heads={
            (row["lang"], row["head"]): row["type"]
            for _, _, row in pack_rows("non_actor_heads.tsv", ("head", "type"), data)
        },
    )


def _load_states(path: Path) -> dict[str, Actor]:
    states = {}
    for line, row in read_tsv(path, ("code", "qid", "name_en", "name_fr", "status")):
        if not _STATE_CODE.match(row["code"]):
            raise DataError(path, f"state code {row['code']!r} is not three capital letters", line=line)
        _check_qid(row["qid"], path, line, required=True)
        states[row["code"]] = Actor(
            row["code"], ActorKind.STATE, row["code"], row["qid"], row["name_fr"], row["name_en"]
        )
    return states


def _load_actors(path: Path, *, known: set[str]) -> dict[str, Actor]:
    rows = list(read_tsv(path, ("id", "kind", "state", "qid", "label_fr", "label_en")))
    known = known | {row["id"] for _, row in rows}
    actors = {}
    for line, row in rows:
        if not _ACTOR_ID.match(row["id"]):
            raise DataError(
                path, f"actor id {row['id']!r} is neither a code (RUS) nor a slug (vladimir-putin)", line=line
            )
        if row["id"] in actors:
            raise DataError(path, f"actor id {row['id']!r} is defined twice", line=line)
        try:
            kind = ActorKind(row["kind"])
        except ValueError as error:
            raise DataError(path, str(error), line=line) from error
        if row["state"] not in known:
            raise DataError(path, f"unknown state code {row['state']!r}", line=line)
        _check_qid(row["qid"], path, line, required=False)
        actors[row["id"]] = Actor(row["id"], kind, row["state"], row["qid"] or None, row["label_fr"], row["label_en"])
    return actors


def _load_aliases(actors: dict[str, Actor], data: Path) -> tuple[Alias, ...]:
    aliases: list[Alias] = []
    targets: dict[tuple[str, str], list[Alias]] = {}
    for path, line, row in pack_rows("aliases.tsv", ("alias", "actor", "type", "ambiguous"), data):
        if row["actor"] not in actors:
            raise DataError(path, f"unknown actor {row['actor']!r}", line=line)
        if not row["alias"].strip():
            raise DataError(path, "empty alias", line=line)
        alias = Alias(row["alias"], row["actor"], row["type"], row["lang"], _flag(row["ambiguous"], path, line))
        same = targets.setdefault((row["lang"], alias.text.casefold()), [])
        if any(other.actor != alias.actor for other in same) and not (
            alias.ambiguous and all(other.ambiguous for other in same)
        ):
            raise DataError(path, f"alias {alias.text!r} points to several actors; mark every row ambiguous", line=line)
        same.append(alias)
        aliases.append(alias)
    for (lang, text), state in _state_name_aliases(actors):
        if (lang, text.casefold()) not in targets:
            aliases.append(Alias(text, state, "name", lang))
    return tuple(aliases)


def _state_name_aliases(actors: dict[str, Actor]) -> list[tuple[tuple[str, str], str]]:
    """The generated names of every state, as aliases in French and English."""
    states = [actor for actor in actors.values() if actor.kind is ActorKind.STATE]
    return [(("fr", state.label_fr), state.id) for state in states] + [
        (("en", state.label_en), state.id) for state in states
    ]


def _load_demonyms(actors: dict[str, Actor], data: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    forms = ("masculine", "feminine", "masculine_plural", "feminine_plural")
    demonyms: dict[tuple[str, str], tuple[str, bool]] = {}
    for path, line, row in pack_rows("demonyms.tsv", ("actor", *forms, "ambiguous"), data):
        if row["actor"] not in actors:
            raise DataError(path, f"unknown actor {row['actor']!r}", line=line)
        ambiguous = _flag(row["ambiguous"], path, line)
        for form in forms:
            key = (row["lang"], row[form].casefold())
            if key in demonyms and demonyms[key][0] != row["actor"]:
                raise DataError(path, f"demonym {row[form]!r} already names {demonyms[key][0]}", line=line)
            demonyms[key] = (row["actor"], ambiguous)
    return demonyms


def _load_combining_forms(actors: dict[str, Actor], kind: str, data: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """The rows of one kind of the packs' `combining_forms.tsv`: (lang, form) -> the actors it names."""
    forms: dict[tuple[str, str], tuple[str, ...]] = {}
    for path, line, row in pack_rows("combining_forms.tsv", ("form", "actor", "kind"), data):
        if row["actor"] not in actors:
            raise DataError(path, f"unknown actor {row['actor']!r}", line=line)
        if row["kind"] not in ("prefix", "word"):
            raise DataError(path, f"kind must be prefix or word, not {row['kind']!r}", line=line)
        if row["kind"] == kind:
            key = (row["lang"], row["form"].casefold())
            forms[key] = (*forms.get(key, ()), row["actor"])
    return forms


def _load_offices(path: Path, actors: dict[str, Actor]) -> tuple[Office, ...]:
    offices = []
    for line, row in read_tsv(path, ("person", "state", "role", "start", "end")):
        person = actors.get(row["person"])
        if person is None or person.kind is not ActorKind.PERSON:
            raise DataError(path, f"{row['person']!r} is not a person of actors.tsv", line=line)
        if row["state"] not in actors:
            raise DataError(path, f"unknown state code {row['state']!r}", line=line)
        try:
            start = dt.date.fromisoformat(row["start"])
            end = dt.date.fromisoformat(row["end"]) if row["end"] else None
        except ValueError as error:
            raise DataError(path, f"bad date: {error}", line=line) from error
        offices.append(Office(row["person"], row["state"], row["role"], start, end))
    return tuple(offices)


def _check_qid(qid: str, path: Path, line: int, *, required: bool) -> None:
    if (qid or required) and not _QID.match(qid):
        raise DataError(path, f"malformed Wikidata QID {qid!r} (expected Q followed by digits)", line=line)


def _flag(value: str, path: Path, line: int) -> bool:
    if value not in ("", "yes"):
        raise DataError(path, f"the ambiguous column takes 'yes' or nothing, not {value!r}", line=line)
    return value == "yes"


# The slots every language's frames may name; a pack adds its prepositions (`prepositions` of its pack.toml).
STRUCTURAL_SLOTS = frozenset({"subj", "obj", "agent", "place"})
# The parts of speech of the trigger lexicon. A predicate adjective's frame ("est contraire à") and a copula's
# with a place ("était à Tokyo", "was in Tokyo": part of speech LOC, under the copula's lemma) are read as verbs'.
PREDICATE_ADJECTIVE_POS = "ADJ"
PREDICATE_PLACE_POS = "LOC"
TRIGGER_POS = frozenset({"VERB", "NOUN", PREDICATE_ADJECTIVE_POS, PREDICATE_PLACE_POS})
CUE_SCOPES = frozenset({"child", "governor", "case", "mark", "purpose"})


@cache
def load_cameo_codes(path: Path | None = None) -> dict[str, CameoCode]:
    """Load the CAMEO scheme (`data/cameo/codes.tsv`): code, name, Goldstein, QuadClass, PLOVER."""
    path = path or data_dir() / "cameo" / "codes.tsv"
    codes = {}
    for line, row in read_tsv(path, ("code", "name", "goldstein", "quadclass", "plover")):
        try:
            goldstein, quadclass = float(row["goldstein"]), QuadClass(int(row["quadclass"]))
        except ValueError as error:
            raise DataError(path, f"bad number (QuadClass is 1 to 4): {error}", line=line) from error
        if not re.fullmatch(r"\d{2,4}", row["code"]) or not -10 <= goldstein <= 10:
            raise DataError(path, f"bad CAMEO row for code {row['code']!r}", line=line)
        codes[row["code"]] = CameoCode(row["code"], row["name"], goldstein, quadclass, row["plover"])
    return codes


@cache
def load_cameo_actor_scheme(data: Path | None = None) -> CameoActorScheme:
    """Load how GDELT codes the gazetteer's actors (`data/gdelt/actors.tsv`) and office roles
    (`data/gdelt/roles.tsv`) in CAMEO's actor scheme; codes are upper-case letters in groups of three."""
    folder = (data or data_dir()) / "gdelt"
    actors = {}
    path = folder / "actors.tsv"
    for line, row in read_tsv(path, ("actor", "code", "country", "known_group", "type")):
        if not re.fullmatch(r"(?:[A-Z]{3})+", row["code"]) or not all(
            re.fullmatch(r"(?:[A-Z]{3})?", row[column]) for column in ("country", "known_group", "type")
        ):
            raise DataError(path, f"bad CAMEO actor code in the row of {row['actor']!r}", line=line)
        actors[row["actor"]] = CameoActorCode(row["code"], row["country"], row["known_group"], row["type"])
    roles = {}
    path = folder / "roles.tsv"
    for line, row in read_tsv(path, ("role", "type")):
        if not re.fullmatch(r"[A-Z]{3}", row["type"]):
            raise DataError(path, f"bad CAMEO type {row['type']!r} for the role {row['role']!r}", line=line)
        roles[row["role"]] = row["type"]
    return CameoActorScheme(actors, roles)


@cache
def load_event_lexicon(lang: str) -> EventLexicon:
    """Load the event vocabulary of a language pack (`data/lang/<lang>/`) and check every entry against the
    CAMEO scheme and the pack's prepositions."""
    from kg.lang import read_pack_settings

    folder = pack_dir(lang)
    codes = load_cameo_codes()
    pack = folder / "pack.toml"
    settings = read_pack_settings(pack)
    prepositions = frozenset(settings.get("grammar", {}).get("prepositions", []))
    variants = {str(k): str(v) for k, v in settings.get("lexicon", {}).get("spelling_variants", {}).items()}
    model_path = folder / "relation_model.json"
    return EventLexicon(
        codes=codes,
        triggers=_with_spelling_variants(
            _load_triggers(folder / "triggers.tsv", codes, lang, STRUCTURAL_SLOTS | prepositions), variants
        ),
        light_verbs=frozenset((lang, row["verb"]) for _, row in read_tsv(folder / "light_verbs.tsv", ("verb",))),
        cues=_load_cues(folder / "modality.tsv", lang),
        reporting_verbs=_load_reporting_verbs(folder / "reporting_verbs.tsv", codes, lang),
        intention_cues=frozenset((lang, row["cue"]) for _, row in read_tsv(folder / "intentions.tsv", ("cue",))),
        request_cues=_load_request_cues(folder / "requests.tsv", lang),
        evaluations=_load_evaluations(folder / "evaluations.tsv", codes, lang),
        topic_verbs=frozenset((lang, row["verb"]) for _, row in read_tsv(folder / "topic_verbs.tsv", ("verb",))),
        control_verbs=_load_control_verbs(folder / "control_verbs.tsv", lang, prepositions),
        locutions=frozenset(
            (lang, row["case"], row["word"]) for _, row in read_tsv(folder / "locutions.tsv", ("word", "case"))
        ),
        models={lang: load_relation_model(model_path)} if model_path.is_file() else {},
    )


@cache
def load_lemma_repairs(lang: str) -> tuple[tuple[str, str, str], ...]:
    """The lemma repairs of a language pack (`data/lang/<lang>/lemma_repairs.tsv`, if it has one): (ending,
    replacement, part of speech)."""
    path = pack_dir(lang) / "lemma_repairs.tsv"
    if not path.is_file():
        return ()
    return tuple(
        (row["ending"], row["replacement"], row["pos"]) for _, row in read_tsv(path, ("ending", "replacement", "pos"))
    )


@cache
def load_lemma_exceptions(lang: str) -> tuple[tuple[str, str, str], ...]:
    """The forms whose lemma a pack corrects (`data/lang/<lang>/lemma_exceptions.tsv`, if it has one): (form, part
    of speech, lemma)."""
    path = pack_dir(lang) / "lemma_exceptions.tsv"
    if not path.is_file():
        return ()
    return tuple((row["form"], row["pos"], row["lemma"]) for _, row in read_tsv(path, ("form", "pos", "lemma")))


def load_relation_model(path: Path) -> RelationModel:
    """Load a trained relation classifier (`data/lang/<xx>/relation_model.json`, written by `kg train`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RelationModel(
            lang=str(data["lang"]), weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]), threshold=float(data["threshold"]), about=str(data.get("about", "")),
            proposal_threshold=float(data.get("proposal_threshold", NEVER)),
        )  # fmt: skip
    except KeyError as error:
        raise DataError(path, f"not a relation model: missing field {error}") from error
    except (OSError, ValueError, TypeError, AttributeError) as error:
        raise DataError(path, f"not a relation model: {error}") from error


def _load_triggers(
    path: Path, codes: dict[str, CameoCode], lang: str, slots: frozenset[str]
) -> dict[tuple[str, str, str], tuple[Trigger, ...]]:
    triggers: dict[tuple[str, str, str], list[Trigger]] = {}
    columns = ("trigger", "pos", "cameo", "source", "target", "symmetric")
    for line, row in read_tsv(path, columns):
        if row["cameo"] not in codes:
            raise DataError(path, f"unknown CAMEO code {row['cameo']!r}", line=line)
        if row["pos"] not in TRIGGER_POS:
            raise DataError(path, f"part of speech must be VERB, NOUN or ADJ, not {row['pos']!r}", line=line)
        for slot in (row["source"], row["target"]):
            if slot not in slots:
                raise DataError(path, f"unknown frame slot {slot!r}; known: {', '.join(sorted(slots))}", line=line)
        # a predicate adjective ("est contraire à") or place ("était à Tokyo") heads its clause as a verb does: it
        # is found under ADJ or LOC and read as a verb
        frame_pos = "VERB" if row["pos"] in (PREDICATE_ADJECTIVE_POS, PREDICATE_PLACE_POS) else row["pos"]
        trigger = Trigger(row["trigger"], frame_pos, row["cameo"], row["source"], row["target"],
                          _flag(row["symmetric"], path, line), lang)  # fmt: skip
        triggers.setdefault((lang, row["trigger"], row["pos"]), []).append(trigger)
    return {key: tuple(entries) for key, entries in triggers.items()}


def _with_spelling_variants(
    triggers: dict[tuple[str, str, str], tuple[Trigger, ...]], variants: dict[str, str]
) -> dict[tuple[str, str, str], tuple[Trigger, ...]]:
    """The triggers also under the other spelling of their words (the pack's `spelling_variants`: "manœuvre"
    is also written "manoeuvre"), unless the lexicon lists that spelling itself."""
    found = dict(triggers)
    for (lang, lemma, pos), entries in triggers.items():
        for letters, other in variants.items():
            if letters in lemma:
                found.setdefault((lang, lemma.replace(letters, other), pos), entries)
    return found


def _load_cues(path: Path, lang: str) -> dict[tuple[str, str], tuple[Mode, str]]:
    cues = {}
    for line, row in read_tsv(path, ("cue", "mode", "scope")):
        try:
            mode = Mode(row["mode"])
        except ValueError as error:
            raise DataError(path, str(error), line=line) from error
        if row["scope"] not in CUE_SCOPES:
            raise DataError(path, f"unknown scope {row['scope']!r}", line=line)
        cues[(lang, row["cue"])] = (mode, row["scope"])
    return cues


def _load_control_verbs(path: Path, lang: str, prepositions: frozenset[str]) -> dict[tuple[str, str], str]:
    controls = {}
    for line, row in read_tsv(path, ("verb", "controller")):
        if row["controller"] not in prepositions | {OBJECT_CONTROL, OBJECT_ELSE_SUBJECT_CONTROL}:
            known = f"'{OBJECT_CONTROL}', '{OBJECT_ELSE_SUBJECT_CONTROL}' or a preposition of the pack"
            raise DataError(path, f"controller must be {known}, not {row['controller']!r}", line=line)
        controls[(lang, row["verb"])] = row["controller"]
    return controls


def _load_request_cues(path: Path, lang: str) -> dict[tuple[str, str], RequestKind]:
    cues = {}
    for line, row in read_tsv(path, ("cue", "kind")):
        try:
            cues[(lang, row["cue"])] = RequestKind(row["kind"])
        except ValueError:
            kinds = ", ".join(repr(str(kind)) for kind in RequestKind)
            raise DataError(path, f"kind must be {kinds}, not {row['kind']!r}", line=line) from None
    return cues


def _load_evaluations(
    path: Path, codes: dict[str, CameoCode], lang: str
) -> dict[tuple[str, str], tuple[EvaluationRole, str]]:
    entries = {}
    for line, row in read_tsv(path, ("word", "role", "cameo")):
        try:
            role = EvaluationRole(row["role"])
        except ValueError:
            roles = ", ".join(str(known) for known in EvaluationRole)
            raise DataError(path, f"role must be one of {roles}, not {row['role']!r}", line=line) from None
        if (role in (EvaluationRole.VERDICT, EvaluationRole.REACTION)) != bool(row["cameo"]):
            raise DataError(path, "a verdict or a reaction has a CAMEO code, a verb none", line=line)
        if row["cameo"] and row["cameo"] not in codes:
            raise DataError(path, f"unknown CAMEO code {row['cameo']!r}", line=line)
        entries[(lang, row["word"])] = (role, row["cameo"])
    return entries


def _load_reporting_verbs(path: Path, codes: dict[str, CameoCode], lang: str) -> dict[tuple[str, str], str]:
    verbs = {}
    for line, row in read_tsv(path, ("verb", "cameo")):
        if row["cameo"] not in codes:
            raise DataError(path, f"unknown CAMEO code {row['cameo']!r}", line=line)
        verbs[(lang, row["verb"])] = row["cameo"]
    return verbs


@cache
def load_cameo_labels_fr(path: Path | None = None) -> dict[str, str]:
    """French labels of the CAMEO roots (`data/cameo/roots_fr.tsv`)."""
    path = path or data_dir() / "cameo" / "roots_fr.tsv"
    return {row["code"]: row["label_fr"] for _, row in read_tsv(path, ("code", "label_fr"))}


def ontology_path() -> Path:
    """The ontology in Turtle (`data/ontology/kg.ttl`)."""
    return data_dir() / "ontology" / "kg.ttl"


def shapes_path() -> Path:
    """The SHACL shapes every built graph conforms to (`data/ontology/shapes.ttl`)."""
    return data_dir() / "ontology" / "shapes.ttl"


def queries_dir() -> Path:
    """The named SPARQL queries (`data/queries/*.rq`)."""
    return data_dir() / "queries"


def data_digest(*folders: str) -> str:
    """A short digest of the curated data a build used (for provenance): folder names under `data/`."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((data_dir() / folder).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(data_dir()).as_posix().encode("utf-8"))
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
