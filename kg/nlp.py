"""The language models: the only place spaCy models are loaded, with the actor ruler added.

`load_nlp` loads the pipeline a language pack names (`kg.lang`: fr_core_news_md
for French), repairs the lemmas its lemmatizer leaves unchanged (the pack's
`lemma_repairs.tsv`: "réclame" is "réclamer"), maps its dependency labels to
Universal Dependencies when it does not speak UD (the pack's `[dependencies]`),
and adds an entity ruler whose patterns are the gazetteer's surface forms: label
ACTOR (pattern id = actor id), AMBIGUOUS (pattern id = "?" + the folded form,
resolved in context by `kg.actors`) and NONACTOR (media, think tanks), placed
after the statistical NER so gazetteer matches win where they overlap.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.records import Article, Gazetteer
from kg.resources import load_lemma_exceptions, load_lemma_repairs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from kg.lang import LanguagePack

__all__ = [
    "RULER_NAME",
    "ACTOR_LABEL",
    "AMBIGUOUS_LABEL",
    "NONACTOR_LABEL",
    "load_nlp",
    "actor_patterns",
    "parse_articles",
    "text_pieces",
]

RULER_NAME = "actor_ruler"
PARAGRAPH_COMPONENT = "paragraph_sentences"
LEMMA_COMPONENT = "lemma_repairs"
INFINITIVE = "Inf"  # the Universal Dependencies VerbForm of an infinitive
# Universal Dependencies' labels of a tense or passive auxiliary: their head is a verb, whatever its tag says.
TENSE_AUXILIARY_DEPS = frozenset({"aux:tense", "aux:pass"})
TENSE_AUXILIARY_DEP = "aux:tense"
COPULA_DEP = "cop"
PAST_PARTICIPLE_MORPH = "Tense=Past|VerbForm=Part"
DEPENDENCY_COMPONENT = "ud_dependencies"
SUBJECT_COMPONENT = "subject_repairs"
# Universal Dependencies' labels of a clause's subject, of a phrase joined to another, and of an oblique phrase
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl:subj"})
SUBJECT_DEP = "nsubj"
CONJUNCT_DEP = "conj"
OBLIQUE_DEP_PREFIX = "obl"
ACTOR_LABEL = "ACTOR"
AMBIGUOUS_LABEL = "AMBIGUOUS"
NONACTOR_LABEL = "NONACTOR"
DEFAULT_BATCH_SIZE = 16
# Characters parsed together: the parse's memory grows with them (see `parse_articles`). The seeds and the
# development corpus's articles are far shorter (under 10,000 characters): only long articles are cut.
PARSE_CHARS = 40_000
SPACE_DEP = "dep"  # the label the parser gives a paragraph break within a text
PIECE_SEPARATORS = ("\n\n", ". ", "\n", " ")  # where a long text is cut, best first

log = logging.getLogger(__name__)


def load_nlp(pack: LanguagePack, gazetteer: Gazetteer) -> Language:
    """Load the spaCy pipeline of a language pack with the actor ruler; `ModelError` if it is not installed."""
    import spacy

    _register_paragraph_component()
    _register_lemma_component()
    _register_dependency_component()
    _register_subject_component()
    model, lang = pack.model, pack.lang
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelError(
            f"the spaCy model {model} of the {pack.name} pack is not installed; see the README's install step"
        ) from error
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    repairs = [list(repair) for repair in load_lemma_repairs(lang)]
    exceptions = [list(exception) for exception in load_lemma_exceptions(lang)]
    nlp.add_pipe(
        LEMMA_COMPONENT,
        after="lemmatizer",
        config={
            "repairs": repairs,
            "exceptions": exceptions,
            "auxiliaries": sorted(pack.grammar.infinitive_auxiliaries),
            "participle_endings": list(pack.grammar.past_participle_endings),
        },
    )
    if pack.dependencies is not None:
        # after the parts of speech are set (en_core_web_sm sets them after parsing)
        nlp.add_pipe(DEPENDENCY_COMPONENT, after=LEMMA_COMPONENT, config={"scheme": pack.dependencies.as_config()})
    nlp.add_pipe(SUBJECT_COMPONENT, after=DEPENDENCY_COMPONENT if pack.dependencies is not None else LEMMA_COMPONENT)
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, after="ner", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    )
    # The patterns match on LOWER, which the tokenizer alone sets: no component runs on the pattern texts.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(actor_patterns(gazetteer, lang))
    log.info("loaded %s with %d actor patterns", model, len(ruler.patterns))
    return nlp


def _register_paragraph_component() -> None:
    """Register the component that starts a sentence at every line break and lets none start right after a word
    on the same line (only punctuation ends a sentence within a line) or right after an opening quotation mark
    or bracket."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_sentences(doc: Doc) -> Doc:
        # one Token made per token (each read as the previous one and as the next)
        for previous, token in itertools.pairwise(doc):
            if "\n" in previous.text_with_ws:
                if not token.is_space:
                    token.is_sent_start = True
            elif previous.is_left_punct and not token.is_space:
                token.is_sent_start = False  # an opening quotation mark or bracket starts what follows it: "« Nous"
            elif not previous.is_punct and not previous.is_space and not token.is_space:
                # no sentence starts after a word on the same line: "Pékin a exhorté ..." is one sentence,
                # whatever the parser makes of a name followed by a verb
                token.is_sent_start = False
        return doc


