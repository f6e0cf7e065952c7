"""JD3xx: does the posting say what AI work it means?

"Experience with AI/ML" that names no technique, tool or task, and AI marketing in the duties
and requirements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import wording_forms
from ..results import Finding
from ..roles import MODEL_ROLES
from .base import Posting, Rule

ASK_SECTIONS = frozenset({"requirements", "nice_to_have"})
# Where concrete AI work may be named instead: the asks and the duties.
CONCRETE_SECTIONS = frozenset({"requirements", "nice_to_have", "responsibilities"})
# Buzzwords count only in what the job is; the company blurb may say what it likes.
BLURB_SECTIONS = frozenset({"about", "intro", "benefits", "eeo", "apply"})
BUZZWORD_MIN = 2
BUZZWORDS_PER_1000_WORDS = 5.0


# "AI tools such as Copilot", "AI (RAG, agents)": the ask goes on to name what it means.
# (Used with ``match(text, pos)``, which anchors at ``pos``; a "^" would not match there.)
_NAMES_EXAMPLES = re.compile(
    r"[^\n.;]{0,40}?(?:\(|\bsuch as\b|\be\.g\.|\bfor example\b|\blike\b|\bincluding\b|:)",
    re.IGNORECASE,
)


def _check_vague_ai(posting: Posting) -> Iterator[Finding]:
    text = posting.text
    asks = [
        h
        for h in posting.wording("vague_ai")
        if h.section in ASK_SECTIONS and not _NAMES_EXAMPLES.match(text, h.end)
    ]
    if not asks:
        return
    vague = wording_forms(posting.lexicon, "vague_ai")
    for skill in posting.skills:
        if (
            skill.section in CONCRETE_SECTIONS
            and max(skill.roles, key=skill.roles.__getitem__) in MODEL_ROLES
            and skill.canonical.lower() not in vague
            and skill.text.lower() not in vague
        ):
            return
    duties = posting.doc._.jdlint_duties or ()
    if any(max(d.roles, key=d.roles.__getitem__) in MODEL_ROLES for d in duties):
        return
    hit = asks[0]
    yield posting.finding(
        VAGUE_AI,
        posting.source.locate(hit.start, hit.end),
        f"asks for '{hit.text}' but names no AI technique, tool or task anywhere in the "
        "requirements or duties",
        "name the work: e.g. 'build RAG over our docs with pgvector' or 'train gradient-boosted "
        "models in XGBoost'",
    )


def _check_buzzwords(posting: Posting) -> Iterator[Finding]:
    hits = [h for h in posting.wording("buzzwords") if h.section not in BLURB_SECTIONS]
    if len(hits) < BUZZWORD_MIN:
        return
    text = posting.text
    words = sum(
        len(text[s.start : s.end].split()) for s in posting.sections if s.kind not in BLURB_SECTIONS
    )
    if len(hits) * 1000 < BUZZWORDS_PER_1000_WORDS * max(words, 1):
        return
    for hit in hits:
        yield posting.finding(
            AI_BUZZWORD,
            posting.source.locate(hit.start, hit.end),
            f"'{hit.text}': AI marketing in what the job is ({len(hits)} such phrases outside "
            "the company blurb)",
            "say which model or technique does what, or cut the phrase",
        )


VAGUE_AI = Rule(
    code="JD301",
    name="vague-ai",
    severity="warning",
    summary="Asks for 'AI/ML experience' without naming a technique, tool or task.",
    explanation="""\
The requirements ask for experience with "AI", "ML" or "AI tools", and neither they nor the
duties name a technique (RAG, fine-tuning, forecasting), a tool (PyTorch, the OpenAI API,
pgvector) or an AI task. Candidates cannot tell whether the job is prompt writing, model
training or using Copilot, and the wrong ones apply.

Fires on:
    Backend Engineer
    Responsibilities
    - Build REST APIs in Django
    Requirements
    - Experience with AI/ML

Quiet on:
    Backend Engineer
    Responsibilities
    - Build REST APIs in Django
    Requirements
    - Experience with AI/ML, e.g. calling the OpenAI API or building RAG with pgvector
""",
    check=_check_vague_ai,
    default=False,
)

AI_BUZZWORD = Rule(
    code="JD302",
    name="ai-buzzword",
    severity="warning",
    summary="AI marketing language in the duties or requirements.",
    explanation=f"""\
"AI-powered", "cutting-edge AI", "revolutionary", "10x with AI" in the duties and
requirements, at least {BUZZWORD_MIN} and at least {BUZZWORDS_PER_1000_WORDS:g} per 1,000 words
of them. Marketing words say nothing about the work. The company blurb is not counted: it may
sell the product, and it never makes the job AI work.

Fires on:
    Software Engineer
    Responsibilities
    - Build AI-powered features for our revolutionary platform
    - Supercharge our customers' workflows

Quiet on:
    Software Engineer
    About us
    We build AI-powered, revolutionary tools that supercharge teams.
    Responsibilities
    - Build REST APIs in Django
""",
    check=_check_buzzwords,
)

RULES = (VAGUE_AI, AI_BUZZWORD)
