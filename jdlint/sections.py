"""The ``jdlint_sections`` component: the title and the sections of a posting.

Sections come from headings (Markdown ``#``, labels ending in ":", all-caps lines, known
heading phrases), and, for text under no useful heading, from sentence cues ("You will..."
is a duty, "We are a leading..." is the company blurb). The kind of every stretch of text
decides how much its skills and duties count toward the role profile.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import SPANS_SECTIONS, doc_text, restore_as, restore_list_of
from .lexicon import Lexicon
from .lexicon_component import LexiconComponent
from .title import TitleParser, parser_for, tokens

# Section kinds, in the order a sentence cue wins when several match.
CUE_PRIORITY = (
    "eeo",
    "apply",
    "benefits",
    "nice_to_have",
    "responsibilities",
    "requirements",
    "about",
)
KNOWN_KINDS = frozenset(CUE_PRIORITY)
# "intro": text before any heading; "body": under a heading that names no section.
KINDS = ("title", "heading", "intro", "body", *CUE_PRIORITY)

_LINE = re.compile(r"[^\r\n]*")
_CUE_WORD = re.compile(r"\w+")
_LABEL_WORD = re.compile(r"[^\s:]+")
BULLET = re.compile(r"^\s*(?:[-*•●◦▪‣–·+]|\d{1,2}[.)]|[a-z][.)])\s+")
_MD_HEADING_OPEN = re.compile(r"\s{0,3}#{1,6}\s+")
_LABEL = re.compile(r"^\s*(?:[*_]{1,2})?([A-Za-z][\w '’/&-]{1,40}?)(?:[*_]{1,2})?\s*:\s*(.*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(\[A-Z0-9•<-])")
_WORD = re.compile(r"[\w'’+#./-]+")
_MASK = re.compile(r"(?:\s*<[A-Z_]+>)+\s*$")
_MASKS = re.compile(r"<[A-Z_]+>")  # SkillSpan's anonymisation: <ORGANIZATION>, <LOCATION>
_LOOKING_FOR = re.compile(
    r"\b(?:looking for|hiring|seeking|recruit(?:ing)?|position as|role of|join us as)"
    r"\s+(?:an?\s+|the\s+|our\s+(?:new\s+)?)?((?:[A-Z][\w.+#/&-]*\s+){0,5}[A-Z][\w.+#/-]*)"
)
MAX_TITLE_WORDS = 14
MAX_HEADING_CHARS = 100


def _md_heading(line: str) -> tuple[int, int] | None:
    """The span of an ATX heading's text ("## Responsibilities ##"), or None. A scan rather
    than one regex: "(.*?)\\s*#*\\s*$" tries every split of a long run of spaces."""
    opening = _MD_HEADING_OPEN.match(line)
    if opening is None:
        return None
    end = len(line.rstrip().rstrip("#").rstrip())
    return opening.end(), max(opening.end(), end)


class Section(NamedTuple):
    """A stretch of the posting's text and what kind of section it belongs to."""

    kind: str
    start: int  # character offsets into doc.text
    end: int


restore_as("jdlint_sections", restore_list_of(Section))


