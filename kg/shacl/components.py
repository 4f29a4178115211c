"""SHACL Core constraint components: one checker each, with the message it reports.

A *value* checker looks at one value node and says whether it passes; a *set* checker
looks at all value nodes of a focus node at once (counts, languages, property pairs)
and returns the failing values (``None`` for a failure that is about the set).
``COMPONENTS`` maps each SHACL parameter to its component; ``shapes`` refuses any other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Protocol

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.shacl.model import Shape

Failure = tuple[Node | None, str]
"""A failing value node (None: the set as a whole) and the message to report."""


class Context(Protocol):
    """What a checker may ask: the focus node's values and whether a node fits a shape."""

    def objects(self, subject: Node, predicate: Node) -> Sequence[Node]: ...

    def is_instance(self, node: Node, cls: Node) -> bool: ...

    def conforms(self, node: Node, shape: Shape) -> bool: ...


ValueCheck = Callable[[Context, Node, Any], bool]
SetCheck = Callable[[Context, Node, Sequence[Node], Any], list[Failure]]


@dataclass(frozen=True)
class Component:
    name: str  # the local name of sh:...ConstraintComponent
    check_value: ValueCheck | None = None
    check_set: SetCheck | None = None
    message: Callable[[Node | None, Any], str] = lambda value, parameter: "does not conform"


# ----------------------------------------------------------------- value type


def _is_class(context: Context, value: Node, cls: Node) -> bool:
    return not isinstance(value, Literal) and context.is_instance(value, cls)


def _has_datatype(context: Context, value: Node, datatype: Node) -> bool:
    if not isinstance(value, Literal):
        return False
    if datatype == RDF.langString:
        return value.language is not None
    actual = value.datatype or (None if value.language else XSD.string)
    return actual == datatype and not value.ill_typed


NODE_KINDS: dict[Node, tuple[type, ...]] = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def _has_node_kind(context: Context, value: Node, kind: Node) -> bool:
    return isinstance(value, NODE_KINDS[kind])


# ----------------------------------------------------------------- ranges and strings


def _comparable(value: Node) -> Any:
    if not isinstance(value, Literal) or value.ill_typed:
        return None
    python = value.toPython()
    if isinstance(python, bool):
        return None
    if isinstance(python, int | float | Decimal):
        return Decimal(str(python)) if not isinstance(python, Decimal) else python
    return python if not isinstance(python, Literal) else None


def _compare(test: Callable[[Any, Any], bool]) -> ValueCheck:
    def check(context: Context, value: Node, bound: Any) -> bool:
        left, right = _comparable(value), _comparable(bound)
        if left is None or right is None:
            return False
        try:
            return test(left, right)
        except TypeError:
            return False

    return check


@lru_cache(maxsize=64)
def _regex(pattern: str, flags: str) -> re.Pattern[str]:
    value = 0
    for flag, bit in (("i", re.IGNORECASE), ("m", re.MULTILINE), ("s", re.DOTALL)):
        value |= bit if flag in flags else 0
    if "x" in flags:
        value |= re.VERBOSE
    return re.compile(pattern, value)


def _matches(context: Context, value: Node, parameter: tuple[Node, Node | None]) -> bool:
    pattern, flags = parameter
    if isinstance(value, BNode):
        return False
    return _regex(str(pattern), str(flags or "")).search(str(value)) is not None


def _length(test: Callable[[int, int], bool]) -> ValueCheck:
    def check(context: Context, value: Node, bound: Any) -> bool:
        return not isinstance(value, BNode) and test(len(str(value)), int(bound))

    return check


def _in_languages(context: Context, value: Node, ranges: tuple[Node, ...]) -> bool:
    if not isinstance(value, Literal) or not value.language:
        return False
    language = value.language.lower()
    return any(
        language == str(r).lower() or language.startswith(str(r).lower() + "-") or str(r) == "*"
        for r in ranges
    )


def _unique_languages(
    context: Context, focus: Node, values: Sequence[Node], unique: Any
) -> list[Failure]:
    if unique != Literal(True):
        return []
    counts = Counter(v.language.lower() for v in values if isinstance(v, Literal) and v.language)
    return [
        (None, f"more than one value in language {lang!r}") for lang, n in counts.items() if n > 1
    ]


