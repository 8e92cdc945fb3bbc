"""Clause linking: the actors of a trigger whose frame filled no slot, read loosely from its own clause.

A frame names exact parse slots ("à" for the target of "livrer"); the parser
often hangs an argument elsewhere or marks it with another preposition, and
the relation is lost although the sentence states it plainly. This rule reads
the trigger's clause by argument structure instead: the source is the
trigger's subject (a verb) or agent (a noun) as the frames read them; the
targets are the actors among the trigger's own dependents (objects, obliques
whatever their preposition, noun complements), nearest first, to a bounded
depth and without entering another clause. Places are left out unless the
frame takes a place, and so are an attribution ("selon X") and a nationality
on an ordinary noun ("des céréales ukrainiennes"). In a sentence that names
two actors only, a missing end is the other one. It also repairs parses that
lose an argument: a name labelled as an adverb, a subject cut into a sentence
of its own. Candidates found this way record their reach (clause or
sentence): a feature of the relation classifier, and a lower confidence when
no classifier is trained (`kg.events.candidates.REACH_CONFIDENCE`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.events import grammar, slots
from kg.events.candidates import Candidate, Reach
from kg.events.circumstances import in_circumstance, is_circumstance
from kg.events.modality import cue_for, is_attribution
from kg.records import Mention, Resolution, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.events.extraction import Extractor

__all__ = ["loose_candidates"]

# A sentence naming this many distinct actors (no more) lets a trigger's missing end be the other actor.
PAIR_SENTENCE_ACTORS = 2

# Dependents that are not arguments of the trigger: function words, modifiers, and other clauses.
NOT_ARGUMENT_DEPS = frozenset(
    {"punct", "cc", "mark", "cop", "det", "case", "advmod", "aux", "aux:tense", "aux:pass", "expl:comp", "expl:pass",
     "expl:subj", "dep", "ccomp", "advcl", "parataxis", "acl:relcl", "csubj", "discourse", "vocative", "dislocated",
     "nummod", "orphan", "reparandum"}
)  # fmt: skip
# Labels the parser gives a name it could not place ("mis en garde Ankara" with Ankara as an adverb): an actor
# there is an argument all the same.
MISLABELLED_DEPS = frozenset({"advmod", "dep", "nummod", "dislocated"})
# A trigger's dependents that are acts of their own: what it tells (an infinitive, a clause) or why it is done.
TOLD_ACT_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
# Dependents that open an argument one step further (an infinitive's own object: "menacer de frapper X").
CLAUSE_ARGUMENT_DEPS = frozenset({"xcomp"})
ARGUMENT_DEPTH = 3
# A name modifying a noun: a topic preposition on that noun makes the name a topic too ("on N. Korea ICBM").
TOPIC_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "flat"})
# Inside a subject phrase, the dependents that may name who it is ("le chef de la diplomatie russe").
SUBJECT_PHRASE_DEPS = frozenset({"nmod", "nmod:poss", "amod", "appos", "flat:name", "nsubj", "conj"})

APPEAL_ROOT = "02"  # CAMEO's appeals: a verb of seeking reads as one only with a noun ("chercher le soutien de Y")

# Where a clause telling an act's occasion hangs: on the verb, or on a time phrase of the verb.
OCCASION_DEPS = frozenset({"advcl", "acl:relcl"})
OCCASION_HOST_DEPS = frozenset({"obl:mod", "obl"})


def loose_candidates(view: Extractor, token: Token, triggers: tuple[Trigger, ...]) -> list[Candidate]:
    """Candidates for a trigger token none of whose frames found a pair: its subject or agent against the
    actors among its dependents (one trigger entry per CAMEO code)."""
    found: list[Candidate] = []
    topics = topic_cases(view, token, triggers)
    # every frame of the word marks its target with a preposition
    marked_only = all(entry.target in view.grammar.prepositions for entry in triggers)
    for trigger in {entry.cameo: entry for entry in reversed(triggers)}.values():
        reverse = trigger.source == "obj" and trigger.target == "subj"
        sources = _sources(view, token, trigger)
        takes_place = "place" in (trigger.source, trigger.target)
        own = {(mention.token_start, mention.code) for mention in sources}
        reacting = _reacting(view, token)
        targets = [m for m in _dependent_actors(view, token, takes_place=takes_place, topics=topics)
                   if (m.token_start, m.code) not in own and m.token_start not in reacting]  # fmt: skip
        if marked_only and any(_is_direct_object(view, m, token) for m in targets):
            continue  # "call on X": its direct object is no such argument ("called X a regime", "called X")
        if marked_only and _names_its_object(view, token):
            continue  # "called X's decision a provocation": a naming of the object, no appeal to its owner
        if (
            trigger.target in view.grammar.prepositions
            and any(entry.target == grammar.OBJECT_SLOT for entry in triggers)
            and any(_is_direct_object(view, m, token) for m in targets)
        ):
            continue  # "expulser 20 diplomates": the reading with an object, not "expulser vers X"
        if not targets and trigger.pos == "VERB" and slots.is_passive_participle(view, token):
            targets = [m for m in slots.fill_slot(view, token, "obj", "VERB") if (m.token_start, m.code) not in own]
        reach = Reach.CLAUSE
        if sources and not targets:
            targets = [m for m in _occasion_doers(view, token) if (m.token_start, m.code) not in own]
        if sources and not targets and _target_is_a_thing(view, token, trigger):
            pass  # "X défendra sa souveraineté": it acts on something of its own, no other actor
        elif sources and not targets and trigger.symmetric and _names_its_doers(view, token):
            pass  # "les manœuvres chiliennes": a mutual act whose doer the noun names has no partner elsewhere
        elif sources and not targets and _names_its_doers(view, token) and grammar.has_any_case(token, topics):
            pass  # "une réunion sur la menace chilienne": what is talked about is aimed at no one of the sentence
        elif not targets and trigger.symmetric and len(_phrase_actors(view, token, sources)) > 1:
            # "the Peru-Chile summit", "X et Y se sont entretenus": between its doers
            found += view._pairs_among(sources, token, trigger)
            continue
        elif sources and not targets and trigger.target == view.grammar.between_case and not trigger.symmetric:
            pass  # "la médiation de X", "sous l'égide de X": between whom, its own words or the act it serves say
        elif sources and not targets:
            # a mutual act is not done with the doer of its occasion ("the Council will meet after X fired")
            elsewhere = reacting | (_occasion_tokens(view, token) if trigger.symmetric else set())
            elsewhere |= _askers_above(view, token, sources)
            elsewhere |= _tried_clause_tokens(view, token, trigger)
            others = _other_actor(view, token, sources, topics=topics)
            targets, reach = [m for m in others if m.token_start not in elsewhere], Reach.SENTENCE
        elif targets and not sources and _source_may_be_elsewhere(view, token, trigger):
            patients = _passive_subject_tokens(view, token)  # "un drone turc a été abattu": acted on
            patients |= _told_act_tokens(view, token)  # "X est accusé d'avoir attaqué Y": Y is no accuser
            sources = [m for m in _other_actor(view, token, targets) if m.token_start not in patients]
            reach = Reach.SENTENCE
        for source in sources:
            for target in targets:
                if source.code != target.code:
                    pair = (target, source) if reverse else (source, target)
                    found.append(Candidate(*pair, trigger, token, view._mode(token), trigger.symmetric, reach))
    return found


def _names_its_object(view: Extractor, verb: Token) -> bool:
    """Whether a verb of naming gives its object a predicate ("called the decision a provocation")."""
    return (
        verb.lemma_.casefold() in view.grammar.naming_verbs
        and any(child.dep_ == "xcomp" for child in verb.children)
        and any(child.dep_ in grammar.OBJECT_DEPS for child in verb.children)
    )


def _names_its_doers(view: Extractor, noun: Token) -> bool:
    """Whether an event noun's own phrase names one actor ("les manœuvres chiliennes", "les manœuvres des
    garde-côtes chiliens"): a mutual act so named is that actor's alone, with no partner elsewhere. (A phrase
    naming two, "China-Russia relations", is their mutual act.)"""
    named = {mention.code for index in range(noun.left_edge.i, noun.right_edge.i + 1)
             for mention in view.by_token.get(index, ())}  # fmt: skip
    return noun.pos_ == "NOUN" and len(named) == 1


def _phrase_actors(view: Extractor, token: Token, doers: list[Mention]) -> set[str]:
    """The actors of a trigger's doers that are its own: a verb's subjects ("X et Y se sont entretenus"), those an
    event noun's own phrase names ("the Peru-Chile summit"), not those it takes from a verb above it."""
    if token.pos_ != "NOUN":
        return {doer.code for doer in doers}
    return {doer.code for doer in doers if token.left_edge.i <= doer.token_start <= token.right_edge.i}