def _register_lemma_component() -> None:
    """Register the component that repairs lemmas: a verb form whose lemma is the form itself ("réclame")
    takes the lemma its ending gives (the pack's `lemma_repairs.tsv`); a form the lemmatizer gets wrong
    ("waged" -> "wag") takes the pack's lemma (`lemma_exceptions.tsv`). A word tagged a noun that heads a
    tense or passive auxiliary ("a téléphoné") is first retagged a past participle; so is one the parser made
    the object of an infinitive auxiliary ("a dit avoir téléphoné à X"), which then heads that auxiliary and
    its arguments (the pack's `infinitive_auxiliaries` and `past_participle_endings`)."""
    from spacy.language import Language

    if Language.has_factory(LEMMA_COMPONENT):
        return

    @Language.factory(
        LEMMA_COMPONENT,
        default_config={"repairs": [], "exceptions": [], "auxiliaries": [], "participle_endings": []},
    )
    def lemma_repairs(
        nlp: Language,
        name: str,
        repairs: list[list[str]],
        exceptions: list[list[str]],
        auxiliaries: list[str],
        participle_endings: list[str],
    ) -> Callable[[Doc], Doc]:
        infinitive_auxiliaries, endings = frozenset(auxiliaries), tuple(participle_endings)
        ordered = sorted(((ending, replacement, pos) for ending, replacement, pos in repairs), key=lambda r: -len(r[0]))
        parts_of_speech = {pos for _, _, pos in ordered}
        corrected = {(form, pos): lemma for form, pos, lemma in exceptions}

        def repair(doc: Doc) -> Doc:
            if not ordered and not corrected and not infinitive_auxiliaries:
                return doc
            for token in doc:
                if token.pos_ == "NOUN" and _participle_after_infinitive(token, infinitive_auxiliaries, endings):
                    _head_its_auxiliary(token)  # "avoir téléphoné": the participle heads "avoir"
                if _is_participle_mistagged(token):
                    # "a téléphoné" tagged a noun, "a gelé" an adjective: what takes a tense auxiliary is a past
                    # participle
                    token.pos_ = "VERB"
                    token.set_morph(PAST_PARTICIPLE_MORPH)
                if corrected:
                    lemma = corrected.get((token.lower_, token.pos_))
                    if lemma is not None:
                        token.lemma_ = lemma
                        continue
                # hashes first: most tokens are not of a repaired part of speech, or have a lemma of their own
                if token.lemma != token.lower or token.pos_ not in parts_of_speech:
                    continue
                if INFINITIVE in token.morph.get("VerbForm"):
                    continue  # an infinitive is its own lemma: "faire", "vendre" (not "fairer", "vendrer")
                form = token.lower_
                for ending, replacement, pos in ordered:
                    if token.pos_ == pos and form.endswith(ending) and len(form) > len(ending) + 2:
                        token.lemma_ = form[: -len(ending)] + replacement
                        break
            return doc

        return repair


