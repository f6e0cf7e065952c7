"""JD4xx: is the posting written for every candidate who could do the job?

Gender-coded words (Gaucher, Friesen & Kay 2011) one by one and their balance over the posting,
gendered words for the candidate, hero titles, age-coded words, "culture fit", and physical
requirements a desk job does not have. Every finding suggests a replacement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..results import Finding
from ..roles import ROLE_IDS
from .base import Posting, Rule
from .phrases import phrase_rule

if TYPE_CHECKING:
    from ..wording import WordingHit

# Where the posting talks about the job; the blurb and the legal text are the company's voice.
JOB_SECTIONS = frozenset(
    {"title", "heading", "intro", "body", "responsibilities", "requirements", "nice_to_have"}
)
BALANCE_MIN_LEAN = 3  # masculine-coded words beyond the feminine-coded ones


# A lone pronoun is about the candidate only where the posting talks about the candidate's work
# and the pronoun opens the sentence or follows "the candidate": elsewhere it is a mentor, a
# user of the product, a founder.
_LONE_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "herself"})
CANDIDATE_SECTIONS = frozenset({"responsibilities", "requirements", "nice_to_have"})
_CANDIDATE_WORDS = frozenset(
    {"candidate", "applicant", "hire", "incumbent", "jobholder", "person", "successful"}
)


# A lone "he" or "she" about the hire says what the hire will do: "he will own", "she should
# have"; "When he does, he doesn't care about outfits" is a colleague's profile.
_HIRE_VERBS = frozenset(
    "will 'll shall should must would can may is has needs need takes works reports".split()
)


_BULLETS = frozenset("- * • · – —".split())


def _about_the_candidate(posting: Posting, hit: WordingHit) -> bool:
    if hit.text.lower() not in _LONE_PRONOUNS:
        return True
    if hit.section not in CANDIDATE_SECTIONS:
        return False
    doc = posting.doc
    i = hit.start_token
    if hit.text.lower() in ("he", "she"):
        after = doc[hit.end_token].lower_ if hit.end_token < len(doc) else ""
        if after not in _HIRE_VERBS:
            return False
        if i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space or doc[i].is_sent_start:
            return True
    elif i == 0 or doc[i - 1].is_space or doc[i - 1].text in _BULLETS:
        return True  # "His duties include...", a bullet; not ", his BMI increased" in a story
    return any(t.lower_ in _CANDIDATE_WORDS for t in doc[max(0, i - 6) : i])


# "We don't expect you to be a super-star designer", "no rockstars": the hero word denied.
_NEGATIONS = frozenset(
    {"not", "n't", "n’t", "no", "never", "without", "nor", "dont", "don't", "don’t"}
)
NEGATION_WINDOW = 6
# "Game Developer - Cup Heroes", "Account Manager, SMB Hero Japan": after the title's first
# segment a hero word names a product, a team or a programme, not the hire.
_TITLE_SEGMENT_END = re.compile(r"\s[-–—|]\s|[,(:|–—]")


def _not_denied(posting: Posting, hit: WordingHit) -> bool:
    if hit.section == "title" and posting.title is not None:
        start = posting.title.start
        if start <= hit.start and _TITLE_SEGMENT_END.search(posting.text, start, hit.start):
            return False
    doc = posting.doc
    for k in range(hit.start_token - 1, max(-1, hit.start_token - NEGATION_WINDOW - 1), -1):
        if "\n" in doc[k].text or doc[k].text in (".", "!", "?", ";"):
            return True
        if doc[k].lower_ in _NEGATIONS:
            return False
    return True


def _about_the_job(_posting: Posting, hit: WordingHit) -> bool:
    return hit.section in JOB_SECTIONS


def _check_balance(posting: Posting) -> Iterator[Finding]:
    masculine = [h for h in posting.wording("masculine") if h.section in JOB_SECTIONS]
    feminine = [h for h in posting.wording("feminine") if h.section in JOB_SECTIONS]
    lean = len(masculine) - len(feminine)
    if lean < BALANCE_MIN_LEAN:
        return
    words = list(dict.fromkeys(h.text.lower() for h in masculine))
    shown = ", ".join(f"'{w}'" for w in words[:6]) + (", ..." if len(words) > 6 else "")
    yield posting.finding(
        GENDER_CODED_BALANCE,
        posting.title_location(),
        f"the posting is masculine-coded: {len(masculine)} masculine-coded words ({shown}) "
        f"against {len(feminine)} feminine-coded",
        "reword some masculine-coded words (see masculine-coded-word), e.g. 'ambitious' -> "
        "'motivated', 'analytical' -> 'methodical'",
    )


def _desk_job(posting: Posting, _hit: WordingHit) -> bool:
    """The eight roles are desk jobs: physical requirements are irrelevant to them. A title
    that names a job of no role decides ("Quality Technician, Testing" is bench work, whatever
    its duties share with software); other postings are read by their duties."""
    if posting.title is not None:
        if posting.title.roles:
            return True
        from ..title import parser_for  # not at import: see rules.base

        parser = parser_for(posting.lexicon)
        head = parser.read(posting.title.text).head
        if head in parser.non_role_heads and head not in parser.decorations:
            return False  # a job of no role ("Quality Technician"), not a hero word
    return posting.profile.primary in ROLE_IDS


# Language work, where the native language is the job: translation into one's own language is
# the profession's norm (ISO 17100), and so is language data work.
_LANGUAGE_JOB = ("translat", "linguist", "interpret", "transcri", "subtitl", "locali", "language")


def _not_a_language_job(posting: Posting, _hit: WordingHit) -> bool:
    title = posting.title.text.lower() if posting.title else ""
    if any(stem in title for stem in _LANGUAGE_JOB):
        return False
    return posting.profile.other_work != "annotation_language"


MASCULINE_CODED_WORD = phrase_rule(
    code="JD401",
    name="masculine-coded-word",
    severity="info",
    summary="A masculine-coded word (Gaucher, Friesen & Kay 2011).",
    explanation="""\
