"""The ``jdlint_roles`` component: which role the duties describe, with evidence.

Every skill and duty weighs toward the roles its lexicon entry names, times the weight of the
section it stands in (responsibilities count most, the company blurb not at all). Repeats of
the same skill or duty count less each time, so "Python" named five times is not five pieces
of evidence.
"""

from __future__ import annotations

import bisect
import sys
from dataclasses import dataclass, field
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from .duties import DutyHit
from .extensions import register_extensions
from .roles import ROLE_IDS

DEFAULT_SECTION_WEIGHTS = {
    "responsibilities": 1.0,
    "body": 0.7,
    "intro": 0.8,
    "requirements": 0.5,
    "nice_to_have": 0.15,
    "title": 0.0,
    "heading": 0.0,
    "about": 0.0,
    "benefits": 0.0,
    "eeo": 0.0,
    "apply": 0.0,
}
DUTY_WEIGHT = 1.5  # a task phrase says more about the job than a tool's name
REPEAT_DECAY = 0.5  # the n-th mention of the same thing counts REPEAT_DECAY ** (n - 1)
# Text before the first heading of a posting that has a responsibilities or requirements
# section is mostly the company blurb, cue or no cue.
INTRO_WEIGHT_WITH_SECTIONS = 0.2
MIN_EVIDENCE = 4.0  # below this total weight there is no primary role
CONFIDENCE_SATURATION = 8.0  # total weight at which evidence counts as half-way conclusive
OTHER_WORK_DOMINATES = 0.5  # at this share of the evidence, the posting is for no role


class Hit(Protocol):
    """What the profile reads of a SkillHit or a DutyHit."""

    text: str
    start: int
    end: int
    roles: dict[str, float]
    section: str


@dataclass(frozen=True)
class Evidence:
    """A skill or duty, and how much it adds to one role."""

    kind: str  # "skill" or "duty"
    text: str
    start: int
    end: int
    role: str
    weight: float
    section: str


@dataclass
class RoleProfile:
    """Which role the duties describe: a share per role, the primary one and a confidence."""

    primary: str | None
    confidence: float
    shares: dict[str, float]
    total: float
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    # Work none of the roles do: its share of all evidence, and its main kind ("data_entry").
    other_share: float = 0.0
    other_work: str | None = None

    def duty_count(self, *roles: str) -> int:
        """How many duties with distinct objects weigh toward any of the roles, outside the
        requirements ("train and deploy models" is one; "experience building X" is a
        requirement, not a duty)."""
        return len(
            {
                e.end
                for role in roles
                for e in self.evidence.get(role, [])
                if e.kind in ("duty", "other") and e.section not in ("requirements", "nice_to_have")
            }
        )

    def strongest(self, role: str, limit: int = 4) -> list[Evidence]:
        """The strongest distinct pieces of evidence for a role, duties before tool names, in
        the order of the text."""
        chosen: list[Evidence] = []
        seen: set[str] = set()
        ranked = sorted(self.evidence.get(role, []), key=lambda e: (e.kind == "skill", -e.weight))
        for item in ranked:
            key = item.text.lower()
            if key in seen or any(item.start < c.end and c.start < item.end for c in chosen):
                continue
            seen.add(key)
            chosen.append(item)
            if len(chosen) == limit:
                break
        return sorted(chosen, key=lambda e: e.start)


