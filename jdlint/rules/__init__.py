"""The rule catalogue: every rule with its stable code, name, severity and documentation.

A rule is a module-level ``Rule`` whose ``check`` takes a ``Posting`` and yields findings.
Codes are ``JD`` + three digits, one family per hundred: JD1xx is the title against the duties.
"""

from __future__ import annotations

from .base import Posting, Rule
from .title_mismatch import (
    AI_WASHING,
    MISSING_TITLE,
    PRESTIGE_ML_TITLE,
    TITLE_DUTY_MISMATCH,
    UNDER_TITLED_AI,
)

ALL_RULES: tuple[Rule, ...] = (
    PRESTIGE_ML_TITLE,
    AI_WASHING,
    UNDER_TITLED_AI,
    TITLE_DUTY_MISMATCH,
    MISSING_TITLE,
)


def rule_by_code_or_name(key: str) -> Rule | None:
    for rule in ALL_RULES:
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None


__all__ = ["ALL_RULES", "Posting", "Rule", "rule_by_code_or_name"]
