"""JD2xx: does the posting ask for what a candidate can have?

Years of a technology older than it is, a job that is three jobs, a PhD for integration work, a
list of must-haves nobody meets, a junior title with senior years.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

from ..lexicon import Lexicon, wording_forms
from ..results import Finding
from ..roles import MODEL_ROLES, ROLE_IDS, are_close_neighbours
from .base import Posting, Rule
from .title_mismatch import MIN_EVIDENCE

if TYPE_CHECKING:
    from ..sections import Section

# The roles whose work is building with existing tools, not inventing methods (ROLES.md).
INTEGRATION_ROLES = frozenset({"ai_engineer", "software_engineer", "data_engineer", "data_analyst"})
# Role families far enough apart that one person rarely does all of them.
FAMILIES = {
    "ai_engineer": "AI integration",
    "ml_engineer": "model building",
    "data_scientist": "model building",
    "research_scientist": "research",
    "mlops_engineer": "ML platform",
    "data_engineer": "data engineering",
    "data_analyst": "analytics",
    "software_engineer": "software engineering",
}
# Families that commonly share one posting, besides ROLES.md's close neighbours: measured over
# the 9,689 real postings of ../shared/data/ats_2025, a pair where, of the postings with
# substantial duties of the rarer family, at least 15% have substantial duties of the other
# too, more often than chance (lift over 1). AI integration with software (30%), ML platform
# (22%), model building (17%) and research (15%); ML platform with software (36%); data
# engineering with software (34%), analytics (23%) and data science (15%); analytics with data
# science (29%). Three such families are one ordinary job, not three.
ADJACENT_FAMILIES = frozenset(
    frozenset(pair)
    for pair in (
        ("ai_engineer", "software_engineer"),
        ("ai_engineer", "mlops_engineer"),
        ("ai_engineer", "ml_engineer"),
        ("ai_engineer", "research_scientist"),
        ("mlops_engineer", "software_engineer"),
        ("data_engineer", "software_engineer"),
        ("data_engineer", "data_analyst"),
        ("data_engineer", "data_scientist"),
        ("data_analyst", "data_scientist"),
    )
)
UNICORN_FAMILIES = 3  # distant families; with exactly three, two must be AI/ML families
UNICORN_MIN_AI_FAMILIES = 2
UNICORN_MIN_SHARE = 0.12  # a family's share of the evidence before it counts as substantial
UNICORN_MIN_DUTIES = 2
UNICORN_WIDE_FAMILIES = 4  # with one duty each, four families, two of them AI/ML
UNICORN_WIDE_MIN_SHARE = 0.12  # each of the four: at 0.05, ordinary ML and AI postings fired
UNICORN_WIDE_MIN_WEIGHT = 1.5
CREDENTIAL_MIN_SHARE = 0.45
OVERLOAD_MUST_HAVES = 15
JUNIOR_MAX_YEARS = 2  # a junior asked for more than this is not junior
SENIOR_MIN_YEARS = 2  # a senior title asking for fewer is not senior
_YEAR = re.compile(r"\s*(\d{4})")


# "Date posted: 2021-04-12", as job boards print it.
_POSTED = re.compile(
    r"\b(?:date posted|posted on|posting date|published on|published)\s*:?\s*"
    r"((?:19|20)\d\d)-\d\d-\d\d",
    re.IGNORECASE,
)


# What every _POSTED match holds: searched for first, with no case to fold and no alternatives
# (0.35 s -> 0.05 s of CPU over 2,000 postings).
_DATE = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")


def reference_year(posting: Posting) -> int:
    """The year the posting was written: its datePosted (JSON-LD, or a "Date posted:" line)
    when it says, else this year."""
    found = _YEAR.match(posting.source.date_posted or "")
    if not found and _DATE.search(posting.text):  # 7 times faster than _POSTED on every text
        found = _POSTED.search(posting.text)
    return int(found.group(1)) if found else datetime.date.today().year


def _check_impossible(posting: Posting) -> Iterator[Finding]:
    year = reference_year(posting)
    for ask in posting.years_asks:
        for skill in ask.skills:
            if skill.year is None or ask.min_years <= year - skill.year:
                continue
            possible = max(year - skill.year, 0)
            start, end = min(ask.start, skill.start), max(ask.end, skill.end)
            yield posting.finding(
                IMPOSSIBLE_EXPERIENCE,
                posting.source.locate(start, end),
                f"asks for {ask.min_years} years of {skill.canonical}, which came out in "
                f"{skill.year}: nobody had more than {possible} years of it in {year}",
                f"ask for at most {possible} years of {skill.canonical}, or for "
                "experience with similar tools",
            )


def _distant_families(
    roles: list[str], shares: dict[str, float], adjacent: bool = True
) -> list[str]:
    """The largest set of ``roles`` from different families with no two close neighbours
    (ML engineering sits next to MLOps, data science and research) and, with ``adjacent``, no
    two adjacent families (``ADJACENT_FAMILIES``); among equals, the one with the most AI/ML
    roles, then the largest share of the evidence."""
    near = _adjacent if adjacent else are_close_neighbours
    best: tuple[int, int, float, tuple[str, ...]] = (0, 0, 0.0, ())
    for mask in range(1, 1 << len(roles)):
        chosen = tuple(r for i, r in enumerate(roles) if mask >> i & 1)
        if len({FAMILIES[r] for r in chosen}) < len(chosen):
            continue
        if any(near(a, b) for a, b in combinations(chosen, 2)):
            continue
        weight = sum(shares.get(r, 0.0) for r in chosen)
        score = (len(chosen), sum(r in MODEL_ROLES for r in chosen), weight, chosen)
        best = max(best, score)
    return list(best[3])


def _adjacent(a: str, b: str) -> bool:
    return are_close_neighbours(a, b) or frozenset({a, b}) in ADJACENT_FAMILIES


def _roles_with_a_duty(posting: Posting) -> list[str]:
    """Roles that a telling must-do duty belongs to first (its heaviest role, weight 1.5 or
    more, not a nice-to-have), with a share of the evidence above noise. Research is left out:
    one "advance the state of the art" is a slogan more often than a research job."""
    shares, tops = posting.profile.shares, set()
    for duty in posting.doc._.jdlint_duties or ():
        role = max(duty.roles, key=duty.roles.__getitem__)
        if duty.roles[role] >= UNICORN_WIDE_MIN_WEIGHT and duty.section != "nice_to_have":
            tops.add(role)
    tops.discard("research_scientist")
    return [r for r in ROLE_IDS if r in tops and shares.get(r, 0.0) >= UNICORN_WIDE_MIN_SHARE]


def _check_unicorn(posting: Posting) -> Iterator[Finding]:
    profile = posting.profile
    if profile.total < MIN_EVIDENCE or profile.primary is None:
        return  # thin evidence, or no technical job at all (a marketing lead who reads data)
    substantial = [
        r
        for r in ROLE_IDS
        if profile.shares.get(r, 0.0) >= UNICORN_MIN_SHARE
        and profile.duty_count(r) >= UNICORN_MIN_DUTIES
    ]
    roles = _distant_families(substantial, profile.shares)
    ai_families = sum(r in MODEL_ROLES for r in roles)
    if len(roles) < UNICORN_FAMILIES or (
        len(roles) == UNICORN_FAMILIES and ai_families < UNICORN_MIN_AI_FAMILIES
    ):
        # One duty each can still make a unicorn when the families are many: prompts,
        # fine-tuning, data pipelines and a front end in one five-bullet list (four families,
        # adjacent or not).
        roles = _distant_families(_roles_with_a_duty(posting), profile.shares, adjacent=False)
        ai_families = sum(r in MODEL_ROLES for r in roles)
        if len(roles) < UNICORN_WIDE_FAMILIES or ai_families < UNICORN_MIN_AI_FAMILIES:
            return
    roles.sort(key=lambda r: -profile.shares[r])
    evidence = [e for r in roles for e in profile.strongest(r, limit=2)]
    parts = ", ".join(f"{FAMILIES[r]} ({profile.shares[r]:.0%})" for r in roles)
    yield posting.finding(
        UNICORN_POSTING,
        posting.title_location(),
        f"the duties are {len(roles)} jobs in one: {parts}",
        "split the posting, or say which of these is the job and make the rest nice-to-haves",
        sorted(evidence, key=lambda e: e.start),
    )


@lru_cache(maxsize=8)
def _optional_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """Words that make an ask optional ("preferred", "MS or PhD"), as one pattern."""
    words = sorted(wording_forms(lexicon, "optional"), key=len)
    alternatives = "|".join(re.escape(w) for w in reversed(words))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _check_credentials(posting: Posting) -> Iterator[Finding]:
    profile, title = posting.profile, posting.title
    primary = profile.primary
    if (
        primary not in INTEGRATION_ROLES
        or profile.total < MIN_EVIDENCE
        or profile.shares.get(primary, 0.0) < CREDENTIAL_MIN_SHARE
        or profile.duty_count(primary) < 2
        or (title is not None and "research_scientist" in title.roles)
    ):
        return
    optional = _optional_pattern(posting.lexicon)
    for hit in [*posting.wording("doctorate"), *posting.wording("research_record")]:
        if hit.section != "requirements":
            continue
        line_start, line_end = posting.line_at(hit.start)
        if optional.search(posting.text[line_start:line_end].lower()):
            continue
        what = "a PhD" if hit.list == "doctorate" else "a research publication record"
        yield posting.finding(
            CREDENTIAL_INFLATION,
            posting.source.locate(hit.start, hit.end),
            f"requires {what}, but the duties are "
            f"{posting.lexicon.role_name(primary)} work ({profile.shares[primary]:.0%} of the "
            "evidence), which builds on existing tools rather than inventing methods",
            "drop the requirement, or make it a nice-to-have",
        )
        return


# Sentences of these kinds are not asks, even under a requirements heading: the offer, the
# apply text, the blurb, and duties ("You will drive...").
_NOT_ASKS = frozenset({"benefits", "apply", "about", "eeo", "responsibilities"})


def _asking_sections(posting: Posting) -> list[Section]:
    """The sections, less those under a heading that lists the company's stack ("Our tech
    stack", "Tools we use"): the section reader files them with the requirements, but a list
    of tools the team uses asks nothing of the candidate."""
    stack = wording_forms(posting.lexicon, "stack_headings")
    sections, out = posting.sections, []
    for i, section in enumerate(sections):
        if section.kind == "requirements" and i and sections[i - 1].kind == "heading":
            heading = posting.text[sections[i - 1].start : sections[i - 1].end]
            if heading.strip(" #*:\t").lower() in stack:
                continue
        out.append(section)
    return out


def _check_overload(posting: Posting) -> Iterator[Finding]:
    from ..requirements import must_have_items  # not at import: see rules.base
    from ..sections import reader_for

    text, reader = posting.text, reader_for(posting.lexicon)
    skill_starts = [h.start for h in posting.skills]

    def is_requirement(start: int, end: int, bullet: bool) -> bool:
        """Not the company's offer or the apply text; in prose, a sentence that asks for
        something ("experience with", "you have") or names a skill."""
        cues = reader.cue_kinds(text[start:end].lower())
        if cues & _NOT_ASKS and "requirements" not in cues:
            return False
        if bullet or "requirements" in cues:
            return True
        first = bisect.bisect_left(skill_starts, start)
        return first < len(skill_starts) and skill_starts[first] < end

    items = must_have_items(text, _asking_sections(posting), is_requirement)
    if len(items) <= OVERLOAD_MUST_HAVES:
        return
    if posting.wording("not_all_required"):
        return  # "you are not required to have all of these": the posting says they are not musts
    start, end = items[0]
    yield posting.finding(
        REQUIREMENT_OVERLOAD,
        posting.source.locate(start, end),
        f"{len(items)} must-have requirements: few candidates meet them all, and many who could "
        "do the job will not apply",
        f"keep the must-haves to what the job needs (at most {OVERLOAD_MUST_HAVES}) and move "
        "the rest to a nice-to-have list",
    )


# "an entry-level role": the job's level, not "coaching everyone from entry-level employees".
_ENTRY_LEVEL_JOB = re.compile(r"\s{1,3}(?:role|position|job|opportunity|posting|program)", re.I)
_NEGATED = re.compile(r"\b(?:not|no|isn't|never)\b(?:\s+an?)?\s*$", re.IGNORECASE)


def _level(posting: Posting) -> str | None:
    """'junior' or 'senior' when the title (or, for entry level, the text) says so."""
    if any(h.section == "title" for h in posting.wording("junior_level")):
        return "junior"
    if any(
        h.text.lower().replace("-", " ") == "entry level"
        and h.section not in ("about", "eeo")
        and _ENTRY_LEVEL_JOB.match(posting.text, h.end)
        and not _NEGATED.search(posting.text[max(0, h.start - 12) : h.start])
        for h in posting.wording("junior_level")
    ):
        return "junior"
    if any(h.section == "title" for h in posting.wording("senior_level")):
        return "senior"
    return None


def _check_seniority(posting: Posting) -> Iterator[Finding]:
    level = _level(posting)
    if level is None:
        return
    asks = [a for a in posting.years_asks if a.section == "requirements"]
    if level == "junior":
        over = [a for a in asks if a.min_years > JUNIOR_MAX_YEARS]
        if over:
            ask = max(over, key=lambda a: a.min_years)
            yield posting.finding(
                SENIORITY_CONTRADICTION,
                posting.source.locate(ask.start, ask.end),
                f"an entry-level or junior posting asks for {ask.min_years}+ years of experience",
                "ask for at most 2 years, or drop the junior label",
            )
        return
    no_experience = posting.wording("no_experience")
    if no_experience:
        hit = no_experience[0]
        where, what = (hit.start, hit.end), f"says '{hit.text}'"
    else:
        low = [a for a in asks if (a.max_years or a.min_years) < SENIOR_MIN_YEARS]
        if not low or any(a.min_years >= SENIOR_MIN_YEARS for a in asks):
            return
        years = low[0].max_years or low[0].min_years
        where = (low[0].start, low[0].end)
        what = f"asks for {years} year{'s' if years != 1 else ''} of experience"
    yield posting.finding(
        SENIORITY_CONTRADICTION,
        posting.source.locate(*where),
        f"a senior-level title, but the posting {what}",
        "make the title match the level, or the requirements match the title",
    )


IMPOSSIBLE_EXPERIENCE = Rule(
    code="JD201",
    name="impossible-experience",
    severity="error",
    summary="More years of a technology than it has existed.",
    explanation="""\