def _target_is_a_thing(view: Extractor, token: Token, trigger: Trigger) -> bool:
    """Whether the slot of a trigger's target holds a thing, no actor and no act: the noun of a preposition of
    opposition ("X a fermé sa frontière pour lutter contre la contrebande"), an object of the doer's own ("X défendra sa
    souveraineté"). The act is done to that thing, not to another actor of the sentence."""
    if trigger.target == grammar.OBJECT_SLOT and trigger.pos == "VERB":
        # an object of the doer's own: an unnamed object may stand for an act ("condemned the test")
        fillers = slots.direct_objects(view, token)
        if not all(_is_named(child) or any(grammar.has_possessive(t) for t in child.subtree) for child in fillers):
            return False  # a name that is no actor of ours ("soutient le Front Polisario") is no act either
    elif trigger.target in view.grammar.contrastive_slots:  # "avec", "à" may mark a means, not a target
        forms = view.grammar.forms(trigger.target)
        fillers = [child for child in view._children(token) if child.dep_ in grammar.OBLIQUE_DEPS
                   and any(grand.dep_ == "case" and grand.lower_ in forms for grand in child.children)]  # fmt: skip
    else:
        return False
    return bool(fillers) and all(
        child.pos_ in ("NOUN", "PROPN")
        and not slots.mentions(view, child, possessor=True)
        and not view._triggers(child)
        and child.lemma_.casefold() not in view.grammar.summary_nouns
        for child in fillers
    )