# ----------------------------------------------------------------- cardinality


def _min_count(context: Context, focus: Node, values: Sequence[Node], bound: Any) -> list[Failure]:
    n = int(bound)
    return [] if len(values) >= n else [(None, f"fewer than {n} values (found {len(values)})")]


def _max_count(context: Context, focus: Node, values: Sequence[Node], bound: Any) -> list[Failure]:
    n = int(bound)
    return [] if len(values) <= n else [(None, f"more than {n} values (found {len(values)})")]


def _has_value(context: Context, focus: Node, values: Sequence[Node], wanted: Any) -> list[Failure]:
    return [] if wanted in values else [(None, f"no value {wanted.n3()}")]


# ----------------------------------------------------------------- property pairs


def _pair(test: Callable[[Any, Any], bool], relation: str) -> SetCheck:
    def check(context: Context, focus: Node, values: Sequence[Node], other: Any) -> list[Failure]:
        others = context.objects(focus, other)
        failures: list[Failure] = []
        in_order = _compare(test)
        for value in values:
            for compared in others:
                if not in_order(context, value, compared):
                    failures.append((value, f"{value} is not {relation} {compared} ({other})"))
        return failures

    return check


def _equals(context: Context, focus: Node, values: Sequence[Node], other: Any) -> list[Failure]:
    mine, theirs = set(values), set(context.objects(focus, other))
    return [(v, f"{v} differs from the values of {other}") for v in sorted(mine ^ theirs, key=str)]


def _disjoint(context: Context, focus: Node, values: Sequence[Node], other: Any) -> list[Failure]:
    shared = set(values) & set(context.objects(focus, other))
    return [(v, f"{v} is also a value of {other}") for v in sorted(shared, key=str)]


# ----------------------------------------------------------------- shapes and logic


def _node(context: Context, value: Node, shape: Shape) -> bool:
    return context.conforms(value, shape)


def _not(context: Context, value: Node, shape: Shape) -> bool:
    return not context.conforms(value, shape)


def _and(context: Context, value: Node, shapes: tuple[Shape, ...]) -> bool:
    return all(context.conforms(value, shape) for shape in shapes)


def _or(context: Context, value: Node, shapes: tuple[Shape, ...]) -> bool:
    return any(context.conforms(value, shape) for shape in shapes)


def _xone(context: Context, value: Node, shapes: tuple[Shape, ...]) -> bool:
    return sum(context.conforms(value, shape) for shape in shapes) == 1


def _in(context: Context, value: Node, members: tuple[Node, ...]) -> bool:
    return value in members


def _qualified_min(
    context: Context, focus: Node, values: Sequence[Node], parameter: Any
) -> list[Failure]:
    shape, least = parameter
    n = sum(context.conforms(value, shape) for value in values)
    return [] if n >= int(least) else [(None, f"fewer than {least} values fit {shape.iri} ({n})")]


def _qualified_max(
    context: Context, focus: Node, values: Sequence[Node], parameter: Any
) -> list[Failure]:
    shape, most = parameter
    n = sum(context.conforms(value, shape) for value in values)
    return [] if n <= int(most) else [(None, f"more than {most} values fit {shape.iri} ({n})")]


def _listing(members: Any) -> str:
    return ", ".join(member.n3() if isinstance(member, Node) else str(member) for member in members)


def _value(value: Node | None) -> str:
    return value.n3() if isinstance(value, Node) else ""


