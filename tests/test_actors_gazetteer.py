"""The gazetteer of municipalities and places, and bare municipality names in context."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language

from kg.actors import SPANS_KEY
from kg.actors.gazetteer import load_gazetteer
from kg.records import ActorType

GAZETTEER = load_gazetteer()
CURRENT = [u for u in GAZETTEER.units if u.kind is ActorType.MUNICIPALITY and not u.valid_to]


def municipal(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """(surface, canonical, rule) of the gazetteer's finds in ``text``."""
    doc = nlp(text)
    return [
        (s.text, s._.actor, s._.actor_rule)
        for s in doc.spans[SPANS_KEY]
        if str(s._.actor_rule).startswith("gazetteer:")
    ]


def test_gazetteer_lists_the_357_municipalities_of_2024() -> None:
    assert len(CURRENT) == 357


def test_gazetteer_a_current_municipality_is_listed_once_per_county() -> None:
    counts = Counter((u.name, u.county) for u in CURRENT)
    assert [key for key, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(
    ("name", "county"),
    [("Bergen", "Vestland"), ("Indre Østfold", "Østfold"), ("Senja", "Troms"), ("Bø", "Nordland")],
)
def test_gazetteer_knows_municipalities_and_their_county(name: str, county: str) -> None:
    assert any(u.name == name and u.county == county for u in CURRENT)


@pytest.mark.parametrize(
    ("name", "valid_to"), [("Lenvik", "2019-12-31"), ("Skedsmo", "2019-12-31")]
)
def test_gazetteer_keeps_municipalities_merged_away(name: str, valid_to: str) -> None:
    [unit] = [u for u in GAZETTEER.units if u.name == name]
    assert unit.valid_to is not None and unit.valid_to.isoformat() == valid_to


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Viken", "Viken fylkeskommune"),
        ("Vestland", "Vestland fylkeskommune"),
        ("Troms og Finnmark", "Troms og Finnmark fylkeskommune"),
    ],
)
def test_gazetteer_county_municipalities_are_named_fylkeskommune(name: str, canonical: str) -> None:
    assert GAZETTEER.by_name[name][ActorType.COUNTY] == canonical


@pytest.mark.parametrize("name", ["Norge", "Sverige", "Vesterålen", "Europa", "Brussel", "Alta"])
def test_gazetteer_places_are_places(name: str) -> None:
    assert GAZETTEER.is_place(name)


@pytest.mark.parametrize("name", ["Ammehjelpen", "Helsedirektoratet", "Oxford Research"])
def test_gazetteer_bodies_are_not_places(name: str) -> None:
    assert not GAZETTEER.is_place(name)


MUNICIPAL = [
    (
        "Tilskuddet gikk til kommunene Hamar, Gjøvik og Lillehammer i fjor.",
        ["Hamar kommune", "Gjøvik kommune", "Lillehammer kommune"],
    ),
    (
        "Prosjektet er prøvd ut i Molde, Ørsta og Sykkylven kommuner.",
        ["Molde kommune", "Ørsta kommune", "Sykkylven kommune"],
    ),
    (
        "Tre kommuner (Røros, Oppdal og Frøya) deltar i piloten.",
        ["Røros kommune", "Oppdal kommune", "Frøya kommune"],
    ),
    (
        "To kommuner, Herøy i Nordland og Vefsn, er med.",
        ["Herøy kommune", "Vefsn kommune"],
    ),
    ("Vertskommunen Alta har ansvaret.", ["Alta kommune"]),
    (
        "Midlene forvaltes av fylkeskommunene Rogaland og Agder.",
        ["Rogaland fylkeskommune", "Agder fylkeskommune"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MUNICIPAL, ids=[t[:40] for t, _ in MUNICIPAL])
def test_gazetteer_bare_names_in_a_municipal_context_are_municipalities(
    actor_nlp: Language, text: str, expected: list[str]
) -> None:
    assert [actor for _, actor, _ in municipal(actor_nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rana og Alta er to ord i denne setningen.",  # no municipal word
        "Hole i gjerdet ble tettet.",  # a common word at a sentence start
        "Kinn har vi hørt om, men kommunen var ikke med.",  # one name, cue not next to it
        "Reisen gikk til Tromsø før vi så kommunene.",  # one name only
    ],
)
def test_gazetteer_bare_names_without_a_municipal_context_are_left_alone(
    actor_nlp: Language, text: str
) -> None:
    assert municipal(actor_nlp, text) == []


def test_gazetteer_name_a_registry_lists_keeps_its_entry(actor_nlp: Language) -> None:
    # the test registry lists no municipality: the gazetteer names it, typed municipality
    doc = actor_nlp("Kommunene Bodø og Narvik har søkt.")
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY]] == [
        ("Bodø", "municipality"),
        ("Narvik", "municipality"),
    ]
