"""Collecting triples per named graph, and the literals the builder writes.

The builder appends plain tuples to a list (fast) and turns them into an rdflib
``Dataset`` once at the end. Literals that repeat (years, line numbers, labels) are
cached: rdflib spends more time making a literal than storing it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from rdflib import Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Graph
from rdflib.term import Node

from kg.graph.namespace import PREFIXES, XSD

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]
"""subject, predicate, object, named graph."""


class GraphWriter:
    """Appends triples of one named graph to a shared list of quads."""

    def __init__(self, graph: URIRef, quads: list[Quad]) -> None:
        self.graph = graph
        self._quads = quads

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal) -> None:
        self._quads.append((subject, predicate, obj, self.graph))

    def describe(
        self, subject: URIRef, statements: Iterable[tuple[URIRef, URIRef | Literal | None]]
    ) -> None:
        """Add (predicate, object) pairs about ``subject``; ``None`` objects are skipped."""
        for predicate, obj in statements:
            if obj is not None:
                self._quads.append((subject, predicate, obj, self.graph))


@lru_cache(maxsize=65536)
def integer(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


@lru_cache(maxsize=4)
def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD.boolean)


@lru_cache(maxsize=65536)
def text(value: str) -> Literal:
    """A plain string literal (names, quotes, codes)."""
    return Literal(value)


@lru_cache(maxsize=65536)
def tagged(value: str, lang: str) -> Literal:
    """A language-tagged literal: titles and labels in Norwegian ("nb") or English ("en")."""
    return Literal(value, lang=lang)


@lru_cache(maxsize=4096)
def typed(value: str, datatype: URIRef) -> Literal:
    """A literal of ``datatype`` (xsd:date for the date of a change)."""
    return Literal(value, datatype=datatype)


def optional_integer(value: int | None) -> Literal | None:
    return None if value is None else integer(value)


def to_dataset(quads: Sequence[Quad]) -> Dataset:
    """An rdflib Dataset holding ``quads``, its default graph the union of the named graphs."""
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    graphs: dict[URIRef, Graph] = {DATASET_DEFAULT_GRAPH_ID: dataset.default_graph}
    contexts: list[tuple[Node, Node, Node, Graph]] = []
    for s, p, o, g in quads:
        context = graphs.get(g)
        if context is None:
            context = graphs[g] = dataset.graph(g)
        contexts.append((s, p, o, context))
    dataset.store.addN(contexts)
    return dataset
