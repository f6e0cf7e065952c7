"""A progress line on standard error for long runs: only on a terminal, never in a pipe, a file
or a CI log, and only once a run has taken a moment (pre-commit on one posting shows none).

The line is redrawn in place (``\\r`` and erase-line); whatever else goes to the terminal (the
findings as they stream, an error message) first erases it, so the two never mix.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable
from typing import TextIO

DELAY = 1.0  # seconds before the line first shows
INTERVAL = 0.1  # seconds between redraws
_ERASE = "\r\x1b[K"


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """``advance()`` once per posting done; ``clear()`` before writing anything else to the
    terminal; ``close()`` at the end. ``total`` is None when it is not known (table rows)."""

    def __init__(
        self,
        total: int | None,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.enabled = (
            _is_terminal(self.stream)
            and os.environ.get("TERM") != "dumb"
            and not os.environ.get("CI")  # a CI log that claims to be a terminal
        )
        self._clock = clock
        self._start = clock()
        self._first: float | None = None  # the rate counts from the first posting done:
        self._drawn_at: float | None = None  # loading the pipeline is no part of it
        self._shown = False

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = self._clock()
        if self._first is None:
            self._first = now
        if now - self._start < DELAY:
            return
        if self._shown and self._drawn_at is not None and now - self._drawn_at < INTERVAL:
            return
        self.stream.write(_ERASE + self.line(now))
        self.stream.flush()
        self._drawn_at, self._shown = now, True

    def line(self, now: float) -> str:
        """What the line says: done of total, a bar, the rate and the time left."""
        first = self._first if self._first is not None else self._start
        rate = (self.done - 1) / (now - first) if now > first else 0.0
        if self.total is None:
            return f"jdlint: {self.done:,} postings linted" + (f", {rate:.0f}/s" if rate else "")
        share = self.done / self.total if self.total else 1.0
        head = f"jdlint: {self.done:,}/{self.total:,} postings "
        tail = f" {share:4.0%}"
        if rate:
            left = int((self.total - self.done) / rate)
            tail += f"  {rate:.0f}/s  {left // 60}:{left % 60:02d} left"
        width = max(10, min(40, shutil.get_terminal_size().columns - len(head) - len(tail) - 3))
        filled = round(width * share)
        return f"{head}[{'#' * filled}{'-' * (width - filled)}]{tail}"

    def clear(self) -> None:
        if self._shown:
            self.stream.write(_ERASE)
            self.stream.flush()
            self._shown = False

    def close(self) -> None:
        self.clear()
