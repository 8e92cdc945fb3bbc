"""The relation classifier: how likely a candidate of the rules is a relation the text states.

The rules (`kg.events.extraction`, `kg.events.linking`) propose candidates:
a trigger token, its lexicon entry, a source and a target mention, and how
they were reached (a filled frame, the clause, the sentence). Each is
described by sparse features read from the parse and from the rules: its
reach and whether the rules also found it the other way round or through
another trigger, the dependency path from the trigger to each actor, their
case markers, word order, how each actor was resolved, whether another
trigger governs an actor, the trigger's lemma, code, frame and voice, the
number of actors and triggers in the sentence. A logistic model
(`kg.records.RelationModel`, trained by `kg.training` on sentences the
project wrote) turns the features into a probability: candidates below the
model's threshold are dropped, and the probability of the others is their
confidence.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.events import grammar
from kg.events.candidates import Candidate, Reach, distance
from kg.records import Mention, RelationModel

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor

__all__ = ["RuleLinks", "features", "probability", "classify"]

PATH_STEPS = 3


class RuleLinks:
    """What the rules found, as the classifier reads it: the surest reach of each (trigger token, source,
    target, code), and by unordered pair of actors, the trigger tokens that relate them."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.reaches: dict[tuple[int, str, str, str], Reach] = {}
        self.by_pair: dict[frozenset[str], dict[int, Reach]] = {}
        for candidate in candidates:
            key = (candidate.token.i, candidate.source.code, candidate.target.code, candidate.trigger.cameo)
            self.reaches[key] = min(self.reaches.get(key, candidate.reach), candidate.reach)
            tokens = self.by_pair.setdefault(frozenset((candidate.source.code, candidate.target.code)), {})
            tokens[candidate.token.i] = min(tokens.get(candidate.token.i, candidate.reach), candidate.reach)
        self.counts: dict[int, tuple[int, int]] = {}

    def sentence_counts(self, view: Extractor, token: Token) -> tuple[int, int]:
        """The number of actors and of trigger words in a token's sentence (counted once a sentence)."""
        sentence = view.sentence_by_token[token.i]
        if sentence.start not in self.counts:
            actors = len(view.codes_by_sentence.get(sentence.start, ()))
            self.counts[sentence.start] = (actors, sum(1 for t in view.tokens[sentence.start : sentence.end]
                                                       if view._triggers(t)))  # fmt: skip
        return self.counts[sentence.start]


def features(view: Extractor, candidate: Candidate, links: RuleLinks) -> list[str]:
    """The sparse (binary) features of a candidate, the rules' findings (`links`) among them."""
    token, trigger, source, target = candidate.token, candidate.trigger, candidate.source, candidate.target
    root = trigger.cameo[:2]
    reach = links.reaches.get((token.i, source.code, target.code, trigger.cameo))
    reverse = links.reaches.get((token.i, target.code, source.code, trigger.cameo))
    actors, triggers = links.sentence_counts(view, token)
    source_path, target_path = _path(view, token, source), _path(view, token, target)
    source_case, target_case = _case(view, source), _case(view, target)
    passive = any(c.dep_ in grammar.PASSIVE_SUBJECT_DEPS or c.dep_ == "aux:pass" for c in token.children)
    found = [
        "bias",
        f"reach={reach.name if reach is not None else 'none'}",
        f"reverse={reverse.name if reverse is not None else 'none'}",
        f"root={root}",
        f"code={trigger.cameo}",
        f"lemma={trigger.lemma}",
        f"pos={trigger.pos}",
        f"frame={trigger.source}>{trigger.target}",
        f"symmetric={trigger.symmetric}",
        f"passive={passive}",
        f"source.path={source_path}",
        f"target.path={target_path}",
        f"paths={source_path}|{target_path}",
        f"source.case={source_case}",
        f"target.case={target_case}",
        f"cases={source_case}|{target_case}",
        f"frame.cases={trigger.source}>{trigger.target}|{source_case}|{target_case}",
        f"source.how={source.how}",
        f"target.how={target.how}",
        f"source.locative={source.locative}",
        f"target.locative={target.locative}",
        f"order={_order(source, token)}{_order(target, token)}",
        f"source.first={source.token_start < target.token_start}",
        f"actors={min(actors, 5)}",
        f"triggers={min(triggers, 5)}",
        f"distance={_bucket(distance(source, token.i))}|{_bucket(distance(target, token.i))}",
        f"root.source.path={root}|{source_path}",
        f"root.target.path={root}|{target_path}",
        f"reach.root={reach.name if reach is not None else 'none'}|{root}",
        f"source.other={_governed_elsewhere(view, token, source)}",
        f"target.other={_governed_elsewhere(view, token, target)}",
        f"pair.elsewhere={_related_elsewhere(links, token, source, target)}",
    ]
    return found


