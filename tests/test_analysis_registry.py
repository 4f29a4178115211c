"""The table of analyses drives the CLI, the README and these tests: every analysis runs,
gives exactly its columns, and is documented; bad parameters are one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kg.analysis.registry import (
    ANALYSES,
    Analysis,
    analysis,
    listing,
    parse_params,
    run_analysis,
)
from kg.errors import KgError

README = Path(__file__).resolve().parents[1] / "README.md"

EXAMPLES: dict[str, dict[str, int | str]] = {
    "layers": {},
    "post_layers": {"kap": 714},
    "top_recipients": {"year": 2024},
    "intermediaries": {},
    "path": {"recipient": "Tilskuddsordning for folkehelsearbeid"},
    "chapter_changes": {"kap": 714, "year_a": 2023, "year_b": 2024},
    "post_changes": {"kap": 714, "year_a": 2023, "year_b": 2024},
    "consistency": {"kap": 714},
    "governance_tree": {},
}
"""Parameters that make each analysis answer something on the graph tests' sample."""


def test_analysis_examples_cover_every_analysis() -> None:
    assert set(EXAMPLES) == {a.name for a in ANALYSES}


@pytest.mark.parametrize("spec", ANALYSES, ids=[a.name for a in ANALYSES])
def test_analysis_gives_exactly_its_columns(spec: Analysis, graph_dataset: Dataset) -> None:
    name = spec.name
    rows = run_analysis(graph_dataset, name, **EXAMPLES[name])
    assert rows, name
    assert all(tuple(row) == analysis(name).columns for row in rows)


@pytest.mark.parametrize("spec", ANALYSES, ids=[a.name for a in ANALYSES])
def test_analysis_is_documented(spec: Analysis) -> None:
    readme = README.read_text(encoding="utf-8")
    name = spec.name
    assert f"`{name}`" in readme, f"README.md does not mention the analysis {name}"
    for parameter in analysis(name).parameters:
        assert parameter.help and parameter.name in readme, (name, parameter.name)


def test_analysis_listing_names_every_analysis_in_order() -> None:
    assert [row["name"] for row in listing()] == [a.name for a in ANALYSES]


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("layers", ["year"], "write it as name=value"),
        ("layers", ["yeer=2018"], "has no parameter 'yeer': it takes year, kap"),
        ("layers", ["year=twenty"], "year is a whole number"),
        ("governance_tree", ["depth=2"], "it takes root"),
    ],
)
def test_analysis_bad_parameter_is_one_clear_line(
    name: str, params: list[str], message: str
) -> None:
    with pytest.raises(KgError, match=message) as raised:
        parse_params(analysis(name), params)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("nonsense", {}, "no analysis named 'nonsense': use one of layers, post_layers"),
        ("path", {}, "needs --param recipient=..."),
        ("chapter_changes", {"kap": 714}, "needs --param year_a=... --param year_b=..."),
        ("path", {"recipient": "Nobody at all"}, "no recipient named 'Nobody at all'"),
        ("governance_tree", {"root": "Helsedirektorat"}, "did you mean 'helsedirektoratet'"),
        ("layers", {"colour": "red"}, "has no parameter 'colour'"),
    ],
)
def test_analysis_cannot_run_says_why(
    name: str, params: dict[str, str | int], message: str, graph_dataset: Dataset
) -> None:
    with pytest.raises(KgError, match=message):
        run_analysis(graph_dataset, name, **params)
