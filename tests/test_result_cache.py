"""The result cache: a re-run over unchanged postings is served from it without loading spaCy;
a changed posting, configuration or lexicon is linted again; a bad entry is a miss."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint import lexicon as lexicon_module
from jdlint import parallel
from jdlint.cli import main
from jdlint.result_cache import GITIGNORE, ResultCache, clean
from jdlint.results import FileResult

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PRESTIGE = (FIXTURES / "prestige-ml-woocommerce-chatbot.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def cache_on(monkeypatch):
    monkeypatch.delenv("JDLINT_NO_CACHE", raising=False)


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)  # configuration discovery stops here
    (root / "ml.txt").write_text(PRESTIGE, encoding="utf-8")
    return root


def run(repo: Path, *args: str) -> dict:
    result = CliRunner().invoke(
        main,
        ["--format", "json", "--exit-zero", "--cache-dir", str(repo / ".jdlint_cache"), *args],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def entries(repo: Path) -> list[Path]:
    return sorted((repo / ".jdlint_cache").glob("*/*.json"))


def codes(document: dict) -> list[str]:
    return [f["code"] for entry in document["files"] for f in entry["findings"]]


def test_a_result_survives_the_round_trip_through_json(linter):
    paths = sorted(p for p in FIXTURES.iterdir() if p.suffix != ".expected")
    results = [r for r in linter.lint_files(paths) if not r.error]
    assert len(results) > 50
    for result in results:
        again = FileResult.from_dict(json.loads(json.dumps(result.to_dict())), result.text)
        assert again == result, result.path


def test_a_rerun_over_unchanged_postings_loads_no_spacy(probed, repo):
    env = {k: v for k, v in os.environ.items() if k != "JDLINT_NO_CACHE"}
    args = ("--format", "json", "--exit-zero", "ml.txt")
    (first, first_imported), (second, second_imported) = (
        probed(*args, cwd=repo, env=env) for _ in range(2)
    )
    assert "spacy" in first_imported
    assert "spacy" not in second_imported, second.stderr
    assert second.stdout == first.stdout and "JD101" in first.stdout
    # The default folder is in the working directory and keeps itself out of git.
    assert (repo / ".jdlint_cache" / ".gitignore").read_text() == GITIGNORE
    assert (repo / ".jdlint_cache" / "CACHEDIR.TAG").is_file()


def test_unchanged_is_served_and_a_changed_posting_is_linted_again(repo):
    first = run(repo, str(repo / "ml.txt"))
    assert len(entries(repo)) == 1 and codes(first) == ["JD101"]
    assert run(repo, str(repo / "ml.txt")) == first
    assert len(entries(repo)) == 1
    (repo / "ml.txt").write_text(PRESTIGE.replace("Machine Learning", "AI", 1), encoding="utf-8")
    changed = run(repo, str(repo / "ml.txt"))
    assert len(entries(repo)) == 2 and codes(changed) == []
    assert not list((repo / ".jdlint_cache").rglob("*.tmp"))  # written by rename, nothing left


def test_a_changed_configuration_is_linted_again(repo):
    assert codes(run(repo, str(repo / "ml.txt"))) == ["JD101"]
    (repo / ".jdlint.toml").write_text('ignore = ["JD101"]\n', encoding="utf-8")
    assert codes(run(repo, str(repo / "ml.txt"))) == []
    (repo / ".jdlint.toml").write_text('severity = { JD101 = "warning" }\n', encoding="utf-8")
    findings = run(repo, str(repo / "ml.txt"))["files"][0]["findings"]
    assert [f["severity"] for f in findings] == ["warning"]
    assert len(entries(repo)) == 3


def test_a_changed_lexicon_is_linted_again(repo):
    posting = repo / "ml.txt"
    posting.write_text(PRESTIGE + "- Ship it with AcmeRetriever\n", encoding="utf-8")
    lexicon = repo / "extra.json"

    def skills(document: dict) -> list[str]:
        return [s["canonical"] for s in document["files"][0]["skills"]]

    def write_lexicon(term: str) -> None:
        skill = {"term": term, "variants": [term.lower()], "weight": 3}
        data = {"role": "ai_engineer", "name": "AI Engineer", "description": "test",
                "title": {"terms": [], "heads": []}, "skills": [skill], "duties": [],
                "sources": ["test"]}  # fmt: skip
        lexicon.write_text(json.dumps(data), encoding="utf-8")

    write_lexicon("AcmeRetriever")
    assert "AcmeRetriever" in skills(run(repo, "--lexicon", str(lexicon), str(posting)))
    write_lexicon("SomethingElse")
    # Each jdlint run is a new process; in this one, forget the lexicon it loaded by path.
    parallel._linter.cache_clear()
    lexicon_module._load.cache_clear()
    assert "AcmeRetriever" not in skills(run(repo, "--lexicon", str(lexicon), str(posting)))
    assert "AcmeRetriever" not in skills(run(repo, str(posting)))  # no lexicon: its own entry
    assert len(entries(repo)) == 3


@pytest.mark.parametrize(
    "bad", ["{not json", "[]", '{"key": "other", "result": {}}', '{"key": "KEY", "result": {}}']
)
def test_a_bad_entry_is_ignored_and_replaced(repo, bad):
    first = run(repo, str(repo / "ml.txt"))
    (entry,) = entries(repo)
    entry.write_text(bad.replace("KEY", entry.stem), encoding="utf-8")
    assert run(repo, str(repo / "ml.txt")) == first
    assert json.loads(entry.read_text(encoding="utf-8"))["key"] == entry.stem


def test_no_cache_neither_reads_nor_writes(repo, monkeypatch):
    run(repo, "--no-cache", str(repo / "ml.txt"))
    assert not (repo / ".jdlint_cache").exists()
    monkeypatch.setenv("JDLINT_NO_CACHE", "1")
    run(repo, str(repo / "ml.txt"))
    assert not (repo / ".jdlint_cache").exists()
    monkeypatch.setenv("JDLINT_NO_CACHE", "0")
    run(repo, str(repo / "ml.txt"))
    assert len(entries(repo)) == 1


def test_a_cache_folder_that_cannot_be_written_is_left_alone(tmp_path, linter):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = ResultCache(blocker / "cache", encoding=None, max_bytes=1000, input_format=None)
    cache.put("0" * 64, linter.lint_text(PRESTIGE))  # no exception
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_clean_removes_the_cache_and_nothing_that_is_not_one(repo, tmp_path):
    run(repo, str(repo / "ml.txt"))
    result = CliRunner().invoke(main, ["clean", "--cache-dir", str(repo / ".jdlint_cache")])
    assert result.exit_code == 0 and "Removed" in result.stdout
    assert not (repo / ".jdlint_cache").exists() and (repo / "ml.txt").exists()
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me", encoding="utf-8")
    assert not clean(precious)
    result = CliRunner().invoke(main, ["clean", "--cache-dir", str(precious)])
    assert "No jdlint cache" in result.stdout and (precious / "notes.txt").exists()


def test_jobs_with_the_cache_on_lint_what_is_not_cached(repo):
    # The cache lookup resolves each file's rules; the rules then cross to the workers.
    for n in range(4):
        (repo / f"job{n}.txt").write_text(PRESTIGE.replace("Shopwise", f"Shop{n}"), "utf-8")
    run(repo, str(repo / "ml.txt"))  # one posting cached, four not
    document = run(repo, "--jobs", "2", str(repo))
    assert codes(document) == ["JD101"] * 5
    assert document == run(repo, "--no-cache", str(repo))
