"""The GitHub Action: which postings a change lints, and what the lint step leaves behind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jdlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CHANGED = ROOT / "action" / "changed-postings.sh"
LINT = ROOT / "action" / "lint.sh"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=True)
    return done.stdout.decode()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository of postings, one commit."""
    _git(tmp_path, "init", "-q")
    (tmp_path / "jobs").mkdir()
    shutil.copy(FIXTURES / "honest-qa-engineer.txt", tmp_path / "jobs" / "qa.txt")
    shutil.copy(FIXTURES / "honest-data-analyst-dashboards.txt", tmp_path / "jobs" / "bi.txt")
    (tmp_path / "README.md").write_text("# Our open roles\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first")
    return tmp_path


def _changed(repo: Path, *args: str) -> list[str]:
    done = subprocess.run([str(CHANGED), *args], cwd=repo, capture_output=True, check=True)
    return sorted(done.stdout.decode().split("\0")[:-1])


def test_a_change_lints_the_postings_it_added_or_modified_only(repo):
    base = _git(repo, "rev-parse", "HEAD").strip()
    shutil.copy(FIXTURES / "prestige-ml-woocommerce-chatbot.txt", repo / "jobs" / "ml engineer.txt")
    (repo / "jobs" / "qa.txt").write_text("QA Engineer\n\nWe test things.\n")
    (repo / "jobs" / "bi.txt").unlink()  # a deleted posting is not linted
    (repo / "README.md").write_text("# Our open roles, updated\n")  # jdlint skips a README
    (repo / "jobs" / "notes.rst").write_text("not a posting suffix\n")
    (repo / "jobs" / "logo.png").write_bytes(b"\x89PNG")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "second")
    assert _changed(repo, base) == ["README.md", "jobs/ml engineer.txt", "jobs/qa.txt"]
    assert _changed(repo, base, "docs") == []  # only below the paths given


def test_without_a_base_every_posting_below_the_paths(repo):
    assert _changed(repo, "") == ["README.md", "jobs/bi.txt", "jobs/qa.txt"]
    assert _changed(repo, "0" * 40, "jobs") == ["jobs/bi.txt", "jobs/qa.txt"]  # a new branch


def _lint(repo: Path, postings: list[str], args: str = "") -> tuple[int, dict[str, str], str]:
    listing = repo / "list"
    listing.write_bytes(b"".join(p.encode() + b"\0" for p in postings))
    outputs = repo / "outputs"
    outputs.write_text("")
    env = {**os.environ, "LIST": str(listing), "SARIF": "jdlint.sarif", "ARGS": args}
    env |= {
        "GITHUB_OUTPUT": str(outputs),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    done = subprocess.run([str(LINT)], cwd=repo, env=env, capture_output=True, text=True)
    values = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    return done.returncode, values, done.stdout


def test_lint_step_writes_sarif_and_annotations_and_reports_the_exit_code(repo):
    shutil.copy(FIXTURES / "prestige-ml-woocommerce-chatbot.txt", repo / "jobs" / "ml engineer.txt")
    postings = ["README.md", "jobs/ml engineer.txt", "jobs/qa.txt"]
    code, outputs, stdout = _lint(repo, postings, "--select JD1")
    assert code == 0  # the upload step still runs; the action's last step fails the job
    assert outputs == {"sarif-file": "jdlint.sarif", "exit-code": "1"}
    sarif = json.loads((repo / "jdlint.sarif").read_text())
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["JD101"]
    assert stdout.startswith("::error file=jobs/ml engineer.txt,line=1")
    # the same postings with the error rules switched off pass
    _, outputs, _ = _lint(repo, ["jobs/qa.txt"], "--select JD1")
    assert outputs["exit-code"] == "0"


def test_lint_step_with_nothing_changed(repo):
    code, outputs, stdout = _lint(repo, [])
    assert code == 0 and outputs == {"sarif-file": "", "exit-code": "0"}
    assert "nothing to lint" in stdout


def test_action_runs_its_scripts_with_options_jdlint_has():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    scripts = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "action/changed-postings.sh" in scripts and "action/lint.sh" in scripts
    uses = [step["uses"] for step in action["runs"]["steps"] if "uses" in step]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    help_text = CliRunner().invoke(main, ["check", "--help"]).stdout
    for option in ("--format", "--output", "--exit-zero"):
        assert option in LINT.read_text() and option in help_text
