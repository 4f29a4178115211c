"""The graph stage: document extractions in, an RDF dataset out.

Named graphs:

* one per source document, its IRI the document's IRI (``id/document/<sha16>``):
  the document node, its budget tables, amounts and evidence;
* ``id/graph/shared``: what documents share: the year-scoped budget chapters and
  posts with their concept schemes, the document-kind and measure vocabularies, the
  issuing and receiving organisations, and the build activity.

The dataset's default graph is the union of the named graphs, so a SPARQL query
without ``GRAPH`` sees everything. No blank nodes: every node has a minted IRI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rdflib import Dataset, URIRef

from kg.graph import ids
from kg.graph.actors import write_actor_types, write_catalogue, write_mentions, write_relations
from kg.graph.amounts import DocumentScope, write_table
from kg.graph.concepts import BudgetConcepts
from kg.graph.documents import write_document
from kg.graph.flows import (
    write_changes,
    write_flows,
    write_follow_ups,
    write_named_mentions,
    write_recipient_groups,
    write_schemes_and_plans,
)
from kg.graph.namespace import HKG, PROV, RDF, SCHEMA
from kg.graph.quads import GraphWriter, Quad, text, to_dataset
from kg.graph.vocabulary import write_vocabularies
from kg.records import (
    Catalogue,
    DocumentExtraction,
    GrantScheme,
    Plan,
    PlanType,
    RecipientKind,
)
from kg.runtime import collector_paused


def build_quads(
    extractions: Sequence[DocumentExtraction],
    *,
    software_version: str,
    catalogue: Catalogue | None = None,
) -> list[Quad]:
    """All quads of the build, in the order they were made (may repeat a quad)."""
    with collector_paused():
        return _quads(extractions, software_version, catalogue)


def _quads(
    extractions: Sequence[DocumentExtraction], software_version: str, catalogue: Catalogue | None
) -> list[Quad]:
    quads: list[Quad] = []
    shared = GraphWriter(ids.SHARED_GRAPH, quads)
    concepts = BudgetConcepts()
    actors: set[str] = set()
    documents: list[URIRef] = []
    for extraction in extractions:
        document, profile = extraction.document, extraction.profile
        doc = ids.document(document.source.sha256)
        documents.append(doc)
        out = GraphWriter(doc, quads)
        write_document(out, doc, document, profile)
        actors.update(name for name in (profile.issuer, profile.addressee) if name)
        for section in extraction.segmentation.sections:
            if section.kap is not None and section.post is None:
                concepts.heading_title(section.kap, section.title)
        scope = DocumentScope(
            out, doc, document, profile.fiscal_year, ids.Disambiguator(), concepts
        )
        for index, table in enumerate(extraction.tables):
            write_table(scope, table, index)
        write_mentions(scope, extraction.mentions)
        write_relations(scope, extraction.relations)
        actors.update(m.actor for m in extraction.mentions)
        actors.update(n for r in extraction.relations for n in (r.subject, r.object))
        actors.update(write_flows(scope, extraction.flows))
        write_changes(scope, extraction.changes)
        write_named_mentions(scope, extraction.schemes, "scheme")
        write_named_mentions(scope, extraction.plans, "plan")
        write_follow_ups(scope, extraction.follow_ups)
    write_vocabularies(shared)
    concepts.write(shared)
    catalogue = complete(catalogue or Catalogue(), extractions)
    write_actor_types(shared)
    write_recipient_groups(shared)
    write_catalogue(shared, catalogue, actors)
    write_schemes_and_plans(shared, catalogue)
    write_build(shared, software_version, documents)
    return quads


def write_build(out: GraphWriter, software_version: str, documents: list[URIRef]) -> None:
    """The build as a prov:Activity that used the documents. No timestamp: builds of the
    same input must be byte-identical."""
    build, software = ids.build(software_version, documents), ids.software(software_version)
    out.add(build, RDF.type, HKG.Build)
    out.add(build, PROV.wasAssociatedWith, software)
    for doc in sorted(set(documents)):
        out.add(build, PROV.used, doc)
    out.describe(
        software,
        [
            (RDF.type, PROV.SoftwareAgent),
            (RDF.type, SCHEMA.SoftwareApplication),
            (SCHEMA.name, text("helsekg")),
            (SCHEMA.softwareVersion, text(software_version)),
        ],
    )


def build_dataset(
    extractions: Sequence[DocumentExtraction],
    *,
    software_version: str,
    catalogue: Catalogue | None = None,
) -> Dataset:
    """The knowledge graph of ``extractions``: one named graph per document plus the
    shared graph (see the module docstring)."""
    return to_dataset(
        build_quads(extractions, software_version=software_version, catalogue=catalogue)
    )


def complete(catalogue: Catalogue, extractions: Sequence[DocumentExtraction]) -> Catalogue:
    """The catalogue plus a bare entry for every grant scheme or plan the documents refer
    to that the catalogue lacks, so no edge in the graph points at an undescribed node."""
    schemes = {s.name for s in catalogue.schemes}
    plans = {p.name for p in catalogue.plans}
    extra_schemes = sorted(
        {m.name for e in extractions for m in e.schemes}
        | {
            f.recipient
            for e in extractions
            for f in e.flows
            if f.recipient_kind is RecipientKind.GRANT_SCHEME
        }
        - schemes
    )
    extra_plans: dict[str, PlanType] = {}
    for extraction in extractions:
        for mention in extraction.plans:
            extra_plans.setdefault(mention.name, mention.type)
    for extraction in extractions:
        for follow_up in extraction.follow_ups:
            extra_plans.setdefault(follow_up.plan, PlanType.OTHER)
    for name in plans:
        extra_plans.pop(name, None)
    if not extra_schemes and not extra_plans:
        return catalogue
    return replace(
        catalogue,
        schemes=(*catalogue.schemes, *(GrantScheme(name) for name in extra_schemes)),
        plans=(
            *catalogue.plans,
            *(Plan(name, kind) for name, kind in sorted(extra_plans.items())),
        ),
    )
