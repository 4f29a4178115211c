"""Each total ("Helsedirektoratet tildeles totalt X fordelt på følgende tiltak") compared
with the sum of the items listed under it."""

from __future__ import annotations

from collections.abc import Sequence

from kg.flows.assemble import Placed
from kg.records import TotalCheck

TOLERANCE_NOK = 1000


def check_totals(document: str, placed: Sequence[Placed]) -> tuple[TotalCheck, ...]:
    """One TotalCheck per total flow: the top-level flows after it, in its section and of
    its post, up to the next total there."""
    checks = []
    for index, total in enumerate(placed):
        if not total.flow.is_total:
            continue
        items = []
        for later in placed[index + 1 :]:
            if later.section != total.section:
                continue
            if later.flow.is_total:
                break
            same_post = (later.flow.kap, later.flow.post) == (total.flow.kap, total.flow.post)
            if same_post and later.flow.parent_line is None:
                items.append(later.flow)
        items_nok = sum(flow.amount_nok for flow in items)
        checks.append(
            TotalCheck(
                document=document,
                line=total.flow.first_line,
                kap=total.flow.kap,
                post=total.flow.post,
                total_nok=total.flow.amount_nok,
                items_nok=items_nok,
                item_lines=tuple(flow.first_line for flow in items),
                ok=abs(total.flow.amount_nok - items_nok) <= TOLERANCE_NOK,
            )
        )
    return tuple(checks)
