"""Tables of postings: JSON Lines, CSV and Parquet exports, one posting a row.

Columns are found by name, case-insensitively (``title``; ``description``, ``text`` or
``body``; ``id``; the schema.org JobPosting fields ``datePosted``, ``baseSalary``,
``jobLocation`` and their kin, as the JSON-LD reader keeps them), or named with
``--column KEY=COLUMN``. A row becomes a Source named ``TABLE#ID`` (``TABLE#row-N`` when the
row has no id) whose original text is the row's posting: the title, a blank line, then the
description as the table holds it, so every offset jdlint reports is an offset into
``title + "\\n\\n" + description``. A description holding HTML is read with the HTML reader,
its offsets mapped into that text.

Rows are read one at a time (Parquet a batch at a time, only the columns needed), so a table
of any length takes the memory of a few rows. A row that cannot be linted (not JSON, not
valid UTF-8, no description, larger than ``--max-bytes``) becomes a result with its error;
the rows after it are read as ever.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError, unreadable
from ..files import open_regular
from ..offsets import TextBuilder
from ..results import FileResult, Row
from ..source import Source
from .jsonld_format import METADATA_FIELDS

TABLE_FORMATS = ("jsonl", "csv", "parquet")
TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}

# What each part of a posting is read from: --column KEY=NAME first, else the first of these
# names the row has (case-insensitive).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title"),
    "text": ("description", "text", "body"),
    "id": ("id", "job_id", "identifier"),
    "datePosted": ("datePosted", "date_posted", "date"),
    "baseSalary": ("baseSalary", "base_salary", "salary"),
    "estimatedSalary": ("estimatedSalary", "estimated_salary"),
    "jobLocation": ("jobLocation", "job_location", "location"),
    "jobLocationType": ("jobLocationType", "job_location_type"),
    "applicantLocationRequirements": (
        "applicantLocationRequirements",
        "applicant_location_requirements",
    ),
    "employmentType": ("employmentType", "employment_type"),
}
assert set(METADATA_FIELDS) <= set(COLUMN_NAMES)
COLUMN_ALIASES = {"description": "text", "body": "text"}
PARQUET_BATCH = 256
# A JSON line holds more than its posting (escapes, other columns): lines up to this many
# times --max-bytes are parsed, and the posting itself is then held to --max-bytes.
LINE_FACTOR = 4
_HTML = re.compile(
    r"<(?:p|br|div|li|ul|ol|h[1-6]|strong|b|em|i|span|a|table|tr|td|section)\b[^<>]*>",
    re.IGNORECASE,
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def table_format(path: str, input_format: str | None) -> str | None:
    """The table format of an input (by ``--input-format``, else by suffix), or None."""
    if input_format is not None:
        return input_format if input_format in TABLE_FORMATS else None
    return TABLE_SUFFIXES.get(Path(path).suffix.lower())


def parse_columns(options: Iterable[str]) -> dict[str, str]:
    """``--column KEY=NAME`` options as {key: column name}; raises InputError for a bad one."""
    columns: dict[str, str] = {}
    for option in options:
        key, sep, name = option.partition("=")
        key = COLUMN_ALIASES.get(key.strip(), key.strip())
        if not sep or not name or key not in COLUMN_NAMES:
            keys = ", ".join(COLUMN_NAMES)
            raise InputError(f"--column {option!r}: expected KEY=COLUMN with KEY one of {keys}")
        columns[key] = name
    return columns


def row_name(table: str, number: int, row_id: str | None) -> str:
    """How a row is named in findings: ``TABLE#ID``, or ``TABLE#row-N`` without an id."""
    return f"{table}#{row_id}" if row_id else f"{table}#row-{number}"


