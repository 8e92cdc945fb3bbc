"""The relation classifier: its features on hand-built parses, its decisions with a hand-made model, the model
file, and training on sentences written for these tests (the real model and scikit-learn)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.tokens import Doc

from kg.errors import DataError, InputError
from kg.events import extract_events
from kg.events.candidates import Reach
from kg.events.classifier import RuleLinks, features, probability
from kg.events.extraction import Extractor
from kg.events.proposals import proposals
from kg.lang import LanguagePack, load_pack
from kg.records import NEVER, Mention, RelationModel
from kg.resources import load_relation_model, pack_dir

from helpers import article_for, mention, parse


@pytest.fixture(scope="module")
def rules() -> LanguagePack:
    """The French pack without its relation classifier (the tests give their own)."""
    pack = load_pack("fr")
    return replace(pack, lexicon=replace(pack.lexicon, models={}))


def with_model(pack: LanguagePack, model: RelationModel) -> LanguagePack:
    return replace(pack, lexicon=replace(pack.lexicon, models={"fr": model}))


def condemnation() -> tuple[Doc, list[Mention]]:
    # "Le Chili condamne le Pérou" (a filled frame) and "selon l'Équateur" (an attribution).
    doc = parse([("Selon", "ADP", "case", 1, "selon"), ("l'Équateur", "PROPN", "obl:mod", 4, "équateur"),
                 (",", "PUNCT", "punct", 1, ","), ("Chili", "PROPN", "nsubj", 4, "chili"),
                 ("condamne", "VERB", "ROOT", 4, "condamner"), ("Pérou", "PROPN", "obj", 4, "pérou")])  # fmt: skip
    return doc, [mention(doc, 1, 2, "ECU"), mention(doc, 3, 4, "CHL"), mention(doc, 5, 6, "PER")]


def test_classifier_features_describe_the_rules_reach_and_the_parse(rules: LanguagePack) -> None:
    doc, mentions = condemnation()
    view = Extractor(doc, article_for(doc), mentions, rules)
    candidates = view.rule_candidates()
    [framed] = [c for c in candidates if (c.source.code, c.target.code) == ("CHL", "PER")]
    names = set(features(view, framed, RuleLinks(candidates)))
    assert {"reach=FRAME", "reverse=none", "root=11", "lemma=condamner", "source.path=nsubj", "target.path=obj",
            "source.case=-", "order=<>", "actors=3", "passive=False"} <= names  # fmt: skip


def test_classifier_path_and_case_of_an_actor_on_another_branch(rules: LanguagePack) -> None:
    doc, mentions = condemnation()
    view = Extractor(doc, article_for(doc), mentions, rules)
    [framed] = [c for c in view.rule_candidates() if (c.source.code, c.target.code) == ("CHL", "PER")]
    attributed = replace(framed, source=mentions[0])  # Ecuador, who says so, taken as the source
    names = set(features(view, attributed, RuleLinks(view.rule_candidates())))
    assert {"source.path=obl:mod", "source.case=selon", "reach=none"} <= names


def test_classifier_probability_follows_the_weights() -> None:
    model = RelationModel("fr", {"reach=FRAME": 3.0, "reach=SENTENCE": -3.0}, bias=0.0, threshold=0.5)
    assert probability(model, ["reach=FRAME"]) == pytest.approx(0.9526, abs=1e-4)
    assert probability(model, ["reach=SENTENCE"]) == pytest.approx(0.0474, abs=1e-4)
    assert probability(model, ["unknown feature"]) == 0.5


def test_classifier_drops_what_it_doubts_and_gives_the_rest_its_probability(rules: LanguagePack) -> None:
    doc, mentions = condemnation()
    model = RelationModel("fr", {"reach=FRAME": 2.0, "lemma=condamner": 0.5}, bias=-1.0, threshold=0.6)
    events = extract_events(doc, article_for(doc), mentions, with_model(rules, model))
    assert [(e.source, e.target, e.cameo) for e in events] == [("CHL", "PER", "11")]
    assert events[0].confidence == round(probability(model, ["reach=FRAME", "lemma=condamner"]), 3)
    # A filled frame is kept whatever the threshold; the model decides on the rules' looser links only.
    strict = replace(model, threshold=0.99)
    assert len(extract_events(doc, article_for(doc), mentions, with_model(rules, strict))) == 1


def test_classifier_drops_a_loose_link_it_doubts(rules: LanguagePack) -> None:
    # "Le Pérou a voté la loi et le Chili a protesté.": the rules guess CHL > PER from the sentence.
    doc = parse([("Le", "DET", "det", 1, "le"), ("Pérou", "PROPN", "nsubj", 2, "pérou"),
                 ("vote", "VERB", "ROOT", 2, "voter"),
                 ("la", "DET", "det", 4, "le"), ("loi", "NOUN", "obj", 2, "loi"), ("et", "CCONJ", "cc", 8, "et"),
                 ("le", "DET", "det", 7, "le"), ("Chili", "PROPN", "nsubj", 8, "chili"),
                 ("proteste", "VERB", "conj", 2, "protester")])  # fmt: skip
    mentions = [mention(doc, 1, 2, "PER"), mention(doc, 7, 8, "CHL")]
    doubting = RelationModel("fr", {"reach=SENTENCE": -3.0}, bias=0.0, threshold=0.5)
    trusting = replace(doubting, weights={"reach=SENTENCE": 3.0})
    assert extract_events(doc, article_for(doc), mentions, with_model(rules, doubting)) == []
    [kept] = extract_events(doc, article_for(doc), mentions, with_model(rules, trusting))
    assert (kept.source, kept.target, kept.cameo, kept.confidence) == ("CHL", "PER", "11", 0.953)


def test_classifier_model_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "model-fr.json"
    path.write_text('{"lang": "fr", "weights": {}}', encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_relation_model(path)
    assert "model-fr.json" in str(error.value) and "missing field 'bias'" in str(error.value)


def test_classifier_the_shipped_model_is_loaded_for_french() -> None:
    model = load_pack("fr").lexicon.models["fr"]
    assert model.lang == "fr" and len(model.weights) > 100 and "cross-validation" in model.about


# Training, on sentences written for these tests (the real model; scikit-learn) -------------------------------


TRAINING = [
    {"id": "x1", "text": "Le Chili a condamné le Pérou.",
     "relations": [{"source": "CHL", "target": "PER", "cameo": "111", "mode": "asserted"}]},
    {"id": "x2", "text": "Le Brésil a critiqué l'Argentine, selon l'Uruguay.",
     "relations": [{"source": "BRA", "target": "ARG", "cameo": "111", "mode": "asserted"}]},
    {"id": "x3", "text": "La Bolivie a rencontré le Paraguay à Quito.",
     "relations": [{"source": "BOL", "target": "PRY", "cameo": "040", "mode": "asserted", "symmetric": True}]},
    {"id": "x4", "text": "Le Chili et le Pérou jouent au football.", "relations": []},
    {"id": "x5", "text": "Le Brésil a voté la loi et l'Argentine a protesté.", "relations": []},
    {"id": "x6", "text": "Le Venezuela a adopté un budget, et la Colombie a protesté.", "relations": []},
]  # fmt: skip


@pytest.mark.model
def test_training_labels_the_rules_candidates_from_the_annotation(tmp_path: Path, rules: LanguagePack) -> None:
    from kg.training import read_training, training_examples

    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in TRAINING) + "\n")
    examples = list(training_examples(read_training(tmp_path), rules))
    labelled = {(sentence, label) for sentence, _, label in examples}
    assert ("x1", True) in labelled and ("x3", True) in labelled
    assert all(not label for sentence, _, label in examples if sentence in ("x4", "x5", "x6"))
    assert any(sentence == "x5" for sentence, _, _ in examples)  # the rules' guess, a negative example
    # Uruguay only says so: any candidate with it is a negative example
    assert all(not label for sentence, names, label in examples if sentence == "x2" and "source.case=selon" in names)


@pytest.mark.model
def test_training_with_nothing_to_learn_is_a_clear_error(tmp_path: Path) -> None:
    from kg.training import train

    (tmp_path / "a.jsonl").write_text(json.dumps(TRAINING[0], ensure_ascii=False) + "\n")
    with pytest.raises(InputError, match="nothing to learn"):
        train("fr", folder=tmp_path, out=tmp_path / "model.json")
    assert not (tmp_path / "model.json").exists()


@pytest.mark.model
def test_training_writes_a_seeded_model_builds_can_read(tmp_path: Path) -> None:
    from kg.training import train

    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in TRAINING * 3) + "\n")
    first = train("fr", folder=tmp_path, out=tmp_path / "one.json")
    second = train("fr", folder=tmp_path, out=tmp_path / "two.json")
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    model = load_relation_model(first.path)
    assert model.lang == "fr" and model.threshold == 0.0 and model.weights
    assert second.positives == first.positives > 0


@pytest.mark.model
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_training_the_shipped_model_is_what_kg_train_makes_of_the_shipped_sentences(tmp_path: Path, lang: str) -> None:
    from kg.training import train

    report = train(lang, out=tmp_path / "relation_model.json")
    assert json.loads(report.path.read_text()) == json.loads((pack_dir(lang) / "relation_model.json").read_text())


def unlinked_condemnation() -> tuple[Doc, list[Mention]]:
    # "Le Chili vote avec le Pérou et la Bolivie, condamnation": the noun hangs apart, linked to no actor.
    doc = parse([("Chili", "PROPN", "nsubj", 1, "chili"), ("vote", "VERB", "ROOT", 1, "voter"),
                 ("Pérou", "PROPN", "obj", 1, "pérou"), ("Bolivie", "PROPN", "conj", 2, "bolivie"),
                 ("condamnation", "NOUN", "parataxis", 1, "condamnation")])  # fmt: skip
    return doc, [mention(doc, 0, 1, "CHL"), mention(doc, 2, 3, "PER"), mention(doc, 3, 4, "BOL")]


def test_proposals_pair_the_actors_of_a_trigger_the_rules_link_to_nobody(rules: LanguagePack) -> None:
    doc, mentions = unlinked_condemnation()
    view = Extractor(doc, article_for(doc), mentions, rules)
    assert not [c for c in view.rule_candidates() if c.token.i == 4]
    proposed = proposals(view, view.rule_candidates())
    assert {c.reach for c in proposed} == {Reach.MODEL} and {c.token.i for c in proposed} == {4}
    pairs = {(c.source.code, c.target.code) for c in proposed}
    assert pairs == {(a, b) for a in ("CHL", "PER", "BOL") for b in ("CHL", "PER", "BOL") if a != b}
    # a sentence of more actors is a list: nothing is proposed
    crowded = [*mentions, mention(doc, 1, 2, "ECU"), mention(doc, 4, 5, "COL")]
    view = Extractor(doc, article_for(doc), crowded, rules)
    assert proposals(view, []) == []


def test_proposals_leave_out_what_a_verb_of_talking_talks_about(rules: LanguagePack) -> None:
    # "Le Chili parlera de la Bolivie": the Bolivia is the topic, no partner of the talk; neither the rules nor a
    # proposal pair it with the Chile.
    doc = parse([("Le", "DET", "det", 1, "le"), ("Chili", "PROPN", "nsubj", 2, "Chili"),
                 ("parlera", "VERB", "ROOT", 2, "parler", "Tense=Fut|VerbForm=Fin"), ("de", "ADP", "case", 5, "de"),
                 ("la", "DET", "det", 5, "le"), ("Bolivie", "PROPN", "obl:arg", 2, "Bolivie")])  # fmt: skip
    view = Extractor(doc, article_for(doc), [mention(doc, 1, 2, "CHL"), mention(doc, 5, 6, "BOL")], rules)
    candidates = view.rule_candidates()
    assert candidates == [] and proposals(view, candidates) == []


def test_classifier_keeps_a_proposal_only_from_its_own_threshold(rules: LanguagePack) -> None:
    doc, mentions = unlinked_condemnation()
    model = RelationModel("fr", {"reach=MODEL": 3.0, "source.first=True": 0.0}, bias=0.0, threshold=0.0)
    assert extract_events(doc, article_for(doc), mentions, with_model(rules, model)) == []  # never, by default
    trusting = replace(model, proposal_threshold=0.9)
    kept = extract_events(doc, article_for(doc), mentions, with_model(rules, trusting))
    assert {(e.source, e.target, e.cameo) for e in kept} >= {("CHL", "PER", "11"), ("PER", "BOL", "11")}
    assert {e.confidence for e in kept} == {0.953}
    assert (
        extract_events(doc, article_for(doc), mentions, with_model(rules, replace(model, proposal_threshold=0.96)))
        == []
    )


def test_training_proposal_threshold_is_the_lowest_that_keeps_the_precision() -> None:
    from kg.training import _precise_threshold

    predicted = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5]
    labels = [True, True, False, True, True, False]
    assert _precise_threshold(predicted, labels, 0.75) == (0.6, 0.8, 5)
    assert _precise_threshold(predicted, labels, 0.9) == (0.9, 1.0, 2)
    assert _precise_threshold([0.9, 0.8], [False, True], 0.9) == (NEVER, 0.0, 0)
