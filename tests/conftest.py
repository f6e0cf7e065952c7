from __future__ import annotations

import pytest

from jdlint.linter import Linter


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()


@pytest.fixture(scope="session")
def lint(linter: Linter):
    """lint(text) -> FileResult, with the session's one pipeline."""
    return linter.lint_text
