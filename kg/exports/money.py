"""Money flows, budget changes, grant schemes and plans as rows, read by SPARQL."""

from __future__ import annotations

from kg.engine import GraphSource
from kg.exports.rows import ExportRow, query_rows

FLOW_COLUMNS = (
    "document",
    "fiscal_year",
    "payer",
    "recipient",
    "recipient_kind",
    "amount_nok",
    "kap",
    "post",
    "kind",
    "earmarked",
    "parent_line",
    "line",
    "quote",
)
CHANGE_COLUMNS = (
    "document",
    "fiscal_year",
    "direction",
    "amount_nok",
    "kap",
    "post",
    "from_kap",
    "from_post",
    "to_kap",
    "to_post",
    "line",
    "quote",
)
SCHEME_COLUMNS = (
    "iri",
    "name",
    "aliases",
    "kap",
    "post",
    "administered_by",
    "scheme_id",
    "documents",
)
STRATEGY_COLUMNS = ("iri", "name", "type", "period", "owner", "documents")


def export_flows(graph: GraphSource) -> list[ExportRow]:
    integers = {"fiscal_year", "amount_nok", "kap", "post", "parent_line", "line"}
    return query_rows(graph, "flows", FLOW_COLUMNS, integers=integers)


def export_changes(graph: GraphSource) -> list[ExportRow]:
    integers = {
        "fiscal_year",
        "amount_nok",
        "kap",
        "post",
        "from_kap",
        "from_post",
        "to_kap",
        "to_post",
        "line",
    }
    return query_rows(graph, "budget_changes", CHANGE_COLUMNS, integers=integers)


def export_schemes(graph: GraphSource) -> list[ExportRow]:
    """One row per grant scheme; several funding posts are written "714/761" and "21/60"."""
    columns = ("iri", "name", "aliases", "posts", "administered_by", "scheme_id", "documents")
    rows = []
    for row in query_rows(
        graph, "schemes", columns, sorted_lists={"aliases", "posts", "documents"}
    ):
        posts = [p.split(".") for p in str(row.pop("posts") or "").split("|") if "." in p]
        row["kap"] = "/".join(dict.fromkeys(kap for kap, _ in posts)) or None
        row["post"] = "/".join(dict.fromkeys(post for _, post in posts)) or None
        rows.append({column: row[column] for column in SCHEME_COLUMNS})
    return rows


def export_strategies(graph: GraphSource) -> list[ExportRow]:
    return query_rows(graph, "strategies", STRATEGY_COLUMNS, sorted_lists={"documents"})
