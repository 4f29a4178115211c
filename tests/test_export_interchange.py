"""The graph in other tools' formats: RDF serialisations, GraphML/GEXF, FollowTheMoney."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.exports.interchange import export_followthemoney, export_graph, export_network
from kg.graph.store import write_graph


@pytest.fixture
def build_dir(graph_dataset: Dataset, tmp_path: Path) -> Path:
    write_graph(graph_dataset, tmp_path)
    return tmp_path


def _triples(dataset: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@pytest.mark.parametrize(("fmt", "parser"), [("nt", "nt"), ("turtle", "turtle")])
def test_export_graph_triples_round_trip(
    graph_dataset: Dataset, build_dir: Path, fmt: str, parser: str
) -> None:
    parsed = Graph().parse(data=export_graph(build_dir, fmt), format=parser)
    assert isomorphic(parsed, _triples(graph_dataset))


@pytest.mark.parametrize(
    ("fmt", "parser"), [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")]
)
def test_export_graph_named_graphs_round_trip(
    graph_dataset: Dataset, build_dir: Path, fmt: str, parser: str
) -> None:
    parsed = Dataset().parse(data=export_graph(build_dir, fmt), format=parser)
    assert len(set(parsed.graphs())) >= 3  # two documents and the shared graph
    assert isomorphic(_triples(parsed), _triples(graph_dataset))


def test_export_graph_is_deterministic(build_dir: Path) -> None:
    assert export_graph(build_dir, "jsonld") == export_graph(build_dir, "jsonld")


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_network_for_gephi(graph_dataset: Dataset, fmt: str, reader: object) -> None:
    text = export_network(graph_dataset, fmt)
    network = reader(io.BytesIO(text.encode("utf-8")))  # type: ignore[operator]
    labels = {data["label"] for _, data in network.nodes(data=True)}
    assert {"Helse- og omsorgsdepartementet", "Helsedirektoratet"} <= labels
    relations = {data.get("relation") for _, _, data in network.edges(data=True)}
    assert {"funds", "supervises"} <= relations
    assert text == export_network(graph_dataset, fmt)


def test_export_followthemoney_entities_are_valid(graph_dataset: Dataset) -> None:
    model = pytest.importorskip("followthemoney").model
    entities = [json.loads(line) for line in export_followthemoney(graph_dataset).splitlines()]
    proxies = [model.get_proxy(entity, cleaned=False) for entity in entities]
    by_schema = {p.schema.name for p in proxies}
    assert {"PublicBody", "Payment"} <= by_schema
    (payment,) = [p for p in proxies if p.schema.name == "Payment"]
    assert payment.get("amount") == ["50000000"]
    names = {p.id: p.get("name") for p in proxies if p.schema.name != "Payment"}
    assert names[payment.get("payer")[0]] == ["Helse- og omsorgsdepartementet"]
    assert names[payment.get("beneficiary")[0]] == ["Helsedirektoratet"]
