"""Reading titles the way ROLES.md reads them."""

from __future__ import annotations

import pytest

from jdlint.title import read_title


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("AI/ML Engineer", {"ai_engineer", "ml_engineer"}),
        ("AI Data Engineer", {"ai_engineer", "data_engineer"}),
        ("Full-Stack AI Engineer", {"ai_engineer", "software_engineer"}),
        (".NET Software Engineer (AI Focus)", {"ai_engineer", "software_engineer"}),
        ("Senior Software Engineer, Machine Learning", {"ml_engineer"}),
        ("Software Engineer, GenAI", {"ai_engineer"}),
        ("Data Scientist (GenAI)", {"data_scientist"}),
        ("Data Engineer – AI", {"data_engineer"}),
        ("AI Engineer – Computer Vision", {"ai_engineer", "ml_engineer"}),
        ("AI Engineer - NLP", {"ai_engineer", "ml_engineer"}),
        ("ML Platform Engineer", {"mlops_engineer"}),
        ("AI Platform Engineer", {"mlops_engineer"}),
        ("Prompt Engineer", {"ai_engineer"}),
        ("GenAI Developer", {"ai_engineer"}),
        ("LLM Engineer", {"ai_engineer"}),
        ("Applied AI Engineer", {"ai_engineer"}),
        ("Staff Machine Learning Engineer (m/f/d)", {"ml_engineer"}),
        ("Principal Data Scientist II - Berlin", {"data_scientist"}),
        ("Research Scientist, Language Models", {"research_scientist"}),
        ("Senior QA Engineer ( m/f/d ) <ORGANIZATION>", {"software_engineer"}),
        ("Business Intelligence Analyst", {"data_analyst"}),
        ("Statistician", {"data_scientist"}),
        ("Research Software Engineer", {"software_engineer"}),
        ("Data Scientist / ML Engineer", {"data_scientist", "ml_engineer"}),
        ("Software Engineer, Data Platform", {"data_engineer"}),
        ("Software Engineer - Java", {"software_engineer"}),
        ("Data Analyst or Data Scientist", {"data_analyst", "data_scientist"}),
    ],
)
def test_title_roles(title, roles):
    assert set(read_title(title).roles) == roles


@pytest.mark.parametrize(
    "title",
    [
        "Engineering Manager",
        "Product Manager, AI",
        "Sales Engineer",
        "Head of AI",
        "Senior Experience Designer",
    ],
)
def test_titles_claiming_none_of_the_roles(title):
    assert read_title(title).roles == ()


@pytest.mark.parametrize(
    ("posting", "title"),
    [
        ("# Senior Data Engineer\n\nBuild pipelines.", "Senior Data Engineer"),
        (
            "Acme GmbH\nJob title: Machine Learning Engineer\nLocation: Berlin",
            "Machine Learning Engineer",
        ),
        ("Acme Inc.\n\nSenior AI Engineer (Remote)\n\nAbout us", "Senior AI Engineer (Remote)"),
        (
            "React ( Native ) Developer <ORGANIZATION> Date posted: 2021 Job description ...",
            "React ( Native ) Developer",
        ),
        (
            "Acme is looking for a Lead Integration Developer to join the team.",
            "Lead Integration Developer",
        ),
        ("We are a fast-growing fintech. You will build our payment APIs in Go.", None),
    ],
)
def test_title_is_found_where_postings_put_it(linter, posting, title):
    found = linter.nlp(posting)._.jdlint_title
    assert (found.text if found is not None else None) == title
