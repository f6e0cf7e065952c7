"""Rules that report the phrases of a wording list, one finding per phrase."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from ..lexicon import WordingEntry
from ..results import Finding
from .base import Posting, Rule

if TYPE_CHECKING:
    from ..wording import WordingHit


def advice(entry: WordingEntry, default: str) -> str:
    """The suggestion for a hit: "write 'they' instead", or the entry's advice ("(remove)" ->
    "remove it")."""
    suggest = entry.suggest
    if not suggest:
        return default
    if suggest.startswith("(") and suggest.endswith(")"):
        inner = suggest[1:-1]
        return "remove it" + inner[len("remove") :] if inner.startswith("remove") else inner
    if " " in suggest and suggest.split()[0] in ADVICE_VERBS:
        return suggest
    return f"write '{suggest}' instead"


# A suggestion that starts with one of these is advice, not a replacement word.
ADVICE_VERBS = frozenset(
    {"say", "describe", "list", "name", "give", "set", "drop", "let", "find", "make", "turn"}
)


def phrase_rule(
    *,
    code: str,
    name: str,
    severity: str,
    summary: str,
    explanation: str,
    lists: Iterable[str],
    what: str,
    default_advice: str,
    keep: Callable[[Posting, WordingHit], bool] | None = None,
    default: bool = True,
) -> Rule:
    """A rule with one finding per hit of ``lists`` (those ``keep`` accepts): "'<text>' <what>"."""
    list_names = tuple(lists)

    def check(posting: Posting) -> Iterator[Finding]:
        for list_name in list_names:
            for hit in posting.wording(list_name):
                if keep is not None and not keep(posting, hit):
                    continue
                yield posting.finding(
                    rule,
                    posting.source.locate(hit.start, hit.end),
                    f"'{hit.text}' {what}",
                    advice(hit.entry, default_advice),
                )

    rule = Rule(code, name, severity, summary, explanation, check, default)
    return rule
