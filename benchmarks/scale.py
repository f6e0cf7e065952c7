"""jdlint at job-board scale: the 9,689 postings of ../shared/data/ats_2025 as one table.

    python benchmarks/scale.py [--rows N] [--no-spark] [--no-files]

Runs, each as a fresh process, with the table read where it is (never copied into the
repository; temporary copies of parts of it go to a temporary folder):

- the CLI on the first 1,000 rows and on all rows, ``--format jsonl`` into a file,
  ``--jobs 1`` and ``--jobs 2``: wall time, postings/s, peak RSS of the largest process
  (``ru_maxrss``) and of the whole process tree (sampled from /proc every 0.2 s);
- ``jdlint.spark.lint_dataframe`` on ``local[1]`` and ``local[2]``: session start-up, the
  job (read, lint, collect), postings/s, peak RSS of the tree (driver, JVM, Python workers),
  and the overhead of Spark over the CLI with as many processes;
- agreement: every row written as a posting file (title, blank line, text, as
  evaluation/ats.py writes one) and linted as
  files, against the table run: rows with the same primary role and title roles; and the
  Spark results against the CLI's (primary role, confidence, findings' code/start/end/message).

Then it extrapolates what a cluster would do per hour from the local[1] rate, with the
assumptions printed beside the figure. Needs ``pip install -e '.[spark]'`` and Java for the
Spark part. A full run takes about half an hour on two busy cores.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from speed import DATA

RSS_WRAPPER = (
    "import resource, subprocess, sys;"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode;"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
SPARK_JOB = r"""
import json, os, sys, time
os.environ["PYSPARK_PYTHON"] = sys.executable
master, table, out, partitions = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
start = time.perf_counter()
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master(master).config("spark.ui.enabled", "false")
         .config("spark.driver.memory", "2g").config("spark.ui.showConsoleProgress", "false")
         .getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
ready = time.perf_counter()
from jdlint.spark import lint_dataframe
df = spark.read.json(table).repartition(partitions)
rows = lint_dataframe(df).select("id", "jdlint").collect()
done = time.perf_counter()
with open(out, "w", encoding="utf-8") as f:
    for row in rows:
        f.write(json.dumps({"id": row["id"], **row["jdlint"].asDict(recursive=True)}) + "\n")
with open(out + ".times", "w", encoding="utf-8") as f:
    json.dump({"session": ready - start, "job": done - ready, "rows": len(rows)}, f)
spark.stop()
"""


def tree_rss(root: int) -> int:
    """The resident memory (KiB) of a process and all its descendants, now."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += rss.get(pid, 0)
        pending.extend(children.get(pid, []))
    return total


