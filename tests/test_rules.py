"""The rule catalogue: every rule documented, codes stable and unique."""

from __future__ import annotations

import re

from jdlint.rules import ALL_RULES, rule_by_code_or_name
from jdlint.rules.base import SEVERITIES


def test_every_rule_is_complete():
    for rule in ALL_RULES:
        assert re.fullmatch(r"JD\d{3}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.severity in SEVERITIES
        assert rule.summary.endswith(".")
        assert "Fires on:" in rule.explanation and "Quiet on:" in rule.explanation


def test_codes_and_names_are_unique():
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


def test_mismatch_rules_have_the_product_names():
    names = {r.code: r.name for r in ALL_RULES}
    assert names["JD101"] == "prestige-ml-title"
    assert names["JD102"] == "ai-washing"
    assert names["JD103"] == "under-titled-ai"
    assert names["JD104"] == "title-duty-mismatch"
    assert rule_by_code_or_name("jd102") is rule_by_code_or_name("ai-washing")


def test_explanation_examples_behave_as_documented(lint):
    """The 'Fires on' / 'Quiet on' examples in each explanation are real: run them."""
    for rule in ALL_RULES:
        fires, quiet = rule.explanation.split("Fires on:")[1].split("Quiet on:")
        for example, should_fire in ((fires, True), (quiet, False)):
            text = "\n".join(line[4:] for line in example.strip("\n").splitlines())
            names = {f.name for f in lint(text).findings}
            assert (rule.name in names) is should_fire, (rule.name, should_fire, text)
