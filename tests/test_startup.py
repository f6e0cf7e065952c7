"""Start-up: what runs before the first posting. Commands that print the catalogue, the help
or the version never import spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Runs the command line in a fresh interpreter and says whether spaCy was imported.
PROBE = """\
import sys
from jdlint.cli import main
sys.argv = ["jdlint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stderr.write("SPACY=%s\\n" % ("spacy" in sys.modules))
"""


def _imports_spacy(*args: str) -> bool:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    assert result.stdout, result.stderr  # the command printed what it is for
    return "SPACY=True" in result.stderr


@pytest.mark.parametrize(
    "args", [("rules",), ("rule", "JD101"), ("--help",), ("check", "--help"), ("--version",)]
)
def test_catalogue_help_and_version_do_not_import_spacy(args):
    assert not _imports_spacy(*args)


def test_the_probe_sees_spacy_when_a_posting_is_linted(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text("Data Engineer\n\nResponsibilities\n- Build ETL pipelines\n")
    assert _imports_spacy("--format", "concise", "--exit-zero", str(posting))
