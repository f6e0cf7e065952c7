"""Speed and memory of jdlint on real postings, against spaCy's tokenizer and proselint.

    python benchmarks/speed.py [--postings 2000] [--runs 7] [--no-proselint]

Builds its corpus from the 198 SkillSpan postings in ../shared/data, repeated to --postings,
and reports in one run: postings/s and words/s for the CLI (JSON to /dev/null) and the Python
API; the same texts through spaCy's bare blank("en") tokenizer (the floor for any spaCy
pipeline) and the ratio; cold start of `jdlint one.txt` against `import spacy;
spacy.blank("en")` (median of --runs); peak RSS of the CLI run; scaling at 1x, 2x and 4x the
corpus; --jobs 2 against --jobs 1; and proselint over the same files. Targets are checked and
printed beside each figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "skillspan_train_dev.jsonl"
RSS_WRAPPER = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def installed_script(name: str) -> str | None:
    """The console script installed beside this Python, not a version manager's shim (a pyenv
    shim adds its own start-up to every run)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def corpus(count: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in DATA.open(encoding="utf-8")]
    return [texts[i % len(texts)] for i in range(count)]


def timed(function) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def run_cli(args: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one command."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", RSS_WRAPPER, *args], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, int(out.stdout.strip())


def tokenizer_time(texts: list[str]) -> float:
    import spacy

    nlp = spacy.blank("en")
    nlp.tokenizer("warm up")
    return timed(lambda: [None for _ in nlp.tokenizer.pipe(texts)])


def api_time(texts: list[str]) -> float:
    from jdlint.linter import Linter
    from jdlint.source import Source

    linter = Linter()
    linter.lint_text("Data Engineer\n\n- Build ETL pipelines\n")
    sources = [Source(f"p{i}.txt", t) for i, t in enumerate(texts)]
    return timed(lambda: list(linter.lint_sources(sources)))


def check(label: str, ok: bool) -> str:
    return f"{label}: {'met' if ok else 'MISSED'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-proselint", action="store_true")
    args = parser.parse_args()
    jdlint = installed_script("jdlint")
    if jdlint is None:
        sys.exit("jdlint is not installed: pip install -e .")
    texts = corpus(args.postings)
    words = sum(len(t.split()) for t in texts)
    print(f"machine: {os.cpu_count()} cores; corpus: {len(texts)} postings, {words:,} words")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "postings"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"p{i:05d}.txt").write_text(text, encoding="utf-8")
        files = sorted(str(p) for p in folder.iterdir())

        floor = tokenizer_time(texts)
        api = api_time(texts)
        cli, rss = run_cli(
            [jdlint, "--isolated", "--no-cache", "--format", "json", "--exit-zero", str(folder)]
        )
        cli2, _ = run_cli(
            [
                jdlint,
                "--isolated",
                "--no-cache",
                "--format",
                "json",
                "--exit-zero",
                "--jobs",
                "2",
                str(folder),
            ]
        )
        print(
            f"tokenizer only      {floor:7.2f} s  {len(texts) / floor:8.1f} postings/s  "
            f"{words / floor:10,.0f} words/s"
        )
        print(
            f"jdlint API          {api:7.2f} s  {len(texts) / api:8.1f} postings/s  "
            f"{words / api:10,.0f} words/s"
        )
        print(
            f"jdlint CLI          {cli:7.2f} s  {len(texts) / cli:8.1f} postings/s  "
            f"{words / cli:10,.0f} words/s"
        )
        ratio = api / floor
        print(
            f"API / tokenizer     {ratio:7.2f}x   "
            f"{check('target <= 1.5x', ratio <= 1.5)}; {check('limit <= 2x', ratio <= 2)}"
        )
        megabytes = rss / 1024
        verdict = check("target <= 400 MB", megabytes <= 400)
        print(f"peak RSS (CLI)      {megabytes:7.1f} MB  {verdict}")
        speedup = cli / cli2
        print(
            f"--jobs 2            {cli2:7.2f} s  {speedup:.2f}x faster than --jobs 1  "
            f"{check('target >= 1.6x', speedup >= 1.6)}"
        )

        one = files[0]
        jd_cold = statistics.median(
            run_cli([jdlint, "--isolated", "--no-cache", one])[0] for _ in range(args.runs)
        )
        spacy_cold = statistics.median(
            run_cli([sys.executable, "-c", "import spacy; spacy.blank('en')"])[0]
            for _ in range(args.runs)
        )
        cold = jd_cold / spacy_cold
        print(
            f"cold start          {jd_cold:7.2f} s  vs import spacy + blank {spacy_cold:.2f} s: "
            f"{cold:.2f}x  {check('target <= 1.3x', cold <= 1.3)}"
        )

        scale = {n: api_time(texts * n) for n in (1, 2, 4)}
        growth = scale[4] / scale[1]
        times = ", ".join(f"{n}x: {t:.2f} s" for n, t in scale.items())
        verdict = check("target <= 4.4", growth <= 4.4)
        print(f"scaling (API)       {times}  4x/1x = {growth:.2f}  {verdict}")

        proselint = installed_script("proselint")
        if proselint and not args.no_proselint:
            start = time.perf_counter()
            subprocess.run([proselint, "check", *files], capture_output=True)
            peer = time.perf_counter() - start
            print(
                f"proselint           {peer:7.2f} s  {len(texts) / peer:8.1f} postings/s  "
                f"jdlint CLI is {peer / cli:.2f}x its speed  {check('faster', cli < peer)}"
            )
        else:
            print("proselint           not run (pip install proselint)")


if __name__ == "__main__":
    main()
