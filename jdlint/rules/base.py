"""What a rule is and what it looks at."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..results import EvidenceItem, Finding, Fix, Title
from ..source import Location, Source

# The rule catalogue must not import spaCy (``jdlint rules`` and ``--help`` stay instant): the
# modules of the spaCy components are imported for type checking only, or where a posting is
# read, by then the pipeline has imported them anyway.
if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..lexicon import Lexicon
    from ..requirements import YearsAsk
    from ..role_profile import Evidence, RoleProfile
    from ..sections import Section, SectionIndex
    from ..skills import SkillHit
    from ..wording import WordingHit
    from .title_mismatch import Verdict

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Posting:
    """A posting as rules see it: the source, the title, the role profile and the annotated
    Doc (offsets in the Doc are into the pipeline's text; ``source.locate`` maps them back)."""

    source: Source
    title: Title | None
    profile: RoleProfile
    lexicon: Lexicon
    doc: Doc

    @cached_property
    def mismatch(self) -> Verdict | None:
        """The title-versus-duties verdict, worked out once for the rules that report its
        kinds (on a long posting it counts hundreds of thousands of mentions)."""
        from .title_mismatch import verdict

        return verdict(self)

    @cached_property
    def _wording(self) -> dict[str, list[WordingHit]]:
        by_list: dict[str, list[WordingHit]] = defaultdict(list)
        for hit in self.doc._.jdlint_wording or ():
            by_list[hit.list].append(hit)
        return by_list

    def wording(self, list_name: str) -> list[WordingHit]:
        """Hits of one wording list, in text order."""
        return self._wording.get(list_name, [])

    @cached_property
    def years_asks(self) -> list[YearsAsk]:
        """Every 'N years (of X)' in the posting."""
        from ..requirements import years_asks

        return years_asks(self.doc, self.section_index.kind_at)

    @cached_property
    def section_index(self) -> SectionIndex:
        """The kind of section at any offset of the pipeline's text."""
        from ..sections import SectionIndex

        return SectionIndex(self.sections)

    @property
    def sections(self) -> list[Section]:
        return self.doc._.jdlint_sections or []

    @property
    def skills(self) -> list[SkillHit]:
        return self.doc._.jdlint_skills or []

    @property
    def text(self) -> str:
        """The text the pipeline read (offsets of hits and sections are into it)."""
        return self.source.text

    def finding(
        self,
        rule: Rule,
        where: Location,
        message: str,
        suggestion: str | None = None,
        evidence: Iterable[Evidence] = (),
        fix: Fix | None = None,
    ) -> Finding:
        """A finding of ``rule`` at a span of the original file."""
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            message=message,
            line=where.line,
            column=where.column,
            end_line=where.end_line,
            end_column=where.end_column,
            start=where.start,
            end=where.end,
            suggestion=suggestion,
            evidence=tuple(self.evidence_item(e) for e in evidence),
            fix=fix,
        )

    @cached_property
    def _newlines(self) -> list[int]:
        text = self.source.text
        return [i for i, c in enumerate(text) if c == "\n"] if "\n" in text else []

    def line_at(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line of the pipeline's text that holds ``offset`` (a bisect, so
        that many findings on one long line cost no more than the line)."""
        newlines = self._newlines
        index = bisect.bisect_left(newlines, offset)
        start = newlines[index - 1] + 1 if index else 0
        end = newlines[index] if index < len(newlines) else len(self.source.text)
        return start, end

    def title_location(self) -> Location:
        """Where a finding about the whole posting goes: its title, else its first line."""
        if self.title is not None:
            return self.source.locate_original(self.title.start, self.title.end)
        text = self.source.original
        start = len(text) - len(text.lstrip())
        end = start + len(text[start:].split("\n", 1)[0].rstrip("\r"))
        return self.source.locate_original(start, end)

    def evidence_item(self, item: Evidence) -> EvidenceItem:
        """Where a piece of evidence (offsets into the pipeline's text) stands in the file."""
        at = self.source.locate(item.start, item.end)
        return EvidenceItem(item.kind, at.text, item.role, at.line, at.column, at.start, at.end)


@dataclass(frozen=True)
class Rule:
    """A rule's identity and documentation, kept next to its check."""

    code: str
    name: str
    severity: str
    summary: str
    explanation: str
    # None for rules another pass reports (unused suppressions come from the suppression pass).
    check: Callable[[Posting], Iterable[Finding]] | None
    # False for a rule that runs only when selected (--select, --extend-select, "ALL"): its
    # measured precision on real postings is too low for it to run unasked.
    default: bool = True

    def __reduce__(self) -> tuple[Callable[[str], Rule], tuple[str]]:
        # A rule crosses to the --jobs workers by its code: its check may be a closure, which
        # pickle cannot carry.
        return (_rule_of_code, (self.code,))


def _rule_of_code(code: str) -> Rule:
    from . import ALL_RULES

    return next(rule for rule in ALL_RULES if rule.code == code)
