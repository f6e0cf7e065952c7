"""JD1xx: does the title name the specialist the duties describe?

One verdict per posting decides which of the mismatch rules, if any, applies; each rule then
reports only its own kind. The verdict reads role families, not single roles: model building
(ML, MLOps, research and data science together), AI integration, and the rest. Its
thresholds are fitted data (``mismatch`` in ``lexicons/weights/roles.json``), chosen by
``evaluation/mismatch.py`` on the labelled postings for precision first: ROLES.md says a false
alarm costs more than a miss.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..results import Finding
from ..role_model import OTHER
from ..roles import (
    AI_ML_ROLES,
    MODEL_ROLES,
    OVERLAPPING,
    PRESTIGE_ROLES,
    ROLE_IDS,
    are_close_neighbours,
)
from .base import Posting, Rule

if TYPE_CHECKING:
    from ..role_profile import RoleProfile

# Lexicon evidence (RoleProfile.total) below which a rule says nothing: the fallback of the
# fitted *_min_evidence thresholds (chosen between 4 and 12; 6 and 8 in the shipped weights)
# and the bar of the rule that is not fitted. One duty line ("Build ETL pipelines in
# Airflow") has 7.5, a requirement of three tools 5.4; the thinnest fixture with a mismatch
# has 15.5.
MIN_EVIDENCE = 8.0

# Model building, as one family (ROLES.md: under-titled AI is "building and training custom
# models"; ML, MLOps, research and data-science evidence all say so together).
MODEL_BUILDING = frozenset(
    {"ml_engineer", "mlops_engineer", "research_scientist", "data_scientist"}
)
# The roles that build and train models.
MODEL_BUILDERS = frozenset({"ml_engineer", "research_scientist", "data_scientist"})
# Work with no AI/ML at its core.
NON_AI_ROLES = frozenset(r for r in ROLE_IDS if r not in MODEL_ROLES)

# The thresholds, by name ("*_min_evidence": RoleProfile.total). The defaults are the
# fallbacks for a weights file without them; the ones in use are chosen by
# evaluation/mismatch.py and stored with the weights.
DEFAULT_THRESHOLDS: dict[str, float] = {
    # prestige-ml-title: probability of AI-integration work, at most this much model
    # building, at least this much AI-integration work and at most this much model building
    "prestige_min_evidence": MIN_EVIDENCE,
    "prestige_min_ai": 0.7,
    "prestige_max_model": 0.2,
    "prestige_min_duties": 2,
    "prestige_max_model_duties": 1,
    "prestige_max_split": 0.34,  # model-building duties per AI-integration duty
    # under-titled-ai: probability of model building, at most this much AI integration and
    # this many AI-integration duties, and this many model-building duties
    "under_min_evidence": MIN_EVIDENCE,
    "under_min_model": 0.7,
    "under_max_ai": 0.2,
    "under_max_ai_duties": 1,
    "under_min_duties": 2,
    "under_max_split": 0.34,  # AI-integration duties per model-building duty
    # ai-washing: at most this probability of AI, ML or data-science work, and this many
    # duties of other work (and never an AI/ML duty)
    "washing_min_evidence": MIN_EVIDENCE,
    "washing_max_ai": 0.2,
    "washing_min_duties": 3,
    # title-duty-mismatch: probability of the duties' role, at most this much for the title's
    # roles, this many duties of the duties' role and at most this many of the title's roles
    # per duty of the duties' role (more is an honest split)
    "other_min_evidence": MIN_EVIDENCE,
    "other_min_primary": 0.85,
    "other_max_title": 0.05,
    "other_min_duties": 3,
    "other_max_split": 0.0,
    # work of no role under a technical title: its probability, its duties and at most this
    # many technical duties. Not fitted (no labelled posting is a clear case of it): set strict.
    "no_role_min_other": 0.95,
    "no_role_min_duties": 4,
    "no_role_max_technical": 1,
}


# A second role this probable (given a technical role) is suggested too; hand-set, it only
# words the suggestion.
SECOND_SUGGESTION = 0.25

_SENIORITY = re.compile(
    r"^\s*((?:(?:senior|sr\.?|junior|jr\.?|staff|principal|lead|head|chief|associate)\s+)+)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Verdict:
    kind: str  # a rule name
    primary: str  # the role the duties describe, or the kind of work of no role ("sales")


def _thresholds(posting: Posting) -> Mapping[str, float]:
    model = posting.lexicon.role_model
    fitted = model.mismatch if model is not None else {}
    return {**DEFAULT_THRESHOLDS, **fitted}


def verdict(posting: Posting) -> Verdict | None:
    """The kind of mismatch between the title and the duties, or None when there is none or
    the evidence is too thin to say."""
    if posting.title is None:
        return None
    return decide(posting.title.roles, posting.profile, _thresholds(posting))


@dataclass(frozen=True)
class Facts:
    """What the verdict on one posting rests on: which rule's kind of title and duties it is,
    and the quantities that rule's thresholds compare (probabilities from the role model,
    counts of the posting's own work as the lexicon reads it, the lexicon evidence in all)."""

    rule: str  # the rule name, or "no-role" for a technical title over work of no role
    primary: str  # the role the duties describe, or the kind of work of no role
    values: dict[str, float]


