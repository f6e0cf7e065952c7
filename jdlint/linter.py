"""Linting postings: the pipeline runs once per process and postings go through ``nlp.pipe``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from .config import Config
from .errors import InputError, JdlintError, NotAPostingError, internal_error
from .extensions import TEXT_KEY
from .floods import MAX_FINDINGS
from .lexicon import load_lexicon
from .long_runs import make_doc
from .pipeline import build_nlp
from .results import Duty, FileResult, Finding, Profile, Skill, Title
from .role_profile import RoleProfile
from .rules import ALL_RULES, Posting
from .rules.suppression import (
    UNUSED_SUPPRESSION,
    Directive,
    apply_suppressions,
    parse_directives,
    unused_directives,
)
from .source import DEFAULT_MAX_BYTES, Source, read_source

# Codes and names (lower case) -> code, for suppression comments.
_RULE_KEYS = {k: r.code for r in ALL_RULES for k in (r.code.lower(), r.name)}
_RULES_BY_CODE = {r.code: r for r in ALL_RULES}

BATCH_SIZE = 64
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class Linter:
    """Loads the pipeline and lexicons once; lints any number of postings.

    ``model`` puts jdlint's components on an installed spaCy pipeline instead of
    ``spacy.blank("en")``; ``lexicons`` adds lexicon files or folders to the built-in ones;
    ``config`` selects rules, per-file ignores and severities (default: every rule);
    ``role_weights`` is a fitted role-weights file to use instead of the built-in one.
    """

    def __init__(
        self,
        model: str | None = None,
        lexicons: Sequence[str | Path] = (),
        *,
        config: Config | None = None,
        encoding: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        input_format: str | None = None,
        role_weights: str | Path | None = None,
    ) -> None:
        self.config = config or Config()
        self.input_format = input_format
        lexicons = [*lexicons, *self.config.lexicon_paths()]
        self.lexicon = load_lexicon(lexicons, weights=role_weights)
        self.nlp = build_nlp(
            model, lexicons, max_length=max(max_bytes, 1) * 2, role_weights=role_weights
        )
        self.encoding = encoding
        self.max_bytes = max_bytes

    def lint_text(self, text: str, path: str = "<text>") -> FileResult:
        """Lint one posting given as text."""
        return next(self.lint_sources([Source(path, text)]))

    def lint_file(self, path: str | Path) -> FileResult:
        """Lint one file; an unreadable file gives a result whose ``error`` says why."""
        return self.lint_files([path])[0]

    def lint_files(
        self,
        paths: Iterable[str | Path | Source | FileResult],
        config_for: Callable[[str], Config] | None = None,
    ) -> list[FileResult]:
        """Lint files in order; each unreadable one gives a result with ``error`` set.

        Items may also be already-decoded Sources, or FileResults (passed through as they are,
        e.g. an input that failed before it got here). ``config_for`` gives the configuration
        for a path when it differs per file (the CLI's discovery); default ``self.config``."""
        slots: list[FileResult | Source] = []
        for path in paths:
            if isinstance(path, (Source, FileResult)):
                slots.append(path)
                continue
            try:
                slots.append(
                    read_source(
                        path,
                        encoding=self.encoding,
                        max_bytes=self.max_bytes,
                        input_format=self.input_format,
                    )
                )
            except InputError as exc:
                skipped = isinstance(exc, NotAPostingError)
                slots.append(FileResult(path=str(path), error=str(exc), skipped=skipped))
            except Exception as exc:  # a bug met on this input: its error, not the run's
                slots.append(FileResult(path=str(path), error=internal_error(str(path), exc)))
        linted = self.lint_sources([s for s in slots if isinstance(s, Source)], config_for)
        return [s if isinstance(s, FileResult) else next(linted) for s in slots]

    def lint_sources(
        self, sources: Iterable[Source], config_for: Callable[[str], Config] | None = None
    ) -> Iterator[FileResult]:
        """Lint decoded postings, batched through ``nlp.pipe``, in order. Whatever goes wrong
        with one posting becomes that posting's error; the others are linted as ever."""
        config_of = config_for or (lambda _path: self.config)
        batch: list[Source] = []
        for source in sources:
            batch.append(source)
            if len(batch) == BATCH_SIZE:
                yield from self._lint_batch(batch, config_of)
                batch = []
        yield from self._lint_batch(batch, config_of)

    def _lint_batch(
        self, sources: list[Source], config_of: Callable[[str], Config]
    ) -> Iterator[FileResult]:
        refused = {id(s): self._refusal(s) for s in sources}
        docs = self._docs([s.text for s in sources if refused[id(s)] is None])
        for source in sources:
            error = refused[id(source)]
            if error is not None:
                yield FileResult(path=source.path, error=error, row=source.row)
                continue
            doc = next(docs)
            if isinstance(doc, Exception):
                message = internal_error(source.path, doc)
                yield FileResult(path=source.path, error=message, row=source.row)
                continue
            try:
                yield self._result(source, doc, config_of(source.file))
            except JdlintError:
                raise  # a bad configuration stops the run with its own message
            except Exception as exc:
                message = internal_error(source.path, exc)
                yield FileResult(path=source.path, error=message, row=source.row)

    def _refusal(self, source: Source) -> str | None:
        """Why a posting cannot be linted at all, or None."""
        if not source.text.strip():
            return f"{source.path}: empty, nothing to lint"
        if len(source.text) > self.nlp.max_length:
            return f"{source.path}: longer than {self.nlp.max_length:,} characters"
        surrogate = _SURROGATE.search(source.text)
        if surrogate is not None:
            return (
                f"{source.path}: contains a lone surrogate "
                f"(U+{ord(surrogate.group()):04X}), which is not text"
            )
        return None

    def _docs(self, texts: list[str]) -> Iterator[Doc | Exception]:
        """The texts through the pipeline, batched; when the batch fails, one by one, so that
        only the text that fails gets the exception."""
        try:
            docs = list(self.nlp.pipe(map(self._make_doc, texts), batch_size=BATCH_SIZE))
        except Exception:
            docs = None
        if docs is not None:
            yield from docs
            return
        for text in texts:
            try:
                doc = self.nlp(self._make_doc(text))
            except Exception as exc:
                yield exc
            else:
                yield doc

    def _make_doc(self, text: str) -> Doc:
        doc = make_doc(self.nlp, text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _result(self, source: Source, doc: Doc, config: Config) -> FileResult:
        profile: RoleProfile = doc._.jdlint_profile

        def where(start: int, end: int) -> tuple[str, int, int, int, int]:
            at = source.locate(start, end)
            return at.text, at.line, at.column, at.start, at.end

        title = None
        span = doc._.jdlint_title
        if span is not None:
            text, line, column, start, end = where(span.start_char, span.end_char)
            title = Title(text, tuple(doc._.jdlint_title_roles), line, column, start, end)
        skills = []
        for h in doc._.jdlint_skills:
            text, line, column, start, end = where(h.start, h.end)
            skills.append(
                Skill(text, h.canonical, tuple(h.roles), h.section, line, column, start, end)
            )
        duties = []
        for h in doc._.jdlint_duties:
            text, line, column, start, end = where(h.start, h.end)
            duties.append(
                Duty(text, h.verb, h.object, tuple(h.roles), h.section, line, column, start, end)
            )
        posting = Posting(source, title, profile, self.lexicon, doc)
        findings = tuple(sorted(self._findings(posting, config), key=lambda f: (f.start, f.code)))
        return FileResult(
            path=source.path,
            title=title,
            profile=Profile(
                profile.primary,
                profile.confidence,
                {role: round(share, 4) for role, share in profile.shares.items()},
            ),
            skills=tuple(skills),
            duties=tuple(duties),
            findings=findings,
            text=source.original,
            row=source.row,
        )

    def _findings(self, posting: Posting, config: Config) -> list[Finding]:
        """Findings of the rules selected for the file, less suppressed ones, plus unused
        suppressions, at the configured severities."""
        rules = config.rules_for(posting.source.file)
        # at most MAX_FINDINGS of each rule are built: a rule's check yields them lazily
        findings: list[Finding] = []
        capped: set[str] = set()  # codes of the rules that reached the cap
        for rule in rules:
            if rule.check:
                found = list(islice(rule.check(posting), MAX_FINDINGS))
                if len(found) == MAX_FINDINGS:
                    capped.add(rule.code)
                findings.extend(found)
        if "jdlint" in posting.source.original:
            directives = parse_directives(posting.source, _RULE_KEYS)
            findings = apply_suppressions(findings, directives)
            if UNUSED_SUPPRESSION in rules:
                unused = _unused_findings(posting, directives, capped)
                findings.extend(islice(unused, MAX_FINDINGS))
        severity = {
            code: config.severity_of(_RULES_BY_CODE[code]) for code in {f.code for f in findings}
        }
        return [
            f if f.severity == severity[f.code] else replace(f, severity=severity[f.code])
            for f in findings
        ]


def _unused_findings(
    posting: Posting, directives: list[Directive], capped: set[str]
) -> Iterator[Finding]:
    """JD001 findings for the directives that suppress nothing. A directive for a rule that
    reached MAX_FINDINGS may be meant for a finding past the cap, never built: not reported."""
    for directive in unused_directives(directives):
        if capped and (not directive.selectors or capped.intersection(directive.codes)):
            continue
        if directive.unknown:
            what = f"names unknown rules: {', '.join(directive.unknown)}"
        else:
            names = ", ".join(directive.selectors) or "all rules"
            what = f"suppresses nothing ({names})"
        yield posting.finding(
            UNUSED_SUPPRESSION,
            posting.source.locate_original(directive.start, directive.end),
            f"jdlint {directive.action} comment {what}",
            "remove the comment, or name the rule it is meant for",
        )


@lru_cache(maxsize=4)
def _default_linter(model: str | None, lexicons: tuple[str, ...]) -> Linter:
    return Linter(model, lexicons)


def lint_text(
    text: str, *, model: str | None = None, lexicons: Sequence[str | Path] = ()
) -> FileResult:
    """Lint one posting's text with a linter cached per (model, lexicons)."""
    return _default_linter(model, tuple(str(p) for p in lexicons)).lint_text(text)


def lint_file(
    path: str | Path, *, model: str | None = None, lexicons: Sequence[str | Path] = ()
) -> FileResult:
    """Lint one posting file."""
    return _default_linter(model, tuple(str(p) for p in lexicons)).lint_file(path)


def lint_files(
    paths: Iterable[str | Path], *, model: str | None = None, lexicons: Sequence[str | Path] = ()
) -> list[FileResult]:
    """Lint posting files in order, batched through one pipeline."""
    return _default_linter(model, tuple(str(p) for p in lexicons)).lint_files(paths)
