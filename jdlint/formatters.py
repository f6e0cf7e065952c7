"""Output formats. Formatters only format: they receive finished results."""

from __future__ import annotations

import json
from collections.abc import Sequence

from . import __version__
from .results import FileResult


def format_text(results: Sequence[FileResult]) -> str:
    """``path:line:col: CODE message`` per finding, then a one-line summary."""
    lines = []
    findings = 0
    for result in results:
        for f in result.findings:
            findings += 1
            lines.append(f"{result.path}:{f.line}:{f.column}: {f.code} [{f.name}] {f.message}")
    lines.append(summary(results, findings))
    return "\n".join(lines) + "\n"


def summary(results: Sequence[FileResult], findings: int) -> str:
    unreadable = sum(1 for r in results if r.error)
    linted = len(results) - unreadable
    files = f"{linted} file{'s' if linted != 1 else ''}"
    text = (
        f"Found {findings} problem{'s' if findings != 1 else ''} in {files}"
        if findings
        else f"No problems in {files}"
    )
    if unreadable:
        text += f"; {unreadable} could not be read"
    return text + "."


def format_json(results: Sequence[FileResult]) -> str:
    """One JSON document: ``{"jdlint_version", "files": [...]}`` (schema: output.schema.json)."""
    document = {"jdlint_version": __version__, "files": [r.to_dict() for r in results]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


FORMATTERS = {"text": format_text, "json": format_json}
