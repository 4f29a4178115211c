"""Rows of plain values as CSV, JSON or an aligned text table; to a file or stdout.

CSV: a header row, ``\\n`` line ends, empty cells for ``None``. JSON: a list of
objects with the columns in order (``ensure_ascii=False``, indent 2). Text: columns
padded to their widest cell, numbers right-aligned. Files are written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from kg.atomic import write_atomic

Value = str | int | float | bool | None
Row = Mapping[str, Value]


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(rows: Sequence[Row], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def to_json(rows: Sequence[Row], columns: Sequence[str]) -> str:
    objects = [{column: row.get(column) for column in columns} for row in rows]
    return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


def to_text(rows: Sequence[Row], columns: Sequence[str]) -> str:
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    widths = [
        max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)
    ]
    numeric = [
        bool(rows)
        and all(isinstance(row.get(c), int | float) or row.get(c) is None for row in rows)
        for c in columns
    ]

    def line(values: Sequence[str], header: bool = False) -> str:
        padded = (
            value.rjust(width) if is_number and not header else value.ljust(width)
            for value, width, is_number in zip(values, widths, numeric, strict=True)
        )
        return "  ".join(padded).rstrip() + "\n"

    rule = "  ".join("-" * width for width in widths) + "\n"
    return line(columns, header=True) + rule + "".join(line(values) for values in cells)


FORMATS: dict[str, Callable[[Sequence[Row], Sequence[str]], str]] = {
    "csv": to_csv,
    "json": to_json,
    "table": to_text,
}
"""Output formats by name."""


def render(rows: Sequence[Row], columns: Sequence[str], fmt: str) -> str:
    try:
        formatter = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}") from None
    return formatter(rows, columns)


def write_rows(
    rows: Sequence[Row],
    columns: Sequence[str],
    fmt: str,
    out: Path | None = None,
    *,
    stream: TextIO | None = None,
) -> None:
    """Write ``rows`` as ``fmt`` to the file ``out`` (atomically), else to ``stream`` (stdout)."""
    text = render(rows, columns, fmt)
    if out is not None:
        write_atomic(out, text)
    else:
        (stream or sys.stdout).write(text)
