"""Reading a SHACL shapes graph into ``model.Shape`` records.

Every shape with a target (or typed sh:NodeShape) becomes a ``Shape``; its sh:property
values and the shapes it names in sh:node, sh:not, sh:and, sh:or, sh:xone and
sh:qualifiedValueShape are read the same way. A SHACL term this validator does not
implement raises ``UnsupportedShape`` naming the shape and the term, so a new shape can
never be skipped unnoticed: implement it in ``components`` or run pySHACL.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from kg.errors import KgError
from kg.shacl.components import (
    COMPONENTS,
    LIST_PARAMETERS,
    SHAPE_LIST_PARAMETERS,
    SHAPE_PARAMETERS,
)
from kg.shacl.model import Constraint, Path, Severity, Shape


class UnsupportedShape(KgError):
    """A shape uses a SHACL feature the built-in validator does not check."""


TARGETS = {
    SH.targetClass: "class",
    SH.targetNode: "node",
    SH.targetSubjectsOf: "subjectsOf",
    SH.targetObjectsOf: "objectsOf",
}
# Terms on a shape that are not constraints, or are read together with one.
DESCRIPTIVE = frozenset(
    {
        SH.path, SH.property, SH.message, SH.severity, SH.deactivated, SH.name,
        SH.description, SH.order, SH.group, SH.defaultValue, SH.flags,
        SH.qualifiedValueShape, SH.qualifiedValueShapesDisjoint,
        *TARGETS,
    }
)  # fmt: skip
SEVERITIES = {
    SH.Violation: Severity.VIOLATION,
    SH.Warning: Severity.WARNING,
    SH.Info: Severity.INFO,
}


def load_shapes(graph: Graph) -> tuple[Shape, ...]:
    """The shapes of ``graph`` that select focus nodes (node shapes with targets)."""
    reader = _Reader(graph)
    roots = set(graph.subjects(RDF.type, SH.NodeShape))
    roots |= {s for target in TARGETS for s in graph.subjects(target, None)}
    roots = {s for s in roots if (s, SH.path, None) not in graph}
    shapes = [reader.shape(root) for root in sorted(roots, key=str)]
    return tuple(shape for shape in shapes if shape.targets)


class _Reader:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.done: dict[Node, Shape] = {}
        self.reading: set[Node] = set()

    def shape(self, node: Node) -> Shape:
        if node in self.done:
            return self.done[node]
        if node in self.reading:
            raise UnsupportedShape(f"shape {_name(node)} refers to itself (recursive shapes)")
        self.reading.add(node)
        graph = self.graph
        self._refuse_unknown_terms(node)
        path_node = graph.value(node, SH.path)
        severity_node = graph.value(node, SH.severity)
        shape = Shape(
            iri=node,
            path=None if path_node is None else self.path(path_node, node),
            targets=self._targets(node),
            constraints=self._constraints(node),
            properties=tuple(
                self.shape(p) for p in sorted(graph.objects(node, SH.property), key=_key)
            ),
            messages=tuple(sorted(str(m) for m in graph.objects(node, SH.message))),
            severity=SEVERITIES.get(severity_node, Severity.VIOLATION)
            if isinstance(severity_node, URIRef)
            else Severity.VIOLATION,
        )
        if graph.value(node, SH.deactivated) == Literal(True):
            shape = Shape(iri=node, targets=shape.targets, path=shape.path)
        self.reading.discard(node)
        self.done[node] = shape
        return shape

    def _refuse_unknown_terms(self, node: Node) -> None:
        for predicate in sorted(set(self.graph.predicates(node, None)), key=str):
            if not str(predicate).startswith(str(SH)) or predicate in DESCRIPTIVE:
                continue
            if predicate not in COMPONENTS:
                raise UnsupportedShape(
                    f"shape {_name(node)} uses {_name(predicate)}, which the built-in "
                    "validator does not check: run `kg validate --engine pyshacl`"
                )
        if self.graph.value(node, SH.qualifiedValueShapesDisjoint) == Literal(True):
            raise UnsupportedShape(
                f"shape {_name(node)} uses sh:qualifiedValueShapesDisjoint, which the built-in "
                "validator does not check: run `kg validate --engine pyshacl`"
            )

    def _targets(self, node: Node) -> tuple[tuple[str, Node], ...]:
        targets = [
            (kind, value)
            for predicate, kind in TARGETS.items()
            for value in self.graph.objects(node, predicate)
        ]
        is_class = {RDFS.Class, OWL.Class} & set(self.graph.objects(node, RDF.type))
        if is_class and (node, RDF.type, SH.NodeShape) in self.graph:
            targets.append(("class", node))  # an implicit class target
        return tuple(sorted(targets, key=lambda t: (t[0], str(t[1]))))

    def _constraints(self, node: Node) -> tuple[Constraint, ...]:
        found = []
        for predicate, component in COMPONENTS.items():
            for value in sorted(self.graph.objects(node, predicate), key=_key):
                found.append(Constraint(component, self._parameter(node, predicate, value)))
        return tuple(found)

    def _parameter(self, node: Node, predicate: Node, value: Node) -> object:
        graph = self.graph
        if predicate in SHAPE_PARAMETERS:
            return self.shape(value)
        if predicate in SHAPE_LIST_PARAMETERS:
            return tuple(self.shape(member) for member in Collection(graph, value))
        if predicate in LIST_PARAMETERS:
            return tuple(Collection(graph, value))
        if predicate == SH.pattern:
            return (value, graph.value(node, SH.flags))
        if predicate in (SH.qualifiedMinCount, SH.qualifiedMaxCount):
            qualified = graph.value(node, SH.qualifiedValueShape)
            if qualified is None:
                raise UnsupportedShape(
                    f"shape {_name(node)} has {_name(predicate)} without sh:qualifiedValueShape"
                )
            return (self.shape(qualified), value)
        return value

    def path(self, node: Node, shape: Node) -> Path:
        graph = self.graph
        if isinstance(node, URIRef):
            return Path("predicate", predicate=node)
        inverse = graph.value(node, SH.inversePath)
        if inverse is not None:
            return Path("inverse", steps=(self.path(inverse, shape),))
        alternatives = graph.value(node, SH.alternativePath)
        if alternatives is not None:
            members = Collection(graph, alternatives)
            return Path("alternative", steps=tuple(self.path(m, shape) for m in members))
        if isinstance(node, BNode) and graph.value(node, RDF.first) is not None:
            members = Collection(graph, node)
            return Path("sequence", steps=tuple(self.path(m, shape) for m in members))
        raise UnsupportedShape(
            f"shape {_name(shape)} has a property path the built-in validator does not "
            "follow (only predicates, ^inverse, sequences and alternatives): "
            "run `kg validate --engine pyshacl`"
        )


def _key(term: Node) -> tuple[str, str]:
    return (type(term).__name__, str(term))


def _name(term: Node) -> str:
    text = str(term)
    return "sh:" + text[len(str(SH)) :] if text.startswith(str(SH)) else text
