"""Who governs whom: the tree below a ministry (or any body) in the governance graph."""

from __future__ import annotations

import difflib

import networkx as nx

from kg.analysis import Row
from kg.analysis.projections import governance_graph
from kg.engine import GraphSource
from kg.errors import KgError

TREE_COLUMNS = ("depth", "parent", "relation", "child", "child_type", "stated")

DOWNWARD = ("supervises", "owns", "delegated_supervision")
"""Relations that point from the governing body to the governed one."""
CONTAINS = "contains"  # part_of, read from the whole to its part


def hierarchy(graph: GraphSource) -> nx.DiGraph:
    """Governing body → governed body, with ``relation`` (``contains`` for part_of)."""
    tree = nx.DiGraph()
    source = governance_graph(graph)
    for node, data in source.nodes(data=True):
        tree.add_node(node, **data)
    for a, b, data in sorted(source.edges(data=True), key=lambda e: (e[0], e[1])):
        if data["relation"] in DOWNWARD:
            tree.add_edge(a, b, relation=data["relation"], stated=data["stated"])
        elif data["relation"] == "part_of":
            tree.add_edge(b, a, relation=CONTAINS, stated=data["stated"])
    return tree


def governance_tree(
    graph: GraphSource, *, root: str = "Helse- og omsorgsdepartementet"
) -> list[Row]:
    """Every body below ``root``, breadth first: each once, under the body that reaches it
    first (by depth, then name)."""
    tree = hierarchy(graph)
    start = find_body(tree, root)
    rows: list[Row] = []
    seen, frontier, depth = {start}, [start], 0
    while frontier:
        depth += 1
        following: list[str] = []
        for parent in sorted(frontier, key=lambda n: tree.nodes[n]["label"]):
            children = sorted(tree.successors(parent), key=lambda n: tree.nodes[n]["label"])
            for child in children:
                if child in seen:
                    continue
                seen.add(child)
                following.append(child)
                edge = tree.edges[parent, child]
                rows.append(
                    {
                        "depth": depth,
                        "parent": tree.nodes[parent]["label"],
                        "relation": edge["relation"],
                        "child": tree.nodes[child]["label"],
                        "child_type": tree.nodes[child]["type"],
                        "stated": bool(edge["stated"]),
                    }
                )
        frontier = following
    return rows


def find_body(network: nx.DiGraph, name: str) -> str:
    """The node of the body called ``name`` (case ignored); ``KgError`` with the closest
    names when there is none."""
    labels = {str(data["label"]).casefold(): node for node, data in network.nodes(data=True)}
    if name.casefold() in labels:
        return str(labels[name.casefold()])
    close = difflib.get_close_matches(name.casefold(), sorted(labels), n=3, cutoff=0.6)
    hint = f": did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise KgError(f"no organisation named {name!r} in the governance graph{hint}")
