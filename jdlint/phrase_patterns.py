"""PhraseMatcher patterns for many phrases at once, cheaply: start-up counts on every run.

Tokenizing each of thousands of phrases as its own Doc costs a Doc apiece; spaCy's tokenizer
works chunk by chunk between spaces, so phrases joined by newlines come out as the same tokens
with a newline token between them, from one Doc. The matcher takes each phrase's attribute
values (``LOWER`` or ``ORTH`` hashes) as its pattern, as it would have read them from the Doc.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language


def _joinable(phrase: str) -> bool:
    # Whitespace other than single inner spaces could merge with the separator's token.
    return bool(phrase) and phrase == phrase.strip() and "  " not in phrase and phrase.isprintable()


def phrase_patterns(nlp: Language, phrases: Sequence[str], attr: int) -> list[list[int]]:
    """Each phrase's tokens as values of ``attr`` (a spaCy attribute id: LOWER or ORTH), the
    same as ``nlp.tokenizer(phrase).to_array(attr)``, for ``PhraseMatcher.add``."""
    if not all(_joinable(p) for p in phrases):
        return [nlp.tokenizer(p).to_array(attr).tolist() for p in phrases]
    doc = nlp.tokenizer("\n".join(phrases))  # not make_doc: no max_length applies to data
    values = doc.to_array(attr).tolist()
    patterns: list[list[int]] = [[]]
    for token, value in zip(doc, values, strict=True):
        if token.text == "\n":
            patterns.append([])
        else:
            patterns[-1].append(value)
    if len(patterns) != len(phrases):  # a newline token inside a phrase: never expected
        return [nlp.tokenizer(p).to_array(attr).tolist() for p in phrases]
    return patterns
