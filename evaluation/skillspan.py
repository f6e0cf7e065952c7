"""jdlint over the 198 real SkillSpan postings in ../shared/data.

Reports how many postings get each finding (a mismatch finding on these mostly ordinary
software jobs is a false alarm unless a reader agrees), the primary roles found, and the
overlap F1 of jdlint's skills against SkillSpan's gold KNOWLEDGE spans.

    python evaluation/skillspan.py [--data PATH] [--show] [--rule NAME ...]

``--rule`` prints that rule's findings with the line they stand on, for checking by hand;
``--sample N`` prints N findings drawn across the rules (round robin over the rules that fired,
a seeded random finding of each). The per-rule precision check is now evaluation/wording.py
on the 9,689 ats_2025 postings (evaluation/hand_check.md).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from jdlint.linter import Linter
from jdlint.source import Source

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/skillspan_train_dev.jsonl"


Spans = list[tuple[int, int]]


def overlap_f1(predicted: Spans, gold: Spans) -> tuple[int, int, int]:
    """(true predictions, predictions, gold found): a span counts when it overlaps one opposite."""

    def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    hit_pred = sum(1 for p in predicted if any(overlaps(p, g) for g in gold))
    hit_gold = sum(1 for g in gold if any(overlaps(p, g) for p in predicted))
    return hit_pred, len(predicted), hit_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", action="store_true", help="print every finding")
    parser.add_argument("--rule", action="append", default=[], help="print this rule's findings")
    parser.add_argument("--sample", type=int, default=0, help="print N findings across rules")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    linter = Linter()
    results = list(linter.lint_sources(Source(r["id"], r["text"]) for r in rows))

    findings, postings, primaries, titled = Counter(), Counter(), Counter(), 0
    tp = npred = gold_hit = ngold = 0
    for row, result in zip(rows, results, strict=True):
        titled += result.title is not None
        primaries[result.profile.primary if result.profile else None] += 1
        postings.update({f.name for f in result.findings})
        for f in result.findings:
            findings[f.name] += 1
            if f.name in args.rule:
                line = row["text"].splitlines()[f.line - 1]
                print(f"{row['id']}:{f.line}:{f.column}: {f.name}: {f.message}\n    | {line}\n")
            if args.show:
                title = result.title.text if result.title else None
                print(f"{row['id']}: {f.code} {f.name} | title={title!r}\n    {f.message}\n")
        gold = [(s["start"], s["end"]) for s in row["spans"] if s["label"] == "KNOWLEDGE"]
        a, b, c = overlap_f1([(s.start, s.end) for s in result.skills], gold)
        tp, npred, gold_hit, ngold = tp + a, npred + b, gold_hit + c, ngold + len(gold)

    if args.sample:
        _print_sample(rows, results, args.sample, args.seed)
    precision = tp / npred if npred else 0.0
    recall = gold_hit / ngold if ngold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    mismatch = {"prestige-ml-title", "ai-washing", "under-titled-ai", "title-duty-mismatch"}
    flagged = sum(1 for r in results if any(f.name in mismatch for f in r.findings))
    print(f"postings: {len(rows)}; with a title found: {titled}")
    print(f"postings with a mismatch finding: {flagged}")
    print(f"{'rule':<26} {'postings':>8} {'findings':>8}")
    for name, count in sorted(postings.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{name:<26} {count:>8} {findings[name]:>8}")
    print("primary duty roles:", dict(primaries.most_common()))
    print(
        f"skills vs KNOWLEDGE spans (overlap): precision {precision:.3f} "
        f"recall {recall:.3f} F1 {f1:.3f} ({npred} predicted, {ngold} gold)"
    )


def _print_sample(rows: list[dict], results: list, size: int, seed: int) -> None:
    import random

    by_rule: dict[str, list] = {}
    for row, result in zip(rows, results, strict=True):
        for f in result.findings:
            by_rule.setdefault(f.name, []).append((row, f))
    rng = random.Random(seed)
    for found in by_rule.values():
        rng.shuffle(found)
    picked, rules = [], sorted(by_rule)
    while len(picked) < size and any(by_rule.values()):
        for rule in rules:
            if by_rule[rule] and len(picked) < size:
                picked.append(by_rule[rule].pop())
    for n, (row, f) in enumerate(picked, 1):
        line = row["text"].splitlines()[f.line - 1]
        at = f.column - 1
        context = line[max(0, at - 100) : at + 120]
        print(f"{n}. {row['id']}:{f.line}:{f.column} {f.name}: {f.message}\n   | {context}\n")


if __name__ == "__main__":
    main()
