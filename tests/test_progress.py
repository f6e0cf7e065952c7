"""The progress line: on a terminal only, after a moment, erased before other output."""

from __future__ import annotations

import io

from click.testing import CliRunner

from jdlint.cli import main
from jdlint.progress import DELAY, Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_long_run_on_a_terminal_shows_done_of_total_the_rate_and_time_left(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream, clock = Terminal(), Clock()
    progress = Progress(100, stream, clock)
    progress.advance()  # the first posting, before the delay: nothing shown
    assert stream.getvalue() == ""
    clock.now += DELAY
    for _ in range(10):
        clock.now += 0.2
        progress.advance()
    line = stream.getvalue().split("\r\x1b[K")[-1]
    assert line.startswith("jdlint: 11/100 postings [")
    assert " 11%  3/s  0:26 left" in line  # 10 postings in 3 s after the first
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[K")  # erased before other output
    progress.close()


def test_rows_of_a_table_show_a_count(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream, clock = Terminal(), Clock()
    progress = Progress(None, stream, clock)
    progress.advance()
    clock.now += DELAY + 1.0
    progress.advance()
    clock.now += 1.0
    progress.advance()
    assert stream.getvalue().endswith("\r\x1b[Kjdlint: 3 postings linted, 1/s")


def test_never_in_a_pipe_a_file_or_a_ci_log(monkeypatch):
    clock = Clock()
    piped = io.StringIO()
    progress = Progress(10, piped, clock)
    clock.now += 5
    progress.advance()
    assert piped.getvalue() == "" and not progress.enabled
    monkeypatch.setenv("CI", "true")
    assert not Progress(10, Terminal(), clock).enabled
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    assert not Progress(10, Terminal(), clock).enabled


def test_the_cli_in_a_pipe_writes_no_progress(tmp_path):
    for n in range(3):
        (tmp_path / f"job{n}.txt").write_text("Data Engineer\n\n- Build ETL pipelines\n")
    result = CliRunner().invoke(main, ["--isolated", "--format", "concise", str(tmp_path)])
    assert "\r" not in result.stderr and "postings [" not in result.stderr
