"""Floods: a posting that repeats one thing, or names thousands of things, keeps the first
MAX_MENTIONS of each and MAX_HITS in all; no rule builds more than MAX_FINDINGS findings."""

from __future__ import annotations

from collections import Counter

from jdlint.floods import MAX_FINDINGS, MAX_HITS, MAX_MENTIONS, Quota


def test_a_quota_admits_each_key_per_key_times_and_total_keys_in_all():
    quota = Quota(per_key=2, total=3)
    assert [quota.admit("a") for _ in range(3)] == [True, True, False]
    assert [quota.admit("b") for _ in range(2)] == [True, False]  # the total is reached


def test_a_repeated_skill_keeps_its_first_mentions(lint):
    result = lint("Data Engineer\n\n" + "Python " * (MAX_MENTIONS + 300))
    python = [s for s in result.skills if s.canonical == "Python"]
    assert len(python) == MAX_MENTIONS
    assert python[-1].start < len("Data Engineer\n\n") + 7 * MAX_MENTIONS  # the first ones
    assert result.profile.primary == lint("Data Engineer\n\n" + "Python " * 60).profile.primary


def test_a_repeated_duty_keeps_its_first_mentions(lint):
    result = lint("Data Engineer\n\n" + "Build ETL pipelines. " * (MAX_MENTIONS + 50))
    assert Counter(d.text for d in result.duties)["Build ETL pipelines"] == MAX_MENTIONS


def test_many_distinct_skills_keep_max_hits_in_all(lint):
    names = (
        "Python, SQL, Spark, Kafka, dbt, Airflow, LangChain, PyTorch, Tableau, Docker, "
        "Kubernetes, Terraform, Snowflake, React, TypeScript, Java, Scala, MLflow, Redis, Looker, "
    )
    repeats = MAX_MENTIONS * 3 // 4  # under the cap of each skill: only the total bites
    result = lint("Data Engineer\n\n" + names * repeats)
    per_skill = Counter(s.canonical for s in result.skills)
    assert len(per_skill) == 20 and max(per_skill.values()) <= repeats
    assert len(result.skills) == MAX_HITS < 20 * repeats


def test_a_directive_for_a_capped_rule_is_not_reported_unused(lint):
    # the directive's own finding lies past the cap, so it was never built
    text = "Data Engineer\n\n" + "We use Pytorch.\n" * (MAX_FINDINGS + 10)
    text += "<!-- jdlint: disable-next-line=JD504 -->\nWe use Pytorch.\n"
    codes = Counter(f.code for f in lint(text).findings)
    assert codes["JD504"] == MAX_FINDINGS and codes["JD001"] == 0


def test_a_rule_builds_at_most_max_findings(lint):
    result = lint("Data Engineer\n\nWe use " + "Pytorch and " * (MAX_FINDINGS + 50) + "dbt.\n")
    by_code = Counter(f.code for f in result.findings)
    assert by_code["JD504"] == MAX_FINDINGS
    # the first ones, in text order
    spelled = [f for f in result.findings if f.code == "JD504"]
    assert spelled[0].start == len("Data Engineer\n\nWe use ")


def test_unused_suppressions_are_capped_too(lint):
    result = lint("Data Engineer\n\n" + "jdlint: disable=JD102\n" * (MAX_FINDINGS + 20))
    assert Counter(f.code for f in result.findings)["JD001"] == MAX_FINDINGS


def test_a_rule_of_symbols_leaves_the_word_beside_it_whole(lint):
    # a stretch of symbols is cut by hand, but "C++" and "(C#)" keep their own symbols
    rule = "-" * 40
    ruled = lint(f"Backend Engineer\n\n- Write services in C++ {rule} (C#) {rule}\n")
    plain = lint("Backend Engineer\n\n- Write services in C++ and (C#)\n")
    assert [s.text for s in ruled.skills] == [s.text for s in plain.skills]
    assert "C++" in [s.text for s in ruled.skills]
