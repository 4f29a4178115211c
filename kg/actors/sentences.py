"""Running text as blocks and sentences, with a way back to the original lines.

A document's normalised lines are read as *blocks*: a paragraph of running text, a
heading, or one list item. Lines inside budget tables (many numbers, or tab-separated
cells) and blank lines belong to no block. Text runs across line breaks (and across the
blank lines PDF text puts between lines) unless the break is a hard one: a heading, a
list item, a table line, or a line that stops well short of the text width without
punctuation while the next one starts with a capital (or after a sentence's end, when
the next one does not). A name alone on a line that the next line starts with is that
text's heading ("Senter for X" above "Senter for X (SX) er ...").

Sentences are cut inside prose and list-item blocks; the first sentence of a list item
under an introduction ending in ":" is read together with that introduction. The cells
of tab-separated table lines are blocks of their own (``read_cells``), each one
sentence. Every block keeps the column where each of its lines starts, so an actor
mention found at (line, column) lands at an offset in a block and a sentence. The
patterns and word lists are data: the [layout] table of kg/data/actors/relations.toml.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from kg.records import ActorMention, Document, TextLine
from kg.rules import load_toml

RULES_FILE = "actors/relations.toml"  # its [layout] table

_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d[\d ,.%]*")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_PARENTHESES = re.compile(r"\([^()]*\)")


def collapse(text: str) -> str:
    """Whitespace runs as one space, no space at the ends."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Layout:
    """How running text is told from headings, list items and table lines (data)."""

    heading: re.Pattern[str]
    numbered_heading: re.Pattern[str]
    bullet: re.Pattern[str]
    sentence_end: re.Pattern[str]
    abbreviations: frozenset[str]
    unit_abbreviations: frozenset[str]
    continuation_words: frozenset[str]
    max_heading_length: int
    short_line_share: float
    width_percentile: float
    table_digit_share: float
    table_min_numbers: int


@cache
def layout() -> Layout:
    data = load_toml(RULES_FILE)["layout"]
    return Layout(
        heading=re.compile(data["heading_pattern"]),
        numbered_heading=re.compile(data["numbered_heading_pattern"]),
        bullet=re.compile(data["bullet_pattern"]),
        sentence_end=re.compile(data["sentence_end_pattern"]),
        abbreviations=frozenset(a.casefold() for a in data["abbreviations"]),
        unit_abbreviations=frozenset(a.casefold() for a in data["unit_abbreviations"]),
        continuation_words=frozenset(w.casefold() for w in data["continuation_words"]),
        max_heading_length=int(data["max_heading_length"]),
        short_line_share=float(data["short_line_share"]),
        width_percentile=float(data["width_percentile"]),
        table_digit_share=float(data["table_digit_share"]),
        table_min_numbers=int(data["table_min_numbers"]),
    )


class BlockKind(StrEnum):
    PROSE = "prose"
    HEADING = "heading"
    ITEM = "item"  # one list item
    CELL = "cell"  # one cell of a tab-separated table line


class Piece(NamedTuple):
    """Line ``line`` contributes its text from ``column`` on, at ``offset`` in the block."""

    line: TextLine
    column: int
    offset: int


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str  # the lines' text joined by single spaces, whitespace collapsed
    pieces: tuple[Piece, ...]
    offsets: tuple[int, ...]  # each piece's offset, for bisection

    @property
    def first_line(self) -> int:
        return self.pieces[0].line.number

    @property
    def last_line(self) -> int:
        return self.pieces[-1].line.last_line

    def offset(self, line: int, column: int) -> int | None:
        """Offset in ``text`` of (line, column) of the normalised text, if in this block."""
        for piece in self.pieces:
            if piece.line.number == line:
                if column < piece.column:
                    return piece.offset
                return piece.offset + len(_SPACE.sub(" ", piece.line.text[piece.column : column]))
        return None

    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        """Original first and last line of the text ``start`` .. ``end`` (exclusive)."""
        first = bisect_right(self.offsets, start) - 1
        last = max(first, bisect_left(self.offsets, end) - 1)
        ends_line = last + 1 == len(self.pieces) or end >= self.offsets[last + 1] - 1
        line = self.pieces[last].line
        return self.pieces[first].line.number, line.last_line if ends_line else line.number


