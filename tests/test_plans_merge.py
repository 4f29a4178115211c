"""One entity per plan across name variants and documents."""

from __future__ import annotations

import pytest
from conftest import prose_inputs

from kg.plans import find_plans, merge_plans, plan_key
from kg.records import PlanMention, PlanType


def found(text: str, name: str = "doc.txt") -> tuple[PlanMention, ...]:
    document, profile, segmentation = prose_inputs(text, name)
    return find_plans(document, profile, segmentation, ())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Fyrtårnstrategien", "fyrtårnstrategi"),
        ("Nasjonal fyrtårnstrategi", "fyrtårnstrategien"),
        ("Opptrappingsplanen for lek (2030-2033)", "opptrappingsplan for lek"),
        ("Opptrappingsplan for lek og idrett", "opptrappingsplan lek og idrett"),
        ("ABE reformen", "ABE-reformen"),
        ("Lekeløftet 2031", "Lekeløft 2031"),
        ("Fyrtårnloven", "fyrtårnlova"),
    ],
)
def test_plans_merge_key_folds_variants(a: str, b: str) -> None:
    assert plan_key(a) == plan_key(b)


def test_plans_merge_key_keeps_white_paper_sessions_apart() -> None:
    assert plan_key("Meld. St. 7 (2030–2031)") != plan_key("Meld. St. 7 (2031–2032)")


def test_plans_merge_white_paper_title_and_abbreviation() -> None:
    text = (
        "Se Meld. St. 12 (2030-2031) Nasjonal lekeplassplan.\n"
        "Nasjonal lekeplassplan (NLP) legges fram i år.\n"
        "Direktoratet skal følge opp NLP."
    )
    (entity,) = merge_plans([found(text)])
    assert entity.type is PlanType.WHITE_PAPER
    assert {entity.name, *entity.aliases} >= {
        "Meld. St. 12 (2030–2031) Nasjonal lekeplassplan",
        "Nasjonal lekeplassplan",
        "NLP",
    }


def test_plans_merge_proper_title_found_again() -> None:
    text = "Direktoratet forbereder reformen Trygg hele veien.\nKonferansen om Trygg hele veien."
    mentions = found(text)
    assert [(m.name, m.line) for m in mentions] == [
        ("Trygg hele veien", 1),
        ("Trygg hele veien", 2),
    ]


def test_plans_merge_generic_word_resolved_in_its_section() -> None:
    text = "2.1 Lek\nDirektoratet skal følge opp fyrtårnstrategien.\nStrategien skal revideres."
    assert [(m.surface, m.name) for m in found(text)] == [
        ("fyrtårnstrategien", "Fyrtårnstrategien"),
        ("Strategien", "Fyrtårnstrategien"),
    ]


def test_plans_merge_generic_word_dropped_when_uncertain() -> None:
    text = (
        "2.1 Lek\nFyrtårnstrategien og nærmiljøstrategien følges opp.\nStrategien skal revideres."
    )
    assert [m.surface for m in found(text)] == ["Fyrtårnstrategien", "nærmiljøstrategien"]


def test_plans_merge_across_documents_and_periods() -> None:
    a = found("Nasjonal lekeplassplan 2030-2033 legges fram.", "a.txt")
    b = found("Arbeidet med nasjonal lekeplassplan fortsetter.", "b.txt")
    c = found("Nasjonal lekeplassplan 2034-2037 legges fram.", "c.txt")
    entities = merge_plans({"a.txt": a, "b.txt": b, "c.txt": c})
    assert sorted((e.period, e.documents) for e in entities) == [
        ("2030–2033", ("a.txt", "b.txt")),
        ("2034–2037", ("c.txt",)),
    ]


def test_plans_merge_proposition_without_session() -> None:
    text = "Se Prop. 74 L (2030-2031) om lek.\nNår Prop. 74 L er behandlet, følger vi opp."
    assert {m.name for m in found(text)} == {"Prop. 74 L (2030–2031)"}


def test_plans_merge_is_deterministic() -> None:
    a = found("Fyrtårnstrategien og fyrtårnsprogrammet.", "a.txt")
    b = found("Nasjonal fyrtårnstrategi og fyrtårnloven.", "b.txt")
    assert merge_plans({"a.txt": a, "b.txt": b}) == merge_plans({"b.txt": b, "a.txt": a})
