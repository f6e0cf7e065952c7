"""``jsonl``: JSON Lines, one posting a line, written as each is linted.

Each line is the object the ``json`` format puts in ``files[]`` plus ``row_id`` (the row's id
column, or null) and ``row_number`` (its 1-based row in the table), both null for a file: a
long run can be resumed, split or loaded into a warehouse as it goes. No summary line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..results import FileResult


def jsonl_object(result: FileResult) -> dict:
    """The ``json`` format's item for a posting, with its row."""
    row = result.row
    return {
        **result.to_dict(),
        "row_id": None if row is None else row.id,
        "row_number": None if row is None else row.number,
    }


def format_jsonl_result(result: FileResult, colour: bool = False) -> str:
    return json.dumps(jsonl_object(result), ensure_ascii=False) + "\n"


def format_jsonl(results: Sequence[FileResult]) -> str:
    return "".join(format_jsonl_result(r) for r in results)
