"""Node positions computed once, when the page is written: the browser draws them with
physics off, so a large graph opens at once and looks the same every time.

``spring`` (force-directed, seeded), ``layered`` (money: Stortinget, ministries, bodies
that pass money on, recipients, left to right) and ``hierarchy`` (governance, top down).
Positions are whole pixels so the pages are byte-identical from run to run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import networkx as nx

from kg.views.model import ViewEdge, ViewNode

Positions = dict[str, tuple[int, int]]

COLUMN_GAP = 420
ROW_GAP = 46
WRAP = 36  # nodes in one column before it wraps into another
LEVEL_GAP = 190
ROW_IN_LEVEL = 90
SLOT = 170
LEVEL_WRAP = 14  # nodes in one row of a level before it wraps into another
CELL = 320  # room for one small connected part below the main one


def spring(nodes: Sequence[ViewNode], edges: Sequence[ViewEdge]) -> Positions:
    """Force-directed, seeded, per connected part: the largest in the middle, the small
    parts in rows below it (a force layout would push them out of sight)."""
    graph = _graph(nodes, edges)
    parts = sorted(nx.connected_components(graph), key=lambda part: (-len(part), min(part)))
    positions: Positions = {}
    if not parts:
        return positions
    main = _spring(_part(graph, parts[0]))
    positions.update(main)
    bottom = max(y for _, y in main.values()) + CELL
    left = min(x for x, _ in main.values())
    right = max(max(x for x, _ in main.values()), left + CELL * 4)
    x, y = left, bottom
    for part in parts[1:]:
        for key, (px, py) in _spring(_part(graph, part)).items():
            positions[key] = (x + px, y + py)
        x += CELL
        if x > right:
            x, y = left, y + CELL
    return positions


def _part(graph: nx.Graph, keys: set[str]) -> nx.Graph:
    """A copy of ``graph`` on ``keys``, nodes and edges in sorted order (a networkx
    subgraph view of a small part iterates a set: its order changes from run to run)."""
    part = nx.Graph()
    part.add_nodes_from(sorted(keys))
    part.add_edges_from(sorted(tuple(sorted(edge)) for edge in graph.subgraph(keys).edges))
    return part


def _spring(graph: nx.Graph) -> Positions:
    """Seeded force layout; its size grows with the square root of the node count."""
    if len(graph) == 1:
        return {next(iter(graph)): (0, 0)}
    scale = (70 if len(graph) > 12 else 40) * len(graph) ** 0.5
    found = nx.spring_layout(graph, seed=7, iterations=60, scale=scale)
    return {key: (round(float(x)), round(float(y))) for key, (x, y) in sorted(found.items())}


def layered(
    nodes: Sequence[ViewNode], edges: Sequence[ViewEdge], column_of: Callable[[ViewNode], int]
) -> Positions:
    """Columns left to right (``column_of``); within a column, nodes under the node that
    pays them, largest first; long columns wrap into several."""
    columns: dict[int, list[ViewNode]] = defaultdict(list)
    for node in nodes:
        columns[column_of(node)].append(node)
    weight: dict[str, int] = defaultdict(int)
    payer_of: dict[str, str] = {}
    for edge in sorted(edges, key=lambda e: -(e.amount_nok or 0)):
        weight[edge.target] += edge.amount_nok or 0
        weight[edge.source] += edge.amount_nok or 0
        payer_of.setdefault(edge.target, edge.source)
    positions: Positions = {}
    x = 0
    for column in sorted(columns):
        members = sorted(
            columns[column],
            key=lambda n: (
                positions.get(payer_of.get(n.key, ""), (0, 0))[1],
                -weight[n.key],
                n.label,
            ),
        )
        x = _place_column(members, x, positions)
    return positions


def hierarchy(nodes: Sequence[ViewNode], edges: Sequence[ViewEdge], *, down: set[str]) -> Positions:
    """Top down: level = distance from a body nobody above governs (edges of kinds in
    ``down`` point from the governing body); within a level, under the parent."""
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(n.key for n in nodes))
    graph.add_edges_from(sorted((e.source, e.target) for e in edges if e.kind in down))
    labels = {n.key: n.label for n in nodes}
    level: dict[str, int] = {}
    roots = sorted((k for k in graph if graph.in_degree(k) == 0), key=lambda k: labels[k])
    frontier, depth = roots, 0
    while frontier:
        following: list[str] = []
        for key in frontier:
            level.setdefault(key, depth)
        for key in frontier:
            following.extend(c for c in sorted(graph.successors(key)) if c not in level)
        frontier, depth = sorted(set(following), key=lambda k: labels[k]), depth + 1
    for key in graph:  # bodies only in a cycle
        level.setdefault(key, depth)
    positions: Positions = {}
    y = 0
    for depth_ in sorted(set(level.values())):
        members = sorted(
            (k for k in level if level[k] == depth_),
            key=lambda k: (_parent_x(graph, k, positions), labels[k]),
        )
        for row_start in range(0, len(members), LEVEL_WRAP):
            row = members[row_start : row_start + LEVEL_WRAP]
            offset = (len(row) - 1) * SLOT // 2
            for index, key in enumerate(row):
                positions[key] = (index * SLOT - offset, y)
            y += LEVEL_GAP if row_start + LEVEL_WRAP >= len(members) else ROW_IN_LEVEL
    return positions


def _place_column(members: list[ViewNode], x: int, positions: Positions) -> int:
    """Place ``members`` in one or more columns starting at ``x``; the next free x."""
    for start in range(0, len(members), WRAP):
        chunk = members[start : start + WRAP]
        offset = (len(chunk) - 1) * ROW_GAP // 2
        for index, node in enumerate(chunk):
            positions[node.key] = (x, index * ROW_GAP - offset)
        x += COLUMN_GAP
    return x


def _parent_x(graph: nx.DiGraph, key: str, positions: Positions) -> int:
    placed = [positions[p][0] for p in graph.predecessors(key) if p in positions]
    return min(placed) if placed else 0


def _graph(nodes: Sequence[ViewNode], edges: Sequence[ViewEdge]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(n.key for n in nodes))
    for edge in sorted(edges, key=lambda e: (e.source, e.target, e.kind)):
        if edge.source != edge.target:
            graph.add_edge(edge.source, edge.target)
    return graph
