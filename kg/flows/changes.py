"""Changes against last year ("økt med X", "flyttet fra kap. A post B") as BudgetChanges."""

from __future__ import annotations

import re

from kg.flows.quotes import quote_lines
from kg.flows.statements import Reading
from kg.records import BudgetChange, Document, Profile

_FROM_THIS_POST = re.compile(r"(?i)\bfra\s+(?:denne\s+)?posten\b")


def make_change(
    document: Document,
    profile: Profile,
    reading: Reading,
    direction: str,
    kap: int | None,
    post: int | None,
    lines: tuple[int, int],
) -> BudgetChange:
    """The change ``reading`` states for post ``kap``/``post``.

    A move names its source, its target or both; the side it leaves out is the post the
    statement stands under.
    """
    source, target = reading.source, reading.target
    from_kap = from_post = to_kap = to_post = None
    if direction == "move":
        if source is not None:
            from_kap, from_post = source.kap or kap, source.post
        elif target is not None or _FROM_THIS_POST.search(reading.post):
            from_kap, from_post = kap, post
        if target is not None:
            to_kap, to_post = target.kap or kap, target.post
        elif source is not None:
            to_kap, to_post = kap, post
    first, last = lines
    return BudgetChange(
        document=document.name,
        fiscal_year=profile.fiscal_year,
        amount_nok=reading.amount.nok,
        direction=direction,
        kap=kap,
        post=post,
        from_kap=from_kap,
        from_post=from_post,
        to_kap=to_kap,
        to_post=to_post,
        first_line=first,
        last_line=last,
        quote=quote_lines(document, first, last),
    )
