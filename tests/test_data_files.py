"""Every rule in the data files under kg/data matches the example written beside it."""

from __future__ import annotations

import re

import pytest
from conftest import pattern_examples

from kg.rules import load_toml

RULES = [
    rule
    for name in ("tables.toml", "headings.toml")
    for rule in pattern_examples(load_toml(name), name, required=False)
]


def test_data_files_have_examples() -> None:
    assert len(RULES) >= 20


@pytest.mark.parametrize(("where", "pattern", "example"), RULES, ids=[r[0] for r in RULES])
def test_data_files_pattern_matches_its_example(where: str, pattern: str, example: str) -> None:
    assert re.search(pattern, example, re.IGNORECASE if "unit" in where else 0), where
