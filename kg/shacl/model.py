"""Shapes and results as plain records: what ``shapes`` reads and ``validate`` reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from rdflib import URIRef
from rdflib.term import Node


class Severity(Enum):
    """sh:severity; only violations make a graph fail."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True)
class Path:
    """A property path: a predicate, or an inverse, sequence or alternative of paths."""

    kind: str  # "predicate", "inverse", "sequence", "alternative"
    predicate: URIRef | None = None
    steps: tuple[Path, ...] = ()

    def __str__(self) -> str:
        if self.kind == "predicate":
            return str(self.predicate)
        if self.kind == "inverse":
            return f"^{self.steps[0]}"
        joiner = "/" if self.kind == "sequence" else "|"
        return "(" + joiner.join(str(step) for step in self.steps) + ")"


@dataclass(frozen=True)
class Constraint:
    """One constraint component with its parameter, e.g. ``minCount`` with ``1``.

    ``value`` holds the parameter as an RDF term, a tuple of terms (sh:in, sh:languageIn),
    a nested ``Shape`` (sh:node, sh:not, sh:qualifiedValueShape) or a tuple of shapes
    (sh:or, sh:and, sh:xone).
    """

    component: str
    value: object


@dataclass(frozen=True)
class Shape:
    """A node shape (``path`` is None) or a property shape."""

    iri: Node
    path: Path | None = None
    targets: tuple[tuple[str, Node], ...] = ()
    constraints: tuple[Constraint, ...] = ()
    properties: tuple[Shape, ...] = ()
    messages: tuple[str, ...] = ()
    severity: Severity = Severity.VIOLATION


@dataclass(frozen=True, order=True)
class Violation:
    """One result: the focus node, the path (empty for a node constraint), what failed."""

    focus: str
    path: str
    component: str
    message: str
    value: str = ""
    shape: str = field(default="", compare=False)
    severity: Severity = field(default=Severity.VIOLATION, compare=False)

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        return f"{where}: {self.message}"
