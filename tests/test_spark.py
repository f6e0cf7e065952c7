"""jdlint.spark on a real local Spark (local[2]): the result column equals the CLI's jsonl
output for the same rows, row by row (primary role, confidence, title roles, findings with
code, start, end and message). Rows: the fixtures as rows plus every 40th posting of
../shared/data/ats_2025 (read there, never copied), a few hundred in all.

Without pyspark, pyarrow, pandas or a Java runtime the module skips, naming what is missing;
with JDLINT_REQUIRE_SPARK=1 (set by .ci/run) it fails instead, so CI never passes without it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ATS = ROOT.parent / "shared" / "data" / "ats_2025" / "postings.jsonl"
EVERY = 40  # 9,689 postings: 243 of them


def _missing() -> str | None:
    absent = [m for m in ("pyspark", "pyarrow", "pandas") if importlib.util.find_spec(m) is None]
    if absent:
        return f"{', '.join(absent)} not installed (pip install -e '.[test]')"
    java = Path(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else None
    if not (java and java.exists()) and shutil.which("java") is None:
        return "no Java runtime: java is not on PATH and JAVA_HOME is not set (Debian: apt-get install openjdk-17-jre-headless)"  # noqa: E501
    return None


MISSING = _missing()
if MISSING and os.environ.get("JDLINT_REQUIRE_SPARK") == "1":
    pytest.fail(f"the Spark test must run here (JDLINT_REQUIRE_SPARK=1): {MISSING}", False)
pytestmark = pytest.mark.skipif(MISSING is not None, reason=f"Spark test skipped: {MISSING}")


def _rows() -> list[dict]:
    rows = []
    for path in sorted((ROOT / "fixtures").glob("*.txt")):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        rows.append({"id": f"fixture:{path.stem}", "title": title, "text": text.lstrip("\n")})
    rows.append({"id": "empty", "title": "Data Engineer", "text": "  "})  # a row in error
    if ATS.exists():
        with ATS.open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n % EVERY == 0:
                    row = json.loads(line)
                    rows.append({k: row[k] for k in ("id", "title", "text", "date")})
    return rows


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("spark") / "postings.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _rows()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this interpreter's jdlint
    session = (
        SparkSession.builder.master("local[2]")
        .appName("jdlint-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _cli(table: Path) -> dict[str, dict]:
    out = subprocess.run(
        [sys.executable, "-c", "from jdlint.cli import main; main()", "--isolated"]
        + ["--no-cache", "--format", "jsonl", str(table)],
        capture_output=True,
        text=True,
    )
    assert out.returncode in (1, 2), out.stderr
    return {line["row_id"]: line for line in map(json.loads, out.stdout.splitlines())}


def _findings(findings) -> list[tuple]:
    return [(f["code"], f["start"], f["end"], f["message"]) for f in findings]


def test_spark_results_equal_the_cli_results(spark, table):
    from jdlint.spark import lint_dataframe

    cli = _cli(table)
    df = spark.read.json(str(table)).repartition(2)
    rows = lint_dataframe(df, text="text", title="title", id="id").select("id", "jdlint").collect()
    assert len(rows) == len(cli) >= 250
    for row in rows:
        ours, theirs = row["jdlint"], cli[row["id"]]
        if "error" in theirs:
            assert ours["error"] and ours["findings"] == [], row["id"]
            continue
        assert ours["error"] is None
        assert (ours["primary_role"], ours["confidence"]) == (
            theirs["profile"]["primary"],
            theirs["profile"]["confidence"],
        ), row["id"]
        title = theirs["title"]
        assert ours["title_roles"] == ([] if title is None else title["roles"]), row["id"]
        assert _findings(ours["findings"]) == _findings(theirs["findings"]), row["id"]
    assert sum(bool(r["jdlint"]["findings"]) for r in rows) > 50  # not a run of empty results
