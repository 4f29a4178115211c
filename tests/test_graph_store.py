"""kg.graph.store: graph.ttl/.trig/.nq written atomically and byte-identically, read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import to_isomorphic

from kg.errors import BuildNotFound
from kg.graph.build import build_dataset
from kg.graph.store import NQUADS, TRIG, TURTLE, load_graph, statements, write_graph
from kg.records import DocumentExtraction

VERSION = "0.1.0-test"
FILES = (NQUADS, TRIG, TURTLE)


def quad_set(dataset: Dataset) -> set[tuple[object, ...]]:
    return set(statements(dataset))


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in statements(dataset):
        graph.add((s, p, o))
    return graph


def test_graph_store_writes_three_files(graph_dataset: Dataset, tmp_path: Path) -> None:
    paths = write_graph(graph_dataset, tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted(FILES)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(FILES)  # no temp files


def test_graph_store_two_builds_are_byte_identical(
    graph_extractions: tuple[DocumentExtraction, ...], tmp_path: Path
) -> None:
    first = build_dataset(graph_extractions, software_version=VERSION)
    again = build_dataset(tuple(reversed(graph_extractions)), software_version=VERSION)
    write_graph(first, tmp_path / "a")
    write_graph(again, tmp_path / "b")
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_graph_store_overwrites_a_previous_build(graph_dataset: Dataset, tmp_path: Path) -> None:
    (tmp_path / TURTLE).write_text("stale", encoding="utf-8")
    write_graph(graph_dataset, tmp_path)
    assert (tmp_path / TURTLE).read_text(encoding="utf-8").startswith("@prefix")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG parser
def test_graph_store_rdflib_reads_trig_back_isomorphic(
    graph_dataset: Dataset, tmp_path: Path
) -> None:
    write_graph(graph_dataset, tmp_path)
    parsed = Dataset()
    parsed.parse(tmp_path / TRIG, format="trig")
    assert quad_set(parsed) == quad_set(graph_dataset)


def test_graph_store_rdflib_reads_turtle_back_isomorphic(
    graph_dataset: Dataset, tmp_path: Path
) -> None:
    write_graph(graph_dataset, tmp_path)
    parsed = Graph().parse(tmp_path / TURTLE, format="turtle")
    assert to_isomorphic(parsed) == to_isomorphic(union(graph_dataset))


def test_graph_store_load_graph_gives_the_same_quads(
    graph_dataset: Dataset, tmp_path: Path
) -> None:
    write_graph(graph_dataset, tmp_path)
    assert quad_set(load_graph(tmp_path)) == quad_set(graph_dataset)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG parser
def test_graph_store_load_graph_falls_back_to_trig(graph_dataset: Dataset, tmp_path: Path) -> None:
    write_graph(graph_dataset, tmp_path)
    (tmp_path / NQUADS).unlink()
    assert quad_set(load_graph(tmp_path)) == quad_set(graph_dataset)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's Dataset internals
def test_graph_store_load_graph_default_graph_is_the_union(
    graph_dataset: Dataset, tmp_path: Path
) -> None:
    write_graph(graph_dataset, tmp_path)
    loaded = load_graph(tmp_path)
    (row,) = loaded.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(row[0]) == len(union(graph_dataset))  # type: ignore[index, arg-type]


def test_graph_store_load_graph_without_a_build(tmp_path: Path) -> None:
    with pytest.raises(BuildNotFound, match="no built graph in"):
        load_graph(tmp_path)
