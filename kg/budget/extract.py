"""Budget tables: from a TableRegion's lines to a reconciled BudgetTable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.budget.candidates import Candidate, candidates, check_row
from kg.budget.cells import readings, tail_start, tokenize
from kg.budget.chapter_totals import ChapterTotals, agreeing, chapter_totals
from kg.budget.columns import read_columns
from kg.budget.row_head import RowHead, read_head, read_tab_head, split_title, sum_kap
from kg.budget.solve import Choice, harmonise, settle_group, settle_row
from kg.budget.tab_cells import tab_values
from kg.records import (
    BudgetRow,
    BudgetTable,
    Check,
    Column,
    ColumnRole,
    Document,
    Profile,
    RowLines,
    RowStatus,
    TableKind,
    TableRegion,
)
from kg.rules import load_toml
from kg.segment.table_layout import table_rules


@dataclass(frozen=True)
class ParsedRow:
    lines: RowLines
    head: RowHead | None
    tokens: tuple[str, ...]
    options: tuple[Candidate, ...]
    readings_count: int


def extract_tables(
    document: Document, profile: Profile, regions: Sequence[TableRegion]
) -> tuple[BudgetTable, ...]:
    """Every budget table with columns the rules understand, reconciled as far as it can be."""
    settings = load_toml("tables.toml")
    wanted = set(settings["tables_by_document"][profile.kind.value])
    default_unit = int(settings["default_unit"][profile.kind.value])
    prepared = []
    for region in regions:
        columns = read_columns(region.header_text, profile.fiscal_year)
        if region.kind.value not in wanted or not any(c.role is ColumnRole.AMOUNT for c in columns):
            continue
        if region.unit is None:
            region = replace(region, unit=default_unit)
        prepared.append((region, columns))
    # Chapter totals of the programme-category tables settle the chapters' own "Sum kap." lines.
    category_tables = {
        region.first_line: _extract_table(document, region, columns, {})
        for region, columns in prepared
        if region.kind is TableKind.CATEGORY_TABLE
    }
    totals = chapter_totals(category_tables.values())
    return tuple(
        category_tables.get(region.first_line) or _extract_table(document, region, columns, totals)
        for region, columns in prepared
    )


def _extract_table(
    document: Document, region: TableRegion, columns: tuple[Column, ...], totals: ChapterTotals
) -> BudgetTable:
    header_cells = region.header_text.split("\t") if region.tab_separated else []
    parsed = [_parse_row(document, region, columns, row, header_cells) for row in region.rows]
    rows: list[BudgetRow] = []
    checks: list[Check] = []
    issues: list[str] = []
    group: list[ParsedRow] = []
    kap = _table_kap(parsed, region)
    for row in parsed:
        if not row.lines.is_sum:
            group.append(row)
            continue
        total_options = agreeing(
            row.options, columns, totals.get(row.head.kap if row.head else None)
        )
        choices, check = settle_group(
            [r.options for r in group],
            total_options,
            columns,
            total_line=row.lines.first_line,
            unit=region.unit or 1,
        )
        checks.append(check)
        total_choice = Choice(
            total_options[0] if total_options else Candidate(0, (), None, 0.0),
            RowStatus.CHECKED if check.ok else RowStatus.UNRECONCILED,
        )
        kap = _emit(document, region, group, choices, kap, rows, issues, len(columns))
        _emit(document, region, [row], [total_choice], kap, rows, issues, len(columns))
        group = []
    choices = harmonise(
        [settle_row(r.options, r.readings_count) for r in group], [r.options for r in group]
    )
    _emit(document, region, group, choices, kap, rows, issues, len(columns))
    return BudgetTable(
        document=document.name,
        kind=region.kind,
        region=region,
        columns=columns,
        rows=tuple(rows),
        checks=tuple(checks),
        issues=tuple(issues),
    )


def _table_kap(parsed: Sequence[ParsedRow], region: TableRegion) -> int | None:
    for row in parsed:
        if row.lines.is_sum and row.head and row.head.kap is not None:
            return row.head.kap
    return region.heading_kap


def _parse_row(
    document: Document,
    region: TableRegion,
    columns: tuple[Column, ...],
    lines: RowLines,
    header_cells: list[str],
) -> ParsedRow:
    text = document.text(lines.first_line, lines.last_line)
    if region.tab_separated:
        return _parse_tab_row(lines, text, region, columns, header_cells)
    rules = table_rules()
    if lines.is_sum:
        head: RowHead | None = RowHead(sum_kap(text), "", text)
    else:
        head = read_head(text, region.kind)
    rest = head.rest if head else text
    tokens = tokenize(rest)
    start = tail_start(tokens)
    found = readings(tokens, max_cells=len(columns), glue_words=rules.glue_words)
    options = candidates(
        found,
        columns,
        unit=region.unit or 1,
        tail_start=start,
        income=region.income,
        max_amount=int(load_toml("tables.toml")["rows"]["max_amount_nok"]),
    )
    return ParsedRow(lines, head, tuple(t.text for t in tokens), tuple(options), len(options))


def _parse_tab_row(
    lines: RowLines,
    text: str,
    region: TableRegion,
    columns: tuple[Column, ...],
    header_cells: list[str],
) -> ParsedRow:
    cells = text.split("\t")
    head = read_tab_head(cells) if not lines.is_sum else RowHead(None, "", cells[0])
    values = tab_values(cells, header_cells, columns, unit=region.unit or 1)
    checked = check_row(values, columns, unit=region.unit or 1, income=region.income)
    title = head.rest if head else ""
    option = Candidate(len(title.split()), values, checked, 0.0)
    options = () if checked is False else (option,)
    return ParsedRow(lines, head, tuple(title.split()), options, 1)


def _emit(
    document: Document,
    region: TableRegion,
    group: Sequence[ParsedRow],
    choices: Sequence[Choice],
    kap: int | None,
    rows: list[BudgetRow],
    issues: list[str],
    width: int,
) -> int | None:
    """Append the settled rows; return the chapter later rows inherit."""
    for row, choice in zip(group, choices, strict=True):
        head = row.head
        row_kap = head.kap if head and head.kap is not None else kap
        if region.kind is TableKind.CATEGORY_TABLE and not row.lines.is_sum:
            row_kap = head.kap if head else None
        if row.lines.is_sum and row_kap is None:
            continue  # the total of a whole table ("Sum utgiftsført"): its Check records it
        if row_kap is None or (head is None and not row.lines.is_sum):
            issues.append(f"line {row.lines.first_line}: row without chapter or post, left out")
            continue
        if region.kind is TableKind.ALLOCATION_TABLE and head and head.kap is not None:
            kap = head.kap
        values = choice.candidate.values or (None,) * width
        if not choice.candidate.values:
            choice = Choice(choice.candidate, RowStatus.UNRECONCILED, "no reading fits")
        title, qualifiers = split_title(
            " ".join(row.tokens[: choice.candidate.title_tokens]),
            strip_note=region.kind is TableKind.APPROPRIATION_REPORT,
        )
        post_label = "" if row.lines.is_sum or head is None else head.post_label
        rows.append(
            BudgetRow(
                kap=row_kap,
                post=int(post_label.split("/")[0]) if post_label else None,
                post_label=post_label,
                title=title,
                qualifiers=qualifiers,
                values=values,
                first_line=row.lines.first_line,
                last_line=row.lines.last_line,
                quote=document.raw(row.lines.first_line, row.lines.last_line).strip(),
                status=choice.status,
                note=choice.note,
                is_total=row.lines.is_sum,
            )
        )
        if choice.status is RowStatus.UNRECONCILED:
            issues.append(f"line {row.lines.first_line}: {choice.note or 'unreconciled'}")
    return kap
