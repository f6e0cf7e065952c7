"""The ``jdlint`` command: arguments, configuration, input discovery, output and exit codes.

``jdlint PATH...`` lints (it is short for ``jdlint check PATH...``); ``jdlint rules`` lists the
rules and ``jdlint rule CODE`` explains one. Exit codes: 0 no findings at or above --fail-on,
1 findings, 2 a usage error or an input that could not be read.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.shell_completion import CompletionItem

from . import __version__
from .errors import InputError, JdlintError, internal_error
from .files import read_limited
from .formatters.escape import escape_controls
from .results import FileResult
from .source import DEFAULT_MAX_BYTES, POSTING_SUFFIXES, Source, decode, find_postings

if TYPE_CHECKING:
    from .config import Config

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_CACHE_DIR = ".jdlint_cache"  # in the working directory, as ruff's .ruff_cache
CACHE_DIR_OPTION = click.option(
    "--cache-dir",
    envvar="JDLINT_CACHE_DIR",
    default=DEFAULT_CACHE_DIR,
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where the result cache is kept.",
)
INPUT_FORMATS = ("text", "markdown", "html", "jsonld")
FORMATS = ("text", "concise", "json", "sarif", "github")
SEVERITIES = ("error", "warning", "info")


_GROUP_OPTIONS = ("-h", "--help", "-V", "--version")


class _DefaultToCheck(click.Group):
    """``jdlint posting.txt`` runs ``check``; ``jdlint rules`` and ``jdlint rule X`` do not.
    The top-level help shows check's options too, since that is what ``jdlint PATH`` runs."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # While the shell completes the first word, it is a command or an option of either.
        completing_first = ctx.resilient_parsing and not args
        if not completing_first and (
            not args or (args[0] not in self.commands and args[0] not in _GROUP_OPTIONS)
        ):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        items = super().shell_complete(ctx, incomplete)
        if incomplete.startswith("-"):
            check_ctx = check.make_context("check", [], parent=ctx, resilient_parsing=True)
            items += check.shell_complete(check_ctx, incomplete)
        return items

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage("jdlint", "[OPTIONS] PATH...\n       jdlint COMMAND [ARGS]...")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        check_ctx = check.make_context("check", ["-"], parent=ctx, resilient_parsing=True)
        params = [p for p in check.get_params(check_ctx) if "--help" not in p.opts]
        rows = [r for p in params if (r := p.get_help_record(check_ctx))]
        rows += [r for p in self.get_params(ctx) if (r := p.get_help_record(ctx))]
        with formatter.section("Options (jdlint PATH... is jdlint check PATH...)"):
            formatter.write_dl(rows)
        self.format_commands(ctx, formatter)


_EPILOG = """\b
Examples:
  jdlint posting.txt                  lint one posting
  jdlint postings/ --format sarif -o jdlint.sarif
  jdlint rule JD101                   what a rule checks, and why

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 a usage error or an input that
could not be read. Shell completion: eval "$(_JDLINT_COMPLETE=bash_source jdlint)" (zsh_source,
fish_source for zsh and fish).
"""


@click.group(
    cls=_DefaultToCheck,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=_EPILOG,
)
@click.version_option(__version__, "-V", "--version", prog_name="jdlint")
def main() -> None:
    """Lint job postings: does the title name the specialist the duties describe?

    Reads posting files (text, Markdown, HTML, JobPosting JSON-LD), folders of them or - for
    standard input, and reports findings: a title naming another specialist than the duties
    describe, requirements nobody can meet, exclusionary wording, missing pay and location.
    """


def _selectors(values: tuple[str, ...]) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(s.strip() for v in values for s in v.split(",") if s.strip())


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


def _read_stdin(
    encoding: str | None, max_bytes: int, input_format: str | None
) -> Source | FileResult:
    from .readers import read_posting

    data = read_limited(sys.stdin.buffer, max_bytes)
    if len(data) > max_bytes:
        return FileResult("<stdin>", error=f"<stdin>: larger than the {max_bytes:,}-byte limit")
    try:
        return read_posting("<stdin>", decode(data, "<stdin>", encoding), input_format)
    except JdlintError as exc:
        return FileResult("<stdin>", error=str(exc))


def _echo(text: str, err: bool = False, *, nl: bool = True, colour: bool | None = None) -> None:
    """Print to stdout or stderr whatever the text holds: a file name that is not UTF-8 (its
    bytes come in as lone surrogates) or a character the stream's encoding lacks is shown as a
    backslash escape instead of stopping the run."""
    if err:  # one message is one line, whatever a file name holds
        text = escape_controls(text)
    stream = sys.stderr if err else sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    safe = text.encode(encoding, "backslashreplace").decode(encoding, "replace")
    click.echo(safe, err=err, nl=nl, color=colour)


