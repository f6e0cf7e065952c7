"""Control characters shown escaped in the human formats, so that a posting or a file name
cannot move the cursor, recolour the terminal, or forge a line of jdlint's output."""

from __future__ import annotations

import re

# C0 controls (tab and line breaks too: one finding is one line), DEL, C1 controls, the
# Unicode line and paragraph separators, and the bidirectional overrides and isolates
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control character as a visible escape (``\\x1b``, ``\\u202e``)."""
    return _CONTROL.sub(_escape, text)