def facts(title_roles: tuple[str, ...] | frozenset[str], profile: RoleProfile) -> Facts | None:
    """Which rule a title claiming ``title_roles`` over duties read as ``profile`` is a case
    for, or None when no rule is (the title names the duties' role or a close neighbour, or
    no role at all)."""
    claimed = set(title_roles)
    if not claimed:
        return None
    p = profile.role_probability
    work = profile.work
    total = profile.total
    if profile.primary is None:
        if claimed <= AI_ML_ROLES:
            return _washing_facts(profile, profile.other_work or OTHER)
        values = {
            "total": total,
            "other": profile.probabilities.get(OTHER, 0.0),
            "other_work": work({OTHER}),
            "technical": work(set(ROLE_IDS)),
        }
        return Facts("no-role", profile.other_work or OTHER, values)
    primary = profile.primary
    if primary in claimed or any(are_close_neighbours(r, primary) for r in claimed):
        return None
    # AI integration against model building, for the two rules between them.
    families = {
        "total": total,
        "ai": p({"ai_engineer"}),
        "model": p(MODEL_BUILDING),
        "integration": work({"ai_engineer"}),
        "model_work": work(MODEL_BUILDING),
    }
    if claimed & PRESTIGE_ROLES and "ai_engineer" not in claimed and primary == "ai_engineer":
        # An ML, data-science or research title over AI integration.
        return Facts("prestige-ml-title", primary, families)
    if "ai_engineer" in claimed and not claimed & MODEL_BUILDING and primary in MODEL_BUILDERS:
        # An AI-integration title over building and training models (ML platform work under
        # an AI title is not this kind: ROLES.md's under-titled AI is model building).
        return Facts("under-titled-ai", primary, families)
    if claimed <= AI_ML_ROLES:
        # (An AI title over ML-platform work is no case either: reported as a mismatch, it
        # raised a false alarm on GPU performance work under "Software Engineer (AI ...)".)
        return _washing_facts(profile, primary) if primary in NON_AI_ROLES else None
    # A broad software title over any technical work is broad, not wrong.
    if claimed == {"software_engineer"}:
        return None
    # Analysis overlaps: a data scientist who builds dashboards is not the wrong hire (and the
    # duty model confuses the pair most: 6 of the 26 labelled data scientists read as analysts).
    if any(frozenset({r, primary}) in OVERLAPPING for r in claimed):
        return None
    # The title's own work includes the work it overlaps: a data scientist's reports.
    overlapped = {r for pair in OVERLAPPING if pair & claimed for r in pair}
    values = {
        "total": total,
        "primary": p({primary}),
        "title": p(claimed),
        "primary_work": work({primary}),
        "title_work": work(claimed | overlapped),
    }
    return Facts("title-duty-mismatch", primary, values)


def _washing_facts(profile: RoleProfile, primary: str) -> Facts:
    values = {
        "total": profile.total,
        "ai_work": profile.work(AI_ML_ROLES, fields=True),
        # Work of no role is no AI work either: the unconditional probability.
        "model": profile.family_probability(MODEL_ROLES),
        "plain_work": profile.work(NON_AI_ROLES | {OTHER}),
    }
    return Facts("ai-washing", primary, values)


