"""How often each rule fires on the 9,689 real postings of ../shared/data/ats_2025, and findings
drawn per rule for judging by hand.

    python evaluation/wording.py                    # share of postings flagged, per rule
    python evaluation/wording.py --sample 5         # and 5 findings of every rule that fires
    python evaluation/wording.py --rule unicorn-posting --sample 20
    python evaluation/wording.py --limit 2000 --json shares.json
    python evaluation/wording.py --sample 5 --total 150 --seed 12 --draws /tmp/draws.json

The postings are read from ../shared (never copied into the repository). A drawn finding is
printed with its line (or the text around it), the posting's id and title, so that a person
can judge it right or wrong; the judged samples and their per-rule precision are kept in
``evaluation/hand_check.md``. Draws are seeded (``--seed``), so a sample can be drawn again.

A draw is stratified: ``--sample N`` findings of every rule that fires, and with ``--total T``
more of the frequent rules (T spread over the rules by the square root of how many postings
each flags, never fewer than N). Within a rule, findings come from as many companies as there
are before a company gives a second one: many companies post one template many times, and
forty copies of one sentence would judge the template, not the rule. Every rule runs, those
off by default too. The findings of a run are cached under ``evaluation/.cache`` by a digest
of jdlint's code and data, so that drawing again with another seed does not lint the 9,689
postings again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import pickle
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ats  # noqa: E402

from jdlint.config import Config  # noqa: E402
from jdlint.linter import Linter  # noqa: E402
from jdlint.rules import rule_by_code_or_name  # noqa: E402
from jdlint.source import Source  # noqa: E402

CONTEXT = 160  # characters shown on either side of a finding on a long line
LONG_LINE = 600  # a line up to this long is shown whole


def _digest(rows: list[dict]) -> str:
    """What the findings depend on: jdlint's code, lexicons and weights, and the postings."""
    h = hashlib.sha256()
    root = ats.ROOT
    for path in sorted([*(root / "jdlint").rglob("*.py"), *(root / "lexicons").rglob("*.json")]):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    ends = f"{len(rows)}:{rows[0]['id']}:{rows[-1]['id']}" if rows else "0"
    h.update(ends.encode())
    return h.hexdigest()[:16]


def lint_all(rows: list[dict], cache: bool = True) -> list:
    """Every posting's findings (every rule, those off by default too), cached by digest."""
    path = ats.CACHE / f"wording-{_digest(rows)}.pkl"
    if cache and path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    linter = Linter(config=Config(select=("ALL",)))
    results = list(linter.lint_sources(Source(r["id"], ats.posting_text(r)) for r in rows))
    if cache:
        ats.CACHE.mkdir(parents=True, exist_ok=True)
        for old in ats.CACHE.glob("wording-*.pkl"):
            old.unlink()
        with path.open("wb") as f:
            pickle.dump(results, f)
    return results


def shares(rows: list[dict], results: list) -> dict[str, float]:
    """The share of postings with at least one finding of each rule."""
    flagged = Counter(name for result in results for name in {f.name for f in result.findings})
    return {name: flagged[name] / len(rows) for name in sorted(flagged)}


def allocation(counts: dict[str, int], per_rule: int, total: int) -> dict[str, int]:
    """How many findings to draw of each rule: ``per_rule`` each, and ``total`` spread by the
    square root of each rule's count (more for frequent rules, never fewer than ``per_rule``),
    never more than a rule has."""
    weight = {name: math.sqrt(n) for name, n in counts.items()}
    whole = sum(weight.values()) or 1.0
    return {
        name: min(n, max(per_rule, round(total * weight[name] / whole) if total else 0))
        for name, n in counts.items()
    }


def draw(
    rows: list[dict], results: list, per_rule: int, seed: int, rules: set[str], total: int = 0
):
    """Findings of each rule (of ``rules``, or all), each from a different posting, in a
    seeded random order that takes one posting of every company before a second of any."""
    by_rule: dict[str, list] = {}
    for row, result in zip(rows, results, strict=True):
        for name in sorted({f.name for f in result.findings}):
            if not rules or name in rules:
                first = next(f for f in result.findings if f.name == name)
                by_rule.setdefault(name, []).append((row, first))
    wanted = allocation({name: len(found) for name, found in by_rule.items()}, per_rule, total)
    for name in sorted(by_rule):
        found = by_rule[name]
        # one generator per rule: a rule's draw does not move when another rule's count does
        random.Random(f"{seed}:{name}").shuffle(found)
        turn: dict[str, int] = {}
        order = []
        for index, (row, finding) in enumerate(found):
            company = str(row.get("company", "")).lower()
            turn[company] = turn.get(company, -1) + 1
            order.append((turn[company], index, row, finding))
        order.sort(key=lambda t: (t[0], t[1]))
        yield name, [(row, finding) for _, _, row, finding in order[: wanted[name]]]


def show(row: dict, finding) -> str:
    """The finding with its line (the text around it on a long line) for a person to judge."""
    text = ats.posting_text(row)
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > LONG_LINE:
        line_start = max(line_start, finding.start - CONTEXT)
        line_end = min(line_end, finding.end + CONTEXT)
    before = text[line_start : finding.start]
    span = text[finding.start : finding.end]
    after = text[finding.end : line_end]
    return (
        f"{row['id']} | {row['title'][:80]}\n"
        f"   {finding.code} {finding.name} @{finding.start}-{finding.end}: "
        f"{finding.message[:400]}\n"
        f"   ...{before}[[{span}]]{after}..."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N postings")
    parser.add_argument("--sample", type=int, default=0, help="N findings drawn per rule")
    parser.add_argument("--rule", action="append", default=[], help="only this rule's draws")
    parser.add_argument("--total", type=int, default=0, help="about T findings in all")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", type=Path, help="write the shares to this file")
    parser.add_argument("--draws", type=Path, help="write the drawn findings to this JSON file")
    parser.add_argument("--no-cache", action="store_true", help="lint again, ignore the cache")
    args = parser.parse_args()
    rows = ats.postings()
    if args.limit:
        rows = rows[: args.limit]
    results = lint_all(rows, cache=not args.no_cache)
    found = shares(rows, results)
    print(f"postings: {len(rows)}")
    print(f"{'rule':<28} {'share flagged':>13}")
    for name, share in sorted(found.items(), key=lambda kv: -kv[1]):
        off = "" if rule_by_code_or_name(name).default else "  (off by default)"
        print(f"{name:<28} {share:>13.3%}{off}")
    if args.json:
        args.json.write_text(json.dumps(found, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.sample:
        drawn = []
        picks = draw(rows, results, args.sample, args.seed, set(args.rule), args.total)
        for name, picked in picks:
            print(f"\n== {name} ({len(picked)} drawn)")
            for n, (row, finding) in enumerate(picked, 1):
                print(f"{n}. {show(row, finding)}")
                drawn.append(
                    {"id": row["id"], "rule": name, "start": finding.start, "end": finding.end}
                )
        if args.draws:
            args.draws.write_text(json.dumps(drawn, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
