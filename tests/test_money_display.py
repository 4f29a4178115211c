"""Amounts written the Norwegian way, and read back by the prose reader."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.money.amounts import find_amounts
from kg.money.display import grouped, kroner, percent, scaled


@pytest.mark.parametrize(
    ("nok", "text"),
    [
        (0, "0 kr"),
        (999, "999 kr"),
        (1_234_567, "1 234 567 kr"),
        (-1_782_736, "−1 782 736 kr"),
    ],
)
def test_display_kroner(nok: int, text: str) -> None:
    assert kroner(nok) == text


@pytest.mark.parametrize(
    ("nok", "text"),
    [
        (500_000, "500 000 kr"),
        (1_000_000, "1 mill. kr"),
        (12_500_000, "12,5 mill. kr"),
        (121_941_000, "121,941 mill. kr"),
        (1_234_567, "1,235 mill. kr"),
        (-3_097_000, "−3,097 mill. kr"),
        (20_200_000_000, "20,2 mrd. kr"),
        (1_234_500_000_000, "1 234,5 mrd. kr"),
    ],
)
def test_display_scaled(nok: int, text: str) -> None:
    assert scaled(nok) == text


@pytest.mark.parametrize(
    ("share", "text"),
    [(-0.0833, "−8,3 %"), (0.0004, "0,0 %"), (-0.0004, "0,0 %"), (1.5, "150,0 %")],
)
def test_display_percent(share: float, text: str) -> None:
    assert percent(share) == text


@given(st.integers(min_value=0, max_value=10**12))
def test_display_kroner_reads_back(nok: int) -> None:
    assert [amount.nok for amount in find_amounts(kroner(nok))] == [nok]


@given(st.integers(min_value=1000, max_value=999_999).map(lambda n: n * 1000))
def test_display_scaled_millions_read_back(nok: int) -> None:
    assert [amount.nok for amount in find_amounts(scaled(nok))] == [nok]


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_display_grouped_keeps_the_digits(number: int) -> None:
    assert int(grouped(number).replace(" ", "").replace("−", "-")) == number
