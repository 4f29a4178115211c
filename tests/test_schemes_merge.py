"""One entity per grant scheme across name variants and documents."""

from __future__ import annotations

import pytest
from conftest import hand_mentions, prose_inputs

from kg.records import SchemeMention
from kg.schemes import find_schemes, merge_schemes, scheme_key


def found(text: str, name: str = "doc.txt") -> tuple[SchemeMention, ...]:
    document, profile, segmentation = prose_inputs(text, name)
    return find_schemes(document, profile, segmentation, hand_mentions(text, {}))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Fyrtårnstilskuddet", "fyrtårnstilskudd"),
        ("tilskuddsordningen for trygge lekeplasser", "tilskudd til trygge lekeplasser"),
        (
            "Tilskuddsordning for rus- og voldsforebygging",
            "tilskuddsordningen for rus og voldsforebygging",
        ),
        ("investeringsordningen for trygge boliger", "Investeringsordning til trygge boliger"),
    ],
)
def test_schemes_merge_key_folds_variants(a: str, b: str) -> None:
    assert scheme_key(a) == scheme_key(b)


def test_schemes_merge_key_keeps_different_purposes_apart() -> None:
    assert scheme_key("tilskudd til trygge lekeplasser") != scheme_key(
        "tilskudd til trygge skoleveier"
    )


def test_schemes_merge_variants_in_one_document_share_a_name() -> None:
    text = (
        "Tilskuddsordningen for trygge lekeplasser er ny.\n"
        "Det gis tilskudd til trygge lekeplasser i hele landet."
    )
    assert {m.name for m in found(text)} == {"Tilskuddsordning for trygge lekeplasser"}


def test_schemes_merge_across_documents() -> None:
    first = found("Kap. 797, post 61 Lek\nFyrtårnstilskuddet fordeles etter søknad.", "a.txt")
    second = found("Kommunene søker om fyrtårnstilskudd (870996).", "b.txt")
    other = found("Tilskuddsordningen for trygge lekeplasser er ny.", "b.txt")
    (entity, lekeplass) = merge_schemes({"a.txt": first, "b.txt": (*second, *other)})
    assert entity.name == "Fyrtårnstilskudd"
    assert entity.posts == ("797.61",)
    assert entity.scheme_id == "870996"
    assert entity.documents == ("a.txt", "b.txt")
    assert lekeplass.documents == ("b.txt",)


def test_schemes_merge_compound_and_purpose_are_one_scheme() -> None:
    text = "Kommunene får et lek- og idrettstilskudd.\nMidlene går til tilskudd til lek og idrett."
    (entity,) = merge_schemes([found(text)])
    assert "lek- og idrettstilskudd" in [n.casefold() for n in (entity.name, *entity.aliases)]


def test_schemes_merge_same_number_is_one_scheme() -> None:
    a = SchemeMention("Trygg hverdag", "Trygg hverdag", "a.txt", 1, scheme_id="870995")
    b = SchemeMention("Hverdagstrygghet", "Hverdagstrygghet", "b.txt", 4, scheme_id="870995")
    (entity,) = merge_schemes([[a], [b]])
    assert entity.aliases and entity.scheme_id == "870995"


def test_schemes_merge_is_deterministic() -> None:
    a = found("Fyrtårnstilskuddet og tilskuddsordningen for trygge lekeplasser.", "a.txt")
    b = found("Nærmiljøtilskuddet og fyrtårnstilskudd.", "b.txt")
    assert merge_schemes({"a.txt": a, "b.txt": b}) == merge_schemes({"b.txt": b, "a.txt": a})
    assert [e.name for e in merge_schemes([a, b])] == sorted(
        (e.name for e in merge_schemes([a, b])), key=str.casefold
    )


def test_schemes_merge_generic_surfaces_are_no_aliases() -> None:
    text = "Kap. 797, post 61 Fyrtårnstilskuddet\nTilskuddet fordeles etter søknad."
    (entity,) = merge_schemes([found(text)])
    assert "Tilskuddet" not in entity.aliases
