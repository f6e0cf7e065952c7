"""JD1xx: does the title name the specialist the duties describe?

One verdict per posting decides which of the mismatch rules, if any, applies; each rule then
reports only its own kind. The thresholds lean to silence: ROLES.md says a false alarm costs
more than a miss.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..results import Finding
from ..roles import AI_ML_ROLES, PRESTIGE_ROLES, ROLE_IDS, are_close_neighbours
from .base import Posting, Rule

MIN_EVIDENCE = 8.0  # total weighted evidence before any verdict
MIN_CONFIDENCE = 0.4
MIN_PRIMARY_SHARE = 0.45
SPLIT_RATIO = 0.5  # a claimed role with half the primary's share makes an honest split
AI_WASHING_MAX_AI_SHARE = 0.2
MIN_DUTIES = 2  # duties (not just tool names) must back the role the verdict names
# "Any other" mismatch has no AI signal to lean on: it needs a clearer picture.
OTHER_MIN_SHARE = 0.55
OTHER_MIN_DUTIES = 3
OTHER_SPLIT_RATIO = 0.3  # and the title's own role must be nearly absent
OTHER_WORK_MIN_SHARE = 0.6  # work of no role (data entry, sales) that dominates the duties

_SENIORITY = re.compile(
    r"^\s*((?:(?:senior|sr\.?|junior|jr\.?|staff|principal|lead|head|chief|associate)\s+)+)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Verdict:
    kind: str  # a rule name
    primary: str


def verdict(posting: Posting) -> Verdict | None:
    """The kind of mismatch between the title and the duties, or None when there is none or
    the evidence is too thin to say."""
    title, profile = posting.title, posting.profile
    if title is None or not title.roles:
        return None
    if profile.primary is None:
        return _other_work_verdict(posting)
    primary, shares = profile.primary, profile.shares
    claimed = set(title.roles)
    if primary in claimed or any(are_close_neighbours(r, primary) for r in claimed):
        return None
    if profile.total < MIN_EVIDENCE:
        return None
    if claimed <= AI_ML_ROLES:
        if primary in AI_ML_ROLES | {"data_scientist"}:
            pass  # AI/ML work under another AI/ML title: judged below
        else:
            # Washing is about what is missing: the duties need not agree on one other role.
            ai_share = sum(shares.get(r, 0.0) for r in AI_ML_ROLES)
            other = [r for r in ROLE_IDS if r not in AI_ML_ROLES]
            if ai_share <= AI_WASHING_MAX_AI_SHARE and profile.duty_count(*other) >= MIN_DUTIES + 1:
                return Verdict("ai-washing", primary)
            return None
    if profile.confidence < MIN_CONFIDENCE or shares[primary] < MIN_PRIMARY_SHARE:
        return None
    if max(shares.get(r, 0.0) for r in claimed) >= SPLIT_RATIO * shares[primary]:
        return None  # honestly split between the claimed role and another
    duties = profile.duty_count(primary)
    if duties < MIN_DUTIES:
        return None
    if primary == "ai_engineer" and claimed & PRESTIGE_ROLES:
        return Verdict("prestige-ml-title", primary)
    if "ai_engineer" in claimed and primary in ("ml_engineer", "research_scientist"):
        return Verdict("under-titled-ai", primary)
    if claimed == {"software_engineer"} and primary in AI_ML_ROLES:
        return None  # AI engineers are software engineers: a broad title, not the wrong one
    if shares[primary] < OTHER_MIN_SHARE or duties < OTHER_MIN_DUTIES:
        return None
    if max(shares.get(r, 0.0) for r in claimed) >= OTHER_SPLIT_RATIO * shares[primary]:
        return None
    return Verdict("title-duty-mismatch", primary)


def _other_work_verdict(posting: Posting) -> Verdict | None:
    """A technical title over work none of the roles do (ROLES.md: a Data Analyst title over
    data entry): reported when that work clearly dominates the duties."""
    assert posting.title is not None
    profile = posting.profile
    kind = profile.other_work
    if (
        kind is None
        or profile.other_share < OTHER_WORK_MIN_SHARE
        or profile.total < MIN_EVIDENCE
        or profile.duty_count(kind) < OTHER_MIN_DUTIES
    ):
        return None
    if set(posting.title.roles) <= AI_ML_ROLES:
        return Verdict("ai-washing", kind)
    return Verdict("title-duty-mismatch", kind)


def _role_list(posting: Posting, roles: tuple[str, ...]) -> str:
    names = [posting.lexicon.role_name(r) for r in roles]
    return " / ".join(names)


def _suggested_title(posting: Posting, role: str) -> str:
    """The role's title, keeping the posting's seniority ("Senior AI Engineer")."""
    assert posting.title is not None
    seniority = _SENIORITY.match(posting.title.text)
    prefix = seniority.group(1).strip().title() + " " if seniority else ""
    return f"{prefix}{posting.lexicon.role_name(role)}"


def _suggestion(posting: Posting, primary: str) -> str:
    """'consider X'; when no single role dominates, the two the duties lean to."""
    shares = posting.profile.shares
    first = f"'{_suggested_title(posting, primary)}'"
    if shares[primary] >= MIN_PRIMARY_SHARE:
        return f"consider {first}"
    second = max((r for r in shares if r != primary), key=lambda r: shares[r])
    return f"consider {first} or '{_suggested_title(posting, second)}'"


def _report(posting: Posting, rule: Rule, what: str) -> Iterator[Finding]:
    """The finding for ``rule`` if the posting's verdict is of its kind; ``what`` says what
    the duties are, after the share of the evidence they hold."""
    result = verdict(posting)
    if result is None or result.kind != rule.name:
        return
    assert posting.title is not None
    title = posting.title
    evidence = posting.profile.strongest(result.primary, limit=4)
    cited = ", ".join(
        f"'{e.text}' (line {posting.source.locate(e.start, e.end).line})" for e in evidence
    )
    shares = posting.profile.shares
    if result.primary not in ROLE_IDS:  # work of no role: data entry, sales, ...
        kind = result.primary
        primary_name = kind.replace("_", " ")
        titles = posting.lexicon.wordlists["other_work"].get(f"title:{kind}", ())
        suggestion = f"consider '{titles[0]}'" if titles else "name the job the duties describe"
        share = f"{posting.profile.other_share:.0%} of the evidence; no technical role"
    elif result.kind == AI_WASHING.name:
        primary_name = posting.lexicon.role_name(result.primary)
        suggestion = _suggestion(posting, result.primary)
        ai_share = sum(shares.get(r, 0.0) for r in AI_ML_ROLES)
        share = f"only {ai_share:.0%} of the evidence is AI/ML work"
    else:
        primary_name = posting.lexicon.role_name(result.primary)
        suggestion = _suggestion(posting, result.primary)
        share = f"{shares[result.primary]:.0%} of the evidence"
    message = (
        f"title '{title.text}' names {_role_list(posting, title.roles)}, but the duties describe "
        f"{primary_name} work ({share}): {what}; evidence: {cited}; {suggestion}"
    )
    where = posting.source.locate_original(title.start, title.end)
    yield posting.finding(rule, where, message, suggestion, evidence)


def _check_prestige(posting: Posting) -> Iterator[Finding]:
    yield from _report(
        posting,
        PRESTIGE_ML_TITLE,
        "integrating existing foundation models (prompts, LLM APIs, RAG), not building models",
    )


def _check_ai_washing(posting: Posting) -> Iterator[Finding]:
    yield from _report(posting, AI_WASHING, "the title promises AI/ML work the job does not hold")


def _check_under_titled(posting: Posting) -> Iterator[Finding]:
    yield from _report(
        posting, UNDER_TITLED_AI, "building and training custom models, not integrating AI services"
    )


def _check_other(posting: Posting) -> Iterator[Finding]:
    yield from _report(posting, TITLE_DUTY_MISMATCH, "another specialist than the title names")


def _check_missing_title(posting: Posting) -> Iterator[Finding]:
    if posting.title is None and posting.source.original.strip():
        yield posting.finding(
            MISSING_TITLE,
            posting.title_location(),  # the first line
            "no job title found: open the posting with the title on a line of its own",
            "put the title first, e.g. 'Senior Data Engineer'",
        )


PRESTIGE_ML_TITLE = Rule(
    code="JD101",
    name="prestige-ml-title",
    severity="error",
    summary="An ML, data-science or research title over AI-engineering integration work.",
    explanation="""\