class Columns:
    """Which column holds each part of a posting, for the column names a row has."""

    def __init__(self, chosen: Mapping[str, str] | None = None) -> None:
        self.chosen = dict(chosen or {})
        self._found: dict[tuple[str, ...], dict[str, str | None]] = {}

    def find(self, names: Iterable[str]) -> dict[str, str | None]:
        """{key: the column for it, or None}, for a row with these column names."""
        names = tuple(names)
        if names not in self._found:
            lower: dict[str, str] = {}
            for name in names:
                lower.setdefault(name.lower(), name)
            found: dict[str, str | None] = {}
            for key, candidates in COLUMN_NAMES.items():
                if key in self.chosen:
                    wanted = self.chosen[key]
                    found[key] = wanted if wanted in names else lower.get(wanted.lower())
                else:
                    found[key] = next(
                        (lower[c.lower()] for c in candidates if c.lower() in lower), None
                    )
            self._found[names] = found
        return self._found[names]

    def missing_text(self) -> str:
        """The message for a row or table without a description column."""
        if "text" in self.chosen:
            return f"no column {self.chosen['text']!r} (--column text=...)"
        names = ", ".join(COLUMN_NAMES["text"])
        return f"no description column (looked for {names}; name one with --column text=NAME)"


def _scalar_id(value: Any) -> str | None:
    if isinstance(value, dict):  # schema.org PropertyValue
        value = value.get("value")
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value)
    return text if text.strip() else None


def _is_blank(value: Any) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    return isinstance(value, float) and value != value  # NaN: an empty cell


def _text_value(value: Any) -> str | None:
    if _is_blank(value):
        return None
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if not _is_blank(v))
    return value if isinstance(value, str) else str(value)


def row_source(
    table: str,
    number: int,
    record: Mapping[str, Any],
    columns: Columns,
    *,
    max_bytes: int,
) -> Source:
    """The posting of one table row. Raises InputError (its message names the row) when the
    row cannot be one."""
    found = columns.find(record.keys())
    row_id = _scalar_id(record[found["id"]]) if found["id"] else None
    where = f"{table}: row {number}" + (f" (id {row_id})" if row_id else "")
    text_column = found["text"]
    description = _text_value(record[text_column]) if text_column else None
    if text_column is None:
        raise InputError(f"{where}: {columns.missing_text()}")
    if description is None:
        raise InputError(f"{where}: the description ({text_column!r}) is empty")
    title = _text_value(record[found["title"]]) if found["title"] else None
    for value in (title, description):
        if value is not None and _SURROGATE.search(value):
            raise InputError(
                f"{where}: not valid text in the table's encoding; pass --encoding if the "
                "table uses another"
            )
    original = f"{title}\n\n{description}" if title else description
    if len(original) > max_bytes or len(original.encode("utf-8")) > max_bytes:
        raise InputError(f"{where}: larger than the {max_bytes:,}-byte limit, skipped")
    date = found["datePosted"]
    date_posted = None if not date or _is_blank(record[date]) else str(record[date])
    metadata = {}
    for key in METADATA_FIELDS:
        column = found[key]
        if column is not None and not _is_blank(record[column]):
            metadata[key] = record[column]
    row = Row(table, number, row_id)
    name = row_name(table, number, row_id)
    if not _HTML.search(description):
        return Source(name, original, date_posted=date_posted, metadata=metadata, row=row)
    from .html_format import html_text

    base = len(original) - len(description)
    body, _, _, _ = html_text(description, base)
    out = TextBuilder()
    out.copy(original[:base], 0)
    out.extend(body)
    text, offsets = out.build(len(original))
    return Source(
        name,
        original,
        text,
        offsets,
        input_format="html",
        date_posted=date_posted,
        metadata=metadata,
        row=row,
    )


def _row_error(table: str, number: int, message: str, row_id: str | None = None) -> FileResult:
    return FileResult(
        path=row_name(table, number, row_id), error=message, row=Row(table, number, row_id)
    )


def row_result(
    table: str, number: int, record: Mapping[str, Any], columns: Columns, *, max_bytes: int
) -> Source | FileResult:
    """The row's Source, or a result with the reason it cannot be linted."""
    try:
        return row_source(table, number, record, columns, max_bytes=max_bytes)
    except InputError as exc:
        found = columns.find(record.keys())
        row_id = _scalar_id(record.get(found["id"])) if found["id"] else None
        return _row_error(table, number, str(exc), row_id)


def _records_result(
    table: str,
    records: Iterator[tuple[int, Mapping[str, Any] | str]],
    columns: Columns,
    max_bytes: int,
) -> Iterator[Source | FileResult]:
    """Sources (or errors) for (row number, record or the row's error message) pairs."""
    for number, record in records:
        if isinstance(record, str):
            yield _row_error(table, number, f"{table}: row {number}: {record}")
        else:
            yield row_result(table, number, record, columns, max_bytes=max_bytes)


