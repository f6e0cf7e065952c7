"""Postings as HR teams and job boards keep them: Markdown, HTML, schema.org JobPosting
JSON-LD, other encodings and line endings; every reported position is a position in the
original file."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main
from jdlint.readers import detect_format, read_posting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TWINS = [
    ("jobposting-page-prestige-ml.html", "prestige-ml-woocommerce-chatbot.txt"),
    ("front-matter-ai-washing.md", "ai-washing-ai-engineer-php-plugins.txt"),
    ("page-under-titled-genai.html", "under-titled-genai-cv-training.txt"),
    ("jobposting-ds-over-etl.json", "ds-title-over-etl.txt"),
]


def assert_positions_slice_the_original(result, original: str) -> None:
    """Every reported span, sliced out of the original file, is the reported text, and its
    line and column agree with its offset."""
    lines = original.splitlines(keepends=True)

    def offset_of(line: int, column: int) -> int:
        return sum(len(x) for x in lines[: line - 1]) + column - 1

    items = ([result.title] if result.title else []) + list(result.skills) + list(result.duties)
    items += [e for f in result.findings for e in f.evidence]
    for item in items:
        assert original[item.start : item.end] == item.text
        assert offset_of(item.line, item.column) == item.start
    for finding in result.findings:
        assert offset_of(finding.line, finding.column) == finding.start
        assert offset_of(finding.end_line, finding.end_column) == finding.end


@pytest.mark.parametrize(("posting", "twin"), TWINS, ids=[t[0] for t in TWINS])
def test_format_gives_the_same_findings_as_its_plain_text_twin(linter, posting, twin):
    result, plain = linter.lint_files([FIXTURES / posting, FIXTURES / twin])
    assert [f.code for f in result.findings] == [f.code for f in plain.findings]
    assert result.title.roles == plain.title.roles
    assert result.profile.primary == plain.profile.primary
    original = (FIXTURES / posting).read_text(encoding="utf-8")
    assert_positions_slice_the_original(result, original)


def test_finding_on_a_jsonld_title_points_into_the_json_string(linter):
    path = FIXTURES / "jobposting-page-prestige-ml.html"
    original = path.read_text(encoding="utf-8")
    (finding,) = [f for f in linter.lint_file(path).findings if f.code == "JD101"]
    assert original[finding.start : finding.end] == "Senior Machine Learning Engineer (m/f/d)"
    assert original[finding.start - 10 : finding.start] == '"title": "'


def test_markdown_front_matter_code_and_comments(linter):
    path = FIXTURES / "front-matter-ai-washing.md"
    result = linter.lint_file(path)
    assert result.title.text == "AI Engineer"
    assert result.title.line == 2
    canonical = {s.canonical for s in result.skills}
    assert "PyTorch" not in canonical and "GPT-4" not in canonical  # only in the code block
    assert not any("pluginly.example" in s.text for s in result.skills)
    source = read_posting(str(path), path.read_text(encoding="utf-8"))
    assert "Reviewed by the hiring manager" not in source.text
    assert len(source.text) == len(source.original)


def test_html_skips_chrome_and_decodes_entities(linter):
    path = FIXTURES / "page-under-titled-genai.html"
    source = read_posting(str(path), path.read_text(encoding="utf-8"))
    assert "Home" not in source.text and "LangChain" not in source.text
    assert "window.analytics" not in source.text
    assert "blades\u00a0and towers" in source.text
    assert "Faster R\u2011CNN" in source.text
    assert "\n- Train and fine-tune" in source.text
    result = linter.lint_file(path)
    assert result.title.text == "Generative AI Engineer"  # the heading, not <title>


def test_html_without_a_heading_uses_the_page_title(linter, tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Data Engineer &ndash; Acme</title></head><body>"
        "<p>You will build ETL pipelines with Airflow and dbt.</p></body></html>",
        encoding="utf-8",
    )
    result = linter.lint_file(page)
    assert result.title.text == "Data Engineer &ndash; Acme"
    assert result.title.roles == ("data_engineer",)


def test_jsonld_fields_and_metadata():
    path = FIXTURES / "jobposting-ds-over-etl.json"
    source = read_posting(str(path), path.read_text(encoding="utf-8"))
    assert source.date_posted == "2026-09-15"
    assert source.metadata["baseSalary"]["value"]["minValue"] == 80000
    assert source.text.startswith("Senior Data Scientist\n")
    assert "Responsibilities:" in source.text
    assert "process 2 TB of raw data" in source.text  # "2\u00a0TB": decoded, then spaced


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("p.txt", "x", "text"),
        ("p.md", "x", "markdown"),
        ("p.htm", "x", "html"),
        ("p.jsonld", "{}", "jsonld"),
        ("posting", "<!DOCTYPE html><html></html>", "html"),
        ("posting", '{"@context": "https://schema.org", "@type": "JobPosting"}', "jsonld"),
        ("posting", "Data Engineer\n", "text"),
    ],
)
def test_format_detection(name, content, expected):
    assert detect_format(name, content) == expected


def run(*args: str):
    return CliRunner().invoke(main, ["--isolated", *args], catch_exceptions=False)


def test_input_format_option(tmp_path):
    posting = tmp_path / "posting.txt"  # an HTML page saved with the wrong suffix
    posting.write_text((FIXTURES / "page-under-titled-genai.html").read_text(encoding="utf-8"))
    as_text = json.loads(run("--format", "json", str(posting)).stdout)
    as_html = json.loads(run("--format", "json", "--input-format", "html", str(posting)).stdout)

    def title_codes(document: dict) -> list[str]:
        return [f["code"] for f in document["files"][0]["findings"] if f["code"].startswith("JD1")]

    assert title_codes(as_html) == ["JD103"]
    assert as_text["files"][0]["title"] != as_html["files"][0]["title"]
    assert title_codes(as_text) != ["JD103"]


def test_json_without_a_jobposting_is_skipped_not_an_error(tmp_path):
    (tmp_path / "package.json").write_text('{"name": "hr-site", "version": "1.0.0"}')
    (tmp_path / "ok.txt").write_text((FIXTURES / "honest-cv-engineer.txt").read_text())
    result = run("--select", "JD1", str(tmp_path))
    assert result.exit_code == 0
    assert "no schema.org JobPosting" in result.stderr
    assert result.stdout == "No problems in 1 file.\n"


def test_invalid_json_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"@type": "JobPosting", "title": "Data Engineer",\n "description": }')
    result = run(str(bad))
    assert result.exit_code == 2
    assert "bad.json:2: not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf-8-bom", "utf-16-bom", "crlf", "cr"],
)
def test_encodings_and_line_endings(tmp_path, encode):
    text = (FIXTURES / "prestige-ml-woocommerce-chatbot.txt").read_text(encoding="utf-8")
    path = tmp_path / "p.txt"
    path.write_bytes(encode(text))
    document = json.loads(run("--format", "json", str(path)).stdout)
    entry = document["files"][0]
    assert [f["code"] for f in entry["findings"]] == ["JD101"]
    evidence = entry["findings"][0]["evidence"]
    assert [e["line"] for e in evidence] == [7, 8, 9, 10]
    decoded = path.read_bytes().decode(
        "utf-16" if path.read_bytes()[:2] == codecs.BOM_UTF16_LE else "utf-8-sig"
    )
    for item in entry["skills"] + entry["duties"]:
        assert decoded[item["start"] : item["end"]] == item["text"]


def test_file_over_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Data Engineer\n" + "- Build ETL pipelines\n" * 100)
    result = run("--max-bytes", "500", str(big))
    assert result.exit_code == 2
    assert "larger than the 500-byte limit" in result.stderr


def test_huge_postings_lint_without_error(linter):
    one_line = "Data Engineer " + "Build ETL pipelines with Airflow and dbt. " * 24_000
    bullets = (
        "Data Engineer\n\nResponsibilities\n" + "- Build ETL pipelines with Airflow\n" * 20_000
    )
    for text in (one_line[:1_000_000], bullets):
        result = linter.lint_text(text)
        assert result.error is None and result.profile.primary == "data_engineer"


def test_deeply_nested_html_and_json_do_not_recurse(linter, tmp_path):
    html_page = tmp_path / "deep.html"
    html_page.write_text(
        "<h1>Data Engineer</h1>" + "<div>" * 50_000 + "Build ETL pipelines" + "</div>" * 50_000
    )
    json_file = tmp_path / "deep.json"
    json_file.write_text(
        '{"@type": "JobPosting", "title": "Data Engineer", "x": '
        + "[" * 100_000
        + "]" * 100_000
        + "}"
    )
    results = linter.lint_files([html_page, json_file])
    assert results[0].error is None and results[0].title.text == "Data Engineer"
    assert results[1].error is None and results[1].title.text == "Data Engineer"