def _is_participle_mistagged(token: Token) -> bool:
    """A word tagged a noun that heads a tense or passive auxiliary, or an adjective that heads a tense one
    without a copula ("a gelé", not "a été prudent")."""
    if token.pos_ == "NOUN":
        return any(child.dep_ in TENSE_AUXILIARY_DEPS for child in token.children)
    if token.pos_ != "ADJ":
        return False
    deps = {child.dep_ for child in token.children}
    return TENSE_AUXILIARY_DEP in deps and COPULA_DEP not in deps


def _participle_after_infinitive(token: Token, auxiliaries: frozenset[str], endings: tuple[str, ...]) -> bool:
    """A word the parser made the bare object of the infinitive auxiliary right before it, ending as a past
    participle ("avoir téléphoné", not "avoir confiance" nor "avoir un entretien")."""
    head = token.head
    return (
        bool(auxiliaries)
        and token.dep_ == "obj"
        and head.i == token.i - 1
        and head.lemma_ in auxiliaries
        and INFINITIVE in head.morph.get("VerbForm")
        and token.lower_.endswith(endings)
        and not any(child.dep_ == "det" for child in token.children)
    )


def _head_its_auxiliary(participle: Token) -> None:
    """Make a participle the head of the auxiliary the parser hung it on, with the auxiliary's place in the tree
    and its other dependents."""
    auxiliary = participle.head
    dependents = [child for child in auxiliary.children if child.i != participle.i]
    if auxiliary.head.i == auxiliary.i:
        participle.head = participle
    else:
        participle.head = auxiliary.head
    participle.dep_ = auxiliary.dep_
    auxiliary.head = participle
    auxiliary.dep_ = TENSE_AUXILIARY_DEP
    auxiliary.pos_ = "AUX"
    for child in dependents:
        child.head = participle
    participle.pos_ = "VERB"
    participle.set_morph(PAST_PARTICIPLE_MORPH)


def _register_subject_component() -> None:
    """Register the component that gives back to a clause the subject the parser joined to a phrase set before
    it (`repair_fronted_subjects`)."""
    from spacy.language import Language

    if Language.has_factory(SUBJECT_COMPONENT):
        return

    @Language.factory(SUBJECT_COMPONENT)
    def subject_repairs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
        def repair(doc: Doc) -> Doc:
            repair_fronted_subjects(doc)
            return doc

        return repair


def repair_fronted_subjects(doc: Doc) -> None:
    """Make a finite verb without a subject the head of the subject the parser joined to an oblique phrase set
    before it, past a comma ("À Lima, le Chili et le Pérou ont signé un accord": the parser makes the Chile and
    the Peru conjuncts of Lima, and the verb has no subject; "sous l'égide de X, Y et Z ont ...": of X): the first
    such conjunct, a noun, becomes the verb's subject, with the conjuncts after it, when only the verb's own
    words (an auxiliary, a clitic, a negation) stand between them and the verb."""
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        children = list(verb.children)
        if not _is_finite(verb, children) or any(child.dep_ in SUBJECT_DEPS for child in children):
            continue
        for phrase in children:
            if phrase.i > verb.i or not phrase.dep_.startswith(OBLIQUE_DEP_PREFIX):
                continue
            # the conjuncts of the phrase's noun or of a noun inside it ("sous l'égide de X, Y et Z ont ...")
            conjuncts = [token for token in phrase.subtree if token.dep_ == CONJUNCT_DEP and token.head.i < token.i]
            subject = next((conjunct for conjunct in conjuncts
                            if conjunct.pos_ in ("NOUN", "PROPN") and _after_comma(conjunct)), None)  # fmt: skip
            if subject is None:
                continue
            others = [other for other in conjuncts if other.head.i == subject.head.i and other.i > subject.i]
            end = max(token.right_edge.i for token in (subject, *others))
            if any(token.head.i != verb.i for token in doc[end + 1 : verb.i]):
                continue  # another phrase between them and the verb
            subject.head = verb
            subject.dep_ = SUBJECT_DEP
            for conjunct in others:
                conjunct.head = subject
            break


