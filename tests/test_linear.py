"""Work on posting text grows linearly: each hostile shape at n and at 4n, and the RATIO of
the times must stay far below the 16 that quadratic work gives (never an absolute time, so
a slow machine does not fail and a fast one does not pass a quadratic pattern)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from jdlint.long_runs import MAX_RUN, make_doc
from jdlint.readers import read_posting
from jdlint.readers.html_format import html_text
from jdlint.readers.markdown_format import read_markdown
from jdlint.requirements import _YEARS
from jdlint.rules.base import Posting
from jdlint.rules.hygiene import _CITY_STATE, _PAY, MISSPELLED_TECHNOLOGY
from jdlint.rules.suppression import apply_suppressions, parse_directives
from jdlint.sections import _md_heading
from jdlint.source import Source

MAX_RATIO = 8  # linear work gives about 4; quadratic about 16


def _seconds(work: Callable[[], object]) -> float:
    # CPU time, not wall time: other work on the machine does not count against the pattern
    start = time.process_time()
    work()
    return time.process_time() - start


def assert_linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    small, large = make(n), make(4 * n)
    # the best of five, taken in turns: a hiccup of the machine is not the pattern's
    times = [(_seconds(small), _seconds(large)) for _ in range(5)]
    ratio = min(t for _, t in times) / max(min(t for t, _ in times), 1e-6)
    assert ratio < MAX_RATIO, f"4x the input took {ratio:.1f}x the time"


def _all(regex, text: str) -> Callable[[], object]:
    return lambda: list(regex.finditer(text))


REGEX_SHAPES = {
    "city/state on one repeated capitalised word": (_CITY_STATE, lambda n: "Python " * n),
    "city/state on one long capitalised word": (_CITY_STATE, lambda n: "P" + "y" * n),
    "pay on a run of digits": (_PAY, lambda n: "1" * n),
    "pay on '100 ' repeated": (_PAY, lambda n: "100 " * n),
    "pay on comma-separated digits after 'salary'": (_PAY, lambda n: "salary 1" + ",1" * n),
    "pay on digits and spaces before 'per'": (_PAY, lambda n: "1" + " " * n + "x per hour"),
    "pay on '1,000 - ' repeated": (_PAY, lambda n: "1,000 - " * n + "users"),
    "pay on 'rate ' repeated before a range": (_PAY, lambda n: "rate " * n + "1,000-2,000"),
    "years: a number, spaces, 'x year'": (_YEARS, lambda n: "5" + " " * n + "x year"),
    "years: '5 - ' repeated": (_YEARS, lambda n: "5 - " * n + "x"),
}


@pytest.mark.parametrize("name", sorted(REGEX_SHAPES))
def test_patterns_on_posting_text_are_linear(name):
    regex, shape = REGEX_SHAPES[name]
    assert_linear(lambda n: _all(regex, shape(n)), 5_000)


def test_markdown_heading_is_linear_in_trailing_spaces():
    assert_linear(lambda n: lambda: _md_heading("# x" + " " * n + "y"), 20_000)


@pytest.mark.parametrize("unit", ["<!--", "<!-- x", "<!-- jdlint-disable JD102 "])
def test_unclosed_comments_in_markdown_are_linear(unit):
    assert_linear(lambda n: lambda: read_markdown("p.md", "Data Engineer\n" + unit * n), 5_000)


@pytest.mark.parametrize("unit", ["<!-- jdlint-disable JD102 ", "<!-- jdlint-enable -- ", "-->"])
def test_parsing_suppression_comments_is_linear(unit):
    def make(n: int) -> Callable[[], object]:
        source = Source("p.md", "<!-- jdlint-disable " + unit * n)
        return lambda: parse_directives(source, {"jd102": "JD102"})

    assert_linear(make, 5_000)


@dataclass(frozen=True)
class _Finding:
    code: str
    line: int


def test_applying_many_suppressions_to_many_findings_is_linear():
    def make(n: int) -> Callable[[], object]:
        text = "".join(
            f"jdlint: {'disable' if i % 2 else 'enable'}=JD10{i % 3}\n" for i in range(n)
        )
        directives = parse_directives(Source("p.txt", text), {"jd100": "JD100", "jd101": "JD101"})
        findings = [_Finding(f"JD10{i % 4}", i + 1) for i in range(n)]
        return lambda: apply_suppressions(findings, directives)

    assert_linear(make, 2_000)


def test_long_runs_of_punctuation_reach_the_tokenizer_in_pieces(linter):
    for unit in ("$", "%", "=", "&amp;"):
        text = "Data Engineer\n\n" + unit * 5_000
        assert make_doc(linter.nlp, text).text == text
        assert_linear(lambda n, u=unit: lambda: make_doc(linter.nlp, u * n), 4_000)


# Symbols the tokenizer splits at every character, infixes ("—"), symbols with spaces between,
# emoji with joiners, a mix: each a token per character, or worse, without the cut by hand.
SYMBOL_STRETCHES = ["—", "$ ", "!?", "€", "…", "🦸🏻\u200d♀️", "(", "#$%&*+<=>?@^~ ", "_"]


@pytest.mark.parametrize("unit", SYMBOL_STRETCHES)
def test_symbol_stretches_are_cut_by_hand_and_linear(linter, unit):
    text = "Data Engineer\n\n" + unit * 2_000 + "  Python\n" + unit * 50 + "x"
    doc = make_doc(linter.nlp, text)
    assert doc.text == text
    assert len(doc) <= len(text) // MAX_RUN + 10  # a token per MAX_RUN characters of them
    assert "Python" in [t.text for t in doc]
    assert_linear(lambda n: lambda: make_doc(linter.nlp, unit * n), 20_000)


def test_cut_by_hand_whitespace_is_the_tokenizers(linter):
    """Outside the stretches, the tokens and their whitespace are the tokenizer's own."""
    text = "a " + "-" * 40 + "  b\t" + "=" * 40 + "\nc " + "$ " * 40 + "d"
    doc, plain = make_doc(linter.nlp, text), linter.nlp.make_doc(text)
    outside = [
        (t.text, t.whitespace_) for t in plain if t.text in ("a", " ", "b", "\t", "\n", "c", "d")
    ]
    assert [(t.text, t.whitespace_) for t in doc if not (set(t.text) & set("-=$"))] == outside


