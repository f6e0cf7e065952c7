"""``html``: one self-contained page (inline CSS, SVG and a little JavaScript; nothing loaded
from anywhere) for one posting or a folder of them.

A summary table (each posting's title, the duty role jdlint reads, the title verdict and the
findings per severity; sortable and filterable by rule when JavaScript runs), then each posting:
its findings, the role shares as a bar chart, the suggested title, and the text with every
finding and its evidence marked where it stands. Posting text is untrusted: everything is
escaped by Jinja2's autoescaping, and the page's Content-Security-Policy lets only its own
script run. Jinja2 is imported here, and this module only for ``--format html``.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import __version__
from ..lexicon import role_names
from ..results import EvidenceItem, FileResult, Finding
from ..rules import ALL_RULES, Rule
from ..rules.documentation import documentation, help_uri

SEVERITIES = ("error", "warning", "info")
# A report whose postings hold more characters than this shows, of each posting, the lines
# that hold a finding or its evidence (the others folded), so that 2,000 postings stay a page
# a browser opens; a smaller one shows every posting whole.
FULL_TEXT_LIMIT = 1_500_000
# Postings shown open (their text unfolded) when the report has no more than this many.
OPEN_LIMIT = 25
_NEWLINE = re.compile(r"\r\n|\r|\n")
_SUGGESTED_TITLE = re.compile(r"consider '(.+)'")
_RULES = {rule.code: rule for rule in ALL_RULES}


@dataclass(frozen=True)
class Piece:
    """A stretch of the posting text with the same marks all along (overlapping spans are
    split where one begins or ends), or a fold of ``folded`` lines not shown."""

    text: str = ""
    severity: str | None = None  # the worst finding marked here
    evidence: bool = False  # evidence of a finding is marked here
    tip: str = ""
    anchor: str | None = None  # where a finding's first piece is, for its link
    folded: int = 0


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    finding: int
    evidence: EvidenceItem | None


@dataclass(frozen=True)
class Bar:
    role: str
    name: str
    share: float
    primary: bool


@dataclass(frozen=True)
class PostingView:
    number: int
    path: str
    title: str | None
    role: str | None  # the duty role's name
    confidence: float
    verdict: Finding | None  # the JD1xx finding, if any
    suggested_title: str | None
    counts: dict[str, int]
    rules: str  # the codes found, space-separated (for the filter)
    findings: tuple[Finding, ...]
    anchors: tuple[str | None, ...]  # each finding's anchor in the text, if marked
    bars: tuple[Bar, ...]
    pieces: tuple[Piece, ...]
    whole: bool  # the whole text is shown, not only the lines with findings
    error: str | None


def _spans(result: FileResult, length: int) -> list[Span]:
    spans = []
    for i, finding in enumerate(result.findings):
        items: list[tuple[int, int, EvidenceItem | None]] = [(finding.start, finding.end, None)]
        items += [(e.start, e.end, e) for e in finding.evidence]
        for start, end, item in items:
            start, end = max(0, start), min(length, end)
            if end > start:  # an empty span marks nothing; the finding is still listed
                spans.append(Span(start, end, i, item))
    return spans


def _visible(text: str, spans: list[Span], whole: bool) -> list[tuple[int, int]]:
    """Character ranges shown: everything, or the lines that hold a span (and the first)."""
    if whole or not text:
        return [(0, len(text))]
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    ends = starts[1:] + [len(text)]
    shown = {0}
    for span in spans:
        first = bisect.bisect_right(starts, span.start) - 1
        last = bisect.bisect_right(starts, span.end - 1) - 1
        shown.update(range(first, last + 1))
    ranges: list[tuple[int, int]] = []
    for line in sorted(shown):
        if ranges and ranges[-1][1] == starts[line]:
            ranges[-1] = (ranges[-1][0], ends[line])
        else:
            ranges.append((starts[line], ends[line]))
    return ranges


def _tip(findings: Sequence[Finding], spans: list[Span], names: dict[str, str]) -> str:
    lines = []
    for span in spans:
        finding = findings[span.finding]
        if span.evidence is None:
            rule = _RULES.get(finding.code)
            line = f"{finding.code} {finding.name}" + (f": {rule.summary}" if rule else "")
            if finding.suggestion:
                line += f" Help: {finding.suggestion}"
        else:
            item = span.evidence
            role = names.get(item.role, item.role)
            line = f"evidence for {finding.code} {finding.name}: {role} {item.kind}"
        if line not in lines:
            lines.append(line)
    return "\n".join(lines)


def _pieces(
    result: FileResult, text: str, whole: bool, prefix: str, names: dict[str, str]
) -> tuple[list[Piece], list[str | None]]:
    """The text cut where any span or shown range begins or ends, each piece with the spans
    that cover it; and each finding's anchor (its first piece)."""
    spans = _spans(result, len(text))
    visible = _visible(text, spans, whole)
    points = {0, len(text)}
    for span in spans:
        points.update((span.start, span.end))
    for start, end in visible:
        points.update((start, end))
    cuts = sorted(points)
    begins: dict[int, list[int]] = {}
    for n, span in enumerate(spans):
        begins.setdefault(span.start, []).append(n)
    active: set[int] = set()
    anchors: list[str | None] = [None] * len(result.findings)
    pieces: list[Piece] = []
    shown = iter(visible)
    current = next(shown, None)
    hidden: int | None = None  # where the stretch not shown began
    rank = {severity: n for n, severity in enumerate(SEVERITIES)}
    for a, b in pairwise(cuts):
        active.update(begins.get(a, ()))
        active = {n for n in active if spans[n].end > a}
        while current is not None and current[1] <= a:
            current = next(shown, None)
        if current is None or a < current[0]:  # a stretch not shown: fold it
            hidden = a if hidden is None else hidden
            continue
        if hidden is not None:
            pieces.append(Piece(folded=_line_count(text[hidden:a])))
            hidden = None
        covering = sorted((spans[n] for n in active), key=lambda s: (s.finding, s.start))
        if not covering:
            pieces.append(Piece(text[a:b]))
            continue
        marks = [s for s in covering if s.evidence is None]
        severity = min(
            (result.findings[s.finding].severity for s in marks),
            key=rank.__getitem__,
            default=None,
        )
        anchor = None
        for span in marks:
            if anchors[span.finding] is None:
                anchors[span.finding] = anchor = anchor or f"{prefix}f{span.finding}"
        pieces.append(
            Piece(
                text[a:b],
                severity,
                any(s.evidence is not None for s in covering),
                _tip(result.findings, covering, names),
                anchor,
            )
        )
    if hidden is not None:
        pieces.append(Piece(folded=_line_count(text[hidden:])))
    return pieces, anchors


