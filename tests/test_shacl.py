"""kg.shacl: each constraint component on small shapes and data written here."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.shacl import Severity, UnsupportedShape, Violation, load_shapes, validate

PREFIXES = """
@prefix ex: <http://example.org/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def results(shapes: str, data: str) -> list[Violation]:
    shape_graph = Graph().parse(data=PREFIXES + shapes, format="turtle")
    data_graph = Graph().parse(data=PREFIXES + data, format="turtle")
    return validate(list(data_graph), load_shapes(shape_graph))


def failed(shapes: str, data: str) -> set[tuple[str, str]]:
    """(focus local name, component) of each result."""
    return {(v.focus.rsplit("/", 1)[-1], v.component) for v in results(shapes, data)}


def property_shape(constraints: str, path: str = "ex:p") -> str:
    return (
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
        f"sh:property [ sh:path {path} ; {constraints} ] ."
    )


CASES = [
    # (constraints, data of ex:good, data of ex:bad, component)
    ("sh:minCount 1", "ex:p 1", "ex:q 1", "MinCountConstraintComponent"),
    ("sh:maxCount 1", "ex:p 1", "ex:p 1, 2", "MaxCountConstraintComponent"),
    ("sh:datatype xsd:integer", "ex:p 7", 'ex:p "7"', "DatatypeConstraintComponent"),
    (
        "sh:datatype xsd:integer",
        "ex:p 7",
        'ex:p "seven"^^xsd:integer',
        "DatatypeConstraintComponent",
    ),
    ("sh:datatype xsd:string", 'ex:p "a"', 'ex:p "a"@nb', "DatatypeConstraintComponent"),
    ("sh:datatype rdf:langString", 'ex:p "a"@nb', 'ex:p "a"', "DatatypeConstraintComponent"),
    ("sh:class ex:D", "ex:p ex:d", "ex:p ex:good", "ClassConstraintComponent"),
    ("sh:nodeKind sh:IRI", "ex:p ex:d", 'ex:p "d"', "NodeKindConstraintComponent"),
    ("sh:nodeKind sh:Literal", 'ex:p "d"', "ex:p ex:d", "NodeKindConstraintComponent"),
    ("sh:minInclusive 1", "ex:p 1", "ex:p 0", "MinInclusiveConstraintComponent"),
    ("sh:minInclusive 1", "ex:p 1", 'ex:p "one"', "MinInclusiveConstraintComponent"),
    ("sh:maxInclusive 9", "ex:p 9", "ex:p 10", "MaxInclusiveConstraintComponent"),
    ("sh:minExclusive 1", "ex:p 2", "ex:p 1", "MinExclusiveConstraintComponent"),
    ("sh:maxExclusive 9", "ex:p 8.5", "ex:p 9.0", "MaxExclusiveConstraintComponent"),
    ("sh:minLength 2", 'ex:p "ab"', 'ex:p "a"', "MinLengthConstraintComponent"),
    ("sh:maxLength 2", 'ex:p "ab"', 'ex:p "abc"', "MaxLengthConstraintComponent"),
    ('sh:pattern "^[0-9]{3}$"', 'ex:p "714"', 'ex:p "7145"', "PatternConstraintComponent"),
    (
        'sh:pattern "^kap" ; sh:flags "i"',
        'ex:p "KAP 714"',
        'ex:p "post"',
        "PatternConstraintComponent",
    ),
    (
        'sh:languageIn ( "nb" "en" )',
        'ex:p "x"@nb-NO',
        'ex:p "x"@sv',
        "LanguageInConstraintComponent",
    ),
    (
        "sh:uniqueLang true",
        'ex:p "x"@nb, "y"@en',
        'ex:p "x"@nb, "y"@NB',
        "UniqueLangConstraintComponent",
    ),
    ('sh:in ( "a" "b" )', 'ex:p "b"', 'ex:p "c"', "InConstraintComponent"),
    ('sh:in ( "a" "b" )', 'ex:p "b"^^xsd:string', 'ex:p "b"@en', "InConstraintComponent"),
    ('sh:hasValue "NOK"', 'ex:p "NOK"', 'ex:p "SEK"', "HasValueConstraintComponent"),
    (
        "sh:lessThanOrEquals ex:q",
        "ex:p 3 ; ex:q 3",
        "ex:p 4 ; ex:q 3",
        "LessThanOrEqualsConstraintComponent",
    ),
    ("sh:lessThan ex:q", "ex:p 2 ; ex:q 3", "ex:p 3 ; ex:q 3", "LessThanConstraintComponent"),
    ("sh:equals ex:q", "ex:p 3 ; ex:q 3", "ex:p 3 ; ex:q 4", "EqualsConstraintComponent"),
    ("sh:disjoint ex:q", "ex:p 3 ; ex:q 4", "ex:p 3 ; ex:q 3", "DisjointConstraintComponent"),
    (
        "sh:or ( [ sh:class ex:D ] [ sh:class ex:E ] )",
        "ex:p ex:e",
        "ex:p ex:good",
        "OrConstraintComponent",
    ),
    (
        "sh:and ( [ sh:class ex:D ] [ sh:nodeKind sh:IRI ] )",
        "ex:p ex:d",
        "ex:p ex:e",
        "AndConstraintComponent",
    ),
    (
        "sh:xone ( [ sh:class ex:D ] [ sh:class ex:E ] )",
        "ex:p ex:d",
        "ex:p ex:de",
        "XoneConstraintComponent",
    ),
    ("sh:not [ sh:class ex:E ]", "ex:p ex:d", "ex:p ex:e", "NotConstraintComponent"),
    (
        "sh:node [ sh:property [ sh:path ex:p ; sh:minCount 1 ] ]",
        "ex:p ex:d",
        "ex:p ex:e",
        "NodeConstraintComponent",
    ),
    (
        "sh:qualifiedValueShape [ sh:class ex:D ] ; sh:qualifiedMinCount 1",
        "ex:p ex:d, ex:e",
        "ex:p ex:e",
        "QualifiedMinCountConstraintComponent",
    ),
    (
        "sh:qualifiedValueShape [ sh:class ex:D ] ; sh:qualifiedMaxCount 1",
        "ex:p ex:d, ex:e",
        "ex:p ex:d, ex:de",
        "QualifiedMaxCountConstraintComponent",
    ),
]
NODES = """
ex:d a ex:D ; ex:p 1 .
ex:e a ex:E .
ex:de a ex:D, ex:E .
"""


