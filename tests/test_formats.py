"""Output formats: text, concise, json, sarif (valid SARIF 2.1.0) and github."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from jdlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
PRESTIGE = FIXTURES / "prestige-ml-woocommerce-chatbot.txt"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["--isolated", *args], env=env, catch_exceptions=False)


def test_text_shows_the_source_line_and_a_marker():
    out = run(str(PRESTIGE)).stdout.splitlines()
    assert out[0] == f"{PRESTIGE}:1:1: JD101 [error] prestige-ml-title"
    assert out[2] == "1 | Senior Machine Learning Engineer (m/f/d)"
    assert out[3] == "  | " + "^" * len("Senior Machine Learning Engineer (m/f/d)")
    assert out[4].startswith("  = title 'Senior Machine Learning Engineer (m/f/d)' names")
    assert out[5] == "  = help: consider 'Senior AI Engineer'"
    assert "\x1b[" not in "\n".join(out)  # no colour when not on a terminal


def test_text_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from jdlint.formatters import FORMATTERS
    from jdlint.linter import Linter

    results = Linter().lint_files([PRESTIGE])
    assert "\x1b[" in FORMATTERS["text"](results, True)
    assert "\x1b[" not in FORMATTERS["text"](results, False)
    # the CLI decides: a terminal, no --output and no NO_COLOR
    import io
    import sys

    from jdlint.cli import use_colour

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(None) is True
    assert use_colour("report.txt") is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour(None) is False
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.delenv("NO_COLOR")
    assert use_colour(None) is False


def test_concise():
    out = run("--format", "concise", str(PRESTIGE)).stdout.splitlines()
    assert out[0].startswith(f"{PRESTIGE}:1:1: JD101 [error] title 'Senior Machine Learning")
    assert out[-1] == "Found 1 problem in 1 file."


def test_sarif_is_valid_and_has_what_code_scanning_needs(tmp_path):
    posting = tmp_path / "postings" / "ml engineer.txt"
    posting.parent.mkdir()
    posting.write_text(PRESTIGE.read_text(encoding="utf-8"), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run("--format", "sarif", "postings", str(tmp_path / "missing.txt"))
    finally:
        os.chdir(cwd)
    document = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(document)
    run_ = document["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "jdlint" and driver["version"] and driver["informationUri"]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
    (finding,) = run_["results"]
    assert finding["ruleId"] == "JD101" and finding["level"] == "error"
    assert driver["rules"][finding["ruleIndex"]]["id"] == "JD101"
    location = finding["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "postings/ml%20engineer.txt"
    assert location["region"] == {
        "startLine": 1,
        "startColumn": 1,
        "endLine": 1,
        "endColumn": 41,
        "charOffset": 0,
        "charLength": 40,
    }
    assert finding["partialFingerprints"]["jdlintFinding/v1"]
    notification = run_["invocations"][0]["toolExecutionNotifications"][0]
    assert "no such file" in notification["message"]["text"]


def test_sarif_fingerprint_survives_edits_elsewhere(tmp_path):
    posting = tmp_path / "p.txt"
    text = PRESTIGE.read_text(encoding="utf-8")
    posting.write_text(text, encoding="utf-8")
    first = json.loads(run("--format", "sarif", str(posting)).stdout)
    posting.write_text(text.replace("4,000", "5,000"), encoding="utf-8")
    second = json.loads(run("--format", "sarif", str(posting)).stdout)
    fingerprint = [d["runs"][0]["results"][0]["partialFingerprints"] for d in (first, second)]
    assert fingerprint[0] == fingerprint[1]


def test_github_annotations():
    out = run("--format", "github", str(PRESTIGE)).stdout.splitlines()
    assert len(out) == 1
    assert out[0].startswith(
        f"::error file={PRESTIGE},line=1,col=1,endLine=1,endColumn=41,"
        "title=JD101 prestige-ml-title::title 'Senior Machine Learning Engineer (m/f/d)'"
    )


def test_github_escapes_properties_and_data():
    from jdlint.formatters.github import _data, _property

    assert _property("a:b,c%") == "a%3Ab%2Cc%25"
    assert _data("line\nnext 100%") == "line%0Anext 100%25"


def test_jobs_give_identical_output():
    args = ("--format", "json", str(FIXTURES))
    one = run(*args, "--jobs", "1").stdout
    two = run(*args, "--jobs", "2").stdout
    assert one == two
    assert len(json.loads(one)["files"]) >= 30


def test_sarif_carries_fixes_that_validate(tmp_path):
    posting = tmp_path / "p.txt"
    text = "Machine Learning Engineer\n\n- Train models in Pytorch\n\nRemote. EUR 90,000-100,000.\n"
    posting.write_text(text, encoding="utf-8")
    document = json.loads(run("--format", "sarif", str(posting)).stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(document)
    (fixed,) = [r for r in document["runs"][0]["results"] if "fixes" in r]
    (change,) = fixed["fixes"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    region = replacement["deletedRegion"]
    start, length = region["charOffset"], region["charLength"]
    assert text[start : start + length] == "Pytorch"
    assert replacement["insertedContent"]["text"] == "PyTorch"


def test_text_cuts_a_long_source_line_around_the_span(lint):
    from jdlint.formatters.text import format_text

    filler = "We are a company. " * 300  # a posting flattened onto one line
    result = lint("Senior Software Engineer\n\n" + filler + "Be a rockstar. " + filler + "\n")
    lines = format_text([result]).splitlines()
    at = lines.index(next(line for line in lines if "hero-title" in line))
    source, marker = lines[at + 2], lines[at + 3]
    assert source.startswith("3 | …") and source.endswith("…")
    assert len(source) < 150
    start = marker.index("^")
    assert source[start : start + marker.count("^")] == "rockstar"


def _asdict_reference(result):
    from dataclasses import asdict

    data = asdict(result)
    for name in ("text", "skipped", "row"):
        data.pop(name)
    if result.error is None:
        data.pop("error")
    return data


def test_json_is_json_dumps_of_to_dict_and_to_dict_is_asdict(lint):
    """The JSON writer and ``to_dict`` work field by field, for speed: they must give what
    ``json.dumps(indent=2)`` and ``dataclasses.asdict`` give, on every fixture and on odd
    values (an error, a fix, evidence, floats json spells specially, non-ASCII, controls)."""
    from dataclasses import replace

    from jdlint import __version__
    from jdlint.formatters.json_format import format_json
    from jdlint.results import EvidenceItem, FileResult, Finding, Fix, Profile

    results = [lint(path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*.txt"))]
    finding = Finding(
        "JD501", "x", "warning", 'quote " and \\ and \n\t\x00 é 😀', 1, 2, 3, 4, 5, 6,
        suggestion=None,
        evidence=(EvidenceItem("skill", "PyTorch", "ml_engineer", 1, 1, 0, 7),),
        fix=Fix(0, 7, "PyTorch"),
    )  # fmt: skip
    odd = replace(
        results[0],
        profile=Profile(None, float("nan"), {"a": float("inf"), "b": -0.0, "c": 1e-7}),
        findings=(finding,),
    )
    results += [odd, FileResult("gone.txt", error="gone.txt: cannot read"), FileResult("e")]
    for result in results:
        assert result.to_dict() == _asdict_reference(result)
    document = {"jdlint_version": __version__, "files": [r.to_dict() for r in results]}
    assert format_json(results) == json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    assert (
        format_json([])
        == json.dumps({"jdlint_version": __version__, "files": []}, indent=2, ensure_ascii=False)
        + "\n"
    )
