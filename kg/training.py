"""Training the relation classifier on sentences the project wrote, never on the corpora it is measured on.

Reads the pack's training sentences (`data/lang/LANG/training/*.jsonl`) (one sentence a line: `id`, `text`, and its
`relations` in the gold schema's terms: source and target codes, CAMEO code,
mode, symmetric), parses each sentence with the language's model, finds its
actors and the rules' candidates exactly as a build does, and labels each: a
relation when the sentence's annotation relates its two actors with the
trigger's CAMEO root (in whatever mode: the mode is the rules' to read). A
logistic regression (scikit-learn, L2, seeded) learns the features' weights;
its F1 over cross-validated predictions (folds by sentence) is reported. The
model is written as JSON (`data/lang/LANG/relation_model.json`): builds read it
without scikit-learn.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.actors import find_mentions
from kg.errors import InputError
from kg.events.anaphora import anaphoric_candidates
from kg.events.candidates import Reach
from kg.events.classifier import RuleLinks, features
from kg.events.extraction import Extractor
from kg.events.proposals import proposals
from kg.lang import LanguagePack, load_pack
from kg.nlp import load_nlp
from kg.records import NEVER, Article, TextPiece
from kg.resources import load_gazetteer, pack_dir

__all__ = ["TrainingSentence", "TrainingReport", "read_training", "training_examples", "train"]

log = logging.getLogger(__name__)

DEFAULT_C = 0.5
FOLDS = 5
# Weights smaller than this are left out of the written model (they change no decision).
WEIGHT_FLOOR = 1e-4
# Proposals (`kg.events.proposals`) are kept from this cross-validated precision up: the relations the model
# adds where the rules are silent must be as sure as the rules' own (the project's bar is a precision of 0.70 on
# real articles, which are harder than its own sentences).
PROPOSAL_PRECISION = 0.9
PROPOSAL_FEATURE = f"reach={Reach.MODEL.name}"  # the feature that marks a proposal among the examples


@dataclass(frozen=True)
class TrainingSentence:
    """One sentence the project wrote, with the relations it states: (source, target, CAMEO root, symmetric)."""

    id: str
    text: str
    relations: tuple[tuple[str, str, str, bool], ...]


@dataclass(frozen=True)
class TrainingReport:
    """What training did: examples, their positives, the features kept, and the cross-validated scores at the
    probability that maximises F1 (`threshold`)."""

    sentences: int
    examples: int
    positives: int
    features: int
    threshold: float
    precision: float
    recall: float
    f1: float
    path: Path
    proposals: int = 0  # examples that are proposals (`kg.events.proposals`), of `examples`
    proposal_threshold: float = NEVER  # the probability from which a build keeps a proposal
    proposal_precision: float = 0.0  # cross-validated, of the proposals kept
    proposals_kept: int = 0  # in cross-validation


def read_training(folder: Path) -> list[TrainingSentence]:
    """Read every `*.jsonl` file of a training folder; a bad line is an `InputError` with file:line."""
    sentences = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                relations = tuple(
                    (str(r["source"]), str(r["target"]), str(r["cameo"])[:2], bool(r.get("symmetric")))
                    for r in row["relations"]
                )
                sentences.append(TrainingSentence(str(row["id"]), str(row["text"]), relations))
            except (ValueError, KeyError, TypeError) as error:
                raise InputError(path, f"not a training sentence: {error}", line=number) from error
    return sentences


def training_examples(
    sentences: Sequence[TrainingSentence], pack: LanguagePack
) -> Iterator[tuple[str, list[str], bool]]:
    """(sentence id, features, label) for every candidate of every training sentence: the rules' and the
    proposals (whose features include `PROPOSAL_FEATURE`)."""
    gazetteer = load_gazetteer()
    nlp = load_nlp(pack, gazetteer)
    articles = [_article(sentence) for sentence in sentences]
    by_id = {sentence.id: sentence for sentence in sentences}
    for doc, article in nlp.pipe(((article.text, article) for article in articles), as_tuples=True):
        mentions = find_mentions(doc, article, gazetteer, pack)
        view = Extractor(doc, article, mentions, pack)
        rules = view.rule_candidates()
        candidates = rules + proposals(view, rules + anaphoric_candidates(view, rules))
        links = RuleLinks(candidates)
        related = _related(by_id[article.id].relations)
        found = {(c.source.code, c.target.code, c.trigger.cameo[:2]) for c in rules}
        for number, candidate in enumerate(candidates):
            relation = (candidate.source.code, candidate.target.code, candidate.trigger.cameo[:2])
            # a proposal is right when it adds a relation: one the rules found already adds nothing
            label = relation in related and (number < len(rules) or relation not in found)
            yield article.id, features(view, candidate, links), label


def train(
    lang: str = "fr",
    *,
    folder: Path | None = None,
    out: Path | None = None,
    c: float = DEFAULT_C,
    seed: int = 0,
    drop_below: float = 0.0,
) -> TrainingReport:
    """Train the relation classifier of `lang` and write it (default `data/lang/LANG/relation_model.json`). Builds
    drop the candidates whose probability is below `drop_below` (by default none: the probability is the
    relation's confidence, for users to filter by)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    folder = folder or pack_dir(lang) / "training"
    out = out or pack_dir(lang) / "relation_model.json"
    sentences = read_training(folder)
    if not sentences:
        raise InputError(folder, "no training sentences (*.jsonl)")
    rows = list(training_examples(sentences, _without_model(load_pack(lang))))
    groups = [row[0] for row in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform({name: 1.0 for name in row[1]} for row in rows)
    labels = np.array([row[2] for row in rows])
    if len(set(labels.tolist())) < 2 or len(set(groups)) < 2:
        raise InputError(folder, "the sentences give the rules' candidates one label only: nothing to learn")
    model = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    folds = GroupKFold(n_splits=min(FOLDS, len(set(groups))))
    predicted = cross_val_predict(model, matrix, labels, groups=groups, cv=folds, method="predict_proba")[:, 1]
    proposed = np.array([PROPOSAL_FEATURE in row[1] for row in rows], dtype=bool)
    best, precision, recall, f1 = _best_threshold(predicted[~proposed], labels[~proposed])
    proposal_threshold, proposal_precision, proposals_kept = _precise_threshold(
        predicted[proposed], labels[proposed], PROPOSAL_PRECISION
    )
    model.fit(matrix, labels)
    weights = {
        name: round(float(weight), 5)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(weight) >= WEIGHT_FLOOR
    }
    about = (
        f"logistic regression (C={c}, seed {seed}) on the rules' {len(rows)} candidates in {len(sentences)} "
        f"sentences of {folder.parent.name}/{folder.name}/; {FOLDS}-fold cross-validation by sentence: F1 {f1:.3f} "
        f"(P {precision:.3f}, R {recall:.3f}) at probability {best:.2f}; of {int(proposed.sum())} proposals, "
        f"{proposals_kept} kept from probability {min(proposal_threshold, 1.0):.2f} (P {proposal_precision:.3f})"
    )
    written = {"lang": lang, "about": about, "threshold": drop_below, "proposal_threshold": proposal_threshold,
               "bias": round(float(model.intercept_[0]), 5), "weights": dict(sorted(weights.items()))}  # fmt: skip
    out.write_text(json.dumps(written, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    log.info("relation model written to %s", out)
    return TrainingReport(len(sentences), len(rows), int(labels.sum()), len(weights), best, float(precision),
                          float(recall), float(f1), out, int(proposed.sum()), proposal_threshold,
                          proposal_precision, proposals_kept)  # fmt: skip


def _best_threshold(predicted: Iterable[float], labels: Iterable[bool]) -> tuple[float, float, float, float]:
    scored = sorted(zip(predicted, labels, strict=True), reverse=True)
    positives = sum(1 for _, label in scored if label)
    best = (0.5, 0.0, 0.0, 0.0)
    hits = 0
    for kept, (chance, label) in enumerate(scored, start=1):
        hits += label
        precision, recall = hits / kept, hits / positives if positives else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best[3]:
            best = (float(chance), precision, recall, f1)
    return best


def _precise_threshold(predicted: Iterable[float], labels: Iterable[bool], floor: float) -> tuple[float, float, int]:
    """The lowest probability from which the candidates kept are right at least `floor` of the time (counted
    from the likeliest down), their precision and number; `NEVER` when no such probability keeps any."""
    scored = sorted(zip(predicted, labels, strict=True), reverse=True)
    best: tuple[float, float, int] = (NEVER, 0.0, 0)
    hits = 0
    for kept, (chance, label) in enumerate(scored, start=1):
        hits += label
        following = scored[kept][0] if kept < len(scored) else -1.0
        if hits / kept >= floor and chance > following:  # a cut between two different probabilities
            best = (round(float(chance), 4), hits / kept, kept)
    return best


def _related(relations: Iterable[tuple[str, str, str, bool]]) -> set[tuple[str, str, str]]:
    related = set()
    for source, target, root, symmetric in relations:
        related.add((source, target, root))
        if symmetric:
            related.add((target, source, root))
    return related


def _article(sentence: TrainingSentence) -> Article:
    text = sentence.text
    return Article(sentence.id, f"{sentence.id}.txt", text, text, text, (TextPiece(0, len(text), 0, len(text)),))


def _without_model(pack: LanguagePack) -> LanguagePack:
    from dataclasses import replace

    return replace(pack, lexicon=replace(pack.lexicon, models={}))
