"""What a rule is and what it looks at."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..results import EvidenceItem, Finding, Title
from ..role_profile import Evidence, RoleProfile
from ..source import Location, Source

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Posting:
    """A posting as rules see it: the source, the title and the role profile."""

    source: Source
    title: Title | None
    profile: RoleProfile
    lexicon: Lexicon

    def finding(
        self,
        rule: Rule,
        where: Location,
        message: str,
        suggestion: str | None = None,
        evidence: Iterable[Evidence] = (),
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
        )

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