def use_colour(output: str | None, choice: str = "auto") -> bool:
    """``--color always|never`` decides; ``auto`` colours a terminal, not a file. Under
    ``auto``, a non-empty NO_COLOR turns colour off (no-color.org) and a non-empty FORCE_COLOR
    turns it on (force-color.org); NO_COLOR wins when both are set."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output is None and sys.stdout.isatty()


def _statistics(results: list[FileResult], output_format: str) -> str:
    """Findings per rule, most frequent first: a table, or JSON under ``--format json``."""
    counts = Counter((f.code, f.name) for r in results for f in r.findings)
    fixable = Counter((f.code, f.name) for r in results for f in r.findings if f.fix)
    if output_format == "json":
        import json

        rows = [
            {"code": code, "name": name, "count": n, "fixable": fixable[code, name]}
            for (code, name), n in counts.most_common()
        ]
        return json.dumps(rows, indent=2) + "\n"
    lines = [f"{n:>5}  {code}  {name}" for (code, name), n in counts.most_common()]
    return "\n".join(lines) + ("\n" if lines else "")


def _fix(
    results: list[FileResult],
    encoding: str | None,
    lint: Callable[[list[str | Source | FileResult]], list[FileResult]],
) -> tuple[list[FileResult], list[str]]:
    """Apply the fixes in every file that has some, then lint those files again so that what
    is reported (and the exit code) is about the fixed files."""
    from .fixes import apply_fixes

    errors: list[str] = []
    fixed: dict[int, str] = {}
    count = 0
    for i, result in enumerate(results):
        if result.error or result.path == "<stdin>" or not any(f.fix for f in result.findings):
            continue
        try:
            count += apply_fixes(result, encoding)
            fixed[i] = result.path
        except InputError as exc:
            errors.append(str(exc))
        except Exception as exc:  # a bug met on this file: its error, the others are fixed
            errors.append(internal_error(result.path, exc))
    if fixed:
        again = dict(zip(fixed, lint(list(fixed.values())), strict=True))
        results = [again.get(i, r) for i, r in enumerate(results)]
        files = f"{len(fixed)} file{'s' if len(fixed) != 1 else ''}"
        _echo(f"Fixed {count} problem{'s' if count != 1 else ''} in {files}.", err=True)
    return results, errors


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write output to a file.")
@click.option(
    "--select", multiple=True, help="Rules to run: codes, prefixes or names (comma-separated)."
)
@click.option("--ignore", multiple=True, help="Rules not to run.")
@click.option("--extend-select", multiple=True, help="Rules to run in addition to the selection.")
@click.option(
    "--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that exits 1 [warning]."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--fix", is_flag=True, help="Rewrite fixable findings (misspelled technology names) in place."
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print the number of findings per rule instead (JSON with --format json).",
)
@click.option(
    "--color",
    "color",
    type=click.Choice(("auto", "always", "never")),
    default="auto",
    show_default=True,
    help="Colour the text output: auto is a terminal only (NO_COLOR, FORCE_COLOR honoured).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Use this configuration file instead of discovering one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes.",
)
@click.option("--model", default=None, help="An installed spaCy pipeline to build on.")
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(),
    help="Extra role lexicon file or folder (repeatable); extends roles by id.",
)
@click.option(
    "--input-format",
    type=click.Choice(("auto", *INPUT_FORMATS)),
    default="auto",
    show_default=True,
    help="Read inputs as this format instead of by suffix and content.",
)
@click.option("--encoding", default=None, help="Decode inputs with this encoding.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Skip inputs larger than this.",
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Say which files were skipped as not job postings (a README, a licence, empty, ...).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    envvar="JDLINT_NO_CACHE",
    help="Lint every posting again; neither read nor write the result cache.",
)
@CACHE_DIR_OPTION
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    fix: bool,
    statistics: bool,
    color: str,
    config_path: str | None,
    isolated: bool,
    jobs: int,
    model: str | None,
    lexicons: tuple[str, ...],
    input_format: str,
    encoding: str | None,
    max_bytes: int,
    verbose: bool,
    no_cache: bool,
    cache_dir: str,
) -> None:
    """Lint PATHS: posting files (text, Markdown, HTML, JobPosting JSON-LD), directories
    (searched for them) or - for stdin."""
    from .config import ConfigResolver
    from .formatters import FORMATTERS

    overrides: dict[str, Any] = {
        "select": _selectors(select),
        "ignore": _selectors(ignore),
        "extend_select": _selectors(extend_select),
        "fail_on": fail_on,
    }
    resolver = ConfigResolver(
        config_path, isolated, tuple((k, v) for k, v in overrides.items() if v is not None)
    )
    files, errors = _expand_paths(paths)
    try:
        files = [f for f in files if f == "-" or not resolver(f).excludes(f)]
        files = _postings_only(files, verbose)
        fmt = None if input_format == "auto" else input_format
        inputs: list[str | Source | FileResult] = [
            _read_stdin(encoding, max_bytes, fmt) if name == "-" else name for name in files
        ]

        def lint(items: list[str | Source | FileResult]) -> list[FileResult]:
            from .parallel import lint_inputs  # loads spaCy: only when a posting needs it

            return lint_inputs(
                items,
                resolver,
                jobs=jobs,
                model=model,
                lexicons=lexicons,
                encoding=encoding,
                max_bytes=max_bytes,
                input_format=fmt,
            )

        # jdlint never caches with --model: the pipeline's content is not part of the key.
        if no_cache or model:
            results = lint(inputs)
        else:
            results = _lint_cached(
                inputs, lint, resolver, lexicons, cache_dir, fmt, encoding, max_bytes
            )
        if fix:
            results, fix_errors = _fix(results, encoding, lint)
            errors.extend(fix_errors)
    except JdlintError as exc:
        _echo(f"jdlint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)

    for message in errors:
        _echo(f"jdlint: error: {message}", err=True)
    for result in results:
        if result.skipped:
            _echo(f"jdlint: {result.error}", err=True)
        elif result.error:
            _echo(f"jdlint: error: {result.error}", err=True)
    results = [r for r in results if not r.skipped]

    colour = use_colour(output, color)
    if statistics:
        text = _statistics(results, output_format)
    else:
        text = FORMATTERS[output_format](results, colour)
    if output:
        try:
            Path(output).write_bytes(text.encode("utf-8", "backslashreplace"))
        except OSError as exc:
            _echo(f"jdlint: error: {output}: cannot write the output: {exc.strerror or exc}", True)
            sys.exit(EXIT_ERROR)
    else:
        _echo(text, nl=False, colour=colour)

    if errors or any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    failing = any(resolver(r.path).fails(f.severity) for r in results for f in r.findings)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _postings_only(files: list[str], verbose: bool) -> list[str]:
    """The files that may be job postings; the others skipped, with a note if ``verbose``."""
    from .non_postings import not_a_posting

    kept = []
    for name in files:
        reason = None if name == "-" else not_a_posting(name)
        if reason is None:
            kept.append(name)
        elif verbose:
            click.echo(f"jdlint: {name}: skipped, not a job posting ({reason})", err=True)
    return kept


def _lint_cached(
    inputs: list[str | Source | FileResult],
    lint: Callable[[list[str | Source | FileResult]], list[FileResult]],
    resolver: Callable[[str], Config],
    lexicons: tuple[str, ...],
    cache_dir: str,
    input_format: str | None,
    encoding: str | None,
    max_bytes: int,
) -> list[FileResult]:
    """Results from the cache where the posting and all it depends on are unchanged; the
    rest linted (spaCy is loaded only if some are) and stored."""
    from .result_cache import ResultCache

    cache = ResultCache(
        cache_dir, encoding=encoding, max_bytes=max_bytes, input_format=input_format
    )
    results: list[FileResult | None] = [None] * len(inputs)
    keys: dict[int, str] = {}
    for i, item in enumerate(inputs):
        if isinstance(item, FileResult):
            results[i] = item
        elif isinstance(item, str):
            key, results[i] = cache.lookup(item, resolver(item), lexicons)
            if key is not None:
                keys[i] = key
    misses = [i for i, result in enumerate(results) if result is None]
    if misses:
        for i, result in zip(misses, lint([inputs[i] for i in misses]), strict=True):
            results[i] = result
            if i in keys and not result.error and not result.skipped:
                cache.put(keys[i], result)
    return [r for r in results if r is not None]


@main.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and summary."""
    from .rules import ALL_RULES

    width = max(len(rule.name) for rule in ALL_RULES)
    for rule in ALL_RULES:
        off = "" if rule.default else " (off by default: --extend-select " + rule.code + ")"
        click.echo(f"{rule.code}  {rule.name:<{width}} {rule.severity:<8} {rule.summary}{off}")


@main.command("rule")
@click.argument("key")
def show_rule(key: str) -> None:
    """Explain one rule, by code or name."""
    from .rules import rule_by_code_or_name

    rule = rule_by_code_or_name(key)
    if rule is None:
        click.echo(f"jdlint: error: unknown rule '{key}' (see 'jdlint rules')", err=True)
        sys.exit(EXIT_ERROR)
    off = "" if rule.default else ", off by default: select it with --extend-select"
    click.echo(
        f"{rule.code} {rule.name} ({rule.severity}{off})\n\n{rule.summary}\n\n{rule.explanation}"
    )


@main.command("clean")
@CACHE_DIR_OPTION
def clean_cache(cache_dir: str) -> None:
    """Remove the result cache."""
    from .result_cache import clean

    if clean(cache_dir):
        click.echo(f"Removed the jdlint cache {cache_dir}")
    else:
        click.echo(f"No jdlint cache at {cache_dir}")
