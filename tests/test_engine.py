"""The engine: Oxigraph terms become exactly the rdflib terms rdflib itself would make,
and the store a reader gets follows --store, $KG_STORE and the auto policy."""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.engine import MEMORY_LIMIT_BYTES, Engine, TermCache, choose_store, rdflib_term
from kg.errors import InputError
from kg.settings import cache_dir, store_mode
from kg.store_cache import StoreCacheError

DATATYPE = "http://example.org/datatype/celsius"


def rdflib_way(term: ox.Literal) -> Literal:
    """What the engine made before the fast paths: rdflib's own constructor."""
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def same_literal(made: Literal, expected: Literal) -> None:
    """Equal as rdflib compares them, and equal in every slot rdflib keeps."""
    assert type(made) is type(expected)
    assert str(made) == str(expected)
    assert made == expected
    assert made.datatype == expected.datatype
    assert type(made.datatype) is type(expected.datatype)
    assert made.language == expected.language
    assert repr(made.value) == repr(expected.value)  # NaN is not equal to itself
    assert type(made.value) is type(expected.value)
    assert made.ill_typed == expected.ill_typed
    assert made.n3() == expected.n3()
    assert hash(made) == hash(expected)


@pytest.mark.parametrize(
    ("lexical", "datatype", "language"),
    [
        ("Tilskudd til kommunene", str(XSD.string), None),
        ("", str(XSD.string), None),
        ("Driftsutgifter", None, "nb"),
        ("Operating expenses", None, "en"),
        ("121941000", str(XSD.integer), None),
        ("-7", str(XSD.integer), None),
        ("0", str(XSD.integer), None),
        ("0121", str(XSD.integer), None),  # not canonical: rdflib normalises it
        ("+5", str(XSD.integer), None),
        ("1_000", str(XSD.integer), None),
        ("12x", str(XSD.integer), None),  # ill-typed
        ("true", str(XSD.boolean), None),
        ("false", str(XSD.boolean), None),
        ("1", str(XSD.boolean), None),
        ("12.50", str(XSD.decimal), None),
        ("-0.5", str(XSD.decimal), None),
        ("1e3", str(XSD.decimal), None),
        ("NaN", str(XSD.decimal), None),
        ("2018-01-01", str(XSD.date), None),
        ("2018", str(XSD.gYear), None),
        ("2.5E1", str(XSD.double), None),
        ("21.5", DATATYPE, None),
    ],
)
def test_engine_literal_is_the_literal_rdflib_makes(
    lexical: str, datatype: str | None, language: str | None
) -> None:
    term = (
        ox.Literal(lexical, language=language)
        if language
        else ox.Literal(lexical, datatype=ox.NamedNode(datatype or ""))
    )
    made = rdflib_term(term)
    assert isinstance(made, Literal)
    same_literal(made, rdflib_way(term))


@pytest.mark.filterwarnings("ignore:.*weird:UserWarning")
@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30).map(lambda n: (str(n), XSD.integer)),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(
            lambda d: (f"{d:f}", XSD.decimal)
        ),
        st.text().map(lambda s: (s, XSD.string)),
        st.booleans().map(lambda b: (str(b).lower(), XSD.boolean)),
        st.text(alphabet="0123456789.-+eE_ ", max_size=8).flatmap(
            lambda s: st.sampled_from([(s, XSD.integer), (s, XSD.decimal), (s, XSD.boolean)])
        ),
    )
)
def test_engine_literal_property_fast_path_equals_rdflib(case: tuple[str, URIRef]) -> None:
    lexical, datatype = case
    term = ox.Literal(lexical, datatype=ox.NamedNode(str(datatype)))
    made = rdflib_term(term)
    assert isinstance(made, Literal)
    same_literal(made, rdflib_way(term))


def test_engine_iris_and_blank_nodes() -> None:
    iri = rdflib_term(ox.NamedNode("https://w3id.org/helsekg/id/actor/helsedirektoratet"))
    assert type(iri) is URIRef
    assert iri == URIRef("https://w3id.org/helsekg/id/actor/helsedirektoratet")
    blank = rdflib_term(ox.BlankNode("b1"))
    assert blank == BNode("b1")
    with pytest.raises(TypeError):
        rdflib_term("not a term")


def test_engine_term_cache_converts_each_term_once() -> None:
    convert = TermCache()
    first = convert(ox.Literal("714", datatype=ox.NamedNode(str(XSD.integer))))
    again = convert(ox.Literal("714", datatype=ox.NamedNode(str(XSD.integer))))
    other = convert(ox.Literal("714"))
    assert first is again
    assert first == Literal(714)
    assert other == Literal("714")
    assert other is not first
    assert convert(None) is None


def test_engine_select_answers_in_rdflib_terms() -> None:
    graph = Graph()
    subject = URIRef("http://example.org/post/714-70")
    graph.add((subject, URIRef("http://example.org/amount"), Literal(121941000)))
    graph.add((subject, URIRef("http://example.org/title"), Literal("Tilskudd", lang="nb")))
    graph.add((subject, URIRef("http://example.org/earmarked"), Literal(True)))
    columns, rows = Engine.of(graph).select(
        "SELECT ?amount ?title ?earmarked ?missing WHERE { ?post <http://example.org/amount> "
        "?amount ; <http://example.org/title> ?title ; <http://example.org/earmarked> "
        "?earmarked OPTIONAL { ?post <http://example.org/none> ?missing } }"
    )
    assert columns == ["amount", "title", "earmarked", "missing"]
    ((amount, title, earmarked, missing),) = rows
    assert isinstance(amount, Literal) and amount.value == 121941000
    assert isinstance(title, Literal) and title.language == "nb"
    assert isinstance(earmarked, Literal) and earmarked.value is True
    assert missing is None


