"""Files that are not job postings, told apart cheaply before anything is read as one.

pre-commit and directory runs pass every text file of a repository: a README, a licence, a
changelog, a requirements file or an empty file is not a posting, and linting one as a posting
gives nonsense findings (or fails the commit). These are told by their name (a requirements
file by its lines too, an empty file by its size), so the check costs a ``stat`` per file,
never a parse.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from .files import read_regular

# A file's name before its first dot, lower-cased -> what it is.
_BY_STEM = {
    "readme": "a README",
    "license": "a licence",
    "licence": "a licence",
    "copying": "a licence",
    "notice": "a licence notice",
    "changelog": "a changelog",
    "changes": "a changelog",
    "history": "a changelog",
    "news": "a changelog",
    "contributing": "a contributors' guide",
    "code_of_conduct": "a code of conduct",
    "security": "a security policy",
    "authors": "a list of authors",
}
_REQUIREMENTS = re.compile(
    r"(.*[-_.])?(requirements|constraints)([-_.].*)?\.(txt|in)", re.IGNORECASE
)
# A line of a pip requirements file: a package and its version or marker, an option, a URL.
_REQUIREMENT_LINE = re.compile(
    r"(-[-\w]+|[\w.+-]+://)\S*.*|[A-Za-z0-9][\w.-]*(\[[\w,. -]*\])?\s*([<>=!~;@].*)?"
)
_SMALL = 256  # bytes: a file this small is read to see whether it is only whitespace
_MAX_REQUIREMENTS = 100_000  # bytes: a requirements file is no bigger


def _is_requirements(path: Path) -> bool:
    """A file named like a requirements file whose every line is one ("requirements-first-
    ml-engineer.txt" may well be a posting)."""
    if not _REQUIREMENTS.fullmatch(path.name) or path.stat().st_size > _MAX_REQUIREMENTS:
        return False
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    lines = [line.split(" #", 1)[0].strip() for line in lines]
    lines = [line for line in lines if line and not line.startswith("#")]
    return bool(lines) and all(_REQUIREMENT_LINE.fullmatch(line) for line in lines)


def not_a_posting(path: str | Path) -> str | None:
    """Why the file at ``path`` is not a job posting ("a README", "empty", ...), or None when
    it may be one. A file that cannot be read is left to the reader, which reports it."""
    path = Path(path)
    kind = _BY_STEM.get(path.name.split(".", 1)[0].lower())
    if kind:
        return kind
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None  # a FIFO or a device is never opened here: the reader refuses it
        if _is_requirements(path):
            return "a requirements file"
        if path.stat().st_size <= _SMALL:
            data = read_regular(path, _SMALL)
            if not data.lstrip(b"\xef\xbb\xbf").strip():
                return "empty"
    except OSError:
        return None
    return None
