"""The graph projected into networkx: money, governance, and grant schemes.

Each projection is read from the build by a canned query (``kg/queries/*_edges.rq``),
so the RDF graph stays the single source of truth. Nodes are keyed by IRI and carry
``label`` and ``type``; edges carry what the analyses and views need, evidence included.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.engine import Engine, GraphSource
from kg.exports.rows import ExportRow, query_rows

FUNDING_COLUMNS = (
    "source",
    "source_label",
    "target",
    "target_label",
    "target_type",
    "kind",
    "amount_nok",
    "fiscal_year",
    "kap",
    "post",
    "is_total",
    "document",
    "line",
    "quote",
    "flow",
    "part_of",
    "source_type",
    "recipient_kind",
    "purpose",
    "document_year",
)
GOVERNANCE_COLUMNS = (
    "source",
    "source_label",
    "source_type",
    "relation",
    "target",
    "target_label",
    "target_type",
    "stated",
)


def funding_rows(graph: GraphSource) -> list[ExportRow]:
    integers = {"amount_nok", "fiscal_year", "kap", "post", "line", "document_year"}
    return query_rows(graph, "funding_edges", FUNDING_COLUMNS, integers=integers)


def funding_graph(graph: GraphSource, year: int | None = None) -> nx.MultiDiGraph:
    """Who pays whom: one edge per flow (weight = NOK), optionally for one fiscal year.

    Totals ("tildeles totalt") are left out: the items under them carry the same money.
    """
    network = nx.MultiDiGraph()
    for row in funding_rows(graph):
        if row["is_total"] == "true" or (year is not None and row["fiscal_year"] != year):
            continue
        source, target = str(row["source"]), str(row["target"])
        _node(network, source, row["source_label"], "organisation")
        _node(network, target, row["target_label"], row["target_type"])
        network.add_edge(
            source,
            target,
            weight=int(row["amount_nok"] or 0),
            kind=row["kind"],
            fiscal_year=row["fiscal_year"],
            kap=row["kap"],
            post=row["post"],
            document=row["document"],
            line=row["line"],
            quote=row["quote"] or "",
        )
    return network


def governance_graph(graph: GraphSource, relations: Iterable[str] | None = None) -> nx.DiGraph:
    """Who governs, owns or contains whom (``relations`` to keep some kinds only)."""
    wanted = set(relations) if relations is not None else None
    network = nx.DiGraph()
    for row in query_rows(Engine.of(graph), "governance_edges", GOVERNANCE_COLUMNS):
        if wanted is not None and row["relation"] not in wanted:
            continue
        source, target = str(row["source"]), str(row["target"])
        _node(network, source, row["source_label"], row["source_type"])
        _node(network, target, row["target_label"], row["target_type"])
        network.add_edge(source, target, relation=row["relation"], stated=row["stated"] == "true")
    return network


def scheme_graph(graph: GraphSource) -> nx.DiGraph:
    """Grant schemes and who pays into them, weighted by NOK."""
    network = nx.DiGraph()
    for row in funding_rows(graph):
        if row["target_type"] != "grant_scheme" or row["is_total"] == "true":
            continue
        source, target = str(row["source"]), str(row["target"])
        _node(network, source, row["source_label"], "organisation")
        _node(network, target, row["target_label"], "grant_scheme")
        previous = network.get_edge_data(source, target, {"weight": 0})["weight"]
        network.add_edge(source, target, weight=previous + int(row["amount_nok"] or 0))
    return network


def _node(network: nx.Graph, key: str, label: object, kind: object) -> None:
    if key not in network:
        network.add_node(key, label=str(label or key), type=str(kind or "organisation"))