def _after_comma(token: Token) -> bool:
    """Whether a phrase begins with a punctuation mark, or follows one (where the parser hung the comma)."""
    start = token.left_edge.i
    return token.doc[start].is_punct or (start > 0 and token.doc[start - 1].is_punct)


def _is_finite(verb: Token, children: list[Token]) -> bool:
    """A finite verb, or a participle or infinitive with an auxiliary of its own ("ont signé")."""
    return "Fin" in verb.morph.get("VerbForm") or any(child.dep_.startswith("aux") for child in children)


def _register_dependency_component() -> None:
    """Register the component that rewrites a parse in another scheme (ClearNLP's: a preposition heading its
    object) into Universal Dependencies, the scheme the rules read (`convert_dependencies`)."""
    from spacy.language import Language

    if Language.has_factory(DEPENDENCY_COMPONENT):
        return

    @Language.factory(DEPENDENCY_COMPONENT, default_config={"scheme": {}})
    def ud_dependencies(nlp: Language, name: str, scheme: dict[str, object]) -> Callable[[Doc], Doc]:
        def convert(doc: Doc) -> Doc:
            convert_dependencies(doc, scheme)
            return doc

        return convert


def convert_dependencies(doc: Doc, scheme: dict[str, object]) -> None:
    """Rewrite a parse into Universal Dependencies, as a pack's `[dependencies]` says: `labels` renames labels
    ("dobj" -> "obj"); `prepositions` (label -> UD label of its object on a verb: "prep" -> "obl") names the
    labels of a preposition that heads its object (`object`, "pobj"): the object takes the preposition's place
    under its head (labelled so on a verb, `noun_label` on a noun) and the preposition becomes its `case`; a
    clause the preposition heads (`clause_object`, "pcomp") takes its place as `clause_label` ("xcomp"), the
    preposition becoming its `mark`; a word of the part of speech `infinitive_particle` labelled "aux" ("to")
    is the infinitive's `mark`."""
    labels = dict(scheme.get("labels", {}))  # type: ignore[call-overload]
    prepositions = dict(scheme.get("prepositions", {}))  # type: ignore[call-overload]
    object_label = str(scheme.get("object", "pobj"))
    noun_label = str(scheme.get("noun_label", "nmod"))
    clause_object, clause_label = str(scheme.get("clause_object", "")), str(scheme.get("clause_label", "xcomp"))
    particle = str(scheme.get("infinitive_particle", ""))
    import numpy
    from spacy.attrs import DEP, HEAD, POS

    strings = doc.vocab.strings
    # Arrays, not Token objects: a Token is made on every access, and most tokens need no change.
    table = doc.to_array([HEAD, DEP, POS])
    heads = (numpy.arange(len(doc), dtype="int64") + table[:, 0].astype("int64")).tolist()
    deps = [strings[int(value)] for value in table[:, 1]]
    nouns = {int(strings.add(pos)) for pos in ("NOUN", "PROPN", "PRON")}
    children: dict[int, list[int]] = {}
    for index, head in enumerate(heads):
        if head != index:
            children.setdefault(head, []).append(index)
    moved = False
    for index, dep in enumerate(deps):
        is_object, is_clause = dep == object_label, bool(clause_object) and dep == clause_object
        preposition = heads[index]
        if not (is_object or is_clause) or deps[preposition] not in prepositions:
            continue
        head = heads[preposition]
        if head == preposition:  # a preposition at the root: leave it
            continue
        if is_clause:  # "accused X of supplying": the clause, marked by the preposition
            deps[index], deps[preposition] = clause_label, "mark"
        else:
            on_noun = int(table[head, 2]) in nouns
            deps[index] = noun_label if on_noun else str(prepositions[deps[preposition]])
            deps[preposition] = "case"
        for child in children.get(preposition, ()):  # what hung on the preposition hangs on its object
            if child != index:
                heads[child] = index
        heads[index], heads[preposition] = head, index
        moved = True
    renamed = [str(labels.get(dep, dep)) for dep in deps]
    if particle:  # "to" before an infinitive, an auxiliary to the model, is UD's mark
        for index in numpy.flatnonzero(table[:, 2] == strings.add(particle)).tolist():
            if renamed[index] == "aux":
                renamed[index] = "mark"
    if not moved and renamed == deps:
        return
    ids = {label: strings.add(label) for label in set(renamed)}
    relative = numpy.array([head - index for index, head in enumerate(heads)], dtype="int64").astype("uint64")
    doc.from_array([HEAD, DEP], numpy.stack([relative, numpy.array([ids[d] for d in renamed], dtype="uint64")], axis=1))


