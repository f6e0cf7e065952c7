"""``github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence

from ..results import FileResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(results: Sequence[FileResult]) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"::error file={_property(result.path)}::{_data(result.error)}")
        for f in result.findings:
            properties = ",".join(
                [
                    f"file={_property(result.path)}",
                    f"line={f.line}",
                    f"col={f.column}",
                    f"endLine={f.end_line}",
                    f"endColumn={f.end_column}",
                    f"title={_property(f'{f.code} {f.name}')}",
                ]
            )
            lines.append(f"::{_LEVEL[f.severity]} {properties}::{_data(f.message)}")
    return "".join(line + "\n" for line in lines)