def judge(f: Facts | None, t: Mapping[str, float]) -> Verdict | None:
    """The verdict that ``f`` gives with thresholds ``t`` (see DEFAULT_THRESHOLDS)."""
    if f is None:
        return None
    v = f.values
    if f.rule == "prestige-ml-title":
        fires = (
            v["total"] >= t["prestige_min_evidence"]
            and v["ai"] >= t["prestige_min_ai"]
            and v["model"] <= t["prestige_max_model"]
            and v["integration"] >= t["prestige_min_duties"]
            and v["model_work"] <= t["prestige_max_model_duties"]
            # ROLES.md: duties clearly split between AI and ML work are no mismatch
            and v["model_work"] <= t["prestige_max_split"] * v["integration"]
        )
    elif f.rule == "under-titled-ai":
        fires = (
            v["total"] >= t["under_min_evidence"]
            and v["model"] >= t["under_min_model"]
            and v["ai"] <= t["under_max_ai"]
            and v["integration"] <= t["under_max_ai_duties"]
            and v["model_work"] >= t["under_min_duties"]
            and v["integration"] <= t["under_max_split"] * v["model_work"]
        )
    elif f.rule == "ai-washing":
        # Not one duty of AI or ML work (a duty on "AI" itself counts), hardly any chance of
        # model or AI work, and enough other work, technical or not, to say so. (Allowing one
        # or two AI duties among many others found 2 more swapped copies out of fold and
        # raised a false alarm on a software posting with one peripheral AI duty.)
        fires = (
            v["total"] >= t["washing_min_evidence"]
            and v["ai_work"] == 0
            and v["model"] <= t["washing_max_ai"]
            and v["plain_work"] >= t["washing_min_duties"]
        )
    elif f.rule == "title-duty-mismatch":
        fires = (
            v["total"] >= t["other_min_evidence"]
            and v["primary"] >= t["other_min_primary"]
            and v["title"] <= t["other_max_title"]
            and v["primary_work"] >= t["other_min_duties"]
            # hardly any duty of the title's role: not a split
            and v["title_work"] <= t["other_max_split"] * v["primary_work"]
        )
    else:  # a technical title over work none of the roles do, when that clearly is the job
        fires = (
            v["total"] >= MIN_EVIDENCE
            and v["other"] >= t["no_role_min_other"]
            and v["other_work"] >= t["no_role_min_duties"]
            and v["technical"] <= t["no_role_max_technical"]
        )
        if fires:
            return Verdict("title-duty-mismatch", f.primary)
        return None
    return Verdict(f.rule, f.primary) if fires else None


def decide(
    title_roles: tuple[str, ...] | frozenset[str],
    profile: RoleProfile,
    t: Mapping[str, float],
) -> Verdict | None:
    """The verdict for a title claiming ``title_roles`` over duties read as ``profile``, with
    thresholds ``t`` (see DEFAULT_THRESHOLDS)."""
    return judge(facts(title_roles, profile), t)


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
    profile = posting.profile
    first = f"'{_suggested_title(posting, primary)}'"
    second = max((r for r in ROLE_IDS if r != primary), key=lambda r: profile.role_probability({r}))
    if profile.role_probability({second}) < SECOND_SUGGESTION:
        return f"consider {first}"
    return f"consider {first} or '{_suggested_title(posting, second)}'"


def _report(posting: Posting, rule: Rule, what: str) -> Iterator[Finding]:
    """The finding for ``rule`` if the posting's verdict is of its kind; ``what`` says what
    the duties are, after the share of the evidence they hold."""
    result = posting.mismatch
    if result is None or result.kind != rule.name:
        return
    assert posting.title is not None
    title = posting.title
    key = result.primary if result.primary in ROLE_IDS else "other"
    evidence = posting.profile.strongest(key, limit=4)
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
Duties clearly split between AI integration and model training are not reported.

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
The title says AI or Machine Learning, but not one duty is AI or ML work: the duties are web,
backend, DevOps, test automation, ETL or BI work, or no technical work at all. "AI" in a title
draws specialists who will leave when the job turns out to be PHP plugins; name the job that
the duties describe. Mentions of "AI" in the company blurb or of AI coding tools do not count
as AI work.

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
Analyst title over data entry (work none of the technical roles does). Close neighbours (ML
Engineer and MLOps Engineer; Data Scientist and ML Engineer), a broad software title, and a
Data Scientist title over analyst work are not reported; the duties' role must be clearly
probable and have duties, and the title's own role (with the work it overlaps) hardly any
(more makes an honest split).

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
