"""The role model: how much each piece of evidence counts toward each role, fitted on real
postings and kept as data.

A linear model over the pipeline's own evidence (skills, duties and work none of the roles
do), with one class per role and ``other`` for postings of no technical role. Each mention
feeds two features, both weighted by its section (responsibilities count most, requirements
half, nice-to-haves little, the company blurb not at all: ROLES.md):

- ``prior:<role>``: the hand-set lexicon weight of the mention for ``role``. Its one fitted
  weight, toward class ``role`` only, says how much that role's lexicon counts.
- ``evidence:<key>``: the mention itself ("skill:pytorch", "duty:train|model"). Its fitted
  weights correct the lexicon where real postings disagree with it (a generic "build
  solutions" ends up near zero). Keys the fit never saw (a user's own lexicon) keep the prior
  alone, and so does the name of a field ("AI"), which postings echo from their title.

A class's score is its bias plus the sum of every mention's contribution, so the evidence shown
for a verdict is exactly what added most to it. The weights live in
``lexicons/weights/roles.json`` (schema ``role-weights.schema.json``);
``evaluation/train_roles.py`` rebuilds them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from .roles import ROLE_IDS

OTHER = "other"  # the class of postings for none of the roles
CLASSES: tuple[str, ...] = (*ROLE_IDS, OTHER)

# Section kind -> the group whose weights it shares. Sections left out (the company blurb,
# benefits, EEO and apply text, headings) are no evidence at all (ROLES.md).
SECTION_GROUPS = {
    "responsibilities": "responsibilities",
    "requirements": "requirements",
    "nice_to_have": "nice_to_have",
    "body": "body",
    "intro": "intro",
}
# Text before the first heading of a posting that has responsibilities or requirements
# headings is mostly the company blurb: it gets a group of its own.
BLURB_GROUP = "intro_before_sections"
GROUPS: tuple[str, ...] = (*SECTION_GROUPS.values(), BLURB_GROUP)
# The order in which repeats are counted: the first mention of a key in the strongest group
# counts in full, later ones less (see ``repeat_decay``).
GROUP_ORDER = {
    g: n
    for n, g in enumerate(
        (
            "responsibilities",
            "body",
            "intro",
            "requirements",
            "intro_before_sections",
            "nice_to_have",
        )
    )
}


class Mention(NamedTuple):
    """One piece of evidence: a skill, a duty or work of no role, where it stands, and the
    hand-set lexicon weights it carries (a NamedTuple: plain data, kept on a Doc)."""

    kind: str  # "skill", "duty" or "work"
    key: str  # "skill:pytorch", "duty:train|model", "work:sales:close deals"
    text: str
    start: int  # character offsets into the pipeline's text
    end: int
    section: str
    group: str
    lexicon: tuple[tuple[str, float], ...]  # (role or "other", weight)
    repeat: int = 0  # mentions of the same key counted before this one
    # False for the name of a field ("AI", "machine learning"): postings echo the field their
    # title names, so such a mention counts through its lexicon weight only.
    fitted: bool = True


def with_repeats(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions in counting order (strongest group first, then text order), each with how
    many of its key came before it."""
    ordered = sorted(mentions, key=lambda m: (GROUP_ORDER[m.group], m.start))
    seen: dict[str, int] = {}
    out = []
    for m in ordered:
        n = seen.get(m.key, 0)
        seen[m.key] = n + 1
        out.append(m if m.repeat == n else _replace_repeat(m, n))
    return out


def _replace_repeat(m: Mention, n: int) -> Mention:
    return m._replace(repeat=n)


@dataclass(frozen=True)
class Hyper:
    """How mentions become features; fixed before a fit, stored with its weights."""

    section_weights: Mapping[str, float]  # group -> how much a mention there counts
    repeat_decay: float  # the n-th mention of a key counts repeat_decay ** n
    prior_scale: float  # multiplies ``prior:`` features (so the fit penalises them less)

    def feature_values(self, m: Mention) -> list[tuple[str, float]]:
        """The features one mention adds to, and by how much."""
        weight = self.repeat_decay**m.repeat * self.section_weights.get(m.group, 0.0)
        if not weight:
            return []
        out = [(f"prior:{role}", weight * w * self.prior_scale) for role, w in m.lexicon]
        if m.fitted:
            out.append((f"evidence:{m.key}", weight))
        return out


def features(mentions: Iterable[Mention], hyper: Hyper) -> dict[str, float]:
    """The feature vector of a posting's mentions (as counted by ``with_repeats``): what the
    model is fitted on, and what it scores."""
    out: dict[str, float] = {}
    for m in mentions:
        for name, value in hyper.feature_values(m):
            if value:
                out[name] = out.get(name, 0.0) + value
    return out


class RoleModel:
    """Fitted weights: a bias per class and a weight per feature and class."""

    def __init__(
        self,
        hyper: Hyper,
        bias: Mapping[str, float],
        weights: Mapping[str, Mapping[str, float]],
        mismatch: Mapping[str, float] | None = None,
        info: Mapping[str, Any] | None = None,
    ) -> None:
        self.hyper = hyper
        self.bias = {c: float(bias.get(c, 0.0)) for c in CLASSES}
        self.weights = {f: {c: float(w) for c, w in ws.items()} for f, ws in weights.items()}
        self.mismatch = dict(mismatch or {})  # the mismatch rules' fitted thresholds
        self.info = dict(info or {})
        self._cache: dict[tuple, dict[str, float]] = {}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> RoleModel:
        """A model from the parsed weights file (already validated against its schema)."""
        hyper = Hyper(
            section_weights=dict(data["hyper"]["section_weights"]),
            repeat_decay=float(data["hyper"]["repeat_decay"]),
            prior_scale=float(data["hyper"]["prior_scale"]),
        )
        return cls(hyper, data["bias"], data["weights"], data.get("mismatch"), data.get("info"))

    def to_data(self) -> dict[str, Any]:
        """The weights file's content (the inverse of ``from_data``)."""
        return {
            "hyper": {
                "section_weights": dict(self.hyper.section_weights),
                "repeat_decay": self.hyper.repeat_decay,
                "prior_scale": self.hyper.prior_scale,
            },
            "bias": self.bias,
            "weights": self.weights,
            "mismatch": self.mismatch,
            "info": self.info,
        }

    def contribution(self, m: Mention) -> dict[str, float]:
        """What one mention adds to each class's score."""
        base = self._contribution(m.key, m.group, m.lexicon, m.fitted)
        decay = self.hyper.repeat_decay**m.repeat
        return {c: v * decay for c, v in base.items()} if m.repeat else dict(base)

    def _contribution(
        self, key: str, group: str, lexicon: tuple[tuple[str, float], ...], fitted: bool
    ) -> dict[str, float]:
        """A first mention's contribution, computed once per key, group and lexicon weights
        (postings repeat the same few hundred mentions)."""
        found = self._cache.get((key, group, lexicon, fitted))
        if found is None:
            out = dict.fromkeys(CLASSES, 0.0)
            probe = Mention("", key, "", 0, 0, "", group, lexicon, 0, fitted)
            for name, value in self.hyper.feature_values(probe):
                for c, w in self.weights.get(name, {}).items():
                    if c in out:
                        out[c] += value * w
            found = self._cache[(key, group, lexicon, fitted)] = out
        return found

    def probabilities(self, scores: Mapping[str, float]) -> dict[str, float]:
        """Softmax of the class scores (bias included)."""
        top = max(scores.values())
        exp = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exp.values())
        return {c: v / total for c, v in exp.items()}
