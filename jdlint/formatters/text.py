"""``text``: the human view, with the source line and a marker under the span."""

from __future__ import annotations

from collections.abc import Sequence

import click

from ..results import FileResult, Finding

_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "blue"}


def _marker_lines(text: str, finding: Finding) -> tuple[str, str] | None:
    lines = text.splitlines()
    if not 1 <= finding.line <= len(lines):
        return None
    line = lines[finding.line - 1].expandtabs(1)
    width = (
        finding.end_column - finding.column
        if finding.end_line == finding.line
        else len(line) - finding.column + 1
    )
    return line, " " * (finding.column - 1) + "^" * max(1, width)


def format_text(results: Sequence[FileResult], colour: bool = False) -> str:
    from . import summary

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if colour else text  # type: ignore[arg-type]

    out: list[str] = []
    for result in results:
        text = result.text
        for f in result.findings:
            head = f"{style(f'{result.path}:{f.line}:{f.column}:', bold=True)} "
            head += style(f"{f.code} [{f.severity}]", fg=_SEVERITY_COLOUR[f.severity], bold=True)
            out.append(f"{head} {f.name}" + (" [*]" if f.fix else ""))
            marked = _marker_lines(text, f) if text is not None else None
            if marked is not None:
                gutter = " " * len(str(f.line))
                out.append(f"{gutter} |")
                out.append(f"{f.line} | {marked[0]}")
                out.append(f"{gutter} | {style(marked[1], fg=_SEVERITY_COLOUR[f.severity])}")
            out.append(f"  = {f.message}")
            if f.suggestion:
                out.append(f"  = {style('help', bold=True)}: {f.suggestion}")
            out.append("")
    out.append(summary(results))
    return "\n".join(out) + "\n"
