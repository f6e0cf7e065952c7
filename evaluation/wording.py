"""How often each rule fires on the 9,689 real postings of ../shared/data/ats_2025, and findings
drawn per rule for judging by hand.

    python evaluation/wording.py                    # share of postings flagged, per rule
    python evaluation/wording.py --sample 5         # and 5 findings of every rule that fires
    python evaluation/wording.py --rule unicorn-posting --sample 20
    python evaluation/wording.py --limit 2000 --json shares.json

The postings are read from ../shared (never copied into the repository). A drawn finding is
printed with the text around it, the posting's id and title, so that a person can judge it
right or wrong; the judged samples and their per-rule precision are kept in
``evaluation/hand_check.md``. Draws are seeded (``--seed``), so a sample can be drawn again.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ats  # noqa: E402

from jdlint.linter import Linter  # noqa: E402
from jdlint.source import Source  # noqa: E402

CONTEXT = 160  # characters shown on either side of a finding


def lint_all(rows: list[dict]) -> list:
    linter = Linter()
    return list(linter.lint_sources(Source(r["id"], ats.posting_text(r)) for r in rows))


def shares(rows: list[dict], results: list) -> dict[str, float]:
    """The share of postings with at least one finding of each rule."""
    flagged = Counter(name for result in results for name in {f.name for f in result.findings})
    return {name: flagged[name] / len(rows) for name in sorted(flagged)}


def draw(rows: list[dict], results: list, per_rule: int, seed: int, rules: set[str]):
    """Up to ``per_rule`` findings of each rule (of ``rules``, or all), each from a different
    posting where there are enough, in a seeded random order."""
    by_rule: dict[str, list] = {}
    for row, result in zip(rows, results, strict=True):
        for name in sorted({f.name for f in result.findings}):
            if not rules or name in rules:
                first = next(f for f in result.findings if f.name == name)
                by_rule.setdefault(name, []).append((row, first))
    rng = random.Random(seed)
    for name in sorted(by_rule):
        found = by_rule[name]
        rng.shuffle(found)
        yield name, found[:per_rule]


def show(row: dict, finding) -> str:
    text = ats.posting_text(row)
    before = text[max(0, finding.start - CONTEXT) : finding.start].replace("\n", " / ")
    span = text[finding.start : finding.end].replace("\n", " / ")
    after = text[finding.end : finding.end + CONTEXT].replace("\n", " / ")
    return (
        f"{row['id']} | {row['title'][:80]}\n"
        f"   {finding.code} {finding.name}: {finding.message[:400]}\n"
        f"   ...{before}[[{span}]]{after}..."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N postings")
    parser.add_argument("--sample", type=int, default=0, help="N findings drawn per rule")
    parser.add_argument("--rule", action="append", default=[], help="only this rule's draws")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", type=Path, help="write the shares to this file")
    args = parser.parse_args()
    rows = ats.postings()
    if args.limit:
        rows = rows[: args.limit]
    results = lint_all(rows)
    found = shares(rows, results)
    print(f"postings: {len(rows)}")
    print(f"{'rule':<28} {'share flagged':>13}")
    for name, share in sorted(found.items(), key=lambda kv: -kv[1]):
        print(f"{name:<28} {share:>13.3%}")
    if args.json:
        args.json.write_text(json.dumps(found, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.sample:
        for name, picked in draw(rows, results, args.sample, args.seed, set(args.rule)):
            print(f"\n== {name} ({len(picked)} drawn)")
            for n, (row, finding) in enumerate(picked, 1):
                print(f"{n}. {show(row, finding)}")


if __name__ == "__main__":
    main()
