"""Money flows, budget changes, grant schemes and plans in the graph.

A flow is a ``hkg:Flow`` (a schema:MonetaryGrant): funder, recipient, NOK, fiscal year,
the budget post it is paid over, its kind, and the evidence it was read from. A
recipient is an organisation, a grant scheme, a group of recipients (a concept), or —
for the agency's own activity — the agency itself with the purpose named.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rdflib import Literal, URIRef

from kg.graph import ids
from kg.graph.amounts import NOK, DocumentScope, write_evidence
from kg.graph.namespace import HKG, RDF, RDFS, SCHEMA, SKOS
from kg.graph.quads import GraphWriter, boolean, integer, tagged, text
from kg.records import (
    BudgetChange,
    Catalogue,
    FollowUp,
    PlanMention,
    RecipientKind,
    SchemeMention,
)
from kg.records import Flow as FlowRecord

GROUP_LABELS: dict[RecipientKind, tuple[str, str]] = {
    RecipientKind.MUNICIPALITIES: ("kommunene", "the municipalities"),
    RecipientKind.REGIONAL_HEALTH_AUTHORITIES: (
        "de regionale helseforetakene",
        "the regional health authorities",
    ),
    RecipientKind.COUNTY_GOVERNORS: ("statsforvalterne", "the county governors"),
    RecipientKind.OTHER: ("andre mottakere", "other recipients"),
}


def _budget_line(
    scope: DocumentScope, year: int | None, kap: int | None, post: int | None
) -> URIRef | None:
    if year is None or kap is None:
        return None
    if post is None:
        return scope.concepts.chapter(year, kap)
    return scope.concepts.post(year, kap, post, f"{post:02d}", "")


def recipient_node(flow: FlowRecord) -> URIRef:
    """The node a flow's money goes to."""
    if flow.recipient_kind is RecipientKind.ORGANISATION:
        return ids.actor(flow.recipient)
    if flow.recipient_kind is RecipientKind.GRANT_SCHEME:
        return ids.scheme(flow.recipient)
    if flow.recipient_kind is RecipientKind.OWN_ACTIVITY:
        return ids.actor(flow.payer) if flow.payer else ids.purpose(flow.recipient)
    return ids.recipient_group(flow.recipient_kind.value)


def write_flows(scope: DocumentScope, flows: Sequence[FlowRecord]) -> set[str]:
    """The flows of one document; returns the organisations they name."""
    organisations: set[str] = set()
    by_line: dict[int, URIRef] = {}
    for flow in flows:
        evidence = write_evidence(scope, flow.first_line, flow.last_line, flow.quote)
        node = scope.minter.mint(
            ids.flow(scope.iri, flow.first_line, flow.kind.value, flow.amount_nok),
            (flow.recipient, flow.kap, flow.post, flow.last_line),
        )
        by_line.setdefault(flow.first_line, node)
        recipient = recipient_node(flow)
        if flow.recipient_kind is RecipientKind.ORGANISATION:
            organisations.add(flow.recipient)
        if flow.payer:
            organisations.add(flow.payer)
        purpose = flow.recipient if flow.recipient_kind is RecipientKind.OWN_ACTIVITY else None
        scope.out.describe(
            node,
            [
                (RDF.type, HKG.Flow),
                (SCHEMA.funder, ids.actor(flow.payer) if flow.payer else None),
                (HKG.recipient, recipient),
                (HKG.recipientKind, text(flow.recipient_kind.value)),
                (HKG.recipientText, text(flow.recipient_text)),
                (HKG.purpose, text(purpose) if purpose else None),
                (SCHEMA.value, integer(flow.amount_nok)),
                (SCHEMA.currency, NOK),
                (HKG.fiscalYear, integer(flow.fiscal_year) if flow.fiscal_year else None),
                (HKG.budgetLine, _budget_line(scope, flow.fiscal_year, flow.kap, flow.post)),
                (HKG.flowKind, text(flow.kind.value)),
                (HKG.earmarked, boolean(flow.earmarked)),
                (HKG.isTotal, boolean(flow.is_total)),
                (HKG.evidence, evidence),
            ],
        )
        if flow.parent_line is not None and flow.parent_line in by_line:
            scope.out.add(node, HKG.partOfFlow, by_line[flow.parent_line])
    return organisations


def write_recipient_groups(out: GraphWriter) -> None:
    for kind, (label_nb, label_en) in GROUP_LABELS.items():
        out.describe(
            ids.recipient_group(kind.value),
            [
                (RDF.type, HKG.RecipientGroup),
                (SKOS.notation, text(kind.value)),
                (SKOS.prefLabel, tagged(label_nb, "nb")),
                (SKOS.prefLabel, tagged(label_en, "en")),
            ],
        )


