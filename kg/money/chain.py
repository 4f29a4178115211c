"""The top of the money chain, read from the budget tables already extracted.

Stortinget appropriates per chapter and post (an appropriation or adopted-budget
amount) to the ministry that owns the chapter; the ministry allocates to an agency (an
allocation amount in an allocation letter, or the "samlet tildeling" the agency's annual
report accounts for). Each such amount becomes a Flow with the row's evidence, so one
query can walk from Stortinget through the ministry and the agency to every recipient
the prose names over the same post and year.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.recognise.rules import load_rules
from kg.records import (
    BudgetRow,
    BudgetTable,
    Column,
    ColumnRole,
    DocumentKind,
    Flow,
    FlowKind,
    Measure,
    Profile,
    RecipientKind,
    RowStatus,
)

PARLIAMENT = "Stortinget"
APPROPRIATED = (Measure.APPROPRIATION, Measure.ADOPTED_BUDGET)


def table_flows(document: str, profile: Profile, tables: Sequence[BudgetTable]) -> tuple[Flow, ...]:
    """Appropriation and allocation flows stated by the rows of ``tables``."""
    flows: list[Flow] = []
    for table in tables:
        for row in table.rows:
            if row.is_total or row.post is None or row.status is RowStatus.UNRECONCILED:
                continue
            for column, value in zip(table.columns, row.values, strict=True):
                if column.role is not ColumnRole.AMOUNT or not value or value < 0:
                    continue
                flow = _flow(document, profile, row, column, value)
                if flow is not None:
                    flows.append(flow)
    return tuple(flows)


def _flow(
    document: str, profile: Profile, row: BudgetRow, column: Column, value: int
) -> Flow | None:
    year = column.year or profile.fiscal_year
    ministry = load_rules().ministry_of_chapter(row.kap)
    if ministry is None or _is_income(row.kap):
        return None
    if column.measure in APPROPRIATED:
        payer, recipient, kind = PARLIAMENT, ministry, FlowKind.APPROPRIATION
    elif column.measure is Measure.ALLOCATION:
        agency = _agency(profile)
        if agency is None or agency == ministry:
            return None
        payer, recipient, kind = ministry, agency, FlowKind.ALLOCATION
    else:
        return None
    return Flow(
        document=document,
        fiscal_year=year,
        payer=payer,
        recipient=recipient,
        recipient_kind=RecipientKind.ORGANISATION,
        recipient_text=row.title,
        amount_nok=value,
        kap=row.kap,
        post=row.post,
        kind=kind,
        earmarked=False,
        is_total=False,
        first_line=row.first_line,
        last_line=row.last_line,
        quote=" ".join(row.quote.split()),
    )


def _agency(profile: Profile) -> str | None:
    """The agency money is allocated to: the letter's addressee, the report's issuer."""
    if profile.kind is DocumentKind.ALLOCATION_LETTER:
        return profile.addressee
    if profile.kind is DocumentKind.ANNUAL_REPORT:
        return profile.issuer
    return None


def _is_income(kap: int) -> bool:
    """Income chapters (3000-4999 mirror expenditure chapters, 5000-5999 general state
    income) carry no money to anyone."""
    return 3000 <= kap < 6000
