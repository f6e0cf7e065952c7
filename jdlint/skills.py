"""The ``jdlint_skills`` component: tools, frameworks and techniques named in the lexicons.

Every variant of every skill ("PyTorch", "pytorch", "Py Torch") goes into one PhraseMatcher on
LOWER (case-sensitive ones, such as "R", into one on ORTH), built once per component.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extensions import SPANS_SKILLS, doc_text, restore_as, restore_list_of
from .floods import Quota
from .lexicon import Lexicon
from .lexicon_component import LexiconComponent
from .phrase_patterns import phrase_patterns
from .sections import SectionIndex
from .token_patterns import AnchoredMatcher


@dataclass(frozen=True, eq=False)  # compared and hashed by identity
class SkillInfo:
    """A skill as all role lexicons together describe it."""

    canonical: str
    roles: dict[str, float]  # role -> weight
    year: int | None
    field: bool = False  # a name of the field ("AI"), not a tool or a task
    not_before: frozenset[str] = frozenset()


class SkillHit(NamedTuple):
    """One mention of a skill in a posting."""

    start: int  # character offsets into doc.text
    end: int
    text: str
    canonical: str
    roles: dict[str, float]
    section: str
    year: int | None
    start_token: int
    end_token: int
    field: bool = False
    # What the role model knows the hit by, when not its text: a token pattern's name.
    key: str | None = None


restore_as("jdlint_skills", restore_list_of(SkillHit))
restore_as("jdlint_other_work", restore_list_of(SkillHit))


def spelling_forms(form: str) -> set[str]:
    """A variant and its hyphen, space and joined spellings: "fine-tuning" -> "fine tuning",
    "finetuning"; "vector database" -> "vector-database" (two words are seldom written as
    one, and every form costs start-up time: list such a spelling as a variant)."""
    forms = {form}
    if "-" in form:
        forms |= {form.replace("-", " "), form.replace("-", "")}
    if " " in form and len(form.split()) == 2:
        forms.add(form.replace(" ", "-"))
    return forms


def skill_table(lexicon: Lexicon) -> dict[tuple[str, bool], SkillInfo]:
    """(spelling, case_sensitive) -> the merged skill it names, across every role lexicon."""
    table: dict[tuple[str, bool], SkillInfo] = {}
    for role, role_lexicon in lexicon.roles.items():
        for skill in role_lexicon.skills:
            forms: set[str] = set()
            for variant in skill.forms():
                forms |= spelling_forms(variant)
            for form in forms:
                key = (form if skill.case_sensitive else form.lower(), skill.case_sensitive)
                info = table.get(key)
                if info is None:
                    info = table[key] = SkillInfo(
                        skill.term, {}, skill.year, skill.field, frozenset(skill.not_before)
                    )
                elif info.year is None and skill.year is not None:
                    info = table[key] = SkillInfo(
                        info.canonical, info.roles, skill.year, info.field, info.not_before
                    )
                if skill.field and not info.field:  # a field's name in any lexicon is one
                    info = table[key] = SkillInfo(
                        info.canonical, info.roles, info.year, True, info.not_before
                    )
                info.roles[role] = max(info.roles.get(role, 0.0), skill.weight)
    return table


def _same_skill(info: SkillInfo) -> tuple[object, ...]:
    """What a SkillInfo says, as a key: spellings with equal keys give equal hits."""
    return (
        info.canonical,
        tuple(sorted(info.roles.items())),
        info.year,
        info.field,
        info.not_before,
    )


OTHER_WORK_WEIGHT = 2.5  # a task phrase ("data entry"), as telling as a duty


class SkillsComponent(LexiconComponent):
    """Sets ``doc._.jdlint_skills`` (list of SkillHit) and the span group ``jdlint_skills``."""

    def _build(self, lexicon: Lexicon) -> None:
        nlp = self.nlp
        self.table = skill_table(lexicon)
        # Work none of the roles do ("data entry", "cold calling"), by kind.
        self.other = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.other_kinds: dict[int, str] = {}
        for kind, phrases in lexicon.wordlists["other_work"].items():
            if kind.startswith("title:"):
                continue
            label = f"jdlint_other:{kind}"
            self.other_kinds[nlp.vocab.strings.add(label)] = kind
            self.other.add(label, phrase_patterns(nlp, phrases, LOWER))
        # ... and wording that fixed phrases cannot cover ("manage a growing team of 6-8 data
        # scientists"), one label per pattern.
        self.pattern_names: dict[int, tuple[str, str]] = {}
        labelled = []
        for kind, patterns in lexicon.patterns.get("other_work", {}).items():
            for n, pattern in enumerate(patterns):
                label = f"jdlint_other_pattern:{kind}:{n}"
                self.pattern_names[nlp.vocab.strings.add(label)] = (kind, f"pattern {n}")
                labelled.append((label, [list(pattern)]))
        self.other_patterns = AnchoredMatcher(nlp.vocab, labelled)
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        # One label per distinct skill: spellings whose SkillInfo says the same share it, so
        # the matchers take a few hundred labels, not one per spelling (each label costs spaCy
        # a lexeme): start-up counts on every pre-commit run.
        self.infos: dict[int, SkillInfo] = {}
        for case_sensitive, matcher in ((False, self.lower), (True, self.orth)):
            groups: dict[tuple[object, ...], tuple[SkillInfo, list[str]]] = {}
            for (form, case), info in self.table.items():
                if case == case_sensitive:
                    groups.setdefault(_same_skill(info), (info, []))[1].append(form)
            every_form = [form for _, forms in groups.values() for form in forms]
            patterns = iter(phrase_patterns(nlp, every_form, ORTH if case_sensitive else LOWER))
            for n, (info, forms) in enumerate(groups.values()):
                label = f"jdlint_skill:{case_sensitive}:{n}"
                self.infos[nlp.vocab.strings.add(label)] = info
                matcher.add(label, [next(patterns) for _ in forms])

    def __call__(self, doc: Doc) -> Doc:
        if not self.built:
            self.ensure_built()
        sections = SectionIndex(doc._.jdlint_sections or [])
        matches = [*self.lower(doc), *self.orth(doc)]
        by_range = {(start, end): match_id for match_id, start, end in matches}
        ranges = longest_first(by_range)  # "vector database" over "database"
        text = doc_text(doc)
        offsets = doc.to_array([IDX, LENGTH]).tolist() if ranges else []
        hits = []
        quota = Quota()
        for start, end in ranges:
            info = self.infos[by_range[(start, end)]]
            if info.not_before and end < len(doc) and doc[end].lower_ in info.not_before:
                continue
            if not quota.admit(info.canonical):
                continue
            start_char = offsets[start][0]
            end_char = offsets[end - 1][0] + offsets[end - 1][1]
            hits.append(
                SkillHit(
                    start=start_char,
                    end=end_char,
                    text=text[start_char:end_char],
                    canonical=info.canonical,
                    roles=info.roles,
                    section=sections.kind_at(start_char),
                    year=info.year,
                    start_token=start,
                    end_token=end,
                    field=info.field,
                )
            )
        doc._.jdlint_skills = hits
        doc._.jdlint_other_work = self._other_work(doc, sections)
        doc.spans[SPANS_SKILLS] = [
            Span(doc, h.start_token, h.end_token, label=h.canonical) for h in hits
        ]
        return doc

    def _other_work(self, doc: Doc, sections: SectionIndex) -> list[SkillHit]:
        """Work of no role: phrase and pattern hits, the longest where they overlap."""
        names = {label: (kind, None) for label, kind in self.other_kinds.items()}
        names.update(self.pattern_names)
        patterned = [Span(doc, s, e, label=label) for label, s, e in self.other_patterns(doc)]
        spans = [*self.other(doc, as_spans=True), *patterned]
        hits = []
        quota = Quota()
        for span in filter_spans(spans):
            kind, key = names[span.label]
            if not quota.admit((kind, key or span.text.lower())):
                continue
            hits.append(
                SkillHit(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    canonical=kind,
                    roles={kind: OTHER_WORK_WEIGHT},
                    section=sections.kind_at(span.start_char),
                    year=None,
                    start_token=span.start,
                    end_token=span.end,
                    key=key,
                )
            )
        return sorted(hits, key=lambda h: h.start)


@Language.factory(
    "jdlint_skills",
    default_config={"lexicons": []},
    assigns=["doc._.jdlint_skills", "doc._.jdlint_other_work"],
    requires=["doc._.jdlint_sections"],
)
def make_skills(nlp: Language, name: str, lexicons: list[str]) -> SkillsComponent:
    """Factory for the skills component; ``lexicons`` names extra lexicon files or folders."""
    return SkillsComponent(nlp, name, lexicons)


def longest_first(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges without overlaps, the longest (then the first) winning, in text order:
    spaCy's ``filter_spans`` on (start, end) pairs, without building a Span for each match."""
    chosen: list[tuple[int, int]] = []
    seen: set[int] = set()
    for start, end in sorted(ranges, key=lambda r: (r[1] - r[0], -r[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            chosen.append((start, end))
            seen.update(range(start, end))
    return sorted(chosen)
