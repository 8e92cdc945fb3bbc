"""Language packs: everything one language brings to the pipeline, loaded from `data/lang/<xx>/` into one frozen object.

A pack holds the language's spaCy model name, its grammar words (prepositions
and the slot each fills, possessives, pronouns, reflexive clitics, verb
endings), the words that refer back to actors ("les deux pays", "they"), its
date words and dateline lead, the map from its model's dependency labels to
Universal Dependencies (for a model that does not speak UD), and its event
vocabulary (`EventLexicon`: triggers, cues, light, reporting, control and
topic verbs, its relation classifier). Its actor names (aliases, demonyms,
roles) are read into the shared `Gazetteer` by `kg.resources`. The pipeline
code has no word of any language: ingest, actors, events and temporal read
them from the pack of the article's language.

Adding a language is adding a folder `data/lang/<xx>/` with a `pack.toml`
and the TSV files of `data/README.md`, and its model's package to the install.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kg.errors import DataError
from kg.records import EventLexicon

__all__ = ["Grammar", "References", "DateWords", "DependencyScheme", "LanguagePack"]
__all__ += ["pack_languages", "load_pack", "read_pack_settings", "PACK_FILE"]

PACK_FILE = "pack.toml"


@dataclass(frozen=True)
class Grammar:
    """The function words and endings the frames read."""

    prepositions: frozenset[str]  # those a frame may name as a slot
    case_forms: Mapping[str, frozenset[str]]  # a preposition -> its forms ("à": au, aux)
    agent_case: str  # the agent of a passive or of a noun ("par", "by")
    genitive_case: str  # a noun's complement ("de", "of")
    between_case: str  # the members of a mutual relation ("entre", "between")
    as_case: str  # "X présenté comme Y"
    # Whom an act is done with ("rompre ses relations avec X", "reopen the border with X"); with two doers and
    # a mutual object ("X et Y ont rompu leurs relations"), each does it with the other
    comitative_case: str
    mutual_adjectives: frozenset[str]  # "leur frontière commune", "their respective embassies"
    instrument_case: str  # what a threat is made with ("threaten X with sanctions"; French says "de")
    holder_cases: tuple[str, ...]  # whose a reaction is: "la colère de X", "condemnation from X"
    contrastive_slots: frozenset[str]
    locative_cases: frozenset[str]
    topic_cases: frozenset[str]  # what is talked about, not who takes part ("une réunion sur X", "talks on X")
    summary_nouns: frozenset[str]  # a noun summing up the act of a clause ("..., une décision saluée par X")
    sign_nouns: frozenset[str]  # a noun showing the act its bare complement names ("en signe de solidarité")
    discourse_nouns: frozenset[str]  # "la théorie de la menace chinoise": the threat is what is told, no event
    prepositional_nouns: frozenset[str]  # "thanks to X's help": a preposition, no thanking
    anaphoric_determiners: frozenset[str]  # "ces sanctions", "l'ultimatum": an event named before
    # A noun made from a verb names its act ("ce tir" after "X a tiré", "ces frappes" after "X a frappé"): the
    # endings that, taken off the verb and off the noun, leave the stem both share
    verb_endings: frozenset[str]
    action_noun_suffixes: frozenset[str]
    occasion_marks: frozenset[str]  # "X a réagi quand Y ...", "X scrambled jets when Y ...": X reacts to Y
    circumstance_cases: frozenset[str]  # "à la demande de X", "at the request of X": an event aimed at the subject
    # "après l'attaque contre X", "en cas d'attaque", "after the attack on X": an event the clause answers or
    # is conditioned on, not the clause subject's own act (its prepositions, and the nouns of its locutions)
    reaction_cases: frozenset[str]
    reaction_nouns: frozenset[str]
    possessives: frozenset[str]
    plural_possessives: frozenset[str]
    relative_pronouns: frozenset[str]
    clause_saying_verbs: frozenset[str]  # verbs that say, not act, with a clause: "soutenir que" (claim)
    demonstratives: frozenset[str]  # "c'est une provocation", "it was unacceptable": what was said or done
    relative_object_pronouns: frozenset[str]  # "que", "which": a relative clause's object
    # A preposition -> the relative pronouns it is fused into ("à": auquel, auxquelles): "les manœuvres
    # auxquelles X a riposté" gives "riposter" its "à" argument.
    relative_case_pronouns: Mapping[str, frozenset[str]]
    # Words that set members apart from a group ("des pays, dont le Japon", "countries, including Japan"):
    # the members are actors of the phrase beside the group's own.
    inclusion_words: frozenset[str]
    # Verbs of reaction ("réagir", "riposter"; "react", "retaliate"): with nothing named they answer, they answer
    # the act the previous sentence tells.
    reaction_verbs: frozenset[str]
    # What a reaction is made with ("riposter par des sanctions", "respond with strikes"): an event noun there
    # is the act the reaction is.
    reaction_means_cases: frozenset[str]
    # Adverbs the parser makes of a preposition of vicinity ("autour de X", "près de X"): their noun is an
    # argument of the word they hang on.
    vicinity_adverbs: frozenset[str]
    reflexive_forms: frozenset[str]
    naming_verbs: frozenset[str]
    # Agreement endings of a past participle ("disposées" -> "disposé"): its masculine singular, which a cue
    # used as an adjective is listed under when the lemmatizer reads the verb ("disposer").
    participle_endings: tuple[str, ...]
    # "a dit avoir téléphoné" with the participle tagged a noun: the infinitive auxiliaries and past participle
    # endings by which the parse repair (`kg.nlp`) knows such a participle
    infinitive_auxiliaries: frozenset[str]
    past_participle_endings: tuple[str, ...]
    future_stems: Mapping[str, str]
    future_auxiliaries: frozenset[str]
    conditional_auxiliaries: frozenset[str]  # "would": an auxiliary whose verb is in the conditional
    infinitive_drops: tuple[str, ...]
    conditional_endings: tuple[str, ...]
    future_endings: tuple[str, ...]

    def forms(self, case: str) -> frozenset[str]:
        """The forms a preposition takes ("à": à, au, aux); itself alone when it has no other."""
        return self.case_forms.get(case, frozenset({case}))


@dataclass(frozen=True)
class References:
    """The words by which a text refers back to actors, or quotes them."""

    group_nouns: frozenset[str]
    person_group_nouns: frozenset[str]
    pair_numbers: frozenset[str]
    plural_pronouns: frozenset[str]
    singular_pronouns: frozenset[str]
    indefinite_pronouns: frozenset[str]  # "À Pékin, on ...": the people of the place set before it
    topic_marks: frozenset[str]  # "Quant à la Chine, elle ...": a subject pronoun stands for the topic set before it
    own_country_nouns: frozenset[str]  # "son pays", "his country": the state of the subject named before
    singular_possessives: frozenset[str]
    plural_possessives: frozenset[str]
    counterpart_nouns: frozenset[str]  # "son homologue", "his host": the possessor's partner in what is told
    first_person: frozenset[str]
    first_person_possessives: frozenset[str]
    second_person: frozenset[str]  # "vous", "you" inside a quotation: whom its speaker tells it to
    second_person_possessives: frozenset[str]
    addressee_cases: frozenset[str]  # how a verb of saying names whom it tells: "a déclaré au Chili", "said to"
    quote_marks: frozenset[str]
    reporting_verbs: frozenset[str]


@dataclass(frozen=True)
class DateWords:
    """The words of dates: the locale of day and month names, relative words, units, the dateline lead."""

    locale: str
    past_words: frozenset[str]
    next_words: frozenset[str]
    units: Mapping[str, str]  # a word -> year, month or week ("année": year)
    dateline_lead: str  # a regular expression
    ordinals: frozenset[str] = frozenset()  # day numbers written as words ("1er")


@dataclass(frozen=True)
class DependencyScheme:
    """How to read a model that does not parse in Universal Dependencies (see `kg.nlp.convert_dependencies`)."""

    labels: Mapping[str, str]  # the model's label -> the UD one ("dobj": "obj")
    prepositions: Mapping[str, str]  # the label of a preposition heading its object -> its object's UD label
    object: str = "pobj"  # the label of a preposition's object
    noun_label: str = "nmod"  # the object's label when the preposition hangs on a noun
    clause_object: str = ""  # the label of a clause a preposition heads ("accused X of supplying")
    clause_label: str = "xcomp"  # that clause's UD label
    infinitive_particle: str = ""  # the part of speech of a particle the model labels an infinitive's "aux" ("to")

    def as_config(self) -> dict[str, object]:
        """Plain values, for a spaCy component's config."""
        return {"labels": dict(self.labels), "prepositions": dict(self.prepositions), "object": self.object,
                "noun_label": self.noun_label, "clause_object": self.clause_object,
                "clause_label": self.clause_label, "infinitive_particle": self.infinitive_particle}  # fmt: skip


