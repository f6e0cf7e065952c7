"""schema.org ``JobPosting`` JSON-LD, as a ``.json`` file or embedded in an HTML page.

JSON is scanned here rather than with ``json.loads`` so that every string keeps its place in
the file: a decoded character maps back to the characters (escapes included) it came from.
The scan is iterative, so deeply nested JSON cannot exhaust the stack.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from typing import Any

from ..errors import InputError, NotAPostingError
from ..offsets import OffsetMap, TextBuilder
from ..source import Source

_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"', re.S)
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_SPACE = re.compile(r"[ \t\r\n]*")
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")
# Longer integers than Python converts by default (sys.get_int_max_str_digits) are kept as
# floats: valid JSON, and no field jdlint reads needs them exact.
_MAX_INT_DIGITS = 4000
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_LITERALS = {"true": True, "false": False, "null": None}

# Fields read as posting text, each under a heading the sections component knows.
TEXT_FIELDS = (
    ("description", None),
    ("responsibilities", "Responsibilities"),
    ("qualifications", "Qualifications"),
    ("skills", "Skills"),
    ("experienceRequirements", "Experience"),
    ("educationRequirements", "Education"),
)
# JobPosting fields kept for the rules (pay, location), beside the text.
METADATA_FIELDS = (
    "baseSalary",
    "estimatedSalary",
    "jobLocation",
    "jobLocationType",
    "applicantLocationRequirements",
    "employmentType",
)


@dataclass(frozen=True)
class JString:
    """A JSON string: its value, and the file span of each of its characters."""

    value: str
    start: int  # the opening quote, in the file
    offsets: OffsetMap

    def __str__(self) -> str:
        return self.value


class JSONError(ValueError):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def _hex4(raw: str, k: int, at: int) -> int:
    """The code unit of the ``\\uXXXX`` escape at ``raw[k]``: exactly four hex digits (not
    ``int()``'s wider syntax, which would take "+1_2")."""
    if _HEX4.fullmatch(raw, k + 2, k + 6) is None or raw[k : k + 2] != "\\u":
        raise JSONError(f"invalid \\u escape '{raw[k : k + 6]}'", at + k)
    return int(raw[k + 2 : k + 6], 16)


def _unicode_escape(raw: str, k: int, at: int) -> tuple[str, int]:
    """The character of the ``\\u`` escape at ``raw[k]`` (a surrogate pair counts as one) and
    how many characters of ``raw`` it takes. A lone surrogate is refused: it is no text."""
    code = _hex4(raw, k, at)
    if 0xDC00 <= code <= 0xDFFF:
        raise JSONError(f"lone surrogate '{raw[k : k + 6]}'", at + k)
    if 0xD800 <= code <= 0xDBFF:
        if raw[k + 6 : k + 8] != "\\u":
            raise JSONError(f"lone surrogate '{raw[k : k + 6]}'", at + k)
        low = _hex4(raw, k + 6, at)
        if not 0xDC00 <= low <= 0xDFFF:
            raise JSONError(f"lone surrogate '{raw[k : k + 6]}'", at + k)
        return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 12
    return chr(code), 6


def _string(text: str, i: int, base: int) -> tuple[JString, int]:
    match = _STRING.match(text, i)
    if match is None:
        raise JSONError("unterminated string", i)
    raw = match.group()[1:-1]
    first = base + i + 1
    if "\\" not in raw:
        n = len(raw)
        offsets = OffsetMap(
            array("l", range(first, first + n)), array("l", range(first + 1, first + n + 1)), 0
        )
        return JString(raw, base + i, offsets), match.end()
    chars: list[str] = []
    starts, ends = array("l"), array("l")
    k = 0
    while k < len(raw):
        c = raw[k]
        width = 1
        if c == "\\":
            kind = raw[k + 1]
            if kind == "u":
                c, width = _unicode_escape(raw, k, i + 1)
            elif kind in _ESCAPES:
                c, width = _ESCAPES[kind], 2
            else:
                raise JSONError(f"invalid escape '\\{kind}'", i + 1 + k)
        chars.append(c)
        starts.append(first + k)
        ends.append(first + k + width)
        k += width
    return JString("".join(chars), base + i, OffsetMap(starts, ends, 0)), match.end()


def _key(text: str, i: int, base: int) -> tuple[str, int]:
    """An object key and its colon at ``i``: the key, and where its value starts."""
    if i >= len(text) or text[i] != '"':
        raise JSONError("expected a key", i)
    key, i = _string(text, i, base)
    i = _SPACE.match(text, i).end()
    if i >= len(text) or text[i] != ":":
        raise JSONError("expected ':'", i)
    return key.value, _SPACE.match(text, i + 1).end()


def load(text: str, base: int = 0) -> Any:
    """Parse JSON into dicts, lists and scalars, with strings as JString. ``base`` is added to
    every offset (the JSON's place in a larger file)."""
    stack: list[tuple[Any, Any]] = []  # (container, pending key)
    i = _SPACE.match(text, 0).end()
    root: Any = None
    have_root = False
    while True:
        if i >= len(text):
            raise JSONError("unexpected end of JSON", i)
        c = text[i]
        value: Any
        if c == "{" or c == "[":
            stack.append(({} if c == "{" else [], None))
            i = _SPACE.match(text, i + 1).end()
            if i < len(text) and text[i] == ("}" if c == "{" else "]"):
                value = stack.pop()[0]
                i += 1
            else:
                if c == "{":
                    key, i = _key(text, i, base)
                    stack[-1] = (stack[-1][0], key)
                continue
        elif c == '"':
            value, i = _string(text, i, base)
        elif c in "-0123456789":
            match = _NUMBER.match(text, i)
            if match is None:
                raise JSONError("invalid number", i)
            number = match.group()
            exact = len(number) <= _MAX_INT_DIGITS and not any(ch in number for ch in ".eE")
            value = int(number) if exact else float(number)
            i = match.end()
        else:
            for word, literal in _LITERALS.items():
                if text.startswith(word, i):
                    value, i = literal, i + len(word)
                    break
            else:
                raise JSONError(f"unexpected character {c!r}", i)
        # Place the value, then close containers as long as they end here.
        while True:
            if not stack:
                root, have_root = value, True
                break
            container, key = stack[-1]
            if isinstance(container, list):
                container.append(value)
            else:
                container[key] = value
            i = _SPACE.match(text, i).end()
            if i >= len(text):
                raise JSONError("unexpected end of JSON", i)
            closer = "]" if isinstance(container, list) else "}"
            if text[i] == ",":
                i = _SPACE.match(text, i + 1).end()
                if not isinstance(container, list):
                    key, i = _key(text, i, base)
                    stack[-1] = (container, key)
                break
            if text[i] == closer:
                value = stack.pop()[0]
                i += 1
                continue
            raise JSONError(f"expected ',' or '{closer}'", i)
        if have_root:
            break
    if _SPACE.match(text, i).end() != len(text):
        raise JSONError("extra data after JSON", i)
    return root


def _types(node: dict) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v) for v in values if v is not None}


