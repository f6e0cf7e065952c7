"""The Python API: typed results carrying the same data as the JSON output."""

from __future__ import annotations

from pathlib import Path

import jdlint
from jdlint.results import FileResult

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_lint_text():
    text = (FIXTURES / "prestige-ds-chatgpt-reviews.txt").read_text(encoding="utf-8")
    result = jdlint.lint_text(text)
    assert isinstance(result, FileResult)
    assert result.title.text == "Data Scientist (GenAI)"
    assert result.title.roles == ("data_scientist",)
    assert result.profile.primary == "ai_engineer"
    finding, *hygiene = result.findings  # sorted by position: the title's comes first
    assert {f.name for f in hygiene} == {"missing-pay-range", "missing-location"}
    assert (finding.code, finding.name, finding.severity) == ("JD101", "prestige-ml-title", "error")
    assert (finding.line, finding.column) == (1, 1)
    assert finding.suggestion == "consider 'AI Engineer'"
    assert all(text[e.start : e.end] == e.text for e in finding.evidence)


def test_lint_file_and_files_keep_order_and_report_errors(tmp_path):
    paths = [
        FIXTURES / "honest-cv-engineer.txt",
        tmp_path / "missing.txt",
        FIXTURES / "ds-title-over-etl.txt",
    ]
    results = jdlint.lint_files(paths)
    assert [Path(r.path).name for r in results] == [p.name for p in paths]
    assert results[1].error and not results[0].error
    assert [f.name for f in results[2].findings] == ["title-duty-mismatch"]
    assert jdlint.lint_file(paths[0]).profile.primary == "ml_engineer"


def test_linter_reuses_one_pipeline():
    linter = jdlint.Linter()
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))[:5]]
    one_by_one = [linter.lint_text(t) for t in texts]
    from jdlint.source import Source

    batched = list(linter.lint_sources(Source("<text>", t) for t in texts))
    assert batched == one_by_one


def test_to_dict_matches_the_json_keys():
    data = jdlint.lint_text("Data Engineer\n\n- Build ETL pipelines with Airflow\n").to_dict()
    assert {"path", "title", "profile", "skills", "duties", "findings"} <= set(data)
    assert {"text", "verb", "object", "roles", "line", "column", "start", "end"} <= set(
        data["duties"][0]
    )


def test_version():
    assert jdlint.__version__.count(".") == 2
