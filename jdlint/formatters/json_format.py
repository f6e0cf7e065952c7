"""``json``: one document, ``{"jdlint_version", "files": [...]}`` (schema:
``jdlint/schemas/output.schema.json``)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .. import __version__
from ..results import FileResult


def format_json(results: Sequence[FileResult]) -> str:
    document = {"jdlint_version": __version__, "files": [r.to_dict() for r in results]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
