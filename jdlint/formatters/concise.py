"""``concise``: one ``path:line:col: CODE [severity] message`` line per finding."""

from __future__ import annotations

from collections.abc import Sequence

from ..results import FileResult
from .escape import escape_controls


def format_concise(results: Sequence[FileResult], colour: bool = False) -> str:
    from . import summary

    lines = [
        f"{escape_controls(r.path)}:{f.line}:{f.column}: {f.code} [{f.severity}] "
        f"{escape_controls(f.message)}" + (" [*]" if f.fix else "")
        for r in results
        for f in r.findings
    ]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"
