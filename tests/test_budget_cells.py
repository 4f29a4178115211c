"""Reading the amount cells at the end of a row, in every way the text allows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.budget.cells import CellKind, Gap, readings, tail_start, tokenize

GLUE = frozenset({"og", "post", "postene", "under"})
NBSP = "\xa0"


def _readings(text: str, max_cells: int) -> set[tuple[str, ...]]:
    tokens = tokenize(text)
    start = tail_start(tokens)
    return {
        tuple(c.text for c in r.cells)
        for r in readings(tokens, max_cells=max_cells, glue_words=GLUE)
        if r.title_tokens == start
    }


@pytest.mark.parametrize(
    ("text", "gaps"),
    [
        ("a 1", ["hard", "space"]),
        (f"a 1{NBSP}200", ["hard", "space", "nbsp"]),
        ("a\t1 200", ["hard", "hard", "space"]),
        ("a\n1", ["hard", "hard"]),
    ],
)
def test_cells_tokenize_remembers_gap_kinds(text: str, gaps: list[str]) -> None:
    assert [t.gap_before.value for t in tokenize(text)] == gaps


@pytest.mark.parametrize(
    ("text", "max_cells", "expected"),
    [
        # non-breaking spaces bind groups: only one reading
        (
            f"Tilskudd 116{NBSP}771 102{NBSP}802 120{NBSP}362",
            3,
            {("116 771", "102 802", "120 362")},
        ),
        # ordinary spaces: every grouping that makes valid numbers
        ("Tilskudd 38 014 37 665", 2, {("38 014", "37 665")}),
        ("Tilskudd 13 681", 2, {("13 681",), ("13", "681")}),
        # a group with a leading zero never stands alone or leads
        ("Tilskudd 53 000", 2, {("53 000",)}),
        # a long number without separators is one cell
        ("Egenandelstak 5000000 5098200", 2, {("5000000", "5098200")}),
        # a minus sign starts a new cell
        ("Drift 74 863 000 76 645 736 -1 782 736", 3, {("74 863 000", "76 645 736", "-1 782 736")}),
        # decimals are cells of their own
        (f"Folkehelse 519{NBSP}142 545{NBSP}277 5,6", 3, {("519 142", "545 277", "5,6")}),
        # the dash of an empty cell
        ("Hjemhenting 3 327 000 - 3 327 000", 3, {("3 327 000", "-", "3 327 000")}),
    ],
)
def test_cells_readings_list_every_valid_grouping(
    text: str, max_cells: int, expected: set[tuple[str, ...]]
) -> None:
    assert _readings(text, max_cells) == expected


@pytest.mark.parametrize(
    ("text", "first_cell"),
    [
        ("kan nyttes under post 79 118 700", "118 700"),
        ("kan nyttes under postene 70, 74 og 79 116 771", "116 771"),
    ],
)
def test_cells_number_after_glue_word_stays_in_title(text: str, first_cell: str) -> None:
    tokens = tokenize(text)
    found = [r for r in readings(tokens, max_cells=1, glue_words=GLUE) if r.cells]
    fewest = min(r.title_tokens for r in found)
    assert {r.cells[0].text for r in found if r.title_tokens == fewest} == {first_cell}


def test_cells_kinds() -> None:
    tokens = tokenize("Drift 1 200 8,6 -")
    (reading,) = [
        r
        for r in readings(tokens, max_cells=3, glue_words=GLUE)
        if len(r.cells) == 3 and r.title_tokens == 1
    ]
    assert [c.kind for c in reading.cells] == [CellKind.INTEGER, CellKind.DECIMAL, CellKind.DASH]


def _spaced(value: int, separator: str) -> str:
    text = f"{abs(value):,}".replace(",", separator)
    return f"-{text}" if value < 0 else text


@given(st.lists(st.integers(min_value=-(10**9), max_value=10**9), min_size=1, max_size=3))
def test_cells_nbsp_grouped_amounts_read_back_exactly(values: list[int]) -> None:
    text = "Tilskudd " + " ".join(_spaced(v, NBSP) for v in values)
    tokens = tokenize(text)
    found = readings(tokens, max_cells=len(values), glue_words=GLUE)
    assert any(
        [int(c.number) for c in r.cells] == values
        for r in found
        if r.title_tokens == tail_start(tokens)
    )
    assert all(t.gap_before is not Gap.HARD for t in tokens[1:])


@given(st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=3))
def test_cells_space_grouped_amounts_have_the_true_reading_among_others(values: list[int]) -> None:
    text = "Tilskudd " + " ".join(_spaced(v, " ") for v in values)
    assert tuple(_spaced(v, " ") for v in values) in _readings(text, len(values))