def actor_patterns(gazetteer: Gazetteer, lang: str) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns for the gazetteer's surface forms in `lang`."""
    forms: dict[str, set[str]] = {}
    ambiguous: set[str] = set()
    for alias in gazetteer.aliases:
        if alias.lang != lang:
            continue
        forms.setdefault(alias.text, set()).add(alias.actor)
        if alias.ambiguous:
            ambiguous.add(alias.text)
    patterns = []
    for text, actors in sorted(forms.items()):
        if text in ambiguous or len(actors) > 1:
            patterns.append({"label": AMBIGUOUS_LABEL, "pattern": text, "id": "?" + text.casefold()})
        else:
            patterns.append({"label": ACTOR_LABEL, "pattern": text, "id": next(iter(actors))})
    for name, _kind, name_lang in gazetteer.non_actor_names:
        if name_lang == lang:
            patterns.append({"label": NONACTOR_LABEL, "pattern": name, "id": "non-actor"})
    return patterns


def parse_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[tuple[Article, Doc]]:
    """Parse articles' cleaned texts; yield each article with its Doc, in order.

    The parse's memory grows with the characters parsed together (about 3.5 kB a character for
    fr_core_news_md: 160,000 characters take 540 MB), so at most `PARSE_CHARS` are parsed at a time: a longer
    article is parsed in pieces cut at paragraph breaks (`text_pieces`) and its Doc put back together, and a
    batch of articles is parsed a few at a time."""
    from spacy.tokens import Doc

    docs: list[Doc] = []  # the pieces of the article being parsed
    for group in _parse_groups(articles, batch_size):
        for doc, (article, last) in nlp.pipe(group, as_tuples=True, batch_size=len(group)):
            if not last:
                _attach_trailing_space(doc)
            docs.append(doc)
            if last:
                yield article, docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
                docs = []


def _attach_trailing_space(doc: Doc) -> None:
    """Hang a piece's closing paragraph break on the token before it, as the parse of the whole text does (the
    parser makes a text's last space a sentence of its own)."""
    import numpy
    from spacy.attrs import DEP, HEAD

    if len(doc) < 2 or not doc[-1].is_space or doc[-1].head.i != len(doc) - 1:
        return
    table = doc.to_array([HEAD, DEP])
    table[-1] = (numpy.array([-1], dtype="int64").astype("uint64")[0], doc.vocab.strings.add(SPACE_DEP))
    doc.from_array([HEAD, DEP], table)


def _parse_groups(articles: Iterable[Article], batch_size: int) -> Iterator[list[tuple[str, tuple[Article, bool]]]]:
    """The pieces of the articles' texts, each with its article and whether it is the article's last, in groups
    of at most `batch_size` pieces and `PARSE_CHARS` characters (but for a longer article alone); the pieces
    of a longer article each a group of its own."""
    group: list[tuple[str, tuple[Article, bool]]] = []
    chars = 0
    for article in articles:
        pieces = text_pieces(article.text, PARSE_CHARS)
        if group and (len(pieces) > 1 or len(group) == batch_size or chars + len(article.text) > PARSE_CHARS):
            yield group
            group, chars = [], 0
        if len(pieces) > 1:  # a long article's pieces are parsed one at a time
            for number, piece in enumerate(pieces, 1):
                yield [(piece, (article, number == len(pieces)))]
            continue
        group.append((article.text, (article, True)))
        chars += len(article.text)
    if group:
        yield group


def text_pieces(text: str, limit: int) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` characters that join back into it: each cut
    after the last paragraph break of the piece, else after its last sentence end, line break or space
    (whichever comes first in that order), else at the limit."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit
        for separator in PIECE_SEPARATORS:
            found = window.rfind(separator)
            if found > 0:
                cut = found + len(separator)
                break
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces
