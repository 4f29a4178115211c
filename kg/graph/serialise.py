"""A small deterministic writer for N-Quads, Turtle and TriG.

rdflib's Turtle/TriG serialisers take ~3 s for 100k triples and do not promise a
stable order; this writer sorts everything (graphs, subjects, predicates with
``rdf:type`` first, objects) so the same graph always gives the same bytes, and
writes 100k triples in well under a second. Blank nodes are refused: the builder
mints an IRI for every node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.graph.namespace import RDF, XSD

Statement = tuple[Node, Node, Node, URIRef | None]
"""subject, predicate, object, graph (``None`` for the default graph)."""

_STRING_ESCAPES = {
    **{code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)},
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
    ord("\b"): "\\b",
    ord("\f"): "\\f",
}
_IRI_ESCAPES = {code: f"\\u{code:04X}" for code in (*range(0x21), *map(ord, '<>"{}|^`\\'))}
_STRING_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\]')
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_XSD_STRING = XSD.string


def iri(value: str) -> str:
    if _IRI_UNSAFE.search(value):
        value = value.translate(_IRI_ESCAPES)
    return f"<{value}>"


def string(value: str) -> str:
    if _STRING_UNSAFE.search(value):
        value = value.translate(_STRING_ESCAPES)
    return f'"{value}"'


def nt_term(term: Node) -> str:
    """A term in N-Triples syntax."""
    if isinstance(term, URIRef):
        return iri(term)
    if isinstance(term, Literal):
        lexical = string(str(term))
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype is not None and term.datatype != _XSD_STRING:
            return f"{lexical}^^{iri(term.datatype)}"
        return lexical
    if isinstance(term, BNode):
        raise TypeError(f"blank node {term.n3()} in the graph: mint an IRI for it")
    raise TypeError(f"cannot write {term!r} as RDF")


def nquads(statements: Iterable[Statement]) -> str:
    """N-Quads, one sorted line per distinct quad."""
    cache: dict[Node, str] = {}

    def term(node: Node) -> str:
        found = cache.get(node)
        if found is None:
            found = cache[node] = nt_term(node)
        return found

    lines = {
        f"{term(s)} {term(p)} {term(o)}{'' if g is None else ' ' + term(g)} .\n"
        for s, p, o, g in statements
    }
    return "".join(sorted(lines))


class TurtleTerms:
    """Formats terms for Turtle/TriG, with prefixed names where the local part allows."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = dict(sorted(prefixes.items()))
        self._by_length = sorted(self.prefixes.items(), key=lambda item: -len(item[1]))
        self._cache: dict[Node, str] = {RDF.type: "a"}

    def header(self) -> str:
        return "".join(f"@prefix {p}: {iri(ns)} .\n" for p, ns in self.prefixes.items()) + "\n"

    def __call__(self, term: Node) -> str:
        found = self._cache.get(term)
        if found is None:
            found = self._cache[term] = self._format(term)
        return found

    def name(self, value: str) -> str:
        for prefix, namespace in self._by_length:
            if value.startswith(namespace) and _LOCAL_NAME.fullmatch(value[len(namespace) :]):
                return f"{prefix}:{value[len(namespace) :]}"
        return iri(value)

    def _format(self, term: Node) -> str:
        if isinstance(term, URIRef):
            return self.name(term)
        if isinstance(term, Literal) and not term.language and term.datatype is not None:
            lexical = str(term)
            if term.datatype == XSD.integer and _INTEGER.fullmatch(lexical):
                return lexical
            if term.datatype == XSD.boolean and lexical in ("true", "false"):
                return lexical
            if term.datatype != _XSD_STRING:
                return f"{string(lexical)}^^{self.name(term.datatype)}"
        return nt_term(term)


Triples = dict[Node, dict[str, set[str]]]
"""subject -> formatted predicate -> formatted objects."""


def _block(triples: Triples, terms: TurtleTerms, indent: str) -> str:
    """Subjects in IRI order (a node before the nodes minted under it), "a" first."""
    out: list[str] = []
    for subject in sorted(triples, key=str):
        predicates = triples[subject]
        ordered = sorted(predicates, key=lambda p: (p != "a", p))
        body = f" ;\n{indent}    ".join(f"{p} {', '.join(sorted(predicates[p]))}" for p in ordered)
        out.append(f"{indent}{terms(subject)} {body} .\n")
    return "\n".join(out)


class Grouped:
    """Statements grouped by graph and subject once, written as TriG and as Turtle."""

    def __init__(self, statements: Iterable[Statement], prefixes: Mapping[str, str]) -> None:
        self.terms = TurtleTerms(prefixes)
        self.graphs: dict[URIRef | None, Triples] = {}
        for s, p, o, g in statements:
            graph = self.graphs.get(g)
            if graph is None:
                graph = self.graphs[g] = {}
            graph.setdefault(s, {}).setdefault(self.terms(p), set()).add(self.terms(o))

    def turtle(self) -> str:
        """All triples, the graphs merged."""
        merged: Triples = {}
        for triples in self.graphs.values():
            for subject, predicates in triples.items():
                target = merged.get(subject)
                if target is None:
                    merged[subject] = {p: set(objects) for p, objects in predicates.items()}
                    continue
                for predicate, objects in predicates.items():
                    target.setdefault(predicate, set()).update(objects)
        return self.terms.header() + _block(merged, self.terms, "")

    def trig(self) -> str:
        """One block per named graph; the default graph first, unwrapped."""
        parts = [self.terms.header()]
        if None in self.graphs:
            parts.append(_block(self.graphs[None], self.terms, "") + "\n")
        for graph in sorted((g for g in self.graphs if g is not None), key=str):
            block = _block(self.graphs[graph], self.terms, "    ")
            parts.append(f"{self.terms(graph)} {{\n{block}}}\n\n")
        return "".join(parts).rstrip("\n") + "\n"


def turtle(statements: Iterable[Statement], prefixes: Mapping[str, str]) -> str:
    """Turtle of all the statements' triples (graphs merged), sorted."""
    return Grouped(statements, prefixes).turtle()


def trig(statements: Iterable[Statement], prefixes: Mapping[str, str]) -> str:
    """TriG with one block per named graph, sorted."""
    return Grouped(statements, prefixes).trig()
