"""Text built from pieces of an original file, with a map from every character back to the
characters of the original it came from.

Readers (Markdown, HTML, JSON-LD) build the text the pipeline reads with a ``TextBuilder``;
``OffsetMap`` turns a span of that text back into a span of the original file, so that
``original[start:end]`` is what jdlint reports.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True)
class OffsetMap:
    """``starts[i]``/``ends[i]``: the original span character ``i`` of the text came from.
    A verbatim character spans one original character, a decoded entity spans the whole
    entity, and a character the reader added (a line break for ``<br>``) spans nothing."""

    starts: array
    ends: array
    original_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(array("l", range(length)), array("l", range(1, length + 1)), length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of text[start:end]."""
        n = len(self.starts)
        if n == 0:
            return 0, 0
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            at = self.starts[start] if start < n else self.original_length
            return at, at
        first, last = self.starts[start], self.ends[end - 1]
        return first, max(first, last)

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """Map ``inner``'s text (built from this map's text) straight to this map's original."""
        starts, ends = array("l"), array("l")
        for s, e in zip(inner.starts, inner.ends, strict=True):
            a, b = self.span(s, e)
            starts.append(a)
            ends.append(b)
        return OffsetMap(starts, ends, self.original_length)


class TextBuilder:
    """Collects text and, for each character, the original span it came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts = array("l")
        self._ends = array("l")
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, text: str, original_start: int) -> None:
        """Characters copied verbatim from the original, starting at ``original_start``."""
        if not text:
            return
        self._parts.append(text)
        self._starts.extend(range(original_start, original_start + len(text)))
        self._ends.extend(range(original_start + 1, original_start + len(text) + 1))
        self._length += len(text)

    def add(self, text: str, original_start: int, original_end: int | None = None) -> None:
        """Characters that stand for the original span (an entity), or for nothing there (a
        line break the reader adds): every one of them maps to the whole span."""
        if not text:
            return
        end = original_start if original_end is None else original_end
        self._parts.append(text)
        self._starts.extend([original_start] * len(text))
        self._ends.extend([end] * len(text))
        self._length += len(text)

    def add_mapped(self, text: str, offsets: OffsetMap, base: int = 0) -> None:
        """Text that comes with its own map (a decoded JSON string), shifted by ``base``."""
        self._parts.append(text)
        self._starts.extend(s + base for s in offsets.starts)
        self._ends.extend(e + base for e in offsets.ends)
        self._length += len(text)

    def extend(self, other: TextBuilder) -> None:
        """Append another builder's text and map (both against the same original)."""
        self._parts.extend(other._parts)
        self._starts.extend(other._starts)
        self._ends.extend(other._ends)
        self._length += other._length

    def ends_with_newline(self) -> bool:
        return not self._parts or self._parts[-1].endswith("\n")

    def build(self, original_length: int) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(self._starts, self._ends, original_length)
