"""Accuracy on the bundled fixtures: duty-role accuracy per role and overall, title-role
accuracy, and mismatch precision / recall per rule.

    python evaluation/fixtures.py [--show]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from jdlint.linter import Linter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MISMATCH = ("prestige-ml-title", "ai-washing", "under-titled-ai", "title-duty-mismatch")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every fixture's outcome")
    args = parser.parse_args()
    expected_files = sorted(FIXTURES.glob("*.expected"))
    postings = [
        next(p for p in FIXTURES.glob(e.name.replace(".expected", ".*")) if p != e)
        for e in expected_files
    ]
    results = Linter().lint_files(postings)
    role_total, role_right = Counter(), Counter()
    title_right = 0
    tp, fp, fn = Counter(), Counter(), Counter()
    for expected_file, result in zip(expected_files, results, strict=True):
        expected = json.loads(expected_file.read_text())
        primary = result.profile.primary if result.profile else None
        wanted = expected["primary"]
        wanted = wanted if isinstance(wanted, list) else [wanted]  # any of a split's roles
        role_total[" or ".join(map(str, wanted))] += 1
        role_right[" or ".join(map(str, wanted))] += primary in wanted
        title_roles = list(result.title.roles) if result.title else []
        title_right += title_roles == expected["title_roles"]
        got = {f.name for f in result.findings} & set(MISMATCH)
        want = set(expected["findings"]) & set(MISMATCH)
        for name in MISMATCH:
            tp[name] += name in got and name in want
            fp[name] += name in got and name not in want
            fn[name] += name in want and name not in got
        if args.show:
            mark = "ok " if (primary in wanted and got == want) else "BAD"
            print(
                f"{mark} {result.path}: primary={primary} want={expected['primary']} "
                f"findings={sorted(got)} want={sorted(want)} title={title_roles}"
            )
    n = len(results)
    print(f"fixtures: {n}")
    print(f"title roles right: {title_right}/{n}")
    right = sum(role_right.values())
    print(f"duty role accuracy: {right}/{n} = {right / n:.3f}")
    for role in sorted(role_total, key=str):
        print(f"  {role}: {role_right[role]}/{role_total[role]}")
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    for name in MISMATCH:
        print(f"  {name}: tp={tp[name]} fp={fp[name]} fn={fn[name]}")
    precision = all_tp / (all_tp + all_fp) if all_tp + all_fp else 1.0
    recall = all_tp / (all_tp + all_fn) if all_tp + all_fn else 1.0
    print(
        f"mismatch precision {precision:.3f} recall {recall:.3f} "
        f"(tp={all_tp} fp={all_fp} fn={all_fn})"
    )


if __name__ == "__main__":
    main()
