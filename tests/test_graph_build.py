"""kg.graph.build: extractions -> one named graph per document plus the shared graph."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from kg.graph import ids
from kg.graph.build import build_dataset
from kg.graph.namespace import (
    DCTERMS,
    HKG,
    OA,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RFC5147,
    SCHEMA,
    SKOS,
)
from kg.graph.serialise import trig
from kg.graph.store import statements
from kg.records import Column, ColumnRole, DocumentExtraction, Measure

VERSION = "0.1.0-test"
GOLDEN = Path(__file__).parent / "golden" / "graph" / "sample.trig"
YEAR = HKG.fiscalYear


def named_graph(dataset: Dataset, name: URIRef) -> Graph:
    graph = Graph()
    for s, p, o, g in statements(dataset):
        if g == name:
            graph.add((s, p, o))
    return graph


def number(term: object) -> int:
    assert isinstance(term, Literal)
    return int(term)


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def amounts(graph: Graph) -> set[tuple[int, str, int, URIRef]]:
    """(value, measure notation, year, budget line) of every amount."""
    found = set()
    for amount in graph.subjects(RDF.type, HKG.BudgetAmount):
        measure = graph.value(graph.value(amount, HKG.measure), SKOS.notation)
        line = graph.value(amount, HKG.budgetLine)
        assert isinstance(line, URIRef)
        found.add(
            (
                number(graph.value(amount, SCHEMA.value)),
                str(measure),
                number(graph.value(amount, YEAR)),
                line,
            )
        )
    return found


def document_iri(extraction: DocumentExtraction) -> URIRef:
    return ids.document(extraction.document.source.sha256)


def test_graph_build_one_named_graph_per_document_plus_shared(
    graph_extractions: tuple[DocumentExtraction, ...], graph_dataset: Dataset
) -> None:
    names = {g for _, _, _, g in statements(graph_dataset)}
    assert names == {*map(document_iri, graph_extractions), ids.SHARED_GRAPH}


def test_graph_build_has_no_blank_nodes(graph_dataset: Dataset) -> None:
    assert not any(
        isinstance(term, BNode)
        for quad in graph_dataset.quads((None, None, None, None))
        for term in quad
    )


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG parser
def test_graph_build_matches_golden(graph_dataset: Dataset) -> None:
    if os.environ.get("UPDATE_GOLDENS"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(trig(statements(graph_dataset), PREFIXES), encoding="utf-8")
    golden = Dataset()
    golden.parse(GOLDEN, format="trig")
    names = {g for _, _, _, g in statements(graph_dataset)}
    assert names == {g for _, _, _, g in statements(golden)}
    for name in sorted(n for n in names if n is not None):
        built, expected = named_graph(graph_dataset, name), named_graph(golden, name)
        if to_isomorphic(built) != to_isomorphic(expected):
            _, only_built, only_golden = graph_diff(built, expected)
            pytest.fail(
                f"graph {name} differs from {GOLDEN.name}:\n+ "
                f"{sorted(only_built)[:5]}\n- {sorted(only_golden)[:5]}"
            )


def test_graph_build_amounts_per_amount_column(graph_dataset: Dataset) -> None:
    def post21(year: int) -> URIRef:
        return ids.post(year, 714, "21")

    def post70(year: int) -> URIRef:
        return ids.post(year, 714, "70")

    assert amounts(union(graph_dataset)) == {
        (116_771_000, "accounts", 2022, post21(2022)),
        (102_802_000, "adopted_budget", 2023, post21(2023)),
        (120_362_000, "proposal", 2024, post21(2024)),  # column year None -> fiscal year
        (1_000_000, "accounts", 2022, post70(2022)),
        (2_000_000, "proposal", 2024, post70(2024)),
        (117_771_000, "accounts", 2022, ids.chapter(2022, 714)),
        (102_802_000, "adopted_budget", 2023, ids.chapter(2023, 714)),
        (122_362_000, "proposal", 2024, ids.chapter(2024, 714)),
        (50_000_000, "allocation", 2024, post21(2024)),
    }


@pytest.mark.parametrize(
    ("value", "status", "is_total"),
    [
        (116_771_000, "checked", False),
        (1_000_000, "unreconciled", False),
        (117_771_000, "reconciled", True),
    ],
)
def test_graph_build_amount_flags(
    graph_dataset: Dataset, value: int, status: str, is_total: bool
) -> None:
    graph = union(graph_dataset)
    (amount,) = graph.subjects(SCHEMA.value, Literal(value))
    assert graph.value(amount, HKG.reconciliation) == Literal(status)
    assert graph.value(amount, HKG.isTotal) == Literal(is_total)
    assert graph.value(amount, SCHEMA.currency) == Literal("NOK")


def test_graph_build_evidence_carries_quote_line_span_and_page(
    graph_extractions: tuple[DocumentExtraction, ...], graph_dataset: Dataset
) -> None:
    graph = union(graph_dataset)
    (amount,) = graph.subjects(SCHEMA.value, Literal(2_000_000))
    evidence = graph.value(amount, HKG.evidence)
    selectors = {graph.value(s, RDF.type): s for s in graph.objects(evidence, OA.hasSelector)}
    assert graph.value(evidence, OA.hasSource) == document_iri(graph_extractions[0])
    assert (
        graph.value(evidence, HKG.firstLine),
        graph.value(evidence, HKG.lastLine),
        graph.value(evidence, HKG.page),
    ) == (Literal(6), Literal(7), Literal(2))
    quote = graph.value(selectors[OA.TextQuoteSelector], OA.exact)
    assert quote == Literal(
        '70 Tilskudd til "frivillige" organisasjoner,\nkan overføres \\ 1 000 2 000'
    )
    lines = selectors[OA.FragmentSelector]
    assert graph.value(lines, RDF.value) == Literal("line=5,7")  # RFC 5147: lines 6..7
    assert graph.value(lines, DCTERMS.conformsTo) == RFC5147


def test_graph_build_amounts_of_a_row_share_one_evidence(graph_dataset: Dataset) -> None:
    graph = union(graph_dataset)
    row_amounts = [
        a
        for a in graph.subjects(RDF.type, HKG.BudgetAmount)
        if graph.value(graph.value(a, HKG.evidence), HKG.firstLine) == Literal(5)
    ]
    assert len(row_amounts) == 3
    assert len({graph.value(a, HKG.evidence) for a in row_amounts}) == 1


def test_graph_build_post_concept_is_year_scoped_with_title_and_qualifiers(
    graph_dataset: Dataset,
) -> None:
    graph = named_graph(graph_dataset, ids.SHARED_GRAPH)
    post = ids.post(2023, 714, "21")
    assert graph.value(post, SKOS.broader) == ids.chapter(2023, 714)
    assert graph.value(post, SKOS.inScheme) == ids.budget_scheme(2023)
    assert graph.value(post, SKOS.prefLabel) == Literal("Spesielle driftsutgifter", lang="nb")
    qualifier = Literal("kan nyttes under post 79", lang="nb")
    assert set(graph.objects(post, HKG.qualifier)) == {qualifier}
    assert (
        graph.value(post, HKG.postNumber),
        graph.value(post, HKG.postLabel),
        graph.value(post, YEAR),
    ) == (Literal(21), Literal("21"), Literal(2023))


def test_graph_build_chapter_title_from_heading_not_from_sum_line(graph_dataset: Dataset) -> None:
    graph = named_graph(graph_dataset, ids.SHARED_GRAPH)
    chapter = ids.chapter(2024, 714)
    assert list(graph.objects(chapter, SKOS.prefLabel)) == [Literal("Folkehelse", lang="nb")]
    assert (ids.budget_scheme(2024), SKOS.hasTopConcept, chapter) in graph


def test_graph_build_most_common_title_is_preferred_others_alternative(
    graph_extractions: tuple[DocumentExtraction, ...],
) -> None:
    letter = graph_extractions[1]
    renamed = replace(letter.tables[0], rows=(replace(letter.tables[0].rows[0], title="Drift"),))
    extractions = (*graph_extractions, replace(letter, tables=(renamed,)))
    graph = union(build_dataset(extractions, software_version=VERSION))
    post = ids.post(2024, 714, "21")
    assert list(graph.objects(post, SKOS.prefLabel)) == [
        Literal("Spesielle driftsutgifter", lang="nb")
    ]
    assert list(graph.objects(post, SKOS.altLabel)) == [Literal("Drift", lang="nb")]


def test_graph_build_document_and_actors(
    graph_extractions: tuple[DocumentExtraction, ...], graph_dataset: Dataset
) -> None:
    proposition = graph_extractions[0]
    doc = document_iri(proposition)
    graph = named_graph(graph_dataset, doc)
    assert graph.value(doc, SCHEMA.name) == Literal("prop.txt")
    assert graph.value(doc, HKG.documentKind) == HKG.budgetProposition
    assert graph.value(doc, HKG.sha256) == Literal(proposition.document.source.sha256)
    assert graph.value(doc, HKG.lineCount) == Literal(8)
    issuer = graph.value(doc, HKG.issuer)
    shared = named_graph(graph_dataset, ids.SHARED_GRAPH)
    assert issuer == ids.actor("Helse- og omsorgsdepartementet")
    assert (issuer, RDF.type, ORG.Organization) in shared
    assert shared.value(issuer, RDFS.label) == Literal("Helse- og omsorgsdepartementet")
    assert graph.value(doc, HKG.addressee) == ids.actor("Stortinget")


def test_graph_build_activity_used_the_documents(
    graph_extractions: tuple[DocumentExtraction, ...], graph_dataset: Dataset
) -> None:
    graph = named_graph(graph_dataset, ids.SHARED_GRAPH)
    (build,) = graph.subjects(RDF.type, HKG.Build)
    assert set(graph.objects(build, PROV.used)) == set(map(document_iri, graph_extractions))
    software = graph.value(build, PROV.wasAssociatedWith)
    assert graph.value(software, SCHEMA.softwareVersion) == Literal(VERSION)


def test_graph_build_renamed_file_keeps_its_iri(
    make_graph_extraction: Callable[..., DocumentExtraction],
) -> None:
    first = make_graph_extraction("proposition", name="prop.txt")
    second = make_graph_extraction("proposition", name="kopi av prop.txt")
    assert document_iri(first) == document_iri(second)


def test_graph_build_skips_percent_and_yearless_columns(
    graph_extractions: tuple[DocumentExtraction, ...],
) -> None:
    letter = graph_extractions[1]
    yearless = replace(letter, profile=replace(letter.profile, fiscal_year=None))
    graph = union(build_dataset((graph_extractions[0], yearless), software_version=VERSION))
    amounts = set(graph.subjects(RDF.type, HKG.BudgetAmount))
    values = {number(v) for a in amounts for v in graph.objects(a, SCHEMA.value)}
    assert 171 not in values  # percent change column
    assert 50_000_000 not in values  # no column year, no fiscal year


def test_graph_build_refuses_rows_with_wrong_value_count(
    graph_extractions: tuple[DocumentExtraction, ...],
) -> None:
    letter = graph_extractions[1]
    table = letter.tables[0]
    wider = replace(
        table,
        columns=(*table.columns, Column(ColumnRole.AMOUNT, Measure.ACCOUNTS, 2022, "Regnskap")),
    )
    with pytest.raises(ValueError, match=r"tildelingsbrev\.txt: line 3: 1 values for 2 columns"):
        build_dataset((replace(letter, tables=(wider,)),), software_version=VERSION)


def test_graph_build_colliding_amounts_are_disambiguated(
    graph_extractions: tuple[DocumentExtraction, ...],
) -> None:
    letter = graph_extractions[1]
    table = letter.tables[0]
    twice = replace(
        table,
        columns=(*table.columns, table.columns[0]),
        rows=(replace(table.rows[0], values=(50_000_000, 60_000_000)),),
    )
    graph = union(build_dataset((replace(letter, tables=(twice,)),), software_version=VERSION))
    iris = sorted(str(a) for a in graph.subjects(RDF.type, HKG.BudgetAmount))
    assert [iri.rsplit("/", 1)[1] for iri in iris] == ["2024", "2024-2"]
