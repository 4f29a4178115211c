"""The budget amounts of the graph as rows, read by a SPARQL query over the graph.

The graph is the single source of truth: this module only runs
``kg/queries/budget_amounts.rq`` and turns its solutions into plain values.
"""

from __future__ import annotations

from kg.engine import GraphSource
from kg.exports.rows import ExportRow, query_rows

BUDGET_COLUMNS = (
    "document",
    "fiscal_year",
    "kap",
    "post",
    "title",
    "measure",
    "amount_nok",
    "line",
)
"""Columns of a budget export row, in order."""

BudgetExportRow = ExportRow


def export_budget(graph: GraphSource) -> list[BudgetExportRow]:
    """One row per budget amount with ``BUDGET_COLUMNS``, ordered by document, line,
    kap, post, measure, year. ``post`` is ``None`` for chapter totals."""
    integers = {"fiscal_year", "kap", "post", "amount_nok", "line"}
    return query_rows(graph, "budget_amounts", BUDGET_COLUMNS, integers=integers)
