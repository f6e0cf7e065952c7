"""The HTML report: a posting in, the page out. Escaping of untrusted posting text, marks of
findings and evidence where they stand (overlaps split), the summary table, the rules once."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import check, main
from jdlint.formatters.html_report import format_html
from jdlint.results import EvidenceItem, FileResult, Finding, Profile, Title

ROOT = Path(__file__).resolve().parents[1]
PRESTIGE = ROOT / "fixtures" / "prestige-ml-woocommerce-chatbot.txt"
HONEST = ROOT / "fixtures" / "honest-ai-engineer-rag.txt"
HOSTILE = """\
AI Engineer <script>document.body.setAttribute('data-pwned', 'title')</script>

Responsibilities
- Build and maintain WordPress plugins in PHP <img src=x onerror="alert(1)">
- Develop landing pages with React</script><script>alert(2)</script>
- Write unit tests for our rockstar team <svg onload="alert(3)"></svg> &amp; fix bugs
"""


class Page(HTMLParser):
    """The elements of a page, with their attributes, and the text of each mark."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[tuple[str, str, str]] = []  # (class, title, text)
        self.scripts: list[str] = []
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "mark":
            attrs = dict(attrs)
            self.marks.append((attrs.get("class") or "", attrs.get("title") or "", ""))
        self._open.append(tag)
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        if self._open and self._open[-1] == "mark":
            cls, title, text = self.marks[-1]
            self.marks[-1] = (cls, title, text + data)
        if self._open and self._open[-1] == "script":
            self.scripts[-1] += data


def html_of(*args: str, exit_codes: tuple[int, ...] = (0, 1)) -> str:
    result = CliRunner().invoke(
        main, ["--isolated", "--extend-select", "JD404", "--format", "html", *args]
    )
    assert result.exit_code in exit_codes, result.output
    return result.stdout


