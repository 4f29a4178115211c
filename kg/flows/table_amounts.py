"""Prose amounts checked against the budget tables of the same document.

"Det stilles til disposisjon 14 778 mill. kroner" reads as 14,778 billion NOK; when the
allocation table of that post says 14 778 (thousands), the space was a decimal comma.
Only that one misreading is corrected: where prose and table otherwise disagree, the
prose figure stands.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.flows.rules import FlowRules
from kg.money.amounts import ProseAmount
from kg.records import BudgetTable, ColumnRole

TableValues = dict[tuple[int, int | None], frozenset[int]]


def chapter_of_post(tables: Sequence[BudgetTable], line: int, post: int) -> int | None:
    """The chapter of ``post`` in the last table before ``line`` that lists it
    ("Post 21" under a chapter's allocation table)."""
    best: tuple[int, int] | None = None
    for table in tables:
        if table.region.last_line >= line:
            continue
        for row in table.rows:
            if row.post == post and (best is None or table.region.last_line > best[0]):
                best = (table.region.last_line, row.kap)
    return best[1] if best else None


def table_values(tables: Sequence[BudgetTable]) -> TableValues:
    """Every amount the tables print for each (kap, post), in NOK."""
    found: dict[tuple[int, int | None], set[int]] = {}
    for table in tables:
        amount_columns = [
            i for i, column in enumerate(table.columns) if column.role is ColumnRole.AMOUNT
        ]
        for row in table.rows:
            values = found.setdefault((row.kap, row.post), set())
            values.update(
                value
                for i in amount_columns
                if i < len(row.values) and (value := row.values[i]) is not None
            )
    return {key: frozenset(values) for key, values in found.items()}


def checked_amount(
    amount: ProseAmount,
    kap: int | None,
    post: int | None,
    values: TableValues,
    rules: FlowRules,
) -> int:
    """The amount in NOK, with a space misread as thousands separator put right."""
    if kap is None or not rules.space_grouped_million.match(amount.text):
        return amount.nok
    printed = values.get((kap, post), frozenset())
    if amount.nok not in printed and amount.nok // 1000 in printed:
        return amount.nok // 1000
    return amount.nok
