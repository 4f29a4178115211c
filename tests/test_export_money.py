"""Flows, budget changes, grant schemes and plans read back from the graph."""

from __future__ import annotations

from rdflib import Dataset

from kg.exports.money import (
    CHANGE_COLUMNS,
    FLOW_COLUMNS,
    SCHEME_COLUMNS,
    STRATEGY_COLUMNS,
    export_changes,
    export_flows,
    export_schemes,
    export_strategies,
)


def test_export_flows_columns_and_nesting(graph_dataset: Dataset) -> None:
    rows = export_flows(graph_dataset)
    assert all(tuple(row) == FLOW_COLUMNS for row in rows)
    by_recipient = {row["recipient"]: row for row in rows}
    total = by_recipient["Helsedirektoratet"]
    assert (total["kind"], total["payer"], total["amount_nok"]) == (
        "allocation",
        "Helse- og omsorgsdepartementet",
        50_000_000,
    )
    scheme = by_recipient["Tilskuddsordning for folkehelsearbeid"]
    assert (scheme["recipient_kind"], scheme["kap"], scheme["post"], scheme["parent_line"]) == (
        "grant_scheme",
        714,
        21,
        3,
    )
    assert by_recipient["kampanjer"]["recipient_kind"] == "own_activity"
    assert [row["amount_nok"] for row in rows] == [50_000_000, 30_000_000, 20_000_000]


def test_export_changes_are_not_flows(graph_dataset: Dataset) -> None:
    (change,) = export_changes(graph_dataset)
    assert tuple(change) == CHANGE_COLUMNS
    assert (change["direction"], change["from_post"], change["to_post"]) == ("move", 79, 21)
    assert 4_000_000 not in {row["amount_nok"] for row in export_flows(graph_dataset)}


def test_export_schemes_and_strategies(graph_dataset: Dataset) -> None:
    (scheme,) = export_schemes(graph_dataset)
    assert tuple(scheme) == SCHEME_COLUMNS
    assert scheme["documents"] == "tildelingsbrev.txt"
    (plan,) = export_strategies(graph_dataset)
    assert tuple(plan) == STRATEGY_COLUMNS
    assert (plan["name"], plan["type"]) == ("Folkehelsemeldingen", "white_paper")
