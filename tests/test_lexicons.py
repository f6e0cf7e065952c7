"""Lexicons are data under test: schema-valid, no duplicates, every role present, user files
extend or override by role id, and a broken file gives one clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdlint.errors import LexiconError
from jdlint.lexicon import _validator, load_lexicon, load_role_file
from jdlint.roles import ROLE_IDS

ROOT = Path(__file__).resolve().parents[1]
LEXICON_FILES = sorted((ROOT / "lexicons").glob("*.json"))
WORDLIST_FILES = sorted((ROOT / "lexicons" / "wordlists").glob("*.json"))


def test_every_role_has_exactly_one_lexicon_file():
    assert sorted(p.stem for p in LEXICON_FILES) == sorted(ROLE_IDS)


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda p: p.stem)
def test_role_lexicon_is_valid_and_has_no_duplicate_terms(path):
    lexicon = load_role_file(path)  # validates against the schema and checks duplicates
    assert lexicon.role == path.stem
    assert lexicon.skills and lexicon.duties and lexicon.title.terms and lexicon.title.heads
    assert lexicon.sources


@pytest.mark.parametrize("path", WORDLIST_FILES, ids=lambda p: p.stem)
def test_wordlist_is_valid(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert not list(_validator("wordlist.schema.json").iter_errors(data))


WORDING_FILES = sorted((ROOT / "lexicons" / "wording").glob("*.json"))


def test_every_wording_file_is_loaded():
    from jdlint.lexicon import WORDING_FILES as LOADED

    assert sorted(p.stem for p in WORDING_FILES) == sorted(LOADED)


@pytest.mark.parametrize("path", WORDING_FILES, ids=lambda p: p.stem)
def test_wording_file_is_valid_sourced_and_has_no_repeated_phrase(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert not list(_validator("wording.schema.json").iter_errors(data))
    assert data["sources"]
    for name, entries in data["lists"].items():
        seen: set[tuple[str, bool]] = set()
        for entry in entries:
            exact = entry.get("case_sensitive", False)
            for form in (entry["phrase"], *entry.get("variants", ())):
                key = (form if exact else form.lower(), exact)
                assert key not in seen, f"{path.name}: {name}: '{form}' twice"
                seen.add(key)


def test_every_wording_list_is_read_by_the_code():
    """A list nobody reads is dead data: each name appears in the package's code."""
    code = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "jdlint").rglob("*.py"))
    lists = {name for p in WORDING_FILES for name in json.loads(p.read_text())["lists"]}
    assert {name for name in lists if f'"{name}"' not in code} == set()


def test_lexicons_drawn_from_shared_data_credit_it():
    credited = [
        p
        for p in LEXICON_FILES
        if any("CC BY 4.0" in s for s in json.loads(p.read_text(encoding="utf-8"))["sources"])
    ]
    assert credited  # O*NET and SkillSpan are CC BY 4.0: attribution travels with the data


def _write(tmp_path: Path, name: str, data: dict) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _role(**overrides):
    data = {
        "role": "ai_engineer",
        "name": "AI Engineer",
        "description": "test",
        "title": {"terms": ["ai"], "heads": ["engineer"]},
        "skills": [
            {"term": "AcmeRetriever", "variants": ["acmeretriever", "acme retriever"], "weight": 3}
        ],
        "duties": [],
        "sources": ["test"],
    }
    data.update(overrides)
    return data


def test_malformed_lexicon_names_file_and_json_path(tmp_path):
    bad = _role(skills=[{"term": "X", "weight": "heavy"}])
    path = _write(tmp_path, "bad.json", bad)
    with pytest.raises(LexiconError) as error:
        load_lexicon([path])
    assert str(path) in str(error.value)
    assert "$.skills[0].weight" in str(error.value)


def test_lexicon_that_is_not_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.json:1:2: not valid JSON"):
        load_lexicon([path])


def test_duplicate_terms_within_a_role_are_refused(tmp_path):
    dup = _role(
        skills=[
            {"term": "A", "variants": ["shared"], "weight": 1},
            {"term": "B", "variants": ["shared"], "weight": 1},
        ]
    )
    with pytest.raises(LexiconError, match="'shared' is listed under both 'A' and 'B'"):
        load_lexicon([_write(tmp_path, "dup.json", dup)])


def test_user_lexicon_extends_a_role_by_id(tmp_path, linter):
    from jdlint.linter import Linter

    extended = Linter(lexicons=[_write(tmp_path, "extra.json", _role())])
    assert any(s.term == "AcmeRetriever" for s in extended.lexicon.roles["ai_engineer"].skills)
    assert any(s.term == "LangChain" for s in extended.lexicon.roles["ai_engineer"].skills)
    text = "AI Engineer\n\n- Build search with AcmeRetriever\n"
    assert any(s.canonical == "AcmeRetriever" for s in extended.lint_text(text).skills)
    assert not any(s.canonical == "AcmeRetriever" for s in linter.lint_text(text).skills)


def test_user_lexicon_folder_and_missing_path(tmp_path):
    folder = tmp_path / "lex"
    folder.mkdir()
    _write(folder, "ai.json", _role())
    assert "ai_engineer" in load_lexicon([folder]).roles
    with pytest.raises(LexiconError, match="no such lexicon file or folder"):
        load_lexicon([tmp_path / "nope"])


def test_builtin_data_is_not_validated_at_run_time_but_user_files_are(tmp_path, monkeypatch):
    from jdlint import lexicon

    validated: list[str] = []
    real = lexicon._validator

    def spy(schema_name):
        validated.append(schema_name)
        return real(schema_name)

    monkeypatch.setattr(lexicon, "_validator", spy)
    lexicon._load.cache_clear()
    try:
        load_lexicon()
        assert validated == []  # the tests above validate jdlint's own files instead
        with pytest.raises(LexiconError, match=r"\$\.skills\[0\]\.weight"):
            load_lexicon(
                [_write(tmp_path, "bad.json", _role(skills=[{"term": "X", "weight": "x"}]))]
            )
        assert validated == ["role-lexicon.schema.json"]
        weights = tmp_path / "weights.json"
        weights.write_text('{"not": "weights"}', encoding="utf-8")
        with pytest.raises(LexiconError, match="weights.json"):
            load_lexicon(weights=weights)
        assert validated[-1] == "role-weights.schema.json"
    finally:
        lexicon._load.cache_clear()


def test_role_weights_file_is_valid():
    path = ROOT / "lexicons" / "weights" / "roles.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert not list(_validator("role-weights.schema.json").iter_errors(data))