A word from the masculine-coded list of Gaucher, Friesen & Kay (2011), whose experiments
showed that such wording makes women find a job less appealing and expect not to belong. One
word is no problem; many are (see gender-coded-balance). Words are matched by lemma, so
"analysis", "decision", "individual contributor" and "competitive salary" are not reported.

Fires on:
    Data Analyst
    - We want an aggressive, ambitious analyst

Quiet on:
    Data Analyst
    - Analysis of dependencies; a competitive salary
""",
    lists=("masculine",),
    what="is masculine-coded",
    default_advice="use a neutral word",
    keep=_about_the_job,
)

GENDER_CODED_BALANCE = Rule(
    code="JD402",
    name="gender-coded-balance",
    severity="warning",
    summary="Masculine-coded words clearly outnumber feminine-coded ones.",
    explanation=f"""\
Over the whole posting (company blurb and legal text aside), masculine-coded words outnumber
feminine-coded ones by {BALANCE_MIN_LEAN} or more. Gaucher, Friesen & Kay (2011) found that
this balance, more than any single word, is what makes women less likely to apply.

Fires on:
    Software Engineer
    - You are ambitious, assertive, competitive and decisive

Quiet on:
    Software Engineer
    - You are ambitious and collaborative, supportive and committed to quality
""",
    check=_check_balance,
    default=False,
)

GENDERED_LANGUAGE = phrase_rule(
    code="JD403",
    name="gendered-language",
    severity="warning",
    summary="A gendered pronoun or noun for the candidate.",
    explanation="""\
"He will", "his/her", "salesman", "guys": the posting assumes the candidate's gender, or that
there are two. Pronouns are reported only where the posting talks about the job, so "our
founder says he'll mentor you" in the company blurb is not.

Fires on:
    Data Engineer
    Requirements
    - He will own our data pipelines

Quiet on:
    Data Engineer
    Requirements
    - You will own our data pipelines
""",
    lists=("gendered",),
    what="is gendered wording",
    default_advice="use 'they' or 'you'",
    keep=_about_the_candidate,
)

HERO_TITLE = phrase_rule(
    code="JD404",
    name="hero-title",
    severity="warning",
    summary="Rockstar, ninja, guru, wizard, hero: a cliché instead of a job.",
    explanation="""\
