"""Rows of a canned query over the graph as plain values: the mechanism every export shares."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from rdflib import Graph, Literal, URIRef

from kg.engine import Engine
from kg.queries import load_query

ExportRow = dict[str, str | int | None]


def query_rows(
    graph: Graph | Engine,
    query_name: str,
    columns: Sequence[str],
    *,
    integers: Collection[str] = (),
    sorted_lists: Collection[str] = (),
) -> list[ExportRow]:
    """Run ``kg/queries/<query_name>.rq``; one dict per solution with ``columns``.

    ``integers`` become ints; ``sorted_lists`` are ``|``-joined lists (GROUP_CONCAT gives
    no order), sorted so that exports are byte-identical from run to run.
    """
    names, solutions = Engine.of(graph).select(load_query(query_name))
    index = {name: position for position, name in enumerate(names)}
    rows: list[ExportRow] = []
    for solution in solutions:
        row: ExportRow = {}
        for column in columns:
            row[column] = _value(solution[index[column]], column in integers)
            if column in sorted_lists and isinstance(row[column], str):
                row[column] = "|".join(sorted(set(str(row[column]).split("|")) - {""}))
        rows.append(row)
    return rows


def _value(term: object, integer: bool) -> str | int | None:
    if term is None:
        return None
    if isinstance(term, Literal):
        return int(term) if integer else str(term)
    if isinstance(term, URIRef):
        return str(term)
    raise TypeError(f"export: unexpected term {term!r}")
