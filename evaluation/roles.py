"""jdlint's title, duty-role and mismatch verdicts on the 391 labelled real postings.

    python evaluation/roles.py            # dev figures, swapped recall, out-of-fold figures
    python evaluation/roles.py -v         # also every wrong verdict
    python evaluation/roles.py --weights w.json   # another fitted weights file
    python evaluation/roles.py --curve    # and the precision/recall curve, out of fold

Prints, on the labelled postings of ../shared/data/ats_2025 (read there, never copied):

- title roles read exactly as labelled (the whole set), and as ``score_roles.py`` counts them
  (any claimed role right);
- duty-role accuracy, macro-F1, recall of ``other`` (no technical role) and the confusion;
- mismatch precision and recall over "clear" against "none" labels, also with each company's
  template counted once (one company's template is 22 of the 28 clear mismatches);
- recall on title-swapped copies (``score_roles.py --swapped``: a real posting whose duties are
  clearly one role, titled as a distant one);
- the same figures out of fold: the mismatch thresholds chosen on four folds of companies and
  applied to the fifth (``mismatch.py``), and duty accuracy with the ratio of the title's
  tie-break between neighbouring roles (``role_profile.TITLE_TIE_RATIO``) chosen the same way.
  The role weights are fitted on weakly labelled postings that exclude all 391
  (``train_roles.py``), so their figures are out of sample.

The figures use the metric definitions of ``../shared/eval/score_roles.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ats  # noqa: E402

from jdlint.linter import Linter  # noqa: E402
from jdlint.role_profile import TITLE_TIE_RATIO  # noqa: E402
from jdlint.source import Source  # noqa: E402

SCORER = ats.ROOT.parent / "shared" / "eval" / "score_roles.py"
KIND_BY_NAME = {
    "prestige-ml-title": "prestige_ml",
    "ai-washing": "ai_washing",
    "under-titled-ai": "under_titled",
    "title-duty-mismatch": "other",
}


@dataclass(frozen=True)
class Verdict:
    """What jdlint said of one posting."""

    title_roles: frozenset[str]
    primary: str  # "other" for no primary role
    kinds: frozenset[str]  # mismatch kinds reported


def scorer():
    """../shared/eval/score_roles.py as a module (for its title swaps)."""
    spec = importlib.util.spec_from_file_location("score_roles", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lint(texts: dict[str, str], weights: Path | None = None) -> dict[str, Verdict]:
    """jdlint's verdict on each text, by id."""
    linter = Linter(role_weights=weights)
    ids = sorted(texts)
    out = {}
    results = linter.lint_sources([Source(p, texts[p]) for p in ids])
    for pid, result in zip(ids, results, strict=True):
        claimed = frozenset(result.title.roles if result.title else ())
        primary = (result.profile.primary if result.profile else None) or "other"
        kinds = frozenset(KIND_BY_NAME[f.name] for f in result.findings if f.name in KIND_BY_NAME)
        out[pid] = Verdict(claimed, primary, kinds)
    return out


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def report(gold: dict[str, dict], got: dict[str, Verdict], rows: dict[str, dict], verbose: bool):
    """Print the figures of verdicts ``got`` against labels ``gold``."""
    n = len(gold)
    exact = sum(got[p].title_roles == (set(g["title_roles"]) - {"other"}) for p, g in gold.items())
    anyright = sum(
        bool(got[p].title_roles & set(g["title_roles"]))
        or (not got[p].title_roles and g["title_roles"] == ["other"])
        for p, g in gold.items()
    )
    confusion = Counter((g["duty_role"], got[p].primary) for p, g in gold.items())
    roles = sorted({a for a, _ in confusion} | {b for _, b in confusion})
    gold_roles = sorted({g["duty_role"] for g in gold.values()})
    per_role = {}
    for role in roles:
        t = confusion[role, role]
        predicted = sum(confusion[a, role] for a in roles)
        actual = sum(confusion[role, b] for b in roles)
        per_role[role] = (t / predicted if predicted else 0.0, t / actual if actual else 0.0)
    macro = sum(f1(*per_role[r]) for r in gold_roles) / len(gold_roles)
    duty = sum(confusion[r, r] for r in roles) / n
    other_recall = per_role.get("other", (0, 0))[1]
    print(
        f"n={n} title exact={exact / n:.3f} title any={anyright / n:.3f} duty={duty:.3f} "
        f"macroF1={macro:.3f} other recall={other_recall:.3f}"
    )
    if verbose:
        print(" " * 19 + " ".join(r[:6].rjust(6) for r in roles))
        for a in roles:
            print(a.ljust(19) + " ".join(str(confusion[a, b]).rjust(6) for b in roles))
    mismatch(gold, got, rows, verbose)
    if verbose:
        for p, g in sorted(gold.items()):
            v = got[p]
            if v.primary != g["duty_role"]:
                print(f"  duty {g['duty_role']} got {v.primary}: {rows[p]['title']} ({p})")
            if v.title_roles != set(g["title_roles"]) - {"other"}:
                print(f"  title {g['title_roles']} got {sorted(v.title_roles)}: {rows[p]['title']}")


