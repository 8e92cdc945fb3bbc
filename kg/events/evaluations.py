"""Evaluations: an actor's verdict on another's act or on the other itself is its criticism (CAMEO 111) or its
praise (051).

"Moscou a qualifié de provocation les livraisons d'armes américaines", "Russia said the U.S. plans were a
provocation", "Tokyo a estimé que la visite du président chinois était un succès": a word of the pack's
`evaluations.tsv` (role `verdict`, with its CAMEO code) said of an act or an actor is its speaker's verdict on
the act's doer, or on the actor. It is said three ways:

- named by a verb of naming (role `naming`: "qualifier X de", "call X a", "describe X as"): the verdict is
  said of the verb's object, by the verb's subject (the parser may hang the verdict on the object: "a qualifié
  ces frappes d'agression"; an object that names an act told before is judged through its doer there);
- predicated of a subject in a clause a verb reports ("X a affirmé que [l'acte] était une provocation", "X said
  [the act] was a provocation"): by the reporting verb's subject; a predicate is the noun or adjective of a
  copula, or the object of a verb of being (role `copula`: "représenter", "constituer", "represent").

A verdict word qualifying the predicate counts as well ("un régime dangereux", "a dangerous regime", "un acte
d'agression"). The
doer of an act is read from the candidates the rules found at its word, else from the actors its phrase names.

An act also draws a reaction (role `reaction`, with its CAMEO code: "colère", "ire", "satisfaction") from an actor
by a causative verb (role `causative`: "susciter", "provoquer", "draw"): "le veto chinois a suscité la colère de
Londres", "X a frappé Y, provoquant l'ire de Z", "drew the ire of Beijing". The actor the reaction belongs to
("de Londres", "sa colère", "la colère chinoise") criticizes or praises the doer of the act that draws it: the
verb's subject, or the doer of the act its subject names; a participle with no subject of its own takes its
clause's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.events import grammar
from kg.events.anaphora import doers_of_event_told
from kg.events.candidates import Candidate, Reach
from kg.events.slots import mentions, subject
from kg.records import EvaluationRole, Mention, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor

__all__ = ["evaluations", "statements_as_verdicts"]

# Where a verb of naming hangs its verdict: an oblique ("qualifier de", "describe as") or a second complement.
NAMING_DEPS = frozenset({"obl", "obl:arg", "obl:mod", "xcomp", "nmod"})
# A predicate's English copula: the verdict is its attribute ("were a provocation").
ATTRIBUTE_DEPS = frozenset({"attr", "acomp"})
QUALIFIER_DEPS = frozenset({"amod"})
# A noun's complement, which qualifies it when it has no determiner ("un acte d'agression").
COMPLEMENT_DEPS = frozenset({"nmod"})
# Where a verb of saying hangs what it says: a clause, or a quotation the parser made its argument.
SAID_DEPS = frozenset({"ccomp", "parataxis", "obl:arg", "obj", "xcomp"})
STATEMENT_ROOT = "01"


def evaluations(view: Extractor, candidates: list[Candidate]) -> list[Candidate]:
    """The verdicts the article's actors state on others' acts or on the others themselves."""
    doers_at: dict[int, list[Mention]] = {}
    for candidate in candidates:
        doers_at.setdefault(candidate.token.i, []).append(candidate.source)
    found: list[Candidate] = []
    for token in view.tokens:
        found += _reactions(view, token, doers_at)
        code = _verdict(view, token)
        if code is None:
            continue
        said = _named(view, token) or _predicated(view, token)
        if said is None:
            continue
        verb, evaluated = said
        judges = subject(view, verb)
        judged = (doers_at.get(evaluated.i) or _doers_named(view, evaluated)
                  or doers_of_event_told(view, evaluated, candidates))  # fmt: skip
        trigger = Trigger(token.lemma_.casefold(), "NOUN", code, "subj", "obj", False, view.lang)
        mode = view._mode(verb)
        found += [
            Candidate(judge, other, trigger, token, mode, False, Reach.CLAUSE)
            for judge in judges for other in judged if judge.code != other.code
        ]  # fmt: skip
    return found


def _reactions(view: Extractor, token: Token, doers_at: dict[int, list[Mention]]) -> list[Candidate]:
    """The reaction an act draws by a causative verb ("a suscité la colère de X"): its holder on the act's doer."""
    entry = view.lexicon.evaluations.get((view.lang, token.lemma_.casefold()))
    if entry is None or entry[0] is not EvaluationRole.REACTION or token.dep_ not in grammar.OBJECT_DEPS:
        return []
    verb = token.head
    if verb.i == token.i or _role(view, verb) is not EvaluationRole.CAUSATIVE:
        return []
    holders = [m for child in view._children(token) if _names_the_holder(view, child) for m in mentions(view, child)]
    causes = [child for child in view._children(verb) if child.dep_ in grammar.SUBJECT_DEPS]
    if causes:
        doers = [m for cause in causes for m in doers_at.get(cause.i) or _doers_named(view, cause)]
    else:  # "X a frappé Y, provoquant l'ire de Z": the participle's clause
        doers = subject(view, verb)
    trigger = Trigger(token.lemma_.casefold(), "NOUN", entry[1], "agent", "subj", False, view.lang)
    mode = view._mode(verb)
    return [Candidate(holder, doer, trigger, token, mode, False, Reach.CLAUSE)
            for holder in holders for doer in doers if holder.code != doer.code]  # fmt: skip


