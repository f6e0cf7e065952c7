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

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..results import Finding
from ..source import Source
from .base import Rule

# The opening of a comment directive; its rest, up to the first ">", must end in "-->" (what
# "([^>]*?)-->" asked, found with one forward scan instead of from every opening again).
_HTML_OPEN = re.compile(
    r"<!--\s*jdlint-(disable-next-line|disable-file|disable|enable)\b", re.IGNORECASE
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
    for action, rest, start, end in (
        *_comment_directives(source.original),
        *_text_directives(source.original),
    ):
        raw = rest.replace(",", " ").split()
        codes = {resolve[s.lower()] for s in raw if s.lower() in resolve}
        unknown = tuple(s for s in raw if s.lower() not in resolve)
        found.append(
            Directive(
                action=action.lower(),
                selectors=tuple(raw),
                line=source.position(start).line,
                start=start,
                end=end,
                codes=frozenset(codes),
                unknown=unknown,
            )
        )
    return sorted(found, key=lambda d: d.start)


def _comment_directives(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(action, selectors, start, end) of each ``<!-- jdlint-... -->``."""
    close = -1  # the first ">" after the opening: one find serves every opening before it
    done = 0  # where the last directive ended: the regex went on from there
    for match in _HTML_OPEN.finditer(text):
        if match.start() < done:
            continue
        if close < match.end():
            close = text.find(">", match.end())
            if close < 0:
                return  # no ">" follows: no directive after this one can close
        if close - 2 >= match.end() and text.startswith("--", close - 2):
            yield match.group(1), text[match.end() : close - 2], match.start(), close + 1
            done = close + 1


def _text_directives(text: str) -> Iterator[tuple[str, str, int, int]]:
    for match in _TEXT.finditer(text):
        yield match.group(1), match.group(2) or "", match.start(), match.end()


def _covers(directive: Directive, code: str) -> bool:
    return not directive.selectors or code in directive.codes


def apply_suppressions(findings: Iterable[Finding], directives: list[Directive]) -> list[Finding]:
    """The findings no directive suppresses; marks each directive that suppressed one.

    A finding's suppressor is the first directive (in file order) that covers its code and is
    either a disable-file, a disable-next-line on the line before, or a disable before it
    with no enable of that code in between. Looked up per code with bisection, so that many
    directives and many findings cost (directives + findings) x log, not their product."""
    index = {id(d): n for n, d in enumerate(directives)}
    by_code: dict[str, _Covering] = {}
    kept = []
    for finding in findings:
        covering = by_code.get(finding.code)
        if covering is None:
            covering = by_code[finding.code] = _Covering(directives, finding.code)
        suppressor = covering.suppressor(finding.line, index)
        if suppressor is None:
            kept.append(finding)
        else:
            suppressor.used = True
    return kept


class _Covering:
    """The directives that cover one code, sorted for lookups by line."""

    def __init__(self, directives: list[Directive], code: str) -> None:
        covering = [d for d in directives if _covers(d, code)]
        self.file = next((d for d in covering if d.action == "disable-file"), None)
        self.next_line: dict[int, Directive] = {}
        for d in covering:
            if d.action == "disable-next-line":
                self.next_line.setdefault(d.line, d)
        self.disables = [d for d in covering if d.action == "disable"]
        self.disable_lines = [d.line for d in self.disables]
        self.enable_lines = [d.line for d in covering if d.action == "enable"]

    def suppressor(self, line: int, index: dict[int, int]) -> Directive | None:
        candidates = [self.file, self.next_line.get(line - 1)]
        # the last enable before the line; a disable counts from there (an enable on the
        # disable's own line is not "between" them)
        before = bisect.bisect_left(self.enable_lines, line)
        since = self.enable_lines[before - 1] if before else -1
        first = bisect.bisect_left(self.disable_lines, since)
        if first < len(self.disables) and self.disable_lines[first] < line:
            candidates.append(self.disables[first])
        found = [d for d in candidates if d is not None]
        return min(found, key=lambda d: index[id(d)]) if found else None


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
