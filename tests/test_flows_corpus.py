"""General facts about the flows read from the corpus (skipped without it)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from kg.budget.extract import extract_tables
from kg.flows import FlowResult, extract_flows
from kg.ingest import load_documents
from kg.money.amounts import find_amounts
from kg.recognise import recognise
from kg.records import BudgetTable, Document, DocumentKind, Profile, Segmentation
from kg.segment import segment

TOTAL_LINE = re.compile(
    r"(?i)\btildeles\b(?:\s+totalt)?\s+[\d,]+\s+mill\..*\b(?:totalt|fordelt på|følgende|herunder:)"
)
SPACE_MILLION = re.compile(r"\b\d{1,3} \d{3}(?:,\d+)? mill\.")


@cache
def _read(
    path: Path,
) -> tuple[Document, Profile, Segmentation, tuple[BudgetTable, ...], FlowResult]:
    documents, _ = load_documents([path])
    document = documents[0]
    profile = recognise(document)
    segmentation = segment(document)
    tables = extract_tables(document, profile, segmentation.tables)
    result = extract_flows(document, profile, segmentation, tables, ())
    return document, profile, segmentation, tables, result


def _documents(
    corpus_dir: Path, kind: DocumentKind
) -> list[tuple[Document, Profile, Segmentation, tuple[BudgetTable, ...], FlowResult]]:
    found = [_read(path) for path in sorted(corpus_dir.glob("*.txt"))]
    return [entry for entry in found if entry[1].kind is kind]


def _letters(
    corpus_dir: Path,
) -> list[tuple[Document, Profile, Segmentation, tuple[BudgetTable, ...], FlowResult]]:
    letters = _documents(corpus_dir, DocumentKind.ALLOCATION_LETTER)
    assert len(letters) >= 2
    return letters


def test_flows_corpus_every_total_statement_is_checked(corpus_dir: Path) -> None:
    for document, _, segmentation, _, (_, _, checks) in _letters(corpus_dir):
        in_table = {n for t in segmentation.tables for n in range(t.first_line, t.last_line + 1)}
        expected = {
            line.number
            for line in document.lines
            if line.number not in in_table and TOTAL_LINE.search(line.text)
        }
        assert expected, document.name
        assert expected <= {check.line for check in checks}, document.name


def test_flows_corpus_total_checks_sum_their_items(corpus_dir: Path) -> None:
    for document, _, _, _, (flows, _, checks) in _letters(corpus_dir):
        by_line = {
            flow.first_line: flow for flow in flows if not flow.is_total and not flow.parent_line
        }
        for check in checks:
            items = [by_line[line] for line in check.item_lines]
            assert check.items_nok == sum(item.amount_nok for item in items), document.name
            assert all(item.parent_line is None and item.first_line > check.line for item in items)
            assert check.ok == (abs(check.total_nok - check.items_nok) <= 1000)


@pytest.mark.parametrize("kind", [DocumentKind.ALLOCATION_LETTER, DocumentKind.BUDGET_PROPOSITION])
def test_flows_corpus_every_flow_quotes_its_lines(corpus_dir: Path, kind: DocumentKind) -> None:
    entries = _documents(corpus_dir, kind)
    assert entries
    for document, profile, segmentation, _, (flows, changes, _) in entries:
        assert flows, document.name
        in_table = {n for t in segmentation.tables for n in range(t.first_line, t.last_line + 1)}
        for flow in flows:
            assert flow.amount_nok > 0
            assert 1 <= flow.first_line <= flow.last_line <= len(document.lines)
            assert flow.first_line not in in_table
            assert flow.fiscal_year == profile.fiscal_year
            assert flow.recipient and flow.quote
            assert flow.document == document.name
        for change in changes:
            assert change.amount_nok > 0 and change.direction in {"increase", "decrease", "move"}
            assert 1 <= change.first_line <= change.last_line <= len(document.lines)


def test_flows_corpus_quote_holds_the_amount_as_written(corpus_dir: Path) -> None:
    for kind in (DocumentKind.ALLOCATION_LETTER, DocumentKind.BUDGET_PROPOSITION):
        for document, _, _, _, (flows, _, _) in _documents(corpus_dir, kind):
            for flow in flows:
                text = " ".join(document.text(flow.first_line, flow.last_line).split())
                quote = " ".join(flow.quote.split())
                written = [
                    a.text for a in find_amounts(text) if flow.amount_nok in (a.nok, a.nok // 1000)
                ]
                assert written, (document.name, flow)
                assert any(" ".join(w.split()) in quote for w in written), (document.name, flow)


def test_flows_corpus_parents_are_flows_of_the_same_post(corpus_dir: Path) -> None:
    for kind in (DocumentKind.ALLOCATION_LETTER, DocumentKind.BUDGET_PROPOSITION):
        for document, _, _, _, (flows, _, _) in _documents(corpus_dir, kind):
            heads = {(f.first_line, f.kap, f.post) for f in flows if f.parent_line is None}
            for flow in flows:
                if flow.parent_line is not None:
                    assert (flow.parent_line, flow.kap, flow.post) in heads, (document.name, flow)


def test_flows_corpus_payers(corpus_dir: Path) -> None:
    for document, profile, _, _, (flows, _, _) in _letters(corpus_dir):
        for flow in flows:
            expected = profile.issuer if flow.is_total else (profile.addressee, profile.issuer)
            assert flow.payer == expected or flow.payer in expected, document.name
    for document, profile, _, _, (flows, _, checks) in _documents(
        corpus_dir, DocumentKind.BUDGET_PROPOSITION
    ):
        assert checks == ()
        assert {flow.payer for flow in flows} == {profile.issuer}, document.name


def test_flows_corpus_changes_are_not_also_flows(corpus_dir: Path) -> None:
    for kind in (DocumentKind.ALLOCATION_LETTER, DocumentKind.BUDGET_PROPOSITION):
        for document, _, _, _, (flows, changes, _) in _documents(corpus_dir, kind):
            paid = {(f.first_line, f.amount_nok) for f in flows}
            assert not paid & {(c.first_line, c.amount_nok) for c in changes}, document.name


def test_flows_corpus_space_before_million_agrees_with_the_table(corpus_dir: Path) -> None:
    """A "12 345 mill." in prose whose post's table prints 12 345 (thousands) is read as
    12,345 mill.: the space was a decimal comma (a known quirk of one letter)."""
    for document, _, _, tables, (flows, _, _) in _letters(corpus_dir):
        printed = {(r.kap, r.post): set(r.values) for t in tables for r in t.rows}
        for flow in flows:
            if not SPACE_MILLION.search(flow.quote):
                continue
            values = printed.get((flow.kap or 0, flow.post), set())
            assert flow.amount_nok not in {v * 1000 for v in values if v}, (document.name, flow)
