"""Token patterns run around their anchor words find what a Matcher over the whole Doc finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher

from jdlint.token_patterns import AnchoredMatcher

ROOT = Path(__file__).resolve().parents[1]


def _data_patterns() -> list[tuple[str, list]]:
    """Every token pattern in the lexicon data, one label each."""
    out = []
    other = json.loads((ROOT / "lexicons/wordlists/other_work.json").read_text("utf-8"))
    for kind, patterns in other.get("patterns", {}).items():
        out += [(f"{kind}:{n}", [p]) for n, p in enumerate(patterns)]
    for path in sorted((ROOT / "lexicons/wording").glob("*.json")):
        for name, entries in json.loads(path.read_text("utf-8"))["lists"].items():
            for n, entry in enumerate(entries):
                if entry.get("patterns"):
                    out.append((f"{name}:{n}", entry["patterns"]))
    return out


TEXT = (
    "Lead and grow a high-performing team of ML engineers. Hold weekly one-on-ones and "
    "managing data scientists. Must be able to lift up to 35 pounds; stoop, kneel and crouch. "
    "Are you under 36? Join a growing team of engineers. " * 3
)


def test_anchored_matches_equal_the_whole_doc_matcher():
    nlp = spacy.blank("en")
    patterns = _data_patterns()
    assert len(patterns) >= 5
    doc = nlp(TEXT)
    plain = Matcher(nlp.vocab)
    for label, label_patterns in patterns:
        plain.add(label, label_patterns)
    anchored = AnchoredMatcher(nlp.vocab, patterns)
    assert anchored(doc) == sorted(set(plain(doc)), key=lambda m: (m[1], m[2], m[0]))
    assert anchored(doc)  # the text holds matches of several patterns


def test_a_pattern_without_a_word_to_anchor_it_is_refused():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="no required word"):
        AnchoredMatcher(nlp.vocab, [("x", [[{"LIKE_NUM": True}, {"LOWER": "of"}]])])
