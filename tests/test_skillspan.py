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
    assert flagged == []


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


# Rules about wording and realism on 198 ordinary postings: how many postings each may flag at
# most. The ceilings sit a little above what was measured (evaluation/skillspan.py) so a change
# that makes a rule noisy on real text fails here. Rules about what every posting should state
# (pay, location) are not capped: most of these postings really lack them.
CEILINGS = {
    "impossible-experience": 2,
    "unicorn-posting": 3,
    "credential-inflation": 3,
    "requirement-overload": 6,
    "seniority-contradiction": 4,
    "vague-ai": 3,
    "ai-buzzword": 3,
    "gender-coded-balance": 20,
    "gendered-language": 15,
    "hero-title": 3,
    "age-coded-language": 8,
    "culture-fit": 3,
    "irrelevant-ability": 3,
    "missing-responsibilities": 12,
    "misspelled-technology": 35,
    "legacy-technology": 3,
    "editor-requirement": 3,
    "bro-culture": 2,
    "sexualised-language": 2,
    "profanity": 2,
    "hollow-benefits": 6,
    "visionary-jargon": 16,
    "competitive-environment": 3,
    "new-starter-expectations": 4,
    "meritocracy": 2,
}


def test_wording_and_realism_rules_stay_quiet_on_real_postings(linted):
    _rows, results = linted
    for rule, ceiling in CEILINGS.items():
        flagged = [r.path for r in results if any(f.name == rule for f in r.findings)]
        assert len(flagged) <= ceiling, (rule, flagged)
