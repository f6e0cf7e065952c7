"""JD5xx: does the posting tell a candidate the basics, and spell its technology right?

Pay, place and duties; technology names as their makers spell them (with --fix); legacy
technology and editors, which joblint reports too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..results import Finding, Fix
from ..source import lines_containing
from .base import Posting, Rule
from .phrases import advice, phrase_rule

if TYPE_CHECKING:
    from ..wording import WordingHit

_CURRENCY = (
    r"(?:[$€£¥₹₽]|(?<![A-Za-z])(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|JPY|SGD|NZD|CZK|"
    r"HUF|BRL|MXN|ZAR|kr\.?|zł|Rs\.?|euros?|Euros?|dollars?)(?![A-Za-z]))"
)
# Every repetition on posting text is bounded (no pay amount has more than 15 digits), so that
# each match attempt is short and a line of digits, or "100 " a thousand times, is linear.
_AMOUNT = r"(?:\d{1,3}(?:[,.\s]\d{3}){1,5}|\d{1,15}(?:[.,]\d{1,15})?\s?[kK](?![A-Za-z])|\d{2,15})"
# "85,000 - 100,000", "120,000.00 to 150,000.00": both ends written in thousands
_THOUSANDS = r"\d{1,3}(?:,\d{3}){1,3}(?:\.\d{2})?"
_THOUSANDS_RANGE = rf"{_THOUSANDS}\s{{0,3}}(?:-|–|—|to)\s{{0,3}}{_THOUSANDS}"
_NOT_FUNDING = r"(?!\s?(?:[mMbB]n?\b|million|billion|bn\b))"
# An amount before its currency, and a range in k, start where a number starts: tried from
# inside a run of digits too, they took 2.6 s on a line of a million digits.
_PAY = re.compile(
    rf"{_CURRENCY}\s?{_AMOUNT}{_NOT_FUNDING}"
    rf"|(?<!\d){_AMOUNT}\s?{_CURRENCY}"
    r"|(?<!\d)\d{2,3}\s?[kK]\s{0,10}(?:-|–|to)\s{0,10}\d{2,3}\s?[kK](?![A-Za-z])"
    # "Salary with full time is 1500 (gross)": a pay word and an amount on one line
    r"|(?i:\b(?:salary|salaries|pay|wage|wages|remuneration|stipend|compensation)\b)"
    r"[^\n.]{0,40}?(?<![\w.])\d[\d,.]{2,20}"
    r"(?![\d,.]|\s{0,10}(?:%|days|hours|weeks|months|years)|\(k\)|k\b)"
    # "Rate 85,000 - 100,000 DOE", "Salary range 120,000-150,000": a range of amounts in
    # thousands after a pay word, or before a pay cue; "10,000-20,000 users" is no pay
    r"|(?i:\b(?:rate|rates|salary|salaries|pay|wage|wages|compensation|remuneration|stipend|base"
    rf"|ote)\b)[^\n\d]{{0,25}}{_THOUSANDS_RANGE}"
    rf"|{_THOUSANDS_RANGE}\s{{0,3}}(?i:doe\b|d\.o\.e\.|per\s(?:year|annum|hour|month)\b|a\syear\b"
    r"|annually\b|p\.\s?a\.|/\s?(?:yr|year|annum|hr|hour|month)\b)"
    # "45 per hour", "60,000 a year", "5000/month"
    r"|(?<![\w.])\d[\d,.]{0,20}\s?[kK]?\s{0,10}(?:per|an|a|/)\s{0,10}(?:hour|hr|annum|year|yr|month)\b"
)
_DIGIT = re.compile(r"\d")
# What every form of _PAY needs besides its digits: a currency, a "k", an amount in thousands,
# a pay word or a period of time. A line without any is not read by _PAY, whose many forms
# cost 1 microsecond a character (a line of "jdlint: disable-next-line=JD504" and another of
# "We use Pytorch." 20,000 times over: 0.6 s).
_PAY_CUE = re.compile(
    rf"{_CURRENCY}|[kK]|\d,\d{{3}}"
    r"|(?i:salar|pay|wage|remuneration|stipend|compensation|rate|base|ote|hour|hr|annum|year"
    r"|yr|month)"
)
_US_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
).split()
# "San Francisco, CA", "Salt Lake City, UT": a city of at most four words, so that a long run
# of capitalised words is not read again from each of them
_CITY_STATE = re.compile(
    r"\b[A-Z][a-z]{1,30}(?:\s[A-Z][a-z]{1,30}){0,3},\s(?:" + "|".join(_US_STATES) + r")\b"
)
_SALARY_KEYS = ("baseSalary", "estimatedSalary")
_LOCATION_KEYS = ("jobLocation", "jobLocationType", "applicantLocationRequirements")
# Where a funding round or a price may stand, which is not pay.
_NOT_PAY_SECTIONS = frozenset({"about"})
EDITOR_SECTIONS = frozenset({"requirements", "nice_to_have"})  # asked of the candidate
MIN_DUTIES_WITHOUT_SECTION = 3


def _has_pay(posting: Posting) -> bool:
    if any(posting.source.metadata.get(key) for key in _SALARY_KEYS):
        return True
    text = posting.text
    kind_at = posting.section_index.kind_at
    for start, end in lines_containing(_DIGIT, text):  # every form of pay has a digit
        if not _PAY_CUE.search(text, start, end):
            continue
        for match in _PAY.finditer(text, start, end):
            if kind_at(match.start()) not in _NOT_PAY_SECTIONS:
                return True
    # "Salary range: see below", an anonymised "<SALARY>": a pay range without an amount here
    return bool(posting.wording("pay"))


def _check_pay(posting: Posting) -> Iterator[Finding]:
    if not _has_pay(posting):
        yield posting.finding(
            MISSING_PAY_RANGE,
            posting.title_location(),
            "no pay range: many US states and the EU Pay Transparency Directive require one, "
            "and postings without one get fewer applicants",
            "state the range, e.g. 'Salary: $140,000–$170,000 base'",
        )


def _check_location(posting: Posting) -> Iterator[Finding]:
    if any(posting.source.metadata.get(key) for key in _LOCATION_KEYS):
        return
    if posting.wording("location") or _CITY_STATE.search(posting.text):
        return
    yield posting.finding(
        MISSING_LOCATION,
        posting.title_location(),
        "no location and no remote policy: candidates cannot tell where they would work",
        "say where the job is, or 'Remote (EU time zones)', 'Hybrid, 2 days in Berlin'",
    )


def _check_responsibilities(posting: Posting) -> Iterator[Finding]:
    if any(s.kind == "responsibilities" for s in posting.sections):
        return
    if len(posting.doc._.jdlint_duties or ()) >= MIN_DUTIES_WITHOUT_SECTION:
        return
    if posting.wording("duty_cues"):  # "You will...", "Your tasks": the work is described
        return
    if any(_heads_a_list(posting, hit) for hit in posting.wording("duty_headings")):
        return  # "Job description" or "Role" alone on a line, over a list of duties
    yield posting.finding(
        MISSING_RESPONSIBILITIES,
        posting.title_location(),
        "no responsibilities: the posting does not say what the job's work is",
        "add a 'What you'll do' section with the main duties",
    )


_BULLET_LINE = re.compile(r"\n[ \t]{0,8}[-*•·–][ \t]")
DUTY_LIST_REACH = 700  # characters after the heading line


def _heads_a_list(posting: Posting, hit: WordingHit) -> bool:
    """The hit is a line of its own ("Job description", "Role:") and a bullet list follows
    within a paragraph or so."""
    text = posting.text
    start, end = posting.line_at(hit.start)
    if text[start:end].strip().rstrip(":").strip().lower() != hit.text.lower():
        return False
    # the list may follow a paragraph that introduces it
    return bool(_BULLET_LINE.search(text, end, min(len(text), end + DUTY_LIST_REACH)))


def _check_spelling(posting: Posting) -> Iterator[Finding]:
    text = posting.text
    capitals: dict[int, bool] = {}  # line start -> the line is in capitals (once per line)
    for hit in [*posting.wording("misspelled"), *posting.wording("expanded_acronyms")]:
        start, end = posting.line_at(hit.start)
        if start not in capitals:
            line = text[start:end]
            capitals[start] = line.upper() == line
        if hit.list == "misspelled" and capitals[start]:
            continue  # a heading in capitals: "PYTORCH ENGINEER" is not a misspelling
        where = posting.source.locate(hit.start, hit.end)
        right = hit.entry.suggest or hit.text
        fix = None
        if hit.entry.fix and where.text == hit.text:
            fix = Fix(where.start, where.end, right)
        what = "spelled out" if hit.list == "expanded_acronyms" else "misspelled"
        yield posting.finding(
            MISSPELLED_TECHNOLOGY,
            where,
            f"'{hit.text}' is {what}: its makers write '{right}'",
            advice(hit.entry, "use the maker's spelling"),
            fix=fix,
        )


# Words that make an editor named within a few words after them an ask of the candidate.
_ASK_WORDS = frozenset(
    "experience experienced proficient proficiency fluent fluency expert expertise skilled "
    "familiar familiarity comfortable knowledge know use using must master mastery".split()
)
ASK_WINDOW = 6


def _asks_for_editor(posting: Posting, hit: WordingHit) -> bool:
    """An ask in the requirements: "Fluent in Vim", "Experience with Sublime Text", or a
    requirements bullet that is the editor's name; not "...with a few clicks in VSCode"."""
    if hit.section not in EDITOR_SECTIONS:
        return False
    doc = posting.doc
    before = doc[max(0, hit.start_token - ASK_WINDOW) : hit.start_token]
    if any(t.lower_ in _ASK_WORDS for t in before):
        return True
    start, _end = posting.line_at(hit.start)
    return posting.text[start : hit.start].strip(" -*•\t") == ""


