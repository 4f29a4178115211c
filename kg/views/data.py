"""Everything the views show, read from the build once: the money ledger, the governance
network, the evidence of each relation, and what the graph says of each organisation
and grant scheme. Nodes and edges with their tooltips are made here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

from kg.analysis.ledger import Ledger, MoneyFlow, read_ledger
from kg.analysis.projections import governance_graph
from kg.engine import Engine
from kg.exports.actors import export_actors, export_relations
from kg.exports.money import export_schemes
from kg.exports.rows import ExportRow
from kg.money.display import kroner, scaled
from kg.views.model import Tip, ViewEdge, ViewNode
from kg.views.style import edge_style, node_style

QUOTE_LIMIT = 280
SOURCES_SHOWN = 4

Evidence = tuple[str, int, str]
"""Document, line, quote."""


@dataclass(frozen=True)
class ViewData:
    ledger: Ledger
    governance: nx.DiGraph
    evidence: dict[tuple[str, str, str], list[Evidence]]
    schemes: dict[str, ExportRow]
    nodes: dict[str, tuple[str, str]]  # key -> (label, type)
    tips: dict[str, Tip]

    @property
    def money(self) -> tuple[MoneyFlow, ...]:
        return self.ledger.counted


def read_view_data(engine: Engine) -> ViewData:
    """Read the build once for every page."""
    evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for row in export_relations(engine):
        if row["document"]:
            key = (str(row["subject"]), str(row["predicate"]), str(row["object"]))
            said = (str(row["document"]), int(row["line"] or 0), str(row["quote"] or ""))
            evidence[key].append(said)
    ledger = read_ledger(engine)
    governance = governance_graph(engine)
    actors = {str(row["iri"]): row for row in export_actors(engine)}
    schemes = {str(row["iri"]): row for row in export_schemes(engine)}
    nodes = _nodes(ledger, governance, schemes)
    tips = _tips(nodes, ledger.counted, {**actors, **schemes})
    return ViewData(ledger, governance, dict(evidence), schemes, nodes, tips)


def view_node(data: ViewData, key: str, *, size: int = 14, page: str | None = None) -> ViewNode:
    label, kind = data.nodes[key]
    return ViewNode(key, label, kind, data.tips[key], size=size, page=page)


def _nodes(
    ledger: Ledger, governance: nx.DiGraph, schemes: dict[str, ExportRow]
) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for node, attributes in sorted(governance.nodes(data=True)):
        found[node] = (str(attributes["label"]), str(attributes["type"]))
    for flow in ledger.counted:
        found.setdefault(flow.payer, (flow.payer_label, flow.payer_type))
        found.setdefault(flow.recipient, (flow.recipient_label, flow.recipient_type))
    for key, row in sorted(schemes.items()):
        found.setdefault(key, (str(row["name"]), "grant_scheme"))
    return found


def _tips(
    nodes: dict[str, tuple[str, str]],
    money: Sequence[MoneyFlow],
    rows: dict[str, ExportRow],
) -> dict[str, Tip]:
    received: dict[str, list[MoneyFlow]] = defaultdict(list)
    paid: dict[str, list[MoneyFlow]] = defaultdict(list)
    for flow in money:
        received[flow.recipient].append(flow)
        paid[flow.payer].append(flow)
    tips = {}
    for key, (label, kind) in nodes.items():
        lines: list[tuple[str, str]] = [("Navn:", label), ("Type:", node_style(kind).label)]
        row = rows.get(key, {})
        if row.get("aliases"):
            lines.append(("Også kalt:", ", ".join(str(row["aliases"]).split("|")[:6])))
        if row.get("administered_by"):
            lines.append(("Forvaltes av:", str(row["administered_by"])))
        if received[key]:
            lines.append(("Mottatt:", _per_year(received[key])))
        if paid[key]:
            lines.append(("Betalt videre:", _per_year(paid[key])))
        if row.get("documents"):
            lines.append(("Nevnt i:", ", ".join(str(row["documents"]).split("|"))))
        tips[key] = tuple(lines)
    return tips


def money_edges(flows: Sequence[MoneyFlow], *, per_year: bool) -> list[ViewEdge]:
    """Counted flows as edges: one per payer, recipient, kind (and year, ``per_year``)."""
    groups: dict[tuple[object, ...], list[MoneyFlow]] = defaultdict(list)
    for flow in flows:
        key = (flow.payer, flow.recipient, flow.kind, flow.fiscal_year if per_year else None)
        groups[key].append(flow)
    edges = []
    for (payer, recipient, kind, _), group in sorted(groups.items(), key=lambda g: str(g[0])):
        amount = sum(f.counted_nok for f in group)
        edges.append(
            ViewEdge(
                str(payer),
                str(recipient),
                str(kind),
                money_tip(group),
                amount_nok=amount,
                years=tuple(sorted({f.fiscal_year for f in group if f.fiscal_year})),
                posts=tuple(sorted({f.budget_line for f in group if f.budget_line})),
            )
        )
    return edges


def money_tip(flows: Sequence[MoneyFlow]) -> Tip:
    first = flows[0]
    amount = sum(f.counted_nok for f in flows)
    lines = [
        ("Fra → til:", f"{first.payer_label} → {first.recipient_label}"),
        ("Art:", edge_style(first.kind).label),
        ("Beløp:", f"{scaled(amount)} ({kroner(amount)})"),
        ("År:", ", ".join(sorted({str(f.fiscal_year) for f in flows if f.fiscal_year}))),
        ("Kap./post:", ", ".join(sorted({f.budget_line for f in flows if f.budget_line}))),
    ]
    ordered = sorted(flows, key=lambda f: (-f.counted_nok, f.document, f.line))
    for flow in ordered[:SOURCES_SHOWN]:
        purpose = f" til {flow.purpose}" if flow.purpose else ""
        lines.append(
            (
                "Kilde:",
                f"{scaled(flow.counted_nok)}{purpose} — {flow.document}, linje {flow.line}: "
                f"«{_clip(flow.quote)}»",
            )
        )
    if len(flows) > SOURCES_SHOWN:
        lines.append(("…", f"og {len(flows) - SOURCES_SHOWN} utsagn til"))
    return tuple(lines)


def governance_edges(data: ViewData, keys: Iterable[str] | None = None) -> list[ViewEdge]:
    """The governance network's edges (among ``keys``, if given), part_of turned into
    contains so every edge points from the larger or governing body."""
    wanted = set(keys) if keys is not None else None
    edges = []
    for source, target, attributes in sorted(data.governance.edges(data=True)):
        if wanted is not None and not (source in wanted and target in wanted):
            continue
        relation = str(attributes["relation"])
        source_label = str(data.governance.nodes[source]["label"])
        target_label = str(data.governance.nodes[target]["label"])
        said = data.evidence.get((source_label, relation, target_label), [])
        if relation == "part_of":
            source, target, relation = target, source, "contains"
            source_label, target_label = target_label, source_label
        lines = [
            ("Relasjon:", f"{source_label} — {edge_style(relation).label.lower()} — {target_label}")
        ]
        lines += [("Kilde:", f"{d}, linje {n}: «{_clip(q)}»") for d, n, q in said[:SOURCES_SHOWN]]
        if not said:
            lines.append(("Kilde:", "referanseregisteret (ikke fra et dokument)"))
        edges.append(ViewEdge(source, target, relation, tuple(lines)))
    return edges


def _per_year(flows: Iterable[MoneyFlow]) -> str:
    years: dict[int, int] = defaultdict(int)
    for flow in flows:
        if flow.fiscal_year:
            years[flow.fiscal_year] += flow.counted_nok
    return " · ".join(f"{year}: {scaled(amount)}" for year, amount in sorted(years.items()))


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"
