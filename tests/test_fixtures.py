"""Every bundled posting gives the title roles, duty role and findings written beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

EXPECTED = sorted(FIXTURES.glob("*.expected"))


def _posting_for(expected):
    stem = expected.name.removesuffix(".expected")
    (posting,) = [p for p in FIXTURES.glob(stem + ".*") if p != expected]
    return posting


def test_there_are_enough_fixtures():
    assert len(EXPECTED) >= 30


@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_fixture(linter, expected_file):
    _check(linter, expected_file)


@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_fixture_with_a_trained_pipeline(trained_linter, expected_file):
    """``--model``: on spaCy's trained English pipeline, whose tagger reads many bullet verbs
    as nouns, every posting gives the same title roles, duty role and findings."""
    _check(trained_linter, expected_file)


def _check(linter, expected_file):
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    result = linter.lint_file(_posting_for(expected_file))
    assert result.error is None
    assert (list(result.title.roles) if result.title else []) == expected["title_roles"]
    # A list names the roles a posting honestly split between them may read as (ROLES.md's
    # close neighbours, a unicorn's families): any of them is right.
    wanted = expected["primary"]
    assert result.profile.primary in (wanted if isinstance(wanted, list) else [wanted])
    assert sorted(f.name for f in result.findings) == sorted(expected["findings"])


def test_fixtures_cover_every_role_and_mismatch_kind():
    expectations = [json.loads(p.read_text(encoding="utf-8")) for p in EXPECTED]
    primaries = {e["primary"] for e in expectations if not isinstance(e["primary"], list)}
    from jdlint.roles import ROLE_IDS

    assert set(ROLE_IDS) <= primaries
    kinds = {name for e in expectations for name in e["findings"]}
    assert {"prestige-ml-title", "ai-washing", "under-titled-ai", "title-duty-mismatch"} <= kinds
    # close neighbours and honest splits that must stay quiet are part of the set
    mismatches = {"prestige-ml-title", "ai-washing", "under-titled-ai", "title-duty-mismatch"}
    assert sum(1 for e in expectations if not mismatches & set(e["findings"])) >= 15


def test_every_rule_has_fixtures_that_fire_and_near_misses_that_must_not():
    """Each rule fires on two fixtures or more, and two fixtures or more are written to tempt
    it and must leave it quiet (their "quiet" list: the false alarms we guard against)."""
    from jdlint.rules import ALL_RULES

    expectations = [json.loads(p.read_text(encoding="utf-8")) for p in EXPECTED]
    for rule in ALL_RULES:
        fires = sum(1 for e in expectations if rule.name in e["findings"])
        quiet = [e for e in expectations if rule.name in e.get("quiet", ())]
        assert fires >= 2, f"{rule.name} fires on {fires} fixtures"
        assert len(quiet) >= 2, f"{rule.name} has {len(quiet)} near-miss fixtures"
        assert not any(rule.name in e["findings"] for e in quiet)
