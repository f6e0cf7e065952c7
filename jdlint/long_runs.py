"""Long runs of non-space characters, cut into pieces before the tokenizer.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free chunk one at a time,
each time on the rest of the chunk: quadratic in its length, so 4,000 "$" or 10,000 "&amp;"
take seconds. No word of a posting is that long, so a chunk longer than ``MAX_RUN`` is
tokenized in pieces of that length and the pieces' Docs are joined: the Doc's text is the
posting's text, character for character, and tokens never cross a cut.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

MAX_RUN = 100
# only at the start of a run, so that each run is read once
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")


def cuts(text: str) -> list[int]:
    """Where to cut ``text``: every ``MAX_RUN`` characters inside each longer run."""
    out: list[int] = []
    for match in _LONG_RUN.finditer(text):
        out.extend(range(match.start() + MAX_RUN, match.end(), MAX_RUN))
    return out


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with long runs tokenized in pieces."""
    points = cuts(text)
    if not points:
        return nlp.make_doc(text)
    bounds = [0, *points, len(text)]
    docs = [nlp.make_doc(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return Doc.from_docs(docs, ensure_whitespace=False)
