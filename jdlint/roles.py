"""The eight roles jdlint tells apart, and how they relate (see shared ROLES.md)."""

from __future__ import annotations

ROLE_IDS: tuple[str, ...] = (
    "ai_engineer",
    "ml_engineer",
    "mlops_engineer",
    "data_scientist",
    "research_scientist",
    "data_engineer",
    "data_analyst",
    "software_engineer",
)

# Roles whose work has AI or ML at its core.
AI_ML_ROLES: frozenset[str] = frozenset(
    {"ai_engineer", "ml_engineer", "mlops_engineer", "research_scientist"}
)

# Roles whose work involves models at all: the AI/ML roles and data science.
MODEL_ROLES: frozenset[str] = AI_ML_ROLES | {"data_scientist"}

# Titles that claim model building, data science or research: the "prestige" titles.
PRESTIGE_ROLES: frozenset[str] = frozenset({"ml_engineer", "data_scientist", "research_scientist"})

# Pairs a hiring manager would not call a mismatch (ROLES.md, "close neighbours"); research and
# ML engineering are read either way when the duties are model training without publications.
CLOSE_NEIGHBOURS: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"ml_engineer", "mlops_engineer"}),
        frozenset({"ml_engineer", "data_scientist"}),
        frozenset({"ml_engineer", "research_scientist"}),
    }
)

# Roles whose work overlaps (ROLES.md: data scientists report and analysts model a little): a
# title naming one over duties of the other is not a mismatch.
OVERLAPPING: frozenset[frozenset[str]] = frozenset({frozenset({"data_scientist", "data_analyst"})})
# Both together: the pairs a term of one never argues for the other of (the role model's fit),
# and between which the title settles a close call (role_profile.title_tie_break).
NEIGHBOURS: frozenset[frozenset[str]] = CLOSE_NEIGHBOURS | OVERLAPPING


def are_close_neighbours(a: str, b: str) -> bool:
    """True when a title naming ``a`` over duties of ``b`` is not a mismatch."""
    return a == b or frozenset({a, b}) in CLOSE_NEIGHBOURS
