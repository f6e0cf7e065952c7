"""The ``jdlint_roles`` component: which role the duties describe, with evidence.

The skills, duties and work-of-no-role the earlier components found become mentions (one per
piece of evidence, with its section and its lexicon weights); the fitted role model
(``role_model.py``) scores them, one class per role plus ``other`` for postings of no
technical role. The primary role is the most probable class when it is a role, or, on a close
call between two neighbouring roles, the one the title claims; the evidence shown for a role
is what added most to its score.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from .duties import DutyHit
from .errors import LexiconError
from .extensions import doc_text, register_extensions, restore_as
from .files import read_regular
from .lexicon import MAX_DATA_BYTES, load_lexicon
from .role_model import BLURB_GROUP, CLASSES, OTHER, SECTION_GROUPS, Mention, RoleModel
from .role_model import with_repeats as _with_repeats
from .roles import NEIGHBOURS, ROLE_IDS

# How close a call the title decides: the claimed neighbour is at least a third as probable as
# the top class. Dev duty accuracy (391 labelled postings; python evaluation/roles.py, which
# also reports it with the ratio chosen out of fold): 0.849 without, 0.847 at 1.5, 0.857 at 2,
# 0.864 at 2.5 and 3, 0.867 at 4, 0.864 at 6, 0.857 when the title always decides. 3 is inside
# the plateau, not its best point.
TITLE_TIE_RATIO = 3.0

# A task phrase says more about the job than a tool's name: its lexicon weight counts this
# many times (dev duty accuracy 0.849 at 1.5, against 0.839 at 1.25 and 0.818 at 2 with the
# current model before the title tie-break, on slightly earlier sections; 0.798 at 1.0 and
# 0.777 at 3 with the earlier model).
DUTY_WEIGHT = 1.5
# Lexicon weight from which a skill or duty is work of its role (RoleProfile.work): role-typical
# entries weigh 1 and more, tools every engineer uses 0.3 to 0.8 (README, "Adding a lexicon").
WORK_MIN_WEIGHT = 1.0
# A contribution this small (hand-set, well under the smallest lexicon weight times its
# fitted role weight) is no evidence worth showing or counting.
SHOWN_MIN = 0.005
# A repeat whose decayed weight is below this share of its first mention's changes no figure
# jdlint reports (shares, confidence and probabilities are rounded to 4 places): skipping it
# bounds the work on a posting that repeats one word 100,000 times. Output on 1,000 real
# postings is byte for byte the same with and without the skip.
NEGLIGIBLE = 1e-12
# Where a mention is no work the job holds: what the candidate brings, and the company's blurb
# ("we build agentic AI for lawyers" above a data-engineering job).
NOT_WORK = frozenset({"requirements", "nice_to_have", BLURB_GROUP})


class Evidence(NamedTuple):
    """A skill or duty, and how much it adds to one role."""

    kind: str  # "skill", "duty" or "other" (work of no role)
    text: str
    start: int
    end: int
    role: str
    weight: float
    section: str
    top: bool = True  # the role (or "other") this piece of evidence adds most to


class RoleProfile(NamedTuple):
    """Which role the duties describe: the primary role and its probability (confidence), the
    probability of every class, and each role's share of the positive evidence. A NamedTuple
    of plain data, so a Doc that holds it can be written to bytes."""

    primary: str | None
    confidence: float
    shares: dict[str, float]
    # How much lexicon evidence there is at all (hand-set weights times section weights): the
    # rules stay quiet on postings with little of it.
    total: float
    evidence: dict[str, list[Evidence]]
    # Work none of the roles do: its share of the positive evidence, and its main kind.
    other_share: float
    other_work: str | None
    probabilities: dict[str, float]
    mentions: list[Mention]

    def __repr__(self) -> str:
        return (
            f"RoleProfile(primary={self.primary!r}, confidence={self.confidence!r}, "
            f"shares={self.shares!r}, total={self.total!r}, ...)"
        )

    def duty_count(self, *roles: str) -> int:
        """How many duties with distinct objects point first at any of the roles (their
        largest contribution), outside the requirements ("train and deploy models" is one;
        "experience building X" is a requirement, not a duty)."""
        return len(
            {
                e.end
                for role in roles
                for e in self.evidence.get(role, [])
                if e.kind in ("duty", "other")
                and e.section not in ("requirements", "nice_to_have")
                and e.top
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

    def work(
        self,
        roles: frozenset[str] | set[str],
        min_weight: float = WORK_MIN_WEIGHT,
        fields: bool = False,
    ) -> int:
        """How many distinct pieces of the posting's own work (duties and skills outside the
        requirements and the company blurb) the lexicon gives first to any of ``roles``, with
        at least ``min_weight``. A field's name ("AI") is not work, but with ``fields`` a duty
        on one is ("evaluate the AI systems"): "no duty is AI/ML work" is
        ``work(AI_ML_ROLES, fields=True) == 0``."""
        ends = set()
        # lexicon -> (its largest weight, the roles that carry it): repeats share a lexicon
        tops: dict[tuple[tuple[str, float], ...], tuple[float, frozenset[str]]] = {}
        for m in self.mentions:
            lexicon = m.lexicon
            if m.group in NOT_WORK or not lexicon:
                continue
            if not m.fitted and not (fields and m.kind == "duty"):
                continue
            top = tops.get(lexicon)
            if top is None:
                weight = max(w for _, w in lexicon)
                top = tops[lexicon] = (weight, frozenset(r for r, w in lexicon if w == weight))
            # the role the mention gives most to, a tie going to one of ``roles``
            if not top[1].isdisjoint(roles) and (top[0] >= min_weight or not m.fitted):
                ends.add(m.end)
        return len(ends)

    def family_probability(self, roles: frozenset[str] | set[str]) -> float:
        """The probability that the duties are work of any of ``roles``."""
        return sum(self.probabilities.get(r, 0.0) for r in roles)

    def role_probability(self, roles: frozenset[str] | set[str]) -> float:
        """The probability that the duties are work of any of ``roles``, given that they are
        the work of one of the eight roles (a short posting leaves more to "other", whichever
        role it describes)."""
        technical = 1.0 - self.probabilities.get(OTHER, 0.0)
        return self.family_probability(roles) / technical if technical > 0 else 0.0


def _restore_profile(value: Any) -> RoleProfile:
    """A RoleProfile read back from bytes (nested lists) as its types again."""
    if type(value) is RoleProfile:
        return value
    profile = RoleProfile._make(value)
    evidence = {
        role: [Evidence._make(e) for e in items] for role, items in profile.evidence.items()
    }
    found = [Mention._make(m) for m in profile.mentions]
    found = [m._replace(lexicon=tuple(tuple(rw) for rw in m.lexicon)) for m in found]
    return profile._replace(evidence=evidence, mentions=found)


restore_as("jdlint_profile", _restore_profile)


def mentions(doc: Doc) -> list[Mention]:
    """Every piece of evidence in a Doc that has been through the skills and duties components,
    in counting order (see ``role_model.with_repeats``)."""
    sections = doc._.jdlint_sections or []
    headed = {b.kind for a, b in zip(sections, sections[1:], strict=False) if a.kind == "heading"}
    blurb_intro = bool(headed & {"responsibilities", "requirements"})

    def group(section: str) -> str | None:
        found = SECTION_GROUPS.get(section)
        return BLURB_GROUP if found == "intro" and blurb_intro else found

    out: list[Mention] = []
    # Coordinated verbs share one object: "extract, clean and transform data" is one piece of
    # evidence, weighed by its strongest verb.
    strongest: dict[int, DutyHit] = {}
    merged: dict[int, dict[str, float]] = {}
    first: dict[int, int] = {}  # where the first of the coordinated verbs starts
    for duty in doc._.jdlint_duties or []:
        best = strongest.get(duty.end)
        if best is None or max(duty.roles.values()) >= max(best.roles.values()):
            strongest[duty.end] = duty  # ties go to the later verb: "build and fine-tune"
        roles = merged.setdefault(duty.end, {})
        for role, weight in duty.roles.items():
            roles[role] = max(roles.get(role, 0.0), weight)
        first[duty.end] = min(first.get(duty.end, duty.start), duty.start)
    text = doc_text(doc)
    for duty in strongest.values():
        g = group(duty.section)
        if g is not None:
            key = f"duty:{duty.verb}|{duty.object.lower()}"
            # A generic object alone ("build solutions") brings no lexicon weight: only what
            # the fit finds it says.
            roles = merged[duty.end].items()
            lexicon = () if duty.generic else tuple((r, w * DUTY_WEIGHT) for r, w in roles)
            start = first[duty.end]  # shown from the first verb: "Write and refine prompts"
            out.append(
                Mention(
                    "duty",
                    key,
                    text[start : duty.end],
                    start,
                    duty.end,
                    duty.section,
                    g,
                    lexicon,
                    fitted=not duty.field,
                )
            )
    # A skill that is a duty's object is already counted, as part of the duty.
    inside = sorted((first[d.end], d.end) for d in strongest.values())
    for skill in doc._.jdlint_skills or []:
        k = bisect.bisect_right(inside, (skill.start, sys.maxsize)) - 1
        if k >= 0 and inside[k][0] <= skill.start and skill.end <= inside[k][1]:
            continue
        g = group(skill.section)
        if g is not None:
            key = f"skill:{skill.canonical.lower()}"
            lexicon = tuple(skill.roles.items())
            out.append(
                Mention(
                    "skill",
                    key,
                    skill.text,
                    skill.start,
                    skill.end,
                    skill.section,
                    g,
                    lexicon,
                    fitted=not skill.field,
                )
            )
    for work in doc._.jdlint_other_work or []:
        g = group(work.section)
        if g is not None:
            key = f"work:{work.canonical}:{work.key or work.text.lower()}"
            lexicon = ((OTHER, next(iter(work.roles.values()))),)
            out.append(
                Mention("other", key, work.text, work.start, work.end, work.section, g, lexicon)
            )
    return _with_repeats(out)


def title_tie_break(probabilities: dict[str, float], claimed: Iterable[str], ratio: float) -> str:
    """The most probable class, unless the title claims a close neighbour of it (ROLES.md's
    pairs, and the analyst beside the data scientist) at least ``1 / ratio`` as probable: on
    so close a call between neighbours, the title's reading is the duties' reading."""
    best = max(CLASSES, key=lambda c: (probabilities[c], -CLASSES.index(c)))
    near = [
        r
        for r in claimed
        if frozenset({r, best}) in NEIGHBOURS and probabilities[r] * ratio >= probabilities[best]
    ]
    return max(near, key=lambda r: (probabilities[r], -CLASSES.index(r))) if near else best


def build_profile(doc: Doc, model: RoleModel) -> RoleProfile:
    """The role profile of a Doc that has been through the skills and duties components."""
    found = mentions(doc)
    hyper = model.hyper
    scores = dict(model.bias)
    positive = dict.fromkeys(CLASSES, 0.0)
    evidence: dict[str, list[Evidence]] = {}
    other_kinds: dict[str, float] = {}
    total = 0.0
    for m in found:
        decay = hyper.repeat_decay**m.repeat
        if decay < NEGLIGIBLE:
            continue  # the 60th "Python" of a posting that repeats it (decay 0.5) adds nothing
        total += decay * hyper.section_weights.get(m.group, 0.0) * sum(w for _, w in m.lexicon)
        contribution = model.contribution(m)
        top = max(contribution, key=lambda c: contribution[c])
        for c, value in contribution.items():
            scores[c] += value
            if value <= SHOWN_MIN:
                continue
            positive[c] += value
            if c == OTHER and m.kind == "other":
                kind = m.key.split(":")[1]  # "work:sales:close deals"
                other_kinds[kind] = other_kinds.get(kind, 0.0) + value
            item = Evidence(m.kind, m.text, m.start, m.end, c, value, m.section, c == top)
            evidence.setdefault(c, []).append(item)
    probabilities = model.probabilities(scores)
    roles_positive = sum(positive[r] for r in ROLE_IDS)
    shares = {r: (positive[r] / roles_positive if roles_positive else 0.0) for r in ROLE_IDS}
    all_positive = roles_positive + positive[OTHER]
    other_share = positive[OTHER] / all_positive if all_positive else 0.0
    other_work = max(other_kinds, key=lambda k: other_kinds[k]) if other_kinds else None
    profile = RoleProfile(
        None,
        0.0,
        shares,
        round(total, 4),
        evidence,
        other_share,
        other_work,
        probabilities,
        found,
    )
    return titled(profile, doc._.jdlint_title_roles or ())


def titled(
    profile: RoleProfile, claimed: Iterable[str], ratio: float = TITLE_TIE_RATIO
) -> RoleProfile:
    """``profile`` with its primary role and confidence read for a title claiming ``claimed``
    (``title_tie_break``): the same duties under another title may settle a close call the
    other way."""
    best = title_tie_break(profile.probabilities, claimed, ratio)
    primary = best if best != OTHER else None
    confidence = round(profile.probabilities[best], 4) if primary else 0.0
    return profile._replace(primary=primary, confidence=confidence)


WEIGHTS_FILE = "weights.json"  # in the component's folder of a saved pipeline


class RolesComponent:
    """Sets ``doc._.jdlint_profile`` (RoleProfile). Its fitted weights are the built-in ones,
    or a weights file named by the ``weights`` setting or by ``initialize(weights=...)``;
    ``to_disk`` writes a copy of that file into the saved pipeline and ``from_disk`` reads it
    back, so ``spacy.load`` needs neither the file nor its path."""

    def __init__(self, nlp: Language, name: str, weights: str) -> None:
        register_extensions()
        self.name = name
        self.weights = weights
        self.weights_copy: bytes | None = None  # the weights file's content, when not built in
        self.model: RoleModel | None = None  # loaded when first needed (see initialize)

    def _load(self) -> None:
        model = load_lexicon((), weights=self.weights or None).role_model
        copy = None
        if self.weights:
            try:
                copy = read_regular(self.weights, MAX_DATA_BYTES)
            except OSError as exc:
                raise LexiconError(
                    f"{self.weights}: cannot read role weights: {exc.strerror or exc}"
                ) from None
        self.model, self.weights_copy = model, copy

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        weights: str = "",
    ) -> None:
        """Use the fitted weights file ``weights`` (read now), or the built-in weights."""
        self.weights = str(weights) if weights else ""
        self._load()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write a copy of the weights file, when it is not the built-in one."""
        if self.model is None:
            self._load()
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        saved = folder / WEIGHTS_FILE
        if self.weights_copy is not None:
            saved.write_bytes(self.weights_copy)
        elif saved.exists():
            saved.unlink()

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RolesComponent:
        """Use the weights copy ``to_disk`` wrote, if any."""
        saved = Path(path) / WEIGHTS_FILE
        if saved.is_file():
            self.weights = str(saved)
        elif Path(path).is_dir():
            self.weights = ""
        self._load()
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None:
            self._load()
        doc._.jdlint_profile = build_profile(doc, self.model)
        return doc


@Language.factory(
    "jdlint_roles",
    default_config={"weights": ""},
    assigns=["doc._.jdlint_profile"],
    requires=["doc._.jdlint_skills", "doc._.jdlint_duties"],
)
def make_roles(nlp: Language, name: str, weights: str) -> RolesComponent:
    """Factory for the role-profile component; ``weights`` names a fitted weights file to use
    instead of the built-in one (``evaluation/train_roles.py`` writes them)."""
    return RolesComponent(nlp, name, weights)
