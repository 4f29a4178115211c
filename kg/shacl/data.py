"""The data to validate, indexed once: objects by subject and predicate, nodes by class.

Named graphs are merged: SHACL validates the union of the triples. Literals typed
xsd:string are stored as simple literals, which RDF 1.1 says they are, so a shape's
"NOK" equals the data's "NOK"^^xsd:string.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from kg.shacl.model import Path

XSD_STRING = str(XSD.string)


class DataGraph:
    """Triples indexed for the lookups validation needs.

    Subjects, predicates and classes are keyed by their text (``key``): rdflib terms
    hash in Python, plain strings in C, and indexing the corpus graph is then about
    three times faster.
    """

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        grouped: dict[str, dict[str, dict[Node, None]]] = {}
        for s, p, o in triples:
            if type(o) is Literal and o.datatype is not None and str.__eq__(o.datatype, XSD_STRING):
                o = Literal(str(o))
            subject = key(s)
            by_predicate = grouped.get(subject)
            if by_predicate is None:
                by_predicate = grouped[subject] = {}
            objects = by_predicate.get(str(p))
            if objects is None:
                by_predicate[str(p)] = {o: None}
            else:
                objects[o] = None
        out = {s: {p: list(objects) for p, objects in ps.items()} for s, ps in grouped.items()}
        self._out = out
        self._in: dict[str, dict[str, list[Node]]] | None = None
        rdf_type, sub_class_of = str(RDF.type), str(RDFS.subClassOf)
        self._types = {
            s: frozenset(map(key, ps[rdf_type])) for s, ps in out.items() if rdf_type in ps
        }
        self._superclasses = _closure(
            {s: {key(o) for o in ps[sub_class_of]} for s, ps in out.items() if sub_class_of in ps}
        )
        self._instances: dict[str, list[str]] = defaultdict(list)
        for subject in sorted(self._types):
            for cls in self._classes(subject):
                self._instances[cls].append(subject)

    def objects(self, subject: Node, predicate: Node) -> Sequence[Node]:
        return self._out.get(key(subject), {}).get(str(predicate), ())

    def subjects(self, predicate: Node, obj: Node) -> Sequence[Node]:
        return self._incoming().get(key(obj), {}).get(str(predicate), ())

    def values(self, focus: Node, path: Path) -> Sequence[Node]:
        """The value nodes of ``focus`` for ``path``, each once, in a stable order."""
        if path.kind == "predicate":
            return self._out.get(key(focus), {}).get(str(path.predicate), ())
        if path.kind == "inverse":
            step = path.steps[0]
            if step.kind != "predicate" or step.predicate is None:
                raise ValueError(f"inverse of a complex path is not supported: {path}")
            return self.subjects(step.predicate, focus)
        found: dict[Node, None] = {}
        if path.kind == "alternative":
            for step in path.steps:
                found.update(dict.fromkeys(self.values(focus, step)))
            return tuple(found)
        current: Sequence[Node] = (focus,)
        for step in path.steps:  # a sequence
            found = {}
            for node in current:
                found.update(dict.fromkeys(self.values(node, step)))
            current = tuple(found)
        return current

    def is_instance(self, node: Node, cls: Node) -> bool:
        """Whether ``node`` has rdf:type ``cls`` or a subclass of it (rdfs:subClassOf*)."""
        return key(cls) in self._classes(key(node))

    def instances(self, cls: Node) -> list[Node]:
        return [self._term(subject) for subject in self._instances.get(key(cls), ())]

    def subjects_with(self, predicate: Node) -> list[Node]:
        name = str(predicate)
        return [self._term(s) for s, ps in sorted(self._out.items()) if name in ps]

    def objects_of(self, predicate: Node) -> list[Node]:
        name = str(predicate)
        found = {o: None for ps in self._out.values() for o in ps.get(name, ())}
        return sorted(found, key=str)

    def _classes(self, subject: str) -> frozenset[str]:
        types = self._types.get(subject, frozenset())
        if not self._superclasses:
            return types
        closure = set(types)
        for cls in types:
            closure |= self._superclasses.get(cls, set())
        return frozenset(closure)

    def _term(self, subject: str) -> Node:
        """The term a subject key stands for (a blank node or an IRI)."""
        return BNode(subject[2:]) if subject.startswith("_:") else URIRef(subject)

    def _incoming(self) -> dict[str, dict[str, list[Node]]]:
        if self._in is None:
            incoming: dict[str, dict[str, list[Node]]] = {}
            for s, ps in self._out.items():
                subject = self._term(s)
                for p, objects in ps.items():
                    for o in objects:
                        incoming.setdefault(key(o), {}).setdefault(p, []).append(subject)
            self._in = incoming
        return self._in


def key(term: Node) -> str:
    """The text a node is indexed by: its IRI, ``_:`` and a blank node label, or N3."""
    if type(term) is URIRef:
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return term.n3()
    return str(term)


def _closure(direct: dict[str, set[str]]) -> dict[str, set[str]]:
    closure: dict[str, set[str]] = {}
    for cls in direct:
        seen: set[str] = set()
        todo = list(direct[cls])
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(direct.get(parent, ()))
        closure[cls] = seen
    return closure
