"""Prose as units: a paragraph or one list item, its lines joined, with a way back.

Lines inside budget tables and heading lines belong to no unit; blank lines are skipped
(PDF text often puts one between every two lines). A unit ends where a list item starts
(a bullet mark, or an amount at the very start of a line after a finished sentence),
after a line ending in ":", or after a short line that ends a sentence. Amounts wrapped
over two lines ("121,941 mill.\\nkroner") are whole again in the unit's text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from kg.flows.rules import FlowRules
from kg.money.amounts import find_amounts
from kg.records import Document, Section, TableRegion

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Unit:
    text: str  # the unit's lines, stripped, joined by one space
    lines: tuple[int, ...]  # original line number of each joined line
    starts: tuple[int, ...]  # offset in ``text`` where each line starts
    indents: tuple[int, ...]  # characters stripped from the left of each line
    is_item: bool  # a list item (bullet mark or leading amount)
    body: int  # offset where the text after the bullet mark starts
    rules: FlowRules = field(repr=False, compare=False)

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """(start, end) offsets of the unit's sentences, cut when first asked for."""
        return split_sentences(self.text, self.rules)

    @property
    def first_line(self) -> int:
        return self.lines[0]

    @property
    def ends_intro(self) -> bool:
        return self.text.rstrip().endswith(":")

    def line_at(self, offset: int) -> int:
        """Original line of the character at ``offset``."""
        return self.lines[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def offset_of(self, line: int, column: int) -> int | None:
        """Offset in ``text`` of column ``column`` of normalised line ``line``."""
        if line not in self.lines:
            return None
        index = self.lines.index(line)
        return self.starts[index] + max(0, column - self.indents[index])

    def sentence_of(self, offset: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return self.sentences[-1]


def read_units(
    document: Document,
    sections: Sequence[Section],
    tables: Sequence[TableRegion],
    rules: FlowRules,
) -> tuple[Unit, ...]:
    """The prose units of ``document`` in reading order."""
    skipped = {n for t in tables for n in range(t.first_line, t.last_line + 1)}
    skipped |= {s.first_line for s in sections}
    skipped |= {
        line.number
        for line in document.lines
        if line.number not in skipped
        and _DIGIT.search(line.text)
        and rules.may_hold_money(line.text)
        and _amount_row(line.text)
    }
    width = _usual_width(document, skipped)
    units: list[Unit] = []
    current: list[tuple[int, str, int]] = []  # (line, stripped text, indent)
    for line in document.lines:
        text = line.text
        stripped = text.strip()
        if line.number in skipped:
            _close(current, units, rules)
            continue
        if not stripped:
            continue
        indent = len(text) - len(text.lstrip())
        if current and _starts_unit(current[-1], stripped, indent, width, rules):
            _close(current, units, rules)
        current.append((line.number, stripped, indent))
    _close(current, units, rules)
    return tuple(units)


def _amount_row(text: str) -> bool:
    """A line of amounts only ("160 mill. kroner 8 mill. kroner"): a table row."""
    amounts = find_amounts(text)
    if len(amounts) < 2:
        return False
    rest = text
    for amount in reversed(amounts):
        rest = rest[: amount.start] + rest[amount.end :]
    return not any(c.isalpha() for c in rest)


def _usual_width(document: Document, skipped: set[int]) -> int:
    lengths = sorted(
        len(line.text.strip())
        for line in document.lines
        if line.number not in skipped and line.text.strip()
    )
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def _starts_unit(
    previous: tuple[int, str, int], stripped: str, indent: int, width: int, rules: FlowRules
) -> bool:
    _, before, before_indent = previous
    if rules.bullet.match(stripped):
        return True
    if rules.post_label.match(stripped) or rules.post_label.match(before):
        return True
    if before.endswith(":"):
        return True
    last_word = before.rsplit(None, 1)[-1].rstrip(".").lower()
    sentence_done = before[-1] in '.!?»"”)' and last_word not in rules.abbreviations
    short = len(before) < width * rules.short_line_share
    if short and (sentence_done or stripped[:1].isupper()):
        return True
    if indent > before_indent and (sentence_done or _leading_amount(stripped, rules)):
        return True
    return sentence_done and _leading_amount(stripped, rules)


def _leading_amount(text: str, rules: FlowRules) -> bool:
    head = text[: rules.item_amount_within + 30]
    if not _DIGIT.search(head, 0, rules.item_amount_within + 1) or not rules.may_hold_money(head):
        return False
    return any(a.start <= rules.item_amount_within for a in find_amounts(head))


def _close(current: list[tuple[int, str, int]], units: list[Unit], rules: FlowRules) -> None:
    if not current:
        return
    parts, starts, offset = [], [], 0
    for _, text, _ in current:
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 1
    text = " ".join(parts)
    bullet = rules.bullet.match(text)
    body = bullet.end() if bullet else 0
    is_item = bool(bullet) or _leading_amount(text, rules)
    units.append(
        Unit(
            text=text,
            lines=tuple(n for n, _, _ in current),
            starts=tuple(starts),
            indents=tuple(i for _, _, i in current),
            is_item=is_item,
            body=body,
            rules=rules,
        )
    )
    current.clear()


def split_sentences(text: str, rules: FlowRules) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``; abbreviations do not end one."""
    spans, start = [], 0
    for match in rules.sentence_end.finditer(text):
        begin = text.rfind(" ", 0, match.start()) + 1
        word = text[begin : match.start() + 1].rstrip('.!?"»”').lower()
        if word in rules.abbreviations or word.rstrip(".") in rules.abbreviations:
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return tuple(spans)