def _passive_subject_tokens(view: Extractor, verb: Token) -> set[int]:
    """The tokens of a passive verb's subject, which is what the act is done to."""
    if verb.pos_ != "VERB" or not slots.is_passive(view, verb):
        return set()
    return {t.i for child in view._children(verb) if child.dep_ in grammar.PASSIVE_SUBJECT_DEPS for t in child.subtree}


def _told_act_tokens(view: Extractor, token: Token) -> set[int]:
    """The tokens of the acts a trigger tells or gives as its reason, a clause or an event noun ("accusé d'avoir
    attaqué Y", "invité à rencontrer Y", "condamné pour son attaque contre Y"): who is there takes part in that
    act, not in the trigger's."""
    acts = [child for child in view._children(token)
            if (child.dep_ in TOLD_ACT_DEPS and child.pos_ in ("VERB", "AUX"))
            or (child.dep_ in grammar.OBLIQUE_DEPS and child.pos_ == "NOUN" and view._triggers(child))]  # fmt: skip
    return {t.i for child in acts for t in child.subtree}


def _is_named(token: Token) -> bool:
    """A name ("le Front Polisario"): a proper noun, or a word of a named entity."""
    return token.pos_ == "PROPN" or bool(token.ent_type_)


def _occasion_doers(view: Extractor, verb: Token) -> list[Mention]:
    """The doers of a clause telling the occasion of a verb's act ("X a fait décoller ses avions quand des
    bombardiers de Y ont survolé ...", "X scrambled jets when Y's bombers flew ..."): what the act answers."""
    if verb.pos_ != "VERB":
        return []
    # the clause hangs on the verb, or on the day its act is dated by ("Thursday when ...")
    days = [child for child in view._children(verb) if child.dep_ in OCCASION_HOST_DEPS]
    clauses = [c for head in (verb, *days) for c in view._children(head) if c.dep_ in OCCASION_DEPS]
    return [m for clause in clauses
            if clause.pos_ == "VERB"
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in view.grammar.occasion_marks for c in clause.children)
            for m in slots.subject(view, clause)]  # fmt: skip


def _occasion_tokens(view: Extractor, verb: Token) -> set[int]:
    """The tokens of the adverbial clauses of a verb, or of the verb governing it ("is set to meet ... after X
    said ...", "quand X ...")."""
    heads = [verb, *([verb.head] if verb.dep_ in grammar.INFINITIVE_DEPS and verb.head.i != verb.i else [])]
    return {t.i for head in heads for child in view._children(head) if child.dep_ == "advcl" for t in child.subtree}


