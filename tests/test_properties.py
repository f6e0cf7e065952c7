"""Property tests over random and hostile postings in every format: jdlint never raises and
never prints a traceback, every reported offset slices the original to the reported text,
output is the same on every run and for any --jobs, and the input file is left untouched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdlint.cli import main
from jdlint.non_postings import not_a_posting
from jdlint.readers import read_posting

FRAGMENTS = [
    "Senior Machine Learning Engineer",
    "AI Engineer",
    "Data Scientist (GenAI)",
    "Data Engineer",
    "Responsibilities",
    "Requirements:",
    "WHAT YOU'LL DO",
    "Nice to have",
    "Benefits",
    "- Write and refine GPT-4 prompts",
    "• Train ranking models with PyTorch",
    "1. Build ETL pipelines with Airflow and dbt",
    "* Create Tableau dashboards",
    "You will integrate the OpenAI API.",
    "We are an AI-powered platform.",
    "Py Torch",
    "Pytorch and Tensorflow",
    "java script",
    "5+ years of LangChain",
    "he or she",
    "his/her",
    "rockstar ninja",
    "young and dynamic",
    "aggressive, competitive",
    "Salary: $120k-$150k",
    "Remote (EU)",
    "PhD required",
    "hit the ground running",
    "scikit learn",
    "LLMs",
    "large language models",
    "<ORGANIZATION>",
    "(m/f/d)",
    "café",
    "naïve résumé",
    "日本語",
    "😀",
    "\t",
    "jdlint: disable=JD101",
    "<!-- jdlint-disable JD102 -->",
    "&amp;",
    "&#x41;",
    "&bogus;",
    "<",
    ">",
    '"',
    "\\",
    "{",
    "}",
    "[",
    "]",
    "$" * 40,  # symbol stretches and a long run: the tokenizer reads them in pieces
    "— " * 20 + "—",
    "x" * 120,
]
SEPARATORS = ["\n", "\r\n", "\r", " ", "\n- ", "\n\n## ", "\n\n", ": ", ". "]

pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20))
posting_text = st.lists(st.tuples(pieces, st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts)
)


@st.composite
def html_pages(draw):
    tags = ["p", "div", "li", "h1", "h2", "script", "style", "nav", "footer", "b", "br", "ul"]
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(tags))
        body = draw(posting_text)
        parts.append(f"<{tag}>{body}</{tag}>" if draw(st.booleans()) else f"<{tag}>{body}")
    return "<html><head><title>" + draw(pieces) + "</title></head><body>" + "".join(parts)


@st.composite
def jsonld_documents(draw):
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": draw(posting_text),
        "description": draw(posting_text),
        "responsibilities": draw(st.one_of(posting_text, st.lists(posting_text, max_size=3))),
        "datePosted": "2026-01-01",
    }
    document = {"@graph": [posting]} if draw(st.booleans()) else posting
    text = json.dumps(
        document, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2]))
    )
    if draw(st.booleans()):
        text = f'<html><script type="application/ld+json">{text}</script><h1>x</h1></html>'
    return text


postings = st.one_of(
    st.tuples(st.just("text"), posting_text),
    st.tuples(
        st.just("markdown"), posting_text.map(lambda t: "---\ntitle: AI Engineer\n---\n" + t)
    ),
    st.tuples(st.just("html"), html_pages()),
    st.tuples(st.just("jsonld"), jsonld_documents()),
    st.tuples(st.just("jsonld"), posting_text),  # mostly not JSON at all
)

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check_offsets(result, original: str) -> None:
    items = ([result.title] if result.title else []) + list(result.skills) + list(result.duties)
    items += [e for f in result.findings for e in f.evidence]
    for item in items:
        assert original[item.start : item.end] == item.text
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(original)
        if finding.fix is not None:  # a fix replaces exactly the reported text
            assert (finding.fix.start, finding.fix.end) == (finding.start, finding.end)
            assert original[finding.fix.start : finding.fix.end] != finding.fix.replacement


@SETTINGS
@given(postings)
def test_any_posting_lints_and_every_offset_slices_the_original(linter, posting):
    fmt, original = posting
    try:
        source = read_posting("p", original, fmt)
    except Exception as exc:  # only jdlint's own, user-facing errors may come out
        from jdlint.errors import JdlintError

        assert isinstance(exc, JdlintError), repr(exc)
        return
    first = next(linter.lint_sources([source]))
    if first.error:
        return
    check_offsets(first, original)
    again = next(linter.lint_sources([read_posting("p", original, fmt)]))
    assert again == first


SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html", "jsonld": ".json"}


def _write(folder: Path, posting: tuple[str, str]) -> Path:
    """A generated posting as a file with its format's suffix."""
    fmt, original = posting
    path = folder / f"posting{SUFFIX[fmt]}"
    path.write_bytes(original.encode("utf-8", "surrogatepass"))
    return path


