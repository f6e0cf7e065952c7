"""Speed of jdlint as users run it: whole processes over real postings, in one command.

    python benchmarks/speed.py [--postings 2000] [--runs 5] [--install-size] [--pre-commit]

The corpus is the first --postings postings of ../shared/data/ats_2025/postings.jsonl (title
and text), written as files to a temporary folder. Every figure is a whole process, timed from
outside (wall clock, and CPU and peak RSS from the kernel's accounting of the finished child);
where two commands are compared they run in turn, A B A B ..., and the ratio is the median of
the pairwise ratios, so that a drift in the machine's speed cancels out. Reported:

- jdlint over the corpus (JSON to /dev/null) against a process that only reads the same files
  and runs spaCy's blank English tokenizer over them: the floor for any spaCy pipeline;
- ``--jobs 2`` against ``--jobs 1`` on the corpus;
- cold start: ``jdlint one.txt`` against ``import spacy; spacy.blank("en")``;
- ``jdlint rules`` and ``jdlint --help``;
- the result cache: a second run over 200 unchanged postings against the first;
- with --install-size, the size of a fresh virtual environment after ``pip install .``;
- with --pre-commit, the real pre-commit running the hook over 200 postings and a repository's
  own files (its environment is built in a warm-up run that is not counted).

Targets (issue 15) are printed beside each figure.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ats_2025" / "postings.jsonl"
TOKENIZE = (
    "import pathlib, sys, spacy\n"
    "nlp = spacy.blank('en')\n"
    "texts = (p.read_text(encoding='utf-8') for p in sorted(pathlib.Path(sys.argv[1]).iterdir()))\n"
    "for doc in nlp.pipe(texts, batch_size=64):\n"
    "    pass\n"
)


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float
    code: int


def run(command: list[str], cwd: Path | None = None) -> Run:
    """One whole process, its output discarded."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode)


def median_of(command: list[str], runs: int, cwd: Path | None = None) -> Run:
    run(command, cwd)  # warm-up: files in the page cache, .pyc written
    done = [run(command, cwd) for _ in range(runs)]
    return Run(
        statistics.median(r.wall for r in done),
        statistics.median(r.cpu for r in done),
        max(r.rss_mb for r in done),
        done[-1].code,
    )


def paired(a: list[str], b: list[str], runs: int) -> tuple[Run, Run, float]:
    """A and B in turn after a warm-up of each: their medians and the median ratio A/B."""
    run(a)
    run(b)
    pairs = [(run(a), run(b)) for _ in range(runs)]
    first = [x for x, _ in pairs]
    second = [y for _, y in pairs]

    def med(done: list[Run]) -> Run:
        return Run(
            statistics.median(r.wall for r in done),
            statistics.median(r.cpu for r in done),
            max(r.rss_mb for r in done),
            done[-1].code,
        )

    return med(first), med(second), statistics.median(x.wall / y.wall for x, y in pairs)


def posting_texts(count: int) -> Iterator[str]:
    """The first ``count`` real postings as jdlint reads them: the title, a blank line, the
    text."""
    with DATA.open(encoding="utf-8") as rows:
        for line in itertools.islice(rows, count):
            row = json.loads(line)
            yield f"{row['title']}\n\n{row['text']}"


def write_corpus(folder: Path, count: int) -> int:
    """The first ``count`` postings as files; their number of words."""
    folder.mkdir(parents=True)
    words = 0
    for i, text in enumerate(posting_texts(count)):
        words += len(text.split())
        (folder / f"p{i:05d}.txt").write_text(text, encoding="utf-8")
    return words


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def jdlint_script() -> str:
    """The console script beside this Python, not a version manager's shim (a pyenv shim adds
    its own start-up to every run)."""
    beside = Path(sys.executable).parent / "jdlint"
    found = str(beside) if beside.exists() else shutil.which("jdlint")
    if found is None:
        sys.exit("jdlint is not installed: pip install -e .")
    return found


def install_size(tmp: Path) -> str:
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(ROOT)], check=True, capture_output=True)
    (site,) = (venv / "lib").glob("python3*/site-packages")
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
    lookups = (site / "spacy_lookups_data").exists()
    return (
        f"install size        {size:7.0f} MB in a fresh venv after pip install . "
        f"(target <= 150 MB: {verdict(size <= 150)}); spacy-lookups-data "
        f"{'installed' if lookups else 'not installed'}"
    )


