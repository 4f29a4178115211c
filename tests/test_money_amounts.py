"""Amounts of money in prose, in every way the documents write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.money.amounts import find_amounts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Direktoratet tildeles 121,941 mill. kroner til tiltak", [121_941_000]),
        ("0,5 mill. kroner til kampanjer", [500_000]),
        ("rammen er 20,2 mrd. kroner i år", [20_200_000_000]),
        ("Det stilles til disposisjon 14 778 mill. kroner", [14_778_000_000]),
        ("Helsedirektoratet tildeles 75 321 000 kr.", [75_321_000]),
        ("fullmakt på kr 11 023 904 000 over kapittel 575", [11_023_904_000]),
        ("12,9 MNOK til drift", [12_900_000]),
        ("inntil to millioner kroner til forsøk", [2_000_000]),
        ("3 mill. kr til A og 1,5 millioner kroner til B", [3_000_000, 1_500_000]),
        ("en ni mill. tildeling", [9_000_000]),
    ],
)
def test_money_amounts_shapes(text: str, expected: list[int]) -> None:
    assert [a.nok for a in find_amounts(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "kap. 714 post 21",  # numbers that are not money
        "i 2022 og 2023",
        "to av tre kommuner",  # number words without a scale
        "se punkt 3,2 over",
    ],
)
def test_money_amounts_not_money(text: str) -> None:
    assert find_amounts(text) == []


def test_money_amounts_span_points_at_the_text() -> None:
    text = "Av dette går 38,7 mill. kroner til kompetansesentrene."
    (amount,) = find_amounts(text)
    assert text[amount.start : amount.end] == amount.text == "38,7 mill. kroner"


@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=0, max_value=999))
def test_money_amounts_millions_with_decimals(whole: int, thousandths: int) -> None:
    text = f"Tilskudd på {whole},{thousandths:03d} mill. kroner"
    (amount,) = find_amounts(text)
    assert amount.nok == whole * 1_000_000 + thousandths * 1_000


@given(st.integers(min_value=1, max_value=10**12))
def test_money_amounts_kroner_with_space_thousands(value: int) -> None:
    written = f"{value:,}".replace(",", " ")
    (amount,) = find_amounts(f"beløpet er {written} kroner i alt")
    assert amount.nok == value
