"""Errors jdlint reports to users as one clear message, never as a traceback."""

from __future__ import annotations


class JdlintError(Exception):
    """Base class: the message is meant for the user as it stands."""


class LexiconError(JdlintError):
    """A lexicon or word list file is missing, not JSON, or not valid against its schema."""


class InputError(JdlintError):
    """An input file cannot be read as a posting."""


class NotAPostingError(InputError):
    """A file of a posting format that holds no posting (JSON without a JobPosting): skipped,
    and not counted as an error."""
