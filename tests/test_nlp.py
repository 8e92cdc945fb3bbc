"""The parse repairs of `kg.nlp`: on hand-built parses of the project's own sentences, and read through the real French
pipeline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.actors import find_mentions
from kg.events import extract_events
from kg.lang import LanguagePack, load_pack
from kg.nlp import repair_fronted_subjects
from kg.records import Gazetteer

from helpers import HandToken, article_for, mention, parse

PARTICIPLE = "VerbForm=Part|Tense=Past"


@pytest.fixture(scope="module")
def pack() -> LanguagePack:
    """The French pack without its relation classifier: the rules read the repaired parse."""
    pack = load_pack("fr")
    return replace(pack, lexicon=replace(pack.lexicon, models={}))


# "Sous l'égide de l'Argentine, le Chili et le Pérou ont signé un accord.", as the parser reads it: the Chile and
# the Peru conjuncts of Argentina, the verb without a subject.
UNDER_AUSPICES: list[HandToken] = [
    ("Sous", "ADP", "case", 2, "sous"), ("l'", "DET", "det", 2, "le"), ("égide", "NOUN", "obl:mod", 13, "égide"),
    ("de", "ADP", "case", 5, "de"), ("l'", "DET", "det", 5, "le"), ("Argentine", "PROPN", "nmod", 2, "Argentine"),
    (",", "PUNCT", "punct", 8, ","), ("le", "DET", "det", 8, "le"), ("Chili", "PROPN", "conj", 5, "Chili"),
    ("et", "CCONJ", "cc", 11, "et"), ("le", "DET", "det", 11, "le"), ("Pérou", "PROPN", "conj", 5, "Pérou"),
    ("ont", "AUX", "aux:tense", 13, "avoir", "Mood=Ind|VerbForm=Fin"),
    ("signé", "VERB", "ROOT", 13, "signer", PARTICIPLE), ("un", "DET", "det", 15, "un"),
    ("accord", "NOUN", "obj", 13, "accord"),
]  # fmt: skip


def test_nlp_a_subject_joined_to_a_phrase_set_before_it_is_given_back_to_its_verb(pack: LanguagePack) -> None:
    doc = parse(UNDER_AUSPICES)
    repair_fronted_subjects(doc)
    assert (doc[8].dep_, doc[8].head.i) == ("nsubj", 13)
    assert doc[11].head.i == 8  # the Peru joined to the Chile, not to Argentina
    assert doc[5].head.i == 2  # Argentina stays in its phrase
    mentions = [mention(doc, 5, 6, "ARG"), mention(doc, 8, 9, "CHL"), mention(doc, 11, 12, "PER")]
    events = extract_events(doc, article_for(doc), mentions, pack)
    # the two sign together; the sponsor of the signing mediates between them
    assert {(e.source, e.target, e.cameo, e.symmetric) for e in events} == {
        ("CHL", "PER", "05", True),
        ("ARG", "CHL", "04", False),
        ("ARG", "PER", "04", False),
    }


@pytest.mark.parametrize(
    "change",
    [
        {13: ("signer", "VERB", "ROOT", 13, "signer", "VerbForm=Inf")},  # an infinitive: no subject of its own
        {6: ("selon", "ADP", "case", 8, "selon")},  # no comma before the conjuncts: they are the phrase's
    ],
)
def test_nlp_no_subject_is_taken_from_a_phrase_without_a_comma_or_for_an_infinitive(
    change: dict[int, HandToken],
) -> None:
    words = list(UNDER_AUSPICES)
    for index, token in change.items():
        words[index] = token
    if 13 in change:  # an infinitive without its auxiliary
        words[12] = ("de", "ADP", "mark", 13, "de")
    doc = parse(words)
    heads = [token.head.i for token in doc]
    repair_fronted_subjects(doc)
    assert [token.head.i for token in doc] == heads


def french_events(french_nlp, gazetteer: Gazetteer, french: LanguagePack, text: str) -> set[tuple[str, str, str]]:
    """Source, target and CAMEO root of the events the real French pipeline extracts from a sentence."""
    doc = french_nlp(text)
    article = article_for(doc)
    events = extract_events(doc, article, find_mentions(doc, article, gazetteer, french), french)
    return {(event.source, event.target, event.cameo) for event in events}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tagger reads "gelé" after "a" as an adjective: a participle all the same, of "geler"
        ("Le Chili a gelé les avoirs de la banque centrale péruvienne.", {("CHL", "PER", "16")}),
        # the parser joins the two signatories to the town of the fronted phrase
        ("À Lima, la Bolivie et le Paraguay ont signé un accord.", {("BOL", "PRY", "05")}),
        # words of the lexicon: an order placed with a seller, a mutual quarrel
        ("Le Pérou a passé commande de six avions auprès du Brésil.", {("PER", "BRA", "06")}),
        ("Le Chili et le Pérou se sont querellés sur la frontière.", {("CHL", "PER", "11")}),
    ],
)
def test_nlp_repairs_and_lexicon_read_by_the_french_pipeline(
    french_nlp, gazetteer: Gazetteer, french: LanguagePack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert french_events(french_nlp, gazetteer, french, text) == expected


@pytest.mark.model
def test_nlp_an_adjective_after_a_copula_stays_an_adjective(french_nlp) -> None:
    doc = french_nlp("Le Chili a été prudent envers le Pérou.")
    assert [token.pos_ for token in doc if token.lower_ == "prudent"] == ["ADJ"]
