"""Output formats behind ``--format``. Formatters only format: they receive finished results.

Each takes the results (and the output options) and returns the whole output as a string.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..results import FileResult
from .concise import format_concise
from .github import format_github
from .json_format import format_json
from .sarif import format_sarif
from .text import format_text

Formatter = Callable[[Sequence[FileResult], bool], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "concise": format_concise,
    "json": lambda results, _colour: format_json(results),
    "sarif": lambda results, _colour: format_sarif(results),
    "github": lambda results, _colour: format_github(results),
    "html": lambda results, _colour: format_html(results),
}


def format_html(results: Sequence[FileResult]) -> str:
    """The HTML report; its module (and Jinja2) is imported for ``--format html`` only."""
    from .html_report import format_html as html

    return html(results)


def summary(results: Sequence[FileResult]) -> str:
    """One line: how many problems in how many files, and how many could not be read."""
    findings = sum(len(r.findings) for r in results)
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
    fixable = sum(1 for r in results for f in r.findings if f.fix)
    if fixable:
        text += f" ({fixable} fixable with --fix)"
    return text + "."


__all__ = ["FORMATTERS", "summary"]
