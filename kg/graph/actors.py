"""Organisations: who they are, where each document names them, what the documents say
of how they relate, and how they changed (renamed, merged) over time.

Registry facts (types, aliases, parents, dated changes) go in the shared graph; what a
document states (its mentions of a body, a governance sentence) goes in that document's
named graph with evidence.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from rdflib import URIRef

from kg.graph import ids
from kg.graph.amounts import DocumentScope, write_evidence
from kg.graph.namespace import CV, DCTERMS, HKG, ORG, RDF, RDFS, SCHEMA, SKOS, XSD
from kg.graph.quads import GraphWriter, boolean, integer, tagged, text, typed
from kg.records import ActorMention, ActorType, Catalogue, Relation, RelationKind
from kg.rules import data_path

# How each relation kind is written as a direct edge between two organisations.
EDGE: dict[RelationKind, URIRef] = {
    RelationKind.SUPERVISES: HKG.supervises,
    RelationKind.OWNS: HKG.owns,
    RelationKind.PART_OF: ORG.subOrganizationOf,
    RelationKind.DELEGATED_SUPERVISION: HKG.delegatedSupervisionOf,
    RelationKind.RENAMED_TO: HKG.renamedTo,
    RelationKind.MERGED_INTO: HKG.mergedInto,
    RelationKind.ADMINISTERS_GRANTS_FOR: HKG.administersGrantsFor,
}


@cache
def _types() -> list[dict[str, str]]:
    with data_path("actors/types.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def type_labels() -> dict[ActorType, tuple[str, str]]:
    return {ActorType(row["type"]): (row["label_nb"], row["label_en"]) for row in _types()}


def is_public_body(kind: ActorType) -> bool:
    """Whether bodies of this type are public organisations (types.csv, column public_body)."""
    return next(row["public_body"] for row in _types() if row["type"] == kind.value) == "yes"


def parent_relation(kind: ActorType) -> RelationKind:
    """What a registry parent is to a body of this type: a directorate's ministry
    supervises it, a health trust's RHF owns it, a unit is part of its parent body."""
    relation = next(row["parent_relation"] for row in _types() if row["type"] == kind.value)
    return RelationKind(relation)


def write_actor_types(out: GraphWriter) -> None:
    """The actor-type vocabulary: one SKOS concept per kg.records.ActorType."""
    out.describe(
        HKG.ActorTypeScheme,
        [(RDF.type, SKOS.ConceptScheme), (SKOS.prefLabel, tagged("Aktørtyper", "nb"))],
    )
    for kind, (label_nb, label_en) in type_labels().items():
        concept = ids.actor_type(kind.value)
        out.describe(
            concept,
            [
                (RDF.type, HKG.ActorType),
                (SKOS.inScheme, HKG.ActorTypeScheme),
                (SKOS.notation, text(kind.value)),
                (SKOS.prefLabel, tagged(label_nb, "nb")),
                (SKOS.prefLabel, tagged(label_en, "en")),
            ],
        )


def write_catalogue(out: GraphWriter, catalogue: Catalogue, extra: set[str]) -> None:
    """Every organisation once, with its type, names, parent and identifier; and the
    dated changes between them as org:ChangeEvent."""
    described = set()
    for actor in catalogue.actors:
        described.add(actor.name)
        node = ids.actor(actor.name)
        out.describe(
            node,
            [
                (RDF.type, ORG.Organization),
                (RDF.type, CV.PublicOrganisation if is_public_body(actor.type) else None),
                (RDFS.label, text(actor.name)),
                (SCHEMA.name, text(actor.name)),
                (HKG.actorType, ids.actor_type(actor.type.value)),
                (HKG.inRegistry, boolean(actor.in_registry)),
                (DCTERMS.identifier, text(actor.identifier) if actor.identifier else None),
            ],
        )
        if actor.parent:
            relation = parent_relation(actor.type)
            if relation is RelationKind.PART_OF:
                out.add(node, ORG.subOrganizationOf, ids.actor(actor.parent))
            else:
                out.add(ids.actor(actor.parent), EDGE[relation], node)
        for alias in sorted(set(actor.aliases)):
            out.add(node, SKOS.altLabel, text(alias))
    for name in sorted(extra - described):  # issuers and addressees the catalogue lacks
        node = ids.actor(name)
        out.describe(
            node,
            [(RDF.type, ORG.Organization), (RDFS.label, text(name)), (SCHEMA.name, text(name))],
        )
    for change in catalogue.changes:
        event = ids.change(change.kind.value, change.old, change.new)
        old, new = ids.actor(change.old), ids.actor(change.new)
        out.describe(
            event,
            [
                (RDF.type, ORG.ChangeEvent),
                (ORG.originalOrganization, old),
                (ORG.resultingOrganization, new),
                (HKG.changeKind, text(change.kind.value)),
                (DCTERMS.date, typed(change.date, XSD.date) if change.date else None),
                (RDFS.label, text(f"{change.old} {change.kind.value} {change.new}")),
            ],
        )
        out.add(old, EDGE[change.kind], new)
        out.add(old, ORG.changedBy, event)
        out.add(new, ORG.resultedFrom, event)


def write_mentions(scope: DocumentScope, mentions: Sequence[ActorMention]) -> None:
    """Per organisation, one node saying how often and on which lines the document names it."""
    by_actor: dict[str, list[ActorMention]] = defaultdict(list)
    for mention in mentions:
        by_actor[mention.actor].append(mention)
    for name, found in sorted(by_actor.items()):
        node = ids.mentions(scope.iri, name)
        scope.out.describe(
            node,
            [
                (RDF.type, HKG.MentionSet),
                (HKG.mentionOf, ids.actor(name)),
                (HKG.mentionedIn, scope.iri),
                (HKG.mentionCount, integer(len(found))),
            ],
        )
        for line in sorted({m.line for m in found}):
            scope.out.add(node, HKG.onLine, integer(line))
        for surface in sorted({m.surface for m in found}):
            scope.out.add(node, HKG.surfaceForm, text(surface))


def write_relations(scope: DocumentScope, relations: Sequence[Relation]) -> None:
    """Each stated relation as a direct edge and as a statement with its evidence."""
    for relation in relations:
        subject, obj = ids.actor(relation.subject), ids.actor(relation.object)
        edge = EDGE[relation.predicate]
        evidence = write_evidence(scope, relation.first_line, relation.last_line, relation.quote)
        statement = ids.statement(
            evidence, relation.predicate.value, relation.subject, relation.object
        )
        scope.out.add(subject, edge, obj)
        scope.out.describe(
            statement,
            [
                (RDF.type, HKG.GovernanceStatement),
                (HKG.statementSubject, subject),
                (HKG.statementObject, obj),
                (HKG.relationKind, text(relation.predicate.value)),
                (HKG.evidence, evidence),
            ],
        )
