"""Validating data against shapes: every shape over its focus nodes, every constraint."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib.term import Node

from kg.shacl.components import BY_NAME, Component
from kg.shacl.data import DataGraph
from kg.shacl.model import Shape, Violation


def validate(
    triples: Iterable[tuple[Node, Node, Node]], shapes: Sequence[Shape]
) -> list[Violation]:
    """Every result of validating ``triples`` against ``shapes``, sorted (empty: conforms).

    Results of every severity are returned; ``Violation.severity`` tells them apart.
    """
    checker = _Checker(DataGraph(triples))
    found: set[Violation] = set()
    for shape in shapes:
        for focus in checker.focus_nodes(shape):
            found.update(checker.check(focus, shape))
    return sorted(found)


class _Checker:
    def __init__(self, data: DataGraph) -> None:
        self.data = data
        self._conforms: dict[tuple[Node, int], bool] = {}

    # the Context the components see
    def objects(self, subject: Node, predicate: Node) -> Sequence[Node]:
        return self.data.objects(subject, predicate)

    def is_instance(self, node: Node, cls: Node) -> bool:
        return self.data.is_instance(node, cls)

    def conforms(self, node: Node, shape: Shape) -> bool:
        key = (node, id(shape))
        if key not in self._conforms:
            self._conforms[key] = not self.check(node, shape)
        return self._conforms[key]

    def focus_nodes(self, shape: Shape) -> list[Node]:
        found: dict[Node, None] = {}
        for kind, value in shape.targets:
            if kind == "class":
                found.update(dict.fromkeys(self.data.instances(value)))
            elif kind == "node":
                found[value] = None
            elif kind == "subjectsOf":
                found.update(dict.fromkeys(self.data.subjects_with(value)))
            else:
                found.update(dict.fromkeys(self.data.objects_of(value)))
        return list(found)

    def check(self, focus: Node, shape: Shape) -> list[Violation]:
        """The results for one focus node against one shape and the shapes it contains."""
        if shape.path is None:
            values: Sequence[Node] = (focus,)
        else:
            values = self.data.values(focus, shape.path)
        results = []
        for constraint in shape.constraints:
            component = BY_NAME[constraint.component]
            for value, detail in self._failures(component, focus, values, constraint.value):
                results.append(self._violation(shape, component, focus, value, detail))
        for property_shape in shape.properties:
            for value in values:
                results.extend(self.check(value, property_shape))
        return results

    def _failures(
        self, component: Component, focus: Node, values: Sequence[Node], parameter: object
    ) -> list[tuple[Node | None, str]]:
        if component.check_set is not None:
            return component.check_set(self, focus, values, parameter)
        assert component.check_value is not None
        return [
            (value, component.message(value, parameter))
            for value in values
            if not component.check_value(self, value, parameter)
        ]

    @staticmethod
    def _violation(
        shape: Shape, component: Component, focus: Node, value: Node | None, detail: str
    ) -> Violation:
        message = f"{shape.messages[0]} ({detail})" if shape.messages else detail
        return Violation(
            focus=str(focus),
            path="" if shape.path is None else str(shape.path),
            component=component.name,
            message=message,
            value="" if value is None else value.n3(),
            shape=str(shape.iri),
            severity=shape.severity,
        )
