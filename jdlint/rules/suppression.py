"""JD0xx: jdlint's own comments in a posting, and the rule that reports unused ones.

Markdown and HTML postings use comments; plain text uses a line of its own:

    <!-- jdlint-disable JD102 -->  ...  <!-- jdlint-enable JD102 -->
    <!-- jdlint-disable-next-line prestige-ml-title -->
    <!-- jdlint-disable-file JD105 -->
    jdlint: disable=JD102          jdlint: enable=JD102
    jdlint: disable-next-line=JD101,JD105
    jdlint: disable-file

With no codes, a directive covers every rule. Codes and names both work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..results import Finding
from ..source import Source
from .base import Rule

_HTML = re.compile(
    r"<!--\s*jdlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)
_TEXT = re.compile(
    r"^[ \t]*jdlint:[ \t]*(disable-next-line|disable-file|disable|enable)"
    r"(?:[ \t]*=[ \t]*([^\r\n]*))?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass
class Directive:
    action: str  # disable, enable, disable-next-line, disable-file
    selectors: tuple[str, ...]  # empty: every rule
    line: int
    start: int
    end: int
    codes: frozenset[str] = frozenset()  # resolved; empty with selectors: unknown names
    unknown: tuple[str, ...] = ()
    used: bool = field(default=False)


def parse_directives(source: Source, resolve: dict[str, str]) -> list[Directive]:
    """All jdlint directives in a posting, in order. ``resolve`` maps codes and names (lower
    case) to codes."""
    found = []
    for regex in (_HTML, _TEXT):
        for match in regex.finditer(source.original):
            raw = (match.group(2) or "").replace(",", " ").split()
            codes = {resolve[s.lower()] for s in raw if s.lower() in resolve}
            unknown = tuple(s for s in raw if s.lower() not in resolve)
            found.append(
                Directive(
                    action=match.group(1).lower(),
                    selectors=tuple(raw),
                    line=source.position(match.start()).line,
                    start=match.start(),
                    end=match.end(),
                    codes=frozenset(codes),
                    unknown=unknown,
                )
            )
    return sorted(found, key=lambda d: d.start)


def _covers(directive: Directive, code: str) -> bool:
    return not directive.selectors or code in directive.codes


def apply_suppressions(findings: Iterable[Finding], directives: list[Directive]) -> list[Finding]:
    """The findings no directive suppresses; marks each directive that suppressed one."""
    kept = []
    for finding in findings:
        suppressor = None
        for directive in directives:
            if not _covers(directive, finding.code):
                continue
            if directive.action == "disable-file":
                suppressor = directive
            elif directive.action == "disable-next-line" and directive.line + 1 == finding.line:
                suppressor = directive
            elif directive.action == "disable" and directive.line < finding.line:
                if not _enabled_between(directives, directive, finding):
                    suppressor = directive
            if suppressor is not None:
                break
        if suppressor is None:
            kept.append(finding)
        else:
            suppressor.used = True
    return kept


def _enabled_between(directives: list[Directive], disable: Directive, finding: Finding) -> bool:
    return any(
        d.action == "enable" and disable.line < d.line < finding.line and _covers(d, finding.code)
        for d in directives
    )


def unused_directives(directives: list[Directive]) -> list[Directive]:
    return [d for d in directives if d.action != "enable" and (not d.used or d.unknown)]


UNUSED_SUPPRESSION = Rule(
    code="JD001",
    name="unused-suppression",
    severity="info",
    summary="A jdlint-disable comment that suppresses nothing.",
    explanation="""\
A `jdlint-disable` comment (or `jdlint: disable=` line) that no finding needed, or that names
a rule jdlint does not know. Left in place, it would hide a real finding after the posting
changes. Remove it, or name the rule it was meant for.

Fires on:
    <!-- jdlint-disable-next-line JD102 -->
    Data Engineer

    - Build ETL pipelines with Airflow and dbt

Quiet on:
    Data Engineer

    - Build ETL pipelines with Airflow and dbt
""",
    check=None,
)
