"""kg.graph.serialise and kg.graph.nquads: deterministic writers rdflib reads back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_isomorphic

from kg.graph import serialise
from kg.graph.namespace import HKG, PREFIXES, RDF, XSD
from kg.graph.nquads import parse_nquads

S = URIRef("https://w3id.org/helsekg/id/document/abc/evidence/1-2")
G = URIRef("https://w3id.org/helsekg/id/document/abc")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (Literal('si "hei"\n\\ slutt\t'), r'"si \"hei\"\n\\ slutt\t"'),
        (Literal("Folkehelse", lang="nb"), '"Folkehelse"@nb'),
        (Literal("714", datatype=XSD.integer), '"714"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        (Literal("æøå\x01"), '"æøå\\u0001"'),
        (URIRef("https://example.org/a b"), "<https://example.org/a\\u0020b>"),
    ],
)
def test_graph_serialise_nt_term(term: URIRef | Literal, expected: str) -> None:
    assert serialise.nt_term(term) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (HKG.BudgetAmount, "hkg:BudgetAmount"),
        (RDF.type, "a"),
        (S, f"<{S}>"),  # '/' is not allowed in a prefixed name's local part
        (Literal("-12", datatype=XSD.integer), "-12"),
        (Literal("true", datatype=XSD.boolean), "true"),
        (Literal("2024", datatype=XSD.gYear), '"2024"^^xsd:gYear'),
    ],
)
def test_graph_serialise_turtle_term(term: URIRef | Literal, expected: str) -> None:
    assert serialise.TurtleTerms(PREFIXES)(term) == expected


def test_graph_serialise_refuses_blank_nodes() -> None:
    with pytest.raises(TypeError, match="blank node"):
        serialise.nquads([(BNode(), RDF.type, HKG.Evidence, G)])


def test_graph_serialise_sorts_a_node_before_the_nodes_minted_under_it() -> None:
    lines = URIRef(f"{S}/lines")
    text = serialise.turtle(
        [(lines, RDF.type, HKG.Evidence, G), (S, RDF.type, HKG.Evidence, G)], PREFIXES
    )
    assert text.index(f"<{S}> a") < text.index(f"<{lines}> a")


def test_graph_serialise_same_statements_in_any_order_same_text() -> None:
    statements: list[serialise.Statement] = [(S, HKG.firstLine, Literal(n), G) for n in range(5)]
    statements.append((S, RDF.type, HKG.Evidence, None))
    for write in (
        serialise.nquads,
        lambda q: serialise.trig(q, PREFIXES),
        lambda q: serialise.turtle(q, PREFIXES),
    ):
        assert write(statements) == write(list(reversed(statements)))


TEXT = st.text(st.characters(exclude_categories=["Cs"]))  # no lone surrogates
LITERALS = st.one_of(
    TEXT.map(Literal),
    st.tuples(TEXT, st.sampled_from(["nb", "en", "nn"])).map(lambda t: Literal(t[0], lang=t[1])),
    st.integers().map(lambda n: Literal(n)),
    st.booleans().map(lambda b: Literal(b)),
)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own parsers
@settings(max_examples=60, deadline=None)
@given(st.lists(LITERALS, min_size=1, max_size=8))
def test_graph_serialise_round_trips_through_rdflib(literals: list[Literal]) -> None:
    statements: list[serialise.Statement] = [
        (URIRef(f"{S}/{i}"), HKG.columnLabel, literal, G) for i, literal in enumerate(literals)
    ]
    expected = Graph()
    for s, p, o, _ in statements:
        expected.add((s, p, o))
    turtle = Graph().parse(data=serialise.turtle(statements, PREFIXES), format="turtle")
    trig = Dataset()
    trig.parse(data=serialise.trig(statements, PREFIXES), format="trig")
    nquads = Dataset()
    nquads.parse(data=serialise.nquads(statements), format="nquads")
    ours = Graph()
    for s, p, o, _ in parse_nquads(serialise.nquads(statements)):
        ours.add((s, p, o))
    for parsed in (turtle, trig.graph(G), nquads.graph(G), ours):
        assert to_isomorphic(parsed) == to_isomorphic(expected)


def test_graph_nquads_reader_refuses_other_shapes() -> None:
    with pytest.raises(ValueError, match="line 1"):
        list(parse_nquads("_:b0 <urn:p> <urn:o> .\n"))
