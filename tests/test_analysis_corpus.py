"""The analyses' answers on the corpus, checked against what the documents print.

Kap. 714 (Folkehelse) in the 2018 allocation letter (003_d62e51bcdbdb728a.txt): the table
at lines 286-313 places 118 700, 87 102, 121 941, 20 335 and 33 200 (1 000 kr) at
Helsedirektoratet's disposal; the prose below it passes the money on item by item
("Helsedirektoratet tildeles totalt 118,7 mill. kroner fordelt på følgende tiltak", with
sub-amounts such as "herunder 1,5 mill. kroner i tilskudd til Høgskolen i Oslo").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.analysis import Row
from kg.analysis.registry import run_analysis
from kg.engine import Engine

LETTER_2018 = "003_d62e51bcdbdb728a.txt"


@pytest.fixture(scope="module")
def corpus(corpus_graph_dir: Path) -> Engine:
    return Engine.open(corpus_graph_dir)


def by(rows: list[Row], *keys: str) -> dict[tuple[object, ...], Row]:
    return {tuple(row[k] for k in keys): row for row in rows}


@pytest.mark.parametrize(
    ("post", "allocated", "disbursed", "flag"),
    [
        # 118,7 mill. in items; the letter restates 0,3 mill. to the patient safety
        # programme in its appendix (line 2514), which is read as a second item.
        (21, 118_700_000, 119_000_000, "itemised exceeds allocation by 300000"),
        (60, 87_102_000, 87_100_000, ""),  # the prose rounds: "tildeles totalt 87,1 mill."
        (70, 121_941_000, 121_941_000, ""),
        (74, 20_335_000, 20_335_000, ""),
        (79, 33_200_000, 33_200_000, ""),  # 4 mill. incl. 1 + 3 mill. sub-amounts, once
    ],
)
def test_corpus_kap_714_2018_layers_per_post(
    corpus: Engine, post: int, allocated: int, disbursed: int, flag: str
) -> None:
    rows = by(run_analysis(corpus, "post_layers", kap=714, year=2018), "post")
    assert rows[(post,)]["allocated_nok"] == allocated
    assert rows[(post,)]["disbursed_nok"] == disbursed
    assert rows[(post,)]["flag"] == flag


def test_corpus_kap_714_2018_totals_per_layer(corpus: Engine) -> None:
    rows = by(run_analysis(corpus, "layers", kap=714, year=2018), "layer")
    # The table's five posts, counted once though the prose states four of them again.
    assert rows[(2,)]["amount_nok"] == 381_278_000
    assert rows[(2,)]["flows"] == 5
    # Every item once: no total, no sub-amount added to the item it is part of.
    assert rows[(3,)]["amount_nok"] == 381_576_000
    assert rows[(2,)]["documents"] == rows[(3,)]["documents"] == LETTER_2018
    assert (1,) not in rows  # the 2018 letter states no appropriation of kap. 714


def test_corpus_kap_714_2022_three_layers(corpus: Engine) -> None:
    rows = by(run_analysis(corpus, "post_layers", kap=714, year=2022), "post")
    assert rows[(21,)]["appropriated_nok"] == 127_273_000
    assert rows[(21,)]["allocated_nok"] == 103_700_000
    # "77 mill. kroner til tilskuddsordningen «Tiltaksutvikling ...»" is read as two
    # spellings of the scheme; the ledger counts the line once.
    assert rows[(60,)]["disbursed_nok"] == rows[(60,)]["allocated_nok"] == 90_300_000


@pytest.mark.parametrize(
    "body",
    [
        "Helsedirektoratet",
        "Folkehelseinstituttet",
        "Helse Sør-Øst RHF",
        "Helse Vest RHF",
        "Helse Midt-Norge RHF",
        "Helse Nord RHF",
    ],
)
def test_corpus_governance_tree_of_hod(corpus: Engine, body: str) -> None:
    tree = by(run_analysis(corpus, "governance_tree"), "child")
    row = tree[(body,)]
    assert row["parent"] == "Helse- og omsorgsdepartementet"
    assert row["depth"] == 1
    assert row["relation"] == ("owns" if body.endswith("RHF") else "supervises")


def test_corpus_path_from_stortinget_to_av_og_til(corpus: Engine) -> None:
    rows = run_analysis(corpus, "path", recipient="Av-og-til", year=2018)
    steps = [(r["payer"], r["recipient"], r["amount_nok"], r["line"]) for r in rows]
    assert steps == [
        ("Stortinget", "Helse- og omsorgsdepartementet", None, None),
        ("Helse- og omsorgsdepartementet", "Helsedirektoratet", 121_941_000, 309),
        ("Helsedirektoratet", "Av-og-til", 16_400_000, 466),
    ]
    assert all(r["budget_line"] == "714.70" for r in rows)


def test_corpus_path_in_2022_starts_at_the_appropriation(corpus: Engine) -> None:
    rows = run_analysis(corpus, "path", recipient="Av-og-til", year=2022)
    assert [(r["kind"], r["amount_nok"]) for r in rows] == [
        ("appropriation", 179_747_000),
        ("allocation", 179_747_000),
        ("grant", 21_000_000),
    ]


@pytest.mark.parametrize(
    ("item", "status", "amount_a", "amount_b"),
    [
        ("Av-og-til", "changed", 16_400_000, 21_000_000),
        ("Akan kompetansesenter", "changed", 16_900_000, 19_000_000),
        ("Rustelefonen", "only_a", 7_400_000, None),
        ("Juvente", "only_b", None, 1_000_000),
    ],
)
def test_corpus_kap_714_passed_on_2018_against_2022(
    corpus: Engine, item: str, status: str, amount_a: int | None, amount_b: int | None
) -> None:
    rows = by(run_analysis(corpus, "chapter_changes", kap=714, year_a=2018, year_b=2022), "item")
    assert (rows[(item,)]["status"], rows[(item,)]["amount_a"], rows[(item,)]["amount_b"]) == (
        status,
        amount_a,
        amount_b,
    )


def test_corpus_kap_714_allocations_2018_against_2022(corpus: Engine) -> None:
    rows = run_analysis(
        corpus, "post_changes", kap=714, year_a=2018, year_b=2022, measure="allocation"
    )
    assert [(r["post"], r["amount_a"], r["amount_b"]) for r in rows] == [
        (21, 118_700_000, 103_700_000),
        (60, 87_102_000, 90_300_000),
        (70, 121_941_000, 179_747_000),
        (74, 20_335_000, 21_100_000),
        (79, 33_200_000, 90_700_000),
    ]


@pytest.mark.parametrize(
    ("post", "year", "columns", "flag"),
    [
        (
            21,
            2022,
            {"appropriation": 127_273_000, "allocation": 103_700_000, "accounts": 116_771_000},
            "allocation differs from the appropriation by −23 573 000 kr (−18,5 %)",
        ),
        (
            21,
            2024,
            {"proposal": 120_362_000, "allocation": 82_940_000, "accounts": 83_906_711},
            "accounts differ from the allocation by 966 711 kr (1,2 %)",
        ),
        (
            74,
            2021,
            {"allocation": 23_800_000, "accounts": 15_300_000},
            "accounts differ from the allocation by −8 500 000 kr (−35,7 %)",
        ),
    ],
)
def test_corpus_consistency_side_by_side(
    corpus: Engine, post: int, year: int, columns: dict[str, int], flag: str
) -> None:
    row = by(run_analysis(corpus, "consistency", kap=714, year=year), "post")[(post,)]
    assert {k: row[k] for k in columns} == columns
    assert flag in str(row["flags"])


def test_corpus_intermediaries_2018_helsedirektoratet_passes_money_on(corpus: Engine) -> None:
    rows = run_analysis(corpus, "intermediaries", year=2018)
    first = rows[0]
    assert first["name"] == "Helsedirektoratet"
    assert float(str(first["betweenness"])) > 0
    assert first["flow_through_nok"] == min(
        int(str(first["received_nok"])),
        int(str(first["passed_on_nok"])) + int(str(first["own_activity_nok"])),
    )


def test_corpus_top_recipients_largest_first_without_own_activity(corpus: Engine) -> None:
    rows = run_analysis(corpus, "top_recipients", year=2018, limit=10)
    amounts = [int(str(r["amount_nok"])) for r in rows]
    assert len(rows) == 10 and amounts == sorted(amounts, reverse=True)
    assert "own_activity" not in {r["type"] for r in rows}