The posting asks for more years with a technology than the technology is old, counted to the
posting's datePosted (JSON-LD) or, when it does not say, to today. Nobody meets the requirement,
and it tells candidates the author does not know the field. Release years are in the role
lexicons ("year").

Fires on:
    AI Engineer
    Requirements
    - 5+ years of experience with LangChain

Quiet on:
    AI Engineer
    Requirements
    - 5+ years of Python, and experience with LangChain
""",
    check=_check_impossible,
)

UNICORN_POSTING = Rule(
    code="JD202",
    name="unicorn-posting",
    severity="warning",
    summary="Substantial duties from three or more distant role families at once.",
    explanation="""\
The duties hold real work of role families that rarely meet in one person: research, model
building, an ML platform, AI integration, data engineering, analytics, software engineering.
Close neighbours (ML engineering next to MLOps, data science or research) and families that
commonly share real postings (AI integration with software, an ML platform or model building;
data engineering with software, analytics or data science) do not count apart. Reported for
three such distant families of which two are AI/ML work, or four (a generalist who does dashboards,
scripts and integrations is not a unicorn); with only one telling duty per family, for four
families of which two are AI/ML, each with a substantial share of the evidence. Never on a
posting of no technical role. Such a posting finds nobody, or somebody who does one part and
is judged on all.

