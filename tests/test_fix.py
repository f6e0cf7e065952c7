"""--fix: only the misspelled names change, only when asked, atomically, byte for byte."""

from __future__ import annotations

import codecs
import json
import os

import pytest
from click.testing import CliRunner

from jdlint.cli import main

POSTING = (
    "Machine Learning Engineer\n\n"
    "Responsibilities\n"
    "- Train models in Pytorch and Tensorflow on our data\n"
    "- Build services in Javascript on Postgre SQL\n"
    "- Remote (EU). Salary: EUR 90,000-110,000\n"
)
FIXED = (
    POSTING.replace("Pytorch", "PyTorch")
    .replace("Tensorflow", "TensorFlow")
    .replace("Javascript", "JavaScript")
    .replace("Postgre SQL", "PostgreSQL")
)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def codes(result) -> list[str]:
    document = json.loads(result.stdout)
    return [f["code"] for entry in document["files"] for f in entry.get("findings", [])]


def test_without_fix_the_file_is_not_touched(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_bytes(POSTING.encode())
    before = os.stat(path).st_mtime_ns
    result = run("--format", "json", str(path))
    assert codes(result) == ["JD504"] * 4
    assert path.read_bytes() == POSTING.encode() and os.stat(path).st_mtime_ns == before
    fixes = [f["fix"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert [POSTING[f["start"] : f["end"]] for f in fixes] == [
        "Pytorch",
        "Tensorflow",
        "Javascript",
        "Postgre SQL",
    ]


@pytest.mark.parametrize(
    ("encode", "decode"),
    [
        (lambda t: t.encode(), lambda b: b.decode()),
        (lambda t: t.replace("\n", "\r\n").encode(), lambda b: b.decode().replace("\r\n", "\n")),
        (lambda t: codecs.BOM_UTF8 + t.encode(), lambda b: b[3:].decode()),
        (
            lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
            lambda b: b[2:].decode("utf-16-le"),
        ),
        (
            lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
            lambda b: b[2:].decode("utf-16-be"),
        ),
    ],
    ids=["utf-8", "crlf", "utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_fix_rewrites_only_the_names_and_keeps_every_other_byte(tmp_path, encode, decode):
    path = tmp_path / "posting.txt"
    path.write_bytes(encode(POSTING))
    path.chmod(0o640)
    result = run("--fix", "--format", "json", str(path))
    assert result.exit_code == 0, result.output
    assert codes(result) == []  # linted again after fixing
    assert path.read_bytes() == encode(FIXED)
    assert decode(path.read_bytes()) == FIXED
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["posting.txt"]  # no temporary file left
    assert "Fixed 4 problems in 1 file." in result.stderr


def test_fix_leaves_code_blocks_and_other_findings_alone(tmp_path):
    markdown = (
        "# Machine Learning Engineer\n\n"
        "You will train models in Pytorch. Remote (EU), EUR 90,000-110,000.\n"
        "We are a meritocracy.\n\n"
        "```\nimport Pytorch  # not prose\n```\n"
    )
    path = tmp_path / "posting.md"
    path.write_text(markdown, encoding="utf-8")
    result = run("--fix", "--format", "json", str(path))
    assert path.read_text(encoding="utf-8") == markdown.replace(
        "train models in Pytorch", "train models in PyTorch"
    )
    assert codes(result) == ["JD608"]  # not fixable: still reported
    assert result.exit_code == 0  # info does not fail the run


def test_fix_in_a_jsonld_string_keeps_the_json_valid(tmp_path):
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Machine Learning Engineer",
        "description": "<p>Train models in Pytorch and Tensorflow.</p>",
        "jobLocation": {"@type": "Place", "address": "Berlin"},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR"},
    }
    path = tmp_path / "job.json"
    path.write_text(json.dumps(posting, indent=2), encoding="utf-8")
    run("--fix", str(path))
    fixed = json.loads(path.read_text(encoding="utf-8"))
    assert fixed["description"] == "<p>Train models in PyTorch and TensorFlow.</p>"
    assert {k: v for k, v in fixed.items() if k != "description"} == {
        k: v for k, v in posting.items() if k != "description"
    }


def test_stdin_is_never_fixed():
    result = CliRunner().invoke(main, ["--fix", "--format", "json", "-"], input=POSTING)
    assert codes(result) == ["JD504"] * 4


def test_a_symlink_is_fixed_through_to_its_target(tmp_path):
    target = tmp_path / "shared" / "posting.txt"
    target.parent.mkdir()
    target.write_bytes(POSTING.encode())
    link = tmp_path / "posting.txt"
    link.symlink_to(target)
    run("--isolated", "--fix", str(link))
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes() == FIXED.encode()


def test_hard_links_stay_one_file(tmp_path):
    first = tmp_path / "posting.txt"
    first.write_bytes(POSTING.encode())
    second = tmp_path / "copy.txt"
    os.link(first, second)
    run("--isolated", "--fix", str(first))
    assert os.path.samefile(first, second)
    assert second.read_bytes() == FIXED.encode()


def test_a_read_only_file_is_not_rewritten(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_bytes(POSTING.encode())
    locked.chmod(0o444)
    other = tmp_path / "other.txt"
    other.write_bytes(POSTING.encode())
    result = run("--isolated", "--fix", str(locked), str(other))
    assert result.exit_code == 2
    assert f"jdlint: error: {locked}: is read-only; not fixed" in result.stderr
    assert locked.read_bytes() == POSTING.encode()
    assert other.read_bytes() == FIXED.encode()