The title names someone who builds models (Machine Learning Engineer, Data Scientist, Research
Scientist), but the duties are integration of existing foundation models: writing prompts,
calling LLM APIs, building RAG pipelines and agents. That is an AI Engineer's job. The title
attracts model builders who will not want the work, and screens out the engineers who do it.

Fires on:
    Senior Machine Learning Engineer
    - Write and refine GPT-4 prompts for our support chatbot
    - Integrate the OpenAI API into our PHP backend
    - Build a RAG pipeline over product FAQs with Pinecone

Quiet on:
    Senior Machine Learning Engineer
    - Train and evaluate ranking models on our clickstream data
    - Engineer features and deploy models with PyTorch and XGBoost
""",
    check=_check_prestige,
)

AI_WASHING = Rule(
    code="JD102",
    name="ai-washing",
    severity="error",
    summary="An AI or ML title over work with little or no AI/ML.",
    explanation="""\
The title says AI or Machine Learning, but the duties are web, backend, DevOps, test
automation, ETL or BI work. "AI" in a title draws specialists who will leave when the job turns
out to be PHP plugins; name the job that the duties describe.

Fires on:
    AI Engineer
    - Build and maintain WordPress plugins and themes in PHP
    - Develop responsive landing pages with React
    - Write unit tests and fix bugs

