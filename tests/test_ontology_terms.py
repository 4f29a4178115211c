"""ontology/helsekg.ttl: declares every term the builder emits, with labels and comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg.graph.namespace import HKG, OA, ONTOLOGY_IRI, SCHEMA
from kg.graph.quads import GraphWriter, Quad
from kg.graph.vocabulary import write_vocabularies

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "helsekg.ttl"
CLASS_TYPES = {OWL.Class, RDFS.Class}
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def own_terms(ontology: Graph) -> set[URIRef]:
    return {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(str(HKG))}


def declared(ontology: Graph, term: Node, kinds: set[URIRef]) -> bool:
    return any((term, RDF.type, kind) in ontology for kind in kinds)


def test_ontology_has_version(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) is not None


def test_ontology_terms_match_hkg_namespace(ontology: Graph) -> None:
    assert own_terms(ontology) == {URIRef(term) for term in dir(HKG)}


def test_ontology_own_terms_have_labels_in_nb_and_en_and_a_comment(ontology: Graph) -> None:
    for term in own_terms(ontology):
        languages = {
            label.language
            for label in ontology.objects(term, RDFS.label)
            if isinstance(label, Literal)
        }
        assert {"nb", "en"} <= languages, term
        assert ontology.value(term, RDFS.comment) is not None, term


@pytest.mark.parametrize(
    ("term", "domain", "range_"),
    [
        (HKG.documentKind, HKG.SourceDocument, HKG.DocumentKind),
        (HKG.measure, HKG.BudgetAmount, HKG.Measure),
        (HKG.inTable, HKG.BudgetAmount, HKG.BudgetTable),
        (HKG.evidence, None, HKG.Evidence),
        (HKG.postNumber, HKG.BudgetPost, URIRef("http://www.w3.org/2001/XMLSchema#integer")),
    ],
)
def test_ontology_property_domain_and_range(
    ontology: Graph, term: URIRef, domain: URIRef | None, range_: URIRef
) -> None:
    assert ontology.value(term, RDFS.domain) == domain
    assert ontology.value(term, RDFS.range) == range_


@pytest.mark.parametrize(
    ("cls", "parents"),
    [
        (HKG.SourceDocument, {URIRef("http://www.w3.org/ns/prov#Entity"), SCHEMA.DigitalDocument}),
        (HKG.BudgetChapter, {URIRef("http://www.w3.org/2004/02/skos/core#Concept")}),
        (HKG.BudgetPost, {URIRef("http://www.w3.org/2004/02/skos/core#Concept")}),
        (HKG.BudgetAmount, {SCHEMA.MonetaryAmount}),
        (HKG.Evidence, {OA.SpecificResource}),
        (HKG.Build, {URIRef("http://www.w3.org/ns/prov#Activity")}),
    ],
)
def test_ontology_class_reuses_standard_parents(
    ontology: Graph, cls: URIRef, parents: set[URIRef]
) -> None:
    assert set(ontology.objects(cls, RDFS.subClassOf)) == parents


def test_ontology_declares_every_term_the_builder_emits(
    ontology: Graph, graph_dataset: Dataset
) -> None:
    triples = [(s, p, o) for s, p, o, _ in graph_dataset.quads((None, None, None, None))]
    predicates = {p for _, p, _ in triples}
    classes = {o for _, p, o in triples if p == RDF.type and isinstance(o, URIRef)}
    own_objects = {o for _, _, o in triples if isinstance(o, URIRef) and o.startswith(str(HKG))}
    assert {p for p in predicates if not declared(ontology, p, PROPERTY_TYPES)} == set()
    assert {c for c in classes - {RDF.Property} if not declared(ontology, c, CLASS_TYPES)} == set()
    assert own_objects <= own_terms(ontology)


def test_ontology_lists_every_reused_term_of_the_closed_namespaces(ontology: Graph) -> None:
    for namespace in (OA, SCHEMA):
        for term in dir(namespace):
            assert declared(ontology, URIRef(term), CLASS_TYPES | PROPERTY_TYPES), term


def test_ontology_contains_the_vocabularies_the_builder_writes(ontology: Graph) -> None:
    quads: list[Quad] = []
    write_vocabularies(GraphWriter(URIRef("urn:x-test:g"), quads))
    missing = [(s, p, o) for s, p, o, _ in quads if (s, p, o) not in ontology]
    assert missing == []
