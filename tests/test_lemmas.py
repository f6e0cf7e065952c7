"""The English lemma table jdlint ships: read from package data, credited, and a clear warning
(not a silent fallback) when it cannot be read."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import pytest

from jdlint import lemmas

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "jdlint" / "data"


def test_table_gives_lemmas_of_inflected_words():
    table = lemmas.lemma_table()
    assert len(table) > 40_000
    assert lemmas.lemma_of("Training", table) == "train"
    assert lemmas.lemma_of("built", table) == "build"
    assert lemmas.lemma_of("LLMs", table) == "llm"  # not in the table: plural stripped


def test_unreadable_table_warns_and_falls_back_to_spelling(monkeypatch):
    monkeypatch.setattr(lemmas, "TABLE_FILE", "no-such-table.json.gz")
    lemmas.lemma_table.cache_clear()
    try:
        with pytest.warns(lemmas.LemmaTableWarning, match="no-such-table.json.gz"):
            table = lemmas.lemma_table()
    finally:
        lemmas.lemma_table.cache_clear()
    assert table == {}
    assert lemmas.lemma_of("Training", table) == "training"


def test_reading_the_table_needs_no_lookup_package():
    # The table must come from jdlint's own data even where spacy-lookups-data is importable.
    code = (
        "import sys; sys.modules['spacy_lookups_data'] = None\n"
        "from jdlint.lemmas import lemma_table\n"
        "assert lemma_table().get('trained') == 'train'\n"
        "assert 'spacy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-W", "error", "-c", code], check=True)


def test_table_is_package_data_with_its_licence_and_no_lookup_dependency():
    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg")
    assert "spacy-lookups-data" not in setup["options"]["install_requires"]
    assert "data/*.json.gz" in setup["options.package_data"]["jdlint"]
    assert "data/*.txt" in setup["options.package_data"]["jdlint"]
    notice = (DATA / "LICENSE-lemma-lookup.txt").read_text(encoding="utf-8")
    assert lemmas.TABLE_FILE in notice
    assert "MIT License" in notice and "ExplosionAI GmbH" in notice
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in notice
