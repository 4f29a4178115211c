"""Organisations named after a context cue, former names, and where such names end."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from kg.actors import SPANS_KEY, ActorContext
from kg.actors.cues import CueRule, load_cues
from kg.actors.extent import acronym_expansion, headed_name, named_like_a_body

CUES = load_cues()


def cue_finds(
    nlp: Language, text: str, context: ActorContext | None = None
) -> list[tuple[str, str, str]]:
    """(surface, canonical, type) of what the cue rules find in ``text``."""
    doc = nlp.make_doc(text)
    doc._.actor_context = context
    doc = nlp(doc)
    return [
        (s.text, s._.actor, s.label_)
        for s in doc.spans[SPANS_KEY]
        if str(s._.actor_rule).startswith("cue:")
    ]


@pytest.mark.parametrize("rule", CUES.rules, ids=[f"{r.rule}:{r.example[:30]}" for r in CUES.rules])
def test_cues_every_rule_finds_its_example(actor_nlp: Language, rule: CueRule) -> None:
    names = [surface for surface, _, _ in cue_finds(actor_nlp, rule.example)]
    assert rule.finds in names


@pytest.mark.parametrize("rule", CUES.rules, ids=[f"{r.rule}:{r.example[:30]}" for r in CUES.rules])
def test_cues_every_cue_reads_the_words_before_its_example_name(rule: CueRule) -> None:
    before = rule.example[: rule.example.index(rule.finds)].lower()
    assert rule.trigger == rule.trigger.lower()
    assert rule.before_name.search(before), before


NAMED = [
    ("Midlene går til stiftelsen Hjelp Oss Nå, som", [("Hjelp Oss Nå", "ngo")]),
    (
        "Evalueringen ble gjort av analyseselskapet Nordlys Analyse.",
        [("Nordlys Analyse", "company")],
    ),
    ("Et verktøy fra den danske leverandøren Sundhedsdata, levert", [("Sundhedsdata", "company")]),
    ("Vi har en rammeavtale med Fjellvann Konsult om", [("Fjellvann Konsult", "company")]),
    ("i regi av organisasjonen «Unge Stemmer» i fjor", [("«Unge Stemmer»", "ngo")]),
    ("tilskudd til Helsedirektoratet og", []),  # a registry name is the registry's
]


@pytest.mark.parametrize(("text", "expected"), NAMED, ids=[t[:40] for t, _ in NAMED])
def test_cues_name_after_a_cue_is_a_body_typed_by_the_cue(
    actor_nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(s, kind) for s, _, kind in cue_finds(actor_nlp, text)] == expected


RECIPIENTS = [
    ("2 mill. kroner øremerket til Foreldrehjelpen.", ["Foreldrehjelpen"]),
    ("Det gis driftstilskudd til Seniorsang Norge og Kystlaget.", ["Seniorsang Norge"]),
    ("5 mill. kroner til Aktivitet for eldre i kommunene.", []),  # a phrase, not a name
    ("1 mill. kroner til Trygghetsprogrammet i 2020.", []),  # a programme
    ("tilskudd til Helseløft 2030 skal", []),  # a programme with a year
    ("midler til ABE reformen i år", []),  # the word after says what it is
    ("3 mill. kroner til Sverige og Danmark.", []),  # places
    ("tilskudd til Norges del av arbeidet", []),  # a place in the genitive
    ("midler til BASIS i kommunene", []),  # an acronym alone
    ("midler til IKT-utvikling i etaten", []),  # an acronym compound
    ("tilskudd til PASS-kontorene i fylket", []),  # a plural
    ("4 mill. kroner til Tøft, et program for unge.", []),  # a bare word
]


@pytest.mark.parametrize(("text", "expected"), RECIPIENTS, ids=[t[:40] for t, _ in RECIPIENTS])
def test_cues_receiver_of_money_is_a_body_only_if_it_reads_as_one(
    actor_nlp: Language, text: str, expected: list[str]
) -> None:
    assert [s for s, _, _ in cue_finds(actor_nlp, text)] == expected


def test_cues_one_word_the_document_writes_in_lower_case_is_no_name(actor_nlp: Language) -> None:
    text = "4 mill. kroner til Helseboten i år."  # "i år" does not make a phrase of it
    context = ActorContext(text=f"{text} Vi snakket med helseboten om saken.")
    assert cue_finds(actor_nlp, text, context) == []
    assert [s for s, _, _ in cue_finds(actor_nlp, text, ActorContext(text=text))] == ["Helseboten"]


def test_cues_former_name_in_brackets_names_the_same_body(actor_nlp: Language) -> None:
    text = "Vi har en avtale med Friskvern (tidligere Helsevern Norge) om tjenesten."
    assert cue_finds(actor_nlp, text) == [
        ("Friskvern", "Friskvern", "company"),
        ("Helsevern Norge", "Friskvern", "company"),
    ]


def test_cues_registry_name_read_with_tolerance_after_a_named_cue(actor_nlp: Language) -> None:
    # "Helfo" is matched with its case; after a cue, case does not matter
    assert cue_finds(actor_nlp, "med leverandøren HelFo om") == [
        ("HelFo", "Helseøkonomiforvaltningen", "agency")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SUFU-studentenes undervisning for ungdom i skolen",
            (4, "SUFU", "studentenes undervisning for ungdom"),
        ),
        ("ABB – arbeid blant barn er", (5, "ABB", "arbeid blant barn")),
        ("SUFU-studentenes arbeid", None),  # the words do not spell the acronym
    ],
)
def test_cues_acronym_expansion(text: str, expected: tuple[int, str, str] | None) -> None:
    doc = spacy.blank("nb")(text)
    assert acronym_expansion(doc, 0) == expected


HEADED = [
    (
        "Nettverk for kunnskap om bruk av skjerming i helsetjenesten og tiltak som",
        "Nettverk for kunnskap om bruk av skjerming i helsetjenesten",
    ),
    ("Kyst senter for læring og mestring i Bodø.", "Kystsenter for læring og mestring"),
    ("Senter for aldersvennlig Norge, hvorav", "Senter for aldersvennlig Norge"),
    ("Forum for samarbeid som skal", "Forum for samarbeid"),
]


@pytest.mark.parametrize(("text", "name"), HEADED, ids=[t[:30] for t, _ in HEADED])
def test_cues_headed_name_ends_at_the_right_place(text: str, name: str) -> None:
    doc = spacy.blank("nb")(text)
    found = headed_name(
        doc, 0, CUES.name_heads, CUES.not_a_head, lambda word: word in {"Norge", "Bodø"}
    )
    assert found is not None and found[1] == name


@pytest.mark.parametrize(
    "text", ["Nasjonalt senter for mat", "Nettverket har mange", "Senter i Oslo"]
)
def test_cues_headed_name_needs_a_head_noun_and_for(text: str) -> None:
    doc = spacy.blank("nb")(text)
    assert headed_name(doc, 0, CUES.name_heads, CUES.not_a_head, lambda word: False) is None


@pytest.mark.parametrize(
    ("word", "body"),
    [
        ("Foreldrehjelpen", True),
        ("Stiftelseshuset", True),
        ("Tøft", False),
        ("BASIS", False),
        ("IKT-utvikling", False),
        ("PASS-kontorene", False),
    ],
)
def test_cues_one_word_receiver_must_read_as_a_body(word: str, body: bool) -> None:
    assert named_like_a_body(word) is body


def test_cues_long_headed_name_after_a_receiver_cue(actor_nlp: Language) -> None:
    text = "tilskudd til Nettverk for forskning om tvang i helsevern og tiltak som virker."
    assert cue_finds(actor_nlp, text) == [
        (
            "Nettverk for forskning om tvang i helsevern",
            "Nettverk for forskning om tvang i helsevern",
            "other",
        )
    ]
