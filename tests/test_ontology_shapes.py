"""ontology/shapes.ttl: a shape per own class; examples and the built graph validate as expected."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, SH

from kg.graph.namespace import HKG, PREFIXES, SCHEMA

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
VALID = sorted((ONTOLOGY_DIR / "examples" / "valid").glob("*.ttl"))
INVALID = sorted((ONTOLOGY_DIR / "examples" / "invalid").glob("*.ttl"))
EXPECT_PATH = re.compile(r"^# expect-path: ([\w-]+):(\w+)$", re.MULTILINE)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl")


def violated_paths(data: Graph, shapes: Graph) -> tuple[bool, set[URIRef]]:
    conforms, report, _ = validate(data, shacl_graph=shapes)
    return bool(conforms), {p for p in report.objects(None, SH.resultPath) if isinstance(p, URIRef)}


def test_ontology_shapes_cover_every_own_class(shapes: Graph) -> None:
    ontology = Graph().parse(ONTOLOGY_DIR / "helsekg.ttl")
    own_classes = {
        c
        for c in ontology.subjects(RDF.type, OWL.Class)
        if isinstance(c, URIRef) and c.startswith(str(HKG))
    }
    targeted = set(shapes.objects(None, SH.targetClass))
    assert own_classes and own_classes - targeted == set()


def test_ontology_shapes_have_examples_both_ways() -> None:
    assert VALID and INVALID


@pytest.mark.parametrize("example", VALID, ids=lambda path: path.stem)
def test_ontology_shapes_valid_example_conforms(example: Path, shapes: Graph) -> None:
    assert violated_paths(Graph().parse(example), shapes) == (True, set())


@pytest.mark.parametrize("example", INVALID, ids=lambda path: path.stem)
def test_ontology_shapes_invalid_example_fails_on_its_path(example: Path, shapes: Graph) -> None:
    found = EXPECT_PATH.search(example.read_text(encoding="utf-8"))
    assert found, f"{example.name} lacks '# expect-path: prefix:name'"
    expected = URIRef(PREFIXES[found.group(1)] + found.group(2))
    assert violated_paths(Graph().parse(example), shapes) == (False, {expected})


def test_ontology_shapes_built_graph_conforms(graph_dataset: Dataset, shapes: Graph) -> None:
    union = Graph()
    for s, p, o, _ in graph_dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert violated_paths(union, shapes) == (True, set())


@pytest.mark.parametrize("engine", ["native", "pyshacl"])
def test_ontology_shapes_corpus_graph_conforms(corpus_graph_dir: Path, engine: str) -> None:
    """The graph of the whole corpus conforms to every shape, by either validator."""
    from kg.validate import validate_build

    violations = validate_build(corpus_graph_dir, engine=engine)
    assert not violations, "\n".join(map(str, violations[:20]))


def test_ontology_shapes_report_each_violation(tmp_path: Path, graph_dataset: Dataset) -> None:
    from kg.graph.store import write_graph
    from kg.validate import validate_build

    broken = Dataset()
    for s, p, o, g in graph_dataset.quads((None, None, None, None)):
        if p != SCHEMA.value:  # every amount and flow loses its value
            broken.add((s, p, o, g))
    write_graph(broken, tmp_path)
    violations = validate_build(tmp_path)
    assert violations
    assert all(str(SCHEMA.value) in v.path for v in violations)


def _node_shape_of(shapes: Graph) -> dict[URIRef, URIRef]:
    """Each shape's IRI or blank node -> the node shape it belongs to."""
    owner: dict[URIRef, URIRef] = {}
    for node_shape in shapes.subjects(SH.targetClass, None):
        owner[node_shape] = node_shape
        for property_shape in shapes.objects(node_shape, SH.property):
            owner[property_shape] = node_shape
    return owner


def test_ontology_shapes_each_has_an_invalid_example_that_breaks_it(shapes: Graph) -> None:
    """Every node shape is shown failing by at least one example under examples/invalid/."""
    owner = _node_shape_of(shapes)
    broken = set()
    for example in INVALID:
        _, report, _ = validate(Graph().parse(example), shacl_graph=shapes)
        broken |= {owner.get(s, s) for s in report.objects(None, SH.sourceShape)}
    assert set(shapes.subjects(SH.targetClass, None)) - broken == set()


def test_ontology_shapes_each_target_class_has_a_valid_example(shapes: Graph) -> None:
    """Every class a shape targets has an instance in an example that conforms."""
    shown = set()
    for example in VALID:
        shown |= set(Graph().parse(example).objects(None, RDF.type))
    assert set(shapes.objects(None, SH.targetClass)) - shown == set()
