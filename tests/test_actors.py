"""Actor resolution: each rule on hand-built parses (no model), then the real French model."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest
from spacy.lang.fr import French
from spacy.tokens import Doc, Span

from kg.actors import find_mentions
from kg.lang import load_pack
from kg.nlp import ACTOR_LABEL, AMBIGUOUS_LABEL, NONACTOR_LABEL
from kg.records import Article, ArticleDate, DatePrecision, Gazetteer, Mention, Resolution, TextPiece

Token = tuple[str, str, str, int, str]  # text, POS, dependency, head index, lemma
VOCAB = French().vocab


def parse(tokens: list[Token], ents: list[tuple[int, int, str, str]] = ()) -> Doc:
    """A hand-built parse: tokens with POS, dependency and head; ruler entities (start, end, label, id)."""
    words = [token[0] for token in tokens]
    doc = Doc(
        VOCAB, words=words, pos=[t[1] for t in tokens], deps=[t[2] for t in tokens],
        heads=[t[3] for t in tokens], lemmas=[t[4] for t in tokens],
        morphs=[t[5] if len(t) > 5 else "" for t in tokens],  # type: ignore[misc]
    )  # fmt: skip
    doc.ents = [Span(doc, start, end, label=label, span_id=actor) for start, end, label, actor in ents]
    return doc


def article_for(doc: Doc, day: dt.date | None = None) -> Article:
    date = ArticleDate(day, DatePrecision.DAY, "metadata") if day else None
    text = doc.text
    return Article("t", "t.txt", text, text, text, (TextPiece(0, len(text), 0, len(text)),), date=date)


def resolve(gazetteer: Gazetteer, doc: Doc, day: dt.date | None = None) -> list[Mention]:
    return find_mentions(doc, article_for(doc, day), gazetteer, load_pack("fr"))


def summary(mentions: list[Mention]) -> list[tuple[str, str, str]]:
    return [(mention.text, mention.actor, str(mention.how)) for mention in mentions]


def test_actors_person_name_acts_for_its_state(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("Vladimir", "PROPN", "nsubj", 2, "vladimir"), ("Poutine", "PROPN", "flat:name", 0, "poutine"),
         ("parle", "VERB", "ROOT", 2, "parler")],
        [(0, 2, ACTOR_LABEL, "vladimir-putin")],
    )  # fmt: skip
    [mention] = resolve(gazetteer, doc)
    assert (mention.actor, mention.code, mention.how, mention.qid) == (
        "vladimir-putin",
        "RUS",
        Resolution.NAME,
        "Q7747",
    )
    assert (mention.start, mention.end, mention.sentence) == (0, 16, 0)


def test_actors_short_name_resolves_to_the_full_name_in_the_article(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("Kim", "PROPN", "nsubj", 1, "kim"), ("parle", "VERB", "ROOT", 1, "parler"), (".", "PUNCT", "punct", 1, "."),
         ("Kim", "PROPN", "nsubj", 6, "kim"), ("Yo-jong", "PROPN", "flat:name", 3, "yo-jong"),
         ("aussi", "ADV", "advmod", 6, "aussi"), ("parle", "VERB", "ROOT", 6, "parler")],
        [(0, 1, AMBIGUOUS_LABEL, "?kim"), (3, 5, ACTOR_LABEL, "kim-yo-jong")],
    )  # fmt: skip
    assert summary(resolve(gazetteer, doc))[0] == ("Kim", "kim-yo-jong", "coreference")


@pytest.mark.parametrize(
    ("day", "expected"), [(dt.date(2023, 9, 13), "kim-jong-un"), (dt.date(2005, 1, 1), "kim-jong-il")]
)
def test_actors_short_name_alone_takes_the_office_holder_at_the_date(
    gazetteer: Gazetteer, day: dt.date, expected: str
) -> None:
    doc = parse(
        [("Kim", "PROPN", "nsubj", 1, "kim"), ("parle", "VERB", "ROOT", 1, "parler")], [(0, 1, AMBIGUOUS_LABEL, "?kim")]
    )
    assert summary(resolve(gazetteer, doc, day)) == [("Kim", expected, "coreference")]


def test_actors_short_name_alone_without_date_stays_unresolved(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("Kim", "PROPN", "nsubj", 1, "kim"), ("parle", "VERB", "ROOT", 1, "parler")], [(0, 1, AMBIGUOUS_LABEL, "?kim")]
    )
    assert resolve(gazetteer, doc) == []


PRESIDENT_RUSSE = [
    ("Le", "DET", "det", 1, "le"), ("président", "NOUN", "nsubj", 3, "président"), ("russe", "ADJ", "amod", 1, "russe"),
    ("arrive", "VERB", "ROOT", 3, "arriver"),
]  # fmt: skip


def test_actors_description_resolves_to_the_state(gazetteer: Gazetteer) -> None:
    assert summary(resolve(gazetteer, parse(PRESIDENT_RUSSE))) == [("président russe", "RUS", "description")]


@pytest.mark.parametrize("noun", ["navires", "équipages", "bombardiers"])
def test_actors_crews_ships_and_aircraft_act_for_their_state(gazetteer: Gazetteer, noun: str) -> None:
    # "les navires chinois": the ships (crews, bombers) of a state act for it, as its troops do.
    doc = parse([("les", "DET", "det", 1, "le"), (noun, "NOUN", "nsubj", 3, noun), ("chinois", "ADJ", "amod", 1, "chinois"),
                 ("patrouillent", "VERB", "ROOT", 3, "patrouiller")])  # fmt: skip
    assert summary(resolve(gazetteer, doc)) == [(f"{noun} chinois", "CHN", "description")]


def test_actors_the_nationality_of_a_named_person_is_no_actor_of_its_own(gazetteer: Gazetteer) -> None:
    # "le Norvégien Jens Stoltenberg salue ...": Stoltenberg acts for NATO; "Norvégien" only says where he is from.
    doc = parse([("le", "DET", "det", 1, "le"), ("Norvégien", "PROPN", "amod", 2, "norvégien"),
                 ("Jens", "PROPN", "nsubj", 4, "jens"), ("Stoltenberg", "PROPN", "flat:name", 2, "stoltenberg"),
                 ("salue", "VERB", "ROOT", 4, "saluer")], [(2, 4, ACTOR_LABEL, "jens-stoltenberg")])  # fmt: skip
    assert [(m.text, m.code) for m in resolve(gazetteer, doc)] == [("Jens Stoltenberg", "NAT")]


def test_actors_description_resolves_to_the_office_holder_named_in_the_article(gazetteer: Gazetteer) -> None:
    tokens = [*PRESIDENT_RUSSE, (".", "PUNCT", "punct", 3, "."), ("Poutine", "PROPN", "nsubj", 6, "poutine"),
              ("sourit", "VERB", "ROOT", 6, "sourire")]  # fmt: skip
    doc = parse(tokens, [(5, 6, ACTOR_LABEL, "vladimir-putin")])
    assert summary(resolve(gazetteer, doc, dt.date(2023, 9, 13)))[0] == (
        "président russe",
        "vladimir-putin",
        "description",
    )
    # In 2010 Putin was prime minister, not president: the description stays the state.
    assert summary(resolve(gazetteer, doc, dt.date(2010, 1, 1)))[0] == ("président russe", "RUS", "description")


def test_actors_role_followed_by_a_name_is_that_person(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("le", "DET", "det", 1, "le"), ("ministre", "NOUN", "nsubj", 9, "ministre"), ("russe", "ADJ", "amod", 1, "russe"),
         ("de", "ADP", "case", 5, "de"), ("la", "DET", "det", 5, "le"), ("Défense", "NOUN", "nmod", 1, "défense"),
         (",", "PUNCT", "punct", 7, ","), ("Sergueï", "PROPN", "appos", 1, "sergueï"), ("Choïgou", "PROPN", "flat:name", 7, "choïgou"),
         ("vient", "VERB", "ROOT", 9, "venir")],
        [(7, 9, ACTOR_LABEL, "sergei-shoigu")],
    )  # fmt: skip
    assert summary(resolve(gazetteer, doc)) == [
        ("ministre russe de la Défense , Sergueï Choïgou", "sergei-shoigu", "name")
    ]


def test_actors_body_of_a_named_leader_is_the_state(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("l'", "DET", "det", 1, "le"), ("armée", "NOUN", "nsubj", 5, "armée"), ("de", "ADP", "case", 3, "de"),
         ("M.", "NOUN", "nmod", 1, "m."), ("Poutine", "PROPN", "flat:name", 3, "poutine"), ("recule", "VERB", "ROOT", 5, "reculer")],
        [(4, 5, ACTOR_LABEL, "vladimir-putin")],
    )  # fmt: skip
    assert summary(resolve(gazetteer, doc)) == [("armée de M. Poutine", "RUS", "description")]


def test_actors_capital_as_subject_is_its_government_and_as_place_is_locative(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("Moscou", "PROPN", "nsubj", 1, "moscou"), ("envoie", "VERB", "ROOT", 1, "envoyer"),
         ("une", "DET", "det", 3, "un"), ("délégation", "NOUN", "obj", 1, "délégation"), ("à", "ADP", "case", 5, "à"),
         ("Hanoï", "PROPN", "obl:arg", 1, "hanoï")],
        [(0, 1, ACTOR_LABEL, "RUS"), (5, 6, ACTOR_LABEL, "VNM")],
    )  # fmt: skip
    mentions = resolve(gazetteer, doc)
    assert [(m.text, m.code, m.how, m.locative) for m in mentions] == [
        ("Moscou", "RUS", Resolution.METONYMY, False), ("Hanoï", "VNM", Resolution.METONYMY, True),
    ]  # fmt: skip


def test_actors_name_inside_a_think_tank_name_is_no_actor(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("un", "DET", "det", 1, "un"), ("chercheur", "NOUN", "nsubj", 6, "chercheur"), ("de", "ADP", "case", 3, "de"),
         ("l'Institut", "PROPN", "nmod", 1, "institut"), ("de", "ADP", "case", 5, "de"), ("Séoul", "PROPN", "nmod", 3, "séoul"),
         ("parle", "VERB", "ROOT", 6, "parler")],
        [(5, 6, ACTOR_LABEL, "KOR")],
    )  # fmt: skip
    assert resolve(gazetteer, doc) == []


def test_actors_non_actor_name_blocks_the_forms_inside_it(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("le", "DET", "det", 1, "le"), ("Washington", "PROPN", "nsubj", 3, "washington"), ("Post", "PROPN", "flat:name", 1, "post"),
         ("écrit", "VERB", "ROOT", 3, "écrire")],
        [(0, 3, NONACTOR_LABEL, "non-actor")],
    )  # fmt: skip
    assert resolve(gazetteer, doc) == []


def test_actors_a_nationality_on_a_non_actor_name_names_no_state(gazetteer: Gazetteer) -> None:
    # "le Hamas palestinien tire": a non-state armed group is no actor of the schema, and its nationality
    # adjective says where it is from, as for a newspaper ("Le Monde français").
    doc = parse(
        [("le", "DET", "det", 1, "le"), ("Hamas", "PROPN", "nsubj", 3, "hamas"), ("palestinien", "ADJ", "amod", 1, "palestinien"),
         ("tire", "VERB", "ROOT", 3, "tirer")],
        [(1, 2, NONACTOR_LABEL, "non-actor")],
    )  # fmt: skip
    assert resolve(gazetteer, doc) == []


@pytest.mark.model
def test_actors_armed_groups_are_non_actors(french_nlp, gazetteer: Gazetteer) -> None:
    # The gazetteer's non-state armed groups are found as non-actor names by the pipeline's entity ruler.
    text = "Le Hezbollah libanais et le Hamas palestinien ont salué l'attaque."
    assert model_mentions(french_nlp, gazetteer, text) == []


def test_actors_lower_case_form_of_a_capitalised_name_is_no_mention(gazetteer: Gazetteer) -> None:
    doc = parse([("Les", "DET", "det", 1, "le"), ("paris", "NOUN", "nsubj", 2, "pari"), ("montent", "VERB", "ROOT", 2, "monter")],
                [(1, 2, ACTOR_LABEL, "FRA")])  # fmt: skip
    assert resolve(gazetteer, doc) == []


@pytest.mark.parametrize("noun", ["pays", "délégations", "homologues", "parties"])
def test_actors_les_deux_pays_are_the_last_two_states(gazetteer: Gazetteer, noun: str) -> None:
    doc = parse(
        [("Le", "DET", "det", 1, "le"), ("Chili", "PROPN", "nsubj", 4, "chili"), ("et", "CCONJ", "cc", 3, "et"),
         ("l'Argentine", "PROPN", "conj", 1, "argentine"), ("négocient", "VERB", "ROOT", 4, "négocier"), (".", "PUNCT", "punct", 4, "."),
         ("Les", "DET", "det", 8, "le"), ("deux", "NUM", "nummod", 8, "deux"), (noun, "NOUN", "nsubj", 9, noun),
         ("signent", "VERB", "ROOT", 9, "signer")],
        [(1, 2, ACTOR_LABEL, "CHL"), (3, 4, ACTOR_LABEL, "ARG")],
    )  # fmt: skip
    group = [(m.text, m.actor) for m in resolve(gazetteer, doc) if m.how is Resolution.COREFERENCE]
    assert sorted(group) == [(f"deux {noun}", "ARG"), (f"deux {noun}", "CHL")]


def test_actors_ils_after_a_sentence_naming_two_actors(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("Pékin", "PROPN", "nsubj", 1, "pékin"), ("reçoit", "VERB", "ROOT", 1, "recevoir"), ("Séoul", "PROPN", "obj", 1, "séoul"),
         (".", "PUNCT", "punct", 1, "."), ("Ils", "PRON", "nsubj", 5, "il"), ("discutent", "VERB", "ROOT", 5, "discuter")],
        [(0, 1, ACTOR_LABEL, "CHN"), (2, 3, ACTOR_LABEL, "KOR")],
    )  # fmt: skip
    assert sorted((m.text, m.code) for m in resolve(gazetteer, doc) if m.text == "Ils") == [
        ("Ils", "CHN"),
        ("Ils", "KOR"),
    ]


def test_actors_leur_is_the_two_actors_of_the_previous_sentence(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("Lima", "PROPN", "nsubj", 1, "lima"), ("reçoit", "VERB", "ROOT", 1, "recevoir"), ("Quito", "PROPN", "obj", 1, "quito"),
         (".", "PUNCT", "punct", 1, "."), ("Leur", "DET", "det", 5, "leur"), ("sommet", "NOUN", "nsubj", 6, "sommet"),
         ("dure", "VERB", "ROOT", 6, "durer")],
        [(0, 1, ACTOR_LABEL, "PER"), (2, 3, ACTOR_LABEL, "ECU")],
    )  # fmt: skip
    assert sorted((m.text, m.code) for m in resolve(gazetteer, doc) if m.text == "Leur") == [
        ("Leur", "ECU"),
        ("Leur", "PER"),
    ]


def test_actors_leur_is_the_plural_subject_of_its_clause_not_a_place(gazetteer: Gazetteer) -> None:
    # "À Lima, les ministres de l'OTAN expriment leur inquiétude": "leur" is the ministers', not Peru's (a place).
    doc = parse(
        [("À", "ADP", "case", 1, "à"), ("Lima", "PROPN", "obl:mod", 6, "lima"), (",", "PUNCT", "punct", 1, ","),
         ("les", "DET", "det", 4, "le"), ("ministres", "NOUN", "nsubj", 6, "ministre", "Number=Plur"),
         ("OTAN", "PROPN", "nmod", 4, "otan"), ("expriment", "VERB", "ROOT", 6, "exprimer"),
         ("leur", "DET", "det", 8, "leur"), ("inquiétude", "NOUN", "obj", 6, "inquiétude")],
        [(1, 2, ACTOR_LABEL, "PER"), (3, 6, ACTOR_LABEL, "NAT")],
    )  # fmt: skip
    assert [(m.text, m.code) for m in resolve(gazetteer, doc) if m.text == "leur"] == [("leur", "NAT")]


def test_actors_leur_after_one_actor_in_its_sentence_is_unresolved(gazetteer: Gazetteer) -> None:
    # "Lima reçoit Quito. Bogota salue leur sommet": whose summit is not certain enough to guess.
    doc = parse(
        [("Lima", "PROPN", "nsubj", 1, "lima"), ("reçoit", "VERB", "ROOT", 1, "recevoir"), ("Quito", "PROPN", "obj", 1, "quito"),
         (".", "PUNCT", "punct", 1, "."), ("Bogota", "PROPN", "nsubj", 5, "bogota"), ("salue", "VERB", "ROOT", 5, "saluer"),
         ("leur", "DET", "det", 7, "leur"), ("sommet", "NOUN", "obj", 5, "sommet")],
        [(0, 1, ACTOR_LABEL, "PER"), (2, 3, ACTOR_LABEL, "ECU"), (4, 5, ACTOR_LABEL, "COL")],
    )  # fmt: skip
    assert [m for m in resolve(gazetteer, doc) if m.text == "leur"] == []


def test_actors_il_as_subject_is_the_last_actor_subject(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("Erdogan", "PROPN", "obj", 2, "erdogan"), ("Biden", "PROPN", "nsubj", 2, "biden"), ("appelle", "VERB", "ROOT", 2, "appeler"),
         (".", "PUNCT", "punct", 2, "."), ("Il", "PRON", "nsubj", 5, "il"), ("insiste", "VERB", "ROOT", 5, "insister")],
        [(1, 2, ACTOR_LABEL, "joe-biden")],
    )  # fmt: skip
    assert summary(resolve(gazetteer, doc))[-1] == ("Il", "joe-biden", "coreference")


def test_actors_impersonal_il_is_no_reference(gazetteer: Gazetteer) -> None:
    doc = parse(
        [("Biden", "PROPN", "nsubj", 1, "biden"), ("parle", "VERB", "ROOT", 1, "parler"), (".", "PUNCT", "punct", 1, "."),
         ("Il", "PRON", "expl:subj", 4, "il"), ("pleut", "VERB", "ROOT", 4, "pleuvoir")],
        [(0, 1, ACTOR_LABEL, "joe-biden")],
    )  # fmt: skip
    assert [m.text for m in resolve(gazetteer, doc)] == ["Biden"]


def test_actors_demonym_alone_is_its_state(gazetteer: Gazetteer) -> None:
    doc = parse(
        [
            ("l'", "DET", "det", 1, "le"),
            ("offensive", "NOUN", "ROOT", 1, "offensive"),
            ("ukrainienne", "ADJ", "amod", 1, "ukrainien"),
        ]
    )
    assert summary(resolve(gazetteer, doc)) == [("ukrainienne", "UKR", "demonym")]


# The real French model ---------------------------------------------------------------------------


def model_mentions(french_nlp, gazetteer: Gazetteer, text: str, day: dt.date | None = None) -> list[Mention]:
    doc = french_nlp(text)
    return find_mentions(doc, article_for(doc, day), gazetteer, load_pack("fr"))


@pytest.mark.model
def test_actors_model_description_capital_and_name(french_nlp, gazetteer: Gazetteer) -> None:
    text = "Le dirigeant nord-coréen Kim Jong-un a reçu mardi le ministre chinois des Affaires étrangères à Pyongyang."
    found = {(m.text, m.actor, m.locative) for m in model_mentions(french_nlp, gazetteer, text)}
    assert ("dirigeant nord-coréen Kim Jong-un", "kim-jong-un", False) in found
    assert any(actor == "CHN" for _, actor, _ in found)
    assert ("Pyongyang", "PRK", True) in found


@pytest.mark.model
def test_actors_model_think_tank_city_is_no_actor(french_nlp, gazetteer: Gazetteer) -> None:
    text = "Selon un chercheur de l'Institut coréen d'études stratégiques de Séoul, Pékin soutient Téhéran."
    codes = {m.code for m in model_mentions(french_nlp, gazetteer, text)}
    assert codes == {"CHN", "IRN"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("L'Iran a arraisonné un pétrolier grec dans le golfe d'Oman.", {"IRN", "GRC"}),
        ("Deux frégates australiennes naviguaient hier en mer de Chine orientale.", {"AUS"}),
        ("Une frégate allemande a franchi le détroit de Taïwan en septembre.", {"DEU"}),
    ],
)
def test_actors_model_a_sea_or_strait_named_after_a_state_is_no_actor(
    french_nlp, gazetteer: Gazetteer, text: str, codes: set[str]
) -> None:
    assert {m.code for m in model_mentions(french_nlp, gazetteer, text)} == codes


@pytest.mark.model
def test_actors_model_an_english_strait_named_after_a_state_is_no_actor(english_nlp, gazetteer: Gazetteer) -> None:
    doc = english_nlp("A Canadian destroyer sailed through the Strait of Taiwan on Sunday.")
    assert {m.code for m in find_mentions(doc, article_for(doc), gazetteer, load_pack("en"))} == {"CAN"}


@pytest.mark.model
def test_actors_model_officials_and_metonymy(french_nlp, gazetteer: Gazetteer) -> None:
    text = "Des responsables japonais ont indiqué que Washington avait averti Moscou à plusieurs reprises."
    found = {(m.text, m.code) for m in model_mentions(french_nlp, gazetteer, text)}
    assert found == {("responsables japonais", "JPN"), ("Washington", "USA"), ("Moscou", "RUS")}


@pytest.mark.model
def test_actors_model_seed_actor_codes_are_found(french_nlp, gazetteer: Gazetteer, seed_articles) -> None:
    """Issue target: per article, the actor codes of the gold events are found (recall >= 0.95)."""
    gold: dict[str, set[str]] = defaultdict(set)
    for line in (Path(__file__).parent / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["article"]] |= {record["source"], record["target"]}
    for article in seed_articles.values():
        found = {
            mention.code for mention in find_mentions(french_nlp(article.text), article, gazetteer, load_pack("fr"))
        }
        assert len(gold[article.id] & found) / len(gold[article.id]) >= 0.95, gold[article.id] - found


@pytest.mark.model
def test_actors_model_analysts_and_media_never_become_actors(french_nlp, gazetteer: Gazetteer, seed_articles) -> None:
    non_actors = ("Carnegie", "Council on Foreign Relations", "New York Times", "Stimson", "Royal United", "Clingendael",
                  "Snyder", "Gabuev", "Breuker", "Zandee", "Rinna", "Arnold", "Yun Sun", "Hong Min", "An Chan-il", "Sino-NK")  # fmt: skip
    for article in seed_articles.values():
        for mention in find_mentions(french_nlp(article.text), article, gazetteer, load_pack("fr")):
            assert not any(name in mention.text for name in non_actors), mention


def test_actors_compound_demonym_names_each_of_its_states(gazetteer: Gazetteer) -> None:
    doc = parse([("les", "DET", "det", 1, "le"), ("échanges", "NOUN", "ROOT", 1, "échange"),
                 ("franco-italiens", "ADJ", "amod", 1, "franco-italien")])  # fmt: skip
    assert sorted(summary(resolve(gazetteer, doc))) == [
        ("franco-italiens", "FRA", "demonym"),
        ("franco-italiens", "ITA", "demonym"),
    ]


def test_actors_combining_form_split_by_the_tokenizer(gazetteer: Gazetteer) -> None:
    # "la frontière turco - syrienne": the tokenizer made three tokens of one word.
    doc = parse([("la", "DET", "det", 1, "le"), ("frontière", "NOUN", "ROOT", 1, "frontière"), ("turco", "ADJ", "amod", 1, "turco"),
                 ("-", "PUNCT", "punct", 4, "-"), ("syrienne", "ADJ", "amod", 1, "syrien")])  # fmt: skip
    assert sorted(summary(resolve(gazetteer, doc))) == [("syrienne", "SYR", "demonym"), ("turco", "TUR", "demonym")]


def test_actors_hyphenated_word_without_a_demonym_is_no_actor(gazetteer: Gazetteer) -> None:
    # "indo" is a combining form, but "indo-pacifique" names a region, not India.
    doc = parse([("l'", "DET", "det", 1, "le"), ("espace", "NOUN", "ROOT", 1, "espace"),
                 ("indo-pacifique", "ADJ", "amod", 1, "indo-pacifique")])  # fmt: skip
    assert resolve(gazetteer, doc) == []


def test_actors_word_naming_two_states(gazetteer: Gazetteer) -> None:
    doc = parse([("le", "DET", "det", 1, "le"), ("dialogue", "NOUN", "ROOT", 1, "dialogue"),
                 ("intercoréen", "ADJ", "amod", 1, "intercoréen")])  # fmt: skip
    assert sorted(m.code for m in resolve(gazetteer, doc)) == ["KOR", "PRK"]


@pytest.mark.model
def test_actors_model_first_person_in_a_quotation_is_its_speaker(french_nlp, gazetteer: Gazetteer) -> None:
    text = "« Nous sommes prêts et notre soutien au Pérou est total », a déclaré le président chilien."
    quoted = {(m.text, m.code) for m in model_mentions(french_nlp, gazetteer, text) if m.how is Resolution.COREFERENCE}
    assert {("Nous", "CHL"), ("notre", "CHL")} <= quoted


@pytest.mark.model
def test_actors_model_speaker_set_after_the_reporting_verb_is_the_quotations_speaker(
    french_nlp, gazetteer: Gazetteer
) -> None:
    # The parser takes the chancellor, set after "a déclaré", for the verb's object.
    text = (
        "« Cette livraison s'inscrit dans notre soutien constant à la Moldavie », a déclaré le chancelier autrichien."
    )
    quoted = {(m.text, m.code) for m in model_mentions(french_nlp, gazetteer, text) if m.how is Resolution.COREFERENCE}
    assert ("notre", "AUT") in quoted


def test_actors_a_role_noun_with_coordinated_nationalities_describes_each_state(gazetteer: Gazetteer) -> None:
    # "les navires chinois et russes patrouillent": the ships are China's and Russia's.
    doc = parse([("les", "DET", "det", 1, "le"), ("navires", "NOUN", "nsubj", 5, "navire"), ("chinois", "ADJ", "amod", 1, "chinois"),
                 ("et", "CCONJ", "cc", 4, "et"), ("russes", "ADJ", "conj", 2, "russe"),
                 ("patrouillent", "VERB", "ROOT", 5, "patrouiller")])  # fmt: skip
    described = {(m.token_start, m.code) for m in resolve(gazetteer, doc) if m.how is Resolution.DESCRIPTION}
    assert described == {(1, "CHN"), (1, "RUS")}


def test_actors_a_dateline_names_where_the_article_was_written_not_an_actor(gazetteer: Gazetteer) -> None:
    # "LIMA (AFP) - Le Chili proteste": Lima is where the wire was filed; Chile is the story's actor.
    doc = parse([("LIMA", "PROPN", "nsubj", 7, "lima"), ("(", "PUNCT", "punct", 2, "("), ("AFP", "PROPN", "appos", 0, "afp"),
                 (")", "PUNCT", "punct", 2, ")"), ("-", "PUNCT", "punct", 0, "-"), ("Le", "DET", "det", 6, "le"),
                 ("Chili", "PROPN", "nsubj", 7, "chili"), ("proteste", "VERB", "ROOT", 7, "protester")],
                [(0, 1, ACTOR_LABEL, "PER"), (6, 7, ACTOR_LABEL, "CHL")])  # fmt: skip
    assert [m.code for m in resolve(gazetteer, doc)] == ["CHL"]


def test_actors_a_heading_before_a_colon_is_no_dateline(gazetteer: Gazetteer) -> None:
    # "OTAN : le Chili proteste": a heading naming NATO, not where the article was written.
    doc = parse([("OTAN", "PROPN", "nsubj", 4, "otan"), (":", "PUNCT", "punct", 0, ":"), ("le", "DET", "det", 3, "le"),
                 ("Chili", "PROPN", "nsubj", 4, "chili"), ("proteste", "VERB", "ROOT", 4, "protester")],
                [(0, 1, ACTOR_LABEL, "NAT"), (3, 4, ACTOR_LABEL, "CHL")])  # fmt: skip
    assert [m.code for m in resolve(gazetteer, doc)] == ["NAT", "CHL"]


def test_actors_an_army_is_described_as_its_states_military(gazetteer: Gazetteer) -> None:
    # "l'armée russe attaque": Russia, acting through its military (GDELT codes it RUSMIL).
    doc = parse([("l'", "DET", "det", 1, "le"), ("armée", "NOUN", "nsubj", 3, "armée"), ("russe", "ADJ", "amod", 1, "russe"),
                 ("attaque", "VERB", "ROOT", 3, "attaquer")])  # fmt: skip
    assert [(m.code, m.how, m.role) for m in resolve(gazetteer, doc)] == [("RUS", Resolution.DESCRIPTION, "military")]


@pytest.mark.model
def test_actors_periphrases_and_capitals_name_their_states(french_nlp, gazetteer: Gazetteer) -> None:
    # The periphrases news uses for states, and the capitals of small states, as the actor stage reads them.
    doc = french_nlp("L'État hébreu a frappé le pays du Cèdre. Lima a protesté auprès de Quito et du royaume ermite.")
    found = {(m.text, m.code) for m in find_mentions(doc, article_for(doc), gazetteer, load_pack("fr"))}
    assert {("État hébreu", "ISR"), ("pays du Cèdre", "LBN"), ("Lima", "PER"), ("royaume ermite", "PRK")} <= found
    assert any(code == "ECU" for _, code in found)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Les autorités sierra-léonaises ont protesté.", "SLE"),  # cut in three tokens at its hyphen
        ("Le président sri-lankais a parlé.", "LKA"),
        ("Les forces sud-soudanaises ont tiré.", "SSD"),  # tagged a verb
        ("La diplomatie nord-macédonienne a réagi.", "MKD"),
        ("Le ministre est-timorais a parlé.", "TLS"),
    ],
)
def test_actors_model_hyphenated_nationalities(french_nlp, gazetteer: Gazetteer, text: str, code: str) -> None:
    assert [m.code for m in model_mentions(french_nlp, gazetteer, text)] == [code]


@pytest.mark.model
def test_actors_model_any_verb_of_saying_names_the_quotations_speaker(french_nlp, gazetteer: Gazetteer) -> None:
    # "a détaillé", "a résumé", "a rétorqué": verbs of saying beyond "déclarer" introduce the speaker too.
    for verb in ("détaillé", "résumé", "rétorqué"):
        text = f"« Nous soutenons pleinement la Moldavie », a {verb} le ministre autrichien."
        quoted = {
            (m.text, m.code) for m in model_mentions(french_nlp, gazetteer, text) if m.how is Resolution.COREFERENCE
        }
        assert ("Nous", "AUT") in quoted, verb


@pytest.mark.model
@pytest.mark.parametrize("noun", ["homologue", "invité", "interlocuteur", "voisin", "allié"])
def test_actors_model_a_counterpart_noun_is_the_possessors_partner(french_nlp, gazetteer: Gazetteer, noun: str) -> None:
    # "son homologue" with no nationality: the most salient actor of the last sentences that is not its possessor.
    text = f"Le président chilien est arrivé mardi à Lima. Le président péruvien a longuement remercié son {noun}."
    resolved = {
        (m.text, m.code) for m in model_mentions(french_nlp, gazetteer, text) if m.how is Resolution.COREFERENCE
    }
    assert (noun, "CHL") in resolved


@pytest.mark.model
def test_actors_model_a_counterpart_noun_with_a_nationality_or_a_plural_possessive_is_left_alone(
    french_nlp, gazetteer: Gazetteer
) -> None:
    text = "Le président chilien est arrivé à Lima. Les deux présidents ont salué leur homologue bolivien."
    found = model_mentions(french_nlp, gazetteer, text)
    assert not [m for m in found if m.text == "homologue" and m.how is Resolution.COREFERENCE]


@pytest.mark.model
def test_actors_model_the_two_koreas_name_both(french_nlp, gazetteer: Gazetteer) -> None:
    found = model_mentions(french_nlp, gazetteer, "Les deux Corées ont rouvert leur ligne de communication.")
    assert {m.code for m in found if m.text == "Corées"} == {"KOR", "PRK"}


@pytest.mark.model
def test_actors_model_the_two_countries_of_their_own_sentence(french_nlp, gazetteer: Gazetteer) -> None:
    # Bolivia is the most named of the window, but "les deux pays" follows Chile and Peru in its own sentence.
    text = (
        "La Bolivie a protesté. La Bolivie a rappelé son ambassadeur au Brésil. "
        "Le président chilien est arrivé au Pérou pour renforcer les liens entre les deux pays."
    )
    found = model_mentions(french_nlp, gazetteer, text)
    assert {m.code for m in found if m.text == "deux pays"} == {"CHL", "PER"}


@pytest.mark.model
@pytest.mark.parametrize("aside", ["pour sa part", "de son côté"])
def test_actors_model_speaker_after_an_aside_is_the_quotations_speaker(
    french_nlp, gazetteer: Gazetteer, aside: str
) -> None:
    # The parser takes the speaker for an apposition of the aside ("pour sa part", "de son côté").
    text = f"« Nous soutenons pleinement la Moldavie », a déclaré {aside} le chancelier autrichien."
    quoted = {(m.text, m.code) for m in model_mentions(french_nlp, gazetteer, text) if m.how is Resolution.COREFERENCE}
    assert ("Nous", "AUT") in quoted


@pytest.mark.model
def test_actors_model_no_sentence_starts_after_an_opening_quotation_mark(french_nlp) -> None:
    doc = french_nlp("Le président chilien est arrivé à Lima. « Nous sommes avec le Pérou », a déclaré le ministre.")
    assert [sentence.text for sentence in doc.sents] == [
        "Le président chilien est arrivé à Lima.",
        "« Nous sommes avec le Pérou », a déclaré le ministre.",
    ]


@pytest.mark.model
def test_actors_model_a_capital_inside_a_form_must_be_kept(french_nlp, gazetteer: Gazetteer) -> None:
    # "l'Ouest" is the West; "l'ouest de la Russie" is a direction.
    found = model_mentions(french_nlp, gazetteer, "Kazan, une ville de l'ouest de la Russie, a accueilli le sommet.")
    assert "WST" not in {m.code for m in found}
    assert "WST" in {m.code for m in model_mentions(french_nlp, gazetteer, "L'Ouest a condamné la Russie.")}


@pytest.mark.model
def test_actors_model_a_periphrasis_of_the_press_names_its_state(french_nlp, gazetteer: Gazetteer) -> None:
    # the French press's names for states: "le royaume ermite", "l'Hexagone", "le pays du Matin calme"
    text = "Le royaume ermite a condamné l'Hexagone et le pays du Matin calme."
    assert {"PRK", "FRA", "KOR"} <= {m.code for m in model_mentions(french_nlp, gazetteer, text)}


@pytest.mark.model
def test_actors_model_the_second_person_of_a_quotation_is_its_addressee(french_nlp, gazetteer: Gazetteer) -> None:
    text = "« Nous soutiendrons toujours vos efforts de paix », a dit le président chinois à son homologue brésilien."
    quoted = {(m.text, m.code) for m in model_mentions(french_nlp, gazetteer, text) if m.how is Resolution.COREFERENCE}
    assert {("Nous", "CHN"), ("vos", "BRA")} <= quoted
    # with no addressee named, "vous" is nobody
    text = "« Vous connaissez notre position », a dit le président chinois."
    quoted = {(m.text, m.code) for m in model_mentions(french_nlp, gazetteer, text) if m.how is Resolution.COREFERENCE}
    assert quoted == {("notre", "CHN")}


@pytest.mark.model
def test_actors_model_a_body_is_not_of_the_place_where_it_is(french_nlp, gazetteer: Gazetteer) -> None:
    # "à Pékin", "en Ukraine": where the envoy or the troops are, not whose they are
    found = {(m.text, m.code) for m in model_mentions(french_nlp, gazetteer, "L'ambassadeur à Pékin a été rappelé.")}
    assert found == {("Pékin", "CHN")}
    found = {(m.text, m.code) for m in model_mentions(french_nlp, gazetteer, "Les soldats en Ukraine sont épuisés.")}
    assert found == {("Ukraine", "UKR")}


@pytest.mark.model
def test_actors_model_a_demonym_the_parser_took_for_a_complement_names_the_roles_state(
    french_nlp, gazetteer: Gazetteer
) -> None:
    # "sud-coréen" hung on "ministre" as a complement, not an adjective: the minister is still South Korea's
    text = "Le ministre de la Défense sud-coréen a critiqué le Japon."
    found = {(m.text, m.code) for m in model_mentions(french_nlp, gazetteer, text)}
    assert ("ministre de la Défense sud-coréen", "KOR") in found
