"""SHACL validation of a graph against ``ontology/shapes.ttl``.

Two engines report the same results (``tests/test_shacl_agreement.py``):

* ``native`` (the default, and what every ``kg build`` runs): ``kg.shacl``, the part of
  SHACL Core the shapes use, in well under a second on the corpus;
* ``pyshacl``: the full SHACL implementation, about ten seconds on the corpus; for
  shapes using features ``kg.shacl`` refuses, and as the reference.

Each violation is one line: the node, the property path, the message.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import KgError
from kg.graph.store import read_triples
from kg.ontology_files import ontology_file
from kg.shacl import Severity, Violation, load_shapes, validate
from kg.shacl.model import Shape

ENGINES = ("native", "pyshacl")
Triple = tuple[Node, Node, Node]


@lru_cache(maxsize=4)
def shapes_of(path: Path) -> tuple[Shape, ...]:
    """The shapes in the Turtle file ``path`` (read once per process)."""
    try:
        graph = Graph().parse(path, format="turtle")
    except Exception as error:  # rdflib raises several kinds for a broken file
        raise KgError(f"cannot read the shapes in {path}: {' '.join(str(error).split())}") from None
    return load_shapes(graph)


def default_shapes() -> Path:
    return ontology_file("shapes.ttl")


def validate_triples(triples: Iterable[Triple], shapes: Path | None = None) -> list[Violation]:
    """The violations of ``triples`` (the builder's statements, or a loaded graph)."""
    found = validate(triples, shapes_of(shapes or default_shapes()))
    return [v for v in found if v.severity is Severity.VIOLATION]


def validate_build(
    out_dir: Path, shapes: Path | None = None, engine: str = "native"
) -> list[Violation]:
    """Every SHACL violation of the build in ``out_dir`` (an empty list: it conforms)."""
    triples = read_triples(out_dir)
    if engine == "pyshacl":
        return validate_with_pyshacl(triples, shapes or default_shapes())
    if engine != "native":
        raise KgError(f"unknown validation engine {engine!r}: use one of {', '.join(ENGINES)}")
    return validate_triples(triples, shapes)


def validate_with_pyshacl(triples: Iterable[Triple], shapes: Path) -> list[Violation]:
    """The same with pySHACL (installed with the test extras)."""
    try:
        from pyshacl import validate as pyshacl_validate
    except ImportError as error:
        raise KgError(f"pySHACL is not installed ({error}): pip install pyshacl") from None
    data = Graph()
    for triple in triples:
        data.add(triple)
    conforms, report, _ = pyshacl_validate(
        data, shacl_graph=Graph().parse(shapes, format="turtle"), inference="none"
    )
    if conforms:
        return []
    assert isinstance(report, Graph)
    return sorted(
        Violation(
            focus=str(report.value(result, SH.focusNode)),
            path=str(report.value(result, SH.resultPath) or ""),
            component=_local(report.value(result, SH.sourceConstraintComponent)),
            message=str(report.value(result, SH.resultMessage) or "does not conform"),
            value=_n3(report.value(result, SH.value)),
        )
        for result in report.subjects(SH.resultSeverity, SH.Violation)
    )


def _local(term: Node | None) -> str:
    text = str(term or "")
    return text[len(str(SH)) :] if text.startswith(str(SH)) else text


def _n3(term: Node | None) -> str:
    return term.n3() if term is not None else ""
