"""HTML postings: the visible text of the page, with a map back to the HTML.

Uses the standard library's HTMLParser (no recursion, so deep nesting is fine) with character
references left undecoded, so that every piece of text is located in the file. ``script``,
``style``, ``nav``, ``footer`` and the like are skipped; headings, list items, paragraphs and
``<br>`` become line breaks (list items as "- " bullets). The page's ``<title>`` is used as
the title only when the page has no heading of its own.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..offsets import TextBuilder
from ..source import Source

SKIPPED = frozenset(
    {
        "script",
        "style",
        "nav",
        "footer",
        "noscript",
        "template",
        "svg",
        "iframe",
        "head",
        "button",
        "select",
        "form",
        "object",
        "canvas",
        "aside",
    }
)
BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "ul",
        "ol",
        "table",
        "tr",
        "td",
        "th",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "hr",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "address",
        "figure",
        "figcaption",
        "tbody",
        "thead",
        "body",
        "html",
    }
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "area",
        "base",
        "col",
        "wbr",
        "source",
        "track",
        "embed",
        "param",
    }
)
_SPACE = re.compile(r"\s+")


class _Reader(HTMLParser):
    def __init__(self, text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source_text = text
        self.base = base
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.body = TextBuilder()
        self.page_title = TextBuilder()
        self.skip: list[str] = []
        self.in_title = False
        self.headings = 0
        self.json_ld: list[tuple[str, int]] = []  # (script content, offset in text)
        self._json_ld_open: int | None = None
        self._last_seen: dict[tuple[str, int], int] = {}

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _out(self) -> TextBuilder:
        return self.page_title if self.in_title else self.body

    def _break(self, at: int, bullet: bool = False) -> None:
        if not self.body.ends_with_newline():
            self.body.add("\n", at)
        if bullet:
            self.body.add("- ", at)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self.base + self._offset()
        if tag == "script" and any(k == "type" and v and "ld+json" in v.lower() for k, v in attrs):
            raw = self.get_starttag_text() or ""
            self._json_ld_open = self._offset() + len(raw)
        if tag == "title":
            self.in_title = True
            return
        if tag in SKIPPED:
            if tag not in VOID:
                self.skip.append(tag)
            return
        if self.skip:
            return
        if tag in HEADINGS:
            self.headings += 1
        if tag in BLOCKS:
            self._break(at, bullet=tag == "li")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip and tag in BLOCKS:
            self._break(self.base + self._offset())

    def handle_endtag(self, tag: str) -> None:
        at = self.base + self._offset()
        if tag == "title":
            self.in_title = False
            return
        if tag == "script" and self._json_ld_open is not None:
            start = self._json_ld_open
            self.json_ld.append((self.source_text[start : self._offset()], start + self.base))
            self._json_ld_open = None
        if self.skip and tag == self.skip[-1]:
            self.skip.pop()
            return
        if tag in SKIPPED and tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
            return
        if not self.skip and tag in BLOCKS:
            self._break(at)

    def handle_data(self, data: str) -> None:
        if self.skip and not self.in_title:
            return
        at = self.base + self._offset()
        out = self._out()
        cursor = 0
        for match in _SPACE.finditer(data):
            out.copy(data[cursor : match.start()], at + cursor)
            out.add(" ", at + match.start(), at + match.end())
            cursor = match.end()
        out.copy(data[cursor:], at + cursor)

    def _reference(self, raw: str) -> None:
        if self.skip and not self.in_title:
            return
        at = self._offset()
        end = at + len(raw)
        if self.source_text.startswith(";", end):
            end += 1
            raw += ";"
        self._out().add(html.unescape(raw), self.base + at, self.base + end)

    # The standard parser looks for the end of a tag or comment from where it starts, and at
    # the end of the document reads an unclosed one as one character of text and looks again
    # from the next "<": 25,000 "<a" or "<!--" take seconds. Whether a construct closes at
    # all is known from the last ">" and "-->" of the document; one that never closes is read
    # as the HTML standard says (a tag cut off by the end of the file is dropped, a comment
    # runs to the end): no text follows it.
    def _last(self, closer: str) -> int:
        key = (closer, len(self.rawdata))  # rawdata only ever loses its front: len names it
        if key not in self._last_seen:
            self._last_seen[key] = self.rawdata.rfind(closer)
        return self._last_seen[key]

    def _never_closes(self, i: int, closer: str, skip: int) -> bool:
        return self._last(closer) < i + skip

    def parse_starttag(self, i: int) -> int:
        if self._never_closes(i, ">", 1):
            return len(self.rawdata)
        return super().parse_starttag(i)

    def parse_endtag(self, i: int) -> int:
        if self._never_closes(i, ">", 1):
            return len(self.rawdata)
        return super().parse_endtag(i)

    def parse_pi(self, i: int) -> int:
        if self._never_closes(i, ">", 1):
            return len(self.rawdata)
        return super().parse_pi(i)

    def parse_html_declaration(self, i: int) -> int:
        if self._never_closes(i, ">", 1):
            return len(self.rawdata)
        return super().parse_html_declaration(i)

    def parse_comment(self, i: int, report: int = 1) -> int:
        if self._never_closes(i, "-->", 4):
            return len(self.rawdata)
        return super().parse_comment(i, report)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # HTML has no marked sections outside SVG and MathML (skipped here): a browser reads
        # "<![" up to the next ">" as a comment. The standard parser asserts on most of them.
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")


def html_text(
    text: str, base: int = 0
) -> tuple[TextBuilder, TextBuilder, int, list[tuple[str, int]]]:
    """(body, page title, number of headings, JSON-LD scripts) of an HTML document or
    fragment; offsets are ``base`` plus offsets into ``text``."""
    reader = _Reader(text, base)
    reader.feed(text)
    reader.close()
    return reader.body, reader.page_title, reader.headings, reader.json_ld


def read_html(path: str, original: str) -> Source:
    from .jsonld_format import find_job_posting, source_from_job_posting

    body, page_title, headings, scripts = html_text(original)
    for script, offset in scripts:
        posting = find_job_posting(script, offset)
        if posting is not None:
            # A page with a JobPosting is linted as that posting, not as the page's chrome.
            return source_from_job_posting(path, original, posting, input_format="html")
    out = TextBuilder()
    if not headings and len(page_title):
        out.extend(page_title)
        out.add("\n", 0)
    out.extend(body)
    text, offsets = out.build(len(original))
    return Source(path, original, text, offsets, input_format="html")
