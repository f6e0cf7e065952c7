"""``json``: one document, ``{"jdlint_version", "files": [...]}`` (schema:
``jdlint/schemas/output.schema.json``).

The bytes are those of ``json.dumps(document, indent=2, ensure_ascii=False)``, written one
posting at a time (``json_parts``), so memory stays flat however many postings there are. With an
indent, the standard library encodes in Python, through a generator per container; over 2,000
postings that and the ``asdict`` copies behind ``to_dict`` were 1.5 s of CPU (7% of the run).
``_encode`` writes the same text from the result objects directly, its strings escaped by the
standard library's own (C) function.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any

from .. import __version__
from ..results import FileResult

_string = json.encoder.encode_basestring  # ensure_ascii=False: the C escaper where there is one
_INFINITY = float("inf")
_INDENT = "  "


def format_json(results: Sequence[FileResult]) -> str:
    return "".join(json_parts(results))


def json_parts(results: Iterable[FileResult]) -> Iterator[str]:
    """The document in pieces: its head, then one piece per posting, then its end."""
    yield '{\n  "jdlint_version": ' + _string(__version__) + ',\n  "files": ['
    count = 0
    for result in results:
        yield (",\n" if count else "\n") + _INDENT * 2 + _encode(_items(result), 2)
        count += 1
    yield ("\n  ]" if count else "]") + "\n}\n"


def _items(result: FileResult) -> dict[str, Any]:
    """What ``to_dict`` holds, without copying the nested objects (``_encode`` reads them)."""
    data = {
        "path": result.path,
        "title": result.title,
        "profile": result.profile,
        "skills": result.skills,
        "duties": result.duties,
        "findings": result.findings,
    }
    if result.error is not None:
        data["error"] = result.error
    return data


def _float(value: float) -> str:
    # as json.encoder's floatstr (allow_nan=True)
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: Any) -> str | None:
    """A scalar as json.dumps writes it, or None for a container."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return None


def _key(key: Any) -> str:
    # json.dumps's conversion of dict keys (skipkeys=False)
    if isinstance(key, str):
        return _string(key)
    if isinstance(key, (int, float)) or key is None:
        return _string(_scalar(key))  # type: ignore[arg-type]
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _encode(value: Any, depth: int) -> str:
    """``value`` as json.dumps(indent=2) writes it ``depth`` levels deep; a dataclass (a result
    object) as its ``dataclasses.asdict`` would be."""
    text = _scalar(value)
    if text is not None:
        return text
    inner = "\n" + _INDENT * (depth + 1)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        parts = [_encode(item, depth + 1) for item in value]
        return "[" + inner + ("," + inner).join(parts) + "\n" + _INDENT * depth + "]"
    if isinstance(value, dict):
        pairs = list(value.items())
    elif is_dataclass(value):
        pairs = [(name, getattr(value, name)) for name in _field_names(type(value))]
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    if not pairs:
        return "{}"
    parts = [_key(k) + ": " + _encode(v, depth + 1) for k, v in pairs]
    return "{" + inner + ("," + inner).join(parts) + "\n" + _INDENT * depth + "}"


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))