def _governed_elsewhere(view: Extractor, trigger: Token, mention: Mention) -> str:
    """Whether another trigger stands between this one and the actor: the actor's nearest governing trigger
    (up its chain of heads) is another word ("subject" when it is that word's subject)."""
    heads, current = view.heads, view._mention_head(mention).i
    for _ in range(PATH_STEPS + 1):
        if heads[current] == current or current == trigger.i:
            return "no"
        dep = view.deps[current]
        current = heads[current]
        if current == trigger.i:
            return "no"
        if view._triggers(view.tokens[current]):
            return "subject" if dep in grammar.SUBJECT_DEPS else "yes"
    return "no"


def _related_elsewhere(links: RuleLinks, token: Token, source: Mention, target: Mention) -> str:
    """How surely the rules relate the same two actors through another trigger of the Doc, if they do."""
    others = [reach for index, reach in links.by_pair.get(frozenset((source.code, target.code)), {}).items()
              if index != token.i]  # fmt: skip
    return min(others).name if others else "none"


def probability(model: RelationModel, names: list[str]) -> float:
    """The model's probability that a candidate with these features is a relation."""
    score = model.bias + sum(model.weights.get(name, 0.0) for name in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def classify(view: Extractor, model: RelationModel, candidates: list[Candidate]) -> list[Candidate]:
    """The rules' candidates the model keeps (probability at least its threshold), each with its probability
    as confidence."""
    links = RuleLinks(candidates)
    kept = []
    for candidate in candidates:
        chance = probability(model, features(view, candidate, links))
        if candidate.reach is Reach.MODEL:
            if chance >= model.proposal_threshold:  # a proposal: the model's word alone
                kept.append(replace(candidate, probability=round(chance, 3)))
        elif candidate.reach is Reach.FRAME or chance >= model.threshold:
            kept.append(replace(candidate, probability=round(chance, 3)))
    return kept


def _bucket(distance: int) -> str:
    return "0-2" if distance <= 2 else "3-5" if distance <= 5 else "6-10" if distance <= 10 else "far"


def _order(mention: Mention, token: Token) -> str:
    return "<" if mention.token_end <= token.i else ">" if mention.token_start > token.i else "="


def _path(view: Extractor, trigger: Token, mention: Mention) -> str:
    """The dependency path between a trigger and an actor: down from the trigger ("obj>nmod"), up from it
    ("^nsubj"), through a common governor ("^obj|nmod"), or far."""
    head = view._mention_head(mention).i
    if mention.token_start <= trigger.i < mention.token_end:
        return "self"
    down = _chain(view, head, trigger.i)
    if down is not None:
        return ">".join(reversed(down)) or "self"
    up = _chain(view, trigger.i, head)
    if up is not None:
        return "^" + ">".join(up)
    for steps, ancestor in enumerate(_ancestors(view.heads, trigger.i)):
        if steps >= PATH_STEPS:
            break
        below = _chain(view, head, ancestor)
        if below is not None:
            return f"^{steps + 1}|" + ">".join(reversed(below))
    return "far"


def _ancestors(heads: list[int], index: int) -> Iterator[int]:
    """The token's heads up to the root, nearest first (as `Token.ancestors`, by index)."""
    for _ in range(len(heads)):
        if heads[index] == index:
            return
        index = heads[index]
        yield index


def _chain(view: Extractor, start: int, ancestor: int) -> list[str] | None:
    """The dependency labels from the token `start` up to the token `ancestor` (at most `PATH_STEPS`), or None."""
    heads, deps = view.heads, view.deps
    labels = []
    current = start
    for _ in range(PATH_STEPS):
        if current == ancestor:
            return labels
        if heads[current] == current:
            return None
        labels.append(deps[current])
        current = heads[current]
    return labels if current == ancestor else None


def _case(view: Extractor, mention: Mention) -> str:
    """The preposition or conjunction marking a mention's phrase ("contre", "à", "selon"), if any."""
    head = view._mention_head(mention)
    markers = [child.lower_ for child in head.children if child.dep_ in ("case", "mark")]
    return markers[0] if markers else "-"