MISSING_PAY_RANGE = Rule(
    code="JD501",
    name="missing-pay-range",
    severity="warning",
    summary="No pay range.",
    explanation="""\
The posting states no pay: no amount or range in the text (a funding round in the company
blurb is not pay) and no baseSalary in its JSON-LD. Pay-transparency laws (Colorado, New York,
California, Washington and others; the EU Pay Transparency Directive from 2026) require a range,
and "competitive salary" is not one.

Fires on:
    Data Engineer
    We offer a competitive salary.

Quiet on:
    Data Engineer
    Salary: $130,000–$160,000 base, plus equity.
""",
    check=_check_pay,
)

MISSING_LOCATION = Rule(
    code="JD502",
    name="missing-location",
    severity="warning",
    summary="No location and no remote policy.",
    explanation="""\
Nothing says where the job is: no city, no country, no "remote", "hybrid" or "on-site", and no
jobLocation in the JSON-LD. Candidates need it to decide whether to apply at all.

Fires on:
    Data Engineer
    - Build pipelines in Airflow

Quiet on:
    Data Engineer (Remote, EU time zones)
    - Build pipelines in Airflow
""",
    check=_check_location,
)

MISSING_RESPONSIBILITIES = Rule(
    code="JD503",
    name="missing-responsibilities",
    severity="warning",
    summary="No responsibilities: the posting does not say what the work is.",
    explanation=f"""\
There is no responsibilities section ("What you'll do", "Responsibilities", "The role"),
fewer than {MIN_DUTIES_WITHOUT_SECTION} duties anywhere else, and no sentence that says what the
candidate will do ("You will...", "Your tasks", "responsible for"). A posting that lists only
requirements and perks leaves candidates guessing what they would do all day, and leaves
jdlint nothing to check the title against.

Fires on:
    Data Engineer
    Requirements
    - 3+ years of Python and SQL

Quiet on:
    Data Engineer
    Responsibilities
    - Build and maintain ETL pipelines in Airflow
""",
    check=_check_responsibilities,
)

