"""The network pages: overview, money per year, governance, and one page per actor and
per grant scheme (its neighbourhood, with the statements behind every edge)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from kg.analysis.ledger import MoneyFlow
from kg.money.display import kroner
from kg.views.data import ViewData, governance_edges, money_edges, view_node
from kg.views.html import table
from kg.views.model import NetworkView, ViewEdge, ViewNode
from kg.views.style import edge_style

MAX_ACTOR_PAGES = 200
MAX_SCHEME_PAGES = 100
MAX_NEIGHBOURS = 80
MAX_TABLE_ROWS = 300
FLOW_COLUMNS = ("År", "Kap./post", "Fra", "Til", "Art", "Beløp", "Kilde", "Sitat")


def page_paths(data: ViewData) -> dict[str, str]:
    """The nodes that get a page of their own, and its path: grant schemes and the
    organisations with most money and relations first, up to the caps."""
    weight: dict[str, int] = defaultdict(int)
    for flow in data.money:
        weight[flow.payer] += flow.counted_nok
        weight[flow.recipient] += flow.counted_nok
    degree = {
        key: data.governance.degree(key) if key in data.governance else 0 for key in data.nodes
    }
    schemes = sorted(k for k, (_, kind) in data.nodes.items() if kind == "grant_scheme")
    actors = sorted(
        (
            k
            for k, (_, kind) in data.nodes.items()
            if kind not in ("grant_scheme", "own_activity", "recipient_group")
            and (weight[k] or degree[k])
        ),
        key=lambda k: (-weight[k], -degree[k], data.nodes[k][0]),
    )
    paths: dict[str, str] = {}
    for folder, keys, cap in (
        ("actors", actors, MAX_ACTOR_PAGES),
        ("schemes", schemes, MAX_SCHEME_PAGES),
    ):
        used: set[str] = set()
        for key in sorted(keys[:cap]):
            stem = _stem(key)
            while stem in used:
                stem += "-"
            used.add(stem)
            paths[key] = f"{folder}/{stem}.html"
    return paths


def overview(data: ViewData, paths: dict[str, str]) -> NetworkView:
    edges = money_edges(data.money, per_year=False) + governance_edges(data)
    return NetworkView(
        "overview.html",
        "Oversikt",
        "Hele grafen: hvem som finansierer hvem (summert over alle år) og hvem som styrer, "
        "eier eller har hvem som del. Kantbredde etter beløp.",
        _nodes(data, edges, paths),
        tuple(edges),
    )


def funding(data: ViewData, paths: dict[str, str]) -> NetworkView:
    edges = money_edges(data.money, per_year=True)
    years = sorted({y for e in edges for y in e.years})
    return NetworkView(
        "funding.html",
        "Pengestrømmer",
        "Penger fra Stortinget til departementer, virksomheter og mottakere, ett år om "
        "gangen (velg år). Kantbredde etter beløp, farge etter art; hvert beløp telles én "
        "gang (summer og underbeløp dobbelttelles ikke).",
        _nodes(data, edges, paths, sized=True),
        tuple(edges),
        layout="layered",
        year=years[-1] if years else None,
    )


def governance(data: ViewData, paths: dict[str, str]) -> NetworkView:
    edges = governance_edges(data)
    return NetworkView(
        "governance.html",
        "Styring",
        "Hvem som styrer (etatsstyring), eier, eller har hvem som del — departementene "
        "øverst. Heltrukne linjer er styring, stiplede eierskap, del av og andre relasjoner.",
        _nodes(data, edges, paths),
        tuple(edges),
        layout="hierarchy",
    )


def neighbourhood(data: ViewData, key: str, paths: dict[str, str]) -> NetworkView:
    """The page of one actor or scheme: its money and relations, one step out."""
    label, _ = data.nodes[key]
    flows = [f for f in data.money if key in (f.payer, f.recipient)]
    money = money_edges(flows, per_year=True)
    relations = [e for e in governance_edges(data) if key in (e.source, e.target)]
    edges = _nearest(money, key) + relations[:MAX_NEIGHBOURS]
    appendix = _flow_table(flows) + _relation_table(relations)
    return NetworkView(
        paths[key],
        label,
        f"{label}: pengene inn og ut (per år) og styringsrelasjonene, ett steg ut. "
        "Tabellene under viser utsagnene bak hver kant.",
        _nodes(data, edges, paths, extra=(key,), sized=True),
        tuple(edges),
        focus=key,
        appendix=appendix,
    )


def _nearest(edges: list[ViewEdge], key: str) -> list[ViewEdge]:
    """The edges to the MAX_NEIGHBOURS neighbours that move the most money."""
    weight: dict[str, int] = defaultdict(int)
    for edge in edges:
        other = edge.target if edge.source == key else edge.source
        weight[other] += edge.amount_nok or 0
    kept = set(sorted(weight, key=lambda k: (-weight[k], k))[:MAX_NEIGHBOURS])
    return [e for e in edges if (e.target if e.source == key else e.source) in kept]


def _nodes(
    data: ViewData,
    edges: Sequence[ViewEdge],
    paths: dict[str, str],
    *,
    extra: Iterable[str] = (),
    sized: bool = False,
) -> tuple[ViewNode, ...]:
    keys = sorted({e.source for e in edges} | {e.target for e in edges} | set(extra))
    money: dict[str, int] = defaultdict(int)
    for edge in edges:
        money[edge.source] += edge.amount_nok or 0
        money[edge.target] += edge.amount_nok or 0
    largest = max(money.values(), default=0) or 1
    return tuple(
        view_node(
            data,
            key,
            size=round(9 + 17 * (money[key] / largest) ** 0.5) if sized else 12,
            page=paths.get(key),
        )
        for key in keys
    )


def _flow_table(flows: Sequence[MoneyFlow]) -> str:
    if not flows:
        return ""
    ordered = sorted(flows, key=lambda f: (-(f.fiscal_year or 0), -f.counted_nok, f.line))
    rows = [
        (
            f.fiscal_year or "",
            f.budget_line,
            f.payer_label,
            f.item,
            edge_style(f.kind).label,
            kroner(f.counted_nok),
            f"{f.document}, linje {f.line}",
            f.quote,
        )
        for f in ordered[:MAX_TABLE_ROWS]
    ]
    more = len(flows) - len(rows)
    note = (
        f'<p class="note">og {more} utsagn til (se kg analyse / kg export flows)</p>\n'
        if more > 0
        else ""
    )
    return "<h2>Penger</h2>\n" + table(FLOW_COLUMNS, rows, numeric=(5,)) + note


def _relation_table(edges: Sequence[ViewEdge]) -> str:
    if not edges:
        return ""
    rows = [tuple(text for _, text in e.tip[:2]) for e in edges]
    return "<h2>Styring og relasjoner</h2>\n" + table(("Relasjon", "Kilde"), rows)


def _stem(key: str) -> str:
    tail = key.rstrip("/").rsplit("/", 1)[-1]
    stem = "".join(c if c.isascii() and (c.isalnum() or c == "-") else "-" for c in tail.lower())
    return stem.strip("-")[:80] or "node"
