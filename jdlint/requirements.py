"""What a posting asks of a candidate: years of experience (with what) and must-have items.

Read from the annotated Doc: the sections say what is a requirement and what a nice-to-have,
the skill hits say which technology a "5+ years of ..." is about.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from .extensions import doc_text
from .sections import BULLET, Section
from .skills import SkillHit
from .source import lines_containing

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUMBER = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
# "5+ years", "3-5 years", "five (5) years", "minimum 4 yrs", "10 years'". The gaps are
# bounded: two unbounded \s* side by side would try every split of a long run of spaces.
_GAP = r"\s{0,3}"
_YEARS = re.compile(
    rf"(?<![\w.$€£]){_NUMBER}{_GAP}(\+|plus)?{_GAP}(?:\({_GAP}\d{{1,2}}{_GAP}\){_GAP})?"
    rf"(?:(?:-|–|to|or){_GAP}{_NUMBER}{_GAP}\+?{_GAP})?(?:years?|yrs?)(?!\w)",
    re.IGNORECASE,
)
# What may stand between "5+ years" and the technology it is about: "of", "of hands-on
# experience with", "' professional experience in". Anything else ("of software engineering
# experience with LangChain") makes the years about something broader, and nothing is claimed.
_LEAD = re.compile(
    r"[\s'’]*(?:of|with|in|using|on)?\s*"
    r"(?:(?:hands-on|professional|production|practical|commercial|industry|relevant|working|"
    r"solid|proven|recent|real-world|deep)\s+)*"
    r"(?:experience|exp\.?)?\s*(?:of|with|in|using|on|building with|developing with|"
    r"developing in|programming in|working with)?\s*$",
    re.IGNORECASE,
)
# Between two technologies of one list: "LangChain, LlamaIndex and pgvector"
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and|or)?|/|&|\band\b|\bor\b)\s*$", re.IGNORECASE)
_YEAR_WORD = re.compile(r"year|yr", re.IGNORECASE)  # a years ask stands on a line with one
_SKILL_BEFORE = re.compile(r"^[\s(:–-]{0,4}$")  # "LangChain (5+ years)", "LangChain: 5 years"
MAX_LEAD_CHARS = 60
MUST_HAVE_KINDS = frozenset({"requirements"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


@dataclass(frozen=True)
class YearsAsk:
    """'5+ years of experience with X': how many years, where, and the skills it names."""

    min_years: int
    max_years: int | None
    start: int  # character offsets into doc.text
    end: int
    section: str
    skills: tuple[SkillHit, ...]


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


def years_asks(doc: Doc, section_at: Callable[[int], str]) -> list[YearsAsk]:
    """Every 'N years' in the posting, with the skills it is about."""
    text = doc_text(doc)
    skills = sorted(doc._.jdlint_skills or [], key=lambda h: h.start)
    starts = [h.start for h in skills]
    matches = [  # (where its line starts, the match); only lines that say "year" or "yr"
        (line_start, m)
        for line_start, line_end in lines_containing(_YEAR_WORD, text)
        for m in _YEARS.finditer(text, line_start, line_end)
    ]
    asks = []
    for line_start, match in matches:
        start, end = match.start(), match.end()
        low = _number(match.group(1))
        high = _number(match.group(3)) if match.group(3) else None
        if high is not None and high < low:
            high = None
        named = _skills_after(text, end, skills, starts)
        previous = bisect.bisect_left(starts, start) - 1  # the last skill starting before
        if previous >= 0:
            hit = skills[previous]
            if line_start <= hit.start and hit.end <= start:
                if _SKILL_BEFORE.match(text[hit.end : start]):
                    named.insert(0, hit)
        asks.append(YearsAsk(low, high, start, end, section_at(start), tuple(named)))
    return asks


def _skills_after(text: str, at: int, skills: list[SkillHit], starts: list[int]) -> list[SkillHit]:
    """The technologies a years ask names right after it: the first within a short lead of
    "of ... experience with", then the ones that continue its list."""
    named: list[SkillHit] = []
    for hit in skills[bisect.bisect_left(starts, at) :]:
        gap = text[at : hit.start]
        pattern = _LIST_SEPARATOR if named else _LEAD
        if len(gap) > MAX_LEAD_CHARS or not pattern.match(gap):
            break
        named.append(hit)
        at = hit.end
    return named


def must_have_items(
    text: str,
    sections: Iterable[Section],
    is_requirement: Callable[[int, int, bool], bool] = lambda _s, _e, _bullet: True,
) -> list[tuple[int, int]]:
    """Must-have requirements of the requirements sections (nice-to-haves are a section kind of
    their own, so they are not counted): one per bullet in a section with bullets, else one per
    sentence; ``is_requirement(start, end, is_bullet)`` drops what is not one (the benefits or
    the apply text a flattened posting runs on into)."""
    items = []
    for section in sections:
        if section.kind not in MUST_HAVE_KINDS:
            continue
        lines, cursor = [], section.start
        for line in text[section.start : section.end].split("\n"):
            if line.strip():
                lines.append((cursor, cursor + len(line), line))
            cursor += len(line) + 1
        bullets = []
        for start, end, line in lines:
            bullet = BULLET.match(line)
            if bullet and line[bullet.end() :].strip():
                bullets.append((start, end))
        if bullets:
            items.extend((s, e) for s, e in bullets if is_requirement(s, e, True))
            continue
        sentences = []
        for start, end, _line in lines:
            sentence_start = start
            for match in _SENTENCE_END.finditer(text, start, end):
                sentences.append((sentence_start, match.start()))
                sentence_start = match.end()
            sentences.append((sentence_start, end))
        items.extend(
            (s, e)
            for s, e in sentences
            if len(text[s:e].split()) >= 2 and is_requirement(s, e, False)
        )
    return items