Quiet on:
    AI Engineer
    - Build RAG pipelines over our documents with LangChain and pgvector
    - Write and evaluate prompts for our support assistant
""",
    check=_check_ai_washing,
)

UNDER_TITLED_AI = Rule(
    code="JD103",
    name="under-titled-ai",
    severity="error",
    summary="An AI-integration title over building and training custom models.",
    explanation="""\
The title names an AI Engineer (prompts, LLM APIs, RAG), but the duties are building training
data, engineering features and training models: a Machine Learning Engineer's job. Integration
engineers rarely have that training, and ML engineers skip AI Engineer postings.

Fires on:
    Generative AI Engineer
    - Train and fine-tune computer vision models with PyTorch
    - Build labelled training datasets and engineer features

Quiet on:
    Generative AI Engineer
    - Build agents with tool calling on the Claude API
    - Create eval sets and evaluate LLM outputs
""",
    check=_check_under_titled,
)

TITLE_DUTY_MISMATCH = Rule(
    code="JD104",
    name="title-duty-mismatch",
    severity="error",
    summary="A title naming another specialist than the one the duties describe.",
    explanation="""\
Any other mismatch between the role the title names and the role the duties describe, such as
a Data Scientist title over ETL pipelines, a Data Engineer title over dashboards, or a Data
Analyst title over data entry (work none of the technical roles does). Close
neighbours (ML Engineer and MLOps Engineer; Data Scientist and ML Engineer) are not reported,
and with no AI signal to lean on it asks for more: three duties and a clear majority.

Fires on:
    Data Scientist
    - Build and maintain ETL pipelines in Airflow and dbt
    - Ingest raw data from Kafka into the Snowflake data warehouse
    - Migrate the legacy SSIS jobs to the new data platform

Quiet on:
    Data Scientist
    - Design and analyse A/B tests on pricing
    - Build predictive models and communicate findings to leadership
""",
    check=_check_other,
)

MISSING_TITLE = Rule(
    code="JD105",
    name="missing-title",
    severity="warning",
    summary="No recognisable job title.",
    explanation="""\
jdlint found no job title: no Markdown heading, no 'Job title:' label and no short first line
naming a job ("Senior Data Engineer"). Job boards and candidates read the title first; without
one, nothing can be checked against the duties.

Fires on:
    We are a fast-growing fintech. You will build our payment APIs in Go.

Quiet on:
    Backend Engineer (Go)

    You will build our payment APIs in Go.
""",
    check=_check_missing_title,
)
