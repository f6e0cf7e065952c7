"""Linting many inputs in one process or spread over several, with identical output.

Inputs are cut into contiguous chunks; each worker builds its pipeline once and lints its
chunks through ``nlp.pipe``; results come back in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

from .config import Config
from .linter import Linter
from .results import FileResult
from .source import Source

Input = str | Path | Source | FileResult
CHUNKS_PER_JOB = 4


@lru_cache(maxsize=8)
def _linter(
    model: str | None,
    lexicons: tuple[str, ...],
    encoding: str | None,
    max_bytes: int,
    input_format: str | None,
) -> Linter:
    return Linter(
        model, lexicons, encoding=encoding, max_bytes=max_bytes, input_format=input_format
    )


def _lint_chunk(
    chunk: Sequence[Input],
    config_for: Callable[[str], Config],
    model: str | None,
    lexicons: tuple[str, ...],
    encoding: str | None,
    max_bytes: int,
    input_format: str | None,
) -> list[FileResult]:
    """Lint one chunk; files whose configuration adds lexicons get a linter with those too."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for n, item in enumerate(chunk):
        path = item.path if isinstance(item, (Source, FileResult)) else str(item)
        groups.setdefault(config_for(path).lexicon_paths(), []).append(n)
    results: list[FileResult | None] = [None] * len(chunk)
    for extra, members in groups.items():
        linter = _linter(model, lexicons + extra, encoding, max_bytes, input_format)
        linted = linter.lint_files([chunk[n] for n in members], config_for)
        for n, result in zip(members, linted, strict=True):
            results[n] = result
    return [r for r in results if r is not None]


def lint_inputs(
    inputs: Sequence[Input],
    config_for: Callable[[str], Config],
    *,
    jobs: int = 1,
    model: str | None = None,
    lexicons: Sequence[str] = (),
    encoding: str | None = None,
    max_bytes: int,
    input_format: str | None = None,
) -> list[FileResult]:
    """Lint inputs in order, in ``jobs`` processes."""
    args = (config_for, model, tuple(lexicons), encoding, max_bytes, input_format)
    if jobs <= 1 or len(inputs) < 2:
        return _lint_chunk(inputs, *args)
    size = max(1, -(-len(inputs) // (jobs * CHUNKS_PER_JOB)))
    chunks = [inputs[i : i + size] for i in range(0, len(inputs), size)]
    # Build the pipeline before the workers start: where processes fork (Linux), each worker
    # inherits it instead of paying the start-up again.
    _linter(model, tuple(lexicons), encoding, max_bytes, input_format)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_lint_chunk, chunk, *args) for chunk in chunks]
        return [result for future in futures for result in future.result()]
