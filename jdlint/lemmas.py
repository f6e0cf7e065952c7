"""English lemmas by lookup: the table jdlint ships as package data.

The table is spaCy's English lemma lookup table from spacy-lookups-data (MIT; the English tables
carry the WordNet 3.0 licence), copied unchanged into ``jdlint/data/`` with its notice, so
jdlint needs neither that 100 MB package nor spaCy to read it. If the file cannot be read,
jdlint warns once and matches words by their lower-case spelling only.
"""

from __future__ import annotations

import gzip
import json
import warnings
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

TABLE_FILE = "en_lemma_lookup.json.gz"


class LemmaTableWarning(UserWarning):
    """The shipped lemma table could not be read: lemmas are lower-cased words only."""


def _read_table() -> dict[str, str]:
    raw = resources.files("jdlint").joinpath("data", TABLE_FILE).read_bytes()
    table = json.loads(gzip.decompress(raw))
    if not isinstance(table, dict) or not table:
        raise ValueError("not a non-empty JSON object")
    return table


@lru_cache(maxsize=1)
def lemma_table() -> Mapping[str, str]:
    """The English lemma lookup table, word -> lemma (empty, with a LemmaTableWarning, when the
    shipped file is missing or unreadable)."""
    try:
        return _read_table()
    except (OSError, ValueError, EOFError) as exc:  # json and gzip errors are ValueErrors
        warnings.warn(
            f"jdlint: cannot read its English lemma table ({TABLE_FILE}: {exc}); duty verbs "
            "and wording are matched by spelling only, so findings may differ",
            LemmaTableWarning,
            stacklevel=2,
        )
        return {}


def lemma_of(word: str, table: Mapping[str, str]) -> str:
    """Lower-case lemma of a word, case-insensitively ("Training" -> "train")."""
    lower = word.lower()
    found = table.get(lower)
    if found is not None:
        return found.lower()
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return lower[:-1]  # "llms", "apis": plurals the table does not know
    return lower
