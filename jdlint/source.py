"""Postings as text: reading and decoding files, and mapping offsets back to lines and columns."""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

DEFAULT_MAX_BYTES = 1_000_000
POSTING_SUFFIXES = (".txt", ".md", ".markdown", ".text")

_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in characters


@dataclass
class Source:
    """The decoded text of one posting and where it came from.

    ``text`` is exactly what the pipeline reads, so a character offset into it is a character
    offset into the decoded file: ``text[start:end]`` is the reported span.
    """

    path: str
    text: str
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]

    def position(self, offset: int) -> Position:
        """Line and column (both 1-based) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return Position(index + 1, offset - self._line_starts[index] + 1)

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Bytes to text: a BOM decides (UTF-8, UTF-16), else UTF-8; binary data is refused."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{path}: cannot decode as {encoding}: {exc}") from None
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[len(codecs.BOM_UTF8) :], "utf-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", path)
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, skipped")
    return _decode(data, "utf-8", path)


def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid {encoding.upper()} (byte {exc.start}); "
            "pass --encoding if the file uses another encoding"
        ) from None


def read_source(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Source:
    """Read one posting file. Raises InputError with a message fit for the user."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the {max_bytes:,}-byte limit, skipped")
    return Source(name, decode(data, name, encoding))


def find_postings(path: str | Path) -> list[Path]:
    """Posting files under a directory, in a stable order, skipping hidden folders."""
    root = Path(path)
    found = []
    for candidate in sorted(root.rglob("*")):
        relative = candidate.relative_to(root).parts
        if any(part.startswith(".") for part in relative):
            continue
        if candidate.is_file() and candidate.suffix.lower() in POSTING_SUFFIXES:
            found.append(candidate)
    return found
