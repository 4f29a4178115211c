"""kg.query: read-only SPARQL over the graph, and its results as text, CSV or JSON."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Literal, URIRef

from kg.errors import QueryError
from kg.graph.namespace import SCHEMA
from kg.query import format_result, run_query, substitute

DOC = "https://w3id.org/helsekg/id/document/"


def test_query_select_columns_and_rows(graph_dataset: Dataset) -> None:
    columns, rows = run_query(
        graph_dataset,
        """
        SELECT ?name ?kind WHERE {
          ?d a hkg:SourceDocument ; schema:name ?name ; hkg:documentKind/skos:notation ?kind
        } ORDER BY ?name""",
    )
    assert columns == ["name", "kind"]
    assert rows == [
        (Literal("prop.txt"), Literal("budget_proposition")),
        (Literal("tildelingsbrev.txt"), Literal("allocation_letter")),
    ]


def test_query_select_star_columns_in_query_order(graph_dataset: Dataset) -> None:
    columns, _ = run_query(graph_dataset, "SELECT * WHERE { ?zeta schema:name ?alpha }")
    assert columns == ["zeta", "alpha"]


def test_query_unbound_is_none(graph_dataset: Dataset) -> None:
    _, rows = run_query(
        graph_dataset,
        """
        SELECT ?page WHERE {
          ?e a hkg:Evidence ; hkg:firstLine 3 OPTIONAL { ?e hkg:page ?page }
        }""",
    )
    assert rows == [(None,)]


@pytest.mark.parametrize(
    ("sparql", "answer"),
    [
        ("ASK { ?a hkg:reconciliation 'unreconciled' }", True),
        ("ASK { ?a schema:currency 'USD' }", False),
    ],
)
def test_query_ask(graph_dataset: Dataset, sparql: str, answer: bool) -> None:
    assert run_query(graph_dataset, sparql) == (["ask"], [(Literal(answer),)])


def test_query_construct_rows_are_sorted_triples(graph_dataset: Dataset) -> None:
    columns, rows = run_query(
        graph_dataset,
        """
        CONSTRUCT { ?d schema:name ?n } WHERE { ?d a hkg:SourceDocument ; schema:name ?n }""",
    )
    assert columns == ["subject", "predicate", "object"]
    assert [row[1:] for row in rows] == [
        (SCHEMA.name, Literal("tildelingsbrev.txt")),
        (SCHEMA.name, Literal("prop.txt")),
    ]
    assert all(isinstance(row[0], URIRef) and row[0].startswith(DOC) for row in rows)


@pytest.mark.parametrize(
    ("sparql", "operation"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT DATA"),
        ("PREFIX x: <urn:x:> DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
        ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "MODIFY"),
        ("LOAD <http://example.org/data.ttl>", "LOAD"),
        ("CLEAR ALL", "CLEAR"),
        ("DROP GRAPH <urn:g>", "DROP"),
        ("CREATE GRAPH <urn:g>", "CREATE"),
        ("insert { ?s ?p ?o } where { ?s ?p", "INSERT"),  # an update that does not even parse
    ],
)
def test_query_refuses_updates(graph_dataset: Dataset, sparql: str, operation: str) -> None:
    with pytest.raises(QueryError, match=f"^{operation} is an update and the graph is read-only"):
        run_query(graph_dataset, sparql)
    assert len(graph_dataset) > 0


def test_query_refuses_service(graph_dataset: Dataset) -> None:
    with pytest.raises(QueryError, match="SERVICE is refused"):
        run_query(graph_dataset, "SELECT * WHERE { SERVICE <http://example.org/q> { ?s ?p ?o } }")


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("SELECT * WHERE { ?s ?p }", r"^SPARQL syntax error: Expected .* \(line:1, col:\d+\)$"),
        ("SELECT ?x WHERE {\n  ?x foo:bar ?y\n}", "^SPARQL error: Unknown namespace prefix : foo$"),
    ],
)
def test_query_errors_are_one_line(graph_dataset: Dataset, sparql: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as caught:
        run_query(graph_dataset, sparql)
    assert "\n" not in str(caught.value)


def test_query_format_text_shortens_iris(graph_dataset: Dataset) -> None:
    columns, rows = run_query(
        graph_dataset,
        """
        SELECT ?kind ?n WHERE { ?d hkg:documentKind ?kind ; hkg:lineCount ?n } ORDER BY ?n""",
    )
    assert format_result(columns, rows, "table") == (
        "kind                   n\n"
        "---------------------  -\n"
        "hkg:allocationLetter   3\n"
        "hkg:budgetProposition  8\n"
    )


def test_query_format_csv_and_json_keep_full_iris_and_numbers(graph_dataset: Dataset) -> None:
    columns, rows = run_query(
        graph_dataset,
        """
        SELECT ?kind ?n WHERE { ?d hkg:documentKind ?kind ; hkg:lineCount ?n } ORDER BY ?n""",
    )
    kind = "https://w3id.org/helsekg/ontology#allocationLetter"
    assert format_result(columns, rows, "csv").splitlines()[:2] == ["kind,n", f"{kind},3"]
    assert json.loads(format_result(columns, rows, "json"))[0] == {"kind": kind, "n": 3}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (["kap=714", "post=21"], "hkg:postNumber 21 ; skos:broader/hkg:chapterNumber 714"),
        (["kap=714", "post=<https://example.org/p>"], "<https://example.org/p>"),
        (["kap=714", 'post=Tiltak "A"'], '"Tiltak \\"A\\""'),
    ],
)
def test_query_parameters_are_substituted_as_terms(params: list[str], expected: str) -> None:
    template = "# uses $kap\nSELECT * WHERE { ?p hkg:postNumber $post ; "
    template += "skos:broader/hkg:chapterNumber $kap }"
    filled = substitute(template, params)
    assert expected in filled
    assert filled.startswith("# uses $kap")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (["kap=714"], "needs --param post=..."),
        (["kap=714", "post=21", "year=2018"], "no parameter year"),
        (["kap"], "name=value"),
    ],
)
def test_query_parameter_errors(params: list[str], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        substitute("SELECT * WHERE { ?p hkg:postNumber $post ; hkg:x $kap }", params)


# --------------------------------------------------------------------------- canned queries
# Queries in kg/queries/ are written the way Oxigraph plans well; these tables hold them
# to what they mean, on data written for the tests.

DISAGREEING = """
@prefix hkg: <https://w3id.org/helsekg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/> .

