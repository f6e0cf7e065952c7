"""Start-up: what runs before the first posting. Commands that print the catalogue, the help
or the version never import spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Runs the command line in a fresh interpreter and says which heavy modules it imported.
PROBE = """\
import sys
from jdlint.cli import main
sys.argv = ["jdlint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
for name in ("spacy", "jsonschema"):
    sys.stderr.write("%s=%s\\n" % (name, name in sys.modules))
"""


def _imports(*args: str) -> set[str]:
    """The heavy modules among spaCy and jsonschema that ``jdlint ARGS`` imports."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    assert result.stdout, result.stderr  # the command printed what it is for
    return {name for name in ("spacy", "jsonschema") if f"{name}=True" in result.stderr}


@pytest.mark.parametrize(
    "args", [("rules",), ("rule", "JD101"), ("--help",), ("check", "--help"), ("--version",)]
)
def test_catalogue_help_and_version_do_not_import_spacy(args):
    assert _imports(*args) == set()


def test_linting_loads_spacy_but_validates_no_builtin_lexicon(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text("Data Engineer\n\nResponsibilities\n- Build ETL pipelines\n")
    assert _imports("--format", "concise", "--exit-zero", str(posting)) == {"spacy"}
