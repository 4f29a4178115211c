"""Read the amount cells at the end of a table row, in every way the text allows.

In space-separated tables the thousands separator and the cell separator can be the same
character, so "116 771 102 802 120 362" may be three amounts or two or one.  This module
lists every *reading* the characters allow; which one is right is decided elsewhere
(kg.budget.solve) from the constraints the document offers.

A gap between two tokens is one of:
- NBSP: a non-breaking space. Always inside a number (the proposition's convention).
- SPACE: an ordinary space. Inside a number, or between two cells.
- HARD: a tab or a line break. Always between two cells (or between title and cells).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

MAX_READINGS = 4000


class Gap(Enum):
    NBSP = "nbsp"
    SPACE = "space"
    HARD = "hard"


@dataclass(frozen=True)
class Token:
    text: str
    gap_before: Gap


class CellKind(Enum):
    INTEGER = "integer"
    DECIMAL = "decimal"  # "8,6", "0,2": percentages, or amounts in millions
    DASH = "dash"  # "-": printed nil


@dataclass(frozen=True)
class Cell:
    text: str
    kind: CellKind

    @property
    def number(self) -> Decimal:
        if self.kind is CellKind.DASH:
            return Decimal(0)
        return Decimal(self.text.replace("\xa0", "").replace(" ", "").replace(",", "."))


@dataclass(frozen=True)
class Reading:
    """One way to read a row's tail: how many tail tokens stay in the title, then the cells."""

    title_tokens: int
    cells: tuple[Cell, ...]


NUMBER = re.compile(r"^-?\d+$")
DECIMAL = re.compile(r"^-?\d+,\d+$")
GROUP = re.compile(r"^\d{3}$")
LEAD = re.compile(r"^-?[1-9]\d{0,2}$")
LEADING_ZERO = re.compile(r"^-?0\d")  # "000", "051": never a number of its own
SPLIT = re.compile(r"([ \xa0\t\n]+)")


def tokenize(text: str) -> list[Token]:
    """Split a row's text into tokens, remembering the kind of gap before each.

    >>> [(t.text, t.gap_before.value) for t in tokenize("Bidrag 1\\xa0200 3 400")]
    [('Bidrag', 'hard'), ('1', 'space'), ('200', 'nbsp'), ('3', 'space'), ('400', 'space')]
    """
    tokens: list[Token] = []
    gap = Gap.HARD
    for piece in SPLIT.split(text):
        if not piece:
            continue
        if SPLIT.fullmatch(piece):
            if "\t" in piece or "\n" in piece:
                gap = Gap.HARD
            elif " " in piece:
                gap = Gap.SPACE
            else:
                gap = Gap.NBSP
            continue
        tokens.append(Token(piece, gap))
        gap = Gap.SPACE
    return tokens


def is_numeric(token: Token) -> bool:
    return bool(NUMBER.match(token.text) or DECIMAL.match(token.text) or token.text == "-")


def tail_start(tokens: Sequence[Token]) -> int:
    """Index of the first token of the maximal run of numeric tokens ending the row."""
    index = len(tokens)
    while index > 0 and is_numeric(tokens[index - 1]):
        index -= 1
    return index


def readings(
    tokens: Sequence[Token], *, max_cells: int, glue_words: frozenset[str]
) -> list[Reading]:
    """Every reading of the row's numeric tail with at most ``max_cells`` cells.

    A number stays in the title when the word before it asks for one ("under post 79").
    """
    start = tail_start(tokens)
    found: list[Reading] = []
    for first in range(start, len(tokens) + 1):
        if first < len(tokens) and first > 0 and tokens[first - 1].text.lower() in glue_words:
            continue
        for cells in _partitions(tokens, first, max_cells):
            found.append(Reading(first, cells))
            if len(found) >= MAX_READINGS:
                return found
    return found


def _partitions(tokens: Sequence[Token], first: int, max_cells: int) -> Iterator[tuple[Cell, ...]]:
    if first == len(tokens):
        yield ()
        return
    if max_cells == 0:
        return
    for end in _cell_ends(tokens, first):
        cell = _cell(tokens[first:end])
        for rest in _partitions(tokens, end, max_cells - 1):
            yield (cell, *rest)


def _cell_ends(tokens: Sequence[Token], first: int) -> Iterator[int]:
    """Every index where a cell starting at ``first`` can end (exclusive)."""
    lead = tokens[first].text
    if first + 1 < len(tokens) and tokens[first + 1].gap_before is Gap.NBSP:
        if not LEAD.match(lead):
            return  # "051\xa0000": a group that cannot lead a number
    elif not LEADING_ZERO.match(lead):
        yield first + 1
    if not LEAD.match(lead):
        return
    gap_kind: Gap | None = None
    index = first + 1
    while index < len(tokens):
        token = tokens[index]
        if token.gap_before is Gap.HARD or not GROUP.match(token.text):
            return
        if gap_kind is not None and token.gap_before is not gap_kind:
            return  # a number keeps one kind of separator throughout
        gap_kind = token.gap_before
        index += 1
        if index < len(tokens) and tokens[index].gap_before is Gap.NBSP and gap_kind is Gap.NBSP:
            continue  # a non-breaking space binds the next group too
        yield index


def _cell(tokens: Sequence[Token]) -> Cell:
    text = " ".join(token.text for token in tokens)
    if text == "-":
        return Cell(text, CellKind.DASH)
    if DECIMAL.match(text):
        return Cell(text, CellKind.DECIMAL)
    return Cell(text, CellKind.INTEGER)