def test_spelling_checks_each_line_once(linter):
    def make(n: int) -> Callable[[], object]:
        text = "Data Engineer\n\nWe use " + "Pytorch and " * n + "more.\n"
        doc = linter.nlp(linter._make_doc(text))
        posting = Posting(Source("p.txt", text), None, doc._.jdlint_profile, linter.lexicon, doc)
        posting.wording("misspelled")  # matching is the pipeline's part, timed elsewhere
        return lambda: list(MISSPELLED_TECHNOLOGY.check(posting))

    assert_linear(make, 1_000)


HTML_FLOODS = ["<a", "<a x ", "<!--", "</a ", "<!x", "<?x", "<![x", "&#x", "<a x='>"]


@pytest.mark.parametrize("unit", HTML_FLOODS)
def test_html_floods_are_linear(unit):
    body = "<h1>Data Engineer</h1>" + "<p>Build ETL pipelines with Airflow.</p>" * 200
    assert_linear(lambda n: lambda: html_text(body + unit * n), 5_000)
    assert_linear(lambda n: lambda: html_text(unit * n + body), 5_000)


# Floods through the whole linter: repeats of one thing past the caps of jdlint.floods, many
# distinct things, directive lines. (name, input format, unit repeated)
FLOODS = {
    "one skill word repeated": ("text", "Python "),
    "a misspelling on one line": ("text", "Pytorch and "),
    "one duty on one line": ("text", "Build ETL pipelines with Airflow and dbt. "),
    "skills, many of them": ("text", "Python, SQL, Spark, Kafka, dbt, LangChain, PyTorch, "),
    "directive lines": ("text", "jdlint: disable=JD102\njdlint: enable=JD102\n"),
    "directive comments": ("markdown", "<!-- jdlint-disable JD102 -->\n"),
    "suppressed misspellings": ("text", "jdlint: disable-next-line=JD504\nWe use Pytorch.\n"),
}


@pytest.mark.parametrize("name", sorted(FLOODS))
def test_floods_lint_in_linear_time(linter, name):
    fmt, unit = FLOODS[name]

    def make(n: int) -> Callable[[], object]:
        source = read_posting("p", "Data Engineer\n\n" + unit * (n // len(unit)), fmt)
        return lambda: next(linter.lint_sources([source]))

    assert_linear(make, 12_500)
