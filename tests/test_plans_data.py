"""Every rule in kg/data/plans.toml matches the example written beside it, and every
shape gives its example the canonical name written beside it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import pattern_examples, prose_inputs

from kg.plans import find_plans
from kg.rules import load_toml

DATA = load_toml("plans.toml")
RULES = pattern_examples(DATA, "plans.toml", required=True)
SHAPES = [(s["name"], s["example"], s["expect"]) for s in DATA["shape"]]


def test_plans_data_every_pattern_has_an_example() -> None:
    assert len(RULES) >= 30


@pytest.mark.parametrize(("where", "pattern", "example"), RULES, ids=[r[0] for r in RULES])
def test_plans_data_pattern_matches_its_example(where: str, pattern: str, example: str) -> None:
    assert re.search(pattern, example), where


@pytest.mark.parametrize("shape", DATA["shape"], ids=[s["name"] for s in DATA["shape"]])
def test_plans_data_triggers_start_every_match(shape: dict[str, Any]) -> None:
    match = re.search(shape["pattern"], shape["example"])
    assert match is not None
    assert any(match.group(0).lower().startswith(t) for t in shape["triggers"]), shape["name"]


@pytest.mark.parametrize(("name", "example", "expect"), SHAPES, ids=[s[0] for s in SHAPES])
def test_plans_data_shape_gives_its_expected_name(name: str, example: str, expect: str) -> None:
    document, profile, segmentation = prose_inputs(example)
    assert expect in [m.name for m in find_plans(document, profile, segmentation, ())], name


def test_plans_data_generic_stems_are_lower_case() -> None:
    for head, stems in DATA["generic_stems"].items():
        assert all(stem == stem.casefold() for stem in stems), head
