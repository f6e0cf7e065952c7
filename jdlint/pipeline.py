"""Building the spaCy pipeline: spaCy's blank English, or an installed trained pipeline, plus
jdlint's components. Nothing is ever downloaded.

The user's lexicons and role weights reach the components through ``initialize``, not through
their config: ``nlp.config`` names no file, and ``nlp.to_disk`` writes the files' content into
the saved pipeline (``lexicon_component.py``), so it loads where those files are not."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language

from . import duties, role_profile, sections, skills, wording  # noqa: F401  (registers the factories)
from .errors import JdlintError

COMPONENTS = (
    "jdlint_sections",
    "jdlint_skills",
    "jdlint_duties",
    "jdlint_wording",
    "jdlint_roles",
)
# The components whose work extra lexicons change (the wording lists are built in only).
USES_LEXICONS = frozenset({"jdlint_sections", "jdlint_skills", "jdlint_duties"})


def build_nlp(
    model: str | None = None,
    lexicons: Sequence[str | Path] = (),
    max_length: int = 2_000_000,
    role_weights: str | Path | None = None,
) -> Language:
    """spaCy pipeline with jdlint's components: on ``spacy.blank("en")``, or on ``model`` (an
    installed package name or a path) if given. ``lexicons`` are extra lexicon files/folders;
    ``role_weights`` a fitted role-weights file to use instead of the built-in one."""
    if model:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise JdlintError(
                f"cannot load spaCy pipeline '{model}': it is not installed "
                f"(jdlint never downloads one). {str(exc).splitlines()[0]}"
            ) from None
    else:
        nlp = spacy.blank("en")
    nlp.max_length = max_length
    # realpath, not Path.resolve: a symlink loop is the lexicon loader's message, not a crash
    paths = [os.path.realpath(p) for p in lexicons]
    weights = os.path.realpath(role_weights) if role_weights else ""
    for name in COMPONENTS:
        component = nlp.add_pipe(name)
        # Built here, once, so that a bad file stops jdlint now and the first posting is not
        # slower than the others.
        if name == "jdlint_roles":
            component.initialize(weights=weights)
        else:
            component.initialize(lexicons=paths if name in USES_LEXICONS else ())
    return nlp
