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
        # A generic software title narrowed to data claims both: the rubric's labels read it so.
        ("Software Engineer, Data Platform", {"data_engineer", "software_engineer"}),
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


RULES = {
    "full-width brackets separate": [
        ("機械学習エンジニア（LLM）Machine Learning Engineer (LLM)", {"ml_engineer"}),
        ("データエンジニア（ETL）Data Engineer", {"data_engineer"}),
    ],
    "a bracket the title goes on after is an aside": [
        ("Senior ML Operations (MLOps) Engineer", {"mlops_engineer"}),
        ("Machine Learning Operations Engineer", {"mlops_engineer"}),
        ("BI (Reporting) Analyst", {"data_analyst"}),
    ],
    "a hero word or a flourish after a role decorates it": [
        ("Machine Learning Engineer Rockstar", {"ml_engineer"}),
        ("AI Engineer Wizard 🚀", {"ai_engineer"}),
        ("Data Scientist Ninja", {"data_scientist"}),
        ("Senior ML Engineer!!!", {"ml_engineer"}),
        ("Rockstar Machine Learning Engineer", {"ml_engineer"}),
    ],
    "a hero word alone claims nothing": [
        ("Rockstar JavaScript Ninja", set()),
        ("Python Ninja", set()),
    ],
    "trainee words after a role are noise": [
        ("Machine Learning Engineer Intern - Poe", {"ml_engineer"}),
        ("AI Engineer Intern", {"ai_engineer"}),
        ("Backend Engineer Working Student", {"software_engineer"}),
        ("Data Engineer Trainee (m/f/d)", {"data_engineer"}),
    ],
    "a trainee title may name a field": [
        ("Data Science Intern", {"data_scientist"}),
        ("Research Intern, PhD (AI, Robotics)", {"research_scientist"}),
        ("Machine Learning Internship (Summer)", {"ml_engineer"}),
        (
            "Early Careers: Software Engineering & Machine Learning",
            {"software_engineer", "ml_engineer"},
        ),
    ],
    "a noise or non-role first segment does not hide a later title": [
        ("Lead - AI Engineer", {"ai_engineer"}),
        ("Senior Consultant, AI Engineer", {"ai_engineer"}),
        ("Analytics Specialist II - Data Analyst", {"data_analyst"}),
        (
            "Senior Data Scientist - AI/ML Engineer",
            {"data_scientist", "ai_engineer", "ml_engineer"},
        ),
    ],
    "compound titles": [
        ("Analytics Engineer", {"data_engineer", "data_analyst"}),
        ("Senior Data Analytics Engineer", {"data_engineer", "data_analyst"}),
        ("Staff Research Engineer", {"research_scientist", "ml_engineer"}),
        ("AI Research Engineer", {"research_scientist", "ml_engineer"}),
        ("Machine Learning Scientist", {"research_scientist", "ml_engineer"}),
        ("Machine Learning Data Scientist", {"data_scientist", "ml_engineer"}),
        ("Applied Scientist", {"ml_engineer", "research_scientist"}),
        ("Applied AI Scientist", {"ml_engineer", "research_scientist"}),
        ("AI Scientist", {"research_scientist"}),
        ("Member of Technical Staff", {"software_engineer"}),
        ("Member of Technical Staff - GPU Infrastructure", {"mlops_engineer"}),
        ("Member of Technical Staff, MLE", {"ml_engineer"}),
        ("Member of Technical Staff (Full-Stack/Product)", {"software_engineer"}),
        ("Member of Technical Staff - Backend Engineer", {"software_engineer"}),
        ("AI Tech Lead", {"ai_engineer"}),
    ],
    "bare engineer titles are software engineers": [
        ("Founding Engineer", {"software_engineer"}),
        ("Staff Engineer - Berlin", {"software_engineer"}),
        ("Forward Deployed Engineer", {"software_engineer"}),
        ("Senior Product Engineer", {"software_engineer"}),
        ("Engineer", {"software_engineer"}),
        ("Founding AI Engineer", {"ai_engineer"}),
        ("Forward Deployed AI Engineer", {"ai_engineer"}),
        ("AI Solutions Engineer", {"ai_engineer"}),
        ("Solutions Engineer - Machine Learning", {"ml_engineer"}),
    ],
    "lead as the head of an AI/ML title": [
        ("Machine Learning Lead - Bay Area", {"ml_engineer"}),
        ("Tech Lead - Applied ML", {"ml_engineer"}),
        ("Data Engineer Lead", {"data_engineer"}),
    ],
    "software plus AI": [
        ("Full-Stack AI Engineer", {"software_engineer", "ai_engineer"}),
        ("Senior AI / Fullstack Engineer", {"software_engineer", "ai_engineer"}),
        ("Senior Software AI Engineer", {"software_engineer", "ai_engineer"}),
        ("AI Software Engineer", {"ai_engineer"}),
        ("Software Engineer, GenAI", {"ai_engineer"}),
        ("Software Development Engineer II, Data Platform", {"software_engineer", "data_engineer"}),
        ("Lead Software Data Engineer", {"software_engineer", "data_engineer"}),
        ("Senior Software Engineer - Analytics", {"software_engineer"}),
        ("Software Engineer, Controls", {"software_engineer"}),
    ],
    "ML infrastructure is MLOps": [
        ("Infrastructure Engineer, Machine Learning", {"mlops_engineer"}),
        ("Senior Software Engineer, AI Infra", {"mlops_engineer"}),
        ("Principal Software Engineer - AI Platforms & Communications", {"mlops_engineer"}),
        ("Platform Engineer - ML", {"mlops_engineer"}),
    ],
    "product analyst": [
        ("Product Analyst", {"data_analyst"}),
        ("Senior Product Analyst, Growth", {"data_analyst"}),
    ],
    "an MLOps qualifier adds MLOps to an AI/ML title": [
        ("Computer Vision Engineer - MLOps", {"ml_engineer", "mlops_engineer"}),
        ("AI Engineer – Computer Vision", {"ai_engineer", "ml_engineer"}),
        ("Machine Learning Engineer (LLM)", {"ml_engineer"}),
    ],
}


