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


def unreadable(name: str, exc: OSError) -> InputError:
    """The one message for an input file the system would not let jdlint read."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{name}: is a directory")
    return InputError(f"{name}: cannot read: {exc.strerror or exc}")


REPORT_URL = "https://github.com/jdlint/jdlint/issues"


def internal_error(path: str, exc: BaseException) -> str:
    """The message for a bug in jdlint met while reading or linting ``path``: it names the
    file and asks for a report, so that it never passes for a problem of the input."""
    detail = f"{type(exc).__name__}: {exc}"
    if len(detail) > 200:
        detail = detail[:197] + "..."
    return (
        f"{path}: internal error ({detail}); this is a bug in jdlint, "
        f"please report it with the file at {REPORT_URL}"
    )
