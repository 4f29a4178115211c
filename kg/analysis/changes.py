"""What a chapter funded in one year and not in another, and what changed in amount.

``chapter_changes`` compares what was passed on (grants, schemes, own activity) item by
item; ``post_changes`` compares the budget amounts (proposal, allocation, accounts, ...)
post by post and measure by measure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kg.analysis import Row
from kg.analysis.ledger import Ledger, MoneyFlow
from kg.engine import GraphSource
from kg.exports.budget import export_budget
from kg.exports.rows import ExportRow

CHANGE_COLUMNS = (
    "status",
    "item",
    "recipient_kind",
    "posts_a",
    "posts_b",
    "amount_a",
    "amount_b",
    "change",
)
POST_CHANGE_COLUMNS = (
    "post",
    "title",
    "measure",
    "amount_a",
    "amount_b",
    "change",
    "status",
)
STATUS_ORDER = ("only_a", "only_b", "changed", "unchanged")


def chapter_changes(ledger: Ledger, *, kap: int, year_a: int, year_b: int) -> list[Row]:
    """Every item chapter ``kap`` passed on in ``year_a`` or ``year_b``: funded in one
    year only, changed, or unchanged (amounts counted once, summed per item)."""
    sides = [_items(ledger.select(year=year, kap=kap)) for year in (year_a, year_b)]
    rows: list[Row] = []
    for key in sorted(set(sides[0]) | set(sides[1])):
        a, b = sides[0].get(key, []), sides[1].get(key, [])
        amount_a = sum(f.counted_nok for f in a) if a else None
        amount_b = sum(f.counted_nok for f in b) if b else None
        rows.append(
            {
                "status": _status(amount_a, amount_b),
                "item": (b or a)[0].item,
                "recipient_kind": (b or a)[0].recipient_kind,
                "posts_a": _posts(a),
                "posts_b": _posts(b),
                "amount_a": amount_a,
                "amount_b": amount_b,
                "change": _change(amount_a, amount_b),
            }
        )
    return sorted(rows, key=_order)


def post_changes(
    graph: GraphSource, *, kap: int, year_a: int, year_b: int, measure: str | None = None
) -> list[Row]:
    """Per post and measure of chapter ``kap``, the amount in ``year_a`` and ``year_b``
    (the largest where documents state several) and the change."""
    amounts: dict[tuple[int, str], dict[int, ExportRow]] = defaultdict(dict)
    for row in export_budget(graph):
        year, post = row["fiscal_year"], row["post"]
        if row["kap"] != kap or not isinstance(post, int) or year not in (year_a, year_b):
            continue
        if measure is not None and row["measure"] != measure:
            continue
        slot = amounts[(post, str(row["measure"]))]
        assert isinstance(year, int)
        if year not in slot or int(row["amount_nok"] or 0) > int(slot[year]["amount_nok"] or 0):
            slot[year] = row
    rows: list[Row] = []
    for (post, measure_name), by_year in sorted(amounts.items()):
        a = _amount(by_year.get(year_a))
        b = _amount(by_year.get(year_b))
        title = (by_year.get(year_b) or by_year[year_a])["title"]
        rows.append(
            {
                "post": post,
                "title": title,
                "measure": measure_name,
                "amount_a": a,
                "amount_b": b,
                "change": _change(a, b),
                "status": _status(a, b),
            }
        )
    return rows


def _amount(row: ExportRow | None) -> int | None:
    return int(row["amount_nok"] or 0) if row is not None else None


def _items(flows: Sequence[MoneyFlow]) -> dict[str, list[MoneyFlow]]:
    """Counted layer-3 flows by item: the recipient, or for own activity its purpose."""
    items: dict[str, list[MoneyFlow]] = defaultdict(list)
    for flow in flows:
        if flow.layer == 3:
            key = flow.purpose.casefold() if flow.purpose else flow.recipient
            items[key].append(flow)
    return items


def _posts(flows: Sequence[MoneyFlow]) -> str:
    return "|".join(sorted({f.budget_line for f in flows} - {""}))


def _change(a: int | None, b: int | None) -> int | None:
    return b - a if a is not None and b is not None else None


def _status(a: int | None, b: int | None) -> str:
    if b is None:
        return "only_a"
    if a is None:
        return "only_b"
    return "unchanged" if a == b else "changed"


def _order(row: Row) -> tuple[int, int, str]:
    change = row["change"] if isinstance(row["change"], int) else 0
    return (STATUS_ORDER.index(str(row["status"])), -abs(change), str(row["item"]))