@pytest.mark.parametrize(
    ("title", "roles"),
    [pytest.param(t, r, id=f"{rule}: {t}") for rule, cases in RULES.items() for t, r in cases],
)
def test_title_rules(title, roles):
    assert set(read_title(title).roles) == roles


@pytest.mark.parametrize(
    "title",
    [
        # trainee titles naming no field of the roles
        "Marketing Intern",
        "Investment Intern",
        "User Research Intern",
        "Mechanical Engineering Intern",
        # a field-name qualifier is not a title; managers manage
        "Engineering Manager, Data Engineering",
        "Manager II, Applications Developer",
        "Product Designer - AI",
        "Engineering Leader - Applied ML",
        "Lead, Responsible AI",
        "Engineering Intern - General / AI",
        # other engineering disciplines, functions and pre-sales
        "Mechanical Engineer",
        "Senior Electrical Design Engineer",
        "Manufacturing Engineer, Welding",
        "Process Engineer",
        "Controls Engineer",
        "Civil Engineer",
        "Hardware Engineer",
        "Design Engineer",
        "Principal Engineer, Mechanical Engineering",
        "Solutions Engineer",
        "Senior Cloud Solutions Architect",
        "Solutions Consultant",
        "Support Engineer",
        "Technical Support Engineer",
        "Field Engineer",
        "IT Operations Engineer",
        "Business Operations & Automation Engineer",
        "Developer Relations Engineer",
        "Solutions Architect, AI (Pre-Sales)",
        "AI Deployment Strategist, Pre-Sales",
        "Customer AI Architect (Post-Sales)",
        "Member of Technical Staff - DevRel",
        "Member of Technical Staff, Field Eng",
        "Member of Technical Staff - Product Designer",
        # researchers outside research science
        "Security Researcher",
        "Senior User Researcher",
        "UX Researcher",
        "Market Researcher",
        # specialist titles are support, operations and business work
        "AI Support Specialist",
        "Financial AI Data Specialist",
        "AI Solutions Specialist",
        # leads of other work
        "Performance Marketing Lead",
        "Business Development Lead",
        # analysts
        "Product Solutions Analyst",
    ],
)
def test_more_titles_claiming_none_of_the_roles(title):
    assert read_title(title).roles == ()


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Marketing Intern", "intern"),  # still reads as a title
        ("Member of Technical Staff", "member of technical staff"),
        ("AI Support Specialist", "specialist"),
        ("Machine Learning Engineer Intern", "engineer"),
    ],
)
def test_title_head(title, head):
    assert read_title(title).head == head


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
