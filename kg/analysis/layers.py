"""Money per layer: Stortinget → ministry → agency → recipients, each krone counted once
per layer (the ledger's rules), per fiscal year or per budget post."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from kg.analysis import Row
from kg.analysis.ledger import LAYERS, OWN_ACTIVITY, Ledger, MoneyFlow

LAYER_COLUMNS = ("fiscal_year", "layer", "step", "amount_nok", "flows", "payers", "documents")
POST_COLUMNS = (
    "fiscal_year",
    "kap",
    "post",
    "appropriated_nok",
    "allocated_nok",
    "disbursed_nok",
    "own_activity_nok",
    "not_itemised_nok",
    "flag",
)


def layer_totals(ledger: Ledger, *, year: int | None = None, kap: int | None = None) -> list[Row]:
    """One row per fiscal year and layer: how much money the documents say passes it."""
    groups: dict[tuple[int, int], list[MoneyFlow]] = defaultdict(list)
    for flow in ledger.select(year=year, kap=kap):
        if flow.fiscal_year is not None:
            groups[(flow.fiscal_year, flow.layer)].append(flow)
    rows: list[Row] = []
    for (fiscal_year, number), flows in sorted(groups.items()):
        layer = LAYERS[number - 1]
        rows.append(
            {
                "fiscal_year": fiscal_year,
                "layer": layer.number,
                "step": layer.label,
                "amount_nok": sum(f.counted_nok for f in flows),
                "flows": len(flows),
                "payers": _joined(f.payer_label for f in flows),
                "documents": _joined(f.document for f in flows),
            }
        )
    return rows


def post_layers(ledger: Ledger, *, year: int | None = None, kap: int | None = None) -> list[Row]:
    """One row per fiscal year, chapter and post: appropriated, allocated and passed on
    (disbursed, own activity among it) side by side, and what is left unexplained."""
    groups: dict[tuple[int, int, int], list[MoneyFlow]] = defaultdict(list)
    for flow in ledger.select(year=year, kap=kap):
        if flow.fiscal_year is not None and flow.kap is not None and flow.post is not None:
            groups[(flow.fiscal_year, flow.kap, flow.post)].append(flow)
    return [_post_row(key, flows) for key, flows in sorted(groups.items())]


def _post_row(key: tuple[int, int, int], flows: Sequence[MoneyFlow]) -> Row:
    appropriated = _sum(f for f in flows if f.layer == 1)
    allocated = _sum(f for f in flows if f.layer == 2)
    disbursed = _sum(f for f in flows if f.layer == 3)
    own = _sum(f for f in flows if f.layer == 3 and f.recipient_kind == OWN_ACTIVITY)
    above = allocated if allocated is not None else appropriated
    flags = []
    if above is not None and disbursed is not None and disbursed > above:
        what = "allocation" if allocated is not None else "appropriation"
        flags.append(f"itemised exceeds {what} by {disbursed - above}")
    if allocated is not None and appropriated is not None and allocated > appropriated:
        flags.append(f"allocation exceeds appropriation by {allocated - appropriated}")
    fiscal_year, kap, post = key
    return {
        "fiscal_year": fiscal_year,
        "kap": kap,
        "post": post,
        "appropriated_nok": appropriated,
        "allocated_nok": allocated,
        "disbursed_nok": disbursed,
        "own_activity_nok": own,
        "not_itemised_nok": above - (disbursed or 0) if above is not None else None,
        "flag": "; ".join(flags),
    }


def _sum(flows: Iterable[MoneyFlow]) -> int | None:
    values = [f.counted_nok for f in flows]
    return sum(values) if values else None


def _joined(values: Iterable[str]) -> str:
    return "|".join(sorted(set(values)))
