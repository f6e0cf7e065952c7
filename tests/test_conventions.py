"""What users of ruff, flake8 and yamllint expect: rule selection, exit behaviour,
configuration files, inline suppression and the rule catalogue commands."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PRESTIGE = (FIXTURES / "prestige-ml-woocommerce-chatbot.txt").read_text(encoding="utf-8")
HONEST = (FIXTURES / "honest-ml-engineer-ranking.txt").read_text(encoding="utf-8")
NO_TITLE = (FIXTURES / "missing-title.txt").read_text(encoding="utf-8")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def codes(result) -> list[str]:
    document = json.loads(result.stdout)
    return sorted(f["code"] for entry in document["files"] for f in entry.get("findings", []))


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"  # its parent is this test's own: configs written there stay here
    (root / ".git").mkdir(parents=True)  # the repository root: discovery stops here
    (root / "postings").mkdir()
    (root / "postings" / "ml.txt").write_text(PRESTIGE, encoding="utf-8")
    (root / "postings" / "untitled.txt").write_text(NO_TITLE, encoding="utf-8")
    return root


# -- selection and exit behaviour ------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ((), ["JD101", "JD105"]),
        (("--select", "JD101"), ["JD101"]),
        (("--select", "JD1"), ["JD101", "JD105"]),
        (("--select", "missing-title"), ["JD105"]),
        (("--ignore", "prestige-ml-title"), ["JD105"]),
        (("--ignore", "JD1"), []),
        (("--select", "JD101", "--extend-select", "JD105"), ["JD101", "JD105"]),
        (("--select", "JD101,JD105", "--ignore", "JD105"), ["JD101"]),
    ],
)
def test_selection(repo, flags, expected):
    result = run("--isolated", "--format", "json", *flags, str(repo / "postings"))
    assert codes(result) == expected


def test_unknown_selector_is_a_usage_error(repo):
    result = run("--select", "JD999", str(repo / "postings"))
    assert result.exit_code == 2
    assert "unknown rule, code prefix or name 'JD999'" in result.stderr


def test_fail_on_and_exit_zero(repo):
    untitled = str(repo / "postings" / "untitled.txt")  # only a warning
    assert run("--isolated", untitled).exit_code == 1
    assert run("--isolated", "--fail-on", "error", untitled).exit_code == 0
    assert run("--isolated", "--fail-on", "warning", untitled).exit_code == 1
    assert run("--isolated", "--exit-zero", untitled).exit_code == 0


def test_statistics(repo):
    result = run("--isolated", "--statistics", str(repo / "postings"))
    assert result.stdout.splitlines() == [
        "    1  JD101  prestige-ml-title",
        "    1  JD105  missing-title",
    ]


def test_output_file(repo, tmp_path):
    out = tmp_path / "report.json"
    result = run("--isolated", "--format", "json", "--output", str(out), str(repo / "postings"))
    assert result.stdout == ""
    assert len(json.loads(out.read_text())["files"]) == 2


# -- configuration ----------------------------------------------------------------------------


def test_pyproject_config_is_discovered_from_the_files_folder_upward(repo):
    (repo / "pyproject.toml").write_text(
        textwrap.dedent("""\
        [tool.jdlint]
        ignore = ["JD105"]
        severity = { prestige-ml-title = "warning" }
        """)
    )
    result = run("--format", "json", str(repo / "postings"))
    document = json.loads(result.stdout)
    findings = [f for e in document["files"] for f in e["findings"]]
    assert [(f["code"], f["severity"]) for f in findings] == [("JD101", "warning")]


def test_jdlint_toml_wins_over_pyproject_in_the_same_folder(repo):
    (repo / "pyproject.toml").write_text('[tool.jdlint]\nignore = ["JD105"]\n')
    (repo / ".jdlint.toml").write_text('ignore = ["JD101"]\n')
    assert codes(run("--format", "json", str(repo / "postings"))) == ["JD105"]


def test_nearest_config_wins_and_discovery_stops_at_the_repository_root(repo):
    (repo.parent / ".jdlint.toml").write_text('select = ["JD001"]\n')  # outside the repo
    assert codes(run("--format", "json", str(repo / "postings"))) == ["JD101", "JD105"]
    (repo / "postings" / ".jdlint.toml").write_text('ignore = ["JD101"]\n')
    assert codes(run("--format", "json", str(repo / "postings"))) == ["JD105"]


def test_setup_cfg_config(repo):
    (repo / "setup.cfg").write_text(
        textwrap.dedent("""\
        [metadata]
        name = hr-postings

        [jdlint]
        per-file-ignores =
            postings/untitled.txt: JD105
        fail-on = error
        """)
    )
    result = run("--format", "json", str(repo / "postings"))
    assert codes(result) == ["JD101"]


def test_per_file_ignores_and_exclude(repo):
    (repo / ".jdlint.toml").write_text(
        textwrap.dedent("""\
        exclude = ["postings/untitled.txt"]
        [per-file-ignores]
        "ml.txt" = ["prestige-ml-title"]
        """)
    )
    result = run("--format", "json", str(repo / "postings"))
    document = json.loads(result.stdout)
    assert [Path(e["path"]).name for e in document["files"]] == ["ml.txt"]
    assert codes(result) == []


def test_cli_flags_override_config(repo):
    (repo / ".jdlint.toml").write_text('select = ["JD105"]\nfail-on = "error"\n')
    result = run("--format", "json", "--select", "JD101", str(repo / "postings"))
    assert codes(result) == ["JD101"]
    assert result.exit_code == 1


def test_explicit_config_and_isolated(repo, tmp_path):
    other = tmp_path / "elsewhere.toml"
    other.write_text('ignore = ["JD1"]\n')
    (repo / ".jdlint.toml").write_text('ignore = ["JD105"]\n')
    assert codes(run("--format", "json", "--config", str(other), str(repo / "postings"))) == []
    assert codes(run("--format", "json", "--isolated", str(repo / "postings"))) == [
        "JD101",
        "JD105",
    ]


def test_config_lexicons_are_relative_to_the_config_file(repo):
    (repo / "lex").mkdir()
    (repo / "lex" / "ai.json").write_text(
        json.dumps(
            {
                "role": "ai_engineer",
                "name": "AI Engineer",
                "description": "ours",
                "title": {"terms": [], "heads": []},
                "skills": [
                    {
                        "term": "AcmeRetriever",
                        "variants": ["acmeretriever", "acme retriever"],
                        "weight": 3,
                    }
                ],
                "duties": [],
                "sources": ["test"],
            }
        )
    )
    (repo / ".jdlint.toml").write_text('lexicons = ["lex"]\n')
    (repo / "postings" / "ml.txt").write_text("AI Engineer\n\nBuild agents with AcmeRetriever.\n")
    document = json.loads(run("--format", "json", str(repo / "postings" / "ml.txt")).stdout)
    assert "AcmeRetriever" in [s["canonical"] for s in document["files"][0]["skills"]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selct = ["JD101"]\n', "unknown key 'selct'"),
        ('select = "JD101"\n', "top level.select: 'JD101' is not of type 'array'"),
        ('fail-on = "fatal"\n', "top level.fail-on"),
        ('ignore = ["JD999"]\n', "unknown rule, code prefix or name 'JD999'"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_bad_config_gives_one_clear_error(repo, content, message):
    (repo / ".jdlint.toml").write_text(content)
    result = run(str(repo / "postings"))
    assert result.exit_code == 2
    assert ".jdlint.toml" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_pyproject_unknown_key_names_the_section(repo):
    (repo / "pyproject.toml").write_text('[tool.jdlint]\nfail_on = "error"\n')
    result = run(str(repo / "postings"))
    assert result.exit_code == 2
    assert "pyproject.toml: [tool.jdlint]: unknown key 'fail_on'" in result.stderr


# -- inline suppression ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "directive",
    [
        "<!-- jdlint-disable-next-line JD101 -->\n",
        "<!-- jdlint-disable-next-line prestige-ml-title -->\n",
        "<!-- jdlint-disable-file JD101 -->\n",
        "<!-- jdlint-disable -->\n",
        "jdlint: disable-next-line=JD101\n",
        "jdlint: disable-file=prestige-ml-title\n",
        "jdlint: disable\n",
    ],
)
def test_suppression_forms(lint, directive):
    assert [f.code for f in lint(directive + PRESTIGE).findings] == []


def test_disable_enable_range(lint):
    text = "<!-- jdlint-disable JD101 -->\n<!-- jdlint-enable JD101 -->\n" + PRESTIGE
    found = [f.code for f in lint(text).findings]
    assert "JD101" in found  # re-enabled before the title
    assert "JD001" in found  # and so the disable suppressed nothing


def test_suppression_of_another_rule_does_not_hide_this_one(lint):
    findings = lint("<!-- jdlint-disable-next-line JD102 -->\n" + PRESTIGE).findings
    assert [(f.code, f.line) for f in findings] == [("JD001", 1), ("JD101", 2)]


def test_unused_and_unknown_suppressions_are_reported(lint):
    findings = lint("jdlint: disable-file=JD103\n" + HONEST).findings
    assert [(f.code, f.severity) for f in findings] == [("JD001", "info")]
    assert "suppresses nothing" in findings[0].message
    findings = lint("<!-- jdlint-disable-next-line JD1O1 -->\n" + PRESTIGE).findings
    assert "names unknown rules: JD1O1" in findings[0].message


# -- the rule catalogue commands ---------------------------------------------------------------


def test_rules_command_lists_every_rule():
    from jdlint.rules import ALL_RULES

    lines = run("rules").stdout.splitlines()
    assert len(lines) == len(ALL_RULES)
    assert lines[1].split()[:3] == ["JD101", "prestige-ml-title", "error"]


@pytest.mark.parametrize("key", ["JD102", "jd102", "ai-washing"])
def test_rule_command_explains_one(key):
    result = run("rule", key)
    assert result.exit_code == 0
    assert result.stdout.startswith("JD102 ai-washing (error)")
    assert "Fires on:" in result.stdout


def test_rule_command_unknown():
    result = run("rule", "JD999")
    assert result.exit_code == 2
    assert "unknown rule 'JD999'" in result.stderr


def test_a_config_may_not_name_a_lexicon_outside_its_folder(repo, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "roles.json").write_text("{}")
    (repo / ".jdlint.toml").write_text(f'lexicons = ["{elsewhere}"]\n')
    result = run(str(repo / "postings"))
    assert result.exit_code == 2
    assert "is outside the configuration's folder" in result.stderr
    assert "give it with --lexicon instead" in result.stderr
    (repo / ".jdlint.toml").write_text('lexicons = ["../"]\n')
    assert run(str(repo / "postings")).exit_code == 2


# -- discovery as git sees the repository ---------------------------------------------------


def _paths(result) -> list[str]:
    return sorted(Path(entry["path"]).name for entry in json.loads(result.stdout)["files"])


def test_folders_leave_out_what_git_ignores(repo, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no global excludes of the machine's
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    postings = repo / "postings"
    (postings / "drafts").mkdir()
    (postings / "drafts" / "draft.txt").write_text(HONEST, encoding="utf-8")
    (postings / "sub").mkdir()
    (postings / "sub" / "old.txt").write_text(HONEST, encoding="utf-8")
    (postings / "sub" / "keep.txt").write_text(HONEST, encoding="utf-8")
    (postings / "local.txt").write_text(HONEST, encoding="utf-8")
    (postings / "mine.txt").write_text(HONEST, encoding="utf-8")
    (repo / ".gitignore").write_text("drafts/\n")  # above the folder linted: still applies
    (postings / "sub" / ".gitignore").write_text("*.txt\n!keep.txt\n")  # the deepest decides
    (postings / ".ignore").write_text("local.txt\n")
    (repo / ".git" / "info").mkdir()
    (repo / ".git" / "info" / "exclude").write_text("/postings/mine.txt\n")
    (tmp_path / "home" / ".config" / "git").mkdir(parents=True)
    (tmp_path / "home" / ".config" / "git" / "ignore").write_text("untitled.txt\n")

    result = run("--isolated", "--format", "json", str(postings))
    assert _paths(result) == ["keep.txt", "ml.txt"]
    everything = run("--isolated", "--format", "json", "--no-respect-gitignore", str(postings))
    assert _paths(everything) == [
        "draft.txt",
        "keep.txt",
        "local.txt",
        "mine.txt",
        "ml.txt",
        "old.txt",
        "untitled.txt",
    ]
    # a file named on the command line is linted wherever it lies
    named = run("--isolated", "--format", "json", str(postings / "drafts" / "draft.txt"))
    assert _paths(named) == ["draft.txt"]


def test_exclude_and_per_file_ignores_have_git_semantics(repo):
    (repo / "postings" / "interns").mkdir()
    (repo / "postings" / "interns" / "deep").mkdir()
    (repo / "postings" / "interns" / "a.txt").write_text(NO_TITLE, encoding="utf-8")
    (repo / "postings" / "interns" / "deep" / "b.txt").write_text(NO_TITLE, encoding="utf-8")
    # '*' stays within one folder: interns/deep/b.txt keeps its missing-title finding
    (repo / ".jdlint.toml").write_text('[per-file-ignores]\n"postings/interns/*.txt" = ["JD105"]\n')
    result = json.loads(run("--format", "json", str(repo / "postings" / "interns")).stdout)
    by_name = {Path(e["path"]).name: [f["code"] for f in e["findings"]] for e in result["files"]}
    assert "JD105" not in by_name["a.txt"] and "JD105" in by_name["b.txt"]
    # a matched folder takes everything below it
    (repo / ".jdlint.toml").write_text('exclude = ["postings/interns"]\n')
    assert _paths(run("--format", "json", str(repo / "postings"))) == ["ml.txt", "untitled.txt"]


def test_linting_nothing_says_why(repo, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (repo / ".jdlint.toml").write_text('exclude = ["postings/**"]\n')
    result = run(str(repo / "postings"))
    assert result.exit_code == 0
    assert "exclude patterns leave out all 2 files given, so nothing is linted" in result.stderr
    (repo / ".jdlint.toml").unlink()
    (repo / ".gitignore").write_text("postings/*.txt\n")
    result = run(str(repo / "postings"))
    assert result.exit_code == 2
    assert "that git does not ignore (--no-respect-gitignore lints them)" in result.stderr
