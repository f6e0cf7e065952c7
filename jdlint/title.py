"""Reading a job title: which of the roles it claims, as a job seeker would read it.

A title is split into a head segment ("Senior Software Engineer") and qualifiers (", Machine
Learning", "(GenAI)", "- Computer Vision"). The head segment's last head noun ("engineer",
"scientist", "analyst") and the terms before it decide the roles; qualifiers add an AI role
only in the cases ROLES.md names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon

_SEPARATORS = re.compile(r"\s[-–—|:]\s|[,()\[\]|]|\s[-–—]|[-–—]\s|\s@\s")
_TOKEN = re.compile(r"\.net|c\+\+|c#|node\.js|next\.js|a/b|[a-z0-9]+(?:[+#]+)?", re.IGNORECASE)
_MASK = re.compile(r"<[A-Z_]+>")
_ALTERNATIVES = re.compile(r"\s+/\s+|\s+or\s+|(?<=[a-z])/(?=[A-Z][a-z])|\s+&\s+", re.IGNORECASE)
_GENDER = re.compile(r"\b[mfwdxh]\s*/+\s*[mfwdxh](?:\s*/+\s*[mfwdxh])?\b", re.IGNORECASE)

AI_QUALIFIER_ROLES = ("ai_engineer", "ml_engineer", "mlops_engineer")


@dataclass(frozen=True)
class TitleReading:
    """What a title claims: role ids in lexicon order, and the head noun it ends in."""

    roles: tuple[str, ...]
    head: str | None


def tokens(text: str) -> list[str]:
    """Lower-case title tokens: "Full-Stack .NET/AI Engineer" -> full stack .net ai engineer."""
    return [t.lower() for t in _TOKEN.findall(text)]


class TitleParser:
    """Title reading built from a lexicon once; ``read`` is cheap."""

    def __init__(self, lexicon: Lexicon) -> None:
        titles = lexicon.wordlists["titles"]
        self.noise = frozenset(titles["noise"])
        self.non_role_heads = frozenset(titles["non_role_heads"])
        self.openers = frozenset(titles["qualifier_openers"])
        self.role_order = list(lexicon.roles)
        # term tokens -> list of (role, generic)
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
        self.max_term = max((len(k) for k in self.terms), default=1)

    def _segments(self, text: str) -> list[list[str]]:
        text = _MASK.sub(" ", text)
        text = _GENDER.sub(" ", text)
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
        return [s for s in segments if s]

    def _head_index(self, words: list[str]) -> int | None:
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            if word in self.heads or word in self.standalone or word in self.non_role_heads:
                return i
        return None

    def _claims(self, words: list[str], head: str) -> list[tuple[str, bool]]:
        """Roles claimed by the terms in ``words`` for a title ending in ``head``."""
        claims = []
        i = 0
        while i < len(words):
            for size in range(min(self.max_term, len(words) - i), 0, -1):
                key = tuple(words[i : i + size])
                if key in self.terms:
                    claims.extend(
                        (role, generic)
                        for role, generic in self.terms[key]
                        if role in self.heads.get(head, ())
                    )
                    i += size
                    break
            else:
                i += 1
        return claims

    def _strip_noise(self, words: list[str]) -> list[str]:
        # The last word stays: "Tech Lead", "Head" are heads, not noise, at the end.
        return [w for i, w in enumerate(words) if w not in self.noise or i == len(words) - 1]

    def read(self, text: str) -> TitleReading:
        """The roles a title claims; "Data Scientist / ML Engineer" claims both titles'."""
        alternatives = _ALTERNATIVES.split(text)
        if len(alternatives) > 1:
            readings = [self._read_one(part) for part in alternatives]
            if all(r.head is not None for r in readings):
                roles = {role for r in readings for role in r.roles}
                ordered = tuple(r for r in self.role_order if r in roles)
                return TitleReading(ordered, readings[-1].head)
        return self._read_one(text)

    def _read_one(self, text: str) -> TitleReading:
        segments = [self._strip_noise(s) for s in self._segments(text)]
        segments = [s for s in segments if s]
        head_at = None
        for n, words in enumerate(segments):
            index = self._head_index(words)
            if index is not None:
                head_at = (n, index)
                break
        if head_at is None:
            return TitleReading((), None)
        n, index = head_at
        words = segments[n]
        head = words[index]
        if head in self.non_role_heads and head not in self.heads:
            return TitleReading((), head)
        claims = self._claims(words[:index], head)
        claims.extend(self.standalone.get(head, ()))
        roles = _resolve(claims)
        qualified: set[str] = set()  # AI roles the qualifiers name
        domains: set[str] = set()  # other specialists they name ("Data Platform")
        for qualifier in segments[n + 1 :]:
            for role, _ in self._claims(qualifier, head):
                if role in AI_QUALIFIER_ROLES:
                    qualified.add(role)
                elif role != "software_engineer":
                    domains.add(role)
        roles = _apply_qualifiers(roles, claims, qualified, domains)
        ordered = tuple(r for r in self.role_order if r in roles)
        return TitleReading(ordered, head)


def _resolve(claims: list[tuple[str, bool]]) -> set[str]:
    specific = {role for role, generic in claims if not generic}
    return specific if specific else {role for role, _ in claims}


def _apply_qualifiers(
    roles: set[str], claims: list[tuple[str, bool]], qualified: set[str], domains: set[str]
) -> set[str]:
    """ROLES.md: "Software Engineer, Machine Learning" claims only the AI role; ".NET Software
    Engineer (AI Focus)" claims both; "AI Engineer - NLP" adds ml_engineer; "Data Scientist
    (GenAI)" stays data_scientist. A generic software title narrowed to another specialist's
    domain claims that specialist the same way ("Software Engineer, Data Platform")."""
    software_specific = any(r == "software_engineer" and not g for r, g in claims)
    if roles == {"software_engineer"} and not software_specific and (qualified or domains):
        return qualified | domains
    if not qualified:
        return roles
    if not roles:
        return set(qualified)
    if "software_engineer" in roles and software_specific:
        return roles | qualified
    if "ai_engineer" in roles and "ml_engineer" in qualified:
        return roles | {"ml_engineer"}
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
