"""Do the documents agree? Per chapter, post and fiscal year, the proposal, the adopted
budget, the appropriation, the allocation and the accounts side by side, with every
difference flagged: between two documents stating the same measure, and between the
measures themselves (spent against allocated, allocated against appropriated, proposed
against adopted)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kg.analysis import Row
from kg.engine import GraphSource
from kg.exports.budget import export_budget
from kg.money.display import kroner, percent

MEASURES = ("proposal", "adopted_budget", "appropriation", "allocation", "accounts")
CONSISTENCY_COLUMNS = ("kap", "post", "fiscal_year", "title", *MEASURES, "documents", "flags")


@dataclass(frozen=True)
class Statement:
    amount_nok: int
    document: str
    line: int


Statements = Mapping[str, Sequence[Statement]]
"""The statements of one post and year, by measure."""


def consistency(
    graph: GraphSource,
    *,
    kap: int | None = None,
    year: int | None = None,
    flagged: int = 0,
) -> list[Row]:
    """One row per chapter, post and year; ``flagged=1`` keeps the rows with a flag."""
    found: dict[tuple[int, int, int], dict[str, list[Statement]]] = defaultdict(
        lambda: defaultdict(list)
    )
    titles: dict[tuple[int, int, int], str] = {}
    for row in export_budget(graph):
        k, p, y = row["kap"], row["post"], row["fiscal_year"]
        if not (isinstance(k, int) and isinstance(p, int) and isinstance(y, int)):
            continue
        if (kap is not None and k != kap) or (year is not None and y != year):
            continue
        statement = Statement(
            int(row["amount_nok"] or 0), str(row["document"]), int(row["line"] or 0)
        )
        found[(k, p, y)][str(row["measure"])].append(statement)
        titles.setdefault((k, p, y), str(row["title"] or ""))
    rows = [_row(key, titles[key], statements) for key, statements in sorted(found.items())]
    return [row for row in rows if row["flags"]] if flagged else rows


def _row(key: tuple[int, int, int], title: str, statements: Statements) -> Row:
    kap, post, year = key
    flags = [flag for rule in RULES for flag in rule(statements)]
    documents = {s.document for values in statements.values() for s in values}
    return {
        "kap": kap,
        "post": post,
        "fiscal_year": year,
        "title": title,
        **{measure: _value(statements.get(measure, ())) for measure in MEASURES},
        "documents": "|".join(sorted(documents)),
        "flags": "; ".join(flags),
    }


def _value(statements: Sequence[Statement]) -> int | None:
    """The measure's amount: the one most documents state (the first when tied)."""
    if not statements:
        return None
    amounts = [s.amount_nok for s in statements]
    return max(amounts, key=lambda amount: (amounts.count(amount), -amounts.index(amount)))


def documents_disagree(statements: Statements) -> list[str]:
    flags = []
    for measure in MEASURES:
        values = statements.get(measure, ())
        if len({s.amount_nok for s in values}) > 1:
            said = ", ".join(f"{s.document}:{s.line} {kroner(s.amount_nok)}" for s in values)
            flags.append(f"{measure} differs between documents ({said})")
    return flags


def _compare(
    measure: str, against: str, wording: str, *, unless: tuple[str, ...] = ()
) -> Callable[[Statements], list[str]]:
    """A rule flagging ``measure`` ≠ ``against``, skipped where a measure of ``unless``
    is stated."""

    def rule(statements: Statements) -> list[str]:
        a, b = _value(statements.get(measure, ())), _value(statements.get(against, ()))
        if a is None or b is None or a == b or any(statements.get(u) for u in unless):
            return []
        share = f" ({percent((a - b) / b)})" if b else ""
        return [f"{wording} by {kroner(a - b)}{share}"]

    return rule


RULES: tuple[Callable[[Statements], list[str]], ...] = (
    documents_disagree,
    _compare("adopted_budget", "proposal", "adopted budget differs from the proposal"),
    _compare("allocation", "appropriation", "allocation differs from the appropriation"),
    _compare("accounts", "allocation", "accounts differ from the allocation"),
    _compare(
        "accounts",
        "appropriation",
        "accounts differ from the appropriation",
        unless=("allocation",),
    ),
    _compare(
        "accounts",
        "adopted_budget",
        "accounts differ from the adopted budget",
        unless=("allocation", "appropriation"),
    ),
)
"""The checks each post and year goes through, in the order their flags are listed."""