def mismatch(gold: dict[str, dict], got: dict[str, Verdict], rows: dict[str, dict], verbose: bool):
    tp = fp = fn = kind_ok = 0
    # Each company's clear mismatches of one kind are one case; its share found is its recall.
    cases: dict[tuple[str, str], list[bool]] = {}
    false_cases = set()
    for p, g in sorted(gold.items()):
        found = bool(got[p].kinds)
        if g["mismatch"] == "clear":
            tp += found
            fn += not found
            kind_ok += g["mismatch_kind"] in got[p].kinds
            cases.setdefault((rows[p]["company"], g["mismatch_kind"]), []).append(found)
            if verbose and not found:
                print(f"  missed {g['mismatch_kind']}: {rows[p]['title']} ({p})")
        elif g["mismatch"] == "none" and found:
            fp += 1
            false_cases.add((rows[p]["company"], *sorted(got[p].kinds)))
            if verbose:
                print(f"  false alarm {sorted(got[p].kinds)}: {rows[p]['title']} ({p})")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    case_found = sum(sum(v) / len(v) for v in cases.values())
    case_recall = case_found / len(cases) if cases else 0.0
    found_cases = sum(any(v) for v in cases.values())
    case_precision = (
        found_cases / (found_cases + len(false_cases)) if found_cases + len(false_cases) else 0.0
    )
    print(
        f"mismatch P={precision:.3f} R={recall:.3f} (tp={tp} fp={fp} fn={fn}, kind right "
        f"{kind_ok}/{tp}); one case per company template: P={case_precision:.3f} "
        f"R={case_recall:.3f} ({len(cases)} cases, {len(false_cases)} false)"
    )


def swapped_recall(gold: dict[str, dict], rows: dict[str, dict], weights: Path | None, verbose):
    labels, texts = scorer().swapped(gold, {p: ats.posting_text(rows[p]) for p in gold})
    got = lint(texts, weights)
    found = sum(bool(got[p].kinds) for p in labels)
    kind = sum(labels[p]["mismatch_kind"] in got[p].kinds for p in labels)
    duty = sum(got[p].primary == labels[p]["duty_role"] for p in labels)
    by_kind = Counter(labels[p]["mismatch_kind"] for p in labels)
    found_by_kind = Counter(labels[p]["mismatch_kind"] for p in labels if got[p].kinds)
    parts = ", ".join(f"{k} {found_by_kind[k]}/{by_kind[k]}" for k in sorted(by_kind))
    print(
        f"swapped: n={len(labels)} recall={found / len(labels):.3f} kind={kind / len(labels):.3f} "
        f"duty={duty / len(labels):.3f} ({parts})"
    )
    if verbose:
        for p in sorted(labels):
            if not got[p].kinds:
                title = texts[p].split("\n", 1)[0]
                print(f"  swapped missed: {title} over {labels[p]['duty_role']} ({got[p].primary})")


def out_of_fold(
    gold: dict[str, dict],
    rows: dict[str, dict],
    weights: Path | None,
    verbose: bool,
    shifts: tuple[float, ...] = (),
) -> None:
    """The mismatch thresholds chosen on four folds of companies, applied to the fifth; with
    ``shifts``, also the precision/recall curve: every chosen probability threshold made
    stricter (positive) or more lenient (negative) by each shift."""
    from mismatch import cases, profiles

    from jdlint.lexicon import load_lexicon

    model = load_lexicon(weights=weights).role_model
    read = profiles(model, rows, gold)
    every = cases(gold, rows, read)
    folds = ats.folds(gold, rows)
    got, swapped, chosen = _fold_verdicts(every, read, folds)
    print("== out of fold: mismatch thresholds chosen on 4 folds of companies, scored on the 5th")
    report(gold, got, rows, verbose)
    _tie_ratio_line(gold, read, folds)
    _swapped_line(swapped)
    if verbose:
        for name in sorted(chosen[0]):
            values = sorted({t[name] for t in chosen})
            print(f"  {name}: {values}")
    if shifts:
        print("== precision/recall curve, out of fold: the chosen probability thresholds shifted")
        for shift in shifts:
            got, swapped, _ = _fold_verdicts(every, read, folds, shift)
            print(f"-- shift {shift:+.2f}")
            mismatch(gold, got, rows, False)
            _swapped_line(swapped)


