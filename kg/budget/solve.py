"""Choose one candidate per row so that the table agrees with the totals it prints.

A table's "Sum" line fixes the column sums of the rows above it.  Rows with a single
candidate contribute a fixed amount; the search runs over the rows that can be read in
several ways, and takes a reading only when exactly one set of choices reproduces the
printed totals.  Nothing is guessed silently: every row ends with a RowStatus, and every
total compared with its rows becomes a Check.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

from kg.budget.candidates import Candidate
from kg.records import Check, Column, ColumnRole, RowStatus

MAX_COMBINATIONS = 50_000
PLAUSIBILITY_MARGIN = 1.0  # score points: two decades of magnitude between side-by-side cells
LAYOUT_MARGIN = 0.3  # a table's usual column layout breaks near-ties only
SUMMED_ROLES = (ColumnRole.AMOUNT, ColumnRole.DIFFERENCE)


@dataclass(frozen=True)
class Choice:
    candidate: Candidate
    status: RowStatus
    note: str = ""


def settle_row(options: Sequence[Candidate], readings_count: int) -> Choice:
    """A row that no total checks: take the only or the most plausible candidate."""
    if not options:
        return Choice(Candidate(0, (), None, 0.0), RowStatus.UNRECONCILED, "no reading fits")
    best = _prefer_checked(options)
    if len(best) == 1:
        if best[0].checked:
            status = RowStatus.CHECKED if readings_count == 1 else RowStatus.RECONCILED
        else:
            status = RowStatus.UNAMBIGUOUS
        return Choice(best[0], status)
    if best[1].score - best[0].score >= PLAUSIBILITY_MARGIN:
        note = f"{len(best)} readings; the others set implausible amounts side by side"
        return Choice(best[0], RowStatus.UNAMBIGUOUS, note)
    note = f"{len(best)} readings fit; chose the most regular layout"
    return Choice(best[0], RowStatus.INFERRED, note)


def settle_group(
    rows: Sequence[Sequence[Candidate]],
    total: Sequence[Candidate],
    columns: Sequence[Column],
    *,
    total_line: int,
    unit: int,
) -> tuple[list[Choice], Check]:
    """Rows above a "Sum" line, settled against it; the Check says how the totals compared."""
    summed = [i for i, c in enumerate(columns) if c.role in SUMMED_ROLES]
    options = [_prefer_checked(row) or list(row) for row in rows]
    total_options = list(total) or [Candidate(0, tuple([None] * len(columns)), None, 0.0)]
    combos = 1
    for row in options:
        combos *= max(1, len(row))
    if combos * len(total_options) > MAX_COMBINATIONS:
        choices = [settle_row(row, len(row)) for row in rows]
        check = _compare(choices, total_options[0], summed, total_line, "too many readings", 0)
        return choices, check
    solutions: list[tuple[tuple[Candidate, ...], Candidate]] = []
    rounding = len(rows) * unit // 2  # each printed row may be rounded by half a unit
    for tolerance in sorted({0, rounding}):
        for total_candidate in total_options:
            for combo in product(*[row or [_EMPTY] for row in options]):
                if _sums_match(combo, total_candidate, summed, tolerance):
                    solutions.append((combo, total_candidate))
        if solutions:
            break
    if not solutions:
        choices = [settle_row(row, len(row)) for row in rows]
        for i, choice in enumerate(choices):
            if len(options[i]) > 1:
                choices[i] = Choice(choice.candidate, RowStatus.UNRECONCILED, "total not met")
        check = _compare(choices, total_options[0], summed, total_line, "", 0)
        return choices, check
    distinct = {tuple(c.values for c in combo) for combo, _ in solutions}
    combo, total_candidate = min(solutions, key=lambda s: sum(c.score for c in s[0]))
    choices = []
    for row_options, candidate in zip(options, combo, strict=True):
        if len(distinct) > 1 and len(row_options) > 1:
            choices.append(Choice(candidate, RowStatus.INFERRED, "several readings meet the total"))
        elif len(row_options) > 1:
            choices.append(Choice(candidate, RowStatus.RECONCILED))
        else:
            choices.append(Choice(candidate, RowStatus.CHECKED))
    return choices, _compare(choices, total_candidate, summed, total_line, "", rounding)


_EMPTY = Candidate(0, (), None, 0.0)


def harmonise(choices: list[Choice], rows: Sequence[Sequence[Candidate]]) -> list[Choice]:
    """Rows left in doubt take the column layout most rows of their table have.

    "58 547" under two year columns is one amount or two; when the table's other rows
    fill only the last column, so does this one.
    """
    patterns = Counter(_filled(c.candidate) for c in choices if c.candidate.values)
    if not patterns:
        return choices
    usual, _ = patterns.most_common(1)[0]
    settled = []
    for choice, options in zip(choices, rows, strict=True):
        if choice.status is RowStatus.INFERRED and _filled(choice.candidate) != usual:
            close = [
                o
                for o in options
                if o.score - choice.candidate.score < LAYOUT_MARGIN and _filled(o) == usual
            ]
            if close:
                note = "several readings fit; took the column layout of the table's other rows"
                choice = Choice(close[0], RowStatus.INFERRED, note)
        settled.append(choice)
    return settled


def _filled(candidate: Candidate) -> tuple[bool, ...]:
    return tuple(value is not None for value in candidate.values)


def _prefer_checked(options: Sequence[Candidate]) -> list[Candidate]:
    checked = [c for c in options if c.checked]
    return checked or list(options)


def _sums_match(
    combo: Sequence[Candidate], total: Candidate, summed: Sequence[int], tolerance: int
) -> bool:
    for index in summed:
        printed = total.values[index] if total.values else None
        if printed is None:
            continue
        if abs(sum(c.values[index] or 0 for c in combo if c.values) - printed) > tolerance:
            return False
    return True


def _compare(
    choices: Sequence[Choice],
    total: Candidate,
    summed: Sequence[int],
    line: int,
    detail: str,
    rounding: int,
) -> Check:
    expected = found = 0
    ok = True
    for index in summed:
        printed = total.values[index] if total.values else None
        if printed is None:
            continue
        column_sum = sum(c.candidate.values[index] or 0 for c in choices if c.candidate.values)
        expected += printed
        found += column_sum
        ok = ok and abs(column_sum - printed) <= rounding
    if ok and expected != found:
        detail = detail or f"equal within rounding ({found - expected:+d} NOK)"
    return Check("column_sum", line, expected, found, ok, detail)
