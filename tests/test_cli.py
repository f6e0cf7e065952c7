"""The command line: output lines, summary, exit codes, JSON contract and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from jdlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
PRESTIGE = FIXTURES / "prestige-ml-woocommerce-chatbot.txt"
HONEST = FIXTURES / "honest-ml-engineer-ranking.txt"


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def test_prestige_posting_prints_finding_with_evidence_and_title():
    result = run("--format", "concise", str(PRESTIGE))
    assert result.exit_code == 1
    first, summary = result.stdout.strip().splitlines()
    assert first.startswith(f"{PRESTIGE}:1:1: JD101 [error] title 'Senior Machine Learning")
    assert "consider 'Senior AI Engineer'" in first
    assert "(line 7)" in first  # evidence carries its line
    assert summary == "Found 1 problem in 1 file."


def test_honest_posting_is_clean():
    result = run(str(HONEST))
    assert result.exit_code == 0
    assert result.stdout == "No problems in 1 file.\n"


def test_json_output_matches_its_schema(tmp_path):
    result = run("--format", "json", str(FIXTURES), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    schema = json.loads((ROOT / "jdlint" / "schemas" / "output.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(document)
    files = {Path(f["path"]).name: f for f in document["files"]}
    prestige = files[PRESTIGE.name]
    assert prestige["title"]["roles"] == ["ml_engineer"]
    assert prestige["profile"]["primary"] == "ai_engineer"
    finding = prestige["findings"][0]
    assert finding["name"] == "prestige-ml-title"
    assert 2 <= len(finding["evidence"]) <= 4
    assert files["missing.txt"]["error"].endswith("no such file")


def test_json_offsets_slice_the_original_text():
    document = json.loads(run("--format", "json", str(FIXTURES)).stdout)
    for entry in document["files"]:
        text = Path(entry["path"]).read_text(encoding="utf-8")
        items = [entry["title"]] if entry["title"] else []
        items += entry["skills"] + entry["duties"]
        for item in items:
            assert text[item["start"] : item["end"]] == item["text"]
            line = text.splitlines()[item["line"] - 1]
            assert line[item["column"] - 1 :].startswith(item["text"].split("\n")[0])
        for finding in entry["findings"]:
            for evidence in finding["evidence"]:
                assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_stdin():
    posting = PRESTIGE.read_bytes()
    result = run("--format", "concise", "-", stdin=posting)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:1: JD101")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x7fELF\x02\x01\x00\x00\x00", "binary file, skipped"),
        ("latin1.txt", "Data Engineer at Café Ñu\n".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_file_gets_one_message_and_others_are_still_linted(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run(str(bad), str(PRESTIGE))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert message in result.stderr and str(bad) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "JD101" in result.stdout  # the good file was still linted


def test_missing_file_and_empty_directory(tmp_path):
    result = run(str(tmp_path / "nope.txt"), str(tmp_path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert any("no such file" in line for line in lines)
    assert any("no postings" in line for line in lines)


def test_encoding_option(tmp_path):
    posting = tmp_path / "latin1.txt"
    posting.write_bytes(
        HONEST.read_text(encoding="utf-8").replace("travellers", "voyageurs à").encode("latin-1")
    )
    assert run("--encoding", "latin-1", str(posting)).exit_code == 0


def test_directory_is_searched_in_a_stable_order(tmp_path):
    (tmp_path / "b.txt").write_text(PRESTIGE.read_text())
    (tmp_path / "a.md").write_text(HONEST.read_text())
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(PRESTIGE.read_text())
    document = json.loads(run("--format", "json", str(tmp_path)).stdout)
    assert [Path(f["path"]).name for f in document["files"]] == ["a.md", "b.txt"]


def test_bad_lexicon_is_a_usage_error(tmp_path):
    lexicon = tmp_path / "bad.json"
    lexicon.write_text('{"role": "ai_engineer"}')
    result = run("--lexicon", str(lexicon), str(HONEST))
    assert result.exit_code == 2
    assert result.stderr.startswith("jdlint: error: ")
    assert "bad.json" in result.stderr and "Traceback" not in result.stderr


def test_missing_model_is_a_usage_error():
    result = run("--model", "no_such_pipeline_xyz", str(HONEST))
    assert result.exit_code == 2
    assert "not installed" in result.stderr


def test_input_is_never_modified(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_bytes(PRESTIGE.read_bytes())
    before = posting.stat().st_mtime_ns, posting.read_bytes()
    run(str(posting))
    assert (posting.stat().st_mtime_ns, posting.read_bytes()) == before


# -- the rough edges a new user meets ----------------------------------------------------------


def test_top_level_help_shows_the_check_options_an_example_and_completion():
    out = run("--help").stdout
    assert "jdlint [OPTIONS] PATH..." in out
    assert "--format" in out and "--fail-on" in out  # check's options, not only --version
    assert "jdlint posting.txt" in out  # an example
    assert "_JDLINT_COMPLETE=bash_source jdlint" in out
    assert out.count("--help") == 1


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_flags(flag):
    result = run(flag)
    assert result.exit_code == 0
    assert result.stdout.startswith("jdlint, version ")


def test_shell_completion_offers_commands_and_check_options(monkeypatch):
    def complete(words: str) -> list[str]:
        monkeypatch.setenv("COMP_WORDS", words)
        monkeypatch.setenv("COMP_CWORD", str(len(words.split()) - (not words.endswith(" "))))
        monkeypatch.setenv("_JDLINT_COMPLETE", "bash_complete")
        result = CliRunner().invoke(main, [], prog_name="jdlint")
        return [line.split(",", 1)[1] for line in result.stdout.splitlines()]

    assert complete("jdlint ru") == ["rule", "rules"]
    assert "--format" in complete("jdlint --for")
    assert complete("jdlint --format js") == ["json", "jsonl"]


def test_statistics_honour_the_json_format():
    result = run("--isolated", "--statistics", "--format", "json", str(PRESTIGE))
    assert json.loads(result.stdout) == [
        {"code": "JD101", "name": "prestige-ml-title", "count": 1, "fixable": 0}
    ]


def test_colour_flag_and_environment(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    # CliRunner's output is not a terminal: auto means no colour, unless asked for
    assert "\x1b[" not in run("--isolated", str(PRESTIGE)).stdout
    assert "\x1b[" in run("--isolated", "--color", "always", str(PRESTIGE)).stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run("--isolated", str(PRESTIGE)).stdout
    assert "\x1b[" not in run("--isolated", "--color", "never", str(PRESTIGE)).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("--isolated", str(PRESTIGE)).stdout
    assert "\x1b[" in run("--isolated", "--color", "always", str(PRESTIGE)).stdout


def test_an_empty_no_color_leaves_colour_on(monkeypatch):
    import io
    import sys

    from jdlint.cli import use_colour

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: only a non-empty value turns it off
    assert use_colour(None) is True
    monkeypatch.setenv("FORCE_COLOR", "")
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert use_colour(None) is False