def write_changes(scope: DocumentScope, changes: Sequence[BudgetChange]) -> None:
    for change in changes:
        evidence = write_evidence(scope, change.first_line, change.last_line, change.quote)
        node = scope.minter.mint(
            ids.budget_change(scope.iri, change.first_line, change.direction, change.amount_nok),
            (change.kap, change.post, change.from_kap, change.to_kap),
        )
        year = change.fiscal_year
        scope.out.describe(
            node,
            [
                (RDF.type, HKG.BudgetChange),
                (HKG.changeDirection, text(change.direction)),
                (SCHEMA.value, integer(change.amount_nok)),
                (SCHEMA.currency, NOK),
                (HKG.fiscalYear, integer(year) if year else None),
                (HKG.budgetLine, _budget_line(scope, year, change.kap, change.post)),
                (HKG.fromBudgetLine, _budget_line(scope, year, change.from_kap, change.from_post)),
                (HKG.toBudgetLine, _budget_line(scope, year, change.to_kap, change.to_post)),
                (HKG.evidence, evidence),
            ],
        )


def write_named_mentions(
    scope: DocumentScope, mentions: Sequence[SchemeMention] | Sequence[PlanMention], kind: str
) -> None:
    """Where the document names each grant scheme or plan (like organisations' mentions)."""
    by_name: dict[str, list[int]] = defaultdict(list)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        by_name[mention.name].append(mention.line)
        surfaces[mention.name].add(mention.surface)
    for name, lines in sorted(by_name.items()):
        target = ids.scheme(name) if kind == "scheme" else ids.plan(name)
        node = ids.mentions(scope.iri, f"{kind}-{name}")
        scope.out.describe(
            node,
            [
                (RDF.type, HKG.MentionSet),
                (HKG.mentionOf, target),
                (HKG.mentionedIn, scope.iri),
                (HKG.mentionCount, integer(len(lines))),
            ],
        )
        for line in sorted(set(lines)):
            scope.out.add(node, HKG.onLine, integer(line))
        for surface in sorted(surfaces[name]):
            scope.out.add(node, HKG.surfaceForm, text(surface))


def write_follow_ups(scope: DocumentScope, follow_ups: Sequence[FollowUp]) -> None:
    for follow_up in follow_ups:
        evidence = write_evidence(scope, follow_up.first_line, follow_up.last_line, follow_up.quote)
        plan = ids.plan(follow_up.plan)
        node = URIRef(f"{evidence}/follows-up/{ids.slug(follow_up.plan)}")
        subject = _follow_up_subject(follow_up)
        scope.out.describe(
            node,
            [
                (RDF.type, HKG.FollowUpStatement),
                (HKG.followUpOf, plan),
                (HKG.followUpSubject, subject),
                (HKG.followUpSubjectText, text(follow_up.subject)),
                (HKG.evidence, evidence),
            ],
        )
        if subject is not None:
            scope.out.add(subject, HKG.followsUp, plan)


def _follow_up_subject(follow_up: FollowUp) -> URIRef | None:
    if follow_up.subject_kind == "actor":
        return ids.actor(follow_up.subject)
    if follow_up.subject_kind == "scheme":
        return ids.scheme(follow_up.subject)
    return None


def write_schemes_and_plans(out: GraphWriter, catalogue: Catalogue) -> None:
    """Grant schemes and plans once each, in the shared graph."""
    for scheme in catalogue.schemes:
        node = ids.scheme(scheme.name)
        out.describe(
            node,
            [
                (RDF.type, HKG.GrantScheme),
                (RDFS.label, text(scheme.name)),
                (SCHEMA.name, text(scheme.name)),
                (HKG.administeredBy, _actor_or_none(scheme.administered_by)),
                (HKG.recipientGroupText, _text_or_none(scheme.recipient_group)),
                (HKG.schemeId, text(scheme.scheme_id) if scheme.scheme_id else None),
            ],
        )
        for alias in sorted(set(scheme.aliases)):
            out.add(node, SKOS.altLabel, text(alias))
        for post in sorted(set(scheme.posts)):
            out.add(node, HKG.fundedByPost, text(post))
    for plan in catalogue.plans:
        node = ids.plan(plan.name)
        out.describe(
            node,
            [
                (RDF.type, HKG.Plan),
                (RDFS.label, text(plan.name)),
                (SCHEMA.name, text(plan.name)),
                (HKG.planType, text(plan.type.value)),
                (HKG.period, text(plan.period) if plan.period else None),
                (HKG.owner, ids.actor(plan.owner) if plan.owner else None),
            ],
        )
        for alias in sorted(set(plan.aliases)):
            out.add(node, SKOS.altLabel, text(alias))


def _actor_or_none(name: str | None) -> URIRef | None:
    return ids.actor(name) if name else None


def _text_or_none(value: str | None) -> Literal | None:
    return text(value) if value else None
