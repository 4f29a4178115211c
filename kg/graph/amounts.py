"""Budget tables of one document as amounts, each with the evidence it was read from.

For every row and every AMOUNT column with a value, one ``hkg:BudgetAmount``: the
measure and year come from the column (the year falls back to the document's fiscal
year). Unreconciled rows are written too, flagged by ``hkg:reconciliation``. The
amounts of a row share one ``hkg:Evidence``: document, line span, page, quote.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from rdflib import URIRef

from kg.graph import ids
from kg.graph.concepts import BudgetConcepts
from kg.graph.namespace import DCTERMS, HKG, OA, OBEU_DIMENSION, RDF, RFC5147, SCHEMA, YEAR
from kg.graph.quads import GraphWriter, boolean, integer, optional_integer, text
from kg.graph.vocabulary import BUDGET_PHASES, MEASURES
from kg.records import BudgetRow, BudgetTable, Column, ColumnRole, Document

log = logging.getLogger(__name__)

NOK = text("NOK")


@dataclass(frozen=True)
class DocumentScope:
    """What the amounts of one document are minted and written against."""

    out: GraphWriter
    iri: URIRef
    document: Document
    fiscal_year: int | None
    minter: ids.Disambiguator
    concepts: BudgetConcepts


def write_table(scope: DocumentScope, table: BudgetTable, index: int) -> None:
    base = ids.table(scope.iri, table.region.first_line, table.region.last_line)
    table_iri = scope.minter.mint(base, ("table", index))
    scope.out.describe(
        table_iri,
        [
            (RDF.type, HKG.BudgetTable),
            (HKG.tableKind, text(table.kind.value)),
            (HKG.unit, optional_integer(table.region.unit)),
            (HKG.firstLine, integer(table.region.first_line)),
            (HKG.lastLine, integer(table.region.last_line)),
            (HKG.reconciled, boolean(table.reconciled)),
            (DCTERMS.isPartOf, scope.iri),
        ],
    )
    for row_index, row in enumerate(table.rows):
        if len(row.values) != len(table.columns):
            raise ValueError(
                f"{scope.document.name}: line {row.first_line}: {len(row.values)} values"
                f" for {len(table.columns)} columns"
            )
        write_row(scope, table, table_iri, row, (index, row_index))


def _amount_columns(
    table: BudgetTable, row: BudgetRow, fiscal_year: int | None
) -> list[tuple[int, Column, int, int]]:
    """(column index, column, year, value) of the row's amounts that can be written."""
    found: list[tuple[int, Column, int, int]] = []
    for position, (column, value) in enumerate(zip(table.columns, row.values, strict=True)):
        if column.role is not ColumnRole.AMOUNT or value is None or column.measure is None:
            continue
        year = column.year if column.year is not None else fiscal_year
        if year is None:
            log.warning(
                "%s: line %d: no fiscal year for column %r; amount left out",
                table.document,
                row.first_line,
                column.label,
            )
            continue
        found.append((position, column, year, value))
    return found


def write_row(
    scope: DocumentScope,
    table: BudgetTable,
    table_iri: URIRef,
    row: BudgetRow,
    position: tuple[int, int],
) -> None:
    amounts = _amount_columns(table, row, scope.fiscal_year)
    if not amounts:
        return
    evidence = write_evidence(scope, row.first_line, row.last_line, row.quote)
    label = ids.canonical_post_label(row.post, row.post_label) if row.post is not None else None
    for column_index, column, year, value in amounts:
        assert column.measure is not None
        if row.post is None:
            own_title = "" if row.is_total else row.title
            budget_line = scope.concepts.chapter(year, row.kap, own_title)
        else:
            budget_line = scope.concepts.post(
                year, row.kap, row.post, row.post_label, row.title, row.qualifiers
            )
        base = ids.amount(
            scope.iri, row.first_line, row.last_line, row.kap, label, column.measure.value, year
        )
        amount = scope.minter.mint(base, (table_iri, position, column_index))
        scope.out.describe(
            amount,
            [
                (RDF.type, HKG.BudgetAmount),
                (SCHEMA.value, integer(value)),
                (SCHEMA.currency, NOK),
                (HKG.measure, MEASURES[column.measure].iri),
                (HKG.fiscalYear, integer(year)),
                (OBEU_DIMENSION.fiscalYear, YEAR[str(year)]),
                (OBEU_DIMENSION.budgetPhase, BUDGET_PHASES[column.measure]),
                (HKG.budgetLine, budget_line),
                (HKG.isTotal, boolean(row.is_total)),
                (HKG.reconciliation, text(row.status.value)),
                (HKG.reconciliationNote, text(row.note) if row.note else None),
                (HKG.columnLabel, text(column.label) if column.label else None),
                (HKG.inTable, table_iri),
                (HKG.evidence, evidence),
            ],
        )


def write_evidence(scope: DocumentScope, first_line: int, last_line: int, quote: str) -> URIRef:
    """Evidence for lines first..last (1-based, inclusive), minted once per span and quote."""
    base = ids.evidence(scope.iri, first_line, last_line)
    evidence = scope.minter.mint(base, quote)
    lines = ids.line_selector(evidence)
    page = None
    if 1 <= first_line <= len(scope.document.lines):
        page = scope.document.lines[first_line - 1].page
    scope.out.describe(
        evidence,
        [
            (RDF.type, HKG.Evidence),
            (OA.hasSource, scope.iri),
            (HKG.firstLine, integer(first_line)),
            (HKG.lastLine, integer(last_line)),
            (HKG.page, optional_integer(page)),
            (OA.hasSelector, lines),
        ],
    )
    # RFC 5147 counts line boundaries from 0: lines 141..142 are "line=140,142".
    scope.out.describe(
        lines,
        [
            (RDF.type, OA.FragmentSelector),
            (RDF.value, text(f"line={first_line - 1},{last_line}")),
            (DCTERMS.conformsTo, RFC5147),
        ],
    )
    if quote:
        selector = ids.quote_selector(evidence)
        scope.out.add(evidence, OA.hasSelector, selector)
        scope.out.describe(selector, [(RDF.type, OA.TextQuoteSelector), (OA.exact, text(quote))])
    return evidence