def _reacting(view: Extractor, noun: Token) -> set[int]:
    """The tokens of the past participles set on a noun summing up the act of a clause ("..., une opération
    dénoncée par X"): the actors there act on that act; they are no participants of it (unlike those of a
    participle on another event noun: "les sanctions imposées par X à Y")."""
    if noun.lemma_.casefold() not in view.grammar.summary_nouns:
        return set()
    return {t.i for child in view._children(noun)
            if child.dep_ in grammar.PARTICIPLE_DEPS and slots.is_passive_participle(view, child)
            for t in child.subtree}  # fmt: skip


def _source_may_be_elsewhere(view: Extractor, token: Token, trigger: Trigger) -> bool:
    """Whether a trigger without a source may take the sentence's other actor: not when the grammar says who
    acts and it is no actor (a verb's own noun subject: "le gaz arrive de Russie"; an infinitive whose doer the
    sentence leaves unnamed) or when the trigger is only talked about ("évoquer la coopération avec X")."""
    if slots.is_topic(view, token) or slots.doer_unnamed(view, token):
        return False
    if trigger.pos == "VERB":
        if token.dep_ in grammar.PARTICIPLE_DEPS and token.head.i != token.i and token.head.pos_ == "NOUN":
            # "des fruits venus de Grèce", "une action coordonnée avec X": a noun naming no actor is what it tells
            # of; its doer is not guessed (it is for "des diplomates russes, accusés de ...")
            return bool(slots.mentions(view, token.head, possessor=True))
        subjects = [child for child in token.children if child.dep_ in grammar.SUBJECT_DEPS]
        if any(subject.pos_ in ("NOUN", "PROPN") and _names_no_actor(view, subject) for subject in subjects):
            return False
    elif any(_is_named_doer(view, child) for child in token.children):
        return False  # "Pelosi's visit to Taiwan", "la visite de M. Dupont à Pékin": someone the gazetteer lacks
    elif slots.in_answered_phrase(view, token):
        return False  # "après l'attaque contre X, Y a ...": Y answers the attack, whoever made it
    return True


def _names_no_actor(view: Extractor, token: Token) -> bool:
    """Whether a phrase's head and its name parts name no actor ("le gaz", "Rodman")."""
    return token.i not in view.by_token and not any(
        child.i in view.by_token for child in token.children if child.dep_ in grammar.NAME_DEPS
    )


def _is_named_doer(view: Extractor, child: Token) -> bool:
    """A noun's possessor, or its "de" complement, that is a proper name of no actor: the event's doer."""
    if child.pos_ != "PROPN" or not _names_no_actor(view, child):
        return False
    return child.dep_ == "nmod:poss" or (child.dep_ == "nmod" and view._has_case(child, view.grammar.genitive_case))


def _other_actor(
    view: Extractor, token: Token, known: list[Mention], *, topics: frozenset[str] = frozenset()
) -> list[Mention]:
    """In a sentence that names two actors only, the one a trigger's clause did not give (not a place, not
    the source of an attribution, not a participant of a circumstance: "à la demande de X")."""
    sentence = view.sentence_by_token[token.i]
    if sentence.start not in view.participants_cache:
        view.participants_cache[sentence.start] = {
            m.code: m for t in view.tokens[sentence.start : sentence.end] for m in view.by_token.get(t.i, ())
            if not m.locative and not _is_attribution(view, view.tokens[m.token_start].head)
            and not _is_attribution(view, view.tokens[m.token_start])
        }  # fmt: skip
    actors = view.participants_cache[sentence.start]
    if len(actors) != PAIR_SENTENCE_ACTORS:
        return []
    codes = {m.code for m in known}
    return [m for code, m in actors.items()
            if code not in codes and not in_circumstance(view, view.tokens[m.token_start])
            and not _is_topic_phrase(view, m, topics) and not _doer_of_another_clause(view, m, token)]  # fmt: skip


def _askers_above(view: Extractor, token: Token, sources: list[Mention]) -> set[int]:
    """The doers of a verb above an infinitive whose object is the infinitive's doer ("X accuse Y de
    soutenir ...", "Y a été accusé par X de ..."): they speak of the act, they are not what it is done to."""
    doers = {(m.token_start, m.code) for m in sources}
    askers: set[int] = set()
    verb = token
    for _ in range(grammar.GOVERNOR_STEPS):
        if verb.dep_ not in grammar.INFINITIVE_DEPS or verb.head.i == verb.i:
            break
        verb = verb.head
        objects = slots.fill_slot(view, verb, grammar.OBJECT_SLOT, "VERB")
        if any((m.token_start, m.code) in doers for m in objects):
            askers |= {m.token_start for m in slots.fill_slot(view, verb, "subj", "VERB")}
    return askers


