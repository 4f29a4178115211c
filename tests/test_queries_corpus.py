"""Every canned query of the library answers on the corpus graph, with expected answers.

The expected facts are read from the documents themselves (the 2018 allocation letter's
table and prose, the governance DOMAIN.md describes), not from the extractor's output.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from kg.engine import Engine
from kg.queries import library
from kg.query import QueryTable, run_query, substitute

HOD = "Helse- og omsorgsdepartementet"
HDIR = "Helsedirektoratet"

PARAMETERS = {
    "chain": ["kap=714", "post=70", "year=2018"],
    "who_funds": [f"name={HDIR}"],
    "passed_on": [f"agency={HDIR}", "kap=714", "year=2018"],
    "compare_years": ["kap=714", "year_a=2018", "year_b=2022"],
    "governance_tree": [f"name={HOD}"],
    "plan_follow_ups": ["plan=Opptrappingsplan for psykisk helse"],
    "actor_card": ["iri=<https://w3id.org/helsekg/id/actor/helsedirektoratet>"],
    "actor_mentions": ["iri=<https://w3id.org/helsekg/id/actor/helsedirektoratet>"],
    "evidence": ["iri=<https://w3id.org/helsekg/id/actor/helsedirektoratet>"],
}


@pytest.fixture(scope="module")
def engine(corpus_graph_dir: Path) -> Engine:
    return Engine.open(corpus_graph_dir, "memory")


@pytest.fixture(scope="module")
def disk_engine(corpus_graph_dir: Path) -> Engine:
    """The same build from its persistent store (made in the tests' cache folder)."""
    return Engine.open(corpus_graph_dir, "disk")


def _rows(engine: Engine, name: str, params: list[str] | None = None) -> list[dict[str, str]]:
    text = substitute(library()[name], params if params is not None else PARAMETERS.get(name, []))
    columns, rows = run_query(engine, text)
    return [
        {c: "" if v is None else str(v) for c, v in zip(columns, row, strict=True)} for row in rows
    ]


@pytest.mark.parametrize("name", sorted(library()))
def test_queries_every_canned_query_answers(engine: Engine, name: str) -> None:
    _rows(engine, name)  # no error, parameters all filled


def test_queries_chain_walks_from_ministry_to_recipients(engine: Engine) -> None:
    rows = _rows(engine, "chain")
    allocation = [r for r in rows if r["step"] == "2" and r["payer"] == HOD]
    assert any(r["amount_nok"] == "121941000" and r["recipient"] == HDIR for r in allocation)
    grants = [r for r in rows if r["step"] == "3" and r["payer"] == HDIR]
    recipients = {r["recipient"] for r in grants}
    assert "Av-og-til" in recipients
    assert any(name.startswith("Actis") for name in recipients)
    assert all(r["document"] and r["line"] and r["quote"] for r in rows)


def test_queries_who_funds_the_directorate(engine: Engine) -> None:
    rows = _rows(engine, "who_funds")
    assert {HOD} <= {r["payer"] for r in rows}
    assert {"2018", "2022"} <= {r["fiscal_year"] for r in rows}


def test_queries_passed_on_under_a_chapter(engine: Engine) -> None:
    rows = _rows(engine, "passed_on")
    assert {"21", "60", "70", "79"} <= {r["post"] for r in rows}
    assert any(r["recipient"] == "Av-og-til" and r["amount_nok"] == "16400000" for r in rows)


def test_queries_compare_two_years_of_a_chapter(engine: Engine) -> None:
    rows = {(r["post"], r["measure"]): r for r in _rows(engine, "compare_years")}
    post_70 = rows[("70", "allocation")]
    assert (post_70["amount_a"], post_70["amount_b"]) == ("121941000", "179747000")
    assert post_70["change"] == str(179_747_000 - 121_941_000)


def test_queries_governance_tree_of_the_ministry(engine: Engine) -> None:
    children = {r["child"] for r in _rows(engine, "governance_tree")}
    expected = {
        HDIR,
        "Folkehelseinstituttet",
        "Statens helsetilsyn",
        "Helse Nord RHF",
        "Helse Sør-Øst RHF",
        "Helse Vest RHF",
        "Helse Midt-Norge RHF",
    }
    assert expected <= children


def test_queries_schemes_by_administrator(engine: Engine) -> None:
    rows = _rows(engine, "schemes_by_administrator")
    assert any(r["administered_by"] == HDIR and "714." in r["posts"] for r in rows)


def test_queries_evidence_of_a_budget_amount(engine: Engine) -> None:
    _columns, rows = engine.select(
        "PREFIX hkg: <https://w3id.org/helsekg/ontology#> "
        "PREFIX schema: <https://schema.org/> "
        "SELECT ?a WHERE { ?a a hkg:BudgetAmount ; schema:value 121941000 } LIMIT 1"
    )
    (amount,) = rows[0]
    evidence = _rows(engine, "evidence", [f"iri=<{amount}>"])
    assert evidence and "121 941" in evidence[0]["quote"]


def test_queries_actor_mentions_and_card(engine: Engine) -> None:
    mentions = _rows(engine, "actor_mentions")
    assert len({r["document"] for r in mentions}) == 5
    card = _rows(engine, "actor_card")
    assert {r["type"] for r in card} == {"directorate"}
    assert HOD in {r["supervised_by"] for r in card}


_LIST = re.compile(r'GROUP_CONCAT\((?:DISTINCT\s+)?[^;]*;\s*separator="(.)"\)\s+AS\s+\?(\w+)')


def _lists_sorted(text: str, table: QueryTable) -> list[tuple[str, ...]]:
    """The rows as text, each GROUP_CONCAT list sorted: SPARQL gives its items no order."""
    separators = {column: separator for separator, column in _LIST.findall(text)}
    columns, rows = table
    return [
        tuple(
            separators[column].join(sorted(str(cell).split(separators[column])))
            if column in separators and cell is not None
            else ("" if cell is None else cell.n3())
            for column, cell in zip(columns, row, strict=True)
        )
        for row in rows
    ]


@pytest.mark.parametrize("name", sorted(library()))
def test_queries_memory_and_disk_stores_give_the_same_rows(
    engine: Engine, disk_engine: Engine, name: str
) -> None:
    text = substitute(library()[name], PARAMETERS.get(name, []))
    in_memory, on_disk = run_query(engine, text), run_query(disk_engine, text)
    assert in_memory[0] == on_disk[0]
    assert _lists_sorted(text, in_memory) == _lists_sorted(text, on_disk)  # order too
    assert in_memory[1] or name == "disagreements"  # the corpus parameters find rows


def test_queries_plan_follow_ups_of_the_mental_health_plan(engine: Engine) -> None:
    rows = _rows(engine, "plan_follow_ups")
    assert len(rows) >= 5
    assert all(r["document"] and r["line"] and r["follower"] for r in rows)
    keys = [(r["document"], int(r["line"])) for r in rows]
    assert keys == sorted(keys)


def test_queries_funding_edges_order_is_total(engine: Engine) -> None:
    """Ties on the documented keys are broken by the flow's IRI, so that every store and
    every plan gives the same order (graph projections and views depend on it)."""
    columns, rows = run_query(engine, library()["funding_edges"])
    keys = [columns.index(c) for c in ("fiscal_year", "source", "target", "document", "line")]
    flow = columns.index("flow")
    ordered = [(tuple(str(row[k]) for k in keys), str(row[flow])) for row in rows]
    assert len(set(ordered)) == len(ordered)
    for (keys_a, flow_a), (keys_b, flow_b) in itertools.pairwise(ordered):
        if keys_a == keys_b:
            assert flow_a < flow_b