ex:shared {
  ex:kap714 hkg:chapterNumber 714 .
  ex:post21 hkg:postNumber 21 ; hkg:fiscalYear 2030 ; skos:broader ex:kap714 .
  ex:post70 hkg:postNumber 70 ; hkg:fiscalYear 2030 ; skos:broader ex:kap714 .
  ex:allocation skos:notation "allocation" .
  ex:letter schema:name "letter.txt" .
  ex:report schema:name "report.txt" .
}
ex:letter {
  ex:a1 a hkg:BudgetAmount ; hkg:budgetLine ex:post21 ; hkg:measure ex:allocation ;
      schema:value 118700000 ; hkg:isTotal false ; hkg:evidence ex:e1 .
  ex:e1 oa:hasSource ex:letter ; hkg:firstLine 40 .
  ex:a2 a hkg:BudgetAmount ; hkg:budgetLine ex:post70 ; hkg:measure ex:allocation ;
      schema:value 5000000 ; hkg:isTotal false ; hkg:evidence ex:e2 .
  ex:e2 oa:hasSource ex:letter ; hkg:firstLine 41 .
  ex:a5 a hkg:BudgetAmount ; hkg:budgetLine ex:post70 ; hkg:measure ex:allocation ;
      schema:value 7000000 ; hkg:isTotal false ; hkg:evidence ex:e5 .
  ex:e5 oa:hasSource ex:letter ; hkg:firstLine 90 .
}
ex:report {
  ex:a3 a hkg:BudgetAmount ; hkg:budgetLine ex:post21 ; hkg:measure ex:allocation ;
      schema:value 120000000 ; hkg:isTotal false ; hkg:evidence ex:e3 .
  ex:e3 oa:hasSource ex:report ; hkg:firstLine 12 .
  ex:a4 a hkg:BudgetAmount ; hkg:budgetLine ex:post70 ; hkg:measure ex:allocation ;
      schema:value 5000000 ; hkg:isTotal true ; hkg:evidence ex:e4 .
  ex:e4 oa:hasSource ex:report ; hkg:firstLine 13 .
}
"""


def test_query_disagreements_pairs_amounts_that_differ_between_documents() -> None:
    from kg.queries import load_query

    dataset = Dataset()
    dataset.parse(data=DISAGREEING, format="trig")
    columns, rows = run_query(dataset, load_query("disagreements"))
    found = [{c: str(v) for c, v in zip(columns, row, strict=True)} for row in rows]
    # Only post 21: post 70 agrees between the documents, or is a total, or differs
    # within one document.
    assert found == [
        {
            "kap": "714",
            "post": "21",
            "fiscal_year": "2030",
            "measure": "allocation",
            "document_a": "letter.txt",
            "amount_a": "118700000",
            "line_a": "40",
            "document_b": "report.txt",
            "amount_b": "120000000",
            "line_b": "12",
            "difference": "1300000",
        }
    ]


CHAINS = """
@prefix ex: <http://example.org/> .
ex:flow1 ex:funder ex:hod .      ex:hod ex:name "Helse- og omsorgsdepartementet" .
ex:flow2 ex:funder ex:nameless .
ex:flow3 ex:recipient ex:x .
ex:flow4 ex:funder ex:hdir , ex:fhi .
ex:hdir ex:name "Helsedirektoratet" , "Hdir" .
ex:fhi ex:name "Folkehelseinstituttet" .
ex:flow1 a ex:Flow . ex:flow2 a ex:Flow . ex:flow3 a ex:Flow . ex:flow4 a ex:Flow .
"""


@pytest.mark.parametrize(
    "optional",
    [
        "OPTIONAL { ?flow ex:funder/ex:name ?payer }",
        "OPTIONAL { ?flow ex:funder ?funder . ?funder ex:name ?payer }",
    ],
)
def test_query_nested_optional_means_the_path(optional: str) -> None:
    """OPTIONAL { ?a p ?b OPTIONAL { ?b q ?c } FILTER (BOUND(?c)) }, the form the canned
    queries use, gives the rows of the path and of the group of patterns."""
    dataset = Dataset()
    dataset.parse(data=CHAINS, format="turtle")
    prefix = "PREFIX ex: <http://example.org/>\n"
    nested = (
        "OPTIONAL { ?flow ex:funder ?funder OPTIONAL { ?funder ex:name ?payer } "
        "FILTER (BOUND(?payer)) }"
    )
    query = prefix + "SELECT ?flow ?payer WHERE { ?flow a ex:Flow %s } ORDER BY ?flow ?payer"
    expected = run_query(dataset, query % optional)
    assert run_query(dataset, query % nested) == expected
    assert len(expected[1]) == 6  # flow4 twice over its two funders, hdir's two names