def _doers_named(view: Extractor, cause: Token) -> list[Mention]:
    """The actors a causing phrase names: itself, its act's doer, or whose it is ("la décision du Chili",
    "Chile's decision"); a clause's subject ("Chile plans to deploy troops" as the subject of "were")."""
    if cause.pos_ == "VERB":
        return subject(view, cause)
    return mentions(view, cause, possessor=True) or [
        m for child in view._children(cause) if _names_the_holder(view, child) for m in mentions(view, child)
    ]


def _names_the_holder(view: Extractor, child: Token) -> bool:
    """Whether a dependent of a noun names whose it is: "de X", "sa", "chinoise", "Beijing's"."""
    if child.dep_ in grammar.MODIFIER_AGENT_DEPS:
        return True
    return child.dep_ in grammar.OBLIQUE_DEPS and any(view._has_case(child, case) for case in view.grammar.holder_cases)


def _verdict(view: Extractor, token: Token) -> str | None:
    """The CAMEO code of a verdict word, or of a verdict word qualifying it ("un régime dangereux", "un acte
    d'agression", "an act of aggression": an adjective, or a complement with no determiner)."""
    if token.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return None
    for word in (token, *(child for child in token.children if _qualifies(view, child))):
        entry = view.lexicon.evaluations.get((view.lang, word.lemma_.casefold()))
        if entry is not None and entry[0] is EvaluationRole.VERDICT:
            return entry[1]
    return None


def _qualifies(view: Extractor, child: Token) -> bool:
    if child.dep_ in QUALIFIER_DEPS:
        return True
    return (
        child.dep_ in COMPLEMENT_DEPS
        and view._has_case(child, view.grammar.genitive_case)
        and not any(grand.dep_ == "det" for grand in child.children)
    )


def _role(view: Extractor, token: Token) -> EvaluationRole | None:
    entry = view.lexicon.evaluations.get((view.lang, token.lemma_.casefold()))
    return entry[0] if entry is not None else None


def _named(view: Extractor, token: Token) -> tuple[Token, Token] | None:
    """A verdict a verb of naming says of its object ("qualifier X de provocation"): the verb and the object.
    The parser may hang the verdict on the object ("a qualifié ces frappes d'agression")."""
    verb = token.head
    # "qualifier de « grave erreur » la visite": the parser may take the quoted verdict for an object; its
    # preposition says it is none
    marked = token.dep_ in grammar.OBJECT_DEPS and any(child.dep_ == "case" for child in token.children)
    if (token.dep_ not in NAMING_DEPS and not marked) or verb.i == token.i:
        return None
    if (
        verb.dep_ in grammar.OBJECT_DEPS
        and verb.head.i != verb.i
        and view._has_case(token, view.grammar.genitive_case)
        and _role(view, verb.head) is EvaluationRole.NAMING
    ):
        return verb.head, verb
    if _role(view, verb) is not EvaluationRole.NAMING:
        return None
    objects = [child for child in view._children(verb) if child.dep_ in grammar.OBJECT_DEPS and child.i != token.i]
    return (verb, objects[0]) if objects else None


def _predicated(view: Extractor, token: Token) -> tuple[Token, Token] | None:
    """A verdict predicated of a subject in a reported clause ("X a affirmé que l'acte était une provocation"):
    the reporting verb and the subject."""
    clause = token
    of_copula = token.dep_ in grammar.OBJECT_DEPS and _role(view, token.head) is EvaluationRole.COPULA
    if token.dep_ in ATTRIBUTE_DEPS or of_copula:
        clause = token.head  # "were a provocation" (the copula heads), "représente un grand pas"
    elif not any(child.dep_ == "cop" for child in token.children):
        return None
    subjects = [child for child in view._children(clause) if child.dep_ in grammar.SUBJECT_DEPS]
    reporter = clause.head
    if clause.dep_ != "ccomp" or reporter.i == clause.i:
        return None
    if not subjects:  # "said that U.S. plans to sell jets were a provocation", "plans" read as a verb
        subjects = [child for child in view._children(reporter)
                    if child.dep_ == "ccomp" and child.right_edge.i + 1 == clause.left_edge.i]  # fmt: skip
    return (reporter, subjects[0]) if subjects else None


def statements_as_verdicts(view: Extractor, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, a statement whose words are a verdict on what it answers made that verdict: "X a répondu
    à Y : « C'est une provocation »", "X retorted that it was unacceptable" is a criticism of Y, not a comment."""
    upgraded = []
    for candidate in candidates:
        said = _verdict_said(view, candidate.token) if candidate.trigger.cameo.startswith(STATEMENT_ROOT) else None
        if said is not None:
            word, code = said
            trigger = Trigger(word.lemma_.casefold(), "NOUN", code, candidate.trigger.source,
                              candidate.trigger.target, False, view.lang)  # fmt: skip
            candidate = replace(candidate, trigger=trigger)
        upgraded.append(candidate)
    return upgraded


def _verdict_said(view: Extractor, verb: Token) -> tuple[Token, str] | None:
    """The verdict a verb of saying says of a demonstrative ("c'est une provocation", "it was unacceptable")."""
    if verb.pos_ != "VERB":
        return None
    for child in view._children(verb):
        if child.dep_ not in SAID_DEPS or not any(grand.dep_ == "cop" for grand in child.children):
            continue
        subjects = [grand for grand in child.children if grand.dep_ in grammar.SUBJECT_DEPS]
        if not subjects or subjects[0].lower_ not in view.grammar.demonstratives:
            continue
        code = _verdict(view, child)
        if code is not None:
            return child, code
    return None