Fires on:
    Machine Learning Engineer
    - Build RAG pipelines with LangChain and write prompts for our GPT-4 assistant
    - Train deep learning models with PyTorch and engineer features from our data
    - Build ETL pipelines in Airflow and maintain the Snowflake data warehouse
    - Build React front-end features and maintain our Node.js REST APIs

Quiet on:
    Machine Learning Engineer
    - Train and fine-tune deep learning models with PyTorch on our own data
    - Engineer features and evaluate models with scikit-learn
    - Deploy models to production with MLflow
""",
    check=_check_unicorn,
    default=False,
)

CREDENTIAL_INFLATION = Rule(
    code="JD203",
    name="credential-inflation",
    severity="warning",
    summary="A PhD or a research record required for integration work.",
    explanation="""\
A PhD (or first-author publications) is a must-have, but the duties are integration and
engineering work: calling LLM APIs, building pipelines, dashboards or web services. The
requirement turns away the engineers who do this work best. A PhD as a nice-to-have, or as one
option among degrees ("MS or PhD"), is not reported.

Fires on:
    AI Engineer
    Responsibilities
    - Build RAG pipelines with LangChain and pgvector
    - Integrate the OpenAI API into our support tools
    - Write and evaluate prompts for our assistant
    Requirements
    - PhD in Computer Science

