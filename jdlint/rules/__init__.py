"""The rule catalogue: every rule with its stable code, name, severity and documentation.

Codes are ``JD`` + three digits, one family per hundred: JD0xx is about jdlint itself (its
suppression comments), JD1xx the title against the duties, JD2xx requirements realism, JD3xx
AI language, JD4xx inclusive language, JD5xx posting hygiene and JD6xx tone. Rules are selected
by code, code prefix ("JD1") or name ("ai-washing").
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import JdlintError
from . import ai_language, hygiene, inclusive, realism, tone
from .base import Posting, Rule
from .suppression import UNUSED_SUPPRESSION
from .title_mismatch import (
    AI_WASHING,
    MISSING_TITLE,
    PRESTIGE_ML_TITLE,
    TITLE_DUTY_MISMATCH,
    UNDER_TITLED_AI,
)

ALL_RULES: tuple[Rule, ...] = (
    UNUSED_SUPPRESSION,
    PRESTIGE_ML_TITLE,
    AI_WASHING,
    UNDER_TITLED_AI,
    TITLE_DUTY_MISMATCH,
    MISSING_TITLE,
    *realism.RULES,
    *ai_language.RULES,
    *inclusive.RULES,
    *hygiene.RULES,
    *tone.RULES,
)


def rule_by_code_or_name(key: str) -> Rule | None:
    for rule in ALL_RULES:
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None


def matching_rules(selector: str) -> list[Rule]:
    """Rules a selector names: "ALL", a code, a code prefix ("JD1") or a name."""
    key = selector.strip()
    if key.upper() == "ALL":
        return list(ALL_RULES)
    rule = rule_by_code_or_name(key)
    if rule is not None:
        return [rule]
    found = [
        r for r in ALL_RULES if key.upper().startswith("JD") and r.code.startswith(key.upper())
    ]
    if not found:
        raise JdlintError(f"unknown rule, code prefix or name '{selector}' (see 'jdlint rules')")
    return found


def resolve_selectors(
    select: Iterable[str] | None, ignore: Iterable[str], extend_select: Iterable[str]
) -> tuple[Rule, ...]:
    """Rules in catalogue order: ``select`` (the rules on by default when None) plus
    ``extend_select``, less ``ignore``."""
    chosen = (
        {r.code for s in select for r in matching_rules(s)}
        if select is not None
        else {r.code for r in ALL_RULES if r.default}
    )
    chosen |= {r.code for s in extend_select for r in matching_rules(s)}
    chosen -= {r.code for s in ignore for r in matching_rules(s)}
    return tuple(r for r in ALL_RULES if r.code in chosen)


__all__ = [
    "ALL_RULES",
    "Posting",
    "Rule",
    "matching_rules",
    "resolve_selectors",
    "rule_by_code_or_name",
]
