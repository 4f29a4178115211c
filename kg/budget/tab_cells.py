"""Amounts of a tab-separated row: each tab cell is one number, placed by its header cell."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from kg.budget.columns import read_columns
from kg.records import Column, ColumnRole

NUMBER = re.compile(r"^-?\d+(?:,\d+)?$")
NIL = {"-", "–"}


def tab_values(
    cells: Sequence[str], header_cells: Sequence[str], columns: Sequence[Column], *, unit: int
) -> tuple[int | None, ...]:
    """One value per column, read from the row cell under each column's header cell.

    >>> from kg.records import Column, ColumnRole, Measure
    >>> cols = (Column(ColumnRole.AMOUNT, Measure.ALLOCATION, None, "Samlet tildeling"),)
    >>> tab_values(["0714", "Folkehelse", "21", "X", "A", "1 200"], ["K", "N", "P", "T", "Note",
    ...            "Samlet tildeling"], cols, unit=1)
    (1200,)
    """
    values: list[int | None] = [None] * len(columns)
    next_column = 0
    for index, header in enumerate(header_cells):
        found = read_columns(header, None)
        if not found or next_column >= len(columns):
            continue
        place = next_column
        next_column += 1
        if index >= len(cells):
            continue
        text = cells[index].replace("\xa0", "").replace(" ", "").strip()
        if text in NIL:
            values[place] = 0
        elif NUMBER.match(text):
            number = Decimal(text.replace(",", "."))
            scale = 10 if columns[place].role is ColumnRole.PERCENT_CHANGE else unit
            values[place] = int(number * scale)
    return tuple(values)
