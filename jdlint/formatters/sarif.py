"""``sarif``: SARIF 2.1.0, with what GitHub code scanning reads (tool.driver with rules and
their help; results with ruleId, level, a region and partialFingerprints)."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..results import FileResult, Finding
from ..rules import ALL_RULES, Rule
from ..rules.documentation import help_uri, rule_markdown

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/jdlint/jdlint"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """The artifact's path relative to the working directory, as a URI reference."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        relative = path
    # fsencode: a file name that is not UTF-8 is percent-encoded as the bytes it is
    return quote(os.fsencode(Path(relative).as_posix()))


def _fingerprints(result: FileResult) -> list[str]:
    """One per finding, never two alike in a file, and stable across runs and across edits
    elsewhere in the file: the rule, the file, the flagged text (spacing normalised) and, for
    the second and later findings of one rule on the same text, which occurrence it is (the
    first keeps the value it had before occurrences were counted)."""
    seen: Counter[tuple[str, str]] = Counter()
    prints = []
    for finding in result.findings:
        text = " ".join((result.text or "")[finding.start : finding.end].split())
        occurrence = seen[finding.code, text]
        seen[finding.code, text] += 1
        parts = [finding.code, _uri(result.path), text]
        if occurrence:
            parts.append(str(occurrence))
        prints.append(hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32])
    return prints


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation.split("\n\n")[0].replace("\n", " ")},
        "help": {"text": rule.explanation, "markdown": rule_markdown(rule)},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def _fix(result: FileResult, finding: Finding) -> dict:
    """A SARIF fix: replace the characters of ``finding.fix`` with its replacement."""
    assert finding.fix is not None
    return {
        "description": {"text": finding.suggestion or "apply jdlint's fix"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": _uri(result.path)},
                "replacements": [
                    {
                        "deletedRegion": {
                            "charOffset": finding.fix.start,
                            "charLength": finding.fix.end - finding.fix.start,
                        },
                        "insertedContent": {"text": finding.fix.replacement},
                    }
                ],
            }
        ],
    }


def format_sarif(results: Sequence[FileResult]) -> str:
    index = {rule.code: n for n, rule in enumerate(ALL_RULES)}
    sarif_results = []
    notifications = []
    for result in results:
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}
                    ],
                }
            )
        for f, fingerprint in zip(result.findings, _fingerprints(result), strict=True):
            sarif_results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": _LEVEL[f.severity],
                    "message": {"text": f.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": _uri(result.path)},
                                "region": {
                                    "startLine": f.line,
                                    "startColumn": f.column,
                                    "endLine": f.end_line,
                                    "endColumn": f.end_column,
                                    "charOffset": f.start,
                                    "charLength": f.end - f.start,
                                },
                            }
                        }
                    ],
                    "partialFingerprints": {"jdlintFinding/v1": fingerprint},
                }
            )
            if f.fix:
                sarif_results[-1]["fixes"] = [_fix(result, f)]
    run = {
        "tool": {
            "driver": {
                "name": "jdlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule) for rule in ALL_RULES],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if notifications:
        run["invocations"] = [
            {"executionSuccessful": False, "toolExecutionNotifications": notifications}
        ]
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
