"""The Doc extensions jdlint's components write, registered once under the ``jdlint_`` prefix."""

from __future__ import annotations

from spacy.tokens import Doc

# name -> what it holds. Defaults are None: components always set a fresh value per Doc.
DOC_EXTENSIONS = {
    "jdlint_title": "Span of the posting's title, or None",
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


def register_extensions() -> None:
    """Register jdlint's Doc extensions; safe to call any number of times."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


# doc.user_data key under which jdlint's Linter leaves the text it tokenised, so components
# need not rebuild doc.text from the tokens (it is costly on long postings).
TEXT_KEY = "jdlint_text"
# doc.user_data key under which the duties component leaves every token's lower-case lemma, for
# the components after it.
LEMMAS_KEY = "jdlint_lemmas"


def doc_text(doc: Doc) -> str:
    """The Doc's text: as the Linter left it, or rebuilt by spaCy."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else doc.text
