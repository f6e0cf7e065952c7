"""The ``jdlint`` command: arguments, input discovery, output and exit codes.

Exit codes: 0 no findings, 1 findings, 2 a usage error or an input that could not be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import JdlintError
from .results import FileResult
from .source import DEFAULT_MAX_BYTES, POSTING_SUFFIXES, Source, decode, find_postings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _expand_paths(paths: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Files to lint (``-`` for stdin) and error messages for paths that give none."""
    files, errors = [], []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = find_postings(path)
            if not found:
                suffixes = ", ".join(POSTING_SUFFIXES)
                errors.append(f"{raw}: no postings ({suffixes}) in this directory")
            files.extend(str(p) for p in found)
        else:
            files.append(raw)
    return files, errors


def _read_stdin(encoding: str | None, max_bytes: int) -> Source | FileResult:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        return FileResult("<stdin>", error=f"<stdin>: larger than the {max_bytes:,}-byte limit")
    try:
        return Source("<stdin>", decode(data, "<stdin>", encoding))
    except JdlintError as exc:
        return FileResult("<stdin>", error=str(exc))


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--model", default=None, help="An installed spaCy pipeline to build on.")
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(),
    help="Extra role lexicon file or folder (repeatable); extends roles by id.",
)
@click.option("--encoding", default=None, help="Decode inputs with this encoding.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Skip inputs larger than this.",
)
@click.version_option(__version__, prog_name="jdlint")
def main(
    paths: tuple[str, ...],
    output_format: str,
    model: str | None,
    lexicons: tuple[str, ...],
    encoding: str | None,
    max_bytes: int,
) -> None:
    """Lint job postings: does the title name the specialist the duties describe?

    PATHS are posting files, directories (searched for .txt and .md files) or - for stdin.
    """
    from .formatters import FORMATTERS
    from .linter import Linter

    files, errors = _expand_paths(paths)
    for message in errors:
        click.echo(f"jdlint: error: {message}", err=True)
    try:
        linter = Linter(model, lexicons, encoding=encoding, max_bytes=max_bytes)
    except JdlintError as exc:
        click.echo(f"jdlint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)

    inputs: list[str | Source | FileResult] = []
    for name in files:
        inputs.append(_read_stdin(encoding, max_bytes) if name == "-" else name)
    results = linter.lint_files(inputs)

    for result in results:
        if result.error:
            click.echo(f"jdlint: error: {result.error}", err=True)
    click.echo(FORMATTERS[output_format](results), nl=False)

    if errors or any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(r.findings for r in results) else EXIT_CLEAN)
