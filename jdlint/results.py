"""What linting a posting produces: typed objects carrying the same data as the JSON output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Title:
    text: str
    roles: tuple[str, ...]
    line: int
    column: int
    start: int
    end: int


@dataclass(frozen=True)
class Profile:
    primary: str | None
    confidence: float
    shares: dict[str, float]


@dataclass(frozen=True)
class Skill:
    text: str
    canonical: str
    roles: tuple[str, ...]
    section: str
    line: int
    column: int
    start: int
    end: int


@dataclass(frozen=True)
class Duty:
    text: str
    verb: str
    object: str
    roles: tuple[str, ...]
    section: str
    line: int
    column: int
    start: int
    end: int


@dataclass(frozen=True)
class EvidenceItem:
    """One piece of evidence behind a finding: a skill or duty, where it stands."""

    kind: str
    text: str
    role: str
    line: int
    column: int
    start: int
    end: int


@dataclass(frozen=True)
class Fix:
    """A safe rewrite: replace ``original[start:end]`` (character offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    suggestion: str | None = None
    evidence: tuple[EvidenceItem, ...] = ()
    fix: Fix | None = None


@dataclass(frozen=True)
class Row:
    """Where a posting that is a row of a table stands: the table, the row's 1-based number
    (a JSON Lines file's line, a CSV file's record after the header, a Parquet file's row)
    and its id column's value, if it has one."""

    table: str
    number: int
    id: str | None = None


@dataclass(frozen=True)
class FileResult:
    """Everything jdlint found in one posting; ``error`` is set when it could not be read."""

    path: str
    title: Title | None = None
    profile: Profile | None = None
    skills: tuple[Skill, ...] = ()
    duties: tuple[Duty, ...] = ()
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    error: str | None = None
    skipped: bool = False  # not a posting (JSON without a JobPosting): not an error
    # The decoded text, for formatters that show the source line; not part of the JSON.
    text: str | None = field(default=None, repr=False, compare=False)
    # The table row this posting is (None for a file); not part of the JSON document.
    row: Row | None = None

    def to_dict(self) -> dict[str, Any]:
        """The result as the JSON output holds it (what ``dataclasses.asdict`` gives, less
        ``text``, ``skipped``, ``row`` and an unset ``error``), built field by field: ``asdict``
        copies every value through a generic recursion, 0.7 s of CPU over 2,000 postings."""
        data = {
            "path": self.path,
            "title": None if self.title is None else _flat(self.title),
            "profile": None if self.profile is None else _profile(self.profile),
            "skills": tuple(_flat(s) for s in self.skills),
            "duties": tuple(_flat(d) for d in self.duties),
            "findings": tuple(_finding_dict(f) for f in self.findings),
        }
        if self.error is not None:
            data["error"] = self.error
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str | None = None) -> FileResult:
        """The result ``to_dict`` gave (``text`` is not in it: pass the decoded file).
        Raises KeyError or TypeError for a dict of another shape."""
        title, profile = data["title"], data["profile"]
        return cls(
            path=data["path"],
            title=None if title is None else Title(**{**title, "roles": tuple(title["roles"])}),
            profile=None if profile is None else Profile(**profile),
            skills=tuple(Skill(**{**s, "roles": tuple(s["roles"])}) for s in data["skills"]),
            duties=tuple(Duty(**{**d, "roles": tuple(d["roles"])}) for d in data["duties"]),
            findings=tuple(_finding(f) for f in data["findings"]),
            error=data.get("error"),
            text=text,
        )


def _flat(item: Title | Skill | Duty | EvidenceItem | Fix) -> dict[str, Any]:
    """A result object whose fields hold no other result object, as a dict: its fields in
    order (a frozen dataclass's ``__dict__`` holds exactly those, set in that order)."""
    return dict(item.__dict__)


def _profile(profile: Profile) -> dict[str, Any]:
    return {
        "primary": profile.primary,
        "confidence": profile.confidence,
        "shares": dict(profile.shares),
    }


def _finding_dict(finding: Finding) -> dict[str, Any]:
    data = dict(finding.__dict__)
    data["evidence"] = tuple(_flat(e) for e in finding.evidence)
    data["fix"] = None if finding.fix is None else _flat(finding.fix)
    return data


def _finding(data: dict[str, Any]) -> Finding:
    fix = data["fix"]
    return Finding(
        **{
            **data,
            "evidence": tuple(EvidenceItem(**e) for e in data["evidence"]),
            "fix": None if fix is None else Fix(**fix),
        }
    )


# A finding's scalar fields, in the order the tables of findings (Parquet, Spark) hold them.
FLAT_FINDING_FIELDS = (
    "code",
    "name",
    "severity",
    "start",
    "end",
    "line",
    "column",
    "message",
    "suggestion",
)


def flat_finding(finding: Finding) -> dict[str, Any]:
    """A finding as a table row: its scalar fields, without evidence or fix."""
    return {name: getattr(finding, name) for name in FLAT_FINDING_FIELDS}
