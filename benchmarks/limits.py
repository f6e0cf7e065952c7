"""How long hostile postings take: the size limit's worst cases, in one run.

    python benchmarks/limits.py

Each case is linted once through the Python API after a warm-up and a garbage collection,
and timed with time.perf_counter (wall) and time.process_time (CPU); the sizes double so that
linear growth shows. The hostile shapes of issue 14 come last, each at 500,000 and 1,000,000
characters, the second with its CPU time over the first's (2 is linear).
"""

from __future__ import annotations

import gc
import json
import time

from jdlint.lexicon import load_lexicon
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
    out.extend(hostile_cases())
    return out


# Hostile shapes (issue 14): each once at half the size limit and once at the limit, so that
# linear work shows as twice the time. (name, input format, unit repeated, head)
HOSTILE = (
    ("one skill word repeated", "text", "Python ", "Data Engineer\n\n"),
    ("a run of digits", "text", "1", "Data Engineer\n\n"),
    ("'100 ' repeated", "text", "100 ", "Data Engineer\n\n"),
    ("salary and ',1' repeated", "text", ",1", "Data Engineer\n\nSalary 1"),
    ("'5', spaces, 'x year'", "text", " ", "Data Engineer\n\n5"),
    ("'# x', spaces (a heading)", "text", " ", "# x"),
    ("unclosed '<!--' in Markdown", "markdown", "<!--", "Data Engineer\n\n"),
    ("unclosed directive comments", "markdown", "<!-- jdlint-disable JD102 ", "Data Engineer\n"),
    ("directive lines", "text", "jdlint: disable=JD102\njdlint: enable=JD102\n", "Data Engineer\n"),
    ("a run of '$'", "text", "$", "Data Engineer\n\n"),
    ("a run of '%'", "text", "%", "Data Engineer\n\n"),
    ("a run of '='", "text", "=", "Data Engineer\n\n"),
    ("a run of '&amp;'", "text", "&amp;", "Data Engineer\n\n"),
    ("a run of '—' (an infix)", "text", "—", "Data Engineer\n\n"),
    ("'$ ' repeated (symbols, spaced)", "text", "$ ", "Data Engineer\n\n"),
    ("symbols of every kind, spaced", "text", "#$%&*+<=>?@^~|/!()[]{}:;,. ", "Data Engineer\n\n"),
    ("emoji with joiners", "text", "🦸🏻\u200d♀️", "Data Engineer\n\n"),
    ("'Pytorch and ' on one line", "text", "Pytorch and ", "Data Engineer\n\nWe use "),
    (
        "skill names, many of them",
        "text",
        "Python, SQL, Spark, Kafka, dbt, LangChain, PyTorch, ",
        "Data Engineer\n\n",
    ),
    (
        "one duty repeated on one line",
        "text",
        "Build ETL pipelines with Airflow and dbt. ",
        "Data Engineer\n\n",
    ),
    ("directive comment lines", "markdown", "<!-- jdlint-disable JD102 -->\n", "Data Engineer\n"),
    (
        "a directive before each misspelling",
        "text",
        "jdlint: disable-next-line=JD504\nWe use Pytorch.\n",
        "Data Engineer\n",
    ),
    ("HTML: '<a' flood", "html", "<a", "<h1>Data Engineer</h1><p>Build ETL pipelines</p>"),
    ("HTML: '<a x ' flood", "html", "<a x ", "<h1>Data Engineer</h1><p>x</p>"),
    ("HTML: unclosed '<!--' flood", "html", "<!--", "<h1>Data Engineer</h1><p>Build</p>"),
    ("HTML: marked sections '<![ x>'", "html", "<![ x>", "<h1>Data Engineer</h1><p>x</p>"),
)


def hostile_cases() -> list[tuple[str, str, str]]:
    out = []
    for name, fmt, unit, head in HOSTILE:
        for size in (500_000, 1_000_000):
            text = head + unit * ((size - len(head)) // len(unit))
            out.append((f"{name}, {size:,}", fmt, text))
    # every skill the lexicons name, cycled: a flood of many distinct mentions
    lexicon = load_lexicon(())
    names = ", ".join(sorted({s.term for r in lexicon.roles.values() for s in r.skills})) + ", "
    for size in (500_000, 1_000_000):
        text = ("Data Engineer\n\n" + names * (size // len(names) + 1))[:size]
        out.append((f"every skill of the lexicons, cycled, {size:,}", "text", text))
    return out


def main() -> None:
    linter = Linter()
    linter.lint_text("Data Engineer\n\n- Build ETL pipelines\n")  # warm-up
    half = None  # CPU time of a hostile shape at 500,000, for the doubling ratio
    for name, fmt, original in cases():
        # Once each: a second run of the same text would find spaCy's tokenizer cache warm.
        gc.collect()  # no case pays for the garbage of the one before
        start, cpu = time.perf_counter(), time.process_time()
        source = read_posting("case", original, fmt)
        result = next(linter.lint_sources([source]))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        status = result.error or f"primary={result.profile.primary}"
        ratio = ""
        if name.endswith(", 1,000,000") and half:
            ratio = f"x{cpu / half:.2f}"
        half = cpu if name.endswith(", 500,000") else None
        print(f"{name:<52} {elapsed:6.2f} s  {cpu:6.2f} s CPU {ratio:>6}  {status}", flush=True)


if __name__ == "__main__":
    main()
