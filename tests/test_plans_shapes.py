"""Which plans a sentence names, shape by shape, and which generic words it must not."""

from __future__ import annotations

import pytest
from conftest import hand_mentions, prose_inputs

from kg.plans import find_plans
from kg.records import PlanMention, PlanType

ACTORS = {
    "Helsedirektoratet": "Helsedirektoratet",
    "Helsedirektoratets": "Helsedirektoratet",
}


def plans(text: str) -> tuple[PlanMention, ...]:
    document, profile, segmentation = prose_inputs(text)
    return find_plans(document, profile, segmentation, hand_mentions(text, ACTORS))


def named(text: str) -> list[tuple[str, PlanType]]:
    return [(p.name, p.type) for p in plans(text)]


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # strategies
        ("Arbeidet med fyrtårnstrategien fortsetter.", "Fyrtårnstrategien", PlanType.STRATEGY),
        (
            "Vi følger nasjonal lekeplasstrategi tett.",
            "Nasjonal lekeplasstrategi",
            PlanType.STRATEGY,
        ),
        ("Direktoratet bidrar til ny ABC strategi i år.", "ABC-strategi", PlanType.STRATEGY),
        (
            "Direktoratet følger Nasjonal strategi for trygge lekeplasser.",
            "Nasjonal strategi for trygge lekeplasser",
            PlanType.STRATEGY,
        ),
        (
            "Tiltaket inngår i Trygg hele livet - regjeringens strategi for eldres sikkerhet.",
            "Trygg hele livet – strategi for eldres sikkerhet",
            PlanType.STRATEGY,
        ),
        # action plans and escalation plans
        (
            "Tiltak i handlingsplanen mot støy i skolen evalueres.",
            "Handlingsplan mot støy i skolen",
            PlanType.ACTION_PLAN,
        ),
        (
            "Det gis 0,4 mill. kroner til Handlingsplan lekeplassikkerhet.",
            "Handlingsplan lekeplassikkerhet",
            PlanType.ACTION_PLAN,
        ),
        (
            "Midlene inngår i opptrappingsplanen for lek og idrett.",
            "Opptrappingsplan for lek og idrett",
            PlanType.ESCALATION_PLAN,
        ),
        # reforms
        ("Erfaringene fra fyrtårnsreformen er gode.", "Fyrtårnsreformen", PlanType.REFORM),
        ("Tiltaket følger av ABE-reformen.", "ABE-reformen", PlanType.REFORM),
        (
            "Direktoratet forbereder reformen Trygg hele veien fra 2031.",
            "Trygg hele veien",
            PlanType.REFORM,
        ),
        # programmes
        ("Kommunene deltar i fyrtårnsprogrammet.", "Fyrtårnsprogrammet", PlanType.PROGRAMME),
        (
            "Midlene går til program for trygge lekeplasser i kommunene.",
            "Program for trygge lekeplasser i kommunene",
            PlanType.PROGRAMME,
        ),
        (
            "Det inngår i Nasjonalt lekeplassprogram.",
            "Nasjonalt lekeplassprogram",
            PlanType.PROGRAMME,
        ),
        ("Dette er en del av Lekeløft 2031.", "Lekeløft 2031", PlanType.PROGRAMME),
        # white papers and propositions
        (
            "Se Meld. St. 12 (2030-2031) Trygg aldring i alle kommuner, som ble lagt fram.",
            "Meld. St. 12 (2030–2031) Trygg aldring i alle kommuner",
            PlanType.WHITE_PAPER,
        ),
        ("Tiltaket følger opp lekeplassmeldingen.", "Lekeplassmeldingen", PlanType.WHITE_PAPER),
        ("Se omtale i Prop. 1 S (2030 - 2031).", "Prop. 1 S (2030–2031)", PlanType.PROPOSITION),
        (
            "Se Prop. 74 L (2030–2031) om lekeplasser.",
            "Prop. 74 L (2030–2031)",
            PlanType.PROPOSITION,
        ),
        # laws
        ("Tilsyn etter fyrtårnloven skal styrkes.", "Fyrtårnloven", PlanType.LAW),
        ("Plikten følger av pasient- og fyrtårnloven.", "Pasient- og fyrtårnloven", PlanType.LAW),
        (
            "Et forslag til lov om trygge lekeplasser er sendt på høring.",
            "Lov om trygge lekeplasser",
            PlanType.LAW,
        ),
        # other plans
        (
            "Arbeidet med nasjonal lekeplassplan fortsetter.",
            "Nasjonal lekeplassplan",
            PlanType.OTHER,
        ),
        ("Tiltakene i Lekeplassplan 2031 videreføres.", "Lekeplassplan 2031", PlanType.OTHER),
        (
            "Direktoratet skal gjennomføre Lek 2031 som en helhetlig plan.",
            "Lek 2031",
            PlanType.OTHER,
        ),
    ],
)
def test_plans_shapes_name_the_plan(text: str, name: str, type_: PlanType) -> None:
    assert (name, type_) in named(text)


