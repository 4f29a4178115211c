"""Who receives the most money, and finding a recipient by name."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

from kg.analysis import Row
from kg.analysis.ledger import OWN_ACTIVITY, Ledger, MoneyFlow
from kg.errors import KgError

RECIPIENT_COLUMNS = (
    "rank",
    "recipient",
    "type",
    "amount_nok",
    "flows",
    "payers",
    "budget_lines",
    "years",
)


def top_recipients(
    ledger: Ledger, *, year: int | None = None, layer: int = 3, limit: int = 20
) -> list[Row]:
    """The recipients that receive the most at ``layer`` (3: grants and schemes; own
    activity left out, it stays with the payer), counted once, largest first."""
    totals: dict[str, list[MoneyFlow]] = defaultdict(list)
    for flow in ledger.select(year=year):
        if flow.layer == layer and flow.recipient_kind != OWN_ACTIVITY:
            totals[flow.recipient].append(flow)
    ranked = sorted(
        totals.values(), key=lambda flows: (-sum(f.counted_nok for f in flows), flows[0].item)
    )
    return [
        {
            "rank": rank,
            "recipient": flows[0].recipient_label,
            "type": flows[0].recipient_type,
            "amount_nok": sum(f.counted_nok for f in flows),
            "flows": len(flows),
            "payers": "|".join(sorted({f.payer_label for f in flows})),
            "budget_lines": "|".join(sorted({f.budget_line for f in flows} - {""})),
            "years": "|".join(sorted({str(f.fiscal_year) for f in flows if f.fiscal_year})),
        }
        for rank, flows in enumerate(ranked[: max(limit, 0)], start=1)
    ]


@dataclass(frozen=True)
class Recipient:
    """A node of the ledger, and for own activity the one purpose asked for."""

    key: str
    purpose: str | None = None

    def receives(self, flow: MoneyFlow) -> bool:
        if flow.recipient != self.key:
            return False
        return self.purpose is None or (flow.purpose or "").casefold() == self.purpose


def find_recipient(ledger: Ledger, name: str) -> Recipient:
    """The recipient called ``name`` (its name, or the purpose of own activity; case
    ignored). ``KgError`` naming the closest names when there is none."""
    wanted = name.casefold().strip()
    names: dict[str, Recipient] = {}
    for flow in ledger.flows:
        names.setdefault(flow.recipient_label.casefold(), Recipient(flow.recipient))
        if flow.purpose:
            names.setdefault(flow.purpose.casefold(), Recipient(flow.recipient, wanted))
    if wanted in names:
        return names[wanted]
    close = difflib.get_close_matches(wanted, sorted(names), n=3, cutoff=0.6)
    hint = f": did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise KgError(f"no recipient named {name!r} in the build{hint}")
