"""Reading a job title: which of the roles it claims, as a job seeker would read it.

A title is split into segments: a head segment ("Senior Software Engineer") and qualifiers
(", Machine Learning", "(GenAI)", "- Computer Vision"). The head segment's last head noun
("engineer", "scientist", "analyst", or a compound title such as "Research Engineer") and the
terms before it decide the roles; qualifiers add an AI role only in the cases ROLES.md names.
A later segment that is a full title of its own ("Senior Data Scientist - AI/ML Engineer")
adds its roles. Every word list lives in ``lexicons/wordlists/titles.json`` and the ``title``
object of each role lexicon; this module holds only the reading rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .errors import LexiconError
from .lexicon import Lexicon

_SEPARATORS = re.compile(r"\s[-–—|:]\s|[,()\[\]|;]|:\s|\s[-–—]|[-–—]\s|\s@\s")
_TOKEN = re.compile(r"\.net|c\+\+|c#|node\.js|next\.js|a/b|[a-z0-9]+(?:[+#]+)?", re.IGNORECASE)
_MASK = re.compile(r"<[A-Z_]+>")
# "Engineer/Scientist" splits, "AI/ML" does not: the case test must not ignore case.
_ALTERNATIVES = re.compile(
    r"\s+/\s+|\s+or\s+|(?-i:(?<=[a-z])/(?=[A-Z][a-z]))|\s+&\s+", re.IGNORECASE
)
_GENDER = re.compile(r"\b[mfwdxh]\s*/+\s*[mfwdxh](?:\s*/+\s*[mfwdxh])?\b", re.IGNORECASE)
# "Senior ML Operations (MLOps) Engineer": brackets the title goes on after are an aside.
_ASIDE = re.compile(r"[(\[][^()\[\]]*[)\]](?=\s*\w)")

AI_QUALIFIER_ROLES = ("ai_engineer", "ml_engineer", "mlops_engineer")
SOFTWARE = "software_engineer"
MLOPS = "mlops_engineer"
RESEARCH = "research_scientist"

Phrases = frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class TitleReading:
    """What a title claims: role ids in lexicon order, and the head noun it ends in."""

    roles: tuple[str, ...]
    head: str | None


def tokens(text: str) -> list[str]:
    """Lower-case title tokens: "Full-Stack .NET/AI Engineer" -> full stack .net ai engineer."""
    return [t.lower() for t in _TOKEN.findall(text)]


def normalise(text: str) -> str:
    """Full-width forms to ASCII ("（LLM）" -> "(LLM)"), masks, "(m/f/d)" and asides removed."""
    text = unicodedata.normalize("NFKC", text)
    text = _GENDER.sub(" ", _MASK.sub(" ", text))
    return _ASIDE.sub(" ", text)


@dataclass(frozen=True)
class _Claim:
    role: str
    generic: bool
    at: int  # position of the word that claims it, for "Software AI Engineer"


@dataclass
class _Segment:
    raw: list[str]  # tokens, compound titles merged into one token
    words: list[str]  # without noise words (the last word stays)
    index: int | None  # of the head noun in ``words``
    trainee: str | None  # "intern", "working student" ...
    noise_only: bool  # "Lead", "Senior"


@dataclass
class _Reading:
    head: str | None
    roles: set[str]
    kind: str  # role | noise | non_role | management | blocked | none
    generic: bool = False  # every claim is generic ("Software Engineer", "Founding Engineer")
    bare: bool = False  # ... and made by the head noun alone ("Founding Engineer", "Tech Lead")
    software_specific: bool = False  # a specific software term ("Backend", ".NET")
    infra_only: bool = False  # software claimed only by infrastructure/platform words
    qualifier_head: str | None = None


def _phrases(words: Iterable[str]) -> Phrases:
    return frozenset(tuple(tokens(w)) for w in words if tokens(w))


class TitleParser:
    """Title reading built from a lexicon once; ``read`` is cheap."""

    def __init__(self, lexicon: Lexicon) -> None:
        lists = lexicon.wordlists["titles"]
        self.role_order = list(lexicon.roles)
        self.noise = frozenset(lists["noise"])
        self.non_role_heads = frozenset(lists["non_role_heads"])
        self.decorations = frozenset(lists["decorations"])
        self.management = frozenset(lists["management_heads"])
        self.openers = frozenset(lists["qualifier_openers"])
        self.field_heads = frozenset(lists["field_heads"])
        self.weak_heads = frozenset(lists["weak_heads"])
        self.weak_modifiers = frozenset(lists["weak_head_modifiers"])
        self.bare_heads = frozenset(lists["bare_engineer_heads"])
        self.bare_modifiers = _phrases(lists["bare_engineer_modifiers"])
        self.no_role = _phrases(lists["non_engineering_functions"]) | _phrases(
            lists["engineering_disciplines"]
        )
        self.no_role_anywhere = _phrases(lists["no_role_qualifiers"])
        self.non_software = _phrases(lists["non_software_functions"])
        self.non_research = _phrases(lists["non_research_fields"])
        self.infra = _phrases(lists["infrastructure_terms"])
        self.trainee = frozenset(" ".join(tokens(w)) for w in lists["trainee"])

        # term tokens -> [(role, generic)]
        self.terms: dict[tuple[str, ...], list[tuple[str, bool]]] = {}
        self.heads: dict[str, set[str]] = {}
        self.standalone: dict[str, list[tuple[str, bool]]] = {}
        for role, lex in lexicon.roles.items():
            for term in lex.title.terms:
                self.terms.setdefault(tuple(tokens(term)), []).append((role, False))
            for term in lex.title.generic_terms:
                self.terms.setdefault(tuple(tokens(term)), []).append((role, True))
            for head in lex.title.heads:
                self.heads.setdefault(head.lower(), set()).add(role)
            for head in lex.title.standalone:
                self.standalone.setdefault(head.lower(), []).append((role, False))
            for head in lex.title.generic_standalone:
                self.standalone.setdefault(head.lower(), []).append((role, True))

        # Multi-word titles and trainee words become one token before anything else reads
        # the title, so "Member of Technical Staff" loses no word to the noise list.
        self.merge: dict[tuple[str, ...], str] = {}
        self.qualifier_head: dict[str, str] = {}
        self.generic_compounds: set[str] = set()
        self.fields: dict[tuple[str, ...], set[str]] = {}
        for name, values in lists.items():
            kind, _, phrase = name.partition(":")
            if kind not in ("compound", "generic_compound", "field"):
                continue
            unknown = set(values if kind != "field" else [phrase]) - set(self.role_order)
            if unknown:
                raise LexiconError(
                    f"lexicons/wordlists/titles.json: {name}: unknown role {unknown}"
                )
            if kind == "field":
                for words in values:
                    self.fields.setdefault(tuple(tokens(words)), set()).add(phrase)
                continue
            key = tuple(tokens(phrase))
            token = " ".join(key)
            self.merge[key] = token
            generic = kind == "generic_compound"
            self.standalone.setdefault(token, []).extend((r, generic) for r in values)
            # Qualifiers of "Research Engineer" read as those of any engineer title.
            last = key[-1]
            qualifier_head = (
                last if last in self.heads and last not in self.weak_heads else "engineer"
            )
            self.qualifier_head[token] = qualifier_head
            # "AI Research Engineer" is a research engineer, but "AI Tech Lead" an AI engineer:
            # only a generic compound takes the terms an engineer title takes.
            accepted = set(values) | (self.heads[qualifier_head] if generic else set())
            self.heads.setdefault(token, set()).update(accepted)
            if generic:
                self.generic_compounds.add(token)
        for words in self.trainee:
            if " " in words:
                self.merge[tuple(words.split())] = words
        self.head_words = frozenset(self.heads) | frozenset(self.standalone) | self.non_role_heads
        self.max_term = max((len(k) for k in self.terms), default=1)
        self.max_merge = max((len(k) for k in self.merge), default=1)
        self.max_field = max((len(k) for k in self.fields), default=1)

    # -- segments --------------------------------------------------------------------------
    def _merged(self, words: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self.max_merge, len(words) - i), 1, -1):
                key = tuple(words[i : i + size])
                if key in self.merge:
                    out.append(self.merge[key])
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def _segments(self, text: str) -> list[_Segment]:
        segments = []
        for part in _SEPARATORS.split(text):
            words = tokens(part)
            # "Python Developer with Kubernetes focus": what follows the opener qualifies.
            for i, word in enumerate(words):
                if i > 0 and word in self.openers:
                    segments.append(words[:i])
                    words = words[i + 1 :]
                    break
            segments.append(words)
        return [self._segment(self._merged(s)) for s in segments if s]

    def _segment(self, raw: list[str]) -> _Segment:
        # The last word stays: "Tech Lead", "Head" are heads, not noise, at the end.
        words = [w for i, w in enumerate(raw) if w not in self.noise or i == len(raw) - 1]
        index = None
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            if word in self.trainee:
                continue  # "Machine Learning Engineer Intern" is an engineer title
            if word in self.decorations and any(
                w in self.head_words and w not in self.decorations for w in words[:i]
            ):
                continue  # "Machine Learning Engineer Rockstar": the hero word decorates
            if word in self.head_words:
                index = i
                break
        # "Data Engineer Lead": a trailing "lead" is seniority, the engineer is the head.
        if (
            index
            and words[index] in self.weak_heads
            and words[index - 1] in self.heads
            and words[index - 1] not in self.field_heads | self.weak_heads
        ):
            index -= 1
        trainee = next((w for w in raw if w in self.trainee), None)
        noise_only = all(w in self.noise or w in self.trainee for w in raw)
        return _Segment(raw, words, index, trainee, noise_only)

    # -- terms -----------------------------------------------------------------------------
    def _claims(self, words: list[str], head: str) -> tuple[list[_Claim], set[int], set[int]]:
        """Claims of the terms in ``words`` for a title ending in ``head``, the positions of
        words that support a claim, and those any term consumed (claiming or not)."""
        accepted = self.heads.get(head, set())
        claims: list[_Claim] = []
        supported: set[int] = set()
        consumed: set[int] = set()
        i = 0
        while i < len(words):
            for size in range(min(self.max_term, len(words) - i), 0, -1):
                key = tuple(words[i : i + size])
                if key in self.terms:
                    found = [_Claim(r, g, i) for r, g in self.terms[key] if r in accepted]
                    claims.extend(found)
                    span = range(i, i + size)
                    consumed.update(span)
                    if found:
                        supported.update(span)
                    i += size
                    break
            else:
                i += 1
        return claims, supported, consumed

    @staticmethod
    def _find(words: list[str], loose: set[int], phrases: Phrases) -> bool:
        """Does a phrase occur among the ``loose`` positions of ``words``?"""
        for i in range(len(words)):
            for size in range(1, min(4, len(words) - i) + 1):
                span = range(i, i + size)
                if all(j in loose for j in span) and tuple(words[i : i + size]) in phrases:
                    return True
        return False

    @staticmethod
    def _covered(words: list[str], loose: set[int], phrases: Phrases) -> bool:
        """Are all ``loose`` words parts of phrases ("Forward Deployed")?"""
        covered: set[int] = set()
        for i in range(len(words)):
            for size in range(1, min(4, len(words) - i) + 1):
                if tuple(words[i : i + size]) in phrases:
                    covered.update(range(i, i + size))
        return loose <= covered

    # -- one segment -----------------------------------------------------------------------
    def _read_segment(self, segment: _Segment) -> _Reading:
        if segment.index is None:
            return _Reading(None, set(), "none")
        head = segment.words[segment.index]
        qualifier_head = self.qualifier_head.get(head, head)
        if head in self.non_role_heads and head not in self.heads:
            kind = "management" if head in self.management else "non_role"
            return _Reading(head, set(), kind, qualifier_head=qualifier_head)
        before = [w for w in segment.words[: segment.index] if w not in self.trainee]
        claims, supported, _ = self._claims(before, head)
        loose = {i for i, w in enumerate(before) if i not in supported and not w.isdigit()}
        blocked = _Reading(head, set(), "blocked", qualifier_head=qualifier_head)
        # "Sales Engineer", "IT Operations Engineer", "Mechanical Engineer": not our roles.
        if self._find(before, loose, self.no_role):
            return blocked
        # "Performance Marketing Lead": a lead of anything but the named roles claims none.
        if head in self.weak_heads and any(before[i] not in self.weak_modifiers for i in loose):
            return blocked
        if self._find(before, loose, self.non_software):  # "Solutions Engineer"
            claims = [c for c in claims if c.role != SOFTWARE]
        if (
            not claims
            and head in self.bare_heads
            and self._covered(before, loose, self.bare_modifiers)
        ):
            # "Founding Engineer", "Forward Deployed Engineer": a software engineer.
            claims.append(_Claim(SOFTWARE, True, len(before)))
        claims.extend(_Claim(r, g, len(before)) for r, g in self.standalone.get(head, ()))
        if self._find(before, loose, self.non_research):  # "UX Researcher", "Security Researcher"
            claims = [c for c in claims if c.role != RESEARCH]
        roles = _resolve(claims)
        software = [c for c in claims if c.role == SOFTWARE and not c.generic]
        infra_only = bool(software) and all(
            any(tuple(before[c.at : c.at + len(p)]) == p for p in self.infra) for c in software
        )
        return _Reading(
            head,
            roles,
            "noise" if segment.noise_only else "role",
            generic=bool(claims) and all(c.generic for c in claims if c.role in roles),
            bare=bool(claims) and all(c.generic and c.at == len(before) for c in claims),
            software_specific=SOFTWARE in roles and bool(software),
            infra_only=infra_only,
            qualifier_head=qualifier_head,
        )

    def _field_roles(self, segment: _Segment) -> set[str]:
        """Roles of the fields a trainee title names: "Data Science Intern", "Early Careers:
        Software Engineering & Machine Learning"."""
        words = [w for w in segment.raw if w not in self.noise and w not in self.trainee]
        words = [w for w in words if not w.isdigit()]
        roles: set[str] = set()
        named: set[int] = set()
        i = 0
        while i < len(words):
            for size in range(min(self.max_field, len(words) - i), 0, -1):
                key = tuple(words[i : i + size])
                if key in self.fields:
                    roles |= self.fields[key]
                    named.update(range(i, i + size))
                    i += size
                    break
            else:
                i += 1
        loose = set(range(len(words))) - named
        if self._find(words, loose, self.no_role) or self._find(words, loose, self.non_research):
            return set()  # "User Research Intern", "Mechanical Engineering Intern"
        return roles

    def _is_full_title(self, reading: _Reading) -> bool:
        """A segment that is a title of its own: "AI Engineer" in "Lead - AI Engineer"."""
        return (
            reading.kind == "role" and bool(reading.roles) and reading.head not in self.field_heads
        )

    def _is_any_title(self, segment: _Segment, reading: _Reading) -> bool:
        """A later segment ending in a title of its own, whatever it claims: "Product Designer"
        in "Member of Technical Staff - Product Designer". "(Agent)" is a topic, not a title."""
        head = reading.head
        if head is None or reading.kind == "noise" or head in self.field_heads:
            return False
        if segment.index != len(segment.words) - 1:
            return False
        return reading.kind in ("role", "blocked") or (head,) not in self.terms

    # -- the title ---------------------------------------------------------------------------
    def read(self, text: str) -> TitleReading:
        """The roles a title claims; "Data Scientist / ML Engineer" claims both titles'."""
        text = normalise(text)
        alternatives = _ALTERNATIVES.split(text)
        if len(alternatives) > 1:
            readings = [self._read_one(part) for part in alternatives]
            if all(r.head is not None for r in readings):
                roles = {role for r in readings for role in r.roles}
                return TitleReading(self._ordered(roles), readings[-1].head)
        return self._read_one(text)

    def _ordered(self, roles: set[str]) -> tuple[str, ...]:
        return tuple(r for r in self.role_order if r in roles)

    def _read_one(self, text: str) -> TitleReading:
        segments = self._segments(text)
        if not segments:
            return TitleReading((), None)
        first_head = next((s.words[s.index] for s in segments if s.index is not None), None)
        if first_head is None:  # "Marketing Intern": the trainee word is the head
            first_head = next((s.trainee for s in segments if s.trainee in self.head_words), None)
        # "Solutions Architect, AI (Pre-Sales)": a pre-sales job is no engineering role.
        if any(self._find(s.raw, set(range(len(s.raw))), self.no_role_anywhere) for s in segments):
            return TitleReading((), first_head)
        if any(s.trainee for s in segments):
            for s in segments:
                head = s.words[s.index] if s.index is not None else None
                if head is None or head in self.field_heads:
                    roles = self._field_roles(s)
                    if roles:
                        return TitleReading(self._ordered(roles), s.trainee or head)
                if head is not None:
                    break

        readings = [self._read_segment(s) for s in segments]
        n = next((i for i, r in enumerate(readings) if r.head is not None), None)
        if n is None:
            return TitleReading((), first_head)
        full = [i for i in range(n + 1, len(readings)) if self._is_full_title(readings[i])]
        main = readings[n]
        # "Lead - AI Engineer", "Senior Consultant, AI Engineer": a first segment that claims
        # nothing (and is no manager's title) does not hide the title after it.
        if not main.roles and main.kind in ("role", "noise", "non_role") and full:
            n, full = full[0], full[1:]
            main = readings[n]
        if main.kind in ("management", "non_role", "blocked"):
            return TitleReading((), main.head)
        if main.head in self.generic_compounds:
            # "Member of Technical Staff - Product Designer": the later title decides.
            full = [
                i
                for i in range(n + 1, len(readings))
                if self._is_any_title(segments[i], readings[i])
            ]

        qualified: set[str] = set()  # AI roles the qualifiers name
        domains: set[str] = set()  # other specialists they name ("Data Platform")
        later: set[str] = set()  # roles of later full titles
        for i in range(n + 1, len(segments)):
            if i in full:
                later |= readings[i].roles
                continue
            words = [w for w in segments[i].words if w not in self.trainee]
            claims, _, consumed = self._claims(words, main.qualifier_head or main.head or "")
            loose = set(range(len(words))) - consumed
            # "Member of Technical Staff - DevRel", "Staff Engineer, Mechanical Engineering";
            # but "Software Engineer, Controls" names software and is a software title.
            if (main.bare or not main.roles) and self._find(words, loose, self.no_role):
                return TitleReading((), main.head)
            for claim in claims:
                if claim.role in AI_QUALIFIER_ROLES:
                    qualified.add(claim.role)
                elif claim.role != SOFTWARE:
                    domains.add(claim.role)
        roles = self._apply_qualifiers(main, qualified, domains)
        if full:
            # "Member of Technical Staff - Backend Engineer": the later title is the specific one.
            roles = later | (set() if main.generic else roles)
        return TitleReading(self._ordered(roles), main.head)

    def _apply_qualifiers(self, main: _Reading, qualified: set[str], domains: set[str]) -> set[str]:
        """ROLES.md: "Software Engineer, Machine Learning" claims only the AI role; ".NET Software
        Engineer (AI Focus)" claims both; "AI Engineer - NLP" adds ml_engineer; "Data Scientist
        (GenAI)" stays data_scientist. A generic software title narrowed to a data domain claims
        both ("Software Engineer, Data Platform": the rubric's labels read it so)."""
        roles = set(main.roles)
        if not roles:
            # "Principal Engineer - AI Tools", "Customer Solutions Engineer - Machine Learning";
            # not "Lead, Responsible AI" (no title), "Engineering Lead - Applied ML" nor
            # "Engineering Intern - General / AI" (a field, not a title).
            if main.kind == "role" and main.head not in self.weak_heads | self.field_heads:
                return set(qualified)
            return set()
        if main.generic and qualified:
            return qualified | domains  # "Founding Engineer (Data/AI)": the AI focus leads
        if main.generic and domains:
            return roles | domains
        if not qualified:
            return roles
        if main.software_specific:
            # "Infrastructure Engineer, Machine Learning": the ML platform is MLOps.
            if main.infra_only:
                return (roles - {SOFTWARE}) | {MLOPS}
            return roles | qualified
        if roles & {"ai_engineer", "ml_engineer"} and MLOPS in qualified:
            roles.add(MLOPS)  # "Computer Vision Engineer - MLOps"
        if "ai_engineer" in roles and "ml_engineer" in qualified:
            roles.add("ml_engineer")
        return roles


def _resolve(claims: list[_Claim]) -> set[str]:
    """Specific claims win over generic ones, except a generic software word before another
    specialist's term: "Senior Software AI Engineer" names both (ROLES.md)."""
    specific = [c for c in claims if not c.generic]
    if not specific:
        return {c.role for c in claims}
    roles = {c.role for c in specific}
    roles |= {
        c.role
        for c in claims
        if c.generic
        and c.role == SOFTWARE
        and any(s.at > c.at and s.role != c.role for s in specific)
    }
    return roles


@lru_cache(maxsize=8)
def parser_for(lexicon: Lexicon) -> TitleParser:
    return TitleParser(lexicon)


def read_title(text: str, lexicon: Lexicon | None = None) -> TitleReading:
    """The roles a title claims. ``lexicon`` defaults to the built-in lexicons."""
    if lexicon is None:
        from .lexicon import load_lexicon

        lexicon = load_lexicon()
    return parser_for(lexicon).read(text)