@pytest.mark.parametrize(
    "text",
    [
        "Planen skal revideres i løpet av året.",
        "Strategien ble lansert i fjor.",
        "Programmet evalueres av en ekstern aktør.",
        "Handlingsplanen inneholder 40 tiltak.",
        "Reformen trer i kraft neste år.",
        "Loven endres fra 1. juli.",
        "Stortingsmeldingen ble behandlet i vår.",
        # generic compounds
        "Direktoratet har en ny kommunikasjonsstrategi.",
        "Det utarbeides en disposisjonsplan for posten.",
        "Kurset er et e-læringsprogram for ansatte.",
        "Kommunene skal ha en beredskapsplan.",
        "Direktoratet lager en plan for hvordan arbeidet skal skje.",
        "Det skal etableres et nasjonalt program for faglig dialog.",
        "Dette er en årsmeldingen fra i fjor.",
    ],
)
def test_plans_shapes_drop_generic_words(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Opptrappingsplanen for lek og idrett (2030-2033) evalueres.", "2030–2033"),
        ("Nasjonal lekeplassplan 2031-2034 legges fram.", "2031–2034"),
        ("Fyrtårnstrategien (2030 - 2035) revideres.", "2030–2035"),
        ("Fyrtårnstrategien revideres.", None),
    ],
)
def test_plans_shapes_period(text: str, period: str | None) -> None:
    (found,) = plans(text)
    assert found.period == period


def test_plans_shapes_session_of_a_white_paper_is_no_period() -> None:
    (found,) = plans("Se Meld. St. 12 (2030-2031) for omtale.")
    assert found.period is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Regjeringens strategi for trygge lekeplasser følges opp.", "regjeringen"),
        ("Regjeringens nye strategi for trygge lekeplasser følges opp.", "regjeringen"),
        (
            "Departementets handlingsplan for trygge lekeplasser følges opp.",
            "Helse- og omsorgsdepartementet",
        ),
        ("Helsedirektoratets strategi for trygge lekeplasser følges opp.", "Helsedirektoratet"),
        ("Nasjonal strategi for trygge lekeplasser følges opp.", None),
        ("Vi følger Trygg hele livet - regjeringens strategi for eldres sikkerhet.", "regjeringen"),
    ],
)
def test_plans_shapes_owner(text: str, owner: str | None) -> None:
    (found,) = plans(text)
    assert found.owner == owner


def test_plans_shapes_title_after_a_number_is_no_organisation() -> None:
    found = plans("Jf. Meld. St. 12 (2030-2031) Helsedirektoratet skal følge opp.")
    assert [p.name for p in found] == ["Meld. St. 12 (2030–2031)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another plan joined by "og" is a name of its own
        (
            "Midlene følger opptrappingsplanen for lek og fyrtårnsreformen.",
            ["Opptrappingsplan for lek", "Fyrtårnsreformen"],
        ),
        (
            "Midlene følger opptrappingsplanen for lek og idretts- og fyrtårnsreformen.",
            ["Opptrappingsplan for lek", "Idretts- og fyrtårnsreformen"],
        ),
        # a capitalised word on a new line starts something else
        (
            "Handlingsplan mot støy i skolen\nRegjeringen la fram planen i fjor.",
            ["Handlingsplan mot støy i skolen"],
        ),
        # an enumeration inside a name
        (
            "Tiltak i handlingsplanen mot støy, støv og trafikk i skolen.",
            ["Handlingsplan mot støy, støv og trafikk i skolen"],
        ),
    ],
)
def test_plans_shapes_name_ends(text: str, expected: list[str]) -> None:
    assert [name for name, _ in named(text)] == expected


def test_plans_shapes_provenance() -> None:
    (found,) = plans("Innledning.\nTiltakene følger\nfyrtårnstrategien tett.")
    assert (found.document, found.line, found.surface) == ("doc.txt", 3, "fyrtårnstrategien")
