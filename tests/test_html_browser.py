"""The HTML report in a real browser: headless Chromium opens a report of the fixtures (and of
a posting holding <script> and onerror=), runs its script with no console error, shows the
findings, and runs nothing of the posting.

Needs /usr/bin/chromium (Debian's ``chromium`` package). Without it the test is skipped on a
developer's machine, and fails where JDLINT_REQUIRE_BROWSER=1 (``.ci/run`` installs Chromium
and sets it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
PWN = "document.body.setAttribute('data-pwned', '{}')"
HOSTILE = f"""\
AI Engineer <script>{PWN.format("script")}</script>

Responsibilities
- Build and maintain WordPress plugins in PHP <img src=x onerror="{PWN.format("img")}">
- Develop landing pages with React</script><script>document.title = 'pwned'</script>
- Write unit tests for our rockstar team <svg onload="{PWN.format("svg")}"></svg>
"""
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)


def _chromium() -> str:
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if found:
        return found
    message = "headless Chromium (/usr/bin/chromium; Debian: apt-get install chromium) is missing"
    if os.environ.get("JDLINT_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _browse(chromium: str, page: Path, tmp_path: Path, *action: str, fragment: str = ""):
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    profile.mkdir()
    return subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *action, page.as_uri() + fragment],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def _console(run: subprocess.CompletedProcess[str]) -> str:
    return "\n".join(line for line in run.stderr.splitlines() if ":CONSOLE" in line)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    hostile = folder / "hostile <img src=x onerror=alert(1)>.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    page = folder / "report.html"
    result = CliRunner().invoke(
        main,
        ["report", "--isolated", "--select", "ALL", "-o", str(page), str(FIXTURES), str(hostile)],
    )
    assert result.exit_code == 1 and page.exists(), result.output
    return page


def test_report_opens_in_chromium_without_errors_and_runs_nothing_of_a_posting(report, tmp_path):
    chromium = _chromium()
    # the console is read from Chromium's log: a page with an error shows there
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><p>x</p><script>notDefined()</script>", encoding="utf-8")
    assert "notDefined is not defined" in _console(
        _browse(chromium, broken, tmp_path, "--dump-dom")
    )
    run = _browse(chromium, report, tmp_path, "--dump-dom")
    assert _console(run) == ""  # no script error, no refused script or load (CSP), no log
    dom = run.stdout
    assert re.search(r'<html lang="en" class="[^"]*\bjs\b', dom)  # the page's script ran
    assert '<p id="controls" class="controls">' in dom  # and showed the filter
    assert not re.search(r"<body[^>]*data-pwned", dom)  # no handler of the posting ran
    assert "<title>jdlint report:" in dom and "<title>pwned" not in dom
    # in the serialised DOM every "<" of a text is "&lt;": a "<" is an element
    assert dom.count("<script") == 1 and "<img" not in dom
    assert not re.search(r"<[^>]*\s(onerror|onload)=", dom)
    assert "AI Engineer &lt;script&gt;document.body.setAttribute(" in dom  # shown as text
    rows = re.findall(r"<tr data-rules=", dom)
    assert len(rows) == len([p for p in FIXTURES.iterdir() if p.suffix != ".expected"]) + 1
    assert dom.count('<mark class="s-error') >= 20  # the title mismatches, marked
    assert "prestige-ml-title" in dom and "Senior AI Engineer" in dom


def test_a_link_can_filter_the_report_by_rule(report, tmp_path):
    dom = _browse(_chromium(), report, tmp_path, "--dump-dom", fragment="#rule=JD404").stdout
    rows = re.findall(r'<tr data-rules="([^"]*)"( hidden="")?>', dom)
    shown = [rules for rules, hidden in rows if not hidden]
    assert shown and all("JD404" in rules.split() for rules in shown)
    assert len(shown) < len(rows)
    assert re.search(r'<span id="shown"[^>]*>\d+ of \d+ shown</span>', dom)


def test_screenshot_of_the_report(report, tmp_path):
    shot = tmp_path / "report.png"
    _browse(_chromium(), report, tmp_path, f"--screenshot={shot}", "--window-size=1280,900")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a page, not a blank