def pre_commit(tmp: Path, postings: Path, runs: int) -> str:
    tool = Path(sys.executable).parent / "pre-commit"
    if not tool.exists() or shutil.which("git") is None:
        return "pre-commit          not run (pip install -e '.[test]', and git)"
    repo = tmp / "hr-repo"
    repo.mkdir()
    for path in sorted(postings.iterdir())[:200]:
        shutil.copy(path, repo / path.name)
    (repo / "README.md").write_text("# Careers\n\nOur open roles.\n")
    (repo / "LICENSE").write_text("MIT License\n\nCopyright (c) 2025 Acme\n")
    (repo / "requirements.txt").write_text("spacy>=3.8\n")
    (repo / "empty.md").write_text("")
    for args in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    env_home = tmp / "pre-commit-home"
    os.environ["PRE_COMMIT_HOME"] = str(env_home)  # its own, built by the warm-up
    os.environ["JDLINT_NO_CACHE"] = "1"
    command = [str(tool), "try-repo", str(ROOT), "jdlint", "--all-files"]
    result = median_of(command, runs, cwd=repo)
    return f"pre-commit          {result.wall:7.2f} s  the hook over 200 postings and 4 own files"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--install-size", action="store_true")
    parser.add_argument("--pre-commit", action="store_true")
    args = parser.parse_args()
    jdlint = jdlint_script()
    python = sys.executable

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "postings"
        words = write_corpus(folder, args.postings)
        count = len(list(folder.iterdir()))
        print(f"machine: {os.cpu_count()} cores; corpus: {count} real postings, {words:,} words")
        lint = [jdlint, "--isolated", "--no-cache", "--exit-zero", "--format", "json"]
        lint += ["--output", os.devnull]

        whole, floor, ratio = paired(
            [*lint, str(folder)], [python, "-c", TOKENIZE, str(folder)], args.runs
        )
        print(
            f"jdlint              {whole.wall:7.2f} s  {count / whole.wall:7.1f} postings/s  "
            f"{words / whole.wall:9,.0f} words/s  peak RSS {whole.rss_mb:.0f} MB"
        )
        print(f"tokenizer only      {floor.wall:7.2f} s  {count / floor.wall:7.1f} postings/s")
        print(
            f"jdlint / tokenizer  {ratio:7.2f}x  (target <= 2.0x: {verdict(ratio <= 2.0)}; "
            f"aim 1.5x: {verdict(ratio <= 1.5)})"
        )

        two, one, ratio = paired(
            [*lint, "--jobs", "2", str(folder)], [*lint, "--jobs", "1", str(folder)], args.runs
        )
        speedup = 1 / ratio
        print(
            f"--jobs 2            {two.wall:7.2f} s  against --jobs 1 {one.wall:.2f} s: "
            f"{speedup:.2f}x faster (target >= 1.6x: {verdict(speedup >= 1.6)})"
        )

        first = str(sorted(folder.iterdir())[0])
        cold, bare, ratio = paired(
            [jdlint, "--isolated", "--no-cache", first],
            [python, "-c", "import spacy; spacy.blank('en')"],
            args.runs,
        )
        print(
            f"cold start          {cold.wall:7.2f} s  against import spacy + blank "
            f"{bare.wall:.2f} s: {ratio:.2f}x (target <= 1.2x: {verdict(ratio <= 1.2)})"
        )
        for command in (["rules"], ["--help"]):
            took = median_of([jdlint, *command], args.runs).wall
            label = f"jdlint {command[0]}"
            print(f"{label:<19} {took:7.2f} s  (target <= 0.3 s: {verdict(took <= 0.3)})")

        few = tmp / "few"
        few.mkdir()
        for path in sorted(folder.iterdir())[:200]:
            shutil.copy(path, few / path.name)
        cache = tmp / "cache"
        cached = [jdlint, "--isolated", "--exit-zero", "--cache-dir", str(cache)]
        cached += ["--format", "json", "--output", os.devnull, str(few)]
        pairs = []
        for _ in range(args.runs):
            shutil.rmtree(cache, ignore_errors=True)
            pairs.append((run(cached), run(cached)))
        fresh = statistics.median(a.wall for a, _ in pairs)
        again = statistics.median(b.wall for _, b in pairs)
        share = statistics.median(b.wall / a.wall for a, b in pairs)
        print(
            f"result cache        {again:7.2f} s  for a second run over 200 unchanged postings, "
            f"{share:.0%} of the first ({fresh:.2f} s) (target <= 10%: {verdict(share <= 0.10)})"
        )

        if args.install_size:
            print(install_size(tmp))
        if args.pre_commit:
            print(pre_commit(tmp, folder, args.runs))


if __name__ == "__main__":
    main()
