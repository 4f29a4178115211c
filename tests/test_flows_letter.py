"""Money statements in allocation letters: one test per statement shape, texts written
for the tests (kap. 719 and the organisations below are made up for them)."""

from __future__ import annotations

import pytest
from conftest import read_prose_flows

from kg.records import FlowKind, RecipientKind

HEAD = "Kap. 719, post 21 Spesielle driftsutgifter\n"
ACTORS = {
    "Fjordklinikken": "Fjordklinikken",
    "Nordlysforeningen": "Nordlysforeningen",
    "Helsedirektoratet": "Helsedirektoratet",
    "Statsforvalterne": "Statsforvalteren",
}


def _one(text: str) -> tuple[int, str, RecipientKind, FlowKind]:
    flows, changes, _ = read_prose_flows(HEAD + text, actors=ACTORS)
    assert len(flows) == 1, flows
    assert not changes
    flow = flows[0]
    return flow.amount_nok, flow.recipient, flow.recipient_kind, flow.kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- 4,5 mill. kroner til utprøving av digitale verktøy i hjemmetjenesten.",
            (
                4_500_000,
                "Utprøving av digitale verktøy i hjemmetjenesten",
                RecipientKind.OWN_ACTIVITY,
                FlowKind.OWN_ACTIVITY,
            ),
        ),
        (
            "- 2,1 mill. kroner øremerket driftstilskudd til Fjordklinikken.",
            (2_100_000, "Fjordklinikken", RecipientKind.ORGANISATION, FlowKind.GRANT),
        ),
        (
            "- Tilskudd til opplæring av helsesekretærer, 2 mill. kroner.",
            (
                2_000_000,
                "Tilskudd til opplæring av helsesekretærer",
                RecipientKind.GRANT_SCHEME,
                FlowKind.SCHEME,
            ),
        ),
        (
            "- 1,2 mill. kroner skal gå til en nasjonal veiledningstjeneste for pårørende.",
            (
                1_200_000,
                "Nasjonal veiledningstjeneste for pårørende",
                RecipientKind.OWN_ACTIVITY,
                FlowKind.OWN_ACTIVITY,
            ),
        ),
        (
            "- 0,8 mill. kroner kan benyttes til kartlegging av ventetider.",
            (
                800_000,
                "Kartlegging av ventetider",
                RecipientKind.OWN_ACTIVITY,
                FlowKind.OWN_ACTIVITY,
            ),
        ),
        (
            "- 9 mill. kroner til tilskuddsordningen for lokale frisklivstilbud.",
            (
                9_000_000,
                "Tilskuddsordningen for lokale frisklivstilbud",
                RecipientKind.GRANT_SCHEME,
                FlowKind.SCHEME,
            ),
        ),
        (
            "- 3 mill. kroner til kommunene for å prøve ut nye samarbeidsformer.",
            (3_000_000, "Kommunene", RecipientKind.MUNICIPALITIES, FlowKind.GRANT),
        ),
        (
            "- 5 mill. kroner til de regionale helseforetakene til felles opplæring.",
            (
                5_000_000,
                "De regionale helseforetakene",
                RecipientKind.REGIONAL_HEALTH_AUTHORITIES,
                FlowKind.GRANT,
            ),
        ),
        (
            "- 0,7 mill. kroner øremerket Nordlysforeningen for å drive en telefontjeneste.",
            (700_000, "Nordlysforeningen", RecipientKind.ORGANISATION, FlowKind.GRANT),
        ),
        (
            "- 1,4 mill. kroner øremerket til Solstreifen for å drive en chattjeneste.",
            (1_400_000, "Solstreifen", RecipientKind.ORGANISATION, FlowKind.GRANT),
        ),
        (
            "- 6 mill. kroner til Engtilskuddet.",
            (6_000_000, "Engtilskuddet", RecipientKind.GRANT_SCHEME, FlowKind.SCHEME),
        ),
        (
            "- 500 000 kroner til en veileder om samtykke.",
            (500_000, "Veileder om samtykke", RecipientKind.OWN_ACTIVITY, FlowKind.OWN_ACTIVITY),
        ),
        (
            "Det bevilges 12. mill. kroner til en forsøksordning med helsefaglig nattevakt.",
            (
                12_000_000,
                "Forsøksordning med helsefaglig nattevakt",
                RecipientKind.OWN_ACTIVITY,
                FlowKind.OWN_ACTIVITY,
            ),
        ),
        (
            "Statsforvalterne skal tildeles 4 mill. kroner til veiledning av kommunene.",
            (4_000_000, "Statsforvalteren", RecipientKind.COUNTY_GOVERNORS, FlowKind.GRANT),
        ),
    ],
)
def test_flows_letter_item_shapes(
    text: str, expected: tuple[int, str, RecipientKind, FlowKind]
) -> None:
    assert _one(text) == expected


