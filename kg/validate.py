"""SHACL validation of a build against ``ontology/shapes.ttl`` (with pySHACL).

``kg validate`` (or ``kg build --validate``) checks every node of the graph against the
shapes and reports each violation on one line: the node, the property, the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.engine import Engine
from kg.errors import KgError

SHAPES = Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


def validate_build(out_dir: Path, shapes: Path = SHAPES) -> list[Violation]:
    """Every SHACL violation of the build in ``out_dir`` (an empty list: it conforms)."""
    try:
        from pyshacl import validate
    except ImportError as error:
        raise KgError(f"pySHACL is not installed ({error}); pip install pyshacl") from None
    engine = Engine.open(out_dir)
    data = Graph()
    for quad in engine.quads():
        data.add(_triple(quad))
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(shapes), inference="none")
    if conforms:
        return []
    assert isinstance(report, Graph)
    violations = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        violations.append(
            Violation(
                str(report.value(result, SH.focusNode)),
                str(report.value(result, SH.resultPath) or ""),
                str(report.value(result, SH.resultMessage) or "does not conform"),
            )
        )
    return sorted(violations, key=str)


def _triple(quad: object) -> tuple[URIRef, URIRef, URIRef | Literal]:
    from kg.engine import _term

    s, p, o = (_term(getattr(quad, name)) for name in ("subject", "predicate", "object"))
    assert isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef | Literal)
    return s, p, o
