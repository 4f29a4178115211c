"""The pieces of the flows stage: prose units and sentences, recipient phrases, table
checks of prose amounts. Texts written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_document, read_prose_flows

from kg.flows.recipients import SpanMention, classify, trim_recipient
from kg.flows.rules import flow_rules
from kg.flows.units import read_units, split_sentences
from kg.records import (
    BudgetRow,
    BudgetTable,
    Column,
    ColumnRole,
    Measure,
    RecipientKind,
    RowStatus,
    TableKind,
    TableRegion,
)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # bullets start items; a line ending in ":" ends its unit
        ("Tiltakene er:\n- 2 mill. kroner til A.\n- 1 mill. kroner til B.", 3),
        # an amount opening a line after a finished sentence starts an item
        ("Det gis tilskudd.\n 4 mill. kroner til C.\n 2 mill. kroner til D.", 3),
        # a wrapped sentence stays one unit, blank lines between lines or not
        ("Helsedirektoratet tildeles 3 mill.\n\nkroner til et kurs for ledere.", 1),
        # a post label heads the text below it
        ("Post 21\nHelsedirektoratet tildeles 3 mill. kroner.", 2),
    ],
)
def test_flows_units_split(text: str, units: int) -> None:
    document = make_document(text)
    assert len(read_units(document, (), (), flow_rules())) == units


def test_flows_units_keep_the_way_back_to_lines() -> None:
    document = make_document("Intro\n  Det tildeles 3 mill.\nkroner til et kurs.")
    unit = read_units(document, (), (), flow_rules())[-1]
    assert unit.text == "Det tildeles 3 mill. kroner til et kurs."
    assert unit.line_at(unit.text.index("kroner")) == 3
    assert unit.offset_of(2, 2 + len("Det ")) == unit.text.index("tildeles")
    assert not unit.is_item


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Det gis 2 mill. kroner til kurs. Kurset holdes i mai.", 2),
        ("Se kap. 719, post 21 og jf. Prop. 1 S om saken. Neste setning.", 2),
        ("Posten dekker bl.a. kurs. 2 mill. kroner går til drift.", 2),
        ("Meld. St. 29 omtaler saken.", 1),
    ],
)
def test_flows_sentences_do_not_end_at_abbreviations(text: str, count: int) -> None:
    assert len(split_sentences(text, flow_rules())) == count


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("kampanje- og informasjonsarbeid i tråd med planen", "kampanje- og informasjonsarbeid"),
        ("et register, herunder 2 mill. kroner", "et register"),
        ("spredning av velferdsteknologi i 2030", "spredning av velferdsteknologi"),
        ("pilot for legevakt over post 21", "pilot for legevakt"),
        ("Rustjenesten, jf. omtale i proposisjonen", "Rustjenesten"),
    ],
)
def test_flows_recipient_phrase_is_trimmed(phrase: str, expected: str) -> None:
    assert trim_recipient(phrase, flow_rules()) == expected


@pytest.mark.parametrize(
    ("phrase", "mentions", "earmarked", "expected"),
    [
        (
            "øremerket driftsstøtte til Solveien",
            (),
            False,
            ("Solveien", RecipientKind.ORGANISATION),
        ),
        (
            "forebyggende arbeid i regi av Fjordklinikken",
            ((26, "Fjordklinikken"),),
            False,
            ("Fjordklinikken", RecipientKind.ORGANISATION),
        ),
        (
            "gjennomføring av Fjordklinikkens direktiv",
            ((17, "Fjordklinikken"),),
            False,
            ("Gjennomføring av Fjordklinikkens direktiv", RecipientKind.OWN_ACTIVITY),
        ),
        (
            "kampanjeorganisasjonen Lysglimt",
            (),
            True,
            ("Lysglimt", RecipientKind.ORGANISATION),
        ),
        (
            "tilskudd til rekruttering av jordmødre",
            (),
            False,
            ("Tilskudd til rekruttering av jordmødre", RecipientKind.GRANT_SCHEME),
        ),
        (
            "Stimuleringstilskuddet til kommunene",
            (),
            False,
            ("Stimuleringstilskuddet til kommunene", RecipientKind.GRANT_SCHEME),
        ),
        (
            "fylkesmannen til oppfølging",
            (),
            False,
            ("Statsforvalteren", RecipientKind.COUNTY_GOVERNORS),
        ),
        (
            "kommuner som deltar i nettverket",
            (),
            False,
            ("Kommunene", RecipientKind.MUNICIPALITIES),
        ),
        (
            "den søknadsbaserte tilskuddsordningen for turlag",
            (),
            False,
            ("Søknadsbaserte tilskuddsordningen for turlag", RecipientKind.GRANT_SCHEME),
        ),
        (
            "evaluering av tilskuddsordningen",
            (),
            False,
            ("Evaluering av tilskuddsordningen", RecipientKind.OWN_ACTIVITY),
        ),
        (
            "Helsedirektoratets arbeid",
            ((0, "Helsedirektoratet"),),
            False,
            ("Helsedirektoratets arbeid", RecipientKind.OWN_ACTIVITY),
        ),
    ],
)
def test_flows_recipient_classified(
    phrase: str,
    mentions: tuple[tuple[int, str], ...],
    earmarked: bool,
    expected: tuple[str, RecipientKind],
) -> None:
    placed = [SpanMention(start, start + len(actor), actor) for start, actor in mentions]
    found = classify(phrase, 0, placed, {"Helsedirektoratet"}, flow_rules(), earmarked=earmarked)
    assert (found.name, found.kind) == expected


def _allocation_table(kap: int, post: int, thousands: int) -> BudgetTable:
    region = TableRegion(TableKind.ALLOCATION_TABLE, 90, 90, 91, "", (), 1000, None, False)
    column = Column(ColumnRole.AMOUNT, Measure.ALLOCATION, 2030, "Beløp")
    row = BudgetRow(
        kap,
        post,
        f"{post}",
        "Spesielle driftsutgifter",
        (),
        (thousands * 1000,),
        91,
        91,
        "",
        RowStatus.UNAMBIGUOUS,
    )
    return BudgetTable("doc.txt", TableKind.ALLOCATION_TABLE, region, (column,), (row,))


@pytest.mark.parametrize(
    ("thousands", "nok"),
    [(12_345, 12_345_000), (99, 12_345_000_000)],
)
def test_flows_space_read_as_thousands_is_put_right_by_the_table(thousands: int, nok: int) -> None:
    text = (
        "Kap. 719, post 21 Spesielle driftsutgifter\n"
        "Det stilles til disposisjon 12 345 mill. kroner. Tildelingen kan benyttes til kurs.\n"
    )
    flows, _, _ = read_prose_flows(text, tables=(_allocation_table(719, 21, thousands),))
    assert [f.amount_nok for f in flows] == [nok]


def test_flows_quote_rejoins_words_ingest_rejoined() -> None:
    from kg.flows.quotes import quote_lines
    from kg.records import Document, SourceFile, TextLine

    raw = ("Det gis 3 mill. kro-", "", "ner til et kurs – i mai.")
    source = SourceFile(Path("x.txt"), "x.txt", "0", "text/plain", "utf-8", raw)
    lines = (
        TextLine(1, "Det gis 3 mill. kroner"),
        TextLine(2, ""),
        TextLine(3, " til et kurs - i mai."),
    )
    document = Document(source, lines)
    assert quote_lines(document, 1, 3) == "Det gis 3 mill. kroner til et kurs – i mai."
