"""Bounded work on floods: a posting that names one thing thousands of times keeps the first
few hundred of them, and a posting that names thousands of things keeps the first few
thousand.

A megabyte of "Python " is 142,857 mentions of one skill; each became a hit, a span, a
mention, a piece of evidence and a located result item, 3.4 s in all. Past a few dozen, a
repeat changes no figure jdlint reports (its decayed weight is below ``NEGLIGIBLE`` in
``role_profile``), so the components keep ``MAX_MENTIONS`` of each thing, ``MAX_HITS`` in
all, and the linter builds ``MAX_FINDINGS`` findings of each rule: the work after matching is
bounded per posting, whatever it repeats.
"""

from __future__ import annotations

from collections.abc import Hashable

# Hits of one skill, one duty (verb and object), one wording entry or one kind of other work
# per posting. The most of one in 9,689 real postings is 50 (a skill); 4 times that leaves
# every real posting as it was.
MAX_MENTIONS = 200
# Hits of one component (skills, duties, wording, other work) per posting, of any keys: a
# megabyte cycling through the 446 skills of the lexicons names each of them about 160 times,
# 3.1 s.
# The most in 9,689 real postings is 156 (skills).
MAX_HITS = 2_000
# Findings of one rule per posting (--fix fixes at most these many per run). The most of one
# rule in 9,689 real postings is 8.
MAX_FINDINGS = 100


class Quota:
    """Admits each key ``per_key`` times, and ``total`` keys in all."""

    def __init__(self, per_key: int = MAX_MENTIONS, total: int = MAX_HITS) -> None:
        self.per_key = per_key
        self.left = total
        self.seen: dict[Hashable, int] = {}

    def admit(self, key: Hashable) -> bool:
        """True the first ``per_key`` times ``key`` is asked about while fewer than ``total``
        were admitted, then False."""
        count = self.seen.get(key, 0)
        if count >= self.per_key or self.left <= 0:
            return False
        self.seen[key] = count + 1
        self.left -= 1
        return True
