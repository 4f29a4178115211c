"""The table layout rules of ``kg/data/tables.toml``, compiled, and line shapes inside tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.records import TableKind
from kg.rules import load_toml

NUMERIC_LINE = re.compile(r"^[\s\d\xa0,\-]*\d[\s\d\xa0,\-]*$")
NUMERIC_TOKEN = re.compile(r"^-?\d+(?:,\d+)?$")
KAP_HEADING = re.compile(r"^Kap\.?\s+(?P<kap>\d{3,4})\b(?!\s*,?\s*post)", re.IGNORECASE)

# Where a row starts, per table kind: the number(s) that lead it, then a title word.
ROW_START: dict[TableKind, re.Pattern[str]] = {
    TableKind.POST_TABLE: re.compile(r"^\s*(?P<post>\d{2})\s+(?P<rest>[A-ZÆØÅ(].*)$", re.DOTALL),
    TableKind.CATEGORY_TABLE: re.compile(
        r"^\s*(?P<kap>\d{3,4})\s+(?P<rest>[A-ZÆØÅ].*)$", re.DOTALL
    ),
    TableKind.ALLOCATION_TABLE: re.compile(
        r"^\s*(?:(?P<kap>\d{3,4})(?:\s+|\.))?(?P<post>\d{2}(?:/\d{2})?)"
        r"(?:\s+(?P<rest>[A-ZÆØÅ(].*)|(?<=\d{3}\s\d{2})\s*|(?<=\d{4}\s\d{2})\s*)$",
        re.DOTALL,
    ),
    TableKind.APPROPRIATION_REPORT: re.compile(
        r"^\s*(?P<kap>\d{4})(?:\s+(?P<rest>\S.*))?\s*$", re.DOTALL
    ),
}


@dataclass(frozen=True)
class HeaderRule:
    kind: TableKind
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class UnitRule:
    multiplier: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class TableRules:
    headers: tuple[HeaderRule, ...]
    income_header: re.Pattern[str]
    units: tuple[UnitRule, ...]
    sum_line: re.Pattern[str]
    glue_words: frozenset[str]

    def header_kind(self, text: str) -> tuple[TableKind, int | None] | None:
        """The table kind a header line starts, and a chapter it names, if any."""
        for rule in self.headers:
            match = rule.pattern.search(text)
            if match:
                kap = match.groupdict().get("kap")
                return rule.kind, int(kap) if kap else None
        return None

    def unit_of(self, text: str) -> int | None:
        for rule in self.units:
            if rule.pattern.search(text):
                return rule.multiplier
        return None


@cache
def table_rules() -> TableRules:
    data = load_toml("tables.toml")
    return TableRules(
        headers=tuple(
            HeaderRule(TableKind(h["kind"]), re.compile(h["pattern"])) for h in data["header"]
        ),
        income_header=re.compile(data["income"]["pattern"]),
        units=tuple(
            UnitRule(int(u["multiplier"]), re.compile(u["pattern"], re.IGNORECASE))
            for u in data["unit"]
        ),
        sum_line=re.compile(data["rows"]["sum_pattern"]),
        glue_words=frozenset(w.lower() for w in data["rows"]["title_glue_words"]),
    )


def ends_with_amount(text: str, glue_words: frozenset[str]) -> bool:
    """Whether a row's text so far ends in a number that can be an amount cell.

    A lone number after a word that asks for one ("under post 79") is part of the title;
    when more numbers follow it, the last of them is an amount.

    >>> ends_with_amount("Driftsutgifter 1 172 992", frozenset({"post"}))
    True
    >>> ends_with_amount("kan nyttes under post 79", frozenset({"post"}))
    False
    >>> ends_with_amount("kan nyttes under post 21 87 102", frozenset({"post"}))
    True
    """
    tokens = text.split()
    if tokens and tokens[-1] == "-" and len(tokens) >= 2 and NUMERIC_TOKEN.match(tokens[-2]):
        return True  # a printed nil after an amount: "3 327 000 -"
    if not tokens or not NUMERIC_TOKEN.match(tokens[-1]):
        return False
    if len(tokens) >= 2 and NUMERIC_TOKEN.match(tokens[-2]):
        return True
    return len(tokens) == 1 or tokens[-2].lower() not in glue_words
