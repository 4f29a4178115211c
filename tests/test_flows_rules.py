"""The flow rule data: every pattern matches the example written beside it."""

from __future__ import annotations

import re

import pytest

from kg.flows.rules import flow_rules, pattern_examples
from kg.money.amounts import find_amounts

EXAMPLES = list(pattern_examples())


@pytest.mark.parametrize(("where", "pattern", "example"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_flows_rule_matches_its_example(where: str, pattern: str, example: str) -> None:
    assert example, f"{where}: no example"
    assert re.search(pattern, example), f"{where}: {pattern!r} misses {example!r}"


def test_flows_rules_every_family_has_examples() -> None:
    families = {where.split(".")[0] for where, _, _ in EXAMPLES}
    assert {"allocation", "change", "part", "purpose", "not_payment", "group"} <= families


def test_flows_rules_load_once() -> None:
    assert flow_rules() is flow_rules()


@pytest.mark.parametrize(
    ("text", "nok"),
    [
        ("Det bevilges 7. mill. kroner til formålet", 7_000_000),
        ("det er satt av 3. mill. kr. til piloten", 3_000_000),
        ("Det bevilges 7 mill. kroner", 7_000_000),
    ],
)
def test_flows_money_reads_a_stray_dot_after_the_number(text: str, nok: int) -> None:
    assert [a.nok for a in find_amounts(text)] == [nok]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Andre tilskudd", True),
        ("Tilskudd", True),
        ("Nabotilskuddet", False),
    ],
)
def test_flows_rules_generic_post_titles(title: str, expected: bool) -> None:
    assert bool(flow_rules().generic_title.match(title)) is expected