@SETTINGS
@given(postings)
def test_cli_never_prints_a_traceback_and_never_touches_the_input(tmp_path, posting):
    path = _write(tmp_path, posting)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = CliRunner().invoke(main, ["--isolated", "--format", "json", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stdout + result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    if result.exit_code != 2 and result.stdout:
        for entry in json.loads(result.stdout)["files"]:
            if "error" not in entry:
                text = Path(entry["path"]).read_bytes().decode("utf-8", "surrogatepass")
                for item in entry["skills"] + entry["duties"]:
                    assert text[item["start"] : item["end"]] == item["text"]


@SETTINGS
@given(postings)
def test_fix_changes_only_the_fixed_spans(tmp_path, posting):
    """Whatever the input, --fix leaves every character outside its fixes as it was."""
    path = _write(tmp_path, posting)
    raw = path.read_bytes()
    report = CliRunner().invoke(main, ["--isolated", "--format", "json", str(path)])
    if report.exit_code == 2 or not report.stdout:
        return
    entries = json.loads(report.stdout)["files"]
    if not entries:  # skipped as no posting (an empty file): nothing to fix
        assert not_a_posting(path) == "empty"
        return
    (entry,) = entries
    fixes = sorted(
        (f["fix"] for f in entry.get("findings", []) if f["fix"]), key=lambda x: x["start"]
    )
    result = CliRunner().invoke(main, ["--isolated", "--fix", "--format", "json", str(path)])
    assert "Traceback" not in result.stdout + result.stderr
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        assert path.read_bytes() == raw  # not decodable: never written
        return
    expected, cursor = [], 0
    for fix in fixes:
        expected += [text[cursor : fix["start"]], fix["replacement"]]
        cursor = fix["end"]
    expected.append(text[cursor:])
    assert path.read_bytes() == "".join(expected).encode("utf-8")


@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(postings, min_size=3, max_size=6))
def test_output_is_the_same_for_any_number_of_jobs(tmp_path_factory, batch):
    folder = tmp_path_factory.mktemp("batch")
    for n, (fmt, original) in enumerate(batch):
        (folder / f"p{n}{SUFFIX[fmt]}").write_bytes(original.encode("utf-8", "surrogatepass"))
    outputs = [
        CliRunner()
        .invoke(main, ["--isolated", "--format", "json", "--jobs", jobs, str(folder)])
        .stdout
        for jobs in ("1", "2")
    ]
    assert outputs[0] == outputs[1]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(json_values, st.booleans(), st.sampled_from([None, 1]))
def test_the_json_scanner_agrees_with_json_and_keeps_string_positions(value, ascii_only, indent):
    from jdlint.readers.jsonld_format import JString, _plain, load

    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    parsed = load(text)
    assert _plain(parsed) == json.loads(text)
    pending = [parsed]
    while pending:  # every decoded character maps back to the escape or character it came from
        node = pending.pop()
        if isinstance(node, JString):
            for n, char in enumerate(node.value):
                raw = text[node.offsets.starts[n] : node.offsets.ends[n]]
                assert json.loads(f'"{raw}"') == char
        elif isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            pending.extend(node.values())


@given(st.text(alphabet="ab1٣\n\r yYEARr", max_size=40))
def test_lines_containing_finds_the_lines_a_line_regex_finds(text):
    """``lines_containing`` (a search widened to its line) gives the lines that the regexes it
    replaced, ``^[^\\n]*?X[^\\n]*`` in MULTILINE mode, gave."""
    import re

    from jdlint.source import lines_containing

    for pattern, line in (
        (re.compile(r"\d"), re.compile(r"^[^\n\d]*\d[^\n]*", re.MULTILINE)),
        (
            re.compile(r"year|yr", re.IGNORECASE),
            re.compile(r"^[^\n]*?(?:year|yr)[^\n]*", re.MULTILINE | re.IGNORECASE),
        ),
    ):
        assert list(lines_containing(pattern, text)) == [m.span() for m in line.finditer(text)]
