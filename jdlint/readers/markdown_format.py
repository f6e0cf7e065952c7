"""Markdown postings (CommonMark): read as they stand, less what is not posting text.

Code blocks, HTML comments and link targets are blanked out (each character becomes a space,
line breaks stay), so the text keeps every offset of the file and the map is the identity.
YAML front matter is blanked too, except its ``title:`` line, which becomes the title; its
location, salary and date keys are kept as the posting's metadata, as JSON-LD's would be.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..offsets import OffsetMap
from ..source import Source

_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(.*?)(?:\r?\n|\A)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_TITLE_LINE = re.compile(r"^(title[ \t]*:)[ \t]*(.*?)[ \t]*$", re.M | re.I)
_KEY_LINE = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:[ \t]*(\S.*?)[ \t]*$", re.M)
# front matter key -> the schema.org JobPosting field it stands for
_FRONT_MATTER_KEYS = {
    "location": "jobLocation",
    "job_location": "jobLocation",
    "remote": "jobLocationType",
    "salary": "baseSalary",
    "pay": "baseSalary",
    "compensation": "baseSalary",
    "base_salary": "baseSalary",
    "date": "datePosted",
    "date_posted": "datePosted",
}
_LINK_TARGET = re.compile(r"(?<=\])\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _comments(text: str) -> list[tuple[int, int]]:
    """The spans of HTML comments, as ``<!--.*?-->`` finds them but in one pass: the regex
    reads to the end of the text again from each unclosed ``<!--``."""
    spans = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no comment closes after this one: none of the rest can close either
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _NEWLINES.finditer(text)] + [len(text)]


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def read_markdown(path: str, original: str) -> Source:
    chars = list(original)
    front = _FRONT_MATTER.match(original)
    metadata: dict[str, Any] = {}
    if front:
        for key, value in _KEY_LINE.findall(original, front.start(1), front.end(1)):
            field = _FRONT_MATTER_KEYS.get(key.lower().replace("-", "_"))
            if field:
                metadata.setdefault(field, value.strip("\"'"))
        keep = _TITLE_LINE.search(original, front.start(1), front.end(1))
        _blank(chars, front.start(), front.end())
        if keep:
            value_start, value_end = keep.start(2), keep.end(2)
            if (
                value_end - value_start >= 2
                and original[value_start] in "\"'"
                and (original[value_end - 1] == original[value_start])
            ):
                value_start, value_end = value_start + 1, value_end - 1
            chars[keep.start(1) : keep.end(1)] = list(original[keep.start(1) : keep.end(1)])
            chars[value_start:value_end] = list(original[value_start:value_end])
    blanked = "".join(chars)
    starts = _line_starts(blanked)
    for token in _parser().parse(blanked):
        if token.type in ("fence", "code_block") and token.map:
            first, last = token.map
            _blank(chars, starts[first], starts[min(last, len(starts) - 1)])
    text = "".join(chars)
    for start, end in _comments(text):
        _blank(chars, start, end)
    for match in _LINK_TARGET.finditer(text):
        _blank(chars, match.start(), match.end())
    text = "".join(chars)
    return Source(
        path,
        original,
        text,
        OffsetMap.identity(len(original)),
        input_format="markdown",
        date_posted=metadata.pop("datePosted", None),
        metadata=metadata,
    )
