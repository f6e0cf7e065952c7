"""A memo of data files that have passed their JSON Schema, by content hash.

Loading the lexicons validates them every time, but a file whose exact bytes already passed
the exact same schema cannot fail it: the memo lets jdlint skip the validator (and the
jsonschema import) then, which is most of a cold start's own cost. The memo holds only
SHA-256 digests of (jdlint version, schema, file), one a line, in the user's cache folder
(``JDLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/jdlint`` or ``~/.cache/jdlint``); set
``JDLINT_NO_CACHE=1`` to always validate. A memo that cannot be read or written is ignored.

The memo is untrusted input: it is read only when it is a small regular file (never a FIFO,
a device or a link to one), a line that is not a digest is ignored, and it is written by
replacing it atomically with a new file in the cache folder (a link in its place is replaced,
never followed). Only jdlint's own packaged data files are looked up in it; a user's
lexicon is always validated, so that no memo can let a broken one through.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

from . import __version__
from .files import read_regular

MEMO_NAME = "validated.txt"
MAX_MEMO_BYTES = 100_000  # far more than the few digests of the packaged files
MAX_ENTRIES = 1_000
_DIGEST = re.compile(r"[0-9a-f]{64}")


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
    return frozenset(_entries())


def _entries() -> list[str]:
    """The memo's digests, in order; none when it is missing, odd or too large."""
    try:
        data = read_regular(_folder() / MEMO_NAME, MAX_MEMO_BYTES)
    except OSError:
        return []
    if len(data) > MAX_MEMO_BYTES:
        return []
    lines = data.decode("ascii", "replace").split()
    return [line for line in lines if _DIGEST.fullmatch(line)]


def already_valid(key: str) -> bool:
    return enabled() and key in _known()


def remember(key: str) -> None:
    if not enabled():
        return
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        entries = [e for e in _entries() if e != key][-(MAX_ENTRIES - 1) :] + [key]
        handle, temporary = tempfile.mkstemp(prefix=".validated.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="ascii") as memo:
                memo.write("".join(e + "\n" for e in entries))
            os.replace(temporary, folder / MEMO_NAME)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