def test_engine_decimal_value_is_a_decimal() -> None:
    made = rdflib_term(ox.Literal("2.50", datatype=ox.NamedNode(str(XSD.decimal))))
    assert isinstance(made, Literal)
    assert made.value == Decimal("2.50")


# --------------------------------------------------------------------------- which store


@pytest.mark.parametrize(
    ("mode", "graph_bytes", "one_shot", "kind"),
    [
        ("memory", 10, True, "memory"),
        ("memory", MEMORY_LIMIT_BYTES * 4, False, "memory"),
        ("disk", 10, False, "disk"),
        ("auto", 10, True, "disk"),  # kg query, kg export, kg actor: fast start
        ("auto", 10, False, "memory"),  # kg serve, kg analyse, notebooks: fast answers
        ("auto", MEMORY_LIMIT_BYTES, False, "memory"),
        ("auto", MEMORY_LIMIT_BYTES + 1, False, "disk"),  # too large to hold in memory
    ],
)
def test_engine_choose_store(mode: str, graph_bytes: int, one_shot: bool, kind: str) -> None:
    assert choose_store(mode, graph_bytes, one_shot=one_shot) == kind


@pytest.mark.parametrize(
    ("explicit", "environment", "expected"),
    [
        (None, None, "auto"),
        (None, "disk", "disk"),
        (None, "", "auto"),
        ("memory", "disk", "memory"),  # the option wins over the environment
        ("DISK", None, "disk"),
    ],
)
def test_engine_store_mode_precedence(
    monkeypatch: pytest.MonkeyPatch, explicit: str | None, environment: str | None, expected: str
) -> None:
    if environment is None:
        monkeypatch.delenv("KG_STORE", raising=False)
    else:
        monkeypatch.setenv("KG_STORE", environment)
    assert store_mode(explicit) == expected


def test_engine_store_mode_unknown_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE", "ram")
    with pytest.raises(InputError, match="KG_STORE") as raised:
        store_mode(None)
    assert "\n" not in str(raised.value)


def test_engine_cache_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("KG_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache_dir(None) == tmp_path / "home" / ".cache" / "helsekg"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert cache_dir(None) == tmp_path / "home" / ".cache" / "helsekg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir(None) == tmp_path / "xdg" / "helsekg"
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "kg"))
    assert cache_dir(None) == tmp_path / "kg"
    assert cache_dir(tmp_path / "explicit") == tmp_path / "explicit"


def test_engine_tests_never_use_the_home_cache() -> None:
    assert Path.home() not in cache_dir(None).parents


@pytest.fixture
def tiny_build(tmp_path: Path) -> Path:
    """A build folder holding only a graph.nq of two quads written for the test."""
    out = tmp_path / "build"
    out.mkdir()
    (out / "graph.nq").write_text(
        '<http://example.org/a> <http://example.org/name> "Helsedirektoratet" '
        "<http://example.org/doc1> .\n"
        "<http://example.org/a> <http://example.org/kap> "
        '"714"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/doc2> .\n',
        encoding="utf-8",
    )
    return out


@pytest.mark.parametrize(
    ("store", "environment", "one_shot", "kind"),
    [
        ("memory", None, True, "memory"),
        ("disk", None, False, "disk"),
        (None, None, True, "disk"),
        (None, None, False, "memory"),
        (None, "disk", False, "disk"),
        ("memory", "disk", False, "memory"),
    ],
)
def test_engine_open_uses_the_store_asked_for(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    tiny_build: Path,
    store: str | None,
    environment: str | None,
    one_shot: bool,
    kind: str,
) -> None:
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    if environment:
        monkeypatch.setenv("KG_STORE", environment)
    engine = Engine.open(tiny_build, store, one_shot=one_shot)
    assert engine.kind == kind
    assert len(engine) == 2
    assert (tmp_path / "cache").exists() == (kind == "disk")
    _, rows = engine.select("SELECT ?kap WHERE { ?a <http://example.org/kap> ?kap }")
    assert rows == [(Literal(714),)]


def test_engine_open_unusable_cache_auto_falls_back_to_memory(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    tiny_build: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE", str(blocker))
    with caplog.at_level(logging.WARNING, logger="kg.engine"):
        engine = Engine.open(tiny_build, one_shot=True)
    assert engine.kind == "memory"
    assert len(engine) == 2
    (record,) = caplog.records
    assert "into memory instead" in record.getMessage()
    assert "\n" not in record.getMessage()


def test_engine_open_unusable_cache_disk_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tiny_build: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE", str(blocker))
    with pytest.raises(StoreCacheError, match="--store memory") as raised:
        Engine.open(tiny_build, "disk")
    assert "\n" not in str(raised.value)