Quiet on:
    AI Engineer
    Responsibilities
    - Build RAG pipelines with LangChain and pgvector
    - Integrate the OpenAI API into our support tools
    - Write and evaluate prompts for our assistant
    Requirements
    - BS, MS or PhD in Computer Science
""",
    check=_check_credentials,
    default=False,
)

REQUIREMENT_OVERLOAD = Rule(
    code="JD204",
    name="requirement-overload",
    severity="warning",
    summary="Far more must-have requirements than a candidate can meet.",
    explanation=f"""\
More than {OVERLOAD_MUST_HAVES} must-have requirements (bullets or sentences under a
requirements heading; nice-to-haves are counted apart and not at all), unless the posting says
that not all of them are required ("you don't need to meet every requirement"). Long must-have
lists put off qualified candidates, who read every line as a condition, and women more than men.

Fires on:
    Data Engineer
    Requirements
{"".join(f"    - Requirement number {i} about one more tool{chr(10)}" for i in range(1, 18))}
Quiet on:
    Data Engineer
    Requirements
    - 3+ years building data pipelines
    - SQL and Python
    Nice to have
{"".join(f"    - Nice thing number {i} about one more tool{chr(10)}" for i in range(1, 18))}""",
    check=_check_overload,
    default=False,
)

SENIORITY_CONTRADICTION = Rule(
    code="JD205",
    name="seniority-contradiction",
    severity="warning",
    summary="A junior or entry-level posting asking for senior years, or the reverse.",
    explanation="""\
The title (or the text, for "entry level") names one level and the requirements another: a
Junior or Graduate title asking for 3+ years, or a Senior, Staff or Principal title asking for
a year or less, or for no experience at all.

Fires on:
    Junior Data Analyst
    Requirements
    - 5+ years of experience with SQL and Tableau

Quiet on:
    Junior Data Analyst
    Requirements
    - 1-2 years of experience with SQL and Tableau
""",
    check=_check_seniority,
    default=False,
)

RULES = (
    IMPOSSIBLE_EXPERIENCE,
    UNICORN_POSTING,
    CREDENTIAL_INFLATION,
    REQUIREMENT_OVERLOAD,
    SENIORITY_CONTRADICTION,
)