def test_flows_letter_item_carries_post_payer_year_and_earmark() -> None:
    flows, _, _ = read_prose_flows(
        HEAD + "- 2,1 mill. kroner øremerket driftstilskudd til Fjordklinikken.", actors=ACTORS
    )
    flow = flows[0]
    assert (flow.kap, flow.post, flow.fiscal_year) == (719, 21, 2030)
    assert flow.payer == "Helsedirektoratet"
    assert flow.earmarked and not flow.is_total
    assert (flow.first_line, flow.last_line) == (2, 2)
    assert "2,1 mill. kroner" in flow.quote


def test_flows_letter_amount_wrapped_over_two_lines() -> None:
    text = HEAD + "- 17,25 mill.\nkroner til et register over tvangsvedtak.\n"
    flows, _, _ = read_prose_flows(text)
    assert [(f.amount_nok, f.first_line, f.last_line) for f in flows] == [(17_250_000, 2, 3)]
    assert "17,25 mill. kroner" in flows[0].quote


def test_flows_letter_several_recipients_in_one_sentence() -> None:
    text = HEAD + (
        "Helsedirektoratet tildeles 3 mill. kroner til Fjordklinikken og 2 mill. kroner til "
        "en kampanje om sikker bruk av legemidler.\n"
    )
    flows, _, _ = read_prose_flows(text, actors=ACTORS)
    assert [(f.amount_nok, f.recipient, f.parent_line) for f in flows] == [
        (3_000_000, "Fjordklinikken", None),
        (2_000_000, "Kampanje om sikker bruk av legemidler", None),
    ]


@pytest.mark.parametrize(
    "marker",
    ["herunder", "hvorav", "herav", "av dette", "inntil"],
)
def test_flows_letter_sub_amounts_belong_to_their_item(marker: str) -> None:
    text = HEAD + (
        "Helsedirektoratet tildeles totalt 8 mill. kroner fordelt på følgende tiltak:\n"
        f"- 6 mill. kroner til arbeid med pasientforløp, {marker} 1,5 mill. kroner til\n"
        "Fjordklinikken og 0,5 mill. kroner til en evaluering.\n"
        "- 2 mill. kroner til Nordlysforeningen.\n"
    )
    flows, _, checks = read_prose_flows(text, actors=ACTORS)
    assert [(f.amount_nok, f.first_line, f.parent_line, f.is_total) for f in flows] == [
        (8_000_000, 2, None, True),
        (6_000_000, 3, None, False),
        (1_500_000, 3, 3, False),
        (500_000, 4, 3, False),
        (2_000_000, 5, None, False),
    ]
    assert [(c.total_nok, c.items_nok, c.item_lines, c.ok) for c in checks] == [
        (8_000_000, 8_000_000, (3, 5), True)
    ]


def test_flows_letter_later_sentence_of_an_item_is_a_part() -> None:
    text = HEAD + (
        "- 10 mill. kroner til et utviklingsprogram for sykehjem. Av midlene avsettes\n"
        "1 mill. kroner til en følgeevaluering.\n"
    )
    flows, _, _ = read_prose_flows(text)
    assert [(f.amount_nok, f.parent_line) for f in flows] == [(10_000_000, None), (1_000_000, 2)]


def test_flows_letter_total_that_does_not_add_up_is_reported() -> None:
    text = HEAD + (
        "Helsedirektoratet tildeles totalt 20 mill. kroner, fordelt på følgende tiltak:\n"
        "- 12 mill. kroner til drift av et kvalitetsregister.\n"
        "- 5 mill. kroner til Fjordklinikken.\n"
    )
    flows, _, checks = read_prose_flows(text, actors=ACTORS)
    total = flows[0]
    assert total.is_total and total.kind is FlowKind.ALLOCATION
    assert (total.payer, total.recipient) == ("Helse- og omsorgsdepartementet", "Helsedirektoratet")
    assert len(checks) == 1
    check = checks[0]
    assert (check.line, check.kap, check.post) == (2, 719, 21)
    assert (check.total_nok, check.items_nok, check.item_lines, check.ok) == (
        20_000_000,
        17_000_000,
        (3, 4),
        False,
    )