def _jsonl_records(
    stream: BinaryIO, encoding: str | None, max_bytes: int, table: str
) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    limit = LINE_FACTOR * max_bytes + 65_536
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # the rest of an over-long line, read and dropped
            yield number, f"larger than the {max_bytes:,}-byte limit, skipped"
            continue
        if number == 1 and line.startswith(codecs.BOM_UTF8) and encoding is None:
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        try:
            text = line.decode(encoding or "utf-8")
        except UnicodeDecodeError as exc:
            yield (
                number,
                (
                    f"not valid {encoding or 'UTF-8'} (byte {exc.start} of the line); pass "
                    "--encoding if the table uses another encoding"
                ),
            )
            continue
        except LookupError as exc:
            raise InputError(f"{table}: cannot decode as {encoding}: {exc}") from None
        try:
            record = json.loads(text.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield number, f"not valid JSON ({exc.msg} at column {exc.pos + 1})"
            continue
        if not isinstance(record, dict):
            yield number, f"not a JSON object but {type(record).__name__}"
            continue
        yield number, record


def _csv_records(
    stream: BinaryIO, encoding: str | None, max_bytes: int, table: str, columns: Columns
) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    # Undecodable bytes become lone surrogates, so that one bad row is that row's error.
    text = io.TextIOWrapper(
        stream, encoding=encoding or "utf-8-sig", errors="surrogateescape", newline=""
    )
    csv.field_size_limit(max(LINE_FACTOR * max_bytes, csv.field_size_limit()))
    reader = csv.reader(text)
    number = 0
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(f"{table}: empty, no header row")
        if columns.find(header)["text"] is None:
            raise InputError(f"{table}: {columns.missing_text()}")
        for values in reader:
            if not values:
                continue  # a blank line
            number += 1
            yield number, dict(zip(header, values, strict=False))
    except csv.Error as exc:
        raise InputError(
            f"{table}: row {number + 1}: not valid CSV ({exc}); the rest of the table is not read"
        ) from None
    except LookupError as exc:
        raise InputError(f"{table}: {exc}") from None


def _parquet_records(path: str, table: str, columns: Columns) -> Iterator[tuple[int, Any]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            f"{table}: reading Parquet needs pyarrow: pip install 'jdlint[parquet]'"
        ) from None
    try:
        parquet = pq.ParquetFile(path)
        names = parquet.schema_arrow.names
        found = columns.find(names)
        if found["text"] is None:
            raise InputError(f"{table}: {columns.missing_text()}")
        wanted = [c for c in dict.fromkeys(found.values()) if c is not None]
        number = 0
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH, columns=wanted):
            for record in batch.to_pylist():
                number += 1
                yield number, record
    except (OSError, ValueError) as exc:  # pyarrow's errors: ArrowInvalid is a ValueError
        raise InputError(f"{table}: not a readable Parquet file ({exc})") from None


def read_table(
    path: str,
    table_format: str,
    columns: Columns,
    *,
    encoding: str | None = None,
    max_bytes: int,
    stream: BinaryIO | None = None,
) -> Iterator[Source | FileResult]:
    """Every row of a table as a Source, or a FileResult with the row's error, in order; a
    table that cannot be read at all ends with one FileResult naming the table. ``stream``
    reads the table from there (standard input) instead of ``path``."""
    try:
        if table_format == "parquet":
            if stream is not None:
                raise InputError(f"{path}: Parquet cannot be read from standard input")
            records = _parquet_records(path, path, columns)
            yield from _records_result(path, records, columns, max_bytes)
            return
        handle = stream if stream is not None else _open(path)
        try:
            if table_format == "csv":
                records = _csv_records(handle, encoding, max_bytes, path, columns)
            else:
                records = _jsonl_records(handle, encoding, max_bytes, path)
            yield from _records_result(path, records, columns, max_bytes)
        finally:
            if stream is None:
                handle.close()
    except InputError as exc:
        yield FileResult(path=path, error=str(exc))


def _open(path: str) -> BinaryIO:
    try:
        return open_regular(path)
    except OSError as exc:
        raise unreadable(path, exc) from None
