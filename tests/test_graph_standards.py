"""The graph speaks the standard vocabularies where they fit: OpenBudgets.eu dimensions on
every budget amount, and the EU core public organisation class on public bodies."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from kg.engine import Engine
from kg.graph.actors import is_public_body
from kg.graph.namespace import CV, ID, OBEU_DIMENSION, OBEU_PHASE, ORG, RDF
from kg.graph.vocabulary import BUDGET_PHASES
from kg.records import ActorType, Measure


def test_graph_standards_every_measure_has_an_openbudgets_phase() -> None:
    assert set(BUDGET_PHASES) == set(Measure)
    assert {str(phase).rsplit("/", 1)[1] for phase in BUDGET_PHASES.values()} <= {
        "draft",
        "approved",
        "revised",
        "executed",
    }


@pytest.mark.parametrize(
    ("kind", "public"),
    [
        (ActorType.MINISTRY, True),
        (ActorType.DIRECTORATE, True),
        (ActorType.HEALTH_TRUST, True),
        (ActorType.MUNICIPALITY, True),
        (ActorType.NGO, False),
        (ActorType.COMPANY, False),
    ],
)
def test_graph_standards_public_body_types(kind: ActorType, public: bool) -> None:
    assert is_public_body(kind) is public


def test_graph_standards_public_bodies_are_typed_in_the_sample(graph_dataset: Dataset) -> None:
    ministry = URIRef(f"{ID}actor/helse-og-omsorgsdepartementet")
    assert (ministry, RDF.type, ORG.Organization, None) in _triples(graph_dataset)
    assert (ministry, RDF.type, CV.PublicOrganisation, None) in _triples(graph_dataset)


def _triples(dataset: Dataset) -> set[tuple[object, object, object, None]]:
    return {(s, p, o, None) for s, p, o, _ in dataset.quads((None, None, None, None))}


def test_graph_standards_corpus_amounts_carry_openbudgets_dimensions(
    corpus_graph_dir: Path,
) -> None:
    engine = Engine.open(corpus_graph_dir)
    prologue = (
        "PREFIX hkg: <https://w3id.org/helsekg/ontology#>\n"
        f"PREFIX obeu-dimension: <{OBEU_DIMENSION._NS}>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    )
    _, rows = engine.select(prologue + "SELECT (COUNT(?a) AS ?n) WHERE { ?a a hkg:BudgetAmount }")
    assert int(str(rows[0][0])) > 1000
    _, wrong = engine.select(
        prologue
        + """SELECT ?a WHERE {
            ?a a hkg:BudgetAmount ; hkg:fiscalYear ?year ; hkg:measure ?measure .
            OPTIONAL { ?a obeu-dimension:fiscalYear ?interval }
            OPTIONAL { ?a obeu-dimension:budgetPhase ?phase }
            OPTIONAL { ?measure skos:closeMatch ?match }
            BIND (CONCAT("http://reference.data.gov.uk/id/year/", STR(?year)) AS ?expected)
            FILTER (!BOUND(?interval) || !BOUND(?phase) || ?phase != ?match
                    || STR(?interval) != ?expected)
        } LIMIT 5"""
    )
    assert wrong == []
    _, phases = engine.select(
        prologue + "SELECT DISTINCT ?phase WHERE { ?a obeu-dimension:budgetPhase ?phase }"
    )
    assert {row[0] for row in phases} <= {
        OBEU_PHASE[p] for p in ("draft", "approved", "revised", "executed")
    }
    assert len(phases) >= 3
