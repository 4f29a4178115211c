"""What a table's columns mean, read from its header text with the rules in tables.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.records import Column, ColumnRole, Measure
from kg.rules import load_toml

BARE_YEAR = "bare_year"


@dataclass(frozen=True)
class ColumnRule:
    role: ColumnRole
    measure: str | None
    pattern: re.Pattern[str]


@cache
def column_rules() -> tuple[ColumnRule, ...]:
    return tuple(
        ColumnRule(ColumnRole(c["role"]), c.get("measure"), re.compile(c["pattern"]))
        for c in load_toml("tables.toml")["column"]
    )


def read_columns(header_text: str, fiscal_year: int | None) -> tuple[Column, ...]:
    """The columns a header names, in the order they stand.

    A bare year names an amount column: the document's own year is what is allocated,
    an earlier year the budget adopted for that year.

    >>> [c.measure.value for c in read_columns("Kap Post Betegnelse Saldert 2017 2018", 2018)]
    ['adopted_budget', 'allocation']
    """
    text = " ".join(header_text.split())
    taken = [False] * len(text)
    found: list[tuple[int, Column]] = []
    for rule in column_rules():
        for match in rule.pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            for position in range(match.start(), match.end()):
                taken[position] = True
            year_text = match.groupdict().get("year")
            year = int(year_text) if year_text else None
            found.append((match.start(), _column(rule, year, match.group(0), fiscal_year)))
    return tuple(column for _, column in sorted(found, key=lambda item: item[0]))


def _column(rule: ColumnRule, year: int | None, label: str, fiscal_year: int | None) -> Column:
    if rule.measure == BARE_YEAR:
        own_year = fiscal_year is None or year == fiscal_year
        measure = Measure.ALLOCATION if own_year else Measure.ADOPTED_BUDGET
        return Column(ColumnRole.AMOUNT, measure, year, label)
    return Column(rule.role, Measure(rule.measure) if rule.measure else None, year, label)
