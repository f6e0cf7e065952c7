"""Choosing the thresholds of the mismatch rules (``jdlint.rules.title_mismatch.decide``) on the
labelled postings, precision first.

Each rule has its own thresholds and fires on its own kind of title, so each is chosen apart:
over a grid, the setting that raises no false alarm on the postings labelled "none" (at most
``MAX_FALSE_ALARMS``) and finds the most mismatches, counting the clear labels (each company's
template once) and the title-swapped copies (``score_roles.py --swapped``). Among equals, the
middle one by strictness. ``choose_thresholds`` is what ``train_roles.py`` stores with the
weights; ``evaluation/roles.py`` calls it on four folds of companies to score the fifth.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ats  # noqa: E402

from jdlint.role_model import RoleModel  # noqa: E402
from jdlint.role_profile import RoleProfile  # noqa: E402
from jdlint.rules.title_mismatch import DEFAULT_THRESHOLDS, facts, judge  # noqa: E402

MAX_FALSE_ALARMS = 0  # per rule, on the postings labelled "none"
KIND_BY_NAME = {
    "prestige-ml-title": "prestige_ml",
    "ai-washing": "ai_washing",
    "under-titled-ai": "under_titled",
    "title-duty-mismatch": "other",
}

# Each rule's thresholds and the values tried.
_P = [round(0.3 + 0.05 * i, 2) for i in range(14)]  # 0.30 .. 0.95
_LOW = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5]
GRID: dict[str, dict[str, list[float]]] = {
    "prestige-ml-title": {
        "prestige_min_evidence": [4, 6, 8, 12],
        "prestige_min_ai": _P,
        "prestige_max_model": _LOW,
        "prestige_min_duties": [1, 2, 3],
        "prestige_max_model_duties": [0, 1, 2, 3],
        "prestige_max_split": [0.0, 0.2, 0.34, 0.5],
    },
    "under-titled-ai": {
        "under_min_evidence": [4, 6, 8, 12],
        "under_min_model": _P,
        "under_max_ai": _LOW,
        "under_max_ai_duties": [0, 1, 2, 3],
        "under_min_duties": [1, 2, 3],
        "under_max_split": [0.0, 0.2, 0.34, 0.5],
    },
    "ai-washing": {
        "washing_min_evidence": [4, 6, 8, 12],
        "washing_max_ai": [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5],
        "washing_min_duties": [1, 2, 3, 4],
    },
    "title-duty-mismatch": {
        "other_min_evidence": [4, 6, 8, 12],
        "other_min_primary": _P,
        "other_max_title": [0.01, 0.02, 0.05, 0.1, 0.2],
        # At least one duty of the duties' role: allowing none (a verdict on the requirements
        # alone) raised a false alarm out of fold on a data-engineering posting read as software
        "other_min_duties": [1, 2, 3, 4],
        "other_max_split": [0.0, 0.2, 0.34],
    },
}


@dataclass(frozen=True)
class Case:
    """A posting for choosing thresholds: what its title claims, how its duties read, and its
    label (True: a clear mismatch, False: none) and weight (one company's template counts
    once among the clear ones)."""

    pid: str
    title_roles: tuple[str, ...]
    profile: RoleProfile
    positive: bool
    kind: str | None
    weight: float
    swapped: bool


def profiles(model: RoleModel, rows: dict[str, dict], ids: Iterable[str]) -> dict[str, tuple]:
    """(title roles, profile) of each posting, with ``model``."""
    from jdlint.linter import Linter
    from jdlint.role_profile import build_profile

    linter = Linter()
    ids = sorted(ids)
    texts = (linter._make_doc(ats.posting_text(rows[p])) for p in ids)
    out = {}
    docs = linter.nlp.pipe(texts, batch_size=64, disable=["jdlint_roles", "jdlint_wording"])
    for pid, doc in zip(ids, docs, strict=True):
        out[pid] = (tuple(doc._.jdlint_title_roles), build_profile(doc, model))
    return out


def cases(gold: dict[str, dict], rows: dict[str, dict], read: dict[str, tuple]) -> list[Case]:
    """The labelled postings (clear or none) and their title-swapped copies, as cases."""
    from roles import scorer

    from jdlint.role_profile import titled
    from jdlint.title import read_title

    groups = Counter(
        (rows[p]["company"], g["mismatch_kind"])
        for p, g in gold.items()
        if g["mismatch"] == "clear"
    )
    out = []
    for pid, g in sorted(gold.items()):
        if g["mismatch"] not in ("clear", "none"):
            continue
        roles, profile = read[pid]
        positive = g["mismatch"] == "clear"
        weight = 1 / groups[rows[pid]["company"], g["mismatch_kind"]] if positive else 1.0
        out.append(Case(pid, roles, profile, positive, g["mismatch_kind"], weight, False))
    labels, texts = scorer().swapped(gold, {p: ats.posting_text(rows[p]) for p in gold})
    for sid, label in sorted(labels.items()):
        pid = sid.split(":", 1)[1]
        title = texts[sid].split("\n", 1)[0]
        roles = read_title(title).roles
        profile = titled(read[pid][1], roles)  # the swapped title may settle a close call
        out.append(Case(sid, roles, profile, True, label["mismatch_kind"], 1.0, True))
    return out


def _settings(rule: str) -> Iterable[dict[str, float]]:
    grid = GRID[rule]
    names = list(grid)
    for values in itertools.product(*(grid[n] for n in names)):
        yield dict(zip(names, values, strict=True))


def _strictness(setting: dict[str, float]) -> float:
    return sum(v if "_min_" in k else -v for k, v in setting.items())


def choose(cases_: list[Case], budget: int = MAX_FALSE_ALARMS) -> dict[str, float]:
    """The thresholds chosen on ``cases_``: per rule, no more than ``budget`` false alarms
    (where no setting keeps to it, the fewest), then the most mismatches found; among
    the settings that tie, the middle one by strictness, so that neither the strictest (which
    hugs the positives seen) nor the most lenient (which hugs the negatives) is taken."""
    chosen: dict[str, float] = {}
    known = [(facts(c.title_roles, c.profile), c) for c in cases_]
    for rule in GRID:
        mine = [(f, c) for f, c in known if f is not None and f.rule == rule]
        scored = []
        for setting in _settings(rule):
            t = {**DEFAULT_THRESHOLDS, **setting}
            found = false = 0.0
            for f, case in mine:
                if judge(f, t) is None:
                    continue
                if case.positive:
                    found += case.weight
                else:
                    false += 1
            scored.append(((-max(false, budget), round(found, 6)), setting))
        best = max(key for key, _ in scored)
        tied = sorted((s for key, s in scored if key == best), key=_strictness)
        chosen.update(tied[len(tied) // 2])
    return chosen


def choose_thresholds(model: RoleModel, rows: list[dict], gold: dict[str, dict]) -> dict:
    """The thresholds for ``model``, chosen on all the labelled postings."""
    by_id = {r["id"]: r for r in rows}
    read = profiles(model, by_id, gold)
    return choose(cases(gold, by_id, read))
