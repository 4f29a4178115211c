"""The SPARQL endpoint as a user reaches it: through SPARQLWrapper, a client we did not write.

Everything runs on loopback, on a free port, and stops with the test.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.engine import Engine
from kg.graph.store import write_graph
from kg.serve import Endpoint, Limits, serve

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

DOCUMENTS = (
    "PREFIX hkg: <https://w3id.org/helsekg/ontology#> PREFIX schema: <https://schema.org/> "
    "SELECT ?name WHERE { ?d a hkg:SourceDocument ; schema:name ?name } ORDER BY ?name"
)


@pytest.fixture
def endpoint(graph_dataset: Dataset) -> Iterator[str]:
    server = serve(Engine.of(graph_dataset), "127.0.0.1", 0, Limits(seconds=5, rows=3))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/sparql"
    server.shutdown()
    server.server_close()


def _client(url: str, query: str, fmt: str, method: str = "GET") -> object:
    client = SPARQLWrapper.SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_serve_select_json(endpoint: str, method: str) -> None:
    result = _client(endpoint, DOCUMENTS, SPARQLWrapper.JSON, method).query().convert()
    names = [b["name"]["value"] for b in result["results"]["bindings"]]
    assert names == ["prop.txt", "tildelingsbrev.txt"]


def test_serve_select_xml_and_csv(endpoint: str) -> None:
    xml = _client(endpoint, DOCUMENTS, SPARQLWrapper.XML).query().convert()
    assert "tildelingsbrev.txt" in xml.toxml()
    text = _client(endpoint, DOCUMENTS, SPARQLWrapper.CSV).query().convert().decode()
    assert list(csv.reader(io.StringIO(text)))[1:] == [["prop.txt"], ["tildelingsbrev.txt"]]


def test_serve_construct_turtle_and_ask(endpoint: str) -> None:
    construct = (
        "PREFIX schema: <https://schema.org/> "
        "CONSTRUCT { ?d schema:name ?n } WHERE { ?d schema:name ?n FILTER(?n = 'prop.txt') }"
    )
    client = _client(endpoint, construct, SPARQLWrapper.TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) == 1
    ask = _client(endpoint, "ASK { ?s ?p 'prop.txt' }", SPARQLWrapper.JSON)
    assert ask.query().convert()["boolean"] is True


def test_serve_cuts_long_results(endpoint: str) -> None:
    response = _client(endpoint, "SELECT * WHERE { ?s ?p ?o }", SPARQLWrapper.JSON).query()
    assert response.info()["x-result-truncated"] == "true"
    assert len(response.convert()["results"]["bindings"]) == 3


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "LOAD <http://example.org/data.ttl>",
        "DELETE WHERE { ?s ?p ?o }",
    ],
)
def test_serve_refuses_updates(endpoint: str, update: str) -> None:
    client = SPARQLWrapper.SPARQLWrapper(endpoint)
    client.setMethod(SPARQLWrapper.POST)
    client.setQuery(update)
    with pytest.raises(Exception) as raised:
        client.query()
    assert "403" in str(raised.value) or "refused" in str(raised.value).lower()


def test_serve_refuses_service(endpoint: str) -> None:
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    with pytest.raises(Exception) as raised:
        _client(endpoint, query, SPARQLWrapper.JSON).query()
    assert "403" in str(raised.value) or "SERVICE" in str(raised.value)


def test_serve_bad_query_is_400(endpoint: str) -> None:
    request = urllib.request.Request(f"{endpoint}?query=SELECT+%3Fs+WHERE+%7B")
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request, timeout=10)
    assert raised.value.code == 400


class SlowEngine(Engine):
    """An engine whose every query takes a second: the time limit must answer first."""

    def select(self, sparql: str) -> tuple[list[str], list[tuple[object, ...]]]:  # type: ignore[override]
        time.sleep(1.0)
        return super().select(sparql)


def test_serve_times_out(graph_dataset: Dataset) -> None:
    slow_engine = SlowEngine(Engine.of(graph_dataset)._store)
    server: Endpoint = serve(slow_engine, "127.0.0.1", 0, Limits(0.2, 10))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    request = urllib.request.Request(
        f"http://{host}:{port}/sparql?query={urllib.request.quote(DOCUMENTS)}"
    )
    try:
        with pytest.raises(urllib.error.HTTPError) as raised:
            urllib.request.urlopen(request, timeout=30)
        assert raised.value.code == 503
    finally:
        server.shutdown()
        server.server_close()


def test_serve_command_binds_loopback(graph_dataset: Dataset, tmp_path: Path) -> None:
    write_graph(graph_dataset, tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--out", str(tmp_path), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = line.split(" on ")[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        result = _client(url, DOCUMENTS, SPARQLWrapper.JSON).query().convert()
        assert len(result["results"]["bindings"]) == 2
    finally:
        process.terminate()
        process.wait(timeout=10)