class Span(NamedTuple):
    block: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence (or an introduction and one list item under it) and where it stands."""

    text: str
    spans: tuple[Span, ...]  # the parts of blocks it is made of, joined by one space
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Placed:
    """A mention at ``start`` .. ``end`` of a block's or a sentence's text."""

    start: int
    end: int
    mention: ActorMention

    @property
    def genitive(self) -> bool:
        """Written in the genitive: "Helsedirektoratets", "Helfos" (not "KS", "NAV")."""
        surface = collapse(self.mention.surface)
        last = surface.rsplit(" ", 1)[-1]
        actor_last = self.mention.actor.rsplit(" ", 1)[-1]
        return (
            surface.endswith("s")
            and surface.casefold() != self.mention.actor.casefold()
            and last.casefold() != actor_last.casefold()
        )


# --------------------------------------------------------------------------- blocks


def is_table_line(text: str, rules: Layout) -> bool:
    """A budget-table line: tab-separated cells, or mostly numbers and ending in one."""
    stripped = text.strip()
    if "\t" in stripped:
        return True
    if not _DIGIT.search(stripped):
        return False
    digits = sum(map(stripped.count, "0123456789"))
    if digits < rules.table_digit_share * (len(stripped) - stripped.count(" ")):
        return False
    if not _LETTER.search(stripped):
        return True
    ends_in_number = stripped[-1].isdigit() or stripped.endswith(("%", "-", "–"))
    return ends_in_number and len(_NUMBER.findall(stripped)) >= rules.table_min_numbers


def text_width(lines: Sequence[str], rules: Layout) -> int:
    """The width running text is wrapped at: a high percentile of prose line lengths."""
    lengths = sorted(len(t) for t in lines if t)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * rules.width_percentile))]


def _ends_sentence(text: str) -> bool:
    return text.endswith((".", "!", "?", ":", ".»", '."', ".”", ".)"))


def _continues(text: str, rules: Layout) -> bool:
    """Whether a line visibly goes on: ends with a comma, hyphen or a function word."""
    if text.endswith((",", "-", "–", "/", "(", "&")):
        return True
    last = text.rsplit(" ", 1)[-1].casefold()
    return last in rules.continuation_words


def _starts_capital(text: str) -> bool:
    first = text.lstrip("«“\"'(")[:1]
    return first.isupper() or first.isdigit()


def _is_bullet(text: str, after_going_on: bool, rules: Layout) -> bool:
    """A list item; "1." after a line that goes on ("fra" / "1. juli") is a date, not one."""
    if not rules.bullet.match(text):
        return False
    return not (text[:1].isalnum() and after_going_on)


def _closes(previous: str, rules: Layout) -> bool:
    """Whether a line ends a sentence (a final stop not after an abbreviation)."""
    if not _ends_sentence(previous):
        return False
    word = previous.rsplit(" ", 1)[-1].rstrip('.:!?»”")').casefold()
    return word not in rules.abbreviations


def _ends_with_word(text: str) -> bool:
    """A line ending in a word and a full stop, not a number ("lov 1. mars") or a colon."""
    return text.endswith((".", "!", "?")) and bool(_LETTER.search(text.rsplit(" ", 1)[-1]))


def _is_heading(text: str, ends: bool, next_capital: bool, rules: Layout) -> bool:
    """A heading (of a line that starts a block): heading-shaped, or short and alone."""
    if len(text) > rules.max_heading_length:
        return False
    if rules.heading.match(text) or rules.numbered_heading.match(text):
        return ends or next_capital
    if rules.bullet.match(text):
        return False
    return ends and _starts_capital(text) and not text.endswith((".", ",", ";", ":", "!", "?"))


def read_blocks(document: Document, rules: Layout | None = None) -> tuple[Block, ...]:
    """Headings, prose paragraphs and list items, in document order."""
    rules = rules or layout()
    lines: list[TextLine] = []
    texts: list[str] = []
    table_after: list[bool] = []  # a table line stands between this line and the next
    for line in document.lines:
        stripped = line.text.strip()
        if not stripped:
            continue
        if is_table_line(stripped, rules):
            if table_after:
                table_after[-1] = True
            continue
        lines.append(line)
        texts.append(" ".join(stripped.split()))
        table_after.append(False)
    count = len(texts)
    width = text_width(texts, rules) * rules.short_line_share
    goes_on = [_continues(text, rules) for text in texts]
    closes = [_closes(text, rules) for text in texts]
    capital = [_starts_capital(text) for text in texts]
    # broken[i]: running text stops between line i and line i + 1 (the line was not wrapped:
    # the next line's first word would have fitted on it), before a capital or after a
    # sentence's end (a lower-case line after it comes from elsewhere on the page)
    broken = [
        table_after[i]
        or i + 1 == count
        or (
            not goes_on[i]
            and (capital[i + 1] or (closes[i] and _ends_with_word(texts[i])))
            and len(texts[i]) + 1 + len(texts[i + 1].split(" ", 1)[0]) <= width
        )
        for i in range(count)
    ]
    bullets = [_is_bullet(texts[i], goes_on[i - 1] if i else False, rules) for i in range(count)]
    blocks: list[Block] = []
    current: list[int] = []
    kind = BlockKind.PROSE
    for i, text in enumerate(texts):
        if current and kind is BlockKind.HEADING:
            if goes_on[i - 1] and not table_after[i - 1]:
                current.append(i)  # a heading wrapped onto a second line
                continue
            blocks.append(_block(kind, lines, texts, current))
            current = []
        after_break = not current or (not goes_on[i - 1] and (broken[i - 1] or closes[i - 1]))
        heading = after_break and _is_heading(
            text,
            broken[i]
            or (i + 1 < count and bullets[i + 1])
            # a name alone on its line that the next line starts with: that text's heading
            or (i + 1 < count and not goes_on[i] and _named_by_next(text, texts[i + 1])),
            i + 1 == count or capital[i + 1],
            rules,
        )
        bullet = not heading and bullets[i]
        # a list item goes on only in a line that does not start a new thought
        item_ended = kind is BlockKind.ITEM and (
            closes[i - 1] or (not goes_on[i - 1] and text[:1].isupper())
        )
        if heading or bullet or (current and (broken[i - 1] or item_ended)):
            if current:
                blocks.append(_block(kind, lines, texts, current))
            current = []
            kind = BlockKind.HEADING if heading else BlockKind.ITEM if bullet else BlockKind.PROSE
        elif not current:
            kind = BlockKind.PROSE
        current.append(i)
    if current:
        blocks.append(_block(kind, lines, texts, current))
    return tuple(blocks)


def _named_by_next(text: str, following: str) -> bool:
    """Whether ``text`` (its parentheses aside) is a name of several words that the next
    line starts with: "Senter for X (SX)" above "Senter for X (SX) er ..."."""
    if following[:1] != text[:1] or _ends_sentence(text):
        return False
    name = _PARENTHESES.sub("", text).strip()
    if " " not in name:
        return False
    start = following[: len(name) + 1]
    return start.casefold() in (name.casefold(), f"{name.casefold()} ", f"{name.casefold()}(")


def read_cells(document: Document, rules: Layout | None = None) -> tuple[Block, ...]:
    """The cells of tab-separated table lines that hold words, each a block of its own.

    A cell names a recipient or a body ("Skatteetaten v/Statens innkrevingssentral"); only
    rules marked for cells read them.
    """
    rules = rules or layout()
    cells = []
    for line in document.lines:
        if "\t" not in line.text:
            continue
        column = 0
        for cell in line.text.split("\t"):
            text = " ".join(cell.split())
            if _LETTER.search(text) and not is_table_line(text, rules):
                start = column + len(cell) - len(cell.lstrip())
                cells.append(Block(BlockKind.CELL, text, (Piece(line, start, 0),), (0,)))
            column += len(cell) + 1
    return tuple(cells)


def _block(kind: BlockKind, lines: list[TextLine], texts: list[str], members: list[int]) -> Block:
    pieces = []
    offset = 0
    for i in members:
        line = lines[i]
        pieces.append(Piece(line, len(line.text) - len(line.text.lstrip()), offset))
        offset += len(texts[i]) + 1
    offsets = tuple(piece.offset for piece in pieces)
    return Block(kind, " ".join(texts[i] for i in members), tuple(pieces), offsets)


# --------------------------------------------------------------------------- sentences


def sentence_bounds(text: str, rules: Layout) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences of one block of running text."""
    bounds = []
    start = 0
    for match in rules.sentence_end.finditer(text):
        stop = match.start()
        before = text.rfind(" ", 0, stop)
        word = text[before + 1 : stop].lstrip("«“\"'(").casefold()
        if word in rules.unit_abbreviations and _after_number(text, before):
            if text[match.end() : match.end() + 1].isdigit():
                continue  # "kr. 500"
        elif word in rules.abbreviations or (len(word) == 1 and word.isalpha()):
            continue  # "bl.a. Helsedirektoratet", "Jan M. Olsen"
        if word.isdigit() and text[match.end() : match.end() + 1].isdigit():
            continue  # "31. 12"
        bounds.append((start, stop + len(match.group().rstrip())))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def _after_number(text: str, space: int) -> bool:
    """Whether the word before offset ``space`` (a space) ends in a digit: "80 pst."."""
    return space > 0 and text[space - 1].isdigit()


