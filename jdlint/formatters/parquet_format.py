"""``parquet``: two flat tables in the ``--output`` folder, written as postings are linted.

``findings.parquet``: one row per finding (path, row_id, row_number, code, name, severity,
start, end, line, column, message, suggestion). ``verdicts.parquet``: one row per posting
(path, row_id, row_number, title, title_roles, primary_role, confidence, shares, error).
``row_id`` and ``row_number`` are null for a posting that is a file. Needs pyarrow
(``pip install 'jdlint[parquet]'``); rows go out in row groups of ``GROUP`` so memory stays flat.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import JdlintError
from ..results import FileResult, flat_finding

GROUP = 4096
FINDINGS_FILE = "findings.parquet"
VERDICTS_FILE = "verdicts.parquet"


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    where = [
        ("path", pa.string()),
        ("row_id", pa.string()),
        ("row_number", pa.int64()),
    ]
    findings = pa.schema(
        [
            *where,
            ("code", pa.string()),
            ("name", pa.string()),
            ("severity", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("line", pa.int64()),
            ("column", pa.int64()),
            ("message", pa.string()),
            ("suggestion", pa.string()),
        ]
    )
    verdicts = pa.schema(
        [
            *where,
            ("title", pa.string()),
            ("title_roles", pa.list_(pa.string())),
            ("primary_role", pa.string()),
            ("confidence", pa.float64()),
            ("shares", pa.map_(pa.string(), pa.float64())),
            ("error", pa.string()),
        ]
    )
    return findings, verdicts


def finding_rows(result: FileResult) -> list[dict[str, Any]]:
    """The findings table's rows for one posting."""
    row = result.row
    where = {
        "path": result.path,
        "row_id": None if row is None else row.id,
        "row_number": None if row is None else row.number,
    }
    return [{**where, **flat_finding(f)} for f in result.findings]


def verdict_row(result: FileResult) -> dict[str, Any]:
    """The verdicts table's row for one posting."""
    row, title, profile = result.row, result.title, result.profile
    return {
        "path": result.path,
        "row_id": None if row is None else row.id,
        "row_number": None if row is None else row.number,
        "title": None if title is None else title.text,
        "title_roles": [] if title is None else list(title.roles),
        "primary_role": None if profile is None else profile.primary,
        "confidence": None if profile is None else profile.confidence,
        "shares": None if profile is None else list(profile.shares.items()),
        "error": result.error,
    }


class ParquetTables:
    """The two tables in ``folder``, appended to one posting at a time; ``close`` ends them."""

    def __init__(self, folder: str | Path) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise JdlintError(
                "--format parquet needs pyarrow: pip install 'jdlint[parquet]'"
            ) from None
        self._pa = pa
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            findings, verdicts = _schemas()
            self._writers = (
                pq.ParquetWriter(folder / FINDINGS_FILE, findings),
                pq.ParquetWriter(folder / VERDICTS_FILE, verdicts),
            )
        except OSError as exc:
            raise JdlintError(f"{folder}: cannot write the output: {exc}") from None
        self._rows: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])

    def add(self, result: FileResult) -> None:
        self._rows[0].extend(finding_rows(result))
        self._rows[1].append(verdict_row(result))
        if len(self._rows[1]) >= GROUP:
            self._flush()

    def _flush(self) -> None:
        for writer, rows in zip(self._writers, self._rows, strict=True):
            if rows:
                writer.write_table(self._pa.Table.from_pylist(rows, schema=writer.schema))
                rows.clear()

    def close(self) -> None:
        self._flush()
        for writer in self._writers:
            writer.close()