def test_flows_letter_total_over_a_numbered_list() -> None:
    text = HEAD + (
        "Helsedirektoratet gis totalt 5 mill. kroner fordelt på følgende tiltak:\n"
        "1) 3 mill. kroner til et nasjonalt kurs i traumebehandling.\n"
        "2) 2 mill. kroner til Nordlysforeningen.\n"
    )
    flows, _, checks = read_prose_flows(text, actors=ACTORS)
    assert [(f.amount_nok, f.is_total, f.parent_line) for f in flows] == [
        (5_000_000, True, None),
        (3_000_000, False, None),
        (2_000_000, False, None),
    ]
    assert [(c.items_nok, c.item_lines, c.ok) for c in checks] == [(5_000_000, (3, 4), True)]


def test_flows_letter_total_announced_by_a_later_colon() -> None:
    text = HEAD + (
        "Helsedirektoratet tildeles 3 mill. kroner. Bevilgningen skal dekke:\n"
        "- 2 mill. kroner til et nasjonalt kurs i lindrende behandling.\n"
        "- 1 mill. kroner til Nordlysforeningen.\n"
    )
    flows, _, checks = read_prose_flows(text, actors=ACTORS)
    assert [f.is_total for f in flows] == [True, False, False]
    assert [c.ok for c in checks] == [True]


def test_flows_letter_without_chapter_or_post() -> None:
    flows, _, _ = read_prose_flows("Helsedirektoratet tildeles 2 mill. kroner til et webinar.\n")
    assert [(f.amount_nok, f.kap, f.post) for f in flows] == [(2_000_000, None, None)]


@pytest.mark.parametrize(
    ("sentence", "kap", "post"),
    [
        ("Det tildeles 2 mill. kroner over kap. 720, post 70 til et nettverk.", 720, 70),
        ("Det tildeles 2 mill. kroner over kap. 720.70 til et nettverk.", 720, 70),
        ("Det tildeles 2 mill. kroner over post 70 til et nettverk.", 719, 70),
        ("Det tildeles 2 mill. kroner til et nettverk, jf. kap. 720, post 70.", 719, 21),
    ],
)
def test_flows_letter_explicit_post_in_the_sentence(sentence: str, kap: int, post: int) -> None:
    flows, _, _ = read_prose_flows(HEAD + sentence + "\n")
    assert [(f.kap, f.post) for f in flows] == [(kap, post)]


def test_flows_letter_list_item_opening_with_a_post() -> None:
    text = (
        "Følgende beløp er øremerket arbeidet med et nasjonalt varslingssystem:\n"
        "o kap. 719, post 21 - 1,5 mill. kroner\n"
        "o kap. 720, post 01 - 0,5 mill. kroner\n"
    )
    flows, _, _ = read_prose_flows(text)
    assert [(f.amount_nok, f.kap, f.post, f.recipient) for f in flows] == [
        (1_500_000, 719, 21, "Arbeidet med et nasjonalt varslingssystem"),
        (500_000, 720, 1, "Arbeidet med et nasjonalt varslingssystem"),
    ]


@pytest.mark.parametrize(
    ("text", "direction", "source", "target"),
    [
        ("Bevilgningen er økt med 5 mill. kroner til nye tiltak.", "increase", None, None),
        ("Bevilgningen er redusert med 1,5 mill. kroner.", "decrease", None, None),
        ("Det gis en styrking på 2 mill. kroner til tilsyn.", "increase", None, None),
        (
            "4 mill. kroner er flyttet fra kap. 720, post 01 til kap. 719, post 21.",
            "move",
            (720, 1),
            (719, 21),
        ),
        ("3 mill. kroner er flyttet til kap. 720.01.", "move", (719, 21), (720, 1)),
    ],
)
def test_flows_letter_changes_are_not_flows(
    text: str,
    direction: str,
    source: tuple[int, int] | None,
    target: tuple[int, int] | None,
) -> None:
    flows, changes, _ = read_prose_flows(HEAD + text + "\n")
    assert flows == ()
    assert len(changes) == 1
    change = changes[0]
    assert (change.direction, change.kap, change.post) == (direction, 719, 21)
    assert (change.from_kap, change.from_post) == (source or (None, None))
    assert (change.to_kap, change.to_post) == (target or (None, None))


@pytest.mark.parametrize(
    ("intro", "direction"),
    [
        ("Rammeøkninger:", "increase"),
        ("Budsjettkutt:", "decrease"),
        ("Flytting av midler:", "move"),
    ],
)
def test_flows_letter_change_lists(intro: str, direction: str) -> None:
    text = HEAD + f"{intro}\n- 2 mill. kroner til et nytt fagsystem\n- 1 mill. kroner til tilsyn\n"
    flows, changes, _ = read_prose_flows(text)
    assert flows == ()
    assert [(c.amount_nok, c.direction) for c in changes] == [
        (2_000_000, direction),
        (1_000_000, direction),
    ]


