"""jdlint on Apache Spark: a DataFrame of postings in, the same DataFrame with a result
column out, linted by the same code as the command line.

``lint_dataframe(df, text="text", title="title", id="id")`` adds a struct column ``jdlint``
(``primary_role``, ``confidence``, ``title_roles``, ``error`` and ``findings``, an array of
structs with ``code``, ``name``, ``severity``, ``start``, ``end``, ``line``, ``column``,
``message``, ``suggestion``). It runs as ``mapInPandas``: each executor's Python worker builds
the pipeline once (Spark reuses its Python workers, so later tasks find it built) and lints
its partition in Arrow batches through ``nlp.pipe``. A row becomes a posting exactly as a row
of a table does on the command line (``jdlint.readers.tables``), so the results are the CLI's
for the same rows (``jdlint --isolated``: every rule at its default severity). Needs
``pip install 'jdlint[spark]'`` (pyspark, pyarrow, pandas) on the driver and the executors.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .results import FileResult, flat_finding
from .source import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

    from .linter import Linter

RESULT_COLUMN = "jdlint"
TABLE_NAME = "<dataframe>"
SLICE = 256  # rows linted and returned at a time


def result_schema() -> Any:
    """The Spark type of the result column."""
    from pyspark.sql import types as T

    finding = T.StructType(
        [
            T.StructField("code", T.StringType()),
            T.StructField("name", T.StringType()),
            T.StructField("severity", T.StringType()),
            T.StructField("start", T.LongType()),
            T.StructField("end", T.LongType()),
            T.StructField("line", T.LongType()),
            T.StructField("column", T.LongType()),
            T.StructField("message", T.StringType()),
            T.StructField("suggestion", T.StringType()),
        ]
    )
    return T.StructType(
        [
            T.StructField("primary_role", T.StringType()),
            T.StructField("confidence", T.DoubleType()),
            T.StructField("title_roles", T.ArrayType(T.StringType())),
            T.StructField("error", T.StringType()),
            T.StructField("findings", T.ArrayType(finding)),
        ]
    )


def result_struct(result: FileResult) -> dict[str, Any]:
    """A result as the value of the result column."""
    profile, title = result.profile, result.title
    return {
        "primary_role": None if profile is None else profile.primary,
        "confidence": None if profile is None else profile.confidence,
        "title_roles": [] if title is None else list(title.roles),
        "error": result.error,
        "findings": [flat_finding(f) for f in result.findings],
    }


@lru_cache(maxsize=4)
def _linter(lexicons: tuple[str, ...], max_bytes: int) -> Linter:
    """One pipeline per Python worker process (and per lexicon set)."""
    from .linter import Linter

    return Linter(lexicons=lexicons, max_bytes=max_bytes)


def lint_batches(
    batches: Iterator[pd.DataFrame],
    columns: Mapping[str, str],
    result_column: str = RESULT_COLUMN,
    lexicons: tuple[str, ...] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[pd.DataFrame]:
    """The ``mapInPandas`` function: each pandas batch with the result column added."""
    from .readers.tables import Columns, row_result

    linter = _linter(lexicons, max_bytes)
    chosen = Columns(columns)
    number = 0  # rows of this partition: a DataFrame's rows have no number of their own
    for batch in batches:
        # Arrow batches hold up to 10,000 rows: linted and sent back a slice at a time
        for at in range(0, len(batch), SLICE):
            frame = batch.iloc[at : at + SLICE].copy()
            items: list[Any] = []
            for record in frame.to_dict("records"):
                number += 1
                items.append(row_result(TABLE_NAME, number, record, chosen, max_bytes=max_bytes))
            frame[result_column] = [result_struct(r) for r in linter.lint_files(items)]
            yield frame


def lint_dataframe(
    df: DataFrame,
    *,
    text: str = "text",
    title: str | None = "title",
    id: str | None = "id",  # noqa: A002  # the column's name, as in --column id=...
    columns: Mapping[str, str] | None = None,
    result_column: str = RESULT_COLUMN,
    lexicons: Sequence[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> DataFrame:
    """``df`` with a ``result_column`` struct of jdlint's verdict and findings for each row.

    ``text``, ``title`` and ``id`` name the columns holding the description, the title and
    the row's id (None: none); ``columns`` names others as ``--column`` does
    (``{"datePosted": "posted_at"}``); columns not named are found as the CLI finds them
    (``datePosted``, ``baseSalary``, ``jobLocation``, ...)."""
    try:
        from pyspark.sql import types as T
    except ImportError:  # pragma: no cover - the message is the point
        raise ImportError("jdlint.spark needs pyspark: pip install 'jdlint[spark]'") from None
    chosen = {"text": text, **(columns or {})}
    if title is not None:
        chosen["title"] = title
    if id is not None:
        chosen["id"] = id
    names = set(df.columns)
    for key, name in chosen.items():
        if name not in names:
            raise ValueError(f"lint_dataframe: no column {name!r} for {key}")
    schema = T.StructType([*df.schema.fields, T.StructField(result_column, result_schema())])
    options = (dict(chosen), result_column, tuple(str(p) for p in lexicons), max_bytes)

    def lint_partition(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        return lint_batches(batches, *options)

    return df.mapInPandas(lint_partition, schema)