def _find(root: Any) -> dict | None:
    """The first JobPosting in a JSON-LD document: at the top, in a list or in ``@graph``."""
    pending = [root]
    while pending:
        node = pending.pop(0)
        if isinstance(node, dict):
            if _types(node) & {
                "JobPosting",
                "schema:JobPosting",
                "http://schema.org/JobPosting",
                "https://schema.org/JobPosting",
            }:
                return node
            pending.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            pending.extend(node)
    return None


def find_job_posting(text: str, base: int = 0) -> dict | None:
    """The JobPosting in a JSON-LD text, or None (also when it is not valid JSON: a broken
    script on a page is the page's problem, not the posting's)."""
    try:
        return _find(load(text, base))
    except (JSONError, ValueError, IndexError):
        return None


def _strings(value: Any) -> list[JString]:
    """Every string in a field, in order: a string, a list of them, or an object such as
    OccupationalExperienceRequirements (its description and the like)."""
    out: list[JString] = []
    pending = [value]
    while pending:
        node = pending.pop(0)
        if isinstance(node, JString):
            out.append(node)
        elif isinstance(node, list):
            pending[0:0] = node
        elif isinstance(node, dict):
            pending[0:0] = [v for k, v in node.items() if not k.startswith("@")]
    return out


def _add_html(out: TextBuilder, string: JString) -> None:
    from .html_format import html_text

    body, _, _, _ = html_text(string.value)
    text, inner = body.build(len(string.value))
    out.add_mapped(text, string.offsets.compose(inner))


def source_from_job_posting(
    path: str, original: str, posting: dict, input_format: str = "jsonld"
) -> Source:
    """A Source whose text is the JobPosting's title and text fields, mapped into the file."""
    out = TextBuilder()
    title = posting.get("title")
    if isinstance(title, JString):
        out.add_mapped(title.value, title.offsets)
        out.add("\n\n", title.start)
    for field_name, heading in TEXT_FIELDS:
        value = posting.get(field_name)
        strings = _strings(value)
        if not strings:
            continue
        if heading:
            out.add(f"\n{heading}:\n", strings[0].start)
        for string in strings:
            _add_html(out, string)
            out.add("\n", string.start)
    text, offsets = out.build(len(original))
    date = posting.get("datePosted")
    metadata = {}
    for key in METADATA_FIELDS:
        if key in posting:
            try:
                metadata[key] = _plain(posting[key])
            except RecursionError:  # absurdly nested: not worth keeping
                continue
    return Source(
        path,
        original,
        text,
        offsets,
        input_format=input_format,
        date_posted=str(date) if isinstance(date, JString) else None,
        metadata=metadata,
    )


def _plain(value: Any) -> Any:
    """JSON with JString replaced by str."""
    if isinstance(value, JString):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def read_jsonld(path: str, original: str) -> Source:
    try:
        root = load(original)
    except JSONError as exc:
        line = original.count("\n", 0, exc.offset) + 1
        raise InputError(f"{path}:{line}: not valid JSON: {exc}") from None
    posting = _find(root)
    if posting is None:
        raise NotAPostingError(f"{path}: no schema.org JobPosting in this JSON, skipped")
    return source_from_job_posting(path, original, posting)
