"""The flows stage: money statements in the prose of allocation letters and budget
propositions -> Flows, BudgetChanges and TotalChecks."""

from __future__ import annotations

from collections.abc import Sequence

from kg.flows.assemble import Outcome, PassageReader
from kg.flows.emit import Emitter
from kg.flows.passages import passages
from kg.flows.references import SectionIndex
from kg.flows.rules import flow_rules
from kg.flows.statements import place_mentions, read_unit
from kg.flows.table_amounts import table_values
from kg.flows.totals import check_totals
from kg.flows.units import read_units
from kg.records import (
    ActorMention,
    BudgetChange,
    BudgetTable,
    Document,
    DocumentKind,
    Flow,
    Profile,
    Segmentation,
    TotalCheck,
)

FlowResult = tuple[tuple[Flow, ...], tuple[BudgetChange, ...], tuple[TotalCheck, ...]]


def extract_flows(
    document: Document,
    profile: Profile,
    segmentation: Segmentation,
    tables: Sequence[BudgetTable],
    mentions: Sequence[ActorMention],
) -> FlowResult:
    """Flows, budget changes and total checks stated in ``document``'s prose.

    Allocation letters and budget propositions only; other documents give nothing.
    Lines inside ``segmentation.tables`` are skipped: their amounts are in ``tables``.
    A recipient is the canonical actor of a mention lying in its text.
    """
    letter = profile.kind is DocumentKind.ALLOCATION_LETTER
    if not letter and profile.kind is not DocumentKind.BUDGET_PROPOSITION:
        return (), (), ()
    rules = flow_rules()
    units = read_units(document, segmentation.sections, segmentation.tables, rules)
    by_line: dict[int, list[tuple[int, int, str]]] = {}
    for mention in mentions:
        by_line.setdefault(mention.line, []).append(
            (mention.column, len(mention.surface), mention.actor)
        )
    index = SectionIndex(segmentation.sections, len(document.lines))
    emitter = Emitter(document, profile, rules, table_values(tables))
    outcome = Outcome()
    for passage in passages(units, index, tables, rules):
        own = [units[p] for p in passage.positions]
        PassageReader(
            passage,
            own,
            [read_unit(unit, profile.fiscal_year, rules) for unit in own],
            [place_mentions(unit, by_line) for unit in own],
            emitter,
            outcome,
            letter=letter,
        ).run()
    flows = tuple(placed.flow for placed in outcome.flows)
    checks = check_totals(document.name, outcome.flows) if letter else ()
    return flows, tuple(outcome.changes), checks
