"""Hostile inputs: one bad input is that input's error, never the run's.

The corpus is written by the tests into a temporary folder (no binary blob in the
repository): for each class of bad input, a file beside a good posting, and the run must
give one message naming the bad file, exit 2, no traceback, and the good posting's findings
as they are on their own.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from jdlint import fixes
from jdlint.cli import main
from jdlint.errors import InputError
from jdlint.linter import Linter
from jdlint.readers import read_posting
from jdlint.source import Source

GOOD = "Data Engineer\n\nResponsibilities\n- Build ETL pipelines with Airflow and dbt\n"
FIXABLE = "Data Engineer\n\nResponsibilities\n- Train models in Pytorch\n"


def _posting(description: str) -> str:
    """A JobPosting whose description is raw JSON string content (escapes as written)."""
    return (
        '{"@context": "https://schema.org", "@type": "JobPosting", '
        f'"title": "Data Engineer", "description": "{description}"}}'
    )


# name -> content: each is one class of input that used to stop the whole run
BAD_FILES = {
    "bad-escape.json": _posting(r"Build \uZZZZ pipelines"),
    "short-escape.json": _posting(r"Build \u12"),
    "int-style-escape.json": _posting(r"Build \u+1_2 pipelines"),
    "lone-high-surrogate.json": _posting(r"Build \ud800 pipelines"),
    "lone-low-surrogate.json": _posting(r"Build \udc00 pipelines"),
    "bad-pair.json": _posting(r"Build \udbff\uffff pipelines"),
    "page-surrogate.html": (
        '<html><body><script type="application/ld+json">'
        + _posting(r"\ud800")
        + "</script></body></html>"
    ),
}
# name -> content: odd but valid, linted as postings like any other
ODD_FILES = {
    "long-integer.json": _posting("Build ETL pipelines").replace(
        '"title"', '"x": ' + "9" * 5000 + ', "title"'
    ),
    "marked-section.html": "<h1>Data Engineer</h1><![ x><p>Build ETL pipelines</p>",
    "unknown-marked-section.html": "<h1>Data Engineer</h1><![foo[ <p>Build ETL pipelines</p>",
    "cdata.html": "<h1>Data Engineer</h1><![CDATA[x]]><![if !IE]><p>Build pipelines</p>",
    "unclosed-marked-section.html": "<h1>Data Engineer</h1><p>Build ETL pipelines</p><![",
}


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _alone(path: Path, *options: str) -> str:
    return run("--format", "concise", *options, str(path)).stdout


def _assert_isolated(result, good: Path, bad: str, alone: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    messages = [line for line in result.stderr.splitlines() if line.startswith("jdlint:")]
    assert len(messages) == 1 and bad in messages[0], result.stderr
    assert "internal error" not in messages[0]
    good_lines = [line for line in result.stdout.splitlines() if line.startswith(str(good))]
    assert good_lines == [line for line in alone.splitlines() if line.startswith(str(good))]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_input_is_its_own_error_and_the_others_are_linted(tmp_path, good, name, jobs):
    bad = tmp_path / name
    bad.write_text(BAD_FILES[name], encoding="utf-8")
    alone = _alone(good)
    result = run("--format", "concise", "--jobs", jobs, str(good), str(bad), str(good))
    _assert_isolated(result, good, name, alone + alone)


@pytest.mark.parametrize("name", sorted(ODD_FILES))
def test_odd_but_valid_inputs_are_linted(tmp_path, name):
    path = tmp_path / name
    path.write_text(ODD_FILES[name], encoding="utf-8")
    result = run("--format", "json", str(path))
    assert result.exit_code in (0, 1), result.output
    (only,) = json.loads(result.stdout)["files"]
    assert "error" not in only
    assert only["title"]["text"] == "Data Engineer"


@pytest.mark.parametrize("output_format", ["text", "concise", "json", "sarif", "github", "html"])
def test_a_bug_met_on_one_posting_is_an_internal_error_naming_it(
    tmp_path, good, monkeypatch, output_format
):
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD.replace("Airflow", "Kafka"), encoding="utf-8")
    real = Linter._result

    def fail_on_bad(self, source, doc, config):
        if source.path == str(bad):
            raise KeyError("boom")
        return real(self, source, doc, config)

    monkeypatch.setattr(Linter, "_result", fail_on_bad)
    result = run("--format", output_format, str(good), str(bad))
    assert result.exit_code == 2 and "Traceback" not in result.output
    (message,) = result.stderr.splitlines()
    assert message.startswith(f"jdlint: error: {bad}: internal error (KeyError: 'boom')")
    assert "please report it" in message
    # SARIF gives paths relative to the working folder when it can ("../pytest-of-root/...")
    assert (good.name if output_format == "sarif" else str(good)) in result.stdout
    if output_format in ("json", "sarif", "github", "html"):
        assert "bad.txt" in result.stdout and "internal error" in result.stdout


def test_a_pipeline_failure_on_one_posting_spares_the_rest_of_its_batch(monkeypatch):
    linter = Linter()
    real = linter._make_doc

    def make_doc(text):
        if "Poison" in text:
            raise RuntimeError("tokenizer")
        return real(text)

    monkeypatch.setattr(linter, "_make_doc", make_doc)
    sources = [Source(f"{n}.txt", GOOD) for n in range(5)]
    sources[2] = Source("2.txt", "Poison Engineer\n")
    results = list(linter.lint_sources(sources))
    assert [bool(r.error) for r in results] == [False, False, True, False, False]
    assert "internal error (RuntimeError: tokenizer)" in results[2].error


def test_a_lone_surrogate_from_any_decoder_is_refused(linter):
    (result,) = linter.lint_sources([Source("s.txt", "Data Engineer\n\ud800\n")])
    assert result.error == "s.txt: contains a lone surrogate (U+D800), which is not text"


def test_symlink_loops_as_posting_config_and_lexicon(tmp_path, good):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    _assert_isolated(
        run("--format", "concise", str(good), str(loop)), good, "loop.txt", _alone(good)
    )
    for option in ("--config", "--lexicon"):
        result = run(option, str(loop), str(good))
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert result.stderr.count("jdlint: error:") == 1 and "loop.txt" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path, good):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run("--format", "concise", str(good), str(fifo))
    _assert_isolated(result, good, "pipe.txt", _alone(good))
    assert "not a regular file (a FIFO)" in result.stderr
    for option in ("--config", "--lexicon"):
        result = run(option, str(fifo), str(good))
        assert result.exit_code == 2 and "a FIFO" in result.stderr


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses such file names")
@pytest.mark.parametrize("output_format", ["text", "concise", "json", "sarif", "github", "html"])
def test_a_file_name_that_is_not_utf8(tmp_path, good, output_format):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = run("--format", output_format, "-o", str(out), str(good), str(tmp_path / name))
    assert result.exit_code == 1, result.output
    text = out.read_bytes().decode("utf-8")  # the output stays UTF-8
    assert "caf%E9.txt" in text if output_format == "sarif" else "caf\\udce9.txt" in text
    result = run("--format", output_format, str(tmp_path / name))
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_output_into_a_missing_folder_is_one_message(tmp_path, good):
    result = run("-o", str(tmp_path / "missing" / "out.txt"), str(good))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"jdlint: error: {tmp_path / 'missing' / 'out.txt'}: cannot write the output: "
        "No such file or directory"
    ]


def test_a_huge_max_bytes_allocates_nothing_up_front(good):
    result = run("--format", "concise", "--max-bytes", "1000000000000000", str(good))
    assert result.exit_code == 1 and result.stdout == _alone(good)


def test_pyproject_whose_tool_is_not_a_table(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "p.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("tool = 1\n", encoding="utf-8")
    assert run(str(tmp_path / "p.txt")).exit_code == 1  # no jdlint configuration: defaults
    (tmp_path / "pyproject.toml").write_text("[tool]\njdlint = 1\n", encoding="utf-8")
    result = run(str(tmp_path / "p.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"jdlint: error: {tmp_path / 'pyproject.toml'}: [tool.jdlint]: is not a table"
    )


def test_fix_that_cannot_write_one_file_fixes_the_others(tmp_path, monkeypatch):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (first, second):
        path.write_text(FIXABLE, encoding="utf-8")
    real = fixes.tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        if kwargs.get("prefix", "").startswith(".a.txt"):
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)

    monkeypatch.setattr(fixes.tempfile, "mkstemp", mkstemp)
    result = run("--fix", "--format", "concise", str(first), str(second))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"jdlint: error: {first}: cannot write the fix: Permission denied" in result.stderr
    assert "Pytorch" in first.read_text() and "PyTorch" in second.read_text()
    assert str(first) in result.stdout  # the report is printed


def test_a_broken_user_lexicon_is_one_error_however_often_it_is_read(tmp_path):
    from jdlint.lexicon import load_role_file

    broken = tmp_path / "broken.json"
    broken.write_text('{"role": "ai_engineer"}', encoding="utf-8")
    for _ in range(2):  # users' files are validated on every read: nothing remembers them
        result = run("--lexicon", str(broken), str(tmp_path))
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert result.stderr.startswith(
            f"jdlint: error: {broken}: $: 'name' is a required property"
        )
    with pytest.raises(Exception, match="required property"):
        load_role_file(broken)


@pytest.mark.parametrize(
    "separator", ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
)
def test_text_format_shows_the_findings_own_line(tmp_path, separator):
    path = tmp_path / "p.txt"
    path.write_text(
        f"Data Engineer\nWe build{separator}pipelines\n\n- Train models in Pytorch\n",
        encoding="utf-8",
    )
    result = run("--select", "JD504", str(path))
    assert result.exit_code == 1
    assert f"4 | - Train models in Pytorch\n  | {' ' * 18}^^^^^^^\n" in result.stdout


def test_control_characters_are_shown_escaped_in_text_and_concise(tmp_path):
    name = tmp_path / "evil\n\x1b[2Jname.txt"
    name.write_text(
        "Data Engineer\n\x1b[31m\u202eWe\tuse Pytorch \x07\n\n- Build ETL pipelines\n",
        encoding="utf-8",
    )
    text = run("--select", "JD504", str(name)).stdout
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "evil\\x0a\\x1b[2Jname.txt:2:" in text
    before = "\\x1b[31m\\u202eWe use "  # as shown: escapes are wider than what they show
    assert f"2 | {before}Pytorch \\x07\n  | {' ' * len(before)}^^^^^^^\n" in text
    concise = run("--format", "concise", "--select", "JD504", str(name)).stdout
    assert concise.splitlines()[0].startswith(f"{tmp_path}/evil\\x0a\\x1b[2Jname.txt:2:")
    assert len(concise.splitlines()) == 2  # the finding and the summary
    missing = run(str(tmp_path / "gone\n\x1b.txt"))
    assert missing.stderr == f"jdlint: error: {tmp_path}/gone\\x0a\\x1b.txt: no such file\n"


# Fragments of every hostile class above, to mix into the structure of a real posting.
FRAGMENTS = [
    "\\uZZZZ", "\\ud800", "\\u12", '\\"', "<![ x>", "<![foo[", "<!--", "-->", "<a", "<a x='",
    "&amp;" * 30, "$" * 300, "=" * 150, "1" * 40, "100 " * 20, "Python " * 15, "5" + " " * 40,
    "x year", "<!-- jdlint-disable JD504 ", "jdlint: disable=JD504\n", "# x" + " " * 30,
    "\x1b[31m", "\f", "\v", "\x85", "\u2028", "\x00", "Pytorch", "\r", "\t",
]  # fmt: skip
SKELETON = (
    "Data Engineer{0}\n\nResponsibilities\n- Build ETL pipelines{1} with Airflow\n"
    "- Train models in Pytorch{2}\n\nRequirements\n- 5+ years of Python{3}\n\nSalary: $100k{4}\n"
)


@given(
    parts=st.lists(
        st.lists(st.sampled_from(FRAGMENTS), max_size=4).map("".join), min_size=5, max_size=5
    ),
    fmt=st.sampled_from(["text", "markdown", "html", "jsonld"]),
)
@settings(max_examples=150, deadline=None)
def test_hostile_fragments_in_a_posting_never_stop_the_run(linter, parts, fmt):
    text = SKELETON.format(*parts)
    if fmt == "jsonld":
        text = _posting(text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n"))
        text = text.replace("\\\\u", "\\u")  # let the escapes through as escapes
    try:
        source = read_posting("p", text, fmt)
    except InputError:
        return  # one clear message for this input, which the CLI reports as its error
    (result,) = linter.lint_sources([source])
    assert result.error is None or "internal error" not in result.error
    for finding in result.findings:  # every span is still a span of the file
        assert 0 <= finding.start <= finding.end <= len(text)
        where = source.position(finding.start)
        assert (where.line, where.column) == (finding.line, finding.column)


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_read_and_fixed_as_utf32(tmp_path, codec):
    path = tmp_path / "p.txt"
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    path.write_bytes(bom + FIXABLE.encode(codec))
    result = run("--format", "json", str(path))
    (only,) = json.loads(result.stdout)["files"]
    assert only["title"]["text"] == "Data Engineer"
    assert run("--fix", str(path)).exit_code in (0, 1)
    assert path.read_bytes() == bom + FIXABLE.replace("Pytorch", "PyTorch").encode(codec)


def test_a_nul_after_the_first_8_kb_is_binary(tmp_path, good):
    path = tmp_path / "late-nul.txt"
    path.write_bytes(GOOD.encode() + b" " * 10_000 + b"\x00")
    result = run("--format", "concise", str(good), str(path))
    _assert_isolated(result, good, "late-nul.txt", _alone(good))
    assert "binary file" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_result_cache_entry_that_is_a_fifo_or_a_device_is_not_read(tmp_path):
    from jdlint.result_cache import ResultCache

    cache = ResultCache(tmp_path / "cache", encoding=None, max_bytes=1_000_000, input_format=None)
    entry = cache._entry("k")
    entry.parent.mkdir(parents=True)
    os.mkfifo(entry)
    assert cache.get("k", "p.txt", "text") is None  # returns: no blocking open
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert cache.get("k", "p.txt", "text") is None  # returns: no endless read


def test_an_unreadable_subfolder_is_named_and_the_rest_are_linted(tmp_path, monkeypatch):
    import os

    root = tmp_path / "postings"
    (root / "locked").mkdir(parents=True)
    (root / "open").mkdir()
    (root / "open" / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "locked" / "hidden.txt").write_text(GOOD, encoding="utf-8")
    scandir = os.scandir

    def denied(path):  # what a folder without read permission gives a non-root user
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    result = run("--isolated", "--format", "json", str(root))
    assert result.exit_code == 2
    assert f"{root / 'locked'}: cannot read this folder: Permission denied" in result.stderr
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [
        str(root / "open" / "good.txt")
    ]


def test_hidden_folders_are_never_walked(tmp_path, monkeypatch):
    import os

    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / "job.txt").write_text(GOOD, encoding="utf-8")
    walked = []
    scandir = os.scandir

    def spy(path):
        walked.append(str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", spy)
    from jdlint.source import find_postings

    assert find_postings(tmp_path) == [tmp_path / "job.txt"]
    assert not any(".git" in p for p in walked)