MISSPELLED_TECHNOLOGY = Rule(
    code="JD504",
    name="misspelled-technology",
    severity="warning",
    summary="A technology name misspelled, miscased or spelled out.",
    explanation="""\
"Pytorch", "Tensorflow", "Javascript", "java script", "Postgre SQL", "Ruby on Rail": engineers
read a misspelled tool name as a sign that nobody technical wrote or read the posting.
Misspellings are matched exactly as written, so a line in capitals is left alone. `jdlint
--fix` rewrites these names (and nothing else) in place.

Fires on:
    Machine Learning Engineer
    - Train models in Pytorch and Tensorflow

Quiet on:
    Machine Learning Engineer
    - Train models in PyTorch and TensorFlow
""",
    check=_check_spelling,
)

LEGACY_TECHNOLOGY = phrase_rule(
    code="JD505",
    name="legacy-technology",
    severity="info",
    summary="Legacy technology (COBOL, VB6, SourceSafe).",
    explanation="""\
Legacy technology narrows the pool of candidates, and without context suggests the company does
not invest in its stack. Sometimes it is the job: then say how much of it there is and whether
a migration is planned.

Fires on:
    Software Engineer
    - Maintain our COBOL batch jobs and VB6 desktop client

Quiet on:
    Software Engineer
    - Write atomic commits and build Windows services in C#
""",
    lists=("legacy",),
    what="is legacy technology",
    default_advice="say how much legacy work the role has",
)

EDITOR_REQUIREMENT = phrase_rule(
    code="JD506",
    name="editor-requirement",
    severity="info",
    summary="A particular editor or IDE named in the job.",
    explanation="""\
Unless the platform needs it (Xcode for iOS), which editor an engineer uses does not matter;
asking for Vim or Sublime Text narrows the pool for nothing. Only the requirements count: an
editor named in the benefits ("an IntelliJ licence") or in what the product does is not
reported, and "Atom" only as the editor, never in "atomic".

Fires on:
    Software Engineer
    Requirements
    - Fluent in Vim or Emacs

Quiet on:
    Software Engineer
    Requirements
    - Fluent in Go; you write atomic, well-tested commits
""",
    lists=("editors",),
    what="names an editor or IDE",
    default_advice="let engineers choose their tools",
    keep=_asks_for_editor,
    default=False,
)

RULES = (
    MISSING_PAY_RANGE,
    MISSING_LOCATION,
    MISSING_RESPONSIBILITIES,
    MISSPELLED_TECHNOLOGY,
    LEGACY_TECHNOLOGY,
    EDITOR_REQUIREMENT,
)
