"""The SPARQL engine every reader of a build uses: Oxigraph, embedded, over the build's
``graph.nq``.

``kg query``, the exports, the actor card, the evaluation and the analyses all ask their
questions here. rdflib stays the library the builder and the tests use to make and
compare graphs (``kg.graph``); results come back as rdflib terms, so callers need to know
only one term model.

A build is held in one of two stores (``Engine.open(out_dir, store=...)``):

``memory``
    graph.nq bulk-loaded into an in-memory store: ~0.3 s and ~1.7 bytes of memory per
    byte of N-Quads on the corpus, then the fastest answers (full-table queries in tens
    of milliseconds).
``disk``
    a persistent RocksDB store made once per graph.nq content (``kg.store_cache``): opens
    in tens of milliseconds whatever the size, but answers full-table queries several
    times slower.
``auto``
    (the default) the disk store for one-shot commands that ask a query or two and exit
    (``kg query``, ``kg export``, ``kg actor``): they gain the load time and lose
    little; memory for long-lived, query-heavy readers (``kg serve``, ``kg analyse``,
    ``kg view``, ``kg evaluate``, notebooks) while graph.nq is at most
    ``MEMORY_LIMIT_BYTES``, the disk store above it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal as Choice

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import BuildNotFound
from kg.graph.serialise import nquads
from kg.graph.store import NQUADS, statements
from kg.settings import cache_dir, store_mode
from kg.store_cache import StoreCacheError, disk_store, unreadable_graph

Row = tuple[Node | None, ...]
StoreKind = Choice["memory", "disk"]
MEMORY_LIMIT_BYTES = 256 * 2**20
"""Largest graph.nq that ``auto`` loads into memory for a long-lived reader (~440 MiB of
memory and ~4 s to load at the corpus's rates); larger builds use the disk store."""

LOG = logging.getLogger(__name__)


class Engine:
    """A read-only SPARQL engine over one build (the union of its named graphs)."""

    def __init__(self, store: ox.Store, kind: StoreKind = "memory") -> None:
        self._store = store
        self.kind: StoreKind = kind

    @classmethod
    def open(cls, out_dir: Path, store: str | None = None, *, one_shot: bool = False) -> Engine:
        """The build written by ``kg build`` into ``out_dir``.

        ``store`` is ``memory``, ``disk`` or ``auto`` (default: ``$KG_STORE``, else
        ``auto``); ``one_shot`` says the caller asks a query or two and exits, which
        makes ``auto`` choose the disk store (see the module's docstring)."""
        graph = out_dir / NQUADS
        if not graph.is_file():
            raise BuildNotFound(
                f"no built graph in {out_dir} (no {NQUADS}): run `kg build --out {out_dir}` "
                "first, or point --out / $KG_OUTPUT at an existing build"
            )
        mode = store_mode(store)
        kind = choose_store(mode, graph.stat().st_size, one_shot=one_shot)
        if kind == "memory":
            return cls(memory_store(graph), "memory")
        try:
            return cls(disk_store(graph, cache_dir(None)), "disk")
        except StoreCacheError as error:
            if mode == "disk":
                raise
            LOG.warning("kg: %s; reading %s into memory instead", error, graph)
            return cls(memory_store(graph), "memory")

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
        convert = TermCache().__getitem__
        rows = [tuple(map(convert, solution)) for solution in solutions]
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
        convert = TermCache()
        found = [(convert(t.subject), convert(t.predicate), convert(t.object)) for t in triples]
        return sorted(
            ((s, p, o) for s, p, o in found if s is not None and p is not None and o is not None),
            key=lambda triple: tuple(term.n3() for term in triple),
        )

    def quads(self) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, None)


def choose_store(mode: str, graph_bytes: int, *, one_shot: bool) -> StoreKind:
    """The store ``auto`` picks (see the module's docstring); other modes as they are."""
    if mode == "memory":
        return "memory"
    if mode == "disk" or one_shot or graph_bytes > MEMORY_LIMIT_BYTES:
        return "disk"
    return "memory"


