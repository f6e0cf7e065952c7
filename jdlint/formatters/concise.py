"""``concise``: one ``path:line:col: CODE [severity] message`` line per finding."""

from __future__ import annotations

from collections.abc import Sequence

from ..results import FileResult
from .escape import escape_controls


def format_concise_result(result: FileResult, colour: bool = False) -> str:
    """One line per finding of one posting."""
    path = escape_controls(result.path)
    return "".join(
        f"{path}:{f.line}:{f.column}: {f.code} [{f.severity}] "
        f"{escape_controls(f.message)}" + (" [*]" if f.fix else "") + "\n"
        for f in result.findings
    )


def format_concise(results: Sequence[FileResult], colour: bool = False) -> str:
    from . import summary

    return "".join(format_concise_result(r) for r in results) + summary(results) + "\n"