@pytest.mark.parametrize(("constraints", "good", "bad", "component"), CASES)
def test_shacl_component_passes_good_and_fails_bad(
    constraints: str, good: str, bad: str, component: str
) -> None:
    data = f"ex:good a ex:C ; {good} .\nex:bad a ex:C ; {bad} .\n{NODES}"
    assert failed(property_shape(constraints), data) == {("bad", component)}


def test_shacl_node_level_constraint_checks_the_focus_node() -> None:
    shapes = "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:nodeKind sh:IRI ."
    data = "ex:good a ex:C .\n_:blank a ex:C ."
    found = results(shapes, data)
    assert [(v.path, v.component) for v in found] == [("", "NodeKindConstraintComponent")]


def test_shacl_class_target_includes_subclass_instances() -> None:
    data = "ex:Sub rdfs:subClassOf ex:C .\nex:bad a ex:Sub ."
    assert failed(property_shape("sh:minCount 1"), data) == {("bad", "MinCountConstraintComponent")}


@pytest.mark.parametrize(
    ("target", "focus"),
    [
        ("sh:targetNode ex:bad", "bad"),
        ("sh:targetSubjectsOf ex:q", "bad"),
        ("sh:targetObjectsOf ex:r", "bad"),
    ],
)
def test_shacl_other_targets_select_their_nodes(target: str, focus: str) -> None:
    shapes = f"ex:S a sh:NodeShape ; {target} ; sh:property [ sh:path ex:p ; sh:minCount 1 ] ."
    data = "ex:bad ex:q 1 .\nex:other ex:r ex:bad ."
    assert failed(shapes, data) == {(focus, "MinCountConstraintComponent")}


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("[ sh:inversePath ex:p ]", "ex:x ex:p ex:bad ."),
        ("( ex:p ex:q )", "ex:bad ex:p ex:x . ex:x ex:q 1 ."),
        ("[ sh:alternativePath ( ex:p ex:q ) ]", "ex:bad ex:q 1 ."),
    ],
)
def test_shacl_paths_reach_their_values(path: str, data: str) -> None:
    shapes = property_shape("sh:maxCount 0", path=path)
    assert failed(shapes, f"ex:bad a ex:C .\n{data}") == {("bad", "MaxCountConstraintComponent")}


def test_shacl_message_and_severity_come_from_the_shape() -> None:
    shapes = property_shape('sh:minCount 1 ; sh:message "needs a p" ; sh:severity sh:Warning')
    (found,) = results(shapes, "ex:bad a ex:C .")
    assert found.severity is Severity.WARNING
    assert found.message.startswith("needs a p")
    assert str(found) == f"http://example.org/bad http://example.org/p: {found.message}"


def test_shacl_deactivated_shape_reports_nothing() -> None:
    shapes = property_shape("sh:minCount 1 ; sh:deactivated true")
    assert results(shapes, "ex:bad a ex:C .") == []


def test_shacl_results_are_sorted_and_stable() -> None:
    data = "".join(f"ex:n{i} a ex:C .\n" for i in (3, 1, 2))
    first = results(property_shape("sh:minCount 1"), data)
    assert [v.focus for v in first] == sorted(v.focus for v in first)
    assert first == results(property_shape("sh:minCount 1"), data)


@pytest.mark.parametrize(
    ("constraints", "named"),
    [
        ("sh:minCount 1 ; sh:closed true", "sh:closed"),
        ('sh:sparql [ sh:select "SELECT $this WHERE {}" ]', "sh:sparql"),
        (
            "sh:qualifiedValueShape [ sh:class ex:D ] ; sh:qualifiedMinCount 1 ; "
            "sh:qualifiedValueShapesDisjoint true",
            "sh:qualifiedValueShapesDisjoint",
        ),
    ],
)
def test_shacl_unsupported_feature_is_refused_by_name(constraints: str, named: str) -> None:
    with pytest.raises(UnsupportedShape, match=named):
        load_shapes(Graph().parse(data=PREFIXES + property_shape(constraints), format="turtle"))


def test_shacl_unsupported_path_is_refused() -> None:
    shapes = property_shape("sh:minCount 1", path="[ sh:zeroOrMorePath ex:p ]")
    with pytest.raises(UnsupportedShape, match="property path"):
        load_shapes(Graph().parse(data=PREFIXES + shapes, format="turtle"))


def test_shacl_recursive_shape_is_refused() -> None:
    shapes = "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:S ."
    with pytest.raises(UnsupportedShape, match="itself"):
        load_shapes(Graph().parse(data=PREFIXES + shapes, format="turtle"))
