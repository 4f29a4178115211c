"""A network view as a page: pyvis assembles the vis-network nodes, edges and options,
this module lays them out and writes them into the views' own page (pyvis's template
loads Bootstrap and vis-network from CDNs; these pages must work offline).

Nodes and edges get ids from their order (``n0``, ``e0``, ...), never random ones; the
page reads its data from a JSON block and builds every tooltip from text, so nothing
from a document is ever parsed as HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from pyvis.network import Network

from kg.views import layout
from kg.views.html import data_block, esc, page
from kg.views.model import NetworkView, ViewEdge, ViewNode
from kg.views.style import EDGE_STYLES, MONEY_KINDS, NODE_STYLES, edge_style, node_style

OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True},
    "edges": {
        "smooth": False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"inherit": False},
    },
    "nodes": {"font": {"size": 18, "face": "sans-serif"}, "borderWidth": 1},
    "layout": {"improvedLayout": False},
}
"""vis-network options: physics off (positions are precomputed), hover tooltips."""

GOVERNING = {"supervises", "owns", "contains", "delegated_supervision"}
MAX_WIDTH = 14


def network_page(view: NetworkView) -> str:
    """The whole HTML page of ``view``."""
    positions = _positions(view)
    nodes, edges = _vis_data(view, positions)
    types = sorted({n.type for n in view.nodes}, key=lambda t: _rank(NODE_STYLES, t))
    kinds = sorted({e.kind for e in view.edges}, key=lambda k: _rank(EDGE_STYLES, k))
    years = sorted({y for e in view.edges for y in e.years})
    posts = sorted({p for e in view.edges for p in e.posts}, key=_post_order)
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": OPTIONS,
        "root": "../" * view.depth,
        "year": view.year,
        "focus": _ids(view).get(view.focus or ""),
    }
    body = (
        f'<p class="intro">{esc(view.intro)}</p>\n'
        + _toolbar(years, posts, view.year)
        + '<div class="board">\n<div id="network" class="network"></div>\n<aside>\n'
        + _legend(types, kinds)
        + '<section id="details" class="details"><p>Klikk på en node eller en kant for '
        "detaljer; dobbeltklikk åpner nodens egen side.</p></section>\n</aside>\n</div>\n"
        + view.appendix
        + data_block("graph-data", data)
    )
    return page(
        view.title,
        body,
        depth=view.depth,
        scripts=("vis-network.min.js", "network.js"),
        styles=("vis-network.min.css",),
    )


def _positions(view: NetworkView) -> layout.Positions:
    if view.layout == "hierarchy":
        return layout.hierarchy(view.nodes, view.edges, down=GOVERNING)
    if view.layout == "layered":
        return layout.layered(view.nodes, view.edges, _money_column(view.edges))
    return layout.spring(view.nodes, view.edges)


def _money_column(edges: Sequence[ViewEdge]) -> Callable[[ViewNode], int]:
    payers = {e.source for e in edges if e.kind in MONEY_KINDS}
    payers |= {e.target for e in edges if e.kind == "allocation"}

    def column(node: ViewNode) -> int:
        if node.type == "parliament":
            return 0
        if node.type == "ministry":
            return 1
        return 2 if node.key in payers else 3

    return column


def _ids(view: NetworkView) -> dict[str, str]:
    return {key: f"n{i}" for i, key in enumerate(sorted(n.key for n in view.nodes))}


def _vis_data(
    view: NetworkView, positions: layout.Positions
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The nodes and edges as vis-network wants them, assembled by pyvis."""
    ids = _ids(view)
    net = Network(directed=True)
    for node in sorted(view.nodes, key=lambda n: ids[n.key]):
        x, y = positions.get(node.key, (0, 0))
        net.add_node(
            ids[node.key],
            label=_short(node.label),
            shape=node_style(node.type).shape,
            color=node_style(node.type).color,
            size=node.size + (6 if node.key == view.focus else 0),
            x=x,
            y=y,
            physics=False,
            type=node.type,
            name=node.label,
            tip=[list(line) for line in node.tip],
            page=node.page,
        )
    largest = max((e.amount_nok or 0 for e in view.edges), default=0)
    ordered = sorted(
        view.edges, key=lambda e: (ids[e.source], ids[e.target], e.kind, e.years, e.posts)
    )
    for index, edge in enumerate(ordered):
        net.add_edge(
            ids[edge.source],
            ids[edge.target],
            id=f"e{index}",
            color=edge_style(edge.kind).color,
            dashes=edge_style(edge.kind).dashes,
            width=_width(edge.amount_nok, largest),
            kind=edge.kind,
            tip=[list(line) for line in edge.tip],
            years=list(edge.years),
            posts=list(edge.posts),
        )
    nodes, edges, *_ = net.get_network_data()
    return nodes, edges


def _rank(table: Mapping[str, object], name: str) -> tuple[int, str]:
    """Legend order: the order of the style table, unknown names last."""
    return (list(table).index(name) if name in table else len(table), name)


def _width(amount: int | None, largest: int) -> float:
    if not amount or largest <= 0:
        return 1.5
    share: float = (amount / largest) ** 0.5
    return round(1 + (MAX_WIDTH - 1) * share, 2)


def _short(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _post_order(post: str) -> tuple[int, ...]:
    return tuple(int(part) for part in post.split(".") if part.isdigit())


def _toolbar(years: Sequence[int], posts: Sequence[str], year: int | None) -> str:
    year_options = "".join(
        f'<option value="{y}"{" selected" if y == year else ""}>{y}</option>' for y in years
    )
    post_options = "".join(f'<option value="{esc(p)}">{esc(p)}</option>' for p in posts)
    return (
        '<form class="toolbar" onsubmit="return false">\n'
        '<label>Søk <input type="search" id="search" placeholder="navn på node" '
        'autocomplete="off"></label>\n'
        f'<label>År <select id="year"><option value="">alle år</option>{year_options}'
        "</select></label>\n"
        f'<label>Kap./post <select id="post"><option value="">alle poster</option>'
        f"{post_options}</select></label>\n"
        '<output id="count"></output>\n</form>\n'
    )


def _legend(types: Sequence[str], kinds: Sequence[str]) -> str:
    type_items = "".join(
        f'<li><label><input type="checkbox" class="type-filter" value="{esc(t)}" checked>'
        f'<span class="swatch shape-{esc(node_style(t).shape)}" '
        f'style="background:{esc(node_style(t).color)}"></span>{esc(node_style(t).label)}'
        "</label></li>\n"
        for t in types
    )
    kind_items = "".join(
        f'<li><span class="line{" dashed" if edge_style(k).dashes else ""}" '
        f'style="border-color:{esc(edge_style(k).color)}"></span>{esc(edge_style(k).label)}</li>\n'
        for k in kinds
    )
    return (
        '<section class="legend"><h2>Noder</h2>\n<ul class="types">\n'
        f"{type_items}</ul>\n<h2>Kanter</h2>\n<ul>\n{kind_items}</ul>\n</section>\n"
    )
