"""Start-up: what runs before the first posting. Commands that print the catalogue, the help
or the version never import spaCy."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "args",
    [("rules",), ("rule", "JD101"), ("--help",), ("check", "--help"), ("--version",), ("-V",)],
)
def test_catalogue_help_and_version_do_not_import_spacy(probed, args):
    result, imported = probed(*args)
    assert result.stdout, result.stderr  # the command printed what it is for
    assert imported == set()


def test_linting_loads_spacy_but_validates_no_builtin_lexicon(probed, tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text("Data Engineer\n\nResponsibilities\n- Build ETL pipelines\n")
    result, imported = probed("--format", "concise", "--exit-zero", str(posting))
    assert result.stdout, result.stderr
    assert imported - {"jinja2"} == {"spacy"}  # spaCy imports jinja2 itself
