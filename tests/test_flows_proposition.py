"""Money statements in a budget proposition: only clear payment shapes count. The texts are
written for the tests."""

from __future__ import annotations

import pytest
from conftest import FLOW_PROPOSITION, read_prose_flows

from kg.records import FlowKind, RecipientKind

HEAD = "Kap. 719 Folkehelsetiltak\nPost 70 Tilskudd til organisasjoner\n"
ACTORS = {"Nordlysforeningen": "Nordlysforeningen", "Helsedirektoratet": "Helsedirektoratet"}


def _flows(text: str) -> list[tuple[int, str, RecipientKind]]:
    flows, _, checks = read_prose_flows(HEAD + text, profile=FLOW_PROPOSITION, actors=ACTORS)
    assert checks == ()
    for flow in flows:
        assert (flow.payer, flow.fiscal_year) == ("Helse- og omsorgsdepartementet", 2030)
        assert (flow.kap, flow.post) == (719, 70)
    return [(f.amount_nok, f.recipient, f.recipient_kind) for f in flows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Det foreslås 15 mill. kroner til et nasjonalt senter for lindrende behandling.",
            [(15_000_000, "Nasjonalt senter for lindrende behandling", RecipientKind.OWN_ACTIVITY)],
        ),
        (
            "Posten omfatter 3 mill. kroner i tilskudd til Nordlysforeningen.",
            [(3_000_000, "Nordlysforeningen", RecipientKind.ORGANISATION)],
        ),
        (
            "Det foreslås 8 mill. kroner til tilskuddsordningen for frivillige besøkstjenester.",
            [
                (
                    8_000_000,
                    "Tilskuddsordningen for frivillige besøkstjenester",
                    RecipientKind.GRANT_SCHEME,
                )
            ],
        ),
        (
            "Det foreslås 9 mill. kroner til de regionale helseforetakene for beredskapslagre.",
            [
                (
                    9_000_000,
                    "De regionale helseforetakene",
                    RecipientKind.REGIONAL_HEALTH_AUTHORITIES,
                )
            ],
        ),
    ],
)
def test_flows_proposition_payment_shapes(
    text: str, expected: list[tuple[int, str, RecipientKind]]
) -> None:
    assert _flows(text + "\n") == expected


def test_flows_proposition_money_to_an_agency_is_paid_by_the_ministry() -> None:
    text = HEAD + "Det foreslås 2 mill. kroner til Helsedirektoratet for å utrede saken.\n"
    flows, _, _ = read_prose_flows(text, profile=FLOW_PROPOSITION, actors=ACTORS)
    assert [(f.payer, f.recipient, f.kind) for f in flows] == [
        ("Helse- og omsorgsdepartementet", "Helsedirektoratet", FlowKind.GRANT)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Helseutgiftene utgjorde 300 mrd. kroner i 2022.",
        "I 2022 ble det utbetalt 10 mill. kroner til besøkstjenester.",
        "Det ble bevilget 10 mill. kroner til besøkstjenester i revidert budsjett.",
        "Om lag 40 mill. kroner går hvert år til reiser for pasienter.",
        "Regnskapet viste et mindreforbruk på 4 mill. kroner.",
        "Det foreslås en samlet kostnadsramme på 900 mill. kroner.",
        "Det foreslås 17 mill. kroner til tiltaket.",
    ],
)
def test_flows_proposition_no_payment(text: str) -> None:
    assert _flows(text + "\n") == []


@pytest.mark.parametrize(
    ("text", "amounts", "direction"),
    [
        ("Bevilgningen foreslås økt med 7 mill. kroner til nye plasser.", [7_000_000], "increase"),
        (
            "Bevilgningen foreslås redusert med:\n– 3 mill. kroner til et avsluttet prosjekt.\n"
            "– 1 mill. kroner til administrasjon.",
            [3_000_000, 1_000_000],
            "decrease",
        ),
        (
            "Bevilgningen foreslås økt med:\n– 5 mill. kroner til flere plasser.",
            [5_000_000],
            "increase",
        ),
    ],
)
def test_flows_proposition_changes(text: str, amounts: list[int], direction: str) -> None:
    flows, changes, _ = read_prose_flows(HEAD + text + "\n", profile=FLOW_PROPOSITION)
    assert flows == ()
    assert [(c.amount_nok, c.direction, c.fiscal_year) for c in changes] == [
        (amount, direction, 2030) for amount in amounts
    ]


def test_flows_proposition_move_names_both_posts() -> None:
    text = (
        HEAD + "Det foreslås å flytte 2 mill. kroner fra kap. 719, post 70 til kap. 720, post 01.\n"
    )
    flows, changes, _ = read_prose_flows(text, profile=FLOW_PROPOSITION)
    assert flows == ()
    assert [(c.direction, c.from_kap, c.from_post, c.to_kap, c.to_post) for c in changes] == [
        ("move", 719, 70, 720, 1)
    ]
