"""The budget tables of the real corpus: found, read and reconciled.

The expectations come from the documents themselves (each "Sum kap." line, each printed
difference), counted here with simple patterns of the test's own, not from the extractor.
"""

from __future__ import annotations

import re

import pytest

from kg.records import DocumentExtraction, DocumentKind, RowStatus, TableKind

Extractions = dict[str, DocumentExtraction]
SUM_KAP = re.compile(r"^\s*Sum kap\.\s*\d{3,4}\s+\d")


def _of_kind(extractions: Extractions, kind: DocumentKind) -> list[DocumentExtraction]:
    found = [e for e in extractions.values() if e.profile.kind is kind]
    assert found, f"no {kind.value} in the corpus"
    return found


def test_corpus_every_sum_kap_line_is_a_reconciled_post_table(
    corpus_extractions: Extractions,
) -> None:
    for extraction in _of_kind(corpus_extractions, DocumentKind.BUDGET_PROPOSITION):
        printed = {
            line.number
            for line in extraction.document.lines
            if SUM_KAP.match(line.text) and "post" not in line.text.split("Sum kap.")[1][:12]
        }
        post_tables = [t for t in extraction.tables if t.kind is TableKind.POST_TABLE]
        totals = {c.line for t in post_tables for c in t.checks}
        assert printed <= totals, f"Sum kap. lines without a table: {sorted(printed - totals)}"
        failed = [(t.region.first_line, c) for t in post_tables for c in t.checks if not c.ok]
        assert not failed


def test_corpus_category_tables_reconcile(corpus_extractions: Extractions) -> None:
    for extraction in _of_kind(corpus_extractions, DocumentKind.BUDGET_PROPOSITION):
        tables = [t for t in extraction.tables if t.kind is TableKind.CATEGORY_TABLE]
        assert tables
        assert all(t.reconciled for t in tables), [t.region.first_line for t in tables]


def test_corpus_proposition_rows_are_settled(corpus_extractions: Extractions) -> None:
    for extraction in _of_kind(corpus_extractions, DocumentKind.BUDGET_PROPOSITION):
        rows = [r for t in extraction.tables for r in t.rows]
        unsettled = [r for r in rows if r.status is RowStatus.UNRECONCILED]
        assert not unsettled
        inferred = [r for r in rows if r.status is RowStatus.INFERRED]
        assert len(inferred) <= len(rows) // 50  # the rare chapter no total settles


def test_corpus_appropriation_report_rows_check_out(corpus_extractions: Extractions) -> None:
    for extraction in _of_kind(corpus_extractions, DocumentKind.ANNUAL_REPORT):
        tables = [t for t in extraction.tables if t.kind is TableKind.APPROPRIATION_REPORT]
        assert tables
        for table in tables:
            difference = [i for i, c in enumerate(table.columns) if c.role.value == "difference"]
            assert difference
            for row in table.rows:
                if row.is_total:
                    continue
                printed_all = all(row.values[i] is not None for i in range(difference[0] + 1))
                if printed_all:
                    assert row.status is RowStatus.CHECKED, (row.first_line, row.values)
                assert row.status is not RowStatus.UNRECONCILED
            assert all(c.ok for c in table.checks)


@pytest.mark.parametrize("kind", [DocumentKind.ANNUAL_REPORT])
def test_corpus_report_rows_match_printed_chapter_lines(
    corpus_extractions: Extractions, kind: DocumentKind
) -> None:
    """Every line that starts like a report row (a four-digit chapter) became a row."""
    for extraction in _of_kind(corpus_extractions, kind):
        for table in (t for t in extraction.tables if t.kind is TableKind.APPROPRIATION_REPORT):
            lines = extraction.document.lines[
                table.region.header_last_line : table.region.last_line
            ]
            starts = {line.number for line in lines if re.match(r"^\s*\d{4}(\s|$)", line.text)}
            rows = {r.first_line for r in table.rows}
            assert starts <= rows, sorted(starts - rows)


def test_corpus_allocation_letter_rows_are_read(corpus_extractions: Extractions) -> None:
    for extraction in _of_kind(corpus_extractions, DocumentKind.ALLOCATION_LETTER):
        rows = [r for t in extraction.tables for r in t.rows if not r.is_total]
        assert rows
        assert not [r for r in rows if r.status is RowStatus.UNRECONCILED]
        amounts = [v for r in rows for v in r.values if v is not None]
        assert all(0 <= v < 100_000_000_000 for v in amounts)
        assert all(r.post is not None and 100 <= r.kap <= 9999 for r in rows)
