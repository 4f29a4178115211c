"""Chapter totals printed in one table, used to settle another table of the same document.

The budget proposition prints each chapter's total twice: as a row of its programme
category's table, and as the "Sum kap." line under the chapter's own post table.  Where
the post table alone leaves a doubt (two amounts under three year columns), the category
table's row says which columns they stand in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kg.budget.candidates import Candidate
from kg.records import BudgetTable, Column, ColumnRole, Measure, RowStatus

ColumnKey = tuple[Measure | None, int | None]
ChapterTotals = Mapping[int | None, Mapping[ColumnKey, int | None]]

TRUSTED = (RowStatus.CHECKED, RowStatus.RECONCILED)


def chapter_totals(tables: Iterable[BudgetTable]) -> dict[int | None, dict[ColumnKey, int | None]]:
    """Chapter -> (measure, year) -> amount, from the settled chapter rows of these tables."""
    totals: dict[int | None, dict[ColumnKey, int | None]] = {}
    for table in tables:
        for row in table.rows:
            if row.post is not None or row.is_total or row.status not in TRUSTED:
                continue
            totals[row.kap] = {
                (column.measure, column.year): value
                for column, value in zip(table.columns, row.values, strict=True)
                if column.role is ColumnRole.AMOUNT
            }
    return totals


def agreeing(
    options: Sequence[Candidate],
    columns: Sequence[Column],
    known: Mapping[ColumnKey, int | None] | None,
) -> list[Candidate]:
    """The options that agree with a chapter total printed elsewhere (all, if none does)."""
    if not known:
        return list(options)
    fitting = [o for o in options if _agrees(o, columns, known)]
    return fitting or list(options)


def _agrees(
    option: Candidate, columns: Sequence[Column], known: Mapping[ColumnKey, int | None]
) -> bool:
    for column, value in zip(columns, option.values, strict=True):
        key = (column.measure, column.year)
        if column.role is ColumnRole.AMOUNT and key in known and (known[key] or 0) != (value or 0):
            return False
    return True
