"""The ledger counts every krone once: totals, sub-amounts, repeated statements, and the
same money at three layers."""

from __future__ import annotations

from typing import Any

import pytest

from kg.analysis.ledger import MoneyFlow, count

HOD, HDIR, PARLIAMENT = "hod", "hdir", "stortinget"


def flow(name: str, **fields: Any) -> MoneyFlow:
    """A flow of 1 mill. kr from Helsedirektoratet over 714.21 in 2018, changed by ``fields``."""
    values: dict[str, Any] = {
        "flow": name,
        "part_of": None,
        "payer": HDIR,
        "payer_label": "Helsedirektoratet",
        "payer_type": "directorate",
        "recipient": f"org-{name}",
        "recipient_label": f"Org {name}",
        "recipient_type": "ngo",
        "recipient_kind": "organisation",
        "purpose": None,
        "kind": "grant",
        "amount_nok": 1_000_000,
        "fiscal_year": 2018,
        "kap": 714,
        "post": 21,
        "is_total": False,
        "document": "letter.txt",
        "document_year": 2018,
        "line": 10,
        "quote": "",
    }
    values.update(fields)
    return MoneyFlow(**values)


def allocation(name: str, **fields: Any) -> MoneyFlow:
    base = {"payer": HOD, "recipient": HDIR, "recipient_label": "Helsedirektoratet"}
    return flow(name, kind="allocation", **{**base, **fields})


CASES = [
    (
        "a total is not counted at the recipients' layer",
        [flow("total", is_total=True, amount_nok=5_000_000), flow("item", line=11)],
        {"total": 0, "item": 1_000_000},
    ),
    (
        "a sub-amount counts at its recipient, its parent keeps the rest",
        [flow("parent", amount_nok=4_000_000), flow("sub", part_of="parent", line=11)],
        {"parent": 3_000_000, "sub": 1_000_000},
    ),
    (
        "items under a total (their parent) count in full",
        [
            flow("total", is_total=True, amount_nok=2_000_000),
            flow("a", part_of="total", line=11),
            flow("b", part_of="total", line=12),
        ],
        {"total": 0, "a": 1_000_000, "b": 1_000_000},
    ),
    (
        "the same statement in two documents counts once",
        [flow("letter"), flow("report", document="report.txt", recipient_label="Org letter")],
        {"letter": 1_000_000, "report": 0},
    ),
    (
        "the same sentence twice in one document (summary and chapter) counts once",
        [flow("summary"), flow("chapter", line=900, recipient_label="Org summary")],
        {"summary": 1_000_000, "chapter": 0},
    ),
    (
        "one line read as two spellings of a scheme counts once",
        [
            flow("a", recipient="s1", recipient_label="Tilskuddsordningen «X»", kind="scheme"),
            flow("b", recipient="s2", recipient_label="Tilskuddsordningen X", kind="scheme"),
        ],
        {"a": 1_000_000, "b": 0},
    ),
    (
        "two equal grants of one line to two recipients both count",
        [flow("a"), flow("b")],
        {"a": 1_000_000, "b": 1_000_000},
    ),
    (
        "the same recipient on two posts counts twice",
        [flow("a"), flow("b", post=70, line=40)],
        {"a": 1_000_000, "b": 1_000_000},
    ),
    (
        "an allocation's table row and its printed total are one allocation",
        [
            allocation("row", amount_nok=9),
            allocation("total", is_total=True, amount_nok=9, line=20),
        ],
        {"row": 9, "total": 0},
    ),
    (
        "an allocation stated only as a total counts",
        [allocation("total", is_total=True, amount_nok=9)],
        {"total": 9},
    ),
    (
        "the later document's allocation (the annual report's) counts",
        [
            allocation("letter", amount_nok=8),
            allocation("report", amount_nok=9, document="report.txt", document_year=2019),
        ],
        {"letter": 0, "report": 9},
    ),
    (
        "appropriation, allocation and grant of one post each count at their layer",
        [
            flow(
                "appropriation",
                kind="appropriation",
                payer=PARLIAMENT,
                recipient=HOD,
                amount_nok=12,
            ),
            allocation("allocation", amount_nok=10),
            flow("grant", amount_nok=7),
        ],
        {"appropriation": 12, "allocation": 10, "grant": 7},
    ),
]


@pytest.mark.parametrize(("case", "flows", "counted"), CASES, ids=[c[0] for c in CASES])
def test_ledger_counts_once(case: str, flows: list[MoneyFlow], counted: dict[str, int]) -> None:
    assert {f.flow: f.counted_nok for f in count(flows)} == counted, case


@pytest.mark.parametrize(
    ("fields", "layer"),
    [
        ({"kind": "appropriation"}, 1),
        ({"kind": "allocation"}, 2),
        ({"kind": "scheme"}, 3),
        ({"kind": "own_activity"}, 3),
        ({"kind": "grant"}, 3),
    ],
)
def test_ledger_layer_of_a_flow(fields: dict[str, str], layer: int) -> None:
    assert flow("x", **fields).layer == layer


@pytest.mark.parametrize(
    ("fields", "budget_line"),
    [({}, "714.21"), ({"post": 1}, "714.01"), ({"post": None}, "714"), ({"kap": None}, "")],
)
def test_ledger_budget_line(fields: dict[str, int | None], budget_line: str) -> None:
    assert flow("x", **fields).budget_line == budget_line