def _line_count(text: str) -> int:
    breaks = len(_NEWLINE.findall(text))
    return breaks + (0 if text.endswith(("\n", "\r")) else 1)


def _bars(result: FileResult, names: dict[str, str]) -> tuple[Bar, ...]:
    if result.profile is None:
        return ()
    shares = sorted(result.profile.shares.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(
        Bar(role, names.get(role, role), share, role == result.profile.primary)
        for role, share in shares
        if share >= 0.005
    )


def _verdict(findings: Sequence[Finding]) -> Finding | None:
    title_findings = [f for f in findings if f.code.startswith("JD1")]
    errors = [f for f in title_findings if f.severity == "error"]
    return (errors or title_findings or [None])[0]


def _suggested_title(verdict: Finding | None) -> str | None:
    if verdict is None or not verdict.suggestion:
        return None
    match = _SUGGESTED_TITLE.fullmatch(verdict.suggestion)
    return match.group(1) if match else verdict.suggestion


def _view(number: int, result: FileResult, whole: bool, names: dict[str, str]) -> PostingView:
    text = result.text or ""
    prefix = f"p{number}"
    pieces, anchors = _pieces(result, text, whole, prefix, names) if not result.error else ([], [])
    counts = Counter(f.severity for f in result.findings)
    verdict = _verdict(result.findings)
    profile = result.profile
    primary = profile.primary if profile else None
    return PostingView(
        number=number,
        path=result.path,
        title=result.title.text if result.title else None,
        role=names.get(primary, primary) if primary else None,
        confidence=profile.confidence if profile else 0.0,
        verdict=verdict,
        suggested_title=_suggested_title(verdict),
        counts={severity: counts.get(severity, 0) for severity in SEVERITIES},
        rules=" ".join(sorted({f.code for f in result.findings})),
        findings=result.findings,
        anchors=tuple(anchors),
        bars=_bars(result, names),
        pieces=tuple(pieces),
        whole=whole,
        error=result.error,
    )


def _asset(name: str) -> str:
    return resources.files("jdlint.formatters").joinpath("templates", name).read_text("utf-8")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("jdlint.formatters", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = lambda value: f"{value:.0%}"
    return env


def format_html(results: Sequence[FileResult]) -> str:
    names = role_names()
    whole = sum(len(r.text or "") for r in results) <= FULL_TEXT_LIMIT
    postings = [_view(n, r, whole, names) for n, r in enumerate(results, 1)]
    found = {f.code for r in results for f in r.findings}
    rules: list[Rule] = [rule for rule in ALL_RULES if rule.code in found]
    totals = Counter(f.severity for r in results for f in r.findings)
    script = _asset("report.js")
    template = _environment().get_template("report.html.jinja")
    return template.render(
        version=__version__,
        postings=postings,
        rules=rules,
        docs={rule.code: documentation(rule) for rule in rules},
        help_uris={rule.code: help_uri(rule) for rule in rules},
        totals={severity: totals.get(severity, 0) for severity in SEVERITIES},
        mismatches=sum(1 for p in postings if p.verdict and p.verdict.severity == "error"),
        unreadable=sum(1 for p in postings if p.error),
        open_postings=len(postings) <= OPEN_LIMIT,
        severities=SEVERITIES,
        style=Markup(_asset("report.css")),  # jdlint's own files, not input: shown as they are
        script=Markup(script),
        script_hash=_csp_hash(script),
    )
