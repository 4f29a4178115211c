"""The budget amounts of the graph as rows, read by a SPARQL query over the graph.

The graph is the single source of truth: this module only runs
``kg/queries/budget_amounts.rq`` and turns its solutions into plain values.
"""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.query import ResultRow

from kg.graph.compat import quiet_rdflib
from kg.queries import load_query

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

_INTEGER_COLUMNS = frozenset({"fiscal_year", "kap", "post", "amount_nok", "line"})

BudgetExportRow = dict[str, str | int | None]


def _value(column: str, term: object) -> str | int | None:
    if term is None:
        return None
    if not isinstance(term, Literal):
        raise TypeError(f"budget export: {column} is {term!r}, not a literal")
    return int(term) if column in _INTEGER_COLUMNS else str(term)


def export_budget(graph: Graph) -> list[BudgetExportRow]:
    """One row per budget amount with ``BUDGET_COLUMNS``, ordered by document, line,
    kap, post, measure, year. ``post`` is ``None`` for chapter totals."""
    rows: list[BudgetExportRow] = []
    with quiet_rdflib():
        for solution in graph.query(load_query("budget_amounts")):
            assert isinstance(solution, ResultRow)
            rows.append({column: _value(column, solution[column]) for column in BUDGET_COLUMNS})
    return rows
