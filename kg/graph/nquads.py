"""Reading back the N-Quads this package writes, faster than rdflib's general parser.

Each line is ``<s> <p> object <g> .`` as ``serialise.nquads`` writes it. Terms are
made once per distinct text (IRIs and many literals repeat). A line in any other
shape raises ``ValueError``; the caller may then fall back to rdflib's parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import Literal, URIRef

_LINE = re.compile(
    r"<([^>]*)> <([^>]*)> "
    r'(?:<([^>]*)>|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?)'
    r"(?: <([^>]*)>)? \."
)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}

Term = URIRef | Literal
ParsedQuad = tuple[URIRef, URIRef, Term, URIRef | None]


def _unescape_match(match: re.Match[str]) -> str:
    short, long, char = match.groups()
    if short or long:
        return chr(int(short or long, 16))
    return _SIMPLE[char]


def unescape(text: str) -> str:
    return _ESCAPE.sub(_unescape_match, text) if "\\" in text else text


def parse_nquads(text: str) -> Iterator[ParsedQuad]:
    iris: dict[str, URIRef] = {}
    literals: dict[tuple[str, str | None, str | None], Literal] = {}

    def node(value: str) -> URIRef:
        found = iris.get(value)
        if found is None:
            found = iris[value] = URIRef(unescape(value))
        return found

    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"line {number}: not an N-Quads line this writer makes")
        s, p, o_iri, lexical, lang, datatype, g = match.groups()
        obj: Term
        if o_iri is not None:
            obj = node(o_iri)
        else:
            key = (lexical, lang, datatype)
            literal = literals.get(key)
            if literal is None:
                dt = node(datatype) if datatype else None
                literal = literals[key] = Literal(unescape(lexical), lang=lang, datatype=dt)
            obj = literal
        yield node(s), node(p), obj, node(g) if g is not None else None