def split_sentences(
    blocks: Sequence[Block], rules: Layout | None = None, *, only: Container[int] | None = None
) -> tuple[Sentence, ...]:
    """Sentences of prose and list-item blocks (an item's first sentence carries its
    introduction along), and of table cells (a cell is one sentence).

    ``only``: the numbers of the blocks whose sentences are wanted (default: all).
    """
    rules = rules or layout()
    sentences: list[Sentence] = []
    intro: Span | None = None
    for number, block in enumerate(blocks):
        if block.kind is not BlockKind.ITEM:
            intro = None
        if block.kind is BlockKind.HEADING:
            continue
        if block.kind is BlockKind.CELL:
            if only is None or number in only:
                sentences.append(_sentence(blocks, (Span(number, 0, len(block.text)),)))
            continue
        wanted = only is None or number in only
        introduces = block.kind is BlockKind.PROSE and block.text.endswith(":")
        if not wanted and not introduces:
            continue
        bounds = sentence_bounds(block.text, rules)
        if wanted:
            for index, (start, end) in enumerate(bounds):
                own = Span(number, start, end)
                # an introduction goes with the first sentence of a list item only
                first_of_item = block.kind is BlockKind.ITEM and index == 0
                spans = (intro, own) if first_of_item and intro else (own,)
                sentences.append(_sentence(blocks, spans))
        if introduces and bounds:
            intro = Span(number, *bounds[-1])
    return tuple(sentences)


def _sentence(blocks: Sequence[Block], spans: tuple[Span, ...]) -> Sentence:
    text = " ".join(blocks[s.block].text[s.start : s.end] for s in spans)
    first, _ = blocks[spans[0].block].lines_of(spans[0].start, spans[0].end)
    _, last = blocks[spans[-1].block].lines_of(spans[-1].start, spans[-1].end)
    return Sentence(text, spans, first, last)
