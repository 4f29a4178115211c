"""The vocabularies the graph stage speaks, as closed namespaces.

``HKG`` lists every term of our own ontology (``ontology/helsekg.ttl``): using a term
that is not listed raises ``AttributeError`` instead of minting a new IRI. The
external vocabularies are closed too, listing only the terms the builder emits, so
a test can check that each of them is declared in the ontology file.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = URIRef("https://w3id.org/helsekg/ontology")
ID = Namespace("https://w3id.org/helsekg/id/")
RFC5147 = URIRef("http://tools.ietf.org/rfc/rfc5147")


class HKG(DefinedNamespace):
    """helsekg ontology: budget documents, budget lines, amounts and their evidence."""

    _NS = Namespace("https://w3id.org/helsekg/ontology#")
    _fail = True

    # classes
    SourceDocument: URIRef  # a document the graph was built from
    DocumentKind: URIRef  # kind of source document (SKOS concept)
    Measure: URIRef  # what an amount measures (SKOS concept)
    BudgetChapter: URIRef  # budget chapter (kapittel) of one fiscal year
    BudgetPost: URIRef  # budget post of one chapter and fiscal year
    BudgetAmount: URIRef  # an amount of NOK stated for a budget line
    BudgetTable: URIRef  # a table of budget amounts in a document
    Evidence: URIRef  # the place in a document a statement was read from
    Build: URIRef  # one run of the graph builder
    ActorType: URIRef  # kind of organisation (SKOS concept)
    MentionSet: URIRef  # the mentions of one organisation in one document
    GovernanceStatement: URIRef  # a relation between organisations as a document states it
    Flow: URIRef  # an amount passed from a payer to a recipient
    RecipientGroup: URIRef  # a group of recipients (SKOS concept)
    BudgetChange: URIRef  # a change against last year's budget
    GrantScheme: URIRef  # a grant scheme (tilskuddsordning)
    Plan: URIRef  # a strategy, plan, programme, white paper, proposition or law
    FollowUpStatement: URIRef  # a measure, scheme or actor following up a plan

    # concept schemes and concepts
    DocumentKindScheme: URIRef
    budgetProposition: URIRef
    allocationLetter: URIRef
    annualReport: URIRef
    otherDocument: URIRef
    MeasureScheme: URIRef
    ActorTypeScheme: URIRef
    proposal: URIRef
    adoptedBudget: URIRef
    accounts: URIRef
    appropriation: URIRef
    allocation: URIRef

    # properties
    documentKind: URIRef
    fiscalYear: URIRef
    issuer: URIRef
    addressee: URIRef
    sha256: URIRef
    lineCount: URIRef
    pageCount: URIRef
    chapterNumber: URIRef
    postNumber: URIRef
    postLabel: URIRef
    qualifier: URIRef
    measure: URIRef
    budgetLine: URIRef
    isTotal: URIRef
    reconciliation: URIRef
    reconciliationNote: URIRef
    columnLabel: URIRef
    inTable: URIRef
    evidence: URIRef
    tableKind: URIRef
    unit: URIRef
    reconciled: URIRef
    actorType: URIRef
    inRegistry: URIRef
    mentionOf: URIRef
    mentionedIn: URIRef
    mentionCount: URIRef
    onLine: URIRef
    surfaceForm: URIRef
    statementSubject: URIRef
    statementObject: URIRef
    relationKind: URIRef
    changeKind: URIRef
    supervises: URIRef
    owns: URIRef
    delegatedSupervisionOf: URIRef
    renamedTo: URIRef
    mergedInto: URIRef
    administersGrantsFor: URIRef
    recipient: URIRef
    recipientKind: URIRef
    recipientText: URIRef
    purpose: URIRef
    flowKind: URIRef
    earmarked: URIRef
    partOfFlow: URIRef
    changeDirection: URIRef
    fromBudgetLine: URIRef
    toBudgetLine: URIRef
    followUpOf: URIRef
    followUpSubject: URIRef
    followUpSubjectText: URIRef
    followsUp: URIRef
    administeredBy: URIRef
    recipientGroupText: URIRef
    schemeId: URIRef
    fundedByPost: URIRef
    planType: URIRef
    period: URIRef
    owner: URIRef
    firstLine: URIRef
    lastLine: URIRef
    page: URIRef


class OA(DefinedNamespace):
    """Web Annotation vocabulary: the terms helsekg uses."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    FragmentSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    exact: URIRef


class SCHEMA(DefinedNamespace):
    """schema.org: the terms helsekg uses (rdflib's SDO is open and only warns)."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    DigitalDocument: URIRef
    MonetaryAmount: URIRef
    SoftwareApplication: URIRef
    name: URIRef
    value: URIRef
    currency: URIRef
    encodingFormat: URIRef
    softwareVersion: URIRef
    MonetaryGrant: URIRef
    FundingScheme: URIRef
    funder: URIRef


class OBEU_DIMENSION(DefinedNamespace):
    """OpenBudgets.eu data model: the budget dimensions helsekg states for every amount."""

    _NS = Namespace("http://data.openbudgets.eu/ontology/dsd/dimension/")
    _fail = True

    fiscalYear: URIRef
    budgetPhase: URIRef


class CV(DefinedNamespace):
    """EU Core Public Organisation Vocabulary (CPOV, in the SEMIC core vocabularies)."""

    _NS = Namespace("http://data.europa.eu/m8g/")
    _fail = True

    PublicOrganisation: URIRef


OBEU_PHASE = Namespace("http://data.openbudgets.eu/resource/codelist/budget-phase/")
"""OpenBudgets.eu budget phases: draft, approved, revised, executed."""
YEAR = Namespace("http://reference.data.gov.uk/id/year/")
"""Calendar years as intervals (the range of obeu-dimension:fiscalYear)."""

PREFIXES: dict[str, str] = {
    "cv": str(CV),
    "dcterms": str(DCTERMS),
    "hkg": str(HKG),
    "oa": str(OA),
    "obeu-budgetphase": str(OBEU_PHASE),
    "obeu-dimension": str(OBEU_DIMENSION),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SCHEMA),
    "sh": str(SH),
    "skos": str(SKOS),
    "xsd": str(XSD),
}
"""Prefixes written in Turtle/TriG output and bound for SPARQL queries."""


def _resolve_terms(namespace: type[DefinedNamespace]) -> None:
    """Store each declared term on its namespace class: a DefinedNamespace looks terms up
    through a metaclass ``__getattr__`` on every access, which the builder pays for tens
    of thousands of times per build. Undeclared names still fail as before."""
    for klass in namespace.__mro__:
        for name in getattr(klass, "__annotations__", {}):
            if not name.startswith("_") and name not in vars(namespace):
                setattr(namespace, name, namespace._NS[name])


for _namespace in (HKG, OA, SCHEMA, OBEU_DIMENSION, CV, DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD):
    _resolve_terms(_namespace)

__all__ = [
    "CV",
    "DCTERMS",
    "HKG",
    "ID",
    "OA",
    "OBEU_DIMENSION",
    "OBEU_PHASE",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RFC5147",
    "SCHEMA",
    "SH",
    "SKOS",
    "XSD",
    "YEAR",
]
