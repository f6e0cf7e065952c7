from __future__ import annotations

import os

import pytest

from jdlint.linter import Linter

# Every jdlint the tests run, in process or as a subprocess (pre-commit too), lints afresh: a
# result cache left by an earlier run must never stand in for the code under test. The cache's
# own tests turn it back on, with a cache folder of their own.
os.environ["JDLINT_NO_CACHE"] = "1"


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()


@pytest.fixture(scope="session")
def lint(linter: Linter):
    """lint(text) -> FileResult, with the session's one pipeline."""
    return linter.lint_text
