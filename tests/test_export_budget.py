"""kg.exports.budget: the budget amounts read back from the graph by SPARQL."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.exports.budget import BUDGET_COLUMNS, export_budget
from kg.graph.store import load_graph, write_graph
from kg.queries import load_query

EXPECTED = [
    # document, fiscal_year, kap, post, title, measure, amount_nok, line
    ("prop.txt", 2022, 714, 21, "Spesielle driftsutgifter", "accounts", 116_771_000, 5),
    ("prop.txt", 2023, 714, 21, "Spesielle driftsutgifter", "adopted_budget", 102_802_000, 5),
    ("prop.txt", 2024, 714, 21, "Spesielle driftsutgifter", "proposal", 120_362_000, 5),
    (
        "prop.txt",
        2022,
        714,
        70,
        'Tilskudd til "frivillige" organisasjoner',
        "accounts",
        1_000_000,
        6,
    ),
    (
        "prop.txt",
        2024,
        714,
        70,
        'Tilskudd til "frivillige" organisasjoner',
        "proposal",
        2_000_000,
        6,
    ),
    ("prop.txt", 2022, 714, None, "Folkehelse", "accounts", 117_771_000, 8),
    ("prop.txt", 2023, 714, None, "Folkehelse", "adopted_budget", 102_802_000, 8),
    ("prop.txt", 2024, 714, None, "Folkehelse", "proposal", 122_362_000, 8),
    ("tildelingsbrev.txt", 2024, 714, 21, "Spesielle driftsutgifter", "allocation", 50_000_000, 3),
]


def test_export_budget_columns_in_order() -> None:
    assert BUDGET_COLUMNS == (
        "document",
        "fiscal_year",
        "kap",
        "post",
        "title",
        "measure",
        "amount_nok",
        "line",
    )


def test_export_budget_round_trips_the_sample_numbers(graph_dataset: Dataset) -> None:
    rows = export_budget(graph_dataset)
    assert all(tuple(row) == BUDGET_COLUMNS for row in rows)
    assert [tuple(row.values()) for row in rows] == EXPECTED


def test_export_budget_from_the_written_build(graph_dataset: Dataset, tmp_path: Path) -> None:
    write_graph(graph_dataset, tmp_path)
    assert export_budget(load_graph(tmp_path)) == export_budget(graph_dataset)


def test_export_budget_query_file_has_a_header() -> None:
    header = load_query("budget_amounts").split("PREFIX", 1)[0]
    for word in ("Answers:", "Parameters:", "Columns:", *BUDGET_COLUMNS):
        assert word in header
