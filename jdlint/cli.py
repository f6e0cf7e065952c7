"""The ``jdlint`` command: arguments, configuration, input discovery, output and exit codes.

``jdlint PATH...`` lints (it is short for ``jdlint check PATH...``); ``jdlint rules`` lists the
rules and ``jdlint rule CODE`` explains one. Exit codes: 0 no findings at or above --fail-on,
1 findings, 2 a usage error or an input that could not be read.
"""

from __future__ import annotations

import copy
import itertools
import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click
from click.shell_completion import CompletionItem

from . import __version__
from .errors import InputError, JdlintError, internal_error
from .files import read_limited
from .formatters.escape import escape_controls
from .progress import Progress
from .readers.tables import TABLE_FORMATS, Columns, parse_columns, read_table, table_format
from .results import FileResult
from .source import DEFAULT_MAX_BYTES, POSTING_SUFFIXES, Source, decode, find_postings

if TYPE_CHECKING:
    from .config import Config

Input = str | Source | FileResult
Lint = Callable[[Iterable[Input]], Iterator[FileResult]]

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
INPUT_FORMATS = ("text", "markdown", "html", "jsonld", *TABLE_FORMATS)
FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "html", "parquet")
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


def _expand_paths(
    paths: tuple[str, ...], respect_ignores: bool = True
) -> tuple[list[str], list[str]]:
    """Files to lint (``-`` for stdin) and error messages for paths that give none. A file
    named on the command line is linted even where git ignores it; folders are searched."""
    files, errors = [], []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = find_postings(path, errors, respect_ignores)
            if not found:
                suffixes = ", ".join(POSTING_SUFFIXES)
                message = f"{raw}: no postings ({suffixes}) in this directory"
                if respect_ignores and find_postings(path, None, respect_ignores=False):
                    message += " that git does not ignore (--no-respect-gitignore lints them)"
                errors.append(message)
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


def _statistics(
    counts: Counter[tuple[str, str]], fixable: Counter[tuple[str, str]], output_format: str
) -> str:
    """Findings per rule, most frequent first: a table, or JSON under ``--format json``."""
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
    lint: Callable[[list[Input]], list[FileResult]],
) -> tuple[list[FileResult], list[str]]:
    """Apply the fixes in every file that has some, then lint those files again so that what
    is reported (and the exit code) is about the fixed files."""
    from .fixes import apply_fixes

    errors: list[str] = []
    fixed: dict[int, str] = {}
    count = 0
    for i, result in enumerate(results):
        if result.error or result.path == "<stdin>" or result.row is not None:
            continue  # a table row is not fixed in place: its table is no posting file
        if not any(f.fix for f in result.findings):
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
@click.option(
    "--output",
    "-o",
    type=click.Path(),
    help="Write output to a file (a folder for --format parquet).",
)
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
    "--respect-gitignore/--no-respect-gitignore",
    default=True,
    show_default=True,
    help="Leave out of folders what .gitignore, .ignore and git's excludes ignore.",
)
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
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="KEY=COLUMN",
    help="For tables: the column holding title, text, id, datePosted, ... (repeatable).",
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
    respect_gitignore: bool,
    jobs: int,
    model: str | None,
    lexicons: tuple[str, ...],
    input_format: str,
    columns: tuple[str, ...],
    encoding: str | None,
    max_bytes: int,
    verbose: bool,
    no_cache: bool,
    cache_dir: str,
) -> None:
    """Lint PATHS: posting files (text, Markdown, HTML, JobPosting JSON-LD), tables of
    postings (JSON Lines, CSV, Parquet), directories (searched for posting files) or - for
    stdin."""
    from .config import ConfigResolver

    overrides: dict[str, Any] = {
        "select": _selectors(select),
        "ignore": _selectors(ignore),
        "extend_select": _selectors(extend_select),
        "fail_on": fail_on,
    }
    resolver = ConfigResolver(
        config_path, isolated, tuple((k, v) for k, v in overrides.items() if v is not None)
    )
    if output_format == "parquet" and not output:
        _echo("jdlint: error: --format parquet writes two tables: give --output FOLDER", True)
        sys.exit(EXIT_ERROR)
    files, errors = _expand_paths(paths, respect_gitignore)
    sink = _Output(output, use_colour(output, color))
    try:
        column_map = Columns(parse_columns(columns))
        given = len(files)
        files = [f for f in files if f == "-" or not resolver(f).excludes(f)]
        if given and not files:
            which = "the one file" if given == 1 else f"all {given} files"
            _echo(
                f"jdlint: warning: the configuration's exclude patterns leave out {which} "
                "given, so nothing is linted (--isolated ignores the configuration)",
                err=True,
            )
        files = _postings_only(files, verbose)
        fmt = None if input_format == "auto" else input_format
        file_format = None if fmt in TABLE_FORMATS else fmt

        def lint(items: Iterable[Input]) -> Iterator[FileResult]:
            from .parallel import iter_inputs  # loads spaCy: only when a posting needs it

            return iter_inputs(
                items,
                resolver,
                jobs=jobs,
                model=model,
                lexicons=lexicons,
                encoding=encoding,
                max_bytes=max_bytes,
                input_format=file_format,
            )

        inputs = _inputs(files, fmt, column_map, encoding, max_bytes)
        tables = any(table_format("" if f == "-" else f, fmt) for f in files)
        progress = sink.progress = Progress(None if tables else len(files))
        # jdlint never caches with --model: the pipeline's content is not part of the key.
        if no_cache or model:
            results: Iterable[FileResult] = _lint_lazily(inputs, lint)
        else:
            results = _lint_cached(
                inputs, lint, resolver, lexicons, cache_dir, file_format, encoding, max_bytes
            )
        for message in errors:
            _echo(f"jdlint: error: {message}", err=True)
        results = _advancing(results, progress)
        if fix:
            results, fix_errors = _fix(list(results), encoding, lambda i: list(lint(i)))
            progress.clear()
            for message in fix_errors:
                _echo(f"jdlint: error: {message}", err=True)
            errors.extend(fix_errors)
        run = _Run(resolver, progress)
        _write(run.reported(results), output_format, statistics, sink, output)
    except JdlintError as exc:
        if sink.progress is not None:
            sink.progress.close()
        _echo(f"jdlint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    progress.close()
    sink.close()

    if errors or run.unreadable:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if run.failing and not exit_zero else EXIT_CLEAN)


