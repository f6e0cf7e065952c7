"""jdlint: a linter for job postings.

Reads a posting, works out which role its duties describe and whether the title names it.
The public API is imported lazily so that ``import jdlint`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Linter", "lint_file", "lint_files", "lint_text", "__version__"]

if TYPE_CHECKING:
    from .linter import Linter, lint_file, lint_files, lint_text


def __getattr__(name: str) -> Any:
    if name in {"Linter", "lint_file", "lint_files", "lint_text"}:
        from . import linter

        return getattr(linter, name)
    raise AttributeError(f"module 'jdlint' has no attribute {name!r}")
