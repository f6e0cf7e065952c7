"""``--fix``: rewrite what a finding's fix says, and nothing else, in place and atomically.

The file is read again and decoded as it was for linting; if it changed since, or its bytes
would not come back the same after decoding and encoding again, it is left alone. The new
bytes go to a temporary file beside it, which then replaces it (``os.replace``), so a crash
never leaves half a file; its mode and owner are kept. A symlink is fixed through to its
target; a file with other hard links is rewritten in place, so the links stay one file; a
read-only file is not rewritten. Everything outside the fixed spans stays byte for byte.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

from .errors import InputError
from .files import read_regular
from .results import FileResult, Fix
from .source import decode


def _encoding_of(raw: bytes, encoding: str | None) -> str:
    if encoding:
        return encoding
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith(codecs.BOM_UTF32_LE):
        return "utf-32-le"
    if raw.startswith(codecs.BOM_UTF32_BE):
        return "utf-32-be"
    if raw.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if raw.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    return "utf-8"


def _encode(text: str, encoding: str, raw: bytes) -> bytes:
    bom = b""
    if encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        bom = raw[: 4 if encoding.startswith("utf-32") else 2]
        text = text[1:] if text.startswith("\ufeff") else text
    return bom + text.encode(encoding)


def fixes_of(result: FileResult) -> list[Fix]:
    """The result's fixes, without overlaps (the first in the file wins)."""
    chosen: list[Fix] = []
    for fix in sorted((f.fix for f in result.findings if f.fix), key=lambda x: (x.start, x.end)):
        if chosen and fix.start < chosen[-1].end:
            continue
        chosen.append(fix)
    return chosen


def apply_fixes(result: FileResult, encoding: str | None = None) -> int:
    """Apply ``result``'s fixes to its file; the number applied. Raises InputError when the
    file cannot be fixed safely."""
    fixes = fixes_of(result)
    if not fixes:
        return 0
    path = Path(result.path)
    try:
        # linted as at most 4 bytes a character: more means it changed since
        raw = read_regular(path, 4 * len(result.text or "") + 4)
    except OSError as exc:
        raise InputError(f"{path}: cannot read for --fix: {exc.strerror or exc}") from None
    text = decode(raw, str(path), encoding)
    if text != result.text:
        raise InputError(f"{path}: changed while it was being linted; not fixed")
    codec = _encoding_of(raw, encoding)
    try:
        if _encode(text, codec, raw) != raw:
            raise InputError(f"{path}: would not be written back byte for byte; not fixed")
        for fix in reversed(fixes):
            text = text[: fix.start] + fix.replacement + text[fix.end :]
        data = _encode(text, codec, raw)
    except (UnicodeError, LookupError) as exc:
        raise InputError(f"{path}: cannot encode the fixed text as {codec}: {exc}") from None
    try:
        _write(path, data)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the fix: {exc.strerror or exc}") from None
    return len(fixes)


def _write(path: Path, data: bytes) -> None:
    """Write the fixed bytes as a careful tool does: through a symlink to its target; a file
    with other hard links in place, so that every name still shows the same file; any other
    file atomically. Never a file without write permission."""
    target = Path(os.path.realpath(path))
    status = target.stat()
    if not status.st_mode & 0o222:
        raise InputError(f"{path}: is read-only; not fixed")
    if status.st_nlink > 1:
        with open(target, "r+b") as out:
            out.write(data)
            out.truncate()
            out.flush()
            os.fsync(out.fileno())
        return
    _replace_atomically(target, data)


def _replace_atomically(path: Path, data: bytes) -> None:
    status = path.stat()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".jdlint", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, status.st_mode & 0o7777)
        if hasattr(os, "chown"):  # keep the owner where we may (as root, say)
            try:
                os.chown(temporary, status.st_uid, status.st_gid)
            except OSError:
                pass
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
