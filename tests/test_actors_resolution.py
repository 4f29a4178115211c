"""Resolving names: tolerance, successors of bodies that ceased, ordinary words, lower case,
fragments and variant spellings within a document, and what the catalogue keeps of them."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import make_document
from spacy.language import Language

from kg.actors import ActorContext, ActorRegistry, build_catalogue, find_mentions, load_registry
from kg.actors.names import tolerant_variants
from kg.actors.registry_matcher import is_descriptive
from kg.actors.variants import is_variant, not_bodies, settle_variants
from kg.records import ActorMention, ActorType, DocumentKind, Profile

SHIPPED = load_registry()
HDIR = "Helsedirektoratet"


def letter(year: int) -> ActorContext:
    return ActorContext(DocumentKind.ALLOCATION_LETTER, date(year, 7, 1), None, None)


def bodies(nlp: Language, text: str, context: ActorContext | None = None) -> list[str]:
    doc = nlp.make_doc(text)
    doc._.actor_context = context
    return [str(span._.actor) for span in nlp(doc).spans["actors"]]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Helsedirektorat", "Helsedirektoratet"),  # indefinite for definite
        ("Finansdepartement", "Finansdepartementet"),
        ("Helse Vest HRF", "Helse Vest RHF"),  # two capitals swapped
        ("CRBNe-senteret", "CBRNE-senteret"),
        ("Universitet i Tromsø", "UiT Norges arktiske universitet"),
        ("WHO Euoropa", "WHOs regionkontor for Europa"),  # one letter too many
        ("Mot", "MOT"),  # case, once a rule knows it is a name
    ],
)
def test_resolution_tolerant_lookup_finds_the_listed_body(written: str, canonical: str) -> None:
    actor = SHIPPED.lookup_tolerant(written)
    assert actor is not None and actor.name == canonical


@pytest.mark.parametrize("written", ["Helsedirektorater", "Helse Nordvest RHF", "Statens xyz"])
def test_resolution_tolerant_lookup_refuses_other_names(written: str) -> None:
    assert SHIPPED.lookup_tolerant(written) is None


def test_resolution_tolerant_variants_change_one_word_at_a_time() -> None:
    variants = tolerant_variants("Senter for helse")
    assert "Senteret for helse" in variants
    assert all(v.split()[1:] == ["for", "helse"] or v.startswith("Senter ") for v in variants)


@pytest.mark.parametrize(
    ("canonical", "on_date", "expected"),
    [
        (
            "Høgskolen i Oslo",
            "2018-07-01",
            "Høgskolen i Oslo og Akershus",
        ),  # next rename too recent
        ("Høgskolen i Oslo", "2020-07-01", "OsloMet – storbyuniversitetet"),
        (
            "Direktoratet for sivilt beredskap",
            "2021-07-01",
            "Direktoratet for samfunnssikkerhet og beredskap",
        ),
        ("Fylkesmannen", "2021-07-01", "Fylkesmannen"),  # ceased less than a year before
        ("Fylkesmannen", "2022-07-01", "Statsforvalteren"),
        ("Helsedirektoratet", "2022-07-01", "Helsedirektoratet"),  # never ceased
    ],
)
def test_resolution_carried_on_follows_changes_older_than_a_year(
    canonical: str, on_date: str, expected: str
) -> None:
    assert SHIPPED.carried_on(canonical, on_date) == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Rapporten fra Fylkesmannen i fjor.", 2023, "Statsforvalteren"),
        ("Rapporten fra Fylkesmannen i fjor.", 2021, "Fylkesmannen"),
        ("Statsforvalteren het tidligere Fylkesmannen.", 2023, "Fylkesmannen"),  # history
        ("Justis- og politidepartementet ga råd.", 2018, "Justis- og beredskapsdepartementet"),
    ],
)
def test_resolution_name_of_a_body_that_ceased_means_its_successor(
    actor_nlp: Language, text: str, year: int, expected: str
) -> None:
    assert expected in bodies(actor_nlp, text, letter(year))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Virke i arbeidsgruppen fra januar.", []),  # an ordinary word starts the sentence
        ("• Virke aktivt for bedre rutiner.", []),  # a list item
        ("Møtet med Virke og NAV gikk bra.", ["Virke", "Arbeids- og velferdsetaten"]),
        ("NAVs kontorer er åpne.", ["Arbeids- og velferdsetaten"]),  # capitals, not a word
    ],
)
def test_resolution_ordinary_word_starting_a_sentence_is_no_name(
    actor_nlp: Language, text: str, expected: list[str]
) -> None:
    assert bodies(actor_nlp, text) == expected


@pytest.mark.parametrize(
    ("name", "descriptive"),
    [
        ("Senter for kvalitet i legekontor", True),
        ("Regionale kompetansesentre for rusmiddelspørsmål", True),
        ("Direktoratet for e-helse", True),
        ("Mental Helse", False),  # too short: an ordinary phrase in lower case
        ("Av og til", False),
        ("Tjenester for sensitive data", False),  # no noun for a body
        ("Livsglede for eldre", False),
    ],
)
def test_resolution_descriptive_names_are_names_in_lower_case(name: str, descriptive: bool) -> None:
    assert is_descriptive(name, case_sensitive=False) is descriptive


def test_resolution_descriptive_name_written_in_lower_case_is_found() -> None:
    text = "Vi samarbeider med de regionale kompetansesentrene for rusmiddelspørsmål om dette."
    found = find_mentions(make_document(text), Profile(DocumentKind.OTHER, None, None, None))
    assert [m.actor for m in found] == ["Regionale kompetansesentre for rusmiddelspørsmål"]


@pytest.mark.parametrize(
    ("found", "listed", "variant"),
    [
        ("Nasjonalt senter for erfaring", "Nasjonalt senter for erfaring innen helse", True),
        (
            "Utviklingssenter for hjemmetjeneste og sykehjemstjenester",
            "Utviklingssenter for sykehjem og hjemmetjenester",
            True,
        ),
        ("Direktoratet for vern og atomberedskap", "Direktoratet for vern og atomsikkerhet", True),
        (
            "Direktoratet for forvaltning og IKT",
            "Direktoratet for forvaltning og økonomistyring",
            False,
        ),
        ("Senter for omsorgsforskning", "Senter for rus- og avhengighetsforskning", False),
        ("Nasjonalt senter for erfaring", "Regionalt senter for erfaring", False),
    ],
)
def test_resolution_fragment_or_variant_spelling_of_a_listed_name(
    found: str, listed: str, variant: bool
) -> None:
    assert is_variant(found, listed) is variant


def mention(actor: str, rule: str = "shape:senter_for", surface: str = "") -> ActorMention:
    return ActorMention(actor, surface or actor, 1, 0, rule)


def test_resolution_variants_resolve_only_to_a_body_the_document_names(
    actor_registry: ActorRegistry,
) -> None:
    mentions = [
        mention("Helseøkonomiforvaltningen", "registry"),
        mention("Statens helse"),  # no listed body the document names starts so
        mention("Helseøkonomiforvaltningen Nord", "shape:x"),  # one word: no variant check
    ]
    assert [m.actor for m in settle_variants(mentions, actor_registry)] == [
        "Helseøkonomiforvaltningen",
        "Statens helse",
        "Helseøkonomiforvaltningen Nord",
    ]
    fragment = [mention("Statens helsetilsyn", "registry"), mention("Statens helse")]
    assert [m.actor for m in settle_variants(fragment, actor_registry)] == [
        "Statens helsetilsyn",
        "Statens helsetilsyn",
    ]


@pytest.mark.parametrize(
    ("word", "dropped"),
    [
        ("interne", True),
        ("vårt", True),
        ("cannabis-kampanjen", True),
        ("prosjektet", True),
        ("med", False),
    ],
)
def test_resolution_own_units_and_activities_are_not_bodies(
    actor_registry: ActorRegistry, word: str, dropped: bool
) -> None:
    found = mention("Senter for innsikt")
    names = not_bodies([(found, word)], actor_registry, ("kampanjen", "prosjektet"))
    assert (found.actor in names) is dropped


def test_resolution_catalogue_keeps_written_names_and_rule_types(
    actor_registry: ActorRegistry,
) -> None:
    mentions = {
        "a.txt": (
            mention("Bø kommune", "gazetteer:municipality", "Bø i Vesterålen"),
            mention("Foreldrehjelpen", "cue:kroner_til"),
            mention(
                "SUFU – studentenes undervisning for ungdom",
                "cue:kroner_til",
                "SUFU-studentenes undervisning for ungdom",
            ),
            mention("Regionsenter for helse", "cue:øremerket", "Region senter for helse"),
        )
    }
    actors = {a.name: a for a in build_catalogue(mentions, actor_registry)}
    assert actors["Bø kommune"].type is ActorType.MUNICIPALITY
    assert set(actors["Bø kommune"].aliases) == {"Bø i Vesterålen", "Bø i Vesterålen kommune"}
    assert actors["Foreldrehjelpen"].type is ActorType.NGO
    assert "SUFU" in actors["SUFU – studentenes undervisning for ungdom"].aliases
    assert actors["Regionsenter for helse"].aliases == ("Region senter for helse",)
