"""Long runs, cut into pieces before the tokenizer: runs of non-space characters, and
stretches of symbols.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free chunk one at a time,
each time on the rest of the chunk: quadratic in its length, so 4,000 "$" or 10,000 "&amp;"
take seconds. No word of a posting is that long, so a chunk longer than ``MAX_RUN`` is
tokenized in pieces of that length and the pieces' Docs are joined: the Doc's text is the
posting's text, character for character, and tokens never cross a cut.

Symbols cost the tokenizer more than their length: a run of "—" is an infix at every
character (15 s a megabyte in 100-character pieces), and any run of "$", "%" or "=" is a token
per character (a million tokens a megabyte, each then read by every component). A stretch of
at least ``SYMBOL_RUN`` symbols (no letter, digit or line break; spaces and tabs between
them allowed) is therefore not tokenized but cut by hand into tokens of ``MAX_RUN``
characters: 10,000 tokens a megabyte, however it is spaced. Real postings have such stretches
only as rules drawn with "-", "_" or ".", which nothing reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy
from spacy.attrs import NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

MAX_RUN = 100
# 56 stretches of 32 symbols or more in the 9,689 real postings, all of them rules drawn with
# "-", "_" or "."; fewer would take in the separator rows of Markdown tables ("| --- |").
SYMBOL_RUN = 32
# spaCy's tokenizer stops caching its reading of a chunk for the rest of a text once the text
# has had a special case ("e.g.", "C++", "don't"), and reads every later chunk afresh: a
# megabyte of the 446 skill names of the lexicons, cycled, took 0.9 s to tokenize. A long
# text's distinct chunks are therefore read once each first: then the text is read from the
# cache, 0.2 s in all. Real postings are shorter (17,744 characters at most in 9,689).
WARM_FROM = 50_000
# only at the start of a run, so that each run is read once
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")
# Every symbol stretch lies in a run of this many characters that are no letter or digit
# (single character classes: a regex that repeats "a symbol or a space" is slower than linear
# on a megabyte, it keeps state for every repetition).
_NOT_ALNUM = re.compile(rf"[\W_]{{{SYMBOL_RUN},}}")
_ON_ONE_LINE = re.compile(r"[\S \t]+")  # inside such a run: symbols, spaces and tabs


def cuts(text: str) -> list[int]:
    """Where to cut ``text``: every ``MAX_RUN`` characters inside each longer run."""
    out: list[int] = []
    for match in _LONG_RUN.finditer(text):
        out.extend(range(match.start() + MAX_RUN, match.end(), MAX_RUN))
    return out


def segments(text: str) -> list[tuple[int, int, bool]]:
    """``text`` as consecutive (start, end, by_hand) pieces: a piece by hand is a symbol
    stretch (with the one space after it, which is its last token's whitespace), the others
    go to the tokenizer. No piece starts with the space that ends a token before it, so that
    the whitespace comes out as the tokenizer lays it out in the whole text."""
    out: list[tuple[int, int, bool]] = []
    at = 0
    for start, end in stretches(text):
        if text.startswith(" ", end):
            end += 1
        _tokenizer_pieces(text, at, start, out)
        out.append((start, end, True))
        at = end
    _tokenizer_pieces(text, at, len(text), out)
    return out


def stretches(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each symbol stretch: from its first symbol to its last, at least
    ``SYMBOL_RUN`` symbols with nothing but spaces and tabs between them."""
    for run in _NOT_ALNUM.finditer(text):
        for part in _ON_ONE_LINE.finditer(text, run.start(), run.end()):
            chunk = part.group()
            core = chunk.strip(" \t")
            start = part.start() + len(chunk) - len(chunk.lstrip(" \t"))
            start, end = _own_words(text, start, start + len(core))
            core = text[start:end]
            if len(core) - core.count(" ") - core.count("\t") >= SYMBOL_RUN:
                yield start, end


def _own_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A stretch less the symbols that belong to the word before or after it ("C++" in
    "C++ ------"), where a space or tab parts them from the rest."""
    if start > 0 and not text[start - 1].isspace():
        gap = min(
            (i for i in (text.find(" ", start, end), text.find("\t", start, end)) if i >= 0),
            default=-1,
        )
        if gap >= 0:
            start = end - len(text[gap:end].lstrip(" \t"))
    if end < len(text) and not text[end].isspace():
        gap = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
        if gap >= start:
            end = start + len(text[start:gap].rstrip(" \t"))
    return start, end


def _tokenizer_pieces(text: str, start: int, end: int, out: list[tuple[int, int, bool]]) -> None:
    if start >= end:
        return
    part = text[start:end]
    bounds = [start, *(start + cut for cut in cuts(part)), end]
    out.extend((a, b, False) for a, b in zip(bounds, bounds[1:], strict=False))


def symbol_tokens(stretch: str) -> list[str]:
    """A symbol stretch's tokens: pieces of ``MAX_RUN`` characters, spaces and all, so that a
    megabyte of symbols is 10,000 tokens however it is spaced (each distinct token costs a
    lexeme, 15 microseconds; a stretch of random symbols has no two alike)."""
    return [stretch[at : at + MAX_RUN] for at in range(0, len(stretch), MAX_RUN)]


def warm_cache(nlp: Language, text: str) -> None:
    """Tokenize each distinct chunk of ``text`` (up to ``MAX_RUN`` characters) on its own, so
    that the tokenizer's cache holds it, when the text repeats its chunks: tokens are the same
    with or without (a chunk's reading depends on the chunk alone), only faster."""
    chunks = text.split()
    distinct = {chunk for chunk in chunks if len(chunk) <= MAX_RUN}
    if 2 * len(distinct) > len(chunks):
        return  # few repeats: reading the chunks twice would cost more than it saves
    tokenizer = nlp.tokenizer
    for chunk in distinct:
        tokenizer(chunk)


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with long runs tokenized in pieces and symbol stretches cut by
    hand."""
    if len(text) > WARM_FROM:
        warm_cache(nlp, text)
    pieces = segments(text)
    if len(pieces) == 1 and not pieces[0][2]:
        return nlp.make_doc(text)
    # One Doc from the pieces' tokens, as Doc.from_docs would join them, without its Token
    # object per token (3 s for a million tokens); NORM is what the tokenizer's special cases
    # set beyond the text.
    strings = nlp.vocab.strings
    words: list[str] = []
    spaces: list[bool] = []
    norms: list[int] = []
    for start, end, by_hand in pieces:
        if by_hand:
            stretch = text[start:end]
            space = stretch.endswith(" ")  # the one space after it (segments)
            hand_words = symbol_tokens(stretch[:-1] if space else stretch)
            words.extend(hand_words)
            spaces.extend([False] * (len(hand_words) - 1) + [space])
            norms.extend(nlp.vocab[word].norm for word in hand_words)
        else:
            array = nlp.make_doc(text[start:end]).to_array([ORTH, SPACY, NORM]).tolist()
            words.extend(strings[orth] for orth, _, _ in array)
            spaces.extend(bool(space) for _, space, _ in array)
            norms.extend(norm for _, _, norm in array)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.from_array([NORM], numpy.array(norms, dtype="uint64").reshape(-1, 1))
    return doc
