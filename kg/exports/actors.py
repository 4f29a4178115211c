"""Organisations and the relations between them as rows, read by SPARQL over the graph."""

from __future__ import annotations

from kg.engine import GraphSource
from kg.exports.rows import ExportRow, query_rows

ACTOR_COLUMNS = ("iri", "name", "type", "aliases", "documents", "mentions")
RELATION_COLUMNS = ("subject", "predicate", "object", "document", "line", "quote")


def export_actors(graph: GraphSource) -> list[ExportRow]:
    """One row per organisation: ``iri,name,type,aliases,documents,mentions``."""
    rows = query_rows(
        graph,
        "actors",
        ACTOR_COLUMNS,
        integers={"mentions"},
        sorted_lists={"aliases", "documents"},
    )
    for row in rows:
        row["mentions"] = row["mentions"] or 0
    return rows


def export_relations(graph: GraphSource) -> list[ExportRow]:
    """One row per stated relation: ``subject,predicate,object,document,line,quote``."""
    return query_rows(graph, "relations", RELATION_COLUMNS, integers={"line"})