Calling an engineer a rockstar, ninja, guru, wizard or hero says nothing about the job, sounds
unprofessional, and reads as bro culture to many candidates. "Setup wizard" and "hero section"
are not reported, nor a unicorn company, a hero word quoted or denied ("we don't expect you to
be a superstar"), or a capitalised Guru, Ninja or Hero outside the title (a company, a tool, a
game).

Fires on:
    JavaScript Ninja
    - Build our web app in React

Quiet on:
    Frontend Engineer
    - Build the hero section and the setup wizard in React
""",
    lists=("hero_titles",),
    what="is a cliché, not a job",
    default_advice="name the role and the skills",
    keep=_not_denied,
    default=False,
)

AGE_CODED_LANGUAGE = phrase_rule(
    code="JD405",
    name="age-coded-language",
    severity="warning",
    summary="Wording that favours younger candidates.",
    explanation="""\
"Young and dynamic team", "digital native", "recent graduate" as a requirement: the posting
signals an age, which discourages older candidates and can break age-discrimination law (the
US ADEA, the EU Employment Equality Directive). "A young company" is not reported.

Fires on:
    Marketing Analyst
    - Join our young team of digital natives

Quiet on:
    Marketing Analyst
    - Join a young company with a friendly team
""",
    lists=("age_coded",),
    what="is age-coded",
    default_advice="describe the skills, not the age",
)

CULTURE_FIT = phrase_rule(
    code="JD406",
    name="culture-fit",
    severity="info",
    summary="'Culture fit' as a criterion.",
    explanation="""\
"Culture fit" lets hiring decisions rest on who feels familiar; it is a common route for bias.
Name the values or ways of working you look for instead.

Fires on:
    Data Scientist
    - A strong culture fit

Quiet on:
    Data Scientist
    - You give and take candid feedback in code reviews
""",
    lists=("culture_fit",),
    what="invites hiring for familiarity",
    default_advice="name the values or ways of working you look for",
)

IRRELEVANT_ABILITY = phrase_rule(
    code="JD407",
    name="irrelevant-ability",
    severity="warning",
    summary="A physical requirement a desk job does not have.",
    explanation="""\
"Lift 50 pounds", "stand for long periods", "valid driver's license" in a posting for a desk
job (one of the eight roles, by the title, or by the duties unless the title names another
job) shut out disabled candidates for no reason. In postings for other jobs, where they may be
real, they are not reported.

Fires on:
    Data Analyst
    - Build dashboards in Tableau and write SQL queries
    - Must be able to lift 50 pounds

Quiet on:
    Data Analyst
    - Build dashboards in Tableau and write SQL queries
    - Must be comfortable presenting to stakeholders
""",
    lists=("ability",),
    what="is a physical requirement this job does not seem to have",
    default_advice="drop it unless a task of the job needs it",
    keep=_desk_job,
)

NATIVE_LANGUAGE = phrase_rule(
    code="JD408",
    name="native-language",
    severity="warning",
    summary="'Native speaker' asked for instead of a level of proficiency.",
    explanation="""\
"Native English speaker", "German on a native level", "mother tongue": a language asked for by
birth rather than by how well the candidate uses it. It shuts out fluent speakers who learned
the language later and can amount to discrimination by national origin (the US Civil Rights
Act, the EU Employment Equality Directive). Ask for the level the work needs: fluent, or
professional working proficiency (C1). "Native apps" and "cloud-native" are not reported, nor
is a native language in a posting for language work (translation, transcription, language
data), where it is the profession's norm.

Fires on:
    Customer Success Manager
    - Native English speaker, German is a plus

Quiet on:
    Customer Success Manager
    - Fluent English (C1); German is a plus
    - Build native apps for iOS
""",
    lists=("native_language",),
    what="asks for a native speaker, not a level of proficiency",
    default_advice="fluent (or: professional working proficiency)",
    keep=_not_a_language_job,
)

RULES = (
    MASCULINE_CODED_WORD,
    GENDER_CODED_BALANCE,
    GENDERED_LANGUAGE,
    HERO_TITLE,
    AGE_CODED_LANGUAGE,
    CULTURE_FIT,
    IRRELEVANT_ABILITY,
    NATIVE_LANGUAGE,
)
