"""kg.graph.ids: IRIs minted deterministically from stable inputs."""

from __future__ import annotations

import doctest
import hashlib

import pytest
from rdflib import URIRef

from kg.graph import ids

BASE = "https://w3id.org/helsekg/id/"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Helsedirektoratet", "helsedirektoratet"),
        ("Helse- og omsorgsdepartementet", "helse-og-omsorgsdepartementet"),
        ("Helse Sør-Øst RHF", "helse-sor-ost-rhf"),
        ("Pasient- og brukerombudet", "pasient-og-brukerombudet"),
        ("Senter for Ærlighet & Åpenhet", "senter-for-aerlighet-apenhet"),
        ("  Statens  legemiddelverk ", "statens-legemiddelverk"),
        ("Médecins Sans Frontières", "medecins-sans-frontieres"),
    ],
)
def test_ids_slug(name: str, expected: str) -> None:
    assert ids.slug(name) == expected


@pytest.mark.parametrize("name", ["", "  ", "—"])
def test_ids_slug_refuses_names_without_letters(name: str) -> None:
    with pytest.raises(ValueError, match="identifier"):
        ids.slug(name)


def test_ids_actor_from_canonical_name() -> None:
    assert ids.actor("Helsedirektoratet") == URIRef(BASE + "actor/helsedirektoratet")


def test_ids_document_from_content_not_file_name() -> None:
    sha = hashlib.sha256(b"Tildelingsbrev 2024\n").hexdigest()
    assert ids.document(sha) == URIRef(f"{BASE}document/{sha[:16]}")


@pytest.mark.parametrize("sha", ["abc", "F" * 64, "g" * 64])
def test_ids_document_refuses_what_is_not_a_sha256(sha: str) -> None:
    with pytest.raises(ValueError, match="sha256"):
        ids.document(sha)


@pytest.mark.parametrize(
    ("post", "printed", "expected"),
    [
        (1, "01", "01"),
        (1, "1", "01"),
        (21, "21/70", "21/70"),
        (21, "21 / 70", "21/70"),
        (70, "", "70"),
        (1, "1a", "1a"),
    ],
)
def test_ids_canonical_post_label(post: int, printed: str, expected: str) -> None:
    assert ids.canonical_post_label(post, printed) == expected


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        (ids.chapter(2024, 714), "budget/2024/kap/714"),
        (ids.post(2024, 714, "21/70"), "budget/2024/kap/714/post/21-70"),
        (ids.post(2018, 714, "01"), "budget/2018/kap/714/post/01"),
        (ids.budget_scheme(2022), "budget/2022"),
        (ids.software("0.1.0+local build"), "software/helsekg/0.1.0-local-build"),
        (ids.SHARED_GRAPH, "graph/shared"),
    ],
)
def test_ids_budget_concepts_are_year_scoped(iri: URIRef, expected: str) -> None:
    assert iri == URIRef(BASE + expected)


@pytest.mark.parametrize(
    ("kap", "label", "measure", "year", "tail"),
    [
        (714, "21", "proposal", 2024, "amount/140-142/714.21/proposal/2024"),
        (714, "21/70", "allocation", 2022, "amount/140-142/714.21-70/allocation/2022"),
        (714, None, "accounts", 2022, "amount/140-142/714/accounts/2022"),
    ],
)
def test_ids_amount_from_document_span_line_measure_year(
    kap: int, label: str | None, measure: str, year: int, tail: str
) -> None:
    doc = URIRef(BASE + "document/0123456789abcdef")
    assert ids.amount(doc, 140, 142, kap, label, measure, year) == URIRef(f"{doc}/{tail}")


def test_ids_evidence_and_selectors_sit_under_the_document() -> None:
    doc = URIRef(BASE + "document/0123456789abcdef")
    evidence = ids.evidence(doc, 5, 7)
    assert evidence == URIRef(f"{doc}/evidence/5-7")
    assert ids.quote_selector(evidence) == URIRef(f"{evidence}/quote")
    assert ids.line_selector(evidence) == URIRef(f"{evidence}/lines")


def test_ids_build_ignores_document_order() -> None:
    a, b = URIRef(BASE + "document/a"), URIRef(BASE + "document/b")
    assert ids.build("1.0", [a, b]) == ids.build("1.0", [b, a])
    assert ids.build("1.0", [a, b]) != ids.build("1.1", [a, b])


def test_ids_disambiguator_same_content_same_iri_other_content_suffixed() -> None:
    minter = ids.Disambiguator()
    base = URIRef(BASE + "x")
    assert [
        minter.mint(base, "one"),
        minter.mint(base, "two"),
        minter.mint(base, "one"),
        minter.mint(base, "three"),
    ] == [base, URIRef(f"{base}-2"), base, URIRef(f"{base}-3")]


def test_ids_docstring_examples() -> None:
    assert doctest.testmod(ids).failed == 0
