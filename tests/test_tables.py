"""Tables of postings in (JSON Lines, CSV, Parquet) and results tables out (jsonl, parquet):
every row linted as a posting, named by its id or number, offsets into the row's text, a bad
row one message while the others are linted, output streamed as rows are linted."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main
from jdlint.config import ConfigResolver
from jdlint.parallel import iter_inputs
from jdlint.source import Source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NAMES = (
    "prestige-ml-woocommerce-chatbot",
    "honest-ml-engineer-ranking",
    "ds-title-over-etl",
    "misspelled-tech-names",
)


def fixture_row(name: str) -> dict[str, str]:
    """A fixture posting as a table row: its first line the title, the rest the text."""
    title, _, text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").partition("\n")
    return {"id": name, "title": title, "text": text.lstrip("\n")}


ROWS = [fixture_row(name) for name in NAMES]


def run(*args: str, **kwargs):
    return CliRunner(**kwargs).invoke(main, ["--isolated", *args], catch_exceptions=False)


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def jsonl_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_rows_are_linted_and_named_by_id_or_number(tmp_path):
    rows = [ROWS[0], ROWS[1], {"title": ROWS[2]["title"], "text": ROWS[2]["text"]}]
    table = write_jsonl(tmp_path / "t.jsonl", rows)
    result = run("--format", "concise", "--select", "JD1", str(table))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert f"{table}#prestige-ml-woocommerce-chatbot:1:1: JD101 [error]" in lines[0]
    assert any(line.startswith(f"{table}#row-3:1:1: JD104") for line in lines)
    assert lines[-1] == "Found 2 problems in 3 files."


def test_jsonl_output_is_the_json_item_plus_the_row_and_offsets_are_into_the_row(tmp_path):
    table = write_jsonl(tmp_path / "t.jsonl", ROWS)
    document = json.loads(run("--format", "json", str(table)).stdout)
    lines = jsonl_lines(run("--format", "jsonl", str(table)).stdout)
    assert len(lines) == len(ROWS)
    for number, (item, line, row) in enumerate(zip(document["files"], lines, ROWS, strict=True), 1):
        assert line == {**item, "row_id": row["id"], "row_number": number}
        posting = f"{row['title']}\n\n{row['text']}"
        title = line["title"]
        assert posting[title["start"] : title["end"]] == title["text"] == row["title"]
        for skill in line["skills"]:
            assert posting[skill["start"] : skill["end"]] == skill["text"]
    misspelled = [f for f in lines[3]["findings"] if f["code"] == "JD504"]
    assert misspelled and all(
        f"{ROWS[3]['title']}\n\n{ROWS[3]['text']}"[f["fix"]["start"] : f["fix"]["end"]]
        .lower()
        .replace(" ", "")
        != f["fix"]["replacement"]
        for f in misspelled
    )


def _parquet(path: Path, rows: list[dict]) -> Path:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def _csv(path: Path, rows: list[dict], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _without_path(lines: list[dict]) -> list[dict]:
    return [{k: v for k, v in line.items() if k != "path"} for line in lines]


def test_csv_and_parquet_tables_give_the_results_of_the_jsonl_table(tmp_path):
    jsonl = run("--format", "jsonl", str(write_jsonl(tmp_path / "t.jsonl", ROWS))).stdout
    for table in (_csv(tmp_path / "t.csv", ROWS), _parquet(tmp_path / "t.parquet", ROWS)):
        out = jsonl_lines(run("--format", "jsonl", str(table)).stdout)
        assert _without_path(out) == _without_path(jsonl_lines(jsonl))
        assert out[0]["path"] == f"{table}#{ROWS[0]['id']}"


def test_each_bad_row_gets_one_message_and_the_others_are_linted(tmp_path):
    good = ROWS[0]
    big = {"id": "big", "title": "Data Engineer", "text": "Build pipelines. " * 200}
    table = tmp_path / "t.jsonl"
    table.write_bytes(
        (json.dumps(good) + "\n").encode()
        + b'{"id": "broken", "title": \n'
        + (json.dumps({"id": "no-text", "title": "Data Engineer"}) + "\n").encode()
        + (json.dumps(big) + "\n").encode()
        + b'{"id": "latin", "title": "Data Engineer", "text": "caf\xe9"}\n'
        + (json.dumps(ROWS[1]) + "\n").encode()
    )
    result = run("--format", "jsonl", "--max-bytes", "2000", str(table))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"jdlint: error: {table}: row 2: not valid JSON (Expecting value at column 27)",
        f"jdlint: error: {table}: row 3 (id no-text): no description column (looked for "
        "description, text, body; name one with --column text=NAME)",
        f"jdlint: error: {table}: row 4 (id big): larger than the 2,000-byte limit, skipped",
        f"jdlint: error: {table}: row 5: not valid UTF-8 (byte 54 of the line); pass "
        "--encoding if the table uses another encoding",
    ]
    lines = jsonl_lines(result.stdout)
    assert [(line["row_number"], "error" in line) for line in lines] == [
        (1, False),
        (2, True),
        (3, True),
        (4, True),
        (5, True),
        (6, False),
    ]
    assert lines[0]["findings"] and lines[5]["profile"]["primary"] == "ml_engineer"


def test_csv_row_that_is_not_utf8_is_one_message(tmp_path):
    table = _csv(tmp_path / "t.csv", ROWS[:2])
    data = table.read_bytes().replace(b"Machine Learning Engineer (m/f/d)", b"ML Engineer \xff")
    table.write_bytes(data)
    result = run("--format", "concise", "--select", "JD1", str(table))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"jdlint: error: {table}: row 1 (id prestige-ml-woocommerce-chatbot): not valid text "
        "in the table's encoding; pass --encoding if the table uses another"
    ]
    assert result.stdout.splitlines()[-1] == "No problems in 1 file; 1 could not be read."


def test_columns_are_found_by_name_or_set_with_column(tmp_path):
    rows = [{"req_id": r["id"], "job_title": r["title"], "desc": r["text"]} for r in ROWS[:1]]
    table = _csv(tmp_path / "t.csv", rows)
    result = run("--format", "concise", str(table))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"jdlint: error: {table}: no description column (looked for description, text, "
        "body; name one with --column text=NAME)"
    )
    result = run(
        "--format", "concise", "--select", "JD101", "--column", "text=desc",
        "--column", "id=req_id", str(table),
    )  # fmt: skip
    assert result.exit_code == 1 and result.stderr == ""
    assert result.stdout.startswith(f"{table}#prestige-ml-woocommerce-chatbot:1:1: JD101")
    assert run("--column", "salary=x", str(table)).exit_code == 2


def test_schema_org_columns_are_kept_for_the_rules(tmp_path):
    duties = "Build data pipelines in Spark and Airflow\n- Maintain the warehouse\n"
    row = {"id": "x", "title": "Data Engineer", "text": f"Responsibilities:\n- {duties}"}
    with_fields = {
        **row,
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": 90000},
        "jobLocation": "Berlin",
        "datePosted": "2019-05-01",
    }
    table = write_jsonl(tmp_path / "t.jsonl", [row, with_fields])
    lines = jsonl_lines(run("--format", "jsonl", "--select", "JD501,JD502", str(table)).stdout)
    assert [sorted(f["code"] for f in line["findings"]) for line in lines] == [
        ["JD501", "JD502"],
        [],
    ]


def test_html_description_is_read_as_html_with_offsets_into_it(tmp_path):
    html = "<h2>Responsibilities</h2><ul><li>Train models in Pytorch &amp; Tensorflow</li></ul>"
    table = write_jsonl(
        tmp_path / "t.jsonl", [{"id": "h", "title": "ML Engineer", "description": html}]
    )
    line = jsonl_lines(run("--format", "jsonl", "--select", "JD504", str(table)).stdout)[0]
    posting = "ML Engineer\n\n" + html
    assert [posting[f["start"] : f["end"]] for f in line["findings"]] == ["Pytorch", "Tensorflow"]
    assert "<li>" not in json.dumps(line["duties"])


def test_jobs_2_gives_the_same_output(tmp_path):
    rows = [fixture_row(p.stem) for p in sorted(FIXTURES.glob("*.txt"))][:24]
    table = write_jsonl(tmp_path / "t.jsonl", rows)
    one = run("--format", "jsonl", str(table))
    two = run("--format", "jsonl", "--jobs", "2", str(table))
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 24


def test_parquet_output_has_the_findings_and_the_verdicts(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    table = write_jsonl(tmp_path / "t.jsonl", [*ROWS, {"id": "e", "title": "x", "text": " "}])
    lines = jsonl_lines(run("--format", "jsonl", str(table)).stdout)
    result = run("--format", "parquet", "-o", str(tmp_path / "out"), str(table))
    assert result.exit_code == 2 and result.stdout == ""
    findings = pq.read_table(tmp_path / "out" / "findings.parquet").to_pylist()
    verdicts = pq.read_table(tmp_path / "out" / "verdicts.parquet").to_pylist()
    assert [(f["row_id"], f["code"], f["start"], f["end"], f["message"]) for f in findings] == [
        (line["row_id"], f["code"], f["start"], f["end"], f["message"])
        for line in lines
        for f in line.get("findings", ())
    ]
    assert [(v["row_id"], v["primary_role"], v["confidence"]) for v in verdicts[:-1]] == [
        (line["row_id"], line["profile"]["primary"], line["profile"]["confidence"])
        for line in lines[:-1]
    ]
    assert verdicts[-1]["error"] and verdicts[-1]["row_number"] == 5
    assert run("--format", "parquet", str(table)).exit_code == 2  # no --output folder


def test_rows_are_not_cached_but_files_still_are(tmp_path):
    table = write_jsonl(tmp_path / "t.jsonl", ROWS[:2])
    posting = FIXTURES / "honest-ml-engineer-ranking.txt"
    args = ("--format", "jsonl", "--cache-dir", str(tmp_path / "c"), str(table), str(posting))
    first = run(*args, env={"JDLINT_NO_CACHE": None})
    again = run(*args, env={"JDLINT_NO_CACHE": None})
    assert first.stdout == again.stdout and len(first.stdout.splitlines()) == 3
    assert len(list((tmp_path / "c").rglob("*.json"))) == 1  # the file's entry only


def test_results_come_lazily_as_inputs_are_read():
    read: list[int] = []

    def sources():
        for n in range(1000):
            read.append(n)
            yield Source(f"p{n}", "Data Engineer\n\nBuild data pipelines in Spark.\n")

    for jobs in (1, 2):
        read.clear()
        results = iter_inputs(sources(), ConfigResolver(isolated=True), jobs=jobs, max_bytes=10**6)
        assert next(results).path == "p0"
        assert len(read) < 1000  # a few chunks ahead, not the whole input
        results.close()


def _first_line_before_the_input_ends(*args: str) -> tuple[str, str]:
    """(first line of output, the rest) of ``jdlint ARGS -`` fed 70 rows on a pipe that stays
    open until that first line has come."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from jdlint.cli import main; main()", "--isolated", *args, "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    for n in range(70):  # more than one batch: the first batch is linted and printed
        process.stdin.write(json.dumps({**ROWS[0], "id": f"r{n}"}) + "\n")
    process.stdin.flush()
    timer = threading.Timer(120, process.kill)  # a run that never streams fails, not hangs
    timer.start()
    first = process.stdout.readline()
    still_open = process.poll() is None
    process.stdin.close()
    rest = process.stdout.read()
    process.wait()
    timer.cancel()
    assert still_open and first, "no output before the input ended"
    return first, rest


def test_jsonl_output_streams_before_the_input_ends():
    first, rest = _first_line_before_the_input_ends("--format", "jsonl", "--input-format", "jsonl")
    assert json.loads(first)["row_id"] == "r0"
    assert len(rest.splitlines()) == 69


def test_text_output_streams_and_the_summary_comes_last():
    first, rest = _first_line_before_the_input_ends(
        "--format", "text", "--select", "JD101", "--input-format", "jsonl"
    )
    assert first.startswith("<stdin>#r0:1:1: JD101 [error] prestige-ml-title")
    assert rest.splitlines()[-1] == "Found 70 problems in 70 files."


def test_fix_leaves_a_table_alone(tmp_path):
    table = write_jsonl(tmp_path / "t.jsonl", [ROWS[3]])
    before = table.read_bytes()
    result = run("--fix", "--format", "concise", "--select", "JD504", str(table))
    assert result.exit_code == 1 and table.read_bytes() == before
    assert "JD504" in result.stdout and "Fixed" not in result.stderr
