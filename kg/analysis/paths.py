"""The path money takes from Stortinget to one recipient, step by step, with evidence.

Money is followed within one fiscal year and one budget post: the recipient's grant,
the allocation of that post to the body that paid it, the appropriation of the post to
the ministry. Where no document states an upper step (a letter without the
appropriation), the path starts lower and says so.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.analysis import Row
from kg.analysis.ledger import PARLIAMENT, Ledger, MoneyFlow
from kg.analysis.recipients import Recipient, find_recipient

PATH_COLUMNS = (
    "path",
    "step",
    "payer",
    "recipient",
    "kind",
    "amount_nok",
    "fiscal_year",
    "budget_line",
    "document",
    "line",
    "quote",
)

Key = tuple[int | None, int | None, int | None]


def money_paths(ledger: Ledger, *, recipient: str, year: int | None = None) -> list[Row]:
    """Every path from the top (Stortinget, else the highest payer stated) to ``recipient``,
    one row per step; ``path`` numbers the paths."""
    wanted = find_recipient(ledger, recipient)
    by_key: dict[Key, list[MoneyFlow]] = defaultdict(list)
    for flow in ledger.select(year=year):
        by_key[(flow.fiscal_year, flow.kap, flow.post)].append(flow)
    rows: list[Row] = []
    for key in sorted(by_key, key=lambda k: tuple(v if v is not None else -1 for v in k)):
        for path in _paths(by_key[key], wanted):
            number = len({r["path"] for r in rows}) + 1
            rows.extend(_path_rows(number, path))
    return rows


def _paths(flows: list[MoneyFlow], wanted: Recipient) -> list[list[MoneyFlow]]:
    """Paths (lists of flows) from a root of the flows' network to each flow into
    ``wanted``."""
    network = nx.MultiDiGraph()
    for flow in flows:
        network.add_edge(flow.payer, flow.recipient, key=flow.flow, flow=flow)
    found = []
    for last in (f for f in flows if wanted.receives(f)):
        upper = nx.ancestors(network, last.payer) | {last.payer}
        roots = sorted(n for n in upper if network.in_degree(n) == 0) or [last.payer]
        for root in roots:
            if root == last.payer:
                found.append([last])
                continue
            for edges in nx.all_simple_edge_paths(network, root, last.payer):
                found.append([*(network.edges[edge]["flow"] for edge in edges), last])
    return sorted(found, key=lambda path: [(f.document, f.line) for f in path])


def _path_rows(number: int, path: list[MoneyFlow]) -> list[Row]:
    rows: list[Row] = []
    top = path[0]
    if top.payer_label != PARLIAMENT and top.payer_type == "ministry":
        rows.append(
            {
                "path": number,
                "step": 1,
                "payer": PARLIAMENT,
                "recipient": top.payer_label,
                "kind": "appropriation",
                "amount_nok": None,
                "fiscal_year": top.fiscal_year,
                "budget_line": top.budget_line,
                "document": None,
                "line": None,
                "quote": "(the appropriation is not stated in the documents)",
            }
        )
    for flow in path:
        rows.append(
            {
                "path": number,
                "step": len(rows) + 1,
                "payer": flow.payer_label,
                "recipient": flow.item,
                "kind": flow.kind,
                "amount_nok": flow.counted_nok,
                "fiscal_year": flow.fiscal_year,
                "budget_line": flow.budget_line,
                "document": flow.document,
                "line": flow.line,
                "quote": flow.quote,
            }
        )
    return rows
