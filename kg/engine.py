"""The SPARQL engine every reader of a build uses: Oxigraph, embedded, over the build's
``graph.nq``.

``kg query``, the exports, the actor card, the evaluation and the analyses all ask their
questions here. Loading a build into Oxigraph takes a fraction of a second and answers
the canned queries in milliseconds, where plain rdflib takes seconds; rdflib stays the
library the builder and the tests use to make and compare graphs (``kg.graph``).
Results come back as rdflib terms, so callers need to know only one term model.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import BuildNotFound
from kg.graph.serialise import nquads
from kg.graph.store import NQUADS, statements

Row = tuple[Node | None, ...]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class Engine:
    """A read-only SPARQL engine over one build (the union of its named graphs)."""

    def __init__(self, store: ox.Store) -> None:
        self._store = store

    @classmethod
    def open(cls, out_dir: Path) -> Engine:
        """The build written by ``kg build`` into ``out_dir``."""
        path = out_dir / NQUADS
        if not path.is_file():
            raise BuildNotFound(
                f"no built graph in {out_dir} (no {NQUADS}): run `kg build --out {out_dir}` "
                "first, or point --out / $KG_OUTPUT at an existing build"
            )
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        return cls(store)

    @classmethod
    def of(cls, graph: Graph | Engine) -> Engine:
        """An engine for an rdflib graph or dataset made in memory (tests, notebooks)."""
        if isinstance(graph, Engine):
            return graph
        store = ox.Store()
        if isinstance(graph, Dataset):
            quads = list(statements(graph))
        else:
            quads = [(s, p, o, None) for s, p, o in graph]
        text = nquads(quads)
        store.bulk_load(input=text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        return cls(store)

    def __len__(self) -> int:
        return len(self._store)

    def select(self, sparql: str) -> tuple[list[str], list[Row]]:
        """A SELECT query: its variables and its solutions (``None`` where unbound)."""
        solutions = self._store.query(sparql, use_default_graph_as_union=True)
        if not isinstance(solutions, ox.QuerySolutions):
            raise TypeError("not a SELECT query")
        columns = [variable.value for variable in solutions.variables]
        rows = [tuple(_term(solution[name]) for name in columns) for solution in solutions]
        return columns, rows

    def ask(self, sparql: str) -> bool:
        answer = self._store.query(sparql, use_default_graph_as_union=True)
        if not isinstance(answer, ox.QueryBoolean):
            raise TypeError("not an ASK query")
        return bool(answer)

    def construct(self, sparql: str) -> list[tuple[Node, Node, Node]]:
        """A CONSTRUCT or DESCRIBE query: its triples, sorted."""
        triples = self._store.query(sparql, use_default_graph_as_union=True)
        if not isinstance(triples, ox.QueryTriples):
            raise TypeError("not a CONSTRUCT or DESCRIBE query")
        found = [(_term(t.subject), _term(t.predicate), _term(t.object)) for t in triples]
        return sorted(
            ((s, p, o) for s, p, o in found if s is not None and p is not None and o is not None),
            key=lambda triple: tuple(term.n3() for term in triple),
        )

    def quads(self) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, None)


def _term(term: object) -> Node | None:
    """An Oxigraph term as the rdflib term callers know."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)  # RDF 1.1: a simple literal is an xsd:string
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unexpected term {term!r}")


GraphSource = Graph | Engine
"""What readers of a build accept: an rdflib graph made in memory, or an Engine."""