@dataclass(frozen=True)
class LanguagePack:
    """One language: its model, grammar, reference words, date words, dependency map and event vocabulary."""

    lang: str
    name: str
    model: str  # the spaCy package, loaded by name
    grammar: Grammar
    references: References
    dates: DateWords
    lexicon: EventLexicon
    # How to read the model's dependency labels as Universal Dependencies (None when it speaks UD).
    dependencies: DependencyScheme | None = None


def packs_dir(data: Path) -> Path:
    return data / "lang"


@cache
def pack_languages(data: Path) -> tuple[str, ...]:
    """The languages that have a pack under `data/lang/` (a folder with a `pack.toml`); listed once per data
    folder (ingest asks for every article)."""
    folder = packs_dir(data)
    return tuple(sorted(child.name for child in folder.iterdir() if (child / PACK_FILE).is_file()))


@cache
def load_pack(lang: str) -> LanguagePack:
    """The pack of `lang`, from `data/lang/<lang>/`: `DataError` naming the file if it is missing or malformed."""
    from kg.resources import data_dir, load_event_lexicon

    path = packs_dir(data_dir()) / lang / PACK_FILE
    settings = read_pack_settings(path)
    try:
        grammar = _grammar(settings["grammar"])
        references = _references(settings["references"])
        dates = _dates(settings["dates"])
        return LanguagePack(
            lang=lang,
            name=str(settings["name"]),
            model=str(settings["model"]),
            grammar=grammar,
            references=references,
            dates=dates,
            lexicon=load_event_lexicon(lang),
            dependencies=_dependencies(settings["dependencies"]) if "dependencies" in settings else None,
        )
    except KeyError as error:
        raise DataError(path, f"missing setting {error}") from error
    except (TypeError, ValueError, AttributeError) as error:
        raise DataError(path, f"malformed setting: {error}") from error