def _doer_of_another_clause(view: Extractor, mention: Mention, trigger: Token) -> bool:
    """Whether an actor is the subject of a clause beside the trigger's, neither above nor below it ("Pékin
    mène des manœuvres, Washington s'inquiète d'une escalade"): the doer of its own act."""
    head = view._mention_head(mention)
    if head.dep_ not in grammar.SUBJECT_DEPS or head.head.i == head.i:
        return False
    verb = head.head
    if verb.i == trigger.i or verb.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
        return False
    above = {ancestor.i for ancestor in trigger.ancestors}
    return verb.i not in above and trigger.i not in {ancestor.i for ancestor in verb.ancestors}


def _sources(view: Extractor, token: Token, trigger: Trigger) -> list[Mention]:
    if trigger.pos == "NOUN":
        return slots.fill_slot(view, token, "agent", "NOUN", exclude=trigger.target)
    sources = slots.fill_slot(view, token, "subj", "VERB")
    if not sources:
        # A subject the resolver did not name as a whole, or that the parser split ("le Premier ministre
        # indien X" with X taken for the head): the nearest actors inside it.
        for child in token.children:
            if child.dep_ in grammar.SUBJECT_DEPS:
                sources += _nearest_actors(view, child, SUBJECT_PHRASE_DEPS)
    if not sources and not any(child.dep_ in grammar.SUBJECT_DEPS for child in token.children):
        sources = _unattached_subject(view, token)
    return sources


def _unattached_subject(view: Extractor, verb: Token) -> list[Mention]:
    """A subject the parser left unattached: it cut the sentence after the actors that come before the verb
    ("Le Brésil et l'Argentine | avaient mis en garde ..."), so the verb's sentence has no subject and the
    previous piece is a noun phrase without a verb or final punctuation."""
    sentence = view.sentence_by_token[verb.i]
    if verb.head.i != verb.i or sentence.start == 0 or any(t.is_punct for t in sentence if t.i < verb.i):
        return []
    previous = view.sentence_by_token[sentence.start - 1]
    if previous[-1].is_punct or any(t.pos_ in ("VERB", "AUX") for t in previous):
        return []
    return _nearest_actors(view, previous.root, SUBJECT_PHRASE_DEPS)


def _nearest_actors(view: Extractor, head: Token, through: frozenset[str]) -> list[Mention]:
    """The actors of a phrase: its head's, else those of the nearest dependents (through the labels
    `through`), breadth first, to `ARGUMENT_DEPTH`; not a place ("Iran's ambassador to the UN": Iran)."""
    frontier = [head]
    for depth in range(ARGUMENT_DEPTH):
        found = [m for node in frontier for m in slots.mentions(view, node, possessor=True)
                 if depth == 0 or not m.locative]  # fmt: skip
        if found:
            return found
        frontier = [child for node in frontier for child in node.children if child.dep_ in through]
    return []


def topic_cases(view: Extractor, token: Token, triggers: tuple[Trigger, ...]) -> frozenset[str]:
    """The prepositions marking what a trigger word talks about, not who takes part ("talks on X"): the pack's
    topic cases, unless a frame of the word names one ("une pression sur X"), and, for a verb of talking, the
    genitive ("parler de X")."""
    topics = view.grammar.topic_cases - {entry.target for entry in triggers}
    if token.pos_ == "VERB" and (view.lang, token.lemma_.casefold()) in view.lexicon.topic_verbs:
        topics |= {view.grammar.genitive_case}
    return topics


def talked_about(view: Extractor, token: Token, triggers: tuple[Trigger, ...]) -> set[int]:
    """The positions of the words in a trigger's phrases marked by a topic case (`topic_cases`): an actor there
    is what is talked about, no partner of the act."""
    topics = topic_cases(view, token, triggers)
    return {word.i for child in view._children(token) if grammar.has_any_case(child, topics) for word in child.subtree}