COMPONENTS_BY_PARAMETER: dict[URIRef, Component] = {
    SH["class"]: Component(
        "ClassConstraintComponent",
        _is_class,
        message=lambda v, c: f"{_value(v)} is not an instance of {c}",
    ),
    SH.datatype: Component(
        "DatatypeConstraintComponent",
        _has_datatype,
        message=lambda v, d: f"{_value(v)} is not a well-formed literal of datatype {d}",
    ),
    SH.nodeKind: Component(
        "NodeKindConstraintComponent",
        _has_node_kind,
        message=lambda v, k: f"{_value(v)} is not of node kind {k}",
    ),
    SH.minInclusive: Component(
        "MinInclusiveConstraintComponent",
        _compare(lambda a, b: a >= b),
        message=lambda v, b: f"{_value(v)} is less than {b}",
    ),
    SH.maxInclusive: Component(
        "MaxInclusiveConstraintComponent",
        _compare(lambda a, b: a <= b),
        message=lambda v, b: f"{_value(v)} is greater than {b}",
    ),
    SH.minExclusive: Component(
        "MinExclusiveConstraintComponent",
        _compare(lambda a, b: a > b),
        message=lambda v, b: f"{_value(v)} is not greater than {b}",
    ),
    SH.maxExclusive: Component(
        "MaxExclusiveConstraintComponent",
        _compare(lambda a, b: a < b),
        message=lambda v, b: f"{_value(v)} is not less than {b}",
    ),
    SH.minLength: Component(
        "MinLengthConstraintComponent",
        _length(lambda n, bound: n >= bound),
        message=lambda v, b: f"{_value(v)} is shorter than {b} characters",
    ),
    SH.maxLength: Component(
        "MaxLengthConstraintComponent",
        _length(lambda n, bound: n <= bound),
        message=lambda v, b: f"{_value(v)} is longer than {b} characters",
    ),
    SH.pattern: Component(
        "PatternConstraintComponent",
        _matches,
        message=lambda v, p: f"{_value(v)} does not match {str(p[0])!r}",
    ),
    SH.languageIn: Component(
        "LanguageInConstraintComponent",
        _in_languages,
        message=lambda v, ranges: f"{_value(v)} is not in a language of {_listing(ranges)}",
    ),
    SH.uniqueLang: Component("UniqueLangConstraintComponent", check_set=_unique_languages),
    SH.minCount: Component("MinCountConstraintComponent", check_set=_min_count),
    SH.maxCount: Component("MaxCountConstraintComponent", check_set=_max_count),
    SH.hasValue: Component("HasValueConstraintComponent", check_set=_has_value),
    SH["in"]: Component(
        "InConstraintComponent",
        _in,
        message=lambda v, members: f"{_value(v)} is not one of {_listing(members)}",
    ),
    SH.equals: Component("EqualsConstraintComponent", check_set=_equals),
    SH.disjoint: Component("DisjointConstraintComponent", check_set=_disjoint),
    SH.lessThan: Component(
        "LessThanConstraintComponent", check_set=_pair(lambda a, b: a < b, "less than")
    ),
    SH.lessThanOrEquals: Component(
        "LessThanOrEqualsConstraintComponent",
        check_set=_pair(lambda a, b: a <= b, "at most"),
    ),
    SH.node: Component(
        "NodeConstraintComponent", _node, message=lambda v, s: f"{_value(v)} does not fit {s.iri}"
    ),
    SH["not"]: Component(
        "NotConstraintComponent", _not, message=lambda v, s: f"{_value(v)} fits {s.iri}"
    ),
    SH["and"]: Component(
        "AndConstraintComponent",
        _and,
        message=lambda v, s: f"{_value(v)} does not fit every shape of sh:and",
    ),
    SH["or"]: Component(
        "OrConstraintComponent",
        _or,
        message=lambda v, s: f"{_value(v)} fits none of the shapes of sh:or",
    ),
    SH.xone: Component(
        "XoneConstraintComponent",
        _xone,
        message=lambda v, s: f"{_value(v)} does not fit exactly one shape of sh:xone",
    ),
    SH.qualifiedMinCount: Component(
        "QualifiedMinCountConstraintComponent", check_set=_qualified_min
    ),
    SH.qualifiedMaxCount: Component(
        "QualifiedMaxCountConstraintComponent", check_set=_qualified_max
    ),
}
COMPONENTS = {parameter: component.name for parameter, component in COMPONENTS_BY_PARAMETER.items()}
SHAPE_PARAMETERS = frozenset({SH.node, SH["not"]})
SHAPE_LIST_PARAMETERS = frozenset({SH["and"], SH["or"], SH.xone})
LIST_PARAMETERS = frozenset({SH["in"], SH.languageIn})
BY_NAME = {component.name: component for component in COMPONENTS_BY_PARAMETER.values()}
