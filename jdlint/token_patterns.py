"""Token patterns (spaCy Matcher syntax) run only where they can match.

spaCy's Matcher tries every pattern at every token and evaluates each set predicate ("IN",
"NOT_IN") on every token: over a whole posting, a few patterns with optional gaps cost more than
the rest of the pipeline. Every pattern here has a token it cannot do without, and that token
must be one of a few words ("pounds", "team", "under"): the Matcher runs only on the windows
around those words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy
from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

_REPEAT = re.compile(r"\{(\d*),?(\d*)\}")


def _most_tokens(token: dict[str, Any]) -> int:
    """How many tokens one pattern token can cover (a long gap counts as 10)."""
    op = token.get("OP", "1")
    if op in ("*", "+"):
        return 10
    found = _REPEAT.fullmatch(op)
    if found:
        return int(found.group(2) or found.group(1) or 10)
    return 1


# Words too common to anchor on: a window around every "of" is the whole posting.
_COMMON = frozenset({"of", "the", "a", "an", "and", "or", "to", "in", "for", "on", "with", "-"})


def _required_words(pattern: Sequence[dict[str, Any]]) -> list[frozenset[str]]:
    """For each token of ``pattern`` that must match at least once, the words its LOWER must be
    one of, as the pattern gives them (tokens that test anything else, or may be absent, say
    nothing)."""
    required = []
    for token in pattern:
        op = token.get("OP", "1")
        if op not in ("1", "+") and not op.startswith("{1"):
            continue
        lower = token.get("LOWER")
        if isinstance(lower, str):
            required.append(frozenset({lower}))
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            required.append(frozenset(lower["IN"]))
    return required


def _anchor(pattern: Sequence[dict[str, Any]]) -> frozenset[str] | None:
    """The lower-case words one required token of ``pattern`` must be (the fewest, common words
    aside), or None."""
    best: frozenset[str] | None = None
    for token in pattern:
        if token.get("OP", "1") not in ("1", "!") and not token.get("OP", "1").startswith("{1"):
            continue
        lower = token.get("LOWER")
        if isinstance(lower, str):
            words = frozenset({lower})
        elif isinstance(lower, dict) and "IN" in lower:
            words = frozenset(w.lower() for w in lower["IN"])
        else:
            continue
        if words & _COMMON:
            continue
        if best is None or len(words) < len(best):
            best = words
    return best


class AnchoredMatcher:
    """A Matcher over ``patterns`` (label -> token patterns) that runs only around anchors."""

    def __init__(self, vocab: Vocab, patterns: Iterable[tuple[str, list[list[dict]]]]) -> None:
        self.matcher = Matcher(vocab, validate=True)
        self.anchors: set[int] = set()
        self.reach = 1
        self.empty = True
        # Per pattern, the LOWER hashes each of its required tokens must be one of.
        self.required: list[list[frozenset[int]]] = []
        for label, label_patterns in patterns:
            for pattern in label_patterns:
                anchor = _anchor(pattern)
                if anchor is None:
                    raise ValueError(f"pattern of '{label}' has no required word to anchor it")
                self.anchors |= {vocab.strings.add(w) for w in anchor}
                self.reach = max(self.reach, sum(_most_tokens(t) for t in pattern))
                self.required.append(
                    [
                        frozenset(vocab.strings.add(w) for w in words)
                        for words in _required_words(pattern)
                    ]
                )
            self.matcher.add(label, label_patterns)
            self.empty = False
        self.anchor_array = numpy.array(sorted(self.anchors), dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(label hash, start, end) of every match, as the Matcher gives them."""
        if self.empty:
            return []
        # The anchors found by numpy, and a window skipped where no pattern has all its
        # required words: a loop over every token and the Matcher over every window (a
        # window around every "team") were 1.9 s of CPU over 2,000 postings.
        lowers = doc.to_array(LOWER)
        windows: list[list[int]] = []
        for i in numpy.flatnonzero(_isin(lowers, self.anchor_array)).tolist():
            start, end = max(0, i - self.reach), min(len(doc), i + self.reach + 1)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        found = set()
        for start, end in windows:
            words = set(lowers[start:end].tolist())
            if not any(all(not w.isdisjoint(words) for w in req) for req in self.required):
                continue  # no pattern can match here
            for label, s, e in self.matcher(doc[start:end]):
                found.add((label, start + s, start + e))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))


def _isin(values: numpy.ndarray, sorted_keys: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(values, sorted_keys)`` by binary search in the sorted keys: numpy.isin
    sorts the values too, and took half of the anchors' time."""
    if not len(sorted_keys):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.searchsorted(sorted_keys, values).clip(max=len(sorted_keys) - 1)
    return sorted_keys[at] == values
