"""The pre-commit hook, run by the real pre-commit against a throwaway repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hr_repo(tmp_path_factory):
    if shutil.which("pre-commit") is None or shutil.which("git") is None:
        pytest.skip("pre-commit and git are needed (pip install -e '.[test]')")
    repo = tmp_path_factory.mktemp("hr-repo")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "hr@example.com")
    _git(repo, "config", "user.name", "HR")
    (repo / "bad.txt").write_bytes((FIXTURES / "prestige-ml-woocommerce-chatbot.txt").read_bytes())
    (repo / "good.md").write_bytes((FIXTURES / "honest-ml-engineer-ranking.txt").read_bytes())
    (repo / "notes.py").write_text("print('not a posting')\n")
    (repo / "package.json").write_text('{"name": "careers-site", "private": true}\n')
    (repo / "job.html").write_bytes((FIXTURES / "jobposting-page-prestige-ml.html").read_bytes())
    (repo / "role.text").write_bytes(
        (FIXTURES / "prestige-ml-woocommerce-chatbot.txt").read_bytes()
    )
    # A repository's own files, which are no postings.
    (repo / "README.md").write_text("# Careers site\n\nOur open roles.\n")
    (repo / "LICENSE").write_text("MIT License\n\nCopyright (c) 2025 Acme\n")
    (repo / "requirements.txt").write_text("spacy>=3.8\nclick>=8.1\n")
    (repo / "empty.md").write_text("")
    (repo / "tsconfig.json").write_text('{\n  // comments are allowed here\n  "strict": true\n}\n')
    _git(repo, "add", ".")
    return repo


def _try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "jdlint", "--files", *files],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_fails_on_a_mismatching_posting(hr_repo):
    result = _try_repo(hr_repo, "bad.txt", "good.md", "job.html", "role.text")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "JD101" in result.stdout and "bad.txt" in result.stdout
    assert "job.html" in result.stdout  # the page's JobPosting, read as a posting
    assert "role.text" in result.stdout  # .text is a plain-text posting too


def test_hook_passes_on_a_good_posting_and_skips_other_files(hr_repo):
    others = ["README.md", "LICENSE", "requirements.txt", "empty.md", "tsconfig.json"]
    result = _try_repo(hr_repo, "good.md", "notes.py", "package.json", *others)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    assert not any(name in result.stdout for name in others)