def memory_store(graph: Path) -> ox.Store:
    """graph.nq bulk-loaded into a fresh in-memory store."""
    store = ox.Store()
    try:
        store.bulk_load(path=str(graph), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as error:
        raise unreadable_graph(graph, error) from None
    return store


# --------------------------------------------------------------------------- terms
# rdflib's Literal(...) parses, checks and normalises its lexical form on every call,
# which costs more than Oxigraph takes to answer a full-table query. Oxigraph hands out
# valid, canonical terms only, so the common datatypes are built here directly into
# exactly the object rdflib would make (lexical form, datatype, language, Python value,
# well-formedness); other datatypes and any lexical form that is not canonical go through
# rdflib. tests/test_engine.py holds the two ways side by side.

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"


def _uri(iri: str) -> URIRef:
    """A URIRef without rdflib's IRI check: Oxigraph only holds valid IRIs."""
    return str.__new__(URIRef, iri)


_INTEGER, _BOOLEAN, _DECIMAL = (_uri(XSD + name) for name in ("integer", "boolean", "decimal"))


def _literal(lexical: str, value: object, datatype: URIRef | None, lang: str | None) -> Literal:
    """The Literal rdflib's constructor returns for a canonical lexical form: the four
    slots ``Literal.__new__`` fills, without parsing the form again."""
    term = str.__new__(Literal, lexical)
    term._language = lang
    term._datatype = datatype
    term._value = value
    term._ill_typed = None if datatype is None else False
    return term


def _string(lexical: str) -> Literal:
    """RDF 1.1: a simple literal is an xsd:string; rdflib keeps it without a datatype."""
    return _literal(lexical, lexical, None, None)


def _integer(lexical: str) -> Literal | None:
    try:
        value = int(lexical)
    except ValueError:
        return None
    return _literal(lexical, value, _INTEGER, None) if str(value) == lexical else None


def _boolean(lexical: str) -> Literal | None:
    if lexical not in ("true", "false"):
        return None
    return _literal(lexical, lexical == "true", _BOOLEAN, None)


def _decimal(lexical: str) -> Literal | None:
    try:
        value = Decimal(lexical)
    except InvalidOperation:
        return None
    canonical = value.is_finite() and f"{value:f}" == lexical
    return _literal(lexical, value, _DECIMAL, None) if canonical else None


FAST_LITERALS: dict[str, Callable[[str], Literal | None]] = {
    XSD_STRING: _string,
    XSD + "integer": _integer,
    XSD + "boolean": _boolean,
    XSD + "decimal": _decimal,
}


def rdflib_term(term: object) -> Node:
    """An Oxigraph term as the rdflib term callers know."""
    if isinstance(term, ox.NamedNode):
        return _uri(term.value)
    if isinstance(term, ox.Literal):
        return rdflib_literal(term)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unexpected term {term!r}")


def rdflib_literal(term: ox.Literal) -> Literal:
    """An Oxigraph literal as rdflib's ``Literal(value, lang=...)`` or
    ``Literal(value, datatype=...)`` would make it."""
    lexical, language = term.value, term.language
    if language:
        return _literal(lexical, lexical, None, language)
    datatype = term.datatype.value
    fast = FAST_LITERALS.get(datatype)
    made = fast(lexical) if fast is not None else None
    return made if made is not None else Literal(lexical, datatype=URIRef(datatype))


class TermCache(dict[object, Node | None]):
    """Converts the terms of one result set, each distinct term once: a full-table answer
    repeats the same documents, measures, actors and numbers many times. A dict whose
    misses convert, so that rows are looked up with ``map(cache.__getitem__, row)``
    without a Python call per cell."""

    def __init__(self) -> None:
        super().__init__({None: None})  # an unbound variable stays None

    def __missing__(self, term: object) -> Node:
        node = self[term] = rdflib_term(term)
        return node

    def __call__(self, term: object) -> Node | None:
        return self[term]


GraphSource = Graph | Engine
"""What readers of a build accept: an rdflib graph made in memory, or an Engine."""
