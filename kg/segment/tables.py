"""Find budget tables in a document: header, the lines of each row, unit, extent.

Works on both layouts of the corpus: tab-separated rows, and space-separated rows whose
title cells wrap over several lines with amounts at the end of the last one (or alone on
a line of their own).  Which number is which amount is the budget stage's job; this
module only says which lines belong together.
"""

from __future__ import annotations

import re

from kg.records import Document, RowLines, TableKind, TableRegion
from kg.segment.table_layout import (
    KAP_HEADING,
    NUMERIC_LINE,
    ROW_START,
    TableRules,
    ends_with_amount,
    table_rules,
)

MAX_HEADER_LINES = 24
MAX_BLANK_RUN = 16  # a page break in a double-spaced letter leaves a dozen
MAX_CONTINUATION_LINES = 4
UNIT_LOOKAROUND = 6
KAP_HEADING_LOOKBACK = 8
LOWER_START = re.compile(r"^\s*(?:\d+[.,]?\s+)?[a-zæøå(]")
LEADING_NUMBERS = re.compile(r"^\s*(?:\d+(?:[./]\d+)?\s*)*")


def find_tables(document: Document) -> tuple[TableRegion, ...]:
    """Every budget table of the document, in order."""
    rules = table_rules()
    texts = [line.text for line in document.lines]
    regions: list[TableRegion] = []
    index = 0
    while index < len(texts):
        found = rules.header_kind(texts[index].strip())
        if found is None:
            index += 1
            continue
        region = _read_table(texts, index, found[0], found[1], rules)
        if region is None:
            index += 1
            continue
        regions.append(region)
        index = region.last_line  # 1-based last line == 0-based index of the next line
    return tuple(regions)


def _read_table(
    texts: list[str], start: int, kind: TableKind, header_kap: int | None, rules: TableRules
) -> TableRegion | None:
    tab_separated = "\t" in texts[start]
    row_start = ROW_START[kind]
    header_end = start
    if not tab_separated:
        probe = start + 1
        while probe < min(len(texts), start + MAX_HEADER_LINES):
            if row_start.match(texts[probe]) or rules.sum_line.match(texts[probe].strip()):
                break
            if texts[probe].strip():
                header_end = probe
            probe += 1
        else:
            return None
    rows = _read_rows(texts, header_end + 1, kind, tab_separated, rules)
    if not rows:
        return None
    last = rows[-1].last_line
    header_text = " ".join(" ".join(t.split()) for t in texts[start : header_end + 1])
    if tab_separated:
        header_text = texts[start].strip()
    unit, unit_line = _find_unit(texts, start, header_end, last, rules)
    return TableRegion(
        kind=kind,
        first_line=start + 1,
        header_last_line=header_end + 1,
        last_line=last,
        header_text=header_text,
        rows=tuple(rows),
        unit=unit,
        unit_line=unit_line,
        tab_separated=tab_separated,
        heading_kap=header_kap if header_kap is not None else _kap_heading_above(texts, start),
        income=bool(rules.income_header.search(texts[start].strip())),
    )


def _read_rows(
    texts: list[str], begin: int, kind: TableKind, tab_separated: bool, rules: TableRules
) -> list[RowLines]:
    """Group body lines into rows, stopping at the first line that belongs to no row."""
    row_start = ROW_START[kind]
    rows: list[RowLines] = []
    current: list[int] = []  # 0-based line indexes of the row being read
    blank_run = 0

    def close() -> None:
        if current:
            rows.append(RowLines(current[0] + 1, current[-1] + 1))
            current.clear()

    index = begin
    while index < len(texts):
        text = texts[index]
        stripped = text.strip()
        if not stripped:
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                break
            index += 1
            continue
        blank_run = 0
        if rules.header_kind(stripped) is not None and tab_separated:
            close()  # a repeated header on a new page
        elif rules.sum_line.match(stripped):
            close()
            rows.append(RowLines(index + 1, index + 1, is_sum=True))
            if kind is not TableKind.ALLOCATION_TABLE:
                break
        elif row_start.match(text):
            close()
            current.append(index)
        elif current and _continues(current, texts, text, rules):
            current.append(index)
        elif current and NUMERIC_LINE.match(stripped) and not tab_separated:
            close()  # an unlabelled total line: "58 686 423 000 65 645 121 671"
            rows.append(RowLines(index + 1, index + 1, is_sum=True))
            break
        else:
            break
        index += 1
    close()
    return rows


def _continues(current: list[int], texts: list[str], text: str, rules: TableRules) -> bool:
    """Whether ``text`` continues the row whose lines are ``current`` (a wrapped cell)."""
    if len(current) > MAX_CONTINUATION_LINES or "\t" in text:
        return False
    so_far = " ".join(texts[i] for i in current)
    after_head = LEADING_NUMBERS.sub("", so_far, count=1)
    if ends_with_amount(after_head, rules.glue_words):
        return False  # the row is complete: its amounts have been read
    stripped = text.strip()
    if NUMERIC_LINE.match(stripped) or LOWER_START.match(stripped) or not after_head.strip():
        return True
    # an upper-case wrap ("RHF, kan overføres 16 767 570 ...") is taken when it ends the row
    return ends_with_amount(stripped, rules.glue_words) or len(stripped) <= 40


def _find_unit(
    texts: list[str], start: int, header_end: int, last: int, rules: TableRules
) -> tuple[int | None, int | None]:
    """The unit the table states: in its header, just above it, or just below it."""
    header = " ".join(" ".join(texts[i].split()) for i in range(start, header_end + 1))
    unit = rules.unit_of(header)
    if unit is not None:
        return unit, start + 1
    around = [
        *range(start - 1, max(-1, start - UNIT_LOOKAROUND), -1),
        *range(last, min(len(texts), last + UNIT_LOOKAROUND)),
    ]
    for index in around:
        unit = rules.unit_of(texts[index].strip())
        if unit is not None:
            return unit, index + 1
    return None, None


def _kap_heading_above(texts: list[str], start: int) -> int | None:
    """A "Kap. 575 Ressurskrevende tjenester" heading just above the table."""
    for index in range(start - 1, max(-1, start - KAP_HEADING_LOOKBACK), -1):
        match = KAP_HEADING.match(texts[index].strip())
        if match:
            return int(match.group("kap"))
    return None