def build_profile(
    doc: Doc, section_weights: dict[str, float], min_evidence: float = MIN_EVIDENCE
) -> RoleProfile:
    """The role profile of a Doc that has been through the skills and duties components."""
    items: list[tuple[str, str, Hit]] = []
    # Coordinated verbs share one object: "extract, clean and transform data" is one piece of
    # evidence, weighed by its strongest verb.
    strongest: dict[int, DutyHit] = {}
    for duty in doc._.jdlint_duties or []:
        best = strongest.get(duty.end)
        if best is None or max(duty.roles.values()) > max(best.roles.values()):
            strongest[duty.end] = duty
    for duty in strongest.values():
        items.append(("duty", f"{duty.verb}|{duty.object.lower()}", duty))
    # A skill that is a duty's object is already counted, as part of the duty.
    inside = sorted((d.start, d.end) for d in strongest.values())
    for skill in doc._.jdlint_skills or []:
        k = bisect.bisect_right(inside, (skill.start, sys.maxsize)) - 1
        if k >= 0 and inside[k][0] <= skill.start and skill.end <= inside[k][1]:
            continue
        items.append(("skill", skill.canonical.lower(), skill))
    for work in doc._.jdlint_other_work or []:
        items.append(("other", work.text.lower(), work))
    sections = doc._.jdlint_sections or []
    headed = {b.kind for a, b in zip(sections, sections[1:], strict=False) if a.kind == "heading"}
    if headed & {"responsibilities", "requirements"}:
        section_weights = {**section_weights, "intro": INTRO_WEIGHT_WITH_SECTIONS}
    scores = dict.fromkeys(ROLE_IDS, 0.0)
    evidence: dict[str, list[Evidence]] = {}
    seen: dict[tuple[str, str, str], int] = {}
    # Strongest sections first, so a repeat in the blurb never outranks the duty itself.
    items.sort(key=lambda it: -section_weights.get(it[2].section, 0.0))
    for kind, key, hit in items:
        section_weight = section_weights.get(hit.section, 0.0)
        if section_weight <= 0:
            continue
        factor = DUTY_WEIGHT if kind == "duty" else 1.0
        for role, weight in hit.roles.items():
            count = seen.get((kind, key, role), 0)
            seen[(kind, key, role)] = count + 1
            value = weight * section_weight * factor * REPEAT_DECAY**count
            scores[role] = scores.get(role, 0.0) + value
            evidence.setdefault(role, []).append(
                Evidence(kind, hit.text, hit.start, hit.end, role, value, hit.section)
            )
    other = {kind: score for kind, score in scores.items() if kind not in ROLE_IDS}
    roles_total = sum(scores[r] for r in ROLE_IDS)
    other_total = sum(other.values())
    shares = {r: (scores[r] / roles_total if roles_total else 0.0) for r in ROLE_IDS}
    other_share = other_total / (roles_total + other_total) if other_total else 0.0
    other_work = max(other, key=lambda k: other[k]) if other_total else None
    total = roles_total + other_total
    if total < min_evidence or other_share >= OTHER_WORK_DOMINATES:
        # ROLES.md: work none of the roles do (data entry, sales) gets no primary role.
        return RoleProfile(None, 0.0, shares, total, evidence, other_share, other_work)
    primary = max(ROLE_IDS, key=lambda r: (scores[r], -ROLE_IDS.index(r)))
    confidence = shares[primary] * roles_total / (total + CONFIDENCE_SATURATION)
    return RoleProfile(
        primary, round(confidence, 4), shares, total, evidence, other_share, other_work
    )


class RolesComponent:
    """Sets ``doc._.jdlint_profile`` (RoleProfile)."""

    def __init__(
        self, nlp: Language, name: str, section_weights: dict[str, float], min_evidence: float
    ) -> None:
        register_extensions()
        self.name = name
        self.section_weights = {**DEFAULT_SECTION_WEIGHTS, **section_weights}
        self.min_evidence = min_evidence

    def __call__(self, doc: Doc) -> Doc:
        doc._.jdlint_profile = build_profile(doc, self.section_weights, self.min_evidence)
        return doc


@Language.factory(
    "jdlint_roles",
    default_config={"section_weights": {}, "min_evidence": MIN_EVIDENCE},
    assigns=["doc._.jdlint_profile"],
    requires=["doc._.jdlint_skills", "doc._.jdlint_duties"],
)
def make_roles(
    nlp: Language, name: str, section_weights: dict[str, float], min_evidence: float
) -> RolesComponent:
    """Factory for the role-profile component; ``section_weights`` overrides the defaults."""
    return RolesComponent(nlp, name, section_weights, min_evidence)