def test_posting_text_is_shown_as_text_never_as_markup(tmp_path):
    posting = tmp_path / 'x"><img src=y onerror=alert(4)>.txt'
    posting.write_text(HOSTILE, encoding="utf-8")
    page = Page(html_of(str(posting)))
    own_script = (
        resources.files("jdlint.formatters").joinpath("templates", "report.js").read_text("utf-8")
    )
    assert page.scripts == [own_script]  # the one script is jdlint's
    tags = {tag for tag, _ in page.elements}
    assert "img" not in tags
    assert [a for t, a in page.elements if t == "svg" and a.get("class") != "bars"] == []
    handlers = [(t, k) for t, attrs in page.elements for k in attrs if k.startswith("on")]
    assert handlers == []
    assert not any("data-pwned" in attrs for _, attrs in page.elements)
    raw = html_of(str(posting))
    assert "&lt;script&gt;document.body.setAttribute(" in raw
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in raw
    assert "&amp;amp; " in raw  # an entity in the posting is shown as written
    assert "x&#34;&gt;&lt;img src=y onerror=alert(4)&gt;.txt" in raw  # the file name too
    # the page loads nothing and lets only its own script run
    assert not tags & {"link", "iframe", "object", "embed", "img", "audio", "video", "base"}
    assert not [a for _, a in page.elements if "src" in a or "srcset" in a]
    assert {a["href"][0] for t, a in page.elements if t == "a"} <= {"#", "h"}  # links only
    (csp,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', raw)
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


def test_findings_and_evidence_are_marked_where_they_stand():
    page = Page(html_of(str(PRESTIGE)))
    marks = [(cls, text) for cls, _, text in page.marks][4:]  # after the legend's four
    text = PRESTIGE.read_text(encoding="utf-8")
    finding_marks = [t for c, t in marks if "s-error" in c]
    assert finding_marks[-1] == "Senior Machine Learning Engineer (m/f/d)"  # JD101 on the title
    evidence = [t for c, t in marks if c == "ev"]
    assert evidence == [
        "Write and refine GPT-4 prompts",
        "Integrate the OpenAI API",
        "Build a retrieval-augmented generation",
        "Evaluate chatbot",
    ]
    assert all(t in text for t in evidence)
    titles = {t for c, t, _ in page.marks[4:] if c == "ev"}
    assert titles == {"evidence for JD101 prestige-ml-title: AI Engineer duty"}


def _finding(code: str, severity: str, start: int, end: int, evidence=()) -> Finding:
    return Finding(
        code=code,
        name={"JD101": "prestige-ml-title", "JD404": "hero-title"}[code],
        severity=severity,
        message=f"{code} here",
        line=1,
        column=start + 1,
        end_line=1,
        end_column=end + 1,
        start=start,
        end=end,
        suggestion=f"fix {code}",
        evidence=tuple(evidence),
    )


def test_overlapping_spans_are_split_into_pieces():
    text = "Rockstar ML Engineer wanted\n- Write prompts\n"
    #       0       8  11      20
    evidence = EvidenceItem("duty", "Write prompts", "ai_engineer", 2, 3, 30, 43)
    result = FileResult(
        path="p.txt",
        title=Title(text[:20], ("ml_engineer",), 1, 1, 0, 20),
        profile=Profile("ai_engineer", 0.9, {"ai_engineer": 0.9, "ml_engineer": 0.1}),
        findings=(
            _finding("JD101", "error", 0, 20, [evidence]),
            _finding("JD404", "warning", 0, 8),
            _finding("JD404", "warning", 6, 14),  # overlaps both
        ),
        text=text,
    )
    page = Page(format_html([result]))
    marks = [(c, t) for c, _, t in page.marks][4:]  # after the legend's four
    assert marks == [
        ("s-error", "Rockst"),  # JD101 and the first JD404
        ("s-error", "ar"),  # JD101 and both JD404
        ("s-error", " ML En"),  # JD101 and the second JD404
        ("s-error", "gineer"),  # JD101
        ("ev", "Write prompts"),  # JD101's evidence
    ]
    # the text between and after the marks is all there, in order
    body = re.search(r'<div class="text">(.*?)</div>', format_html([result]), re.S).group(1)
    assert re.sub(r"<[^>]+>", "", body) == text
    tips = [title for _, title, _ in page.marks][4:]
    jd101 = (
        "JD101 prestige-ml-title: An ML, data-science or research title over AI-engineering"
        " integration work. Help: fix JD101"
    )
    jd404 = (
        "JD404 hero-title: Rockstar, ninja, guru, wizard, hero: a cliché instead of a job."
        " Help: fix JD404"
    )
    assert tips[0] == f"{jd101}\n{jd404}"
    assert tips[1] == tips[0]  # both hero-title findings, one line
    assert tips[3] == jd101
    assert tips[4] == "evidence for JD101 prestige-ml-title: AI Engineer duty"
    # each finding's link goes to its first piece
    html = format_html([result])
    assert re.findall(r'<mark [^>]*id="(p1f\d)"', html) == ["p1f0", "p1f2"]
    assert re.findall(r'class="code" href="#([^"]+)"', html) == ["p1f0", "p1f0", "p1f2"]


def test_summary_table_has_title_role_verdict_and_counts():
    html = html_of(str(PRESTIGE), str(HONEST))
    rows = re.findall(r"<tr data-rules=\"([^\"]*)\">(.*?)</tr>", html, re.S)
    assert len(rows) == 2
    (rules, first), (_, second) = rows
    cells = [re.sub(r"<[^>]+>", " ", c).split() for c in re.findall(r"<td.*?</td>", first)]
    assert rules == "JD101"
    assert cells[1][:5] == ["Senior", "Machine", "Learning", "Engineer", "(m/f/d)"]
    assert cells[2] == ["AI", "Engineer", "100%"]
    assert cells[3] == ["prestige-ml-title", "suggested:", "Senior", "AI", "Engineer"]
    assert cells[4:] == [["1"], ["0"], ["0"]]
    assert "title fits" in second
    assert 'id="controls" class="controls" hidden' in html  # shown by the script only
    assert '<dd class="suggested">Senior AI Engineer</dd>' in html
    assert '<svg class="bars"' in html and ">AI Engineer</text>" in html and ">73%</text>" in html


def test_each_rule_is_explained_once_with_a_link_to_its_section(tmp_path):
    posting = tmp_path / "p.txt"
    posting.write_text(HOSTILE, encoding="utf-8")
    html = html_of(str(posting), str(PRESTIGE))
    assert html.count('id="rule-JD404"') == 1
    assert html.count("says nothing about the job, sounds") == 1  # JD404's explanation
    uri = "https://github.com/jdlint/jdlint/blob/main/docs/rules.md#jd404-hero-title"
    assert html.count(f'href="{uri}"') == 1
    heroes = len(re.findall(r"&#39;rockstar&#39; is a cliché", html))
    assert heroes == 1 and html.count('href="#rule-JD404"') == heroes


def test_a_large_report_shows_the_lines_with_findings(monkeypatch):
    from jdlint.formatters import html_report

    monkeypatch.setattr(html_report, "FULL_TEXT_LIMIT", 0)
    html = html_of(str(PRESTIGE))
    body = re.search(r'<div class="text">(.*?)</div>', html, re.S).group(1)
    visible = re.sub(r'<span class="fold">[^<]*</span>', "", body)
    visible = re.sub(r"<[^>]+>", "", visible)
    assert visible.splitlines()[0] == "Senior Machine Learning Engineer (m/f/d)"
    assert "- Integrate the OpenAI API into our PHP order-status endpoints" in visible
    assert "About us" not in visible
    folds = re.findall(r'<span class="fold">(\d+) lines? without findings</span>', body)
    assert folds and sum(map(int, folds)) == len(PRESTIGE.read_text().splitlines()) - 5


def test_unreadable_input_is_listed(tmp_path):
    html = html_of(str(PRESTIGE), str(tmp_path / "missing.txt"), exit_codes=(2,))
    assert "unreadable" in html and "missing.txt" in html


def test_report_command_writes_report_html_with_the_options_of_check(tmp_path):
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["report", "--isolated", str(PRESTIGE)])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1  # findings, as with check
    assert "wrote the report to report.html" in result.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "prestige-ml-title" in page
    report = next(c for name, c in main.commands.items() if name == "report")
    assert {p.name for p in report.params} == {p.name for p in check.params} - {
        "output_format",
        "statistics",
    }


@pytest.mark.parametrize("args", [("rules",), ("--help",), ("rule", "JD101")])
def test_jinja2_is_not_imported_by_the_catalogue_and_help(probed, args):
    result, imported = probed(*args)
    assert result.stdout
    assert "jinja2" not in imported


def test_the_html_formatter_is_imported_for_html_only(probed):
    result, imported = probed("--format", "concise", "--exit-zero", str(PRESTIGE))
    assert result.stdout and "jdlint.formatters.html_report" not in imported
    result, imported = probed("--format", "html", "--exit-zero", str(PRESTIGE))
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "jdlint.formatters.html_report" in imported
