"""The money of the graph as a ledger that counts every krone once.

The documents state the same money several times: an allocation letter's table row and
its prose "Helsedirektoratet tildeles totalt 118,7 mill. kroner" are one allocation; the
items listed under that total pass the same money on; a sub-amount ("herunder 1,5 mill.
kroner til X") is part of the item it is written in; and Stortinget's appropriation of a
post, the ministry's allocation of it to an agency and the agency's grants out of it are
the same money at three layers. The ledger keeps every flow (``flows``) and says which
statements count, and for how much (``counted``):

- layers 1 and 2 (appropriation, allocation): one statement per year, chapter, post,
  payer and recipient — a table row before a printed total, a later document (an annual
  report's "samlet tildeling", which includes supplements) before an earlier one;
- layer 3 (grants, schemes, own activity): every statement that is not a total, less the
  sub-amounts written inside it (which count at their own recipient); a statement made
  twice (same year, post, payer, recipient and amount, in one document or two) or read
  twice from one line (two spellings of one scheme) counts once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from kg.analysis.projections import funding_rows
from kg.engine import GraphSource

PARLIAMENT = "Stortinget"


@dataclass(frozen=True)
class Layer:
    number: int
    name: str
    label: str  # Norwegian, for tables and charts
    kinds: frozenset[str]


LAYERS = (
    Layer(1, "appropriation", "Stortinget → departement", frozenset({"appropriation"})),
    Layer(2, "allocation", "departement → virksomhet", frozenset({"allocation"})),
    Layer(3, "disbursement", "→ mottakere", frozenset({"grant", "scheme", "own_activity"})),
)
"""The layers money passes through, each a set of flow kinds."""

OWN_ACTIVITY = "own_activity"


def layer_of(kind: str) -> int:
    return next((layer.number for layer in LAYERS if kind in layer.kinds), 3)


@dataclass(frozen=True)
class MoneyFlow:
    """One flow as the graph states it, and how much of it the ledger counts."""

    flow: str
    part_of: str | None
    payer: str
    payer_label: str
    payer_type: str
    recipient: str
    recipient_label: str
    recipient_type: str
    recipient_kind: str
    purpose: str | None
    kind: str
    amount_nok: int
    fiscal_year: int | None
    kap: int | None
    post: int | None
    is_total: bool
    document: str
    document_year: int | None
    line: int
    quote: str
    counted_nok: int = 0

    @property
    def layer(self) -> int:
        return layer_of(self.kind)

    @property
    def item(self) -> str:
        """What the money is for: the purpose of own activity, else the recipient."""
        return self.purpose or self.recipient_label

    @property
    def budget_line(self) -> str:
        """``714.21``; the chapter alone when no post is stated; empty when neither is."""
        if self.kap is None:
            return ""
        return f"{self.kap}.{self.post:02d}" if self.post is not None else str(self.kap)


@dataclass(frozen=True)
class Ledger:
    flows: tuple[MoneyFlow, ...]

    @property
    def counted(self) -> tuple[MoneyFlow, ...]:
        """The flows that carry money the ledger counts (``counted_nok`` > 0)."""
        return tuple(flow for flow in self.flows if flow.counted_nok > 0)

    def years(self) -> list[int]:
        return sorted({f.fiscal_year for f in self.flows if f.fiscal_year is not None})

    def select(
        self, *, year: int | None = None, kap: int | None = None, post: int | None = None
    ) -> list[MoneyFlow]:
        """Counted flows of one year, chapter and post (``None``: any)."""
        return [
            flow
            for flow in self.counted
            if (year is None or flow.fiscal_year == year)
            and (kap is None or flow.kap == kap)
            and (post is None or flow.post == post)
        ]


def read_ledger(graph: GraphSource) -> Ledger:
    """Every flow of the build, with what the ledger counts of each."""
    return Ledger(count(_money_flow(row) for row in funding_rows(graph)))


def count(flows: Iterable[MoneyFlow]) -> tuple[MoneyFlow, ...]:
    """The flows with ``counted_nok`` set (see the module's rules), in a stable order."""
    ordered = sorted(flows, key=lambda f: (f.fiscal_year or 0, f.document, f.line, f.flow))
    chosen = _chosen_upper(ordered)
    nested = _nested_nok(ordered)
    read: set[tuple[object, ...]] = set()
    result = []
    for flow in ordered:
        if flow.layer < 3:
            counted = flow.amount_nok if flow.flow in chosen else 0
        elif flow.is_total:
            counted = 0
        else:
            key = (flow.fiscal_year, flow.kap, flow.post, flow.payer, _name(flow.item))
            said = (*key, flow.amount_nok)  # the same statement, again or in another document
            heard = (flow.document, flow.line, flow.kind, flow.amount_nok, _name(flow.item))
            repeated = said in read or heard in read  # or the same words read as two recipients
            read.update((said, heard))
            counted = 0 if repeated else max(flow.amount_nok - nested.get(flow.flow, 0), 0)
        result.append(replace(flow, counted_nok=counted))
    return tuple(result)


def _chosen_upper(flows: Sequence[MoneyFlow]) -> set[str]:
    """Layers 1-2: the one statement counted per year, chapter, post, payer, recipient."""
    groups: dict[tuple[object, ...], list[MoneyFlow]] = defaultdict(list)
    for flow in flows:
        if flow.layer < 3:
            key = (flow.layer, flow.fiscal_year, flow.kap, flow.post, flow.payer, flow.recipient)
            groups[key].append(flow)
    return {
        min(group, key=lambda f: (f.is_total, -(f.document_year or 0), f.document, f.line)).flow
        for group in groups.values()
    }


def _nested_nok(flows: Sequence[MoneyFlow]) -> dict[str, int]:
    """Per flow, the sum of the sub-amounts written inside it (not counting totals)."""
    layer3 = {f.flow for f in flows if f.layer == 3 and not f.is_total}
    nested: dict[str, int] = defaultdict(int)
    for flow in flows:
        parent = flow.part_of
        if parent in layer3 and parent != flow.flow and flow.flow in layer3:
            nested[parent] += flow.amount_nok
    return nested


def _name(text: str) -> str:
    """A name compared without case, quotes or punctuation."""
    return "".join(character for character in text.casefold() if character.isalnum())


def _money_flow(row: dict[str, str | int | None]) -> MoneyFlow:
    payer, payer_label = str(row["source"]), str(row["source_label"])
    kind = str(row["kind"])
    purpose = str(row["purpose"]) if row["purpose"] else None
    recipient, recipient_label = str(row["target"]), str(row["target_label"])
    recipient_type = str(row["target_type"] or "other")
    if row["recipient_kind"] == OWN_ACTIVITY:
        # Own activity stays with the payer: one node per payer, not one per purpose.
        recipient, recipient_label = f"{payer}#own-activity", f"{payer_label}: egen virksomhet"
        recipient_type = OWN_ACTIVITY
    return MoneyFlow(
        flow=str(row["flow"]),
        part_of=str(row["part_of"]) if row["part_of"] else None,
        payer=payer,
        payer_label=payer_label,
        payer_type=str(row["source_type"] or "other"),
        recipient=recipient,
        recipient_label=recipient_label,
        recipient_type=recipient_type,
        recipient_kind=str(row["recipient_kind"]),
        purpose=purpose,
        kind=kind,
        amount_nok=int(row["amount_nok"] or 0),
        fiscal_year=_integer(row["fiscal_year"]),
        kap=_integer(row["kap"]),
        post=_integer(row["post"]),
        is_total=row["is_total"] == "true",
        document=str(row["document"]),
        document_year=_integer(row["document_year"]),
        line=int(row["line"] or 0),
        quote=str(row["quote"] or ""),
    )


def _integer(value: str | int | None) -> int | None:
    return int(value) if value is not None and value != "" else None