@cache
def read_pack_settings(path: Path) -> dict[str, Any]:
    """The settings of a `pack.toml`."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as error:
        raise DataError(path, "no language pack here") from error
    except OSError as error:
        raise DataError(path, f"cannot read: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise DataError(path, f"not valid TOML: {error}") from error


def _words(values: Any) -> frozenset[str]:
    if not isinstance(values, list):
        raise TypeError(f"expected a list of words, found {values!r}")
    return frozenset(str(value) for value in values)


def _grammar(section: dict[str, Any]) -> Grammar:
    return Grammar(
        prepositions=_words(section["prepositions"]),
        case_forms=MappingProxyType({str(k): _words(v) | {str(k)} for k, v in section.get("case_forms", {}).items()}),
        agent_case=str(section["agent_case"]),
        genitive_case=str(section["genitive_case"]),
        between_case=str(section["between_case"]),
        as_case=str(section["as_case"]),
        comitative_case=str(section.get("comitative_case", "")),
        mutual_adjectives=_words(section.get("mutual_adjectives", [])),
        instrument_case=str(section["instrument_case"]),
        holder_cases=tuple(str(case) for case in section["holder_cases"]),
        contrastive_slots=_words(section["contrastive_slots"]),
        locative_cases=_words(section["locative_cases"]),
        topic_cases=_words(section.get("topic_cases", [])),
        summary_nouns=_words(section.get("summary_nouns", [])),
        sign_nouns=_words(section.get("sign_nouns", [])),
        discourse_nouns=_words(section.get("discourse_nouns", [])),
        prepositional_nouns=_words(section.get("prepositional_nouns", [])),
        anaphoric_determiners=_words(section.get("anaphoric_determiners", [])),
        verb_endings=_words(section.get("verb_endings", [])),
        action_noun_suffixes=_words(section.get("action_noun_suffixes", [])),
        occasion_marks=_words(section.get("occasion_marks", [])),
        circumstance_cases=_words(section.get("circumstance_cases", [])),
        reaction_cases=_words(section.get("reaction_cases", [])),
        reaction_nouns=_words(section.get("reaction_nouns", [])),
        possessives=_words(section["possessives"]),
        plural_possessives=_words(section["plural_possessives"]),
        relative_pronouns=_words(section["relative_pronouns"]),
        demonstratives=_words(section["demonstratives"]),
        clause_saying_verbs=_words(section.get("clause_saying_verbs", [])),
        relative_object_pronouns=_words(section["relative_object_pronouns"]),
        inclusion_words=_words(section.get("inclusion_words", [])),
        reaction_verbs=_words(section.get("reaction_verbs", [])),
        reaction_means_cases=_words(section.get("reaction_means_cases", [])),
        vicinity_adverbs=_words(section.get("vicinity_adverbs", [])),
        relative_case_pronouns=MappingProxyType(
            {str(k): _words(v) for k, v in section.get("relative_case_pronouns", {}).items()}
        ),
        reflexive_forms=_words(section.get("reflexive_forms", [])),
        naming_verbs=_words(section["naming_verbs"]),
        participle_endings=tuple(str(v) for v in section.get("participle_endings", [])),
        infinitive_auxiliaries=_words(section.get("infinitive_auxiliaries", [])),
        past_participle_endings=tuple(str(v) for v in section.get("past_participle_endings", [])),
        future_stems=MappingProxyType({str(k): str(v) for k, v in section.get("future_stems", {}).items()}),
        future_auxiliaries=_words(section.get("future_auxiliaries", [])),
        conditional_auxiliaries=_words(section.get("conditional_auxiliaries", [])),
        infinitive_drops=tuple(str(v) for v in section.get("infinitive_drops", [])),
        conditional_endings=tuple(str(v) for v in section.get("conditional_endings", [])),
        future_endings=tuple(str(v) for v in section.get("future_endings", [])),
    )


def _dependencies(section: dict[str, Any]) -> DependencyScheme:
    return DependencyScheme(
        labels=MappingProxyType({str(k): str(v) for k, v in section.get("labels", {}).items()}),
        prepositions=MappingProxyType({str(k): str(v) for k, v in section["prepositions"].items()}),
        object=str(section.get("object", "pobj")),
        noun_label=str(section.get("noun_label", "nmod")),
        clause_object=str(section.get("clause_object", "")),
        clause_label=str(section.get("clause_label", "xcomp")),
        infinitive_particle=str(section.get("infinitive_particle", "")),
    )


def _references(section: dict[str, Any]) -> References:
    return References(**{name: _words(section[name]) for name in References.__dataclass_fields__})


def _dates(section: dict[str, Any]) -> DateWords:
    units = {str(k): str(v) for k, v in section["units"].items()}
    if set(units.values()) - {"year", "month", "week"}:
        raise ValueError(f"a unit is year, month or week: {units}")
    return DateWords(
        locale=str(section["locale"]),
        past_words=_words(section["past_words"]),
        next_words=_words(section["next_words"]),
        units=MappingProxyType(units),
        dateline_lead=str(section["dateline_lead"]),
        ordinals=_words(section.get("ordinals", [])),
    )
