"""JD6xx: does the posting's tone put candidates off?

joblint's families, matched as whole tokens with exceptions from the data, so that its known
false alarms stay quiet: a company called Mother, "competitive salary", "at the top of our
platform", "he'll", "win" in "Windows", "atom" in "atomic".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Posting
from .phrases import phrase_rule

if TYPE_CHECKING:
    from ..wording import WordingHit


def _no_real_benefits(posting: Posting, _hit: WordingHit) -> bool:
    return not posting.wording("real_benefits")


BRO_CULTURE = phrase_rule(
    code="JD601",
    name="bro-culture",
    severity="warning",
    summary="Bro-culture wording.",
    explanation="""\
"Brogrammer", "work hard, play hard", "crush it": wording that tells anyone outside one
archetype that they will not belong.

Fires on:
    Backend Engineer
    - Join our brogrammers: we work hard, play hard

Quiet on:
    Backend Engineer
    - Join a team that works sensible hours
""",
    lists=("bro_culture",),
    what="is bro-culture wording",
    default_advice="remove it",
)

SEXUALISED_LANGUAGE = phrase_rule(
    code="JD602",
    name="sexualised-language",
    severity="warning",
    summary="Sexualised wording ('sexy code').",
    explanation="""\
"Sexy code", "pimp our stack": sexualised words in a job posting are unprofessional and signal
a culture many candidates avoid. Say what makes the work good instead.

Fires on:
    Frontend Engineer
    - Write sexy code for our app

Quiet on:
    Frontend Engineer
    - Write clean, well-tested code; at the top of our platform sits the editor
""",
    lists=("sexualised",),
    what="is sexualised wording",
    default_advice="say what makes the work good",
)

PROFANITY = phrase_rule(
    code="JD603",
    name="profanity",
    severity="warning",
    summary="Profanity.",
    explanation="""\
Swearing in a job posting is unprofessional. Matched as whole words: "he'll" is not "hell", and
a company called Mother is just a company.

Fires on:
    Backend Engineer
    - Ship kick-ass features, no bullshit

Quiet on:
    Backend Engineer
    - We are Mother, an agency; our CTO says he'll mentor you
""",
    lists=("profanity",),
    what="is profanity",
    default_advice="remove it",
)

HOLLOW_BENEFITS = phrase_rule(
    code="JD604",
    name="hollow-benefits",
    severity="info",
    summary="Perks such as beer and ping pong offered as benefits.",
    explanation="""\
Beer, ping pong and free snacks are not benefits; in a posting they often stand in for the
ones that matter (pay, leave, health cover, a learning budget) and suggest a culture of long
evenings at the office. Reported only when the posting names no real benefit: perks next to
30 days of leave and a pension are just perks.

Fires on:
    Data Analyst
    Benefits
    - Free beer, ping pong and pizza Fridays

Quiet on:
    Data Analyst
    Benefits
    - 30 days of paid leave, private health cover and a learning budget
""",
    lists=("hollow_benefits",),
    what="is a perk, and the posting names no real benefit (leave, health cover, a pension)",
    default_advice="list the real benefits",
    keep=_no_real_benefits,
)

VISIONARY_JARGON = phrase_rule(
    code="JD605",
    name="visionary-jargon",
    severity="info",
    summary="'Visionary' jargon: synergy, paradigm, blue-sky.",
    explanation="""\
"Visionary", "synergy", "paradigm shift", "blue-sky thinking": jargon that says nothing and
suggests a posting written far from the work. "Programming paradigms" and other technical
paradigms are not reported, nor a company named Synergy or Paradigm.

Fires on:
    Product Analyst
    - Drive synergies and blue-sky thinking as a visionary

Quiet on:
    Product Analyst
    - Know functional and object-oriented programming paradigms
""",
    lists=("jargon",),
    what="is jargon",
    default_advice="say plainly what you mean",
)

COMPETITIVE_ENVIRONMENT = phrase_rule(
    code="JD606",
    name="competitive-environment",
    severity="info",
    summary="A competitive or cut-throat environment.",
    explanation="""\
"A highly competitive environment", "cut-throat", "crush the competition": many candidates,
and especially people with caring duties, read this as long hours and colleagues as rivals.
"Competitive salary" and "competitive market" are not reported, nor "win" in "Windows".

Fires on:
    Sales Engineer
    - Thrive in a cut-throat, highly competitive environment

Quiet on:
    Sales Engineer
    - Competitive salary; Windows and Linux servers; win-win partnerships
""",
    lists=("competitive",),
    what="describes a competitive environment",
    default_advice="describe a team that supports each other",
)

NEW_STARTER_EXPECTATIONS = phrase_rule(
    code="JD607",
    name="new-starter-expectations",
    severity="info",
    summary="'Hit the ground running' and other new-starter expectations.",
    explanation="""\
"Hit the ground running", "no hand-holding", "productive from day one": the author expects a
new hire to need no onboarding, which nobody can meet and which suggests there is none.

Fires on:
    Data Engineer
    - You will hit the ground running with no hand-holding

Quiet on:
    Data Engineer
    - A four-week onboarding with a buddy helps you settle in
""",
    lists=("new_starter",),
    what="expects a new starter to need no onboarding",
    default_advice="describe the onboarding you offer",
)

MERITOCRACY = phrase_rule(
    code="JD608",
    name="meritocracy",
    severity="info",
    summary="The company calls itself a meritocracy.",
    explanation="""\
Studies of organisations that call themselves meritocracies (Castilla & Benard 2010) found
more bias in pay decisions, not less. Say how promotion and pay are decided instead.

Fires on:
    Software Engineer
    - We are a true meritocracy

Quiet on:
    Software Engineer
    - Promotions follow a published career ladder
""",
    lists=("meritocracy",),
    what="claims a meritocracy",
    default_advice="describe how promotion and pay decisions are made",
)

RULES = (
    BRO_CULTURE,
    SEXUALISED_LANGUAGE,
    PROFANITY,
    HOLLOW_BENEFITS,
    VISIONARY_JARGON,
    COMPETITIVE_ENVIRONMENT,
    NEW_STARTER_EXPECTATIONS,
    MERITOCRACY,
)
