"""Files that are no job postings (a README, a licence, a changelog, a requirements file, an
empty file) are skipped before linting, with a note under --verbose only."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main
from jdlint.non_postings import not_a_posting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PRESTIGE = (FIXTURES / "prestige-ml-woocommerce-chatbot.txt").read_text(encoding="utf-8")
REQUIREMENTS = (
    'spacy>=3.8,<3.9\n# the CLI\nclick>=8.1\n-r base.txt\ntomli; python_version < "3.11"\n'
)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("README.md", "# Careers site\n\nHow to publish a posting.\n", "a README"),
        ("LICENSE", "MIT License\n\nCopyright (c) 2025 Acme\n", "a licence"),
        ("docs/LICENCE.txt", "Permission is hereby granted\n", "a licence"),
        ("CHANGELOG.md", "## 1.0\n- first\n", "a changelog"),
        ("requirements.txt", REQUIREMENTS, "a requirements file"),
        ("dev-requirements.in", "pytest\nruff>=0.6\n", "a requirements file"),
        ("empty.md", "", "empty"),
        ("blank.txt", "\ufeff \n\n\t\n", "empty"),
    ],
)
def test_not_a_posting(tmp_path, name, content, reason):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert not_a_posting(path) == reason


@pytest.mark.parametrize(
    "name",
    ["requirements-first-ml-engineer.txt", "requirements-only-posting.txt", "missing-title.txt"],
)
def test_postings_named_like_requirements_are_postings(name):
    assert not_a_posting(FIXTURES / name) is None


def test_a_missing_file_is_left_to_the_reader(tmp_path):
    assert not_a_posting(tmp_path / "nope.txt") is None


def test_cli_skips_non_postings_with_a_note_in_verbose_mode_only(tmp_path):
    (tmp_path / "README.md").write_text("# Careers\n", encoding="utf-8")
    (tmp_path / "requirements.txt").write_text(REQUIREMENTS, encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "job.txt").write_text(PRESTIGE, encoding="utf-8")
    names = [str(tmp_path / n) for n in ("README.md", "requirements.txt", "empty.md", "job.txt")]
    quiet = CliRunner().invoke(main, ["--format", "concise", *names])
    assert quiet.exit_code == 1 and quiet.stderr == ""
    assert quiet.stdout.splitlines()[-1] == "Found 1 problem in 1 file."
    verbose = CliRunner().invoke(main, ["--format", "concise", "-v", *names])
    notes = verbose.stderr.splitlines()
    assert notes == [
        f"jdlint: {names[0]}: skipped, not a job posting (a README)",
        f"jdlint: {names[1]}: skipped, not a job posting (a requirements file)",
        f"jdlint: {names[2]}: skipped, not a job posting (empty)",
    ]
    only = CliRunner().invoke(main, names[:3])
    assert only.exit_code == 0 and only.stderr == ""
