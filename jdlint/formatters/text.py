"""``text``: the human view, with the source line and a marker under the span."""

from __future__ import annotations

import re
from collections.abc import Sequence

import click

from ..results import FileResult, Finding
from .escape import escape_controls

_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "blue"}


# The line breaks positions are counted in (source.py): str.splitlines() would also break at
# \f, \v, \x1c-\x1e, \x85 and U+2028/2029 and show another line than the finding's.
_NEWLINE = re.compile(r"\r\n|\r|\n")


# A source line longer than this is shown cut around the finding's span ("…" marks a cut): a
# flattened posting is one line of thousands of characters.
MAX_LINE = 120
CONTEXT = 40  # characters kept either side of the span
MAX_SPAN = 60  # of the span itself; the marker covers what is shown


def _marker_lines(lines: list[str], finding: Finding) -> tuple[str, str] | None:
    if not 1 <= finding.line <= len(lines):
        return None
    line = lines[finding.line - 1].expandtabs(1)
    width = (
        finding.end_column - finding.column
        if finding.end_line == finding.line
        else len(line) - finding.column + 1
    )
    start = finding.column - 1
    end = start + max(1, width)
    head, tail = "", ""
    if len(line) > MAX_LINE:
        end = min(end, start + MAX_SPAN)
        left, right = max(0, start - CONTEXT), min(len(line), end + CONTEXT)
        head, tail = ("…" if left else ""), ("…" if right < len(line) else "")
        line, start, end = line[left:right], start - left, end - left
    # escapes are wider than the characters they show: the marker follows the escaped line
    before = head + escape_controls(line[:start])
    marked = escape_controls(line[start:end])
    shown = before + marked + escape_controls(line[end:]) + tail
    return shown, " " * len(before) + "^" * max(1, len(marked))


def format_text_result(result: FileResult, colour: bool = False) -> str:
    """One posting's findings, each with its source line and marker, as ``text`` shows them."""

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if colour else text  # type: ignore[arg-type]

    out: list[str] = []
    lines = _NEWLINE.split(result.text) if result.text is not None else None
    path = escape_controls(result.path)
    for f in result.findings:
        head = f"{style(f'{path}:{f.line}:{f.column}:', bold=True)} "
        head += style(f"{f.code} [{f.severity}]", fg=_SEVERITY_COLOUR[f.severity], bold=True)
        out.append(f"{head} {f.name}" + (" [*]" if f.fix else ""))
        marked = _marker_lines(lines, f) if lines is not None else None
        if marked is not None:
            gutter = " " * len(str(f.line))
            out.append(f"{gutter} |")
            out.append(f"{f.line} | {marked[0]}")
            out.append(f"{gutter} | {style(marked[1], fg=_SEVERITY_COLOUR[f.severity])}")
        out.append(f"  = {escape_controls(f.message)}")
        if f.suggestion:
            out.append(f"  = {style('help', bold=True)}: {escape_controls(f.suggestion)}")
        out.append("")
    return "".join(line + "\n" for line in out)


def format_text(results: Sequence[FileResult], colour: bool = False) -> str:
    from . import summary

    return "".join(format_text_result(r, colour) for r in results) + summary(results) + "\n"