# The ratios of role_profile.title_tie_break tried out of fold (1 is no tie-break).
TIE_RATIOS = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0, 1e9)


def _tie_ratio_line(gold: dict[str, dict], read: dict[str, tuple], folds) -> None:
    """Duty accuracy with the title tie-break's ratio chosen on four folds (the most right,
    the smaller ratio on a tie) and applied to the fifth."""
    from jdlint.role_profile import title_tie_break

    def right(pid: str, ratio: float) -> bool:
        roles, profile = read[pid]
        return title_tie_break(profile.probabilities, roles, ratio) == gold[pid]["duty_role"]

    total, chosen = 0, []
    for fold in folds:
        held = set(fold)
        rest = [p for p in gold if p not in held]
        ratio = max(TIE_RATIOS, key=lambda r: (sum(right(p, r) for p in rest), -r))
        chosen.append(ratio)
        total += sum(right(p, ratio) for p in fold)
    shown = ", ".join("always" if r >= 1e9 else f"{r:g}" for r in chosen)
    print(
        f"duty with the title tie-break's ratio chosen out of fold: {total / len(gold):.3f} "
        f"(ratios chosen: {shown}; shipped: {TITLE_TIE_RATIO:g})"
    )


def _fold_verdicts(every, read, folds, shift: float = 0.0):
    from mismatch import DEFAULT_THRESHOLDS, KIND_BY_NAME, choose

    from jdlint.rules.title_mismatch import decide

    got: dict[str, Verdict] = {}
    swapped: dict[str, tuple[str, set[str]]] = {}
    chosen = []
    for fold in folds:
        held = set(fold)
        t = {**DEFAULT_THRESHOLDS, **choose([c for c in every if _base(c.pid) not in held])}
        t = {k: _shifted(k, v, shift) for k, v in t.items()}
        chosen.append(t)
        for pid in fold:
            roles, profile = read[pid]
            v = decide(roles, profile, t)
            kinds = frozenset({KIND_BY_NAME[v.kind]} if v else ())
            got[pid] = Verdict(frozenset(roles), profile.primary or "other", kinds)
        for c in every:
            if c.swapped and _base(c.pid) in held:
                v = decide(c.title_roles, c.profile, t)
                swapped[c.pid] = (c.kind, {KIND_BY_NAME[v.kind]} if v else set())
    return got, swapped, chosen


def _shifted(name: str, value: float, shift: float) -> float:
    """A probability threshold made stricter by ``shift`` (counts stay as they are)."""
    if isinstance(value, int) or name.endswith(("_duties", "_evidence")):
        return value
    return value + shift if "_min_" in name else value - shift


def _swapped_line(swapped: dict[str, tuple[str, set[str]]]) -> None:
    found = sum(bool(k) for _, k in swapped.values())
    kind = sum(want in k for want, k in swapped.values())
    n = len(swapped)
    print(f"swapped: n={n} recall={found / n:.3f} kind={kind / n:.3f}")


def _base(pid: str) -> str:
    return pid.split(":", 1)[1] if pid.startswith("swapped:") else pid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=Path, help="a fitted weights file (default: built in)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong verdict")
    parser.add_argument("--quick", action="store_true", help="skip the out-of-fold figures")
    parser.add_argument(
        "--curve", action="store_true", help="also the out-of-fold precision/recall curve"
    )
    args = parser.parse_args()
    gold = ats.labels()
    rows = {r["id"]: r for r in ats.postings()}
    got = lint({p: ats.posting_text(rows[p]) for p in gold}, args.weights)
    print("== dev set, shipped thresholds (chosen on all 391: optimistic for the mismatches)")
    report(gold, got, rows, args.verbose)
    swapped_recall(gold, rows, args.weights, args.verbose)
    if not args.quick:
        shifts = (-0.2, -0.1, -0.05, 0.0, 0.05, 0.1, 0.2) if args.curve else ()
        out_of_fold(gold, rows, args.weights, args.verbose, shifts)


if __name__ == "__main__":
    main()
