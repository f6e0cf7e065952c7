"""Linting many inputs in one process or spread over several, with identical output.

Inputs are taken from an iterable as they are needed (files and table rows alike) and cut
into contiguous chunks; each worker builds its pipeline once and lints its chunks through
``nlp.pipe``; results come back in input order, as they finish. Only a bounded window of
chunks is ever in flight, so memory stays flat however many inputs there are.
"""

from __future__ import annotations

import gc
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

from .config import Config
from .linter import BATCH_SIZE, Linter
from .results import FileResult
from .source import Source

Input = str | Path | Source | FileResult
CHUNKS_PER_JOB = 4
# A run of up to this many inputs is cut into CHUNKS_PER_JOB chunks a job (small runs spread
# evenly); a longer one into chunks of one nlp.pipe batch, at most IN_FLIGHT_PER_JOB of them
# a job submitted at a time.
CHUNK_SIZE = BATCH_SIZE
IN_FLIGHT_PER_JOB = 2


# The garbage collector's first threshold once the CLI's linter is built, for the rest of the
# process (Python's default is 700). With it, and the pipeline frozen (below), the collector
# took 0.16 s of CPU over 2,000 postings instead of 1.8 s: the pipeline's millions of objects
# were scanned again at every full collection, and a young collection ran every 700
# allocations.
GC_THRESHOLD = 50_000


@lru_cache(maxsize=8)
def _linter(
    model: str | None,
    lexicons: tuple[str, ...],
    encoding: str | None,
    max_bytes: int,
    input_format: str | None,
) -> Linter:
    linter = Linter(
        model, lexicons, encoding=encoding, max_bytes=max_bytes, input_format=input_format
    )
    # What the pipeline built lives as long as the process: the collector need not look at it
    # again (nor touch it in a forked worker, whose pages then stay shared).
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD)
    return linter


def _file_of(item: Input) -> str:
    """The file an input's configuration is found for (the table, for a row)."""
    if isinstance(item, Source):
        return item.file
    if isinstance(item, FileResult):
        return item.row.table if item.row is not None else item.path
    return str(item)


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
    if all(isinstance(item, FileResult) for item in chunk):
        return list(chunk)  # type: ignore[arg-type]  # nothing to lint: no pipeline needed
    groups: dict[tuple[str, ...], list[int]] = {}
    for n, item in enumerate(chunk):
        groups.setdefault(config_for(_file_of(item)).lexicon_paths(), []).append(n)
    results: list[FileResult | None] = [None] * len(chunk)
    for extra, members in groups.items():
        linter = _linter(model, lexicons + extra, encoding, max_bytes, input_format)
        linted = linter.lint_files([chunk[n] for n in members], config_for)
        for n, result in zip(members, linted, strict=True):
            results[n] = result
    return [r for r in results if r is not None]


def _chunks(items: Iterator[Input], size: int) -> Iterator[list[Input]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def iter_inputs(
    inputs: Iterable[Input],
    config_for: Callable[[str], Config],
    *,
    jobs: int = 1,
    model: str | None = None,
    lexicons: Sequence[str] = (),
    encoding: str | None = None,
    max_bytes: int,
    input_format: str | None = None,
) -> Iterator[FileResult]:
    """Lint inputs in order, in ``jobs`` processes, yielding each result as soon as it and
    all before it are done. ``inputs`` is read lazily, a few chunks ahead of the results."""
    args = (config_for, model, tuple(lexicons), encoding, max_bytes, input_format)
    items = iter(inputs)
    if jobs <= 1:
        for chunk in _chunks(items, CHUNK_SIZE):
            yield from _lint_chunk(chunk, *args)
        return
    # Up to this many inputs are spread evenly, as when the whole run was known in advance.
    head = list(itertools.islice(items, jobs * CHUNKS_PER_JOB * CHUNK_SIZE))
    size = CHUNK_SIZE
    if len(head) < jobs * CHUNKS_PER_JOB * CHUNK_SIZE:
        if len(head) < 2:
            yield from _lint_chunk(head, *args)
            return
        size = max(1, -(-len(head) // (jobs * CHUNKS_PER_JOB)))
    # Build the pipeline before the workers start: where processes fork (Linux), each worker
    # inherits it instead of paying the start-up again.
    _linter(model, tuple(lexicons), encoding, max_bytes, input_format)
    window: deque[Future[list[FileResult]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk in _chunks(itertools.chain(head, items), size):
            if all(isinstance(item, FileResult) for item in chunk):
                done: Future[list[FileResult]] = Future()  # nothing to lint (cached results)
                done.set_result(chunk)  # type: ignore[arg-type]
                window.append(done)
            else:
                window.append(pool.submit(_lint_chunk, chunk, *args))
            if len(window) >= jobs * IN_FLIGHT_PER_JOB:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
