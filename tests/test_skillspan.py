"""jdlint over the 198 real SkillSpan postings (../shared/data): mostly ordinary software jobs,
so a mismatch finding there is almost always a false alarm; and jdlint's skills should agree
with the annotators' KNOWLEDGE spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdlint.source import Source

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "skillspan_train_dev.jsonl"
MISMATCH = {"prestige-ml-title", "ai-washing", "under-titled-ai", "title-duty-mismatch"}


@pytest.fixture(scope="module")
def linted(linter):
    if not DATA.exists():
        pytest.skip(f"SkillSpan data not found at {DATA}")
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    return rows, list(linter.lint_sources(Source(r["id"], r["text"]) for r in rows))


def test_real_postings_raise_almost_no_mismatch(linted):
    rows, results = linted
    assert len(rows) == 198
    flagged = [r.path for r in results if any(f.name in MISMATCH for f in r.findings)]
    assert len(flagged) <= 2, flagged


def test_titles_of_tech_postings_are_found(linted):
    rows, results = linted
    tech = [(row, res) for row, res in zip(rows, results, strict=True) if row["source"] == "tech"]
    found = sum(1 for row, res in tech if res.title and res.title.text in row["title"])
    assert found >= 0.9 * len(tech)


def test_skills_agree_with_knowledge_spans(linted):
    rows, results = linted
    hits = total = 0
    for row, result in zip(rows, results, strict=True):
        gold = [(s["start"], s["end"]) for s in row["spans"] if s["label"] == "KNOWLEDGE"]
        for skill in result.skills:
            total += 1
            hits += any(skill.start < end and start < skill.end for start, end in gold)
    assert hits / total >= 0.55