class SectionReader:
    """Heading phrases and sentence cues, compiled once from the word lists."""

    def __init__(self, lexicon: Lexicon) -> None:
        lists = lexicon.wordlists["sections"]
        self.headings: dict[str, str] = {}
        # Headings that name their kind only as the whole heading: "Role", not "Role
        # Requirements" (there the later word names the section) nor a "Role: ..." label.
        self.whole_headings: dict[str, str] = {}
        for name, words in lists.items():
            prefix, _, kind = name.partition(":")
            target = {"heading": self.headings, "whole_heading": self.whole_headings}.get(prefix)
            if target is not None:
                for phrase in words:
                    target.setdefault(_normalise(phrase), kind)
        # Cues as word n-grams ("you will" -> ("you", "will")) -> the kinds they point to:
        # a few set look-ups per word beat a regex of hundreds of alternatives.
        cues: dict[tuple[str, ...], set[str]] = {}
        for kind in CUE_PRIORITY:
            for phrase in lists.get(f"cue:{kind}", ()):
                cues.setdefault(tuple(_CUE_WORD.findall(phrase.lower())), set()).add(kind)
        # first word -> [(the cue's words, its kinds)]
        self.cues_by_first: dict[str, list[tuple[tuple[str, ...], set[str]]]] = {}
        for words, kinds in cues.items():
            self.cues_by_first.setdefault(words[0], []).append((words, kinds))
        self.cue_first_words = frozenset(self.cues_by_first)
        # Words that make a short line a heading wherever they stand ("Core Responsibilities").
        self.heading_words = {
            word: name.split(":", 1)[1]
            for name, words in lists.items()
            if name.startswith("word:")
            for word in words
        }
        self.title_parser: TitleParser = parser_for(lexicon)
        self.max_heading_words = max(len(h.split()) for h in self.headings)
        self.labels = frozenset(_normalise(w) for w in lexicon.wordlists["titles"]["labels"])

    # -- headings ---------------------------------------------------------------------
    def heading_kind(self, text: str) -> str | None:
        """The section kind a heading names ("body" for a heading naming none of them)."""
        norm = _normalise(text)
        if not norm:
            return None
        if norm in self.headings:
            return self.headings[norm]
        if norm in self.whole_headings:
            return self.whole_headings[norm]
        words = norm.split()
        best = None
        for size in range(min(len(words), 6), 0, -1):
            for i in range(0, len(words) - size + 1):
                phrase = " ".join(words[i : i + size])
                if phrase in self.headings and (best is None or size > best[0]):
                    best = (size, self.headings[phrase])
            if best:
                break
        return best[1] if best else "body"

    def classify_heading(self, line: str) -> tuple[str, int] | None:
        """(kind, offset where the line's own content starts) if the line is a heading."""
        if len(line) > MAX_HEADING_CHARS and ":" not in line[:50] and "#" not in line[:7]:
            return None  # a paragraph: headings are a few words, labels come first
        md = _md_heading(line)
        if md:
            return self.heading_kind(line[md[0] : md[1]]) or "body", len(line)
        stripped = line.strip().strip("*_").strip()
        if not stripped or BULLET.match(line):
            return None
        label = _LABEL.match(line)
        if label and label.group(2).strip():
            # "Responsibilities: build the thing" - only known phrases count as inline labels.
            norm = _normalise(label.group(1))
            if norm in self.headings:
                return self.headings[norm], label.start(2)
            return None
        if len(stripped) > MAX_HEADING_CHARS:
            return None  # a paragraph: headings are a few words
        words = _WORD.findall(stripped)
        if stripped.endswith(":") and 0 < len(words) <= 8:
            return self.heading_kind(stripped) or "body", len(line)
        norm = _normalise(stripped)
        if norm in self.headings and len(words) <= 8:
            return self.headings[norm], len(line)
        if norm in self.whole_headings:
            return self.whole_headings[norm], len(line)
        unmasked = _MASKS.sub("", stripped)
        if (
            len(words) <= 8
            and unmasked.upper() == unmasked
            and sum(1 for c in unmasked if c.isalpha()) >= 3
        ):
            return self.heading_kind(stripped) or "body", len(line)
        # A short line opening with a heading phrase, or made of section words, unless it names
        # a job ("Experience Designer", "Skills Engineer"); "What we offer?" counts.
        if (
            len(words) <= 6
            and not re.search(r"[.!,]$", stripped)
            and self.title_parser.read(stripped).head is None
        ):
            kind = self.heading_kind(stripped)
            if kind not in (None, "body") and _starts_with_heading(norm, self.headings):
                return kind, len(line)
            if len(words) <= 5:
                kinds = {self.heading_words[w] for w in norm.split() if w in self.heading_words}
                if kinds == {"requirements", "nice_to_have"}:  # "Desired Education / Skills"
                    return "nice_to_have", len(line)
                if len(kinds) == 1:
                    return kinds.pop(), len(line)
        return None

    # -- sentences --------------------------------------------------------------------
    def cue_kinds(self, sentence: str) -> set[str]:
        """Every section kind a (lower-case) sentence's cues point to."""
        words = _CUE_WORD.findall(sentence)
        found: set[str] = set()
        starts = self.cue_first_words.intersection(words)
        if not starts:
            return found
        by_first = self.cues_by_first
        for i, word in enumerate(words):
            if word not in starts:
                continue
            candidates = by_first[word]
            for cue, kinds in candidates:
                if len(cue) == 1 or tuple(words[i : i + len(cue)]) == cue:
                    found |= kinds
        return found

    def sentence_kind(self, sentence: str) -> str | None:
        """The section a sentence's cues point to, by CUE_PRIORITY; None without a cue."""
        found = self.cue_kinds(sentence.lower())
        return next((kind for kind in CUE_PRIORITY if kind in found), None)

    # -- title ------------------------------------------------------------------------
    def looks_like_title(self, text: str) -> bool:
        words = _WORD.findall(text)
        if not words or len(words) > MAX_TITLE_WORDS or _ends_sentence(text):
            return False
        if self.heading_kind(text) not in (None, "body") and _normalise(text) in self.headings:
            return False
        return self.title_parser.read(text).head is not None

    def find_title(self, text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
        content = [(s, e) for s, e in lines if text[s:e].strip()]
        if not content:
            return None
        first_start, first_end = content[0]
        md = _md_heading(text[first_start:first_end])
        if md:
            return _trim(text, first_start + md[0], first_start + md[1])
        for start, end in content[:10]:
            label = _LABEL.match(text[start:end])
            if label and label.group(2).strip() and _normalise(label.group(1)) in self.labels:
                if self.looks_like_title(label.group(2)):
                    return _trim(text, start + label.start(2), start + label.end(2))
        for start, end in content[:3]:
            line = text[start:end]
            if BULLET.match(line) or self.classify_heading(line):
                continue
            candidate = _trim(text, start, end)
            if self.looks_like_title(text[candidate[0] : candidate[1]]):
                return candidate
        prefix = self._title_prefix(text, first_start, first_end)
        if prefix:
            return prefix
        match = _LOOKING_FOR.search(text, 0, min(len(text), 3000))
        if match and self.looks_like_title(match.group(1)):
            return _trim(text, match.start(1), match.end(1))
        return None

    def _title_prefix(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A posting flattened onto one line still opens with its title: take the words up to
        the last head noun among the first dozen ("React ( Native ) Developer <ORG> ...")."""
        line = text[start:end]
        best = None
        for n, match in enumerate(re.finditer(r"\S+", line)):
            if n >= 12 or re.search(r"[.!?]$", match.group()):
                break
            word = tokens(match.group())
            if word and self.title_parser.read(word[-1]).head is not None:
                best = match.end()
        if best is None:
            return None
        candidate = _trim(text, start, start + best)
        words = re.findall(r"[A-Za-z][\w.+#-]*", _MASKS.sub(" ", text[candidate[0] : candidate[1]]))
        capitalised = sum(1 for w in words if any(c.isupper() for c in w))  # "iOS" too
        # A title is written in title case; "Acme is looking for a Developer" is a sentence.
        if not words or capitalised < 0.75 * len(words):
            return None
        return candidate if self.looks_like_title(text[candidate[0] : candidate[1]]) else None

    # -- the whole posting ------------------------------------------------------------
    def read(self, text: str) -> tuple[tuple[int, int] | None, list[Section]]:
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.start() != m.end()]
        title = self.find_title(text, lines)
        sections: list[Section] = []
        current = "intro"
        for start, end in lines:
            line = text[start:end]
            if not line.strip():
                continue
            if title and start <= title[0] < end:
                if title[0] > start:
                    self._add_text(sections, text, start, title[0], current)
                sections.append(Section("title", title[0], title[1]))
                start = title[1]
                line = text[start:end]
                if not line.strip():
                    continue
            heading = self.classify_heading(line)
            if heading:
                kind, content_at = heading
                sections.append(Section("heading", start, start + content_at))
                current = kind
                start += content_at
            current = self._add_line(sections, text, start, end, current)
        return title, _merge(sections)

    def _add_line(self, out: list[Section], text: str, start: int, end: int, current: str) -> str:
        """Add a line's text, switching section at inline labels; returns the section in force
        at the end of the line."""
        cursor = start
        for label_start, label_end, kind in self._inline_labels(text, start, end):
            if label_start < cursor:
                continue
            self._add_text(out, text, cursor, label_start, current)
            out.append(Section("heading", label_start, label_end))
            current = kind
            cursor = label_end
        self._add_text(out, text, cursor, end, current)
        return current

    def _inline_labels(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Known headings used as labels inside a line ("... Job benefits: Free parking ..."),
        as in postings flattened onto one line by a job board or a scraper: (start, end, kind)
        for each, found by looking back from each colon (colons are rare; a regex of every
        heading phrase is slow)."""
        found = []
        colon = text.find(":", start, end)
        while colon != -1:
            after = colon + 1
            if after >= end or text[after].isspace():
                window_start = max(start, colon - 80)
                words = [m for m in _LABEL_WORD.finditer(text, window_start, colon)]
                for n in range(min(len(words), self.max_heading_words), 0, -1):
                    first = words[-n]
                    before = text[first.start() - 1] if first.start() > start else " "
                    if not (before.isspace() or before in ".!?") and first.start() > start:
                        continue
                    if first.start() > start and text[first.start()].islower():
                        continue  # "... to help us achieve our mission: ..." is a sentence
                    label = _normalise(text[first.start() : colon])
                    if label in self.headings:
                        while after < end and text[after].isspace():
                            after += 1
                        found.append((first.start(), after, self.headings[label]))
                        break
            colon = text.find(":", colon + 1, end)
        return found

    def _add_text(self, out: list[Section], text: str, start: int, end: int, current: str) -> None:
        if start >= end:
            return
        for s_start, s_end in _sentences(text, start, end):
            found = self.cue_kinds(text[s_start:s_end].lower())
            if current in ("intro", "body"):
                kind = next((k for k in CUE_PRIORITY if k in found), current)
            elif "eeo" in found:  # under a heading, only EEO text and nice-to-haves among
                kind = "eeo"  # the requirements stand apart
            elif current == "requirements" and "nice_to_have" in found:
                kind = "nice_to_have"
            else:
                kind = current
            out.append(Section(kind, s_start, s_end))


def _starts_with_heading(norm: str, headings: dict[str, str]) -> bool:
    words = norm.split()
    return any(" ".join(words[:n]) in headings for n in range(1, min(len(words), 5) + 1))


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^\w'&/+ -]+", " ", text)
    return " ".join(text.replace("-", " - ").split()).replace(" - ", "-").strip(" -")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    segment = text[start:end]
    masked = _MASK.search(segment)
    if masked:
        end = start + masked.start()
        segment = text[start:end]
    stripped = segment.strip().strip("*_").strip()
    offset = segment.find(stripped)
    return start + offset, start + offset + len(stripped)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        out.append((cursor, match.start()))
        cursor = match.end()
    out.append((cursor, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _merge(sections: list[Section]) -> list[Section]:
    merged: list[Section] = []
    for section in sections:
        if merged and merged[-1].kind == section.kind and section.kind not in ("title", "heading"):
            merged[-1] = Section(section.kind, merged[-1].start, section.end)
        else:
            merged.append(section)
    return merged


@lru_cache(maxsize=8)
def reader_for(lexicon: Lexicon) -> SectionReader:
    """One SectionReader per lexicon, built once."""
    return SectionReader(lexicon)


class SectionIndex:
    """The kind of section at any character offset, by binary search."""

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self.starts = [s.start for s in sections]

    def kind_at(self, offset: int) -> str:
        """The kind of section that holds a character offset ("body" between sections)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.sections[index].end:
            return self.sections[index].kind
        return "body"


class SectionsComponent(LexiconComponent):
    """Finds the title and the sections; sets ``doc._.jdlint_title`` (kept as the span group
    ``jdlint_title``), ``jdlint_title_roles`` and ``jdlint_sections``, and the span group
    ``jdlint_sections``."""

    def _build(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.reader = reader_for(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        if not self.built:
            self.ensure_built()
        title, sections = self.reader.read(doc_text(doc))
        doc._.jdlint_sections = sections
        title_span = None
        if title:
            title_span = doc.char_span(title[0], title[1], label="title", alignment_mode="expand")
        doc._.jdlint_title = title_span
        doc._.jdlint_title_roles = (
            self.reader.title_parser.read(title_span.text).roles if title_span else ()
        )
        spans = []
        for section in sections:
            span = doc.char_span(
                section.start, section.end, label=section.kind, alignment_mode="expand"
            )
            if span is not None and len(span):
                spans.append(span)
        doc.spans[SPANS_SECTIONS] = spans
        return doc


@Language.factory(
    "jdlint_sections",
    default_config={"lexicons": []},
    assigns=["doc._.jdlint_title", "doc._.jdlint_title_roles", "doc._.jdlint_sections"],
)
def make_sections(nlp: Language, name: str, lexicons: list[str]) -> SectionsComponent:
    """Factory for the sections component; ``lexicons`` names extra lexicon files or folders."""
    return SectionsComponent(nlp, name, lexicons)


def _ends_sentence(text: str) -> bool:
    """Does the line end as a sentence does? "Senior ML Engineer!!!" or "AI Engineer 🚀!" is a
    title in title case with a flourish; "Join us as an AI Engineer!" is a sentence."""
    stripped = text.strip()
    if not re.search(r"[.!?]$", stripped):
        return False
    if not re.search(r"![^\w.?]*$", stripped):
        return True  # a full stop or a question mark
    words = re.findall(r"[A-Za-z][\w.+#-]*", _MASKS.sub(" ", stripped))
    capitalised = sum(1 for w in words if any(c.isupper() for c in w))
    return not words or capitalised < len(words)
