"""Every rule in the data files under kg/data matches the example written beside it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from kg.rules import load_toml


def _examples(name: str) -> list[tuple[str, str, str]]:
    data = load_toml(name)
    found: list[tuple[str, str, str]] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("pattern") and isinstance(value, str):
                    example_key = key.replace("pattern", "example")
                    if example_key in node:
                        found.append((f"{where}.{key}", value, node[example_key]))
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{where}[{index}]")

    walk(data, name)
    return found


RULES = [rule for name in ("tables.toml", "headings.toml") for rule in _examples(name)]


def test_data_files_have_examples() -> None:
    assert len(RULES) >= 20


@pytest.mark.parametrize(("where", "pattern", "example"), RULES, ids=[r[0] for r in RULES])
def test_data_files_pattern_matches_its_example(where: str, pattern: str, example: str) -> None:
    assert re.search(pattern, example, re.IGNORECASE if "unit" in where else 0), where