def measured(args: list[str]) -> dict:
    """Run a command (stdout discarded): wall seconds, its exit code, the largest process's
    peak RSS and the process tree's sampled peak RSS (KiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", RSS_WRAPPER, *args], stdout=subprocess.PIPE, text=True
    )
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    code, maxrss = out.split()
    return {"wall": wall, "code": int(code), "maxrss_kib": int(maxrss), "tree_kib": peak[0]}


def jdlint_args(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "jdlint"
    return [str(script), "--isolated", "--no-cache", *args]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=None, help="only the first N rows")
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--no-files", action="store_true", help="skip the rows-as-files check")
    options = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"postings not found at {DATA}")
    lines = DATA.read_text(encoding="utf-8").splitlines(keepends=True)[: options.rows]
    work = Path(tempfile.mkdtemp(prefix="jdlint-scale-"))
    full = work / "postings.jsonl"
    full.write_text("".join(lines), encoding="utf-8")
    small = work / "first-1000.jsonl"
    small.write_text("".join(lines[:1000]), encoding="utf-8")
    n = len(lines)
    print(f"{n:,} postings ({full.stat().st_size / 1e6:.1f} MB of JSON Lines); work in {work}")
    print(f"machine: {os.cpu_count()} CPUs (shared); python {sys.version.split()[0]}\n")

    figures: dict[str, dict] = {}
    runs = [
        ("cli-1000-jobs1", small, min(n, 1000), "1"),
        ("cli-jobs1", full, n, "1"),
        ("cli-jobs2", full, n, "2"),
    ]
    for name, table, rows, jobs in runs:
        out = work / f"{name}.jsonl"
        result = measured(jdlint_args("--format", "jsonl", "-o", str(out), "-j", jobs, str(table)))
        result["rows"] = rows
        figures[name] = result
        print(
            f"{name:<16} {result['wall']:7.1f} s  {rows / result['wall']:6.1f} postings/s  "
            f"peak RSS {mib(result['maxrss_kib'])} (largest process), "
            f"{mib(result['tree_kib'])} (all processes)  exit {result['code']}"
        )
    small_rss, full_rss = (
        figures["cli-1000-jobs1"]["maxrss_kib"],
        figures["cli-jobs1"]["maxrss_kib"],
    )
    print(
        f"\nflat memory: {n:,} rows peak {mib(full_rss)} vs {min(n, 1000):,} rows {mib(small_rss)} "
        f"({(full_rss / small_rss - 1) * 100:+.1f}%)"
    )
    cli_rows = {r["row_id"]: r for r in read_jsonl(work / "cli-jobs1.jsonl")}
    two = read_jsonl(work / "cli-jobs2.jsonl")
    same = sum(cli_rows[r["row_id"]] == r for r in two)
    print(f"--jobs 2 output equal to --jobs 1 for {same:,} of {len(two):,} rows")

    if not options.no_files:
        folder = work / "files"
        folder.mkdir()
        names = {}
        for i, line in enumerate(lines):
            row = json.loads(line)
            path = folder / f"{i:05d}.txt"
            # as ../shared/eval/score_roles.py and evaluation/ats.py write a posting
            path.write_text(
                row["title"].strip() + "\n\n" + row["text"].strip() + "\n", encoding="utf-8"
            )
            names[str(path)] = row["id"]
        out = work / "files.jsonl"
        result = measured(jdlint_args("--format", "jsonl", "-o", str(out), "-j", "2", str(folder)))
        print(f"\nrows as {n:,} files, --jobs 2: {result['wall']:.1f} s, exit {result['code']}")
        agree = total = 0
        for item in read_jsonl(out):
            row = cli_rows[names[item["path"]]]
            total += 1
            verdict = lambda r: (  # noqa: E731
                (r.get("profile") or {}).get("primary"),
                tuple((r.get("title") or {}).get("roles") or ()),
            )
            agree += verdict(item) == verdict(row)
        print(
            f"same primary role and title roles as the row linted as a file: {agree:,} of {total:,}"
        )

    if not options.no_spark:
        print()
        for cores in (1, 2):
            out = work / f"spark-{cores}.jsonl"
            args = [sys.executable, "-c", SPARK_JOB, f"local[{cores}]", str(full), str(out)]
            result = measured([*args, str(4 * cores)])
            result.update(json.loads(Path(f"{out}.times").read_text(encoding="utf-8")))
            spark_rows = {r["id"]: r for r in read_jsonl(out)}
            result["rows"] = len(spark_rows)
            figures[f"spark-{cores}"] = result
            equal = sum(
                (s["primary_role"], s["confidence"])
                == (
                    (c.get("profile") or {}).get("primary"),
                    (c.get("profile") or {}).get("confidence"),
                )
                and [(f["code"], f["start"], f["end"], f["message"]) for f in s["findings"]]
                == [(f["code"], f["start"], f["end"], f["message"]) for f in c.get("findings", [])]
                for rid, s in spark_rows.items()
                for c in [cli_rows[rid]]
            )
            cli = figures[f"cli-jobs{cores}"]
            print(
                f"spark local[{cores}]  {result['wall']:7.1f} s in all (session "
                f"{result['session']:.1f} s, job {result['job']:.1f} s)  "
                f"{n / result['job']:6.1f} postings/s in the job  peak RSS "
                f"{mib(result['tree_kib'])} (driver, JVM, workers)  exit {result['code']}; "
                f"{result['wall'] / cli['wall']:.2f}x the CLI's --jobs {cores} time in all, "
                f"{result['job'] / cli['wall']:.2f}x for the job alone; "
                f"equal to the CLI for {equal:,} of {len(spark_rows):,} rows"
            )
        one = figures["spark-1"]
        rate = n / one["job"]
        size = sum(len(line) for line in lines) / n / 1000
        print(
            f"\nper executor core: {rate:.1f} postings/s from the local[1] job (pipeline "
            f"load included, session start-up not), {rate * 3600:,.0f} postings/hour.\n"
            f"A cluster of N executors with C cores each: about N x C x {rate * 3600:,.0f} "
            f"postings/hour, e.g. 10 x 4 cores: {40 * rate * 3600:,.0f}/hour, assuming "
            "(1) a core as fast as one of this machine's, (2) linear scaling over cores "
            f"(measured here: the local[2] job ran {one['job'] / figures['spark-2']['job']:.2f}x "
            "as fast as local[1] on 2 shared cores), (3) at least one partition a core, "
            f"(4) postings like these ({size:.1f} KB a JSON line on average), no time for reading "
            "the table from remote storage or writing the results."
        )
    (work / "figures.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"\nfigures: {work / 'figures.json'}")


if __name__ == "__main__":
    main()
