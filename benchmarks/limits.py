"""How long hostile postings take: the size limit's worst cases, in one run.

    python benchmarks/limits.py

Each case is linted once through the Python API after a warm-up, and timed with
time.perf_counter; the sizes double so that linear growth shows.
"""

from __future__ import annotations

import json
import time

from jdlint.linter import Linter
from jdlint.readers import read_posting

LINE = "Build ETL pipelines with Airflow and dbt. "
BULLET = "- Build ETL pipelines with Airflow\n"


def cases() -> list[tuple[str, str, str]]:
    out = []
    for size in (250_000, 500_000, 1_000_000):
        one_line = ("Data Engineer " + LINE * (size // len(LINE) + 1))[:size]
        out.append((f"one line, {size:,} chars", "text", one_line))
    for count in (5_000, 10_000, 20_000):
        out.append(
            (f"{count:,} bullets", "text", "Data Engineer\n\nResponsibilities\n" + BULLET * count)
        )
    depth = 50_000
    out.append(
        (
            f"HTML nested {depth:,} deep",
            "html",
            "<h1>Data Engineer</h1>" + "<div>" * depth + LINE + "</div>" * depth,
        )
    )
    page = (
        "<h1>Data Engineer</h1><ul>"
        + "".join(f"<li>{BULLET}</li>" for _ in range(20_000))
        + "</ul>"
    )
    out.append((f"HTML page, {len(page):,} chars", "html", page))
    description = "<ul>" + "".join(f"<li>{BULLET}</li>" for _ in range(15_000)) + "</ul>"
    posting = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": "Data Engineer",
            "description": description,
        }
    )
    out.append((f"JSON-LD, {len(posting):,} chars", "jsonld", posting))
    nested = (
        '{"@type": "JobPosting", "title": "Data Engineer", "x": '
        + "[" * 100_000
        + "]" * 100_000
        + "}"
    )
    out.append(("JSON nested 100,000 deep", "jsonld", nested))
    return out


def main() -> None:
    linter = Linter()
    linter.lint_text("Data Engineer\n\n- Build ETL pipelines\n")  # warm-up
    for name, fmt, original in cases():
        start = time.perf_counter()
        source = read_posting("case", original, fmt)
        result = next(linter.lint_sources([source]))
        elapsed = time.perf_counter() - start
        status = result.error or f"primary={result.profile.primary}"
        print(f"{name:<32} {elapsed:6.2f} s  {status}")


if __name__ == "__main__":
    main()
