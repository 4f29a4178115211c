"""Whole tables in each layout, written for these tests, read into reconciled rows."""

from __future__ import annotations

import pytest

from kg.budget.extract import extract_tables
from kg.records import BudgetTable, DocumentKind, Profile, RowStatus
from kg.segment import segment
from tests.conftest import make_document

N = "\xa0"

PROPOSITION_POST_TABLE = f"""Kap. 714 Folkehelse

(i 1{N}000 kr)

Post Betegnelse
Regnskap

2022
Saldert

budsjett 2023
Forslag

2024

21 Spesielle driftsutgifter, kan overføres,
kan nyttes under postene 70 og 79 10{N}000 20{N}000 30{N}000
22 Gebyrordninger 5{N}000 6{N}000
70 Tilskudd, kan overføres 1{N}200{N}000 1{N}300{N}000 1 400 000
Sum kap. 714 1{N}210{N}000 1{N}325{N}000 1{N}436{N}000
"""

LETTER_TABLE = """1.2 Tildelinger

Alle tall i hele tusen

Kap. Post Postnavn Bevilgning 2022 Tildeling 2022

740 01 Driftsutgifter 1 233 356 1 233 356

 21 Spesielle driftsutgifter, kan nyttes under

post 70

38 014 37 665

 70 Helsetjenester i annet EØS-land 70 851 70 851

Side 3
"""

REPORT_TAB_TABLE = (
    "Bevilgningsrapportering 31.12.2024\n\n"
    "Utgiftskapittel\tKapittelnavn\tPost\tPosttekst\tNote\tSamlet tildeling\tRegnskap 2024"
    "\tMerutgift (-) og mindreutgift\n"
    "0714\tFolkehelse\t21\tSpesielle driftsutgifter\tA/B\t82 940 000\t83 906 711\t-966 711\n"
    "0714\tFolkehelse\t60\tKommunale tiltak\tA\t89 300 000\t-\t89 300 000\n"
    "0740\tHelsedirektoratet\t01\tDriftsutgifter\tA\t100 000\t90 000\t5 000\n"
)

REPORT_SPACE_TABLE = """\
Utgiftskapittel Kapittelnavn Post Posttekst Note Samlet tildeling Regnskap 2021
Merutgift (-) og

mindreutgift
0709 Pasient- og brukerombud 01 Driftsutgifter A, B 74 863 000 76 645 736 -1 782 736

0290 Integreringsdirektoratet 01 Driftsutgifter B 0 3 854 804

0702 Beredskap 71 Beredskapslager A, B 2 955 000 000 1 564 153 268 1 390 846 732
"""

CATEGORY_TABLE = f"""Programkategori 10.10 Folkehelse mv.

(i 1{N}000 kr)

Kap. Betegnelse
Regnskap

2022
Saldert

budsjett 2023
Forslag

2024
Endring

i pst.

712 Bioteknologirådet 12{N}019 13{N}329 14{N}040 5,3
708 Eldreombudet 8{N}231 5{N}817 -100,0

Sum kategori 10.10 20{N}250 19{N}146 14{N}040 -26,7
"""


def _tables(text: str, kind: DocumentKind, year: int) -> tuple[BudgetTable, ...]:
    document = make_document(text)
    profile = Profile(kind, year, None, None)
    return extract_tables(document, profile, segment(document).tables)


def _rows(tables: tuple[BudgetTable, ...]) -> dict[str, tuple[int | None, ...]]:
    return {f"{r.kap}.{r.post_label}": r.values for t in tables for r in t.rows if not r.is_total}


def test_tables_proposition_post_table_settles_by_sum_line() -> None:
    tables = _tables(PROPOSITION_POST_TABLE, DocumentKind.BUDGET_PROPOSITION, 2024)
    assert _rows(tables) == {
        "714.21": (10_000_000, 20_000_000, 30_000_000),
        "714.22": (None, 5_000_000, 6_000_000),
        "714.70": (1_200_000_000, 1_300_000_000, 1_400_000_000),
    }
    (table,) = tables
    assert [c.ok for c in table.checks] == [True]
    statuses = {r.post_label: r.status for r in table.rows if not r.is_total}
    assert statuses == {
        "21": RowStatus.CHECKED,
        "22": RowStatus.RECONCILED,
        "70": RowStatus.CHECKED,
    }


def test_tables_proposition_titles_lose_qualifiers() -> None:
    (table,) = _tables(PROPOSITION_POST_TABLE, DocumentKind.BUDGET_PROPOSITION, 2024)
    row = table.rows[0]
    assert row.title == "Spesielle driftsutgifter"
    assert row.qualifiers == ("kan overføres", "kan nyttes under postene 70 og 79")
    assert (row.first_line, row.last_line) == (16, 17)


def test_tables_letter_wrapped_title_and_amounts_on_their_own_line() -> None:
    (table,) = _tables(LETTER_TABLE, DocumentKind.ALLOCATION_LETTER, 2022)
    assert _rows((table,)) == {
        "740.01": (1_233_356_000, 1_233_356_000),
        "740.21": (38_014_000, 37_665_000),
        "740.70": (70_851_000, 70_851_000),
    }
    assert [c.measure.value for c in table.columns if c.measure] == ["appropriation", "allocation"]
    assert table.rows[1].first_line == 9
    assert table.rows[1].last_line == 13


def test_tables_report_tab_rows_checked_by_difference() -> None:
    (table,) = _tables(REPORT_TAB_TABLE, DocumentKind.ANNUAL_REPORT, 2024)
    statuses = {f"{r.kap}.{r.post_label}": r.status for r in table.rows}
    assert statuses == {
        "714.21": RowStatus.CHECKED,
        "714.60": RowStatus.CHECKED,
        "740.01": RowStatus.UNRECONCILED,  # 100 000 - 90 000 is not 5 000
    }
    assert _rows((table,))["714.60"] == (89_300_000, 0, 89_300_000)


def test_tables_report_space_rows_split_by_difference() -> None:
    (table,) = _tables(REPORT_SPACE_TABLE, DocumentKind.ANNUAL_REPORT, 2021)
    assert _rows((table,)) == {
        "709.01": (74_863_000, 76_645_736, -1_782_736),
        "290.01": (0, 3_854_804, None),
        "702.71": (2_955_000_000, 1_564_153_268, 1_390_846_732),
    }
    assert table.rows[0].title == "Driftsutgifter"


def test_tables_category_table_uses_percent_and_sum() -> None:
    (table,) = _tables(CATEGORY_TABLE, DocumentKind.BUDGET_PROPOSITION, 2024)
    assert _rows((table,)) == {
        "712.": (12_019_000, 13_329_000, 14_040_000, 53),
        "708.": (8_231_000, 5_817_000, None, -1000),
    }
    assert all(c.ok for c in table.checks)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (PROPOSITION_POST_TABLE.replace("1 400 000", "1 500 000"), DocumentKind.BUDGET_PROPOSITION),
    ],
)
def test_tables_total_that_no_reading_meets_is_flagged(text: str, kind: DocumentKind) -> None:
    (table,) = _tables(text, kind, 2024)
    assert not table.reconciled
    assert [c.ok for c in table.checks] == [False]
    assert any(r.status is RowStatus.UNRECONCILED for r in table.rows)


def test_tables_other_documents_tables_are_kept_to_their_kinds() -> None:
    assert _tables(LETTER_TABLE, DocumentKind.ANNUAL_REPORT, 2022) == ()
