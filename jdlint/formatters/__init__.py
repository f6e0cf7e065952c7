"""Output formats behind ``--format``. Formatters only format: they receive finished results.

Whole-document formats (``FORMATTERS``) take all the results and return the output. The
streaming ones (``STREAMING``: ``text``, ``concise``, ``jsonl``) give one posting's output as
soon as it is linted and, at the end, a summary from the run's ``Tally``; for the same
results they print the same bytes as ``FORMATTERS``. ``json`` is one document but is written
in parts too (``json_format.json_parts``); ``parquet`` writes tables (see
``parquet_format``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..results import FileResult
from .concise import format_concise, format_concise_result
from .github import format_github
from .json_format import format_json
from .jsonl import format_jsonl, format_jsonl_result
from .sarif import format_sarif
from .text import format_text, format_text_result

Formatter = Callable[[Sequence[FileResult], bool], str]


@dataclass
class Tally:
    """What the summary line counts, added up one result at a time."""

    linted: int = 0
    unreadable: int = 0
    findings: int = 0
    fixable: int = 0

    def add(self, result: FileResult) -> None:
        if result.error:
            self.unreadable += 1
        else:
            self.linted += 1
        self.findings += len(result.findings)
        self.fixable += sum(1 for f in result.findings if f.fix)

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Tally:
        tally = cls()
        for result in results:
            tally.add(result)
        return tally


@dataclass(frozen=True)
class StreamingFormat:
    """``result(result, colour)``: one posting's output; ``end(tally)``: what closes it."""

    result: Callable[[FileResult, bool], str]
    end: Callable[[Tally], str]


def summary(results: Sequence[FileResult] | Tally) -> str:
    """One line: how many problems in how many files, and how many could not be read."""
    tally = results if isinstance(results, Tally) else Tally.of(results)
    findings, linted = tally.findings, tally.linted
    files = f"{linted} file{'s' if linted != 1 else ''}"
    text = (
        f"Found {findings} problem{'s' if findings != 1 else ''} in {files}"
        if findings
        else f"No problems in {files}"
    )
    if tally.unreadable:
        text += f"; {tally.unreadable} could not be read"
    if tally.fixable:
        text += f" ({tally.fixable} fixable with --fix)"
    return text + "."


FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "concise": format_concise,
    "json": lambda results, _colour: format_json(results),
    "jsonl": lambda results, _colour: format_jsonl(results),
    "sarif": lambda results, _colour: format_sarif(results),
    "github": lambda results, _colour: format_github(results),
    "html": lambda results, _colour: format_html(results),
}


def format_html(results: Sequence[FileResult]) -> str:
    """The HTML report; its module (and Jinja2) is imported for ``--format html`` only."""
    from .html_report import format_html as html

    return html(results)


STREAMING: dict[str, StreamingFormat] = {
    "text": StreamingFormat(format_text_result, lambda tally: summary(tally) + "\n"),
    "concise": StreamingFormat(format_concise_result, lambda tally: summary(tally) + "\n"),
    "jsonl": StreamingFormat(format_jsonl_result, lambda _tally: ""),
}


__all__ = ["FORMATTERS", "STREAMING", "StreamingFormat", "Tally", "summary"]