def _dependent_actors(
    view: Extractor, token: Token, *, takes_place: bool, topics: frozenset[str] = frozenset()
) -> list[Mention]:
    """The actors among a trigger's dependents, nearest first: a breadth-first walk down its arguments that
    stops at the first depth where actors are found, at the edge of another clause, and at `ARGUMENT_DEPTH`.
    A dependent marked by one of `topics` ("talks on X") is what is talked about, not a participant."""
    frontier = [token]
    seen = {token.i}
    for _depth in range(ARGUMENT_DEPTH):
        found: list[Mention] = []
        following: list[Token] = []
        for node in frontier:
            for child in view._children(node):
                if child.i in seen or child.dep_ in grammar.SUBJECT_DEPS:
                    continue
                if child.lemma_.casefold() in view.grammar.vicinity_adverbs:
                    # "des manœuvres autour de l'île de Taïwan": the adverb heads a place phrase, that of its noun
                    seen.add(child.i)
                    found += [m for noun in child.children if noun.pos_ in ("NOUN", "PROPN")
                              for m in slots.mentions(view, noun, possessor=True) if not m.locative]  # fmt: skip
                    continue
                mislabelled = child.dep_ in MISLABELLED_DEPS and child.i in view.by_token
                if child.dep_ in NOT_ARGUMENT_DEPS and not mislabelled:
                    continue
                seen.add(child.i)
                if _is_attribution(view, child) or is_circumstance(view, child) or grammar.has_any_case(child, topics):
                    continue
                mentions = [m for m in slots.mentions(view, child) if (takes_place or not m.locative)
                            and not _is_origin(view, m, token)]  # fmt: skip
                if mentions:
                    found += mentions
                elif child.dep_ in CLAUSE_ARGUMENT_DEPS and _governs_its_mode(view, node):
                    continue  # "X veut inscrire Y": Y is the infinitive's, whose intent `kg.events.intentions` reads
                elif child.dep_ in CLAUSE_ARGUMENT_DEPS or child.pos_ != "VERB" or child.dep_ == "acl":
                    following.append(child)
        if found:
            return list({(m.token_start, m.code): m for m in found}.values())
        frontier = following
    return []


def _is_direct_object(view: Extractor, mention: Mention, verb: Token) -> bool:
    """Whether an actor is the direct object of a verb (its phrase's head is the verb's object)."""
    head = view._mention_head(mention)
    while head.dep_ in grammar.NAME_DEPS | {"amod"} and head.head.i != head.i and head.head.i != verb.i:
        head = head.head
    return head.dep_ in grammar.OBJECT_DEPS and head.head.i == verb.i


def _tried_clause_tokens(view: Extractor, verb: Token, trigger: Trigger) -> set[int]:
    """The tokens of the infinitive a verb of seeking governs ("X a cherché à mettre Y face à ses
    contradictions"): it tries that act, it appeals to nobody (CAMEO 02 reads "chercher" with a noun: "chercher
    le soutien de Y"); the infinitive's actors are not the other end of an appeal."""
    if trigger.cameo[:2] != APPEAL_ROOT or not _governs_its_mode(view, verb):
        return set()
    return {t.i for child in view._children(verb) if child.dep_ in CLAUSE_ARGUMENT_DEPS for t in child.subtree}


def _governs_its_mode(view: Extractor, verb: Token) -> bool:
    """A verb of wish, plan or fear ("vouloir", "compter", "craindre"): it makes its infinitive's event
    hypothetical, and is no act on that event's participants."""
    cue = cue_for(view.pack, verb.lemma_)
    return cue is not None and cue[1] == "governor"


def _is_origin(view: Extractor, mention: Mention, trigger: Token) -> bool:
    """A nationality adjective on an ordinary noun ("des céréales ukrainiennes", "les entreprises chinoises")
    says where a thing comes from; it names a participant only on the trigger itself ("l'aide américaine")."""
    if mention.how is not Resolution.DEMONYM:
        return False
    head = view.tokens[mention.token_start].head
    return head.i != trigger.i and view.tokens[mention.token_start].dep_ == "amod"


def _is_attribution(view: Extractor, token: Token) -> bool:
    """ "selon X", "d'après X": the one who says, not a participant."""
    return is_attribution(token, view.pack)


def _is_topic_phrase(view: Extractor, mention: Mention, topics: frozenset[str]) -> bool:
    """An actor named in a phrase marked by a topic preposition ("on the North Korean missile", "on N. Korea
    ICBM"): its own head, or the noun it modifies, carries the preposition."""
    head = view._mention_head(mention)
    if grammar.has_any_case(head, topics):
        return True
    return head.dep_ in TOPIC_MODIFIER_DEPS and head.head.i != head.i and grammar.has_any_case(head.head, topics)
