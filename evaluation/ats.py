"""The 2025 job-board postings in ../shared/data/ats_2025 (9,689 postings, 391 labelled), read
where they are (never copied into the repository), and what the role model is fitted on.

- ``postings()`` and ``labels()`` read the data; ``posting_text`` is the text jdlint lints
  (title, blank line, body), as ``../shared/eval/score_roles.py`` writes it.
- ``weak_label`` reads a label from a title alone: a title that claims exactly one role is a
  posting of that role, a title whose head is a job of no role ("Account Executive",
  "Engineering Manager") is ``other``; any other title gives no label.
- ``folds`` splits the labelled postings for cross-validation, one company in one fold only
  (several companies repeat one template: a template must not be on both sides).
- ``extract_mentions`` runs the pipeline once over postings and keeps each one's mentions,
  cached under ``evaluation/.cache`` by a digest of the code and lexicons that make them.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ats_2025"
CACHE = ROOT / "evaluation" / ".cache"


def postings(path: Path = DATA / "postings.jsonl") -> list[dict]:
    """Every posting, in file order."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def labels(path: Path = DATA / "labels.jsonl") -> dict[str, dict]:
    """The labelled postings by id."""
    with path.open(encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def posting_text(row: dict) -> str:
    """The text jdlint lints for a posting: the title, a blank line and the body."""
    return row["title"].strip() + "\n\n" + row["text"].strip() + "\n"


# Many 2025 "AI Engineer" titles describe training models (RUBRIC.md: the whole point of the
# tool): only a title that names the integration work itself labels a posting ai_engineer.
AI_INTEGRATION_TITLE = re.compile(
    r"\b(llms?|gen ?ai|generative|prompt|agents?|agentic|applied ai|conversational|rag|gpt|"
    r"chatbots?|ai (?:solutions|applications?|integration|automation|product|deployment))\b",
    re.IGNORECASE,
)


def weak_label(title: str, lexicon) -> str | None:
    """The role a title alone names unambiguously, ``other`` for a job of no role, or None."""
    from jdlint.title import parser_for

    parser = parser_for(lexicon)
    reading = parser.read(title)
    if reading.roles == ("ai_engineer",) and not AI_INTEGRATION_TITLE.search(title):
        return None
    if len(reading.roles) == 1:
        return reading.roles[0]
    if not reading.roles and reading.head in parser.non_role_heads:
        return "other"
    return None


def folds(ids: Iterable[str], rows: dict[str, dict], k: int = 5) -> list[list[str]]:
    """``k`` folds of the labelled ids, each company wholly in one fold; companies are dealt
    largest first to the smallest fold, so the folds come out even and always the same."""
    by_company: dict[str, list[str]] = {}
    for pid in sorted(ids):
        by_company.setdefault(rows[pid]["company"].lower(), []).append(pid)
    out: list[list[str]] = [[] for _ in range(k)]
    for company in sorted(by_company, key=lambda c: (-len(by_company[c]), c)):
        smallest = min(range(k), key=lambda n: (len(out[n]), n))
        out[smallest].extend(by_company[company])
    return out


def _digest() -> str:
    """What the mentions depend on: jdlint's code and lexicons, not the fitted weights."""
    h = hashlib.sha256()
    for path in sorted([*(ROOT / "jdlint").rglob("*.py"), *(ROOT / "lexicons").rglob("*.json")]):
        if "weights" in path.parts:
            continue
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def extract_mentions(rows: list[dict], cache: bool = True) -> dict[str, list]:
    """Each posting's mentions (``jdlint.role_profile.mentions``) by id, from one pipeline run
    (about a minute for the 9,689 postings), cached by the digest of the code and lexicons."""
    from jdlint.linter import Linter
    from jdlint.role_profile import mentions

    path = CACHE / f"mentions-{_digest()}-{len(rows)}.pkl"
    if cache and path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    linter = Linter()
    texts = (linter._make_doc(posting_text(r)) for r in rows)
    out = {}
    disable = ["jdlint_roles", "jdlint_wording"]
    for row, doc in zip(rows, linter.nlp.pipe(texts, batch_size=64, disable=disable), strict=True):
        out[row["id"]] = mentions(doc)
    if cache:
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob("mentions-*.pkl"):
            old.unlink()
        with path.open("wb") as f:
            pickle.dump(out, f)
    return out