def test_flows_letter_allocation_with_purpose_in_next_sentence_parents_later_sums() -> None:
    text = HEAD + (
        "Helsedirektoratet tildeles 40 mill. kroner. Bevilgningen dekker utvikling av\n"
        "nasjonale faglige retningslinjer.\n"
        "Det skal avsettes 3 mill. kroner til en retningslinje for eldre med demens.\n"
    )
    flows, _, checks = read_prose_flows(text)
    assert [(f.amount_nok, f.recipient, f.parent_line, f.is_total) for f in flows] == [
        (40_000_000, "Utvikling av nasjonale faglige retningslinjer", None, False),
        (3_000_000, "Retningslinje for eldre med demens", 2, False),
    ]
    assert checks == ()


def test_flows_letter_allocation_without_purpose_goes_to_the_agency() -> None:
    flows, _, _ = read_prose_flows(HEAD + "Helsedirektoratet tildeles 53 mill. kroner.\n")
    flow = flows[0]
    assert (flow.recipient, flow.kind, flow.payer, flow.is_total) == (
        "Helsedirektoratet",
        FlowKind.ALLOCATION,
        "Helse- og omsorgsdepartementet",
        False,
    )


def test_flows_letter_post_title_names_the_scheme() -> None:
    text = (
        "Kap. 719, post 62 Nabotilskuddet, kan overføres\n"
        "Helsedirektoratet tildeles 12 mill. kroner.\n"
    )
    flows, _, _ = read_prose_flows(text)
    assert [(f.recipient, f.recipient_kind) for f in flows] == [
        ("Nabotilskuddet", RecipientKind.GRANT_SCHEME)
    ]


def test_flows_letter_anaphor_points_back() -> None:
    text = HEAD + (
        "Tilskuddet til lokale lavterskeltilbud for ungdom og tilskuddet til fritidskontakter\n"
        "slås sammen. Det bevilges 20 mill. kroner til tilskuddet.\n"
    )
    flows, _, _ = read_prose_flows(text)
    assert [(f.amount_nok, f.recipient_kind) for f in flows] == [
        (20_000_000, RecipientKind.GRANT_SCHEME)
    ]
    assert flows[0].recipient.startswith("Tilskuddet til lokale lavterskeltilbud")


@pytest.mark.parametrize(
    "text",
    [
        "I 2027 ble det utbetalt 5 mill. kroner til et prosjekt.",
        "Det ble bevilget 5 mill. kroner til et prosjekt.",
        "Tildelingen gjelder 2 mill. kroner knyttet til inntektskrav på posten.",
        "Helsedirektoratet gis fullmakt til å belaste posten med 50 mill. kroner.",
        "Det vises også til tildeling på 5 mill. kroner over kap. 720.21.",
        "1 mill. DKK utbetales direkte til sekretariatet.",
        "Helsedirektoratet tildeles hele bevilgningen på posten.",
        'Teksten skal lyde: "Det bevilges 6 mill. kroner til et kurs for ledere."',
    ],
)
def test_flows_letter_no_payment(text: str) -> None:
    flows, _, _ = read_prose_flows(HEAD + text + "\n")
    assert flows == ()


def test_flows_letter_lines_inside_tables_are_skipped() -> None:
    text = HEAD + "Tiltak 2 mill. kroner til et kurs\nHelsedirektoratet tildeles 4 mill. kroner.\n"
    flows, _, _ = read_prose_flows(text, table_lines=(2, 2))
    assert [f.amount_nok for f in flows] == [4_000_000]


def test_flows_letter_row_of_amounts_is_a_table() -> None:
    text = HEAD + "Tidligere Ny Sum\n160 mill. kroner 8 mill. kroner 168 mill. kroner\n"
    assert read_prose_flows(text)[0] == ()


def test_flows_letter_other_documents_give_nothing() -> None:
    from conftest import FLOW_LETTER

    from kg.records import DocumentKind, Profile

    report = Profile(DocumentKind.ANNUAL_REPORT, 2030, FLOW_LETTER.addressee, FLOW_LETTER.issuer)
    text = HEAD + "Helsedirektoratet tildeles 53 mill. kroner.\n"
    assert read_prose_flows(text, profile=report) == ((), (), ())
