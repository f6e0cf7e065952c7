"""The Doc extensions jdlint's components write, registered once under the ``jdlint_`` prefix.

Every value lives in ``doc.user_data`` as data msgpack can write: tuples (the hit and section
types are NamedTuples, so tuples themselves), dicts, strings and numbers; the title lives in
``doc.spans``. So ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=2)`` carry them. A value read back from bytes comes as plain lists or
tuples: reading the extension turns it into its type again, once (the component that owns the
type registers how).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

# name -> what it holds. Unset (None) until the component that assigns it has run.
DOC_EXTENSIONS = {
    "jdlint_title": "Span of the posting's title, or None (kept in doc.spans['jdlint_title'])",
    "jdlint_title_roles": "tuple of role ids the title claims",
    "jdlint_sections": "list of Section, one per stretch of text, in order",
    "jdlint_skills": "list of SkillHit",
    "jdlint_duties": "list of DutyHit",
    "jdlint_other_work": "list of SkillHit for work none of the roles do (data entry, sales)",
    "jdlint_profile": "RoleProfile: which role the duties describe",
    "jdlint_wording": "list of WordingHit: phrases of the wording lists, in text order",
}

# Keys in doc.spans that hold the same results as spans.
SPANS_TITLE = "jdlint_title"
SPANS_SECTIONS = "jdlint_sections"
SPANS_SKILLS = "jdlint_skills"
SPANS_DUTIES = "jdlint_duties"

# doc.user_data key under which jdlint's Linter leaves the text it tokenised, so components
# need not rebuild doc.text from the tokens (it is costly on long postings).
TEXT_KEY = "jdlint_text"
# doc.user_data key under which the duties component leaves every token's lower-case lemma, for
# the components after it.
LEMMAS_KEY = "jdlint_lemmas"

# A function that gives a stored value its type again: the value itself when it has it (the
# hot path: no copy), a typed copy when it was read back from bytes.
Restore = Callable[[Any], Any]
_RESTORE: dict[str, Restore] = {}


def restore_as(name: str, restore: Restore) -> None:
    """Say how extension ``name``'s value gets its type back after a round trip through bytes
    (each component module, for the types it defines)."""
    _RESTORE[name] = restore


def _getter(name: str) -> Callable[[Doc], Any]:
    key = name  # the doc.user_data key of the value

    def get(doc: Doc) -> Any:
        value = doc.user_data.get(key)
        if value is None:
            return None
        restore = _RESTORE.get(name)
        if restore is None:
            return value
        typed = restore(value)
        if typed is not value:
            doc.user_data[key] = typed  # once: the next read is the hot path again
        return typed

    return get


def _setter(name: str) -> Callable[[Doc, Any], None]:
    key = name

    def set_value(doc: Doc, value: Any) -> None:
        doc.user_data[key] = value

    return set_value


def _get_title(doc: Doc) -> Span | None:
    group = doc.spans.get(SPANS_TITLE)
    return group[0] if group else None


def _set_title(doc: Doc, span: Span | None) -> None:
    doc.spans[SPANS_TITLE] = [span] if span is not None else []


def register_extensions() -> None:
    """Register jdlint's Doc extensions; safe to call any number of times."""
    for name in DOC_EXTENSIONS:
        if Doc.has_extension(name):
            continue
        if name == "jdlint_title":
            Doc.set_extension(name, getter=_get_title, setter=_set_title)
        else:
            Doc.set_extension(name, getter=_getter(name), setter=_setter(name))


def restore_tuple(value: Any) -> tuple[Any, ...]:
    """A tuple, read back as a list or kept as it was."""
    return value if isinstance(value, tuple) else tuple(value)


def restore_list_of(kind: Any) -> Restore:
    """Restore a list of NamedTuples of type ``kind`` (no nested NamedTuples in them)."""

    def restore(value: Any) -> Any:
        if isinstance(value, list) and (not value or type(value[0]) is kind):
            return value
        return [kind._make(item) for item in value]

    return restore


restore_as("jdlint_title_roles", restore_tuple)


def doc_text(doc: Doc) -> str:
    """The Doc's text: as the Linter left it, or rebuilt by spaCy."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else doc.text
