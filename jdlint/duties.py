"""The ``jdlint_duties`` component: task phrases, a work verb acting on an object.

"Train models", "write prompts", "integrate the OpenAI API", "build ETL pipelines". Verbs are
matched by lemma ("Training", "trained", "trains"); the object is the first lexicon object or
skill after the verb within its clause, so coordinated verbs share it ("train and deploy
models"). With a trained pipeline that tags parts of speech, the tagger's view is one signal
and the posting's layout another: a word the tagger calls a verb starts a duty, and so does a
duty verb that opens a line or a bullet ("- Provision clusters"), which taggers trained on
news text read as a noun; its line is its clause, whatever the parse says.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, IDX, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import LEMMAS_KEY, SPANS_DUTIES, doc_text, restore_as, restore_list_of
from .floods import Quota
from .lemmas import lemma_of, lemma_table
from .lexicon import Lexicon
from .lexicon_component import LexiconComponent
from .sections import BULLET, SectionIndex
from .skills import SkillHit

# Sections whose text never describes the job's own work.
SKIPPED_SECTIONS = frozenset({"title", "heading", "about", "benefits", "eeo", "apply"})
WINDOW = 10  # tokens after the verb in which its object must start


class DutyHit(NamedTuple):
    """One task phrase: the verb, its object and the roles the pair points at."""

    start: int  # character offsets into doc.text
    end: int
    text: str
    verb: str  # lemma, e.g. "train"
    object: str  # the object as written, e.g. "ranking models"
    roles: dict[str, float]
    section: str
    # The object is a generic noun with nothing to say whose work it is ("build solutions",
    # "design systems"): it tells little.
    generic: bool = False
    # The object is the name of a field ("leverage AI"), which postings echo from their title.
    field: bool = False


restore_as("jdlint_duties", restore_list_of(DutyHit))


class DutiesComponent(LexiconComponent):
    """Sets ``doc._.jdlint_duties`` (list of DutyHit) and the span group ``jdlint_duties``."""

    def __init__(self, nlp: Language, name: str, lexicons: Sequence[str]) -> None:
        super().__init__(nlp, name, lexicons)
        self.table = lemma_table()

    def _lemmas(self, nlp: Language, phrase: str) -> tuple[str, ...]:
        return tuple(lemma_of(t.text, self.table) for t in nlp.make_doc(phrase))

    def _build(self, lexicon: Lexicon) -> None:
        nlp = self.nlp
        duty_words = lexicon.wordlists["duties"]
        self.skill_verbs = {self._lemmas(nlp, v) for v in duty_words["skill_verbs"]}
        self.breaks = {self._lemmas(nlp, w) for w in duty_words["clause_breaks"]}
        self.max_break = max(len(b) for b in self.breaks)
        self.break_firsts = frozenset(b[0] for b in self.breaks if b)  # where a break can start
        self.openers = frozenset(w.lower() for w in duty_words["verb_openers"])
        self.generic = {self._lemmas(nlp, w) for w in duty_words["generic_objects"]}
        self.ambiguous = {self._lemmas(nlp, w) for w in duty_words["ambiguous_objects"]}
        self.generic_verbs = {self._lemmas(nlp, w) for w in duty_words["generic_verbs"]}
        self.stops = frozenset(w.lower() for w in duty_words["object_stops"])
        self.light = frozenset(lemma_of(w, self.table) for w in duty_words["light_nouns"])
        # verb lemmas -> object lemmas -> role -> weight
        self.objects: dict[tuple[str, ...], dict[tuple[str, ...], dict[str, float]]] = {}
        for role, role_lexicon in lexicon.roles.items():
            for entry in role_lexicon.duties:
                objects = [self._lemmas(nlp, o) for o in entry.objects]
                for verb in entry.verbs:
                    table = self.objects.setdefault(self._lemmas(nlp, verb), {})
                    for obj in objects:
                        roles = table.setdefault(obj, {})
                        roles[role] = max(roles.get(role, 0.0), entry.weight)
        self.verbs = set(self.objects) | self.skill_verbs
        self.first_lemmas = frozenset(v[0] for v in self.verbs)
        self._lemma_cache: dict[int, str] = {}
        self.max_verb = max(len(v) for v in self.verbs)
        self.max_object = max(len(o) for t in self.objects.values() for o in t)
        self.object_firsts = frozenset(o[0] for t in self.objects.values() for o in t if o)

    def __call__(self, doc: Doc) -> Doc:
        if not self.built:
            self.ensure_built()
        lemmas = self._lemmas_of(doc)
        doc.user_data[LEMMAS_KEY] = lemmas
        skills_at = {hit.start_token: hit for hit in doc._.jdlint_skills or []}
        # A verb inside a skill's name is a noun: "design patterns", "test automation".
        in_skill = {
            k for hit in doc._.jdlint_skills or [] for k in range(hit.start_token, hit.end_token)
        }
        sections = SectionIndex(doc._.jdlint_sections or [])
        offsets = doc.to_array(IDX).tolist()
        tagged = _annotated(doc, POS)
        parsed = _annotated(doc, DEP)
        text = doc_text(doc) if tagged else ""
        hits = []
        quota = Quota()
        first_lemmas = self.first_lemmas
        candidates = [i for i, lemma in enumerate(lemmas) if lemma in first_lemmas]
        for i in candidates:
            if i in in_skill:
                continue
            section = sections.kind_at(offsets[i])
            if section in SKIPPED_SECTIONS:
                continue
            verb = self._verb_at(lemmas, i)
            if verb is None:
                continue
            opens_line = tagged and opens_a_line(text, offsets[i])
            if not opens_line and not self._is_verb(doc, i, tagged):
                continue
            # With a parse, the object must sit in the verb's subtree ("train ... models"); a
            # verb that opens a line has the line for its clause.
            allowed = {t.i for t in doc[i].subtree} if parsed and not opens_line else None
            found = self._object_after(doc, lemmas, i + len(verb), verb, skills_at, allowed)
            if found is None:
                continue
            obj_start, end, roles, kind = found
            span = doc[i:end]
            obj = _object_text(doc[obj_start:end])
            if not quota.admit((verb, obj.lower())):
                continue
            hits.append(
                DutyHit(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    verb=" ".join(verb).replace(" - ", "-"),
                    object=obj,
                    roles=roles,
                    section=section,
                    generic=kind == "generic",
                    field=kind == "field",
                )
            )
        doc._.jdlint_duties = hits
        doc.spans[SPANS_DUTIES] = [doc.char_span(h.start, h.end, label=h.verb) for h in hits]
        return doc

    def _lemmas_of(self, doc: Doc) -> list[str]:
        """Lower-case lemmas of every token: spaCy's lookup table first, the pipeline's own
        lemma for words it does not know (when the pipeline has lemmas)."""
        if _annotated(doc, LEMMA):
            return [
                lemma_of(t.text, self.table)
                if self.table.get(t.lower_) is not None or not t.lemma_
                else t.lemma_.lower()
                for t in doc
            ]
        # The hot path on spacy.blank: no Token objects, one look-up per distinct word.
        if len(doc) == 0:
            return []
        cache, strings = self._lemma_cache, doc.vocab.strings
        distinct, where = numpy.unique(doc.to_array(LOWER), return_inverse=True)
        lemmas_of_distinct = []
        for key in distinct.tolist():
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = lemma_of(strings[key], self.table)
            lemmas_of_distinct.append(lemma)
        return [lemmas_of_distinct[k] for k in where.tolist()]

    def _verb_at(self, lemmas: list[str], i: int) -> tuple[str, ...] | None:
        for size in range(min(self.max_verb, len(lemmas) - i), 0, -1):
            key = tuple(lemmas[i : i + size])
            if key in self.verbs:
                return key
        return None

    def _is_verb(self, doc: Doc, i: int, tagged: bool) -> bool:
        """With tags, the tagger decides (for a word that does not open a line: see
        ``opens_a_line``). Without, a duty verb opens its clause: it follows a
        line break, punctuation, a conjunction, a modal or a preposition ("experience
        building", "you will train"), never a determiner or a noun ("our support chatbot")."""
        if tagged:
            return doc[i].pos_ in ("VERB", "AUX") or doc[i].tag_ in ("VBG", "VB", "VBP")
        if i == 0:
            return True
        before = doc[i - 1]
        if before.text in ("-", "/") and not before.whitespace_ and i > 1:
            if not doc[i - 2].whitespace_:
                return False  # "no-code", "CI/CD": part of a compound word
        return (
            before.is_punct
            or before.is_space
            or before.lower_ in self.openers
            or before.lower_.endswith("ly")
        )

    def _object_after(
        self,
        doc: Doc,
        lemmas: list[str],
        start: int,
        verb: tuple[str, ...],
        skills_at: dict[int, SkillHit],
        allowed: set[int] | None = None,
    ) -> tuple[int, int, dict[str, float], str] | None:
        """The verb's object: (start token, end token, roles, kind), kind being "lexicon",
        "qualified" (a skill naming a lexicon object: "GPT-4 prompts", "backend services"),
        "skill", "field" (a field's name: "leverage AI") or "generic" ("build solutions")."""
        objects = self.objects.get(verb, {})
        takes_skills = verb in self.skill_verbs
        for j in range(start, min(start + WINDOW, len(doc))):
            if self._breaks_clause(doc, lemmas, j):
                return None
            if lemmas[j] in self.stops and not (j > start and lemmas[j - 1] in self.light):
                # The object ends at a preposition: in "create documentation of datasets" the
                # object is the documentation; only a light noun lets it go on ("the
                # development of ML models").
                return None
            if allowed is not None and j not in allowed:
                continue
            found = self._lexicon_object(objects, lemmas, j)
            skill = skills_at.get(j)
            if skill is not None:
                after = self._lexicon_object(objects, lemmas, skill.end_token)
                if after is not None and (found is None or after[1] > found[1]):
                    # The qualifier carries the role: "ML systems" is ML work whatever
                    # "systems" alone would say; a specific object keeps its own roles too.
                    if self._is_generic(lemmas, after[0], after[1]):
                        return (
                            j,
                            after[1],
                            dict(skill.roles),
                            "field" if skill.field else "qualified",
                        )
                    roles = dict(skill.roles)
                    for role, weight in after[2].items():
                        roles[role] = max(roles.get(role, 0.0), weight)
                    return j, after[1], roles, "qualified"
                if found is not None and found[1] >= skill.end_token:
                    return (*found, self._kind(lemmas, found, verb))  # the longest object wins
                if takes_skills:
                    return (
                        j,
                        skill.end_token,
                        dict(skill.roles),
                        "field" if skill.field else "skill",
                    )
                continue
            if found is not None:
                return (*found, self._kind(lemmas, found, verb))
        return None

    def _is_generic(
        self, lemmas: list[str], start: int, end: int, verb: tuple[str, ...] = ()
    ) -> bool:
        found = tuple(lemmas[start:end])
        return found in self.generic or (found in self.ambiguous and verb in self.generic_verbs)

    def _kind(
        self, lemmas: list[str], found: tuple[int, int, dict[str, float]], verb: tuple[str, ...]
    ) -> str:
        generic = self._is_generic(lemmas, found[0], found[1], verb)
        return "generic" if generic else "lexicon"

    def _lexicon_object(
        self, objects: dict[tuple[str, ...], dict[str, float]], lemmas: list[str], j: int
    ) -> tuple[int, int, dict[str, float]] | None:
        if j >= len(lemmas) or lemmas[j] not in self.object_firsts:
            return None
        for size in range(min(self.max_object, len(lemmas) - j), 0, -1):
            roles = objects.get(tuple(lemmas[j : j + size]))
            if roles:
                return j, j + size, dict(roles)
        return None

    def _breaks_clause(self, doc: Doc, lemmas: list[str], j: int) -> bool:
        if "\n" in lemmas[j] or "\r" in lemmas[j]:  # a line ends the clause: bullets are apart
            return True
        if lemmas[j] not in self.break_firsts:
            return False
        return any(
            tuple(lemmas[j : j + size]) in self.breaks for size in range(1, self.max_break + 1)
        )


def opens_a_line(text: str, offset: int) -> bool:
    """Whether only a bullet, a number or emphasis stands before ``offset`` on its line
    ("- **Build** ...", "2) Build ...")."""
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    prefix = text[start:offset]
    bullet = BULLET.match(prefix)
    rest = prefix[bullet.end() :] if bullet else prefix
    return not rest.strip(" \t*_")


def _annotated(doc: Doc, attr: int) -> bool:
    """Doc.has_annotation without a Token object per token (it is on the hot path)."""
    return len(doc) > 0 and bool(doc.to_array(attr).any())


def _object_text(span: Span) -> str:
    text = span.text
    for article in ("the ", "a ", "an ", "our ", "your "):
        if text.lower().startswith(article):
            return text[len(article) :]
    return text


@Language.factory(
    "jdlint_duties",
    default_config={"lexicons": []},
    assigns=["doc._.jdlint_duties"],
    requires=["doc._.jdlint_sections", "doc._.jdlint_skills"],
)
def make_duties(nlp: Language, name: str, lexicons: list[str]) -> DutiesComponent:
    """Factory for the duties component; ``lexicons`` names extra lexicon files or folders."""
    return DutiesComponent(nlp, name, lexicons)
