"""The bodies money flows through: what comes in, what is passed on, and how central each
is between Stortinget and the recipients (betweenness on the counted money network)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.analysis import Row
from kg.analysis.ledger import OWN_ACTIVITY, Ledger, MoneyFlow

INTERMEDIARY_COLUMNS = (
    "name",
    "type",
    "received_nok",
    "passed_on_nok",
    "own_activity_nok",
    "flow_through_nok",
    "betweenness",
    "recipients",
)


def money_network(flows: list[MoneyFlow]) -> nx.DiGraph:
    """Payer → recipient, weight = counted NOK summed over the flows between them."""
    network = nx.DiGraph()
    for flow in sorted(flows, key=lambda f: (f.payer, f.recipient)):
        network.add_node(flow.payer, label=flow.payer_label, type=flow.payer_type)
        network.add_node(flow.recipient, label=flow.recipient_label, type=flow.recipient_type)
        weight = network.get_edge_data(flow.payer, flow.recipient, {"weight": 0})["weight"]
        network.add_edge(flow.payer, flow.recipient, weight=weight + flow.counted_nok)
    return network


def intermediaries(ledger: Ledger, *, year: int | None = None) -> list[Row]:
    """Every body that both receives and passes on money, by money flowing through it
    (the smaller of received and passed on, own activity counted as passed on)."""
    flows = ledger.select(year=year)
    network = money_network(flows)
    centrality = nx.betweenness_centrality(network, normalized=True)
    received: dict[str, int] = defaultdict(int)
    passed: dict[str, int] = defaultdict(int)
    own: dict[str, int] = defaultdict(int)
    for flow in flows:
        received[flow.recipient] += flow.counted_nok
        if flow.recipient_kind == OWN_ACTIVITY:
            own[flow.payer] += flow.counted_nok
        else:
            passed[flow.payer] += flow.counted_nok
    rows: list[Row] = []
    for node in network.nodes:
        through = min(received[node], passed[node] + own[node])
        if through <= 0:
            continue
        data = network.nodes[node]
        rows.append(
            {
                "name": data["label"],
                "type": data["type"],
                "received_nok": received[node],
                "passed_on_nok": passed[node],
                "own_activity_nok": own[node],
                "flow_through_nok": through,
                "betweenness": round(centrality[node], 6),
                "recipients": network.out_degree(node),
            }
        )
    return sorted(rows, key=lambda r: (-int(r["flow_through_nok"] or 0), str(r["name"])))
