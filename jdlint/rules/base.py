"""What a rule is and what it looks at."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..results import EvidenceItem, Finding, Title
from ..role_profile import Evidence, RoleProfile
from ..source import Source

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
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        evidence: Iterable[Evidence] = (),
    ) -> Finding:
        first, last = self.source.position(start), self.source.position(end)
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            message=message,
            line=first.line,
            column=first.column,
            end_line=last.line,
            end_column=last.column,
            start=start,
            end=end,
            suggestion=suggestion,
            evidence=tuple(self.evidence_item(e) for e in evidence),
        )

    def evidence_item(self, item: Evidence) -> EvidenceItem:
        at = self.source.position(item.start)
        return EvidenceItem(
            item.kind, item.text, item.role, at.line, at.column, item.start, item.end
        )


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
