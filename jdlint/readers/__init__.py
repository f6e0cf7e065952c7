"""Reading postings as HR teams and job boards keep them: plain text, Markdown, HTML and
schema.org JobPosting JSON-LD. Every reader returns a Source whose text maps back to the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..source import Source

FORMATS = ("text", "markdown", "html", "jsonld")
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "jsonld",
    ".jsonld": "jsonld",
}


def _read_text(path: str, original: str) -> Source:
    return Source(path, original)


def _readers() -> dict[str, Callable[[str, str], Source]]:
    from .html_format import read_html
    from .jsonld_format import read_jsonld
    from .markdown_format import read_markdown

    return {"text": _read_text, "markdown": read_markdown, "html": read_html, "jsonld": read_jsonld}


def detect_format(path: str, original: str) -> str:
    """By the file's suffix, else by its content: an HTML document, a JSON object, or text."""
    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    head = original.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    if head.startswith(("{", "[")) and '"@context"' in original[:4096]:
        return "jsonld"
    return "text"


def read_posting(path: str, original: str, input_format: str | None = None) -> Source:
    """The Source for a decoded file in the given format (detected when None)."""
    fmt = input_format or detect_format(path, original)
    return _readers()[fmt](path, original)
