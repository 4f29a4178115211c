"""Turn the readings of one row into candidate rows: cells placed in columns, checked, scored.

A candidate places a reading's cells into the table's columns (order kept, gaps allowed),
converts them to NOK, checks what the row itself can check (allocation - accounts =
difference; the printed percentage change), and scores how plausible its layout is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, pairwise

from kg.budget.cells import Cell, CellKind, Reading
from kg.records import Column, ColumnRole, Measure

PERCENT_TOLERANCE = Decimal("0.06")  # printed with one decimal, so half a tenth plus a hair
MILLIONS = 1_000_000
SMALL_CELL = 100  # in the table's unit


@dataclass(frozen=True)
class Candidate:
    title_tokens: int
    values: tuple[int | None, ...]
    checked: bool | None  # True: a printed difference/percentage confirms it; None: none printed
    score: float  # lower is more plausible


def candidates(
    reading_list: Sequence[Reading],
    columns: Sequence[Column],
    *,
    unit: int,
    tail_start: int,
    income: bool,
    max_amount: int,
) -> list[Candidate]:
    """All placements of all readings, best first, failing placements left out."""
    found: dict[tuple[int | None, ...], Candidate] = {}
    for reading in reading_list:
        count = len(reading.cells)
        if count > len(columns):
            continue
        for places in combinations(range(len(columns)), count):
            values = _place(reading.cells, places, columns, unit)
            if values is None or any(abs(v) > max_amount for v in values if v is not None):
                continue
            checked = check_row(values, columns, unit=unit, income=income)
            if checked is False:
                continue
            score = _score(values, columns, reading.title_tokens - tail_start, unit)
            candidate = Candidate(reading.title_tokens, values, checked, score)
            known = found.get(values)
            if known is None or candidate.score < known.score:
                found[values] = candidate
    if not found:
        return []
    fewest = min(c.title_tokens for c in found.values())  # leave no number in the title needlessly
    kept = [c for c in found.values() if c.title_tokens == fewest]
    return sorted(kept, key=lambda c: (c.score, c.values))


def _place(
    cells: Sequence[Cell], places: Sequence[int], columns: Sequence[Column], unit: int
) -> tuple[int | None, ...] | None:
    values: list[int | None] = [None] * len(columns)
    for cell, place in zip(cells, places, strict=True):
        column = columns[place]
        if column.role is ColumnRole.PERCENT_CHANGE:
            if cell.kind is CellKind.INTEGER:
                return None
            values[place] = int(cell.number * 10)
        else:
            if cell.kind is CellKind.DECIMAL and unit < MILLIONS:
                return None
            values[place] = int((cell.number * unit).to_integral_value())
    return tuple(values)


def check_row(
    values: Sequence[int | None], columns: Sequence[Column], *, unit: int, income: bool
) -> bool | None:
    """What the row's own printed numbers say of it: True, False, or None (nothing to check)."""
    verdicts = [_check_difference(values, columns, unit), _check_percent(values, columns)]
    if False in verdicts:
        return False
    return True if True in verdicts else None


def _check_difference(
    values: Sequence[int | None], columns: Sequence[Column], unit: int
) -> bool | None:
    roles = [c.role for c in columns]
    if ColumnRole.DIFFERENCE not in roles:
        return None
    difference = values[roles.index(ColumnRole.DIFFERENCE)]
    if difference is None:
        return None
    allocation = _measure_value(values, columns, Measure.ALLOCATION)
    accounts = _measure_value(values, columns, Measure.ACCOUNTS)
    tolerance = unit  # the last printed digit may be rounded
    expenditure = abs(allocation - accounts - difference) <= tolerance
    income = abs(accounts - allocation - difference) <= tolerance
    return expenditure or income


def _check_percent(values: Sequence[int | None], columns: Sequence[Column]) -> bool | None:
    roles = [c.role for c in columns]
    if ColumnRole.PERCENT_CHANGE not in roles:
        return None
    percent = values[roles.index(ColumnRole.PERCENT_CHANGE)]
    amounts = [i for i, c in enumerate(columns) if c.role is ColumnRole.AMOUNT]
    if percent is None or len(amounts) < 2:
        return None
    before, after = values[amounts[-2]], values[amounts[-1]]
    if not before:
        return None
    change = Decimal((after or 0) - before) * 100 / Decimal(before)
    return abs(change - Decimal(percent) / 10) <= PERCENT_TOLERANCE


def _measure_value(
    values: Sequence[int | None], columns: Sequence[Column], measure: Measure
) -> int:
    for value, column in zip(values, columns, strict=True):
        if column.measure is measure:
            return value or 0
    return 0


def _score(
    values: Sequence[int | None], columns: Sequence[Column], title_numbers: int, unit: int
) -> float:
    """Layout plausibility: numbers left in the title, empty columns, ragged magnitudes,
    and amounts too small to stand alone in a table of this unit ("20 500" is one amount
    more likely than 20 and 500 thousand)."""
    amount_places = [i for i, c in enumerate(columns) if c.role is not ColumnRole.PERCENT_CHANGE]
    filled = [i for i in amount_places if values[i] is not None]
    score = 2.0 * title_numbers + 0.5 * (len(amount_places) - len(filled))
    if filled:
        holes = sum(1 for i in amount_places if filled[0] < i < filled[-1] and values[i] is None)
        score += 0.5 * holes
        score += 0.01 * (len(amount_places) - 1 - filled[-1])  # a lone amount sits right
    score += 0.5 * sum(
        1
        for i in filled
        if columns[i].role is ColumnRole.AMOUNT and 0 < abs(values[i] or 0) < SMALL_CELL * unit
    )
    magnitudes = [
        math.log10(abs(v))
        for i in filled
        if (v := values[i]) and columns[i].role is ColumnRole.AMOUNT
    ]
    score += sum(abs(a - b) for a, b in pairwise(magnitudes)) * 0.5
    return score
