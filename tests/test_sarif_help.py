"""SARIF: fingerprints unique per finding and stable, help Markdown that renders as written,
helpUri at the rule's section of docs/rules.md (generated from the catalogue, kept in sync)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from markdown_it import MarkdownIt

from jdlint.cli import main
from jdlint.rules import ALL_RULES

ROOT = Path(__file__).resolve().parents[1]
RULES_MD = ROOT / "docs" / "rules.md"
TWO_ROCKSTARS = """\
Backend Engineer

Responsibilities
- Build REST APIs in Django as one of our rockstars
- Review code with the other rockstars
- Join our rockstars on call
"""


def sarif(*args: str) -> dict:
    result = CliRunner().invoke(
        main, ["--isolated", "--extend-select", "JD404", "--format", "sarif", *args]
    )
    return json.loads(result.stdout)


def test_findings_of_one_rule_in_one_file_never_share_a_fingerprint(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text(TWO_ROCKSTARS, encoding="utf-8")
    results = sarif(str(posting))["runs"][0]["results"]
    heroes = [r for r in results if r["ruleId"] == "JD404"]
    assert len(heroes) == 3  # "rockstars" three times: one finding each
    prints = [r["partialFingerprints"]["jdlintFinding/v1"] for r in heroes]
    assert len(set(prints)) == 3
    every = [r["partialFingerprints"]["jdlintFinding/v1"] for r in results]
    assert len(set(every)) == len(every)
    # the same posting gives the same fingerprints, run after run
    again = sarif(str(posting))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in again] == [r["partialFingerprints"] for r in results]


def test_help_markdown_keeps_the_examples_apart():
    rules = sarif(str(ROOT / "fixtures" / "honest-qa-engineer.txt"))["runs"][0]["tool"]["driver"]
    by_id = {rule["id"]: rule for rule in rules["rules"]}
    html = MarkdownIt("commonmark").render(by_id["JD101"]["help"]["markdown"])
    # each example is a block of its own, its lines one per line, not one run-on paragraph
    blocks = re.findall(r"<pre><code[^>]*>(.*?)</code></pre>", html, re.S)
    assert blocks == [
        "Senior Machine Learning Engineer\n"
        "- Write and refine GPT-4 prompts for our support chatbot\n"
        "- Integrate the OpenAI API into our PHP backend\n"
        "- Build a RAG pipeline over product FAQs with Pinecone\n",
        "Senior Machine Learning Engineer\n"
        "- Train and evaluate ranking models on our clickstream data\n"
        "- Engineer features and deploy models with PyTorch and XGBoost\n",
    ]
    for paragraph in re.findall(r"<p>(.*?)</p>", html, re.S):
        assert "Senior Machine Learning Engineer" not in paragraph
    for rule in by_id.values():
        rendered = MarkdownIt("commonmark").render(rule["help"]["markdown"])
        assert rendered.count("<pre><code") == 2, rule["id"]


def test_help_uri_is_the_rules_section_in_docs_rules_md():
    driver = sarif(str(ROOT / "fixtures" / "honest-qa-engineer.txt"))["runs"][0]["tool"]["driver"]
    headings = re.findall(r"^## (.+)$", RULES_MD.read_text(encoding="utf-8"), re.M)
    slugs = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
    base = "https://github.com/jdlint/jdlint/blob/main/docs/rules.md#"
    uris = {rule["id"]: rule["helpUri"] for rule in driver["rules"]}
    assert uris["JD101"] == base + "jd101-prestige-ml-title"
    for uri in uris.values():
        assert uri.startswith(base) and uri[len(base) :] in slugs


def test_docs_rules_md_is_generated_from_the_catalogue():
    """Regenerate with: jdlint rules --format markdown > docs/rules.md"""
    result = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout == RULES_MD.read_text(encoding="utf-8")
    for rule in ALL_RULES:
        assert f"\n## {rule.code} {rule.name}\n" in result.stdout
        assert f"**{rule.severity}**" in result.stdout
