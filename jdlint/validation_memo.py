"""A memo of data files that have passed their JSON Schema, by content hash.

Loading the lexicons validates them every time, but a file whose exact bytes already passed
the exact same schema cannot fail it: the memo lets jdlint skip the validator (and the
jsonschema import) then, which is most of a cold start's own cost. The memo holds only
SHA-256 digests of (jdlint version, schema, file), one a line, in the user's cache folder
(``JDLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/jdlint`` or ``~/.cache/jdlint``); set
``JDLINT_NO_CACHE=1`` to always validate. A memo that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from . import __version__

MEMO_NAME = "validated.txt"


def _folder() -> Path:
    if os.environ.get("JDLINT_CACHE_DIR"):
        return Path(os.environ["JDLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "jdlint"


def enabled() -> bool:
    return os.environ.get("JDLINT_NO_CACHE", "") in ("", "0")


def digest(schema_name: str, schema_text: str, text: str) -> str:
    key = "\0".join((__version__, schema_name, schema_text, text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    try:
        return frozenset((_folder() / MEMO_NAME).read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return frozenset()


def already_valid(key: str) -> bool:
    return enabled() and key in _known()


def remember(key: str) -> None:
    if not enabled():
        return
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / MEMO_NAME, "a", encoding="ascii") as memo:
            memo.write(key + "\n")
    except OSError:
        pass
