"""Flow and BudgetChange records from readings, with their lines and quotes."""

from __future__ import annotations

from dataclasses import dataclass

from kg.flows.changes import make_change
from kg.flows.quotes import quote_lines
from kg.flows.resolve import Resolved
from kg.flows.rules import FlowRules
from kg.flows.statements import Reading, change_direction
from kg.flows.table_amounts import TableValues, checked_amount
from kg.records import BudgetChange, Document, Flow, Profile


@dataclass(frozen=True)
class Emitter:
    document: Document
    profile: Profile
    rules: FlowRules
    table_values: TableValues

    def flow(
        self,
        reading: Reading,
        resolved: Resolved,
        kap: int | None,
        post: int | None,
        *,
        total: bool,
        parent: int | None,
    ) -> Flow:
        first, last = self.lines(reading, resolved)
        return Flow(
            document=self.document.name,
            fiscal_year=self.profile.fiscal_year,
            payer=resolved.payer,
            recipient=resolved.recipient.name,
            recipient_kind=resolved.recipient.kind,
            recipient_text=resolved.recipient.text,
            amount_nok=checked_amount(reading.amount, kap, post, self.table_values, self.rules),
            kap=kap,
            post=post,
            kind=resolved.kind,
            earmarked=resolved.earmarked,
            is_total=total,
            first_line=first,
            last_line=last,
            quote=quote_lines(self.document, first, last),
            parent_line=parent,
        )

    def change(
        self, reading: Reading, direction: str, kap: int | None, post: int | None, listed: str
    ) -> BudgetChange:
        """``direction`` "auto": from the clause's words, else the list's (``listed``)."""
        if direction == "auto":
            clause = reading.unit.text[reading.lo : reading.hi]
            fallback = listed if listed != "auto" else ""
            direction = change_direction(clause, self.rules) or fallback or "increase"
        lines = self.lines(reading, None)
        return make_change(self.document, self.profile, reading, direction, kap, post, lines)

    def lines(self, reading: Reading, resolved: Resolved | None) -> tuple[int, int]:
        """First and last original line of the statement: from the amount (or the
        recipient named before it) to the end of the amount's clause."""
        unit = reading.unit
        clause_end = reading.lo + len(unit.text[reading.lo : reading.hi].rstrip()) - 1
        start, end = reading.amount.start, max(reading.amount.end - 1, clause_end)
        if resolved is not None and resolved.span is not None:
            start, end = min(start, resolved.span[0]), max(end, resolved.span[1] - 1)
        first, last = unit.line_at(start), unit.line_at(end)
        return first, max(last, self.document.lines[last - 1].last_line)
