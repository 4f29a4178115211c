"""The fixed SKOS vocabularies of the ontology, as the builder writes them into the graph.

These concepts are declared in ``ontology/helsekg.ttl`` too; a test checks that what
is written here is a subset of what the ontology says, so the two cannot drift.
"""

from __future__ import annotations

from typing import NamedTuple

from rdflib import URIRef

from kg.graph.namespace import HKG, OBEU_PHASE, RDF, SKOS
from kg.graph.quads import GraphWriter, tagged, text
from kg.records import DocumentKind, Measure


class Term(NamedTuple):
    iri: URIRef
    nb: str
    en: str


DOCUMENT_KINDS: dict[DocumentKind, Term] = {
    DocumentKind.BUDGET_PROPOSITION: Term(
        HKG.budgetProposition, "budsjettproposisjon", "budget proposition"
    ),
    DocumentKind.ALLOCATION_LETTER: Term(
        HKG.allocationLetter, "tildelingsbrev", "allocation letter"
    ),
    DocumentKind.ANNUAL_REPORT: Term(HKG.annualReport, "årsrapport", "annual report"),
    DocumentKind.OTHER: Term(HKG.otherDocument, "annet dokument", "other document"),
}

MEASURES: dict[Measure, Term] = {
    Measure.PROPOSAL: Term(HKG.proposal, "forslag", "proposal"),
    Measure.ADOPTED_BUDGET: Term(HKG.adoptedBudget, "saldert budsjett", "adopted budget"),
    Measure.ACCOUNTS: Term(HKG.accounts, "regnskap", "accounts"),
    Measure.APPROPRIATION: Term(HKG.appropriation, "bevilgning", "appropriation"),
    Measure.ALLOCATION: Term(HKG.allocation, "tildeling", "allocation"),
}

BUDGET_PHASES: dict[Measure, URIRef] = {
    Measure.PROPOSAL: OBEU_PHASE.draft,  # the government's proposal to Stortinget
    Measure.ADOPTED_BUDGET: OBEU_PHASE.approved,  # as Stortinget adopted it
    Measure.APPROPRIATION: OBEU_PHASE.revised,  # the year's appropriation, changes included
    Measure.ALLOCATION: OBEU_PHASE.approved,  # the ministry passing approved money on
    Measure.ACCOUNTS: OBEU_PHASE.executed,  # what was spent
}
"""Each measure's phase in the OpenBudgets.eu budget-phase code list (skos:closeMatch)."""

SCHEMES: dict[URIRef, Term] = {
    HKG.DocumentKindScheme: Term(HKG.DocumentKindScheme, "dokumenttyper", "document kinds"),
    HKG.MeasureScheme: Term(HKG.MeasureScheme, "beløpsarter", "measures"),
}


def write_vocabularies(out: GraphWriter) -> None:
    """Document kinds and measures with their notation (the enum value) and labels."""
    for scheme in SCHEMES.values():
        out.add(scheme.iri, RDF.type, SKOS.ConceptScheme)
        out.add(scheme.iri, SKOS.prefLabel, tagged(scheme.nb, "nb"))
        out.add(scheme.iri, SKOS.prefLabel, tagged(scheme.en, "en"))
    tables: list[tuple[URIRef, URIRef, dict[DocumentKind, Term] | dict[Measure, Term]]] = [
        (HKG.DocumentKind, HKG.DocumentKindScheme, DOCUMENT_KINDS),
        (HKG.Measure, HKG.MeasureScheme, MEASURES),
    ]
    for concept_class, scheme_iri, table in tables:
        for value, term in table.items():
            out.add(term.iri, RDF.type, concept_class)
            out.add(term.iri, SKOS.inScheme, scheme_iri)
            out.add(term.iri, SKOS.notation, text(value.value))
            out.add(term.iri, SKOS.prefLabel, tagged(term.nb, "nb"))
            out.add(term.iri, SKOS.prefLabel, tagged(term.en, "en"))
            if isinstance(value, Measure):
                out.add(term.iri, SKOS.closeMatch, BUDGET_PHASES[value])
