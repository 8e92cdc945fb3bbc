"""Slots: the actors that fill a frame's slots around a trigger token, read from the parse.

A frame names its source and target slots (`subj`, `obj`, `agent`, `place`, or a preposition such as "à",
"contre", "between"); these rules find the actors in them through the parse view
(`kg.events.extraction.Extractor`): a verb's subject (through control, relative clauses and participles)
and object (passive or active), a noun's agent (a demonym, a possessive, "de"/"par" complements, an
apposition, juxtaposed names), case-marked arguments wherever the parser hung them, and places. Each
function is a pure reading of the Doc; the view only caches what it has read.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from kg.actors.view import INVERTED_SUBJECT_DEPS
from kg.events import grammar
from kg.events.grammar import is_reflexive
from kg.events.modality import PURPOSE_SCOPE, cue_for
from kg.records import OBJECT_CONTROL, OBJECT_ELSE_SUBJECT_CONTROL, Mode, Resolution

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor
    from kg.records import Mention

__all__ = [
    "acts_of_its_own",
    "direct_objects",
    "doer_unnamed",
    "expression_complements",
    "fill_slot",
    "has_purpose_marker",
    "is_passive",
    "is_passive_participle",
    "is_topic",
    "juxtaposed_names",
    "light_verb",
    "mentions",
    "subject",
]

# Where the parser hangs a noun set beside a clause ("X a expulsé Y, une décision ..."): on its verb, or on
# the noun that ends it.
SUMMARY_ATTACHMENT_DEPS = frozenset(
    {"obj", "obl", "obl:mod", "obl:arg", "appos", "nmod", "parataxis", "conj", "xcomp", "advcl", "acl:relcl"}
)
SUMMARY_STEPS = 8  # how far above a summing-up noun its clause's doer is looked for
# The labels of an agent the parser hung below a noun's complement ("dep": it could not say how).
AGENT_BELOW_DEPS = grammar.OBLIQUE_DEPS | {"dep"}
# The labels the parser gives the second of a list of names joined by a comma ("X, Y et Z").
ENUMERATION_DEPS = frozenset({"nmod", "appos"})
# The labels of a noun's "par" agent, with "conj": the parser takes "l'invasion de X par Y" for a coordination.
AGENT_DEPS = grammar.OBLIQUE_DEPS | {"conj"}
FRONTED_DEPS = frozenset({"obl:mod", "obl", "advcl"})  # the labels of a circumstance set before the clause
STRANDED_WORDS = 8  # the longest noun phrase read as a subject stranded after a comma
# The words of a verb group before the verb: auxiliaries, clitics, negation ("s'est", "n'a pas").
VERB_GROUP_DEPS = frozenset(
    {"aux", "aux:tense", "aux:pass", "expl:comp", "expl:pass", "expl:pv", "advmod", "obj", "iobj"}
)
# A verb's second predicate ("nommer X ambassadeur"), which the parser may make of the object's name.
SECONDARY_PREDICATE_DEP = "xcomp"
# Labels of a noun modifying another (the parser may tag an adjective a noun: "exercices conjoints").
MODIFIER_DEPS = frozenset({"amod", "compound", "flat:name"})
# What a participle agrees in with the noun it describes.
AGREEMENT_FEATURES = ("Number", "Gender")
# What the parser joins to a word beside its own phrase: a conjunct, its conjunction, punctuation.
JOINED_DEPS = frozenset({"conj", "cc", "punct"})
# A participle's clause the parser hung on the verb though set off right after a name ("X, alliée de Y, ...").
DETACHED_CLAUSE_DEP = "advcl"
# The labels the parser may give a clause's first noun when it takes it for no subject ("Quito accuse ...").
MISLABELLED_SUBJECT_DEPS = frozenset({"advmod", "dep", "obl:mod"})
# The labels of the main verb of an incise (its subject set after it: `INVERTED_SUBJECT_DEPS`).
INCISE_DEPS = frozenset({"ROOT", "parataxis"})


def fill_slot(view: Extractor, token: Token, slot: str, pos: str, *, exclude: str = "") -> list[Mention]:
    """The actors filling a frame slot of a trigger token (read once: a word's entries share slots)."""
    key = (token.i, slot, pos, exclude)
    if key not in view.slot_cache:
        found = _verb_slot(view, token, slot) if pos == "VERB" else _noun_slot(view, token, slot, exclude=exclude)
        view.slot_cache[key] = found
    return list(view.slot_cache[key])


def _verb_slot(view: Extractor, verb: Token, slot: str) -> list[Mention]:
    passive = is_passive(view, verb)
    participle = is_passive_participle(view, verb)
    if slot == "subj":
        if passive or participle:
            return (
                _case_arguments(view, verb, view.grammar.agent_case)
                or _reflexive_subject(view, verb)
                or _agent_in_attribute(view, verb)
                or _agent_on_an_oblique(view, verb)
            )
        return subject(view, verb)
    if slot == "obj":
        if participle:  # "35 diplomates russes, accusés d'espionnage": the noun is what the act is done to
            return _participle_objects(view, verb)
        if passive:
            objects = [child for child in view._children(verb) if child.dep_ in grammar.PASSIVE_SUBJECT_DEPS]
        else:
            objects = direct_objects(view, verb) or _relative_antecedent(view, verb)
        return [m for child in objects for m in mentions(view, child, possessor=True)]
    if slot == "place":
        if verb.pos_ in ("NOUN", "PROPN"):  # "X était à Tokyo": the place is the clause's head
            return [m for m in mentions(view, verb) if m.locative]
        # "bombarder un camp en territoire X": the parser may hang the place on an object that names no actor
        objects = [child for child in view._children(verb) if child.dep_ in grammar.OBJECT_DEPS]
        return _places(view, verb) or [
            m for child in objects if not mentions(view, child, possessor=True) for m in _places(view, child)
        ]
    return _case_arguments(view, verb, slot)


def direct_objects(view: Extractor, verb: Token) -> list[Token]:
    """A verb's direct objects, with those the parser labelled otherwise: a second subject after a relative
    "qui" ("X, qui soutient le Front Polisario": the parser makes the Front a subject too), and nouns joined
    to the object that it hung on the verb (`_stray_object_conjuncts`)."""
    children = view._children(verb)
    inverted = _subject_after_relative_object(view, verb)  # "les accords que signeront X et Y": X is no object
    objects = [child for child in children if child.dep_ in grammar.OBJECT_DEPS and child != inverted]
    subjects = [child for child in children if child.dep_ in grammar.SUBJECT_DEPS]
    if len(subjects) > 1 and subjects[0].i < verb.i and subjects[0].lower_ in view.grammar.relative_pronouns:
        objects += [child for child in subjects[1:] if child.i > verb.i]
    if not objects:  # "a accusé Washington d'isoler ...": a name right after the verb, made its predicate
        objects = [child for child in children if _is_name_made_predicate(view, child)]
    if objects:
        objects += _stray_object_conjuncts(view, verb, max(objects, key=lambda child: child.i))
    return objects


def _is_name_made_predicate(view: Extractor, child: Token) -> bool:
    return (
        child.dep_ == SECONDARY_PREDICATE_DEP
        and child.pos_ == "PROPN"
        and child.i in view.by_token
        and not any(grand.dep_ == "case" for grand in child.children)
    )


def _relative_antecedent(view: Extractor, verb: Token) -> list[Token]:
    """The noun a relative clause's object pronoun stands for ("les sanctions européennes, que la Chine a
    condamnées", "the sanctions which China condemned"): the object is the noun the clause modifies."""
    if not verb.dep_.startswith(grammar.CLAUSE_OF_NOUN_DEP) or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    pronouns = [child for child in verb.children if child.lower_ in view.grammar.relative_object_pronouns
                and child.i < verb.i and child.dep_ in grammar.RELATIVE_OBJECT_DEPS]  # fmt: skip
    if not pronouns:
        return []
    # "une preuve que X donne la priorité à ...": a clause with an object of its own completes the noun
    inverted = _subject_after_relative_object(view, verb)  # "les accords que signeront X et Y"
    if any(child.dep_ in grammar.OBJECT_DEPS and child not in pronouns and child != inverted
           for child in verb.children):  # fmt: skip
        return []
    return [verb.head]


def _stray_object_conjuncts(view: Extractor, verb: Token, last_object: Token) -> list[Token]:
    """Nouns joined to a verb's object that the parser hung on the verb ("a mis en garde les États-Unis et
    la Corée du Sud"): a noun conjunct of a verb, after its object, with no case marker of its own."""
    return [child for child in view._children(verb)
            if child.dep_ == "conj" and child.i > last_object.i and child.pos_ in ("NOUN", "PROPN")
            and any(grand.dep_ == "cc" for grand in child.children)
            and not any(grand.dep_ == "case" for grand in child.children)]  # fmt: skip


def _noun_slot(view: Extractor, noun: Token, slot: str, *, exclude: str) -> list[Mention]:
    light = light_verb(view, noun)
    if slot == "agent":
        return _agent(view, noun, light, exclude=exclude)
    if slot == "place":
        # "la guerre en Ukraine", "mener une offensive en Ukraine", "la guerre menée par X en Ukraine"
        participles = [child for child in view._children(noun) if is_passive_participle(view, child)]
        # "la visite du président lituanien à Taïwan": the parser may hang the place on the visitor
        visitors = [child for child in view._children(noun) if child.dep_ == "nmod" and child.i in view.by_token
                    and view._has_case(child, view.grammar.genitive_case)]  # fmt: skip
        heads = [noun, *([light] if light is not None else []), *participles, *visitors]
        places = [mention for head in heads for mention in _places(view, head)]
        # "des frappes américaines en Syrie": the parser may hang the place on the verb above the noun
        return places or _argument_right_after(view, noun, view.grammar.locative_cases)
    found = _case_arguments(view, noun, slot)
    if not found:  # "un soutien constant à X": the parser may hang the argument on the noun's adjective
        for child in view._children(noun):
            if child.dep_ == "amod" and child.i > noun.i:
                found += _own_case_arguments(view, child, slot, through_object=False)
    if not found:  # "les sanctions imposées à X", "l'aide accordée à X": on a participle of the noun
        for child in view._children(noun):
            if child.dep_ in grammar.PARTICIPLE_DEPS and is_passive_participle(view, child):
                found += _own_case_arguments(view, child, slot, through_object=False)
    if not found:  # "un échange de lettres entre X et Y": the argument hangs on the noun's complement
        for child in view._children(noun):
            if (
                child.dep_ == "nmod"
                and view._has_case(child, view.grammar.genitive_case)
                and child.i not in view.by_token
            ):
                found += _case_arguments(view, child, slot, through_object=False)
    if not found and slot == view.grammar.genitive_case:
        # "la dénonciation par X des manœuvres de Y": the parser hung the noun's complement on its agent's name
        for child in view._children(noun):
            if child.pos_ == "PROPN" and view._has_case(child, view.grammar.agent_case):
                found += _case_arguments(view, child, slot, through_object=False)
    if light is not None:
        found += _case_arguments(view, light, slot)
    if not found and slot in view.grammar.contrastive_slots:
        found += _case_arguments_above(view, noun, slot)
    if not found:
        found += _argument_right_after(view, noun, view.grammar.forms(slot))
    return found


def _stray_conjuncts(view: Extractor, head: Token, found: list[Mention]) -> list[Mention]:
    """The members of coordinated arguments that the parser joined to the word they complete rather than to the
    first member ("une rencontre entre le Sud-Coréen et le président chinois", "les manœuvres menées par X et
    Y")."""
    return [stray for member in found for stray in _stray_conjunct(view, head, member)
            if not any(stray.token_start == other.token_start for other in found)]  # fmt: skip


def _stray_conjunct(view: Extractor, noun: Token, member: Mention) -> list[Mention]:
    """The member after X in "X et Y" that the parser joined to the word X completes: a conjunct of that word
    that starts with "et" right after X's phrase, with no case marker of its own."""
    argument = view.tokens[member.token_start]
    while argument.head.i != noun.i and argument.head.i != argument.i and argument.i > noun.i:
        argument = argument.head
    end = argument.right_edge.i
    return [m for child in view._children(noun)
            if child.dep_ == "conj" and child.left_edge.i == end + 1
            and any(grand.dep_ == "cc" and grand.i == end + 1 for grand in child.children)
            and not any(grand.dep_ == "case" for grand in child.children)
            for m in mentions(view, child)]  # fmt: skip


def _argument_right_after(view: Extractor, noun: Token, forms: Collection[str]) -> list[Mention]:
    """The argument the parser hung on the noun's governor though it follows the noun phrase right away
    ("arrivé à X pour son sommet avec Y": the summit is with Y)."""
    governor = noun.head
    if governor.i == noun.i or noun.dep_ not in grammar.OBJECT_DEPS | grammar.OBLIQUE_DEPS:
        return []
    end = noun.right_edge.i
    return [m for child in view._children(governor)
            if child.dep_ in grammar.OBLIQUE_DEPS and child.left_edge.i == end + 1
            and any(grand.dep_ == "case" and grand.lower_ in forms and grand.i == end + 1 for grand in child.children)
            for m in mentions(view, child, possessor=True)]  # fmt: skip


def expression_complements(view: Extractor, token: Token, expression: str, slot: str) -> list[Mention]:
    """The actors a slot names on the last word of a multiword expression the token heads ("combattre aux
    côtés de X": "de X" hangs on "côtés", not on the verb)."""
    words = expression.split()
    if len(words) < 2 or slot not in view.grammar.prepositions:
        return []
    last = words[-1]
    for following in view.tokens[token.i + 1 : token.i + 1 + 2 * len(words)]:
        if following.lemma_.casefold() == last and following.pos_ in ("NOUN", "PROPN"):
            return _own_case_arguments(view, following, slot, through_object=False)
    noun = grammar.acted_on_noun(token) if token.pos_ == "VERB" else None
    if noun is not None and noun.lemma_.casefold() == last:
        # "la visite de X à Y a été annulée par Z": the expression's noun set before its passive verb; those
        # it names are acted on, its complement of the slot, else its doer
        return _own_case_arguments(view, noun, slot, through_object=False) or fill_slot(view, noun, "agent", "NOUN")
    return []


# How the parser hangs the clause a fronted participle stands before ("Arrivé à Lima, le ministre a ...").
FRONTED_CLAUSE_DEPS = frozenset({"parataxis", "conj"})


def subject(view: Extractor, verb: Token, depth: int = 0) -> list[Mention]:
    subjects = [child for child in view._children(verb) if child.dep_ in grammar.SUBJECT_DEPS]
    if not subjects and (is_reflexive(verb, view.grammar) or not is_passive(view, verb)):
        subjects = [child for child in view._children(verb) if child.dep_ in grammar.PASSIVE_SUBJECT_DEPS]
    if not subjects:  # "X se sont dits prêts à": the parser hung the subject on the verb it made a copula
        subjects = [grand for child in view._children(verb) if child.dep_ == grammar.COPULA_DEP and child.pos_ == "VERB"
                    for grand in child.children if grand.dep_ in grammar.SUBJECT_DEPS]  # fmt: skip
    if subjects:
        if subjects[0].lower_ in view.grammar.relative_pronouns and verb.dep_.startswith("acl"):
            return mentions(view, verb.head)
        found = [m for child in subjects for m in mentions(view, child)]
        return (
            (found + _subject_cut_at_root(view, verb, subjects[0]))
            or _examples_of_subject(view, verb, subjects[0])
            or _doers_of_subject_act(view, subjects)
        )
    if inverted := _inverted_subject(view, verb):
        return inverted
    if (after_relative := _subject_after_relative_object(view, verb)) is not None:
        return mentions(view, after_relative)
    if mislabelled := _mislabelled_subject(view, verb):
        return mislabelled
    if stranded := _stranded_subject(view, verb):
        return stranded
    if fronted := _fronted_participle_subject(view, verb):
        return fronted
    if depth >= grammar.GOVERNOR_STEPS:
        return []
    if verb.dep_ == grammar.ADJECTIVE_COMPLEMENT_DEP and verb.head.i != verb.i:
        return subject(view, verb.head, depth + 1)  # "X is hostile to Y": the copular verb's subject
    if verb.dep_ in grammar.CONTROL_DEPS and verb.head.i != verb.i:
        if blamed := _blamed(view, verb):
            return blamed
        controllers = _controller(view, verb) if verb.dep_ in grammar.INFINITIVE_DEPS else None
        return controllers if controllers is not None else subject(view, verb.head, depth + 1)
    if verb.dep_.startswith("acl") and verb.head.i != verb.i:
        noun = verb.head
        if noun.pos_ == "VERB":  # a noun the tagger took for a verb ("ont l'intention de"): a verb's clause
            return subject(view, noun, depth + 1)
        if view._has_case(noun, view.grammar.as_case) and noun.head.i != noun.i:
            # "la Russie s'est présentée comme un partenaire disposé à ...": the partner is the subject
            return subject(view, noun.head, depth + 1) or _case_arguments(view, noun.head, view.grammar.agent_case)
        if found := mentions(view, noun, possessor=True):
            return found
        light = light_verb(view, noun)
        if (
            light is not None
            and grammar.INFINITIVE in verb.morph.get("VerbForm")
            and _marked_by(view, verb, view.grammar.genitive_case)
        ):
            # "X a l'intention d'attaquer Y", "X a pris la décision de fermer ...": the light verb's subject
            return subject(view, light, depth + 1)
        return _detached_participle_subject(view, verb, depth)
    return []


def _doers_of_subject_act(view: Extractor, subjects: list[Token]) -> list[Mention]:
    """The doers of an act a subject names ("le lancement de X est contraire à ...", "les frappes de X ont
    visé Y"): who does the act does what is said of it."""
    return [m for child in subjects if child.pos_ == "NOUN" and _is_event_noun(view, child)
            for m in fill_slot(view, child, "agent", "NOUN")]  # fmt: skip


def _marked_by(view: Extractor, verb: Token, case: str) -> bool:
    """Whether a clause is introduced by the preposition `case` ("l'intention d'attaquer": "de")."""
    forms = view.grammar.forms(case)
    return any(child.dep_ in grammar.INFINITIVE_MARK_DEPS and child.lower_ in forms for child in verb.children)


def _detached_participle_subject(view: Extractor, verb: Token, depth: int) -> list[Mention]:
    """The subject of a present participle set off by a comma after its clause ("X a répliqué par la voix de
    son porte-parole, attribuant ..."), which the parser hung on the noun before it: the clause's subject."""
    if "Pres" not in verb.morph.get("Tense") or "Part" not in verb.morph.get("VerbForm"):
        return []
    if verb.i == 0 or view.tokens[verb.i - 1].text != ",":
        return []
    clause = verb.head
    for _ in range(grammar.GOVERNOR_STEPS):
        if clause.head.i == clause.i or clause.pos_ in ("VERB", "AUX"):
            break
        clause = clause.head
    return subject(view, clause, depth + 1) if clause.pos_ == "VERB" else []


def _subject_cut_at_root(view: Extractor, verb: Token, subject_token: Token) -> list[Mention]:
    """The first members of a subject the parser cut from its verb ("Le Chili et l'Argentine ont organisé":
    "Le Chili" made the root, the verb its conjunct with "l'Argentine" alone as subject)."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or head.i > subject_token.i:
        return []
    if not any(
        child.dep_ == "cc" and head.i < child.i < subject_token.i for child in (*verb.children, *subject_token.children)
    ):
        return []
    return mentions(view, head)


def _mislabelled_subject(view: Extractor, verb: Token) -> list[Mention]:
    """A subject the parser took for an adverb, a modifier or left unlabelled ("Quito accuse Bogota ...",
    "Plusieurs capitales, comme Berlin, ont condamné ..."): an actor's bare name or noun opening the verb's
    clause, before it, with no case marker; a noun naming no actor gives the actors set as its examples."""
    if verb.i == 0 or not _is_finite_clause(verb):
        return []
    before = [child for child in view._children(verb) if child.i < verb.i and child.dep_ in MISLABELLED_SUBJECT_DEPS]
    if not before or any(grand.dep_ == "case" for grand in before[0].children):
        return []
    start = before[0].left_edge.i
    if start > view.sentence_by_token[verb.i].start and not view.tokens[start - 1].is_punct:
        return []  # it opens no clause: "X et Y se sont entendus", the parser's error is elsewhere
    found = mentions(view, before[0]) or _examples_of_subject(view, verb, before[0])
    return [] if any(m.locative for m in found) else found


def _is_finite_clause(verb: Token) -> bool:
    """Whether a word heads a finite clause: a finite verb, one with a finite auxiliary, or the adjective of
    "se sont dits prêts" that the parser made the head, the auxiliary left on the participle it hung below."""
    if "Fin" in verb.morph.get("VerbForm") or _has_finite_auxiliary(verb):
        return True
    return verb.pos_ == "ADJ" and any(
        child.pos_ == "VERB" and child.i < verb.i and _has_finite_auxiliary(child) for child in verb.children
    )


def _stranded_subject(view: Extractor, verb: Token) -> list[Mention]:
    """A subject the parser hung on the clause before ("Après avoir rencontré X, le Premier ministre australien
    s'est envolé": made an apposition of X): the noun phrase between the last comma and the verb (its clitics
    and auxiliaries aside), when it names an actor and hangs outside the verb's clause."""
    if "Fin" not in verb.morph.get("VerbForm") and not _has_finite_auxiliary(verb):
        return []
    start = verb.i
    while start > 0 and view.tokens[start - 1].head.i == verb.i and view.tokens[start - 1].dep_ in VERB_GROUP_DEPS:
        start -= 1
    comma = next(
        (i for i in range(start - 1, max(start - STRANDED_WORDS, 0) - 1, -1) if view.tokens[i].text == ","), None
    )
    if comma is None or comma + 1 >= start:
        return []
    phrase = view.tokens[comma + 1 : start]
    heads = [token for token in phrase if not comma < token.head.i < start or token.head.i == token.i]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or heads[0].head.i == verb.i:
        return []
    if any(child.dep_ == "case" for child in heads[0].children):
        return []
    return mentions(view, heads[0])


def _fronted_participle_subject(view: Extractor, verb: Token) -> list[Mention]:
    """The subject of a participle fronted before its clause ("Arrivé jeudi à Lima, le ministre a ...", "Reçu à
    l'Élysée, le président ..."), which the parser made the root with the clause as its parataxis: the clause's
    subject."""
    if grammar.PARTICIPLE not in verb.morph.get("VerbForm") or grammar.has_auxiliary(verb):
        return []
    if verb.i != view.sentence_by_token[verb.i].start:
        return []
    for child in view._children(verb):
        if child.dep_ in FRONTED_CLAUSE_DEPS and child.pos_ == "VERB" and child.i > verb.i:
            subjects = [grand for grand in view._children(child) if grand.dep_ in grammar.SUBJECT_DEPS]
            if subjects and view.tokens[subjects[0].left_edge.i - 1].text == ",":
                return [m for grand in subjects for m in mentions(view, grand)]
    return []


def _has_finite_auxiliary(verb: Token) -> bool:
    return any(child.dep_.startswith("aux") and "Fin" in child.morph.get("VerbForm") for child in verb.children)


def _is_enumerated(view: Extractor, token: Token) -> bool:
    """A name after a comma that the parser took for a complement of the one before ("l'Espagne, la Norvège et
    l'Irlande": "la Norvège" hung on "l'Espagne"; "les ministres du Mali, du Niger"): a member of the list."""
    return (
        token.dep_ in ENUMERATION_DEPS
        and token.pos_ == "PROPN"  # a name, not a title set beside one ("Medvedev, vice-président du Conseil")
        and token.i in view.by_token
        and token.head.i in view.by_token
        and token.i > token.head.i
        and token.left_edge.i > 0
        and view.tokens[token.left_edge.i - 1].text == ","
        # no preposition, or the complement's own ("les ministres du Mali, du Niger et du Burkina Faso")
        and all(
            child.lower_ in view.grammar.forms(view.grammar.genitive_case)
            for child in token.children
            if child.dep_ == "case"
        )
    )


def _blamed(view: Extractor, verb: Token) -> list[Mention]:
    """Who did what a clause of cause tells, a past infinitive after the purpose mark ("X a sanctionné Y pour
    avoir attaqué Z"): the object of the verb it hangs on, blamed or praised for it."""
    if not has_purpose_marker(view, verb, "mark"):
        return []
    if not any(child.dep_.startswith("aux") for child in verb.children):
        return []  # "pour attaquer Z": the subject's own aim
    return _objects(view, verb.head)


def has_purpose_marker(view: Extractor, token: Token, dep: str) -> bool:
    """Whether a clause or noun is introduced (as `dep`: "mark", "case") by the pack's purpose cue ("pour")."""
    return any(child.dep_ == dep and cue_for(view.pack, child.lower_) == (Mode.HYPOTHETICAL, PURPOSE_SCOPE)
               for child in token.children)  # fmt: skip


def _objects(view: Extractor, verb: Token) -> list[Mention]:
    """The actors a verb's direct objects name."""
    return [m for child in view._children(verb) if child.dep_ in grammar.OBJECT_DEPS for m in mentions(view, child)]


def _examples_of_subject(view: Extractor, verb: Token, subject_token: Token) -> list[Mention]:
    """The actors given as examples of a subject that names none ("plusieurs pays, comme la Pologne, ont
    promis"), which the parser hung on the verb, between the subject and it."""
    if subject_token.pos_ != "NOUN":
        return []
    return [m for child in view._children(verb) if subject_token.i < child.i < verb.i
            and child.dep_ in grammar.OBLIQUE_DEPS and view._has_case(child, view.grammar.as_case)
            for m in mentions(view, child)]  # fmt: skip


def _subject_after_relative_object(view: Extractor, verb: Token) -> Token | None:
    """The subject set after the verb of a relative clause whose pronoun is its object ("les accords que
    signeront la France et l'Allemagne", "les sanctions que vient d'imposer Washington"), which the parser
    labels an object: the first noun labelled so after the verb, in a clause with no subject of its own."""
    relative = verb
    for _ in range(grammar.GOVERNOR_STEPS):  # "que vient d'imposer X": the pronoun is on the verb above
        if relative.dep_.startswith(grammar.CLAUSE_OF_NOUN_DEP) or relative.dep_ not in grammar.INFINITIVE_DEPS:
            break
        relative = relative.head
    if not relative.dep_.startswith(grammar.CLAUSE_OF_NOUN_DEP) or relative.head.pos_ not in ("NOUN", "PROPN"):
        return None
    children = view._children(relative)
    if any(child.dep_ in grammar.SUBJECT_DEPS | grammar.PASSIVE_SUBJECT_DEPS for child in children):
        return None
    if not any(child.i < relative.i and child.lower_ in view.grammar.relative_object_pronouns
               and child.dep_ in grammar.RELATIVE_OBJECT_DEPS for child in children):  # fmt: skip
        return None
    return next((child for child in view._children(verb) if child.dep_ in grammar.OBJECT_DEPS
                 and child.i > verb.i and child.pos_ in ("NOUN", "PROPN")), None)  # fmt: skip


def _inverted_subject(view: Extractor, verb: Token) -> list[Mention]:
    """The subject set after the finite verb of an incise ("..., a déclaré le ministre", "», s'est félicité
    le président"), which the parser takes for an object or leaves unlabelled: the first actor phrase after
    a main verb that opens its clause right after a punctuation mark."""
    if verb.dep_ not in INCISE_DEPS:
        return []
    children = view._children(verb)
    auxiliaries = [child for child in children if child.i < verb.i and child.dep_.startswith(("aux", "expl"))]
    if not auxiliaries and "Fin" not in verb.morph.get("VerbForm"):
        return []  # "..., accusant X de": a participle's object is no subject
    opening = min([verb.i, *(child.i for child in auxiliaries)])
    if opening == 0 or not view.tokens[opening - 1].is_punct:
        return []
    for child in children:
        if child.i > verb.i and child.dep_ in INVERTED_SUBJECT_DEPS and child.pos_ in ("NOUN", "PROPN"):
            return mentions(view, child)
    return []


def _agent_in_attribute(view: Extractor, verb: Token) -> list[Mention]:
    """The agent the parser hung on a passive verb's "comme" attribute ("dénoncée comme une provocation par X")."""
    found: list[Mention] = []
    for child in view._children(verb):
        if child.dep_ in grammar.OBLIQUE_DEPS and view._has_case(child, view.grammar.as_case):
            found += [m for grand in child.children
                      if grand.dep_ == "nmod" and view._has_case(grand, view.grammar.agent_case)
                      for m in mentions(view, grand)]  # fmt: skip
    return found


def _controller(view: Extractor, infinitive: Token) -> list[Mention] | None:
    """Who does what an infinitive says when its governing verb is not the doer: the object of a verb of
    object control ("exhorter X à", "accuser X de"), the "à" argument of one of dative control ("demander à X
    de"), the passive subject of any governing verb ("X est soupçonné de"): the actors that argument names
    (none when it names no actor, or when the verb names nobody: "demander de lever les sanctions", "accuser
    d'ingérence"). None when the governing verb's subject is the doer: it is no verb of control, or one whose
    subject does it when it has no object ("aider à négocier", "help broker a deal"), or one of dative
    control whose infinitive comes bare, without its preposition ("X a dit avoir rencontré Y")."""
    governor = infinitive.head
    passive_subjects = [child for child in governor.children if child.dep_ in grammar.PASSIVE_SUBJECT_DEPS]
    if passive_subjects and is_passive(view, governor):
        return [m for child in passive_subjects for m in mentions(view, child)]
    controller = view.lexicon.control_verbs.get((view.lang, governor.lemma_.casefold()))
    if controller is None:
        return None
    if controller in (OBJECT_CONTROL, OBJECT_ELSE_SUBJECT_CONTROL):
        arguments = direct_objects(view, governor)
        if not arguments and controller == OBJECT_ELSE_SUBJECT_CONTROL:  # "helped broker a deal"
            return None
    elif not any(child.dep_ in grammar.INFINITIVE_MARK_DEPS for child in infinitive.children):
        return None  # a bare infinitive is the subject's own act: "X a dit avoir rencontré Y"
    else:  # "demander de lever les sanctions": someone unnamed is asked, not the one who asks
        arguments = [child for child in view._children(governor)
                     if child.dep_ in grammar.OBLIQUE_DEPS and view._has_case(child, controller)]  # fmt: skip
    return [m for argument in arguments for m in mentions(view, argument)]


def doer_unnamed(view: Extractor, verb: Token) -> bool:
    """Whether the verb's doer is someone the sentence leaves unnamed or names as no actor ("accuser de
    sanctionner X", "accused the company of supplying X"): then no other actor is to be guessed."""
    return verb.dep_ in grammar.INFINITIVE_DEPS and verb.head.i != verb.i and _controller(view, verb) == []


def _reflexive_subject(view: Extractor, verb: Token) -> list[Mention]:
    """A reflexive verb the parser took for a passive ("la Russie s'est présentée"): its subject."""
    if not is_reflexive(verb, view.grammar):
        return []
    return [m for child in verb.children if child.dep_ in grammar.PASSIVE_SUBJECT_DEPS for m in mentions(view, child)]


def is_passive(view: Extractor, verb: Token) -> bool:
    """A passive voice: a passive auxiliary or agent ("a été condamné par"), or a reflexive passive subject.
    A passive subject alone, beside an active auxiliary, is the parser's mislabel of an active subject."""
    children = view._children(verb)
    if any(child.dep_ in grammar.PASSIVE_MARK_DEPS for child in children):
        return True
    return is_reflexive(verb, view.grammar) and any(child.dep_ in grammar.PASSIVE_SUBJECT_DEPS for child in children)


def is_passive_participle(view: Extractor, verb: Token) -> bool:
    """A past participle modifying a noun ("des diplomates accusés de", "une opération dénoncée par"), or
    coordinated with one that does ("saluée par X mais critiquée par Y"): asked for a subject and an object,
    its noun is the object and its agent ("par X") the subject."""
    return _participle_noun(view, verb) is not None


def _participle_noun(view: Extractor, verb: Token) -> Token | None:
    """The noun a past participle modifies, through the participles it is coordinated with."""
    if "Part" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense"):
        return None
    if grammar.has_auxiliary(verb):
        return None  # "les sanctions que la Chine a condamnées": a relative clause's compound tense
    current = verb
    for _ in range(grammar.GOVERNOR_STEPS):
        if current.head.i == current.i:
            return None
        if current.dep_ in grammar.PARTICIPLE_DEPS or current.dep_ == DETACHED_CLAUSE_DEP:
            if current.head.pos_ in ("VERB", "AUX") and (apposed := _named_before_comma(view, current)) is not None:
                return apposed  # "prise entre la Biélorussie, alliée de la Russie, et ...": hung on the verb
            if current.dep_ == DETACHED_CLAUSE_DEP:
                return None
            return current.head
        if current.dep_ != "conj":
            return None
        current = current.head
    return None


def _named_before_comma(view: Extractor, participle: Token) -> Token | None:
    """The name an aside participle, between commas, follows right away, which the parser hung the participle
    beside rather than on ("..., la Biélorussie, alliée de la Russie, et ..."): the participle describes it."""
    comma = participle.i - 1
    if comma < 1 or view.tokens[comma].text != ",":
        return None
    # the participle's own phrase: what the parser joined to it ("..., et la Thaïlande") is not of it
    after = 1 + max([participle.i] + [child.right_edge.i for child in participle.children
                                      if child.dep_ not in JOINED_DEPS])  # fmt: skip
    if after >= len(view.tokens) or view.tokens[after].text != ",":
        return None  # an aside between commas, not a clause closing the sentence ("..., soupçonnés de ...")
    before = view.tokens[comma - 1]
    if before.i not in view.by_token or before.pos_ not in ("NOUN", "PROPN"):
        return None
    # it agrees with the name ("la Biélorussie, alliée"), not with a subject it was set after ("Trois
    # diplomates ont été expulsés de Prague, soupçonnés de ...")
    return before if _agrees(participle, before) else None


def _participle_objects(view: Extractor, verb: Token) -> list[Mention]:
    """The actors a past participle acts on: those its noun names, else, for a noun that sums up the act of
    the clause it is set beside ("X a expulsé ..., une décision condamnée par Y"), the doer of that act."""
    noun = _participle_noun(view, verb)
    if noun is None:
        return []
    # The agents of the participles on the noun act; they are not acted on.
    own = {t.i for child in noun.children if child.dep_ in grammar.PARTICIPLE_DEPS for t in child.subtree}
    found = [m for m in mentions(view, noun, possessor=True) if m.token_start not in own]
    if found or noun.lemma_.casefold() not in view.grammar.summary_nouns:
        return found
    clause = noun
    # "..., a move condemned by": set beside the clause's last noun; the act is the nearest clause above
    # that has a doer (an infinitive of purpose in between names none: "pour lui permettre de faire face à").
    for _ in range(SUMMARY_STEPS):
        if clause.head.i == clause.i or clause.dep_ not in SUMMARY_ATTACHMENT_DEPS:
            return []
        clause = clause.head
        if clause.pos_ == "VERB" and (doers := subject(view, clause)):
            return doers
    return []


def _agent(view: Extractor, noun: Token, light: Token | None, *, exclude: str) -> list[Mention]:
    found: list[Mention] = []
    for child in view._children(noun):
        if (
            child.dep_ in grammar.MODIFIER_AGENT_DEPS
            or _is_bare_premodifier(child, noun)
            or (
                # a demonym, a possessive ("leur sommet", "China's"), a name before the noun ("the Russia-China patrol")
                child.dep_ in AGENT_DEPS
                and (
                    view._has_case(child, view.grammar.agent_case)
                    or (exclude != view.grammar.genitive_case and view._has_case(child, view.grammar.genitive_case))
                )
            )
        ):
            found += mentions(view, child)
        elif child.dep_ in grammar.OBLIQUE_DEPS:
            # "l'invasion de l'Ukraine par X", "l'arraisonnement d'un chalutier vietnamien par X": the parser
            # hangs the agent on the complement before it, or on its adjective.
            found += _agent_below(view, child)
    found += _participle_agents(view, noun)
    found += juxtaposed_names(view, noun)
    if found:
        return list({(m.token_start, m.code): m for m in found}.values())
    if light is not None:
        return subject(view, light)
    if any(child.dep_ in grammar.SUBJECT_DEPS for child in noun.children):
        return subject(view, noun)  # a predicate noun: "la Chine est le premier partenaire de X"
    if noun.dep_ in grammar.INFINITIVE_DEPS and noun.head.i != noun.i and noun.head.pos_ in ("VERB", "AUX"):
        return subject(view, noun.head)  # the attribute of a verb: "X reste le premier allié de Y"
    apposed = _apposed_to(view, noun)
    if apposed:
        return apposed
    if owner := _possessor_named_above(view, noun):
        return owner
    if exclude == view.grammar.genitive_case:
        # "l'invasion de l'Ukraine": the invader must be named, not guessed, unless a blame names him ("X a
        # condamné Y pour l'invasion de l'Ukraine")
        return _blamed_for(view, noun)
    return _blamed_for(view, noun) or _clause_subject(view, noun)


def _is_bare_premodifier(child: Token, noun: Token) -> bool:
    """A noun modifier before its noun with no preposition ("the Bolivia-Argentina patrol", which English parses
    label "nmod"): it names whose the act is, as a compound does."""
    return child.dep_ == "nmod" and child.i < noun.i and not any(grand.dep_ == "case" for grand in child.children)


def _possessor_named_above(view: Extractor, noun: Token) -> list[Mention]:
    """The actor an event noun with a singular possessive hangs on ("La Chine, malgré ses manœuvres, ...": the
    parser hangs the phrase on the name it follows): the one whose act it is."""
    determiners = [child for child in noun.children if child.dep_ == "det" and grammar.is_possessive(child)]
    if not determiners or determiners[0].lower_ not in view.grammar.possessives - view.grammar.plural_possessives:
        return []
    if noun.dep_ not in grammar.OBLIQUE_DEPS or noun.head.i == noun.i:
        return []
    return [m for m in view.by_token.get(noun.head.i, ()) if not m.locative]


def _blamed_for(view: Extractor, noun: Token) -> list[Mention]:
    """Whose act a noun of cause is ("X a condamné Y pour ses essais", "... pour l'invasion de Z"): the object
    of the verb it hangs on, blamed or praised for it."""
    head = noun.head
    if head.i == noun.i or head.pos_ != "VERB" or noun.dep_ not in grammar.OBLIQUE_DEPS:
        return []
    if not has_purpose_marker(view, noun, "case"):
        return []
    return _objects(view, head)


def _apposed_to(view: Extractor, noun: Token) -> list[Mention]:
    """The actor a noun is in apposition to, between commas, without a preposition ("la Chine, principale
    alliée de Pyongyang, ..."): what the noun says it is."""
    head = noun.head
    if (
        head.i == noun.i
        or head.i > noun.i
        or head.i not in view.by_token
        or view._has_case(noun, view.grammar.genitive_case)
    ):
        return []
    if any(child.dep_ == "case" for child in noun.children):
        return []
    between = view.tokens[head.i + 1 : noun.i]
    if not any(token.text == "," for token in between) or any(token.pos_ == "VERB" for token in between):
        return []
    return mentions(view, head)


def juxtaposed_names(view: Extractor, noun: Token) -> list[Mention]:
    """Actors named right after a noun without a preposition, one or two joined by a hyphen ("le sommet
    Trump-Poutine", "la rencontre Xi-Biden", "la visite Macron"): the noun's participants."""
    first = view.by_token.get(noun.i + 1, ())
    if not first or any(child.dep_ == "case" for child in view.tokens[noun.i + 1].children):
        return []
    end = max(m.token_end for m in first)
    found = list(first)
    if end + 1 < len(view.tokens) and view.tokens[end].text == "-" and end + 1 in view.by_token:
        found += view.by_token[end + 1]
    return found


def _agent_on_an_oblique(view: Extractor, verb: Token) -> list[Mention]:
    """A passive's agent the parser hung on the name before it ("promise à la Moldavie par l'Allemagne")."""
    return [
        m for child in view._children(verb) if child.dep_ in grammar.OBLIQUE_DEPS for m in _agent_below(view, child)
    ]


def _agent_below(view: Extractor, complement: Token) -> list[Mention]:
    """A "par" agent hung on a noun's complement or on that complement's adjective, not on an event of its own."""
    if view._triggers(complement):
        return []
    holders = [complement, *(child for child in complement.children if child.dep_ == "amod")]
    return [m for holder in holders for grand in holder.children
            if grand.dep_ in AGENT_BELOW_DEPS and view._has_case(grand, view.grammar.agent_case)
            for m in mentions(view, grand)]  # fmt: skip


def _participle_agents(view: Extractor, noun: Token) -> list[Mention]:
    """Agents of a participle on the noun or on its complement ("des exercices à grande échelle menés
    par les États-Unis", "des politiques imposées par les États-Unis"), also where the parser hung the agent
    on the participle's oblique before it. A participle that is an act of its own names its own doer, not the
    noun's ("une opération dénoncée par X": X denounced it)."""
    found: list[Mention] = []
    for child in noun.children:
        # a complement naming an act of its own ("sa condamnation des manœuvres menées par X") keeps its doers
        through = child.dep_ == "nmod" and not (child.pos_ == "NOUN" and _is_event_noun(view, child))
        for participle in (child, *child.children) if through else (child,):
            if participle.dep_ == "acl" and participle.pos_ == "VERB" and not acts_of_its_own(view, participle):
                agents = [m for arg in participle.children if arg.dep_ == "obl:agent"
                          and view._has_case(arg, view.grammar.agent_case) for m in mentions(view, arg)]  # fmt: skip
                # "menés par X et Y": the parser may join Y to the participle, or to the word it hangs on
                agents += _stray_conjuncts(view, participle, agents) + _stray_conjuncts(view, participle.head, agents)
                if not agents and is_passive_participle(view, participle):
                    # "l'enquête ouverte en mars par X": the agent hung on the time phrase before it
                    agents = _agent_on_an_oblique(view, participle)
                found += agents
    return found


def acts_of_its_own(view: Extractor, verb: Token) -> bool:
    """Whether a verb is an act of its own (a trigger that is no light verb: "dénoncer", not "mener")."""
    return bool(view._triggers(verb)) and (view.lang, verb.lemma_.casefold()) not in view.lexicon.light_verbs


def _named_as(view: Extractor, noun: Token) -> list[Mention]:
    """The actor a noun is said to be known as ("une bande du mal, autrement connue sous le nom
    d'Occident", "le pays surnommé le royaume ermite")."""
    found: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.casefold() in view.grammar.naming_verbs:
            for argument in child.children:
                if argument.dep_ in grammar.OBLIQUE_DEPS | {"xcomp", "obj"}:
                    found += mentions(view, argument, possessor=True)
    return found


def _clause_subject(view: Extractor, token: Token) -> list[Mention]:
    """The subject of the clause a noun sits in ("sa guerre contre l'Ukraine", "voir des perspectives de
    coopération avec X"), unless the noun is that subject or a verb of fear, report, modality or topic
    ("discuter du commerce avec X") stands between (a predicate noun's own subject is read by `_agent`)."""
    if token.dep_ in grammar.SUBJECT_DEPS or token.dep_ in grammar.PASSIVE_SUBJECT_DEPS:
        return []
    current = token
    for _ in range(grammar.GOVERNOR_STEPS + 1):
        if current.head.i == current.i or _answered(view, current, token):
            return []  # "après l'attaque contre X, Y a ...": Y answers the attack
        current = current.head
        if current.pos_ == "NOUN" and (  # "l'annonce par X de sanctions": the noun above names who acts
            agents := _own_case_arguments(view, current, view.grammar.agent_case, through_object=False)
        ):
            return agents
        if current.pos_ in ("VERB", "AUX") or any(child.dep_ in grammar.SUBJECT_DEPS for child in current.children):
            lemma = current.lemma_.casefold()
            if _fronted(token, current):
                return subject(view, current)  # "En visite à Nairobi, X a promis ...": the visit is no promise
            if (
                cue_for(view.pack, lemma)
                or (view.lang, lemma) in view.lexicon.reporting_verbs
                or (view.lang, lemma) in view.lexicon.topic_verbs
            ):
                return []
            if _subject_is_an_act(view, current):
                return []  # "les sanctions chiliennes visant l'aide à X": Chile sanctions, it gives no aid
            return subject(view, current)
    return []


def in_answered_phrase(view: Extractor, noun: Token) -> bool:
    """Whether an event noun sits in a phrase of an event its clause answers or is conditioned on ("après
    l'attaque contre X", "en cas d'attaque"), below its clause's verb."""
    current = noun
    for _ in range(grammar.GOVERNOR_STEPS + 1):
        if _answered(view, current, noun):
            return True
        if current.head.i == current.i or current.head.pos_ in ("VERB", "AUX"):
            return False
        current = current.head
    return False


def _answered(view: Extractor, noun: Token, event: Token) -> bool:
    """Whether a noun on the way up from an event noun (`event`) to its clause marks an event the clause answers
    or is conditioned on: a reaction preposition on it, or a reaction noun above the event ("en cas de", "en
    réponse à"; "en riposte, X a frappé Y" is X's riposte)."""
    return (noun.i != event.i and noun.lemma_.casefold() in view.grammar.reaction_nouns) or any(
        child.dep_ in ("case", "mark") and child.lower_ in view.grammar.reaction_cases for child in noun.children
    )


def _subject_is_an_act(view: Extractor, verb: Token) -> bool:
    """Whether a verb's subject, or the noun its participle is set on, is an event noun: the actors on it are
    that act's, not the doers of the verb's object."""
    if verb.dep_ in grammar.PARTICIPLE_DEPS and verb.head.i != verb.i:
        heads = [verb.head]
    else:
        heads = [child for child in view._children(verb) if child.dep_ in grammar.SUBJECT_DEPS]
    return any(head.pos_ == "NOUN" and any(entry.pos == "NOUN" for entry in view._triggers(head)) for head in heads)


def _fronted(noun: Token, verb: Token) -> bool:
    """A circumstance set before its clause's subject, between commas ("En visite à Nairobi, le ministre a
    promis ..."): it tells the subject's situation, whatever the verb says."""
    subjects = [child for child in verb.children if child.dep_ in grammar.SUBJECT_DEPS]
    return (
        noun.head.i == verb.i
        and noun.dep_ in FRONTED_DEPS
        and bool(subjects)
        and noun.right_edge.i < subjects[0].i
        and any(token.text == "," for token in noun.doc[noun.right_edge.i + 1 : subjects[0].i])
    )


def is_topic(view: Extractor, noun: Token) -> bool:
    """Whether a noun is what a verb of discussion talks about ("évoquer la coopération avec X"): its
    agent is none of that verb's (nor, by default, the sentence's other actor)."""
    return (
        noun.dep_ in grammar.OBJECT_DEPS | grammar.OBLIQUE_DEPS
        and (view.lang, noun.head.lemma_.casefold()) in view.lexicon.topic_verbs
    )


def light_verb(view: Extractor, noun: Token) -> Token | None:
    """The light verb whose object the noun is ("imposer des sanctions"), also through a relative clause on the
    noun ("les sanctions que X a imposées", "the sanctions that X imposed")."""
    head = noun.head
    if noun.dep_ in grammar.OBJECT_DEPS and (view.lang, head.lemma_.casefold()) in view.lexicon.light_verbs:
        return head
    return _relative_light_verb(view, noun)


def _relative_light_verb(view: Extractor, noun: Token) -> Token | None:
    """The light verb of a relative clause on the noun whose object the noun is ("les sanctions que X a
    imposées")."""
    for child in view._children(noun):
        if (
            child.dep_.startswith(grammar.CLAUSE_OF_NOUN_DEP)
            and (view.lang, child.lemma_.casefold()) in view.lexicon.light_verbs
            and _relative_antecedent(view, child)
        ):
            return child
    return None


def _case_arguments(view: Extractor, head: Token, slot: str, *, through_object: bool = True) -> list[Mention]:
    found = _own_case_arguments(view, head, slot, through_object=through_object)
    found += _stray_conjuncts(view, head, found)
    if not found and through_object and head.dep_ == "xcomp" and head.head.i != head.i:
        # "cherchent à lutter contre X": the parser may hang the argument on the governing verb.
        found = _own_case_arguments(view, head.head, slot, through_object=False)
    if not found and through_object and head.pos_ == "VERB":
        antecedent = _relative_case_antecedent(view, head, slot)
        if antecedent is not None:  # an act's doers: "les manœuvres que X a entamées, auxquelles Y a riposté"
            found = mentions(view, antecedent, possessor=True) or (
                fill_slot(view, antecedent, "agent", "NOUN") if _is_event_noun(view, antecedent) else []
            )
    return found


def _relative_case_antecedent(view: Extractor, verb: Token, slot: str) -> Token | None:
    """The noun a relative pronoun of the slot's preposition stands for, in the clause of the verb or of a verb
    it completes ("les manœuvres auxquelles X a menacé de riposter", "la décision contre laquelle X proteste")."""
    current = verb
    for _ in range(grammar.GOVERNOR_STEPS):
        pronoun = _relative_pronoun_of_case(view, current, slot)
        if pronoun is not None:
            return _antecedent_noun(view, pronoun)
        if current.dep_ != SECONDARY_PREDICATE_DEP or current.head.i == current.i:
            return None
        current = current.head  # "auxquelles X a menacé de riposter": the pronoun is in "menacer"'s clause
    return None


def _relative_pronoun_of_case(view: Extractor, verb: Token, slot: str) -> Token | None:
    """A relative pronoun of the slot's preposition opening the verb's clause: before the verb, in its phrase
    (the parser hangs it on the verb or on its subject), with no other verb between them."""
    forms = view.grammar.forms(slot)
    fused = view.grammar.relative_case_pronouns.get(slot, frozenset())
    for token in verb.subtree:
        if token.i >= verb.i:
            return None
        if (
            token.lower_ in fused
            or (
                token.lower_ in view.grammar.relative_pronouns
                and any(child.dep_ == "case" and child.lower_ in forms for child in token.children)
            )
        ) and not any(between.pos_ == "VERB" for between in view.tokens[token.i + 1 : verb.i]):
            return token
    return None


def _antecedent_noun(view: Extractor, pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the nearest noun before it, in its sentence, that heads its
    phrase and agrees with it in number and gender where both show them ("les manœuvres militaires organisées
    sur la péninsule, auxquelles": not "péninsule")."""
    start = view.sentence_by_token[pronoun.i].start
    for token in reversed(view.tokens[start : pronoun.i]):
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in MODIFIER_DEPS and _agrees(token, pronoun):
            return token
    return None


def _is_event_noun(view: Extractor, noun: Token) -> bool:
    """Whether a noun names an event (a noun entry of the lexicon)."""
    return any(trigger.pos == "NOUN" for trigger in view._triggers(noun))


def _agrees(word: Token, other: Token) -> bool:
    """Whether two words agree in number and gender, where both show them."""
    for feature in AGREEMENT_FEATURES:
        own, others = word.morph.get(feature), other.morph.get(feature)
        if own and others and own != others:
            return False
    return True


def _own_case_arguments(view: Extractor, head: Token, slot: str, *, through_object: bool) -> list[Mention]:
    forms = view.grammar.forms(slot)
    found: list[Mention] = []
    for child in view._children(head):
        if child.dep_ in grammar.OBLIQUE_DEPS and any(
            grand.dep_ == "case" and grand.lower_ in forms for grand in child.children
        ):
            genitive = slot == view.grammar.genitive_case
            found += mentions(view, child, possessor=not genitive) or (
                _nationality(view, child) or _event_doers(view, child) if genitive else []
            )
    if not found and through_object and head.pos_ == "VERB":
        # "livrer des missiles à Taïwan" (the parser often hangs "à Taïwan" on the object), "expédier des
        # obus destinés à la Russie" (or on a participle of the object).
        for child in view._children(head):
            if child.dep_ in grammar.OBJECT_DEPS:
                found += _case_arguments(view, child, slot, through_object=False)
                # "attribuer la responsabilité de l'affrontement à X": or on the object's complement
                found += [m for grand in child.children
                          if grand.dep_ == "nmod" and grand.i not in view.by_token
                          and view._has_case(grand, view.grammar.genitive_case)
                          for m in _own_case_arguments(view, grand, slot, through_object=False)]  # fmt: skip
                for participle in (*child.children, *(c for conj in child.conjuncts for c in conj.children)):
                    # "les droits de douane imposés à X", also "qui avaient été imposés à X"
                    if participle.dep_.startswith(grammar.CLAUSE_OF_NOUN_DEP) and participle.pos_ == "VERB":
                        found += _case_arguments(view, participle, slot, through_object=False)
    return found


def _is_member_phrase(view: Extractor, child: Token) -> bool:
    """A noun set apart from the group it hangs on by an inclusion word ("dont le Japon", "including Japan"),
    which the parser makes a verbless relative clause or a complement."""
    return (
        child.pos_ in ("NOUN", "PROPN")
        and (child.dep_ == "nmod" or child.dep_.startswith(grammar.CLAUSE_OF_NOUN_DEP))
        and any(grand.i < child.i and grand.lower_ in view.grammar.inclusion_words for grand in child.children)
    )


def _event_doers(view: Extractor, noun: Token) -> list[Mention]:
    """The doers an event noun names ("la dénonciation des manœuvres menées par X": X's manoeuvres); not the word
    the parser hung it on ("la dénonciation par X des manœuvres" read as X's manoeuvres)."""
    if noun.pos_ != "NOUN" or not _is_event_noun(view, noun):
        return []
    head = range(noun.head.left_edge.i, noun.head.i + 1)
    return [doer for doer in fill_slot(view, noun, "agent", "NOUN") if doer.token_start not in head]


def _nationality(view: Extractor, noun: Token) -> list[Mention]:
    """The actor a nationality adjective on a noun names ("les importations de bœuf japonais": Japan's beef)."""
    return [m for child in noun.children if child.dep_ == "amod"
            for m in view.by_token.get(child.i, ()) if m.how is Resolution.DEMONYM]  # fmt: skip


def _case_arguments_above(view: Extractor, noun: Token, slot: str) -> list[Mention]:
    """A "contre X" or "envers X" the parser hung on the verb above the noun phrase ("portant un toast à la
    lutte du Kremlin contre X"): such prepositions rarely belong to the verb itself."""
    current = noun
    for _ in range(2):
        if current.dep_ not in ("obj", "nmod", "obl:arg", "obl:mod") or current.head.i == current.i:
            return []
        current = current.head
        if current.pos_ == "VERB":
            return _own_case_arguments(view, current, slot, through_object=False)
    return []


def _places(view: Extractor, head: Token) -> list[Mention]:
    found: list[Mention] = []
    for child in view._children(head):
        cases = [grand.lower_ for grand in child.children if grand.dep_ == "case"]
        lemma = child.lemma_.casefold()
        if any((view.lang, case, lemma) in view.lexicon.locutions for case in cases):
            # "aux côtés de X": a locution, no place; a place the parser hung on it is the head's
            found += [m for grand in child.children if grand.dep_ == "nmod"
                      and any(c.dep_ == "case" and c.lower_ in view.grammar.locative_cases for c in grand.children)
                      for m in mentions(view, grand, possessor=True)]  # fmt: skip
            continue
        if child.dep_ in grammar.OBLIQUE_DEPS and any(case in view.grammar.locative_cases for case in cases):
            found += mentions(view, child, possessor=True)  # "dans les provinces de Donetsk"
    return found


def mentions(view: Extractor, token: Token, *, possessor: bool = False, depth: int = 0) -> list[Mention]:
    """The actors an argument token stands for.

    Its own mention(s) or its name parts'; with `possessor`, failing those,
    the actor its "de" complement names ("l'effort de guerre de la Russie");
    and the same for its conjuncts, wherever inside a name they attach.
    """
    found = list(view.by_token.get(token.i, ()))
    if not found:
        for child in token.children:
            if child.dep_ in grammar.NAME_DEPS:
                found += view.by_token.get(child.i, ())
    if not found and possessor and token.pos_ in ("NOUN", "PROPN") and depth < grammar.GOVERNOR_STEPS:
        if _is_event_noun(view, token):  # "son soutien à l'invasion russe de l'Ukraine": the invader, not the invaded
            relative = _relative_light_verb(view, token)  # "condamner les sanctions que X a imposées"
            found += _agent(view, token, relative, exclude=view.grammar.genitive_case) or _case_arguments(
                view, token, view.grammar.between_case
            )
        if not found:  # "l'approfondissement des relations entre Moscou et Pyongyang", "vos efforts de paix"
            for child in token.children:
                if (
                    (child.dep_ == "nmod" and view._has_case(child, view.grammar.genitive_case))
                    or child.dep_ == "amod"
                    or grammar.is_possessive(child)
                ):
                    found += mentions(view, child, possessor=True, depth=depth + 1)
        if not found:
            found += _participle_agents(view, token)
        if not found:
            found += _named_as(view, token)
    if not found and token.pos_ == "NOUN":  # "des pays comme la Chine et l'Inde": its examples
        found += [m for child in token.children if child.dep_ == "nmod"
                  and view._has_case(child, view.grammar.as_case) for m in mentions(view, child)]  # fmt: skip
    if token.pos_ in ("NOUN", "PROPN"):  # "des diplomates occidentaux, dont trois Britanniques": its members too
        found += [m for child in token.children if _is_member_phrase(view, child) for m in mentions(view, child)]
    found += [joined for m in found for index in grammar.dash_joined(view.tokens, m.token_start, m.token_end)
              for joined in view.by_token.get(index, ())]  # fmt: skip  # "the Bolivia-Argentina patrol"
    heads = {token.i} | {i for m in found for i in range(m.token_start, m.token_end)}
    for index in sorted(heads):
        for child in view.tokens[index].children:
            if (child.dep_ == "conj" or _is_enumerated(view, child)) and child.i not in heads:
                found += mentions(view, child, possessor=possessor)
    return list({(m.token_start, m.actor): m for m in found}.values())