class _Output:
    """Standard output, or the ``--output`` file opened at the first write; a write that
    fails stops the run with one message."""

    def __init__(self, output: str | None, colour: bool) -> None:
        self.output, self.colour = output, colour
        self._file: IO[bytes] | None = None
        self.progress: Progress | None = None  # erased before text goes to the same terminal
        self._terminal = output is None and sys.stdout.isatty()

    def write(self, text: str) -> None:
        if self.output is None:
            if text:
                if self.progress is not None and self._terminal:
                    self.progress.clear()
                _echo(text, nl=False, colour=self.colour)
            return
        try:
            if self._file is None:
                self._file = open(self.output, "wb")  # noqa: SIM115  # closed by close()
            self._file.write(text.encode("utf-8", "backslashreplace"))
            self._file.flush()
        except OSError as exc:
            reason = exc.strerror or exc
            _echo(f"jdlint: error: {self.output}: cannot write the output: {reason}", True)
            sys.exit(EXIT_ERROR)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


class _Run:
    """What the exit code depends on, gathered while results go by; each result's error
    message printed as it comes."""

    def __init__(self, resolver: Callable[[str], Config], progress: Progress) -> None:
        self.resolver = resolver
        self.progress = progress
        self.unreadable = False
        self.failing = False

    def reported(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """The results to output (not the skipped ones), their messages printed."""
        for result in results:
            if result.skipped:
                self.progress.clear()
                _echo(f"jdlint: {result.error}", err=True)
                continue
            if result.error:
                self.progress.clear()
                _echo(f"jdlint: error: {result.error}", err=True)
                self.unreadable = True
            if not self.failing and result.findings:
                config = self.resolver(result.row.table if result.row else result.path)
                self.failing = any(config.fails(f.severity) for f in result.findings)
            yield result


def _advancing(results: Iterable[FileResult], progress: Progress) -> Iterator[FileResult]:
    for result in results:
        progress.advance()
        yield result


def _write(
    results: Iterable[FileResult],
    output_format: str,
    statistics: bool,
    sink: _Output,
    folder: str | None,
) -> None:
    """The results in the output format: streaming formats (and JSON) one posting at a time,
    the others as one document at the end."""
    from .formatters import FORMATTERS, STREAMING, Tally

    if statistics:
        counts: Counter[tuple[str, str]] = Counter()
        fixable: Counter[tuple[str, str]] = Counter()
        for result in results:
            counts.update((f.code, f.name) for f in result.findings)
            fixable.update((f.code, f.name) for f in result.findings if f.fix)
        sink.write(_statistics(counts, fixable, output_format))
    elif output_format == "parquet":
        from .formatters.parquet_format import ParquetTables

        assert folder is not None
        tables = ParquetTables(folder)
        try:
            for result in results:
                tables.add(result)
        finally:
            tables.close()
    elif output_format == "json":
        from .formatters.json_format import json_parts

        for part in json_parts(results):
            sink.write(part)
    elif output_format in STREAMING:
        streaming = STREAMING[output_format]
        tally = Tally()
        for result in results:
            tally.add(result)
            sink.write(streaming.result(result, sink.colour))
        sink.write(streaming.end(tally))
    else:
        sink.write(FORMATTERS[output_format](list(results), sink.colour))


def _inputs(
    files: list[str],
    input_format: str | None,
    columns: Columns,
    encoding: str | None,
    max_bytes: int,
) -> Iterator[Input]:
    """The inputs, one at a time: a file's name, a table's rows, standard input read."""
    for name in files:
        table = table_format("" if name == "-" else name, input_format)
        if table is not None:
            stdin = name == "-"
            yield from read_table(
                "<stdin>" if stdin else name,
                table,
                columns,
                encoding=encoding,
                max_bytes=max_bytes,
                stream=sys.stdin.buffer if stdin else None,
            )
        elif name == "-":
            yield _read_stdin(encoding, max_bytes, input_format)
        else:
            yield name


def _lint_lazily(inputs: Iterable[Input], lint: Lint) -> Iterator[FileResult]:
    """Results in input order; the pipeline is loaded at the first input that is not a
    result already (a cached one, an unreadable input), so a run served from the cache
    never loads spaCy."""
    items = iter(inputs)
    for item in items:
        if isinstance(item, FileResult):
            yield item
            continue
        yield from lint(itertools.chain([item], items))
        return


REPORT_FILE = "report.html"


def _report_command() -> click.Command:
    """``jdlint report PATHS``: ``check --format html -o report.html``, with every other option
    of ``check`` (those it gains too) but --format and --statistics."""
    params: list[click.Parameter] = []
    for param in check.params:
        if param.name in ("output_format", "statistics"):
            continue
        if param.name == "output":
            param = copy.copy(param)
            param.default = REPORT_FILE
            param.show_default = True
            param.help = "Write the report to this file."  # type: ignore[attr-defined]
        params.append(param)

    def report(**options: Any) -> None:
        output = Path(options["output"])
        before = _modified(output)
        try:
            click.get_current_context().invoke(
                check, output_format="html", statistics=False, **options
            )
        except SystemExit:
            if _modified(output) not in (None, before):
                _echo(f"jdlint: wrote the report to {output}", err=True)
            raise

    return click.Command(
        "report",
        callback=report,
        params=params,
        help="Write an HTML report of PATHS (short for: check --format html -o report.html).",
    )


def _modified(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


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
    inputs: Iterable[Input],
    lint: Lint,
    resolver: Callable[[str], Config],
    lexicons: tuple[str, ...],
    cache_dir: str,
    input_format: str | None,
    encoding: str | None,
    max_bytes: int,
) -> Iterator[FileResult]:
    """Results in input order: from the cache where the posting file and all it depends on
    are unchanged, the rest linted (spaCy is loaded only if some are) and stored. Table
    rows are not cached (the cache is keyed on files): they are always linted."""
    from .result_cache import ResultCache

    cache = ResultCache(
        cache_dir, encoding=encoding, max_bytes=max_bytes, input_format=input_format
    )
    keys: deque[str | None] = deque()  # one per input gone into the stream, in order

    def feed() -> Iterator[Input]:
        for item in inputs:
            key = None
            if isinstance(item, str):
                key, hit = cache.lookup(item, resolver(item), lexicons)
                if hit is not None:
                    keys.append(None)
                    yield hit
                    continue
            keys.append(key)
            yield item

    for result in _lint_lazily(feed(), lint):
        key = keys.popleft()
        if key is not None and not result.error and not result.skipped:
            cache.put(key, result)
        yield result


main.add_command(_report_command())


@main.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "markdown")),
    default="text",
    show_default=True,
    help="text: one line per rule; markdown: the rules document (docs/rules.md).",
)
def list_rules(output_format: str) -> None:
    """List every rule: code, name, default severity and summary."""
    from .rules import ALL_RULES

    if output_format == "markdown":
        from .rules.documentation import catalogue_markdown

        click.echo(catalogue_markdown(ALL_RULES), nl=False)
        return
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
