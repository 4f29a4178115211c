"""Organisations and relations read back from the graph: exports, the actor card, evaluation."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.evaluate import evaluate, render
from kg.exports.actor_card import ActorNotFound, find_actor, render_card
from kg.exports.actors import ACTOR_COLUMNS, RELATION_COLUMNS, export_actors, export_relations


def test_export_actors_columns_and_values(graph_dataset: Dataset) -> None:
    rows = {row["name"]: row for row in export_actors(graph_dataset)}
    assert all(tuple(row) == ACTOR_COLUMNS for row in rows.values())
    hdir = rows["Helsedirektoratet"]
    assert hdir["type"] == "directorate"
    assert hdir["aliases"] == "Hdir"
    assert hdir["documents"] == "tildelingsbrev.txt"
    assert hdir["mentions"] == 2
    assert str(hdir["iri"]).endswith("/actor/helsedirektoratet")
    assert rows["Statens legemiddelverk"]["mentions"] == 0


def test_export_relations_keeps_sentence_and_registry_changes(graph_dataset: Dataset) -> None:
    rows = export_relations(graph_dataset)
    assert all(tuple(row) == RELATION_COLUMNS for row in rows)
    stated = [r for r in rows if r["document"]]
    assert [(r["subject"], r["predicate"], r["object"], r["line"]) for r in stated] == [
        ("Helse- og omsorgsdepartementet", "supervises", "Helsedirektoratet", 1)
    ]
    assert stated[0]["quote"] == "Tildelingsbrev 2024 til Helsedirektoratet"
    (change,) = [r for r in rows if not r["document"]]
    assert (change["predicate"], change["object"]) == (
        "renamed_to",
        "Direktoratet for medisinske produkter",
    )
    assert "2024-01-01" in str(change["quote"])


@pytest.mark.parametrize("name", ["Helsedirektoratet", "hdir", "  HELSEDIREKTORATET "])
def test_export_actor_card_by_name_or_alias(graph_dataset: Dataset, name: str) -> None:
    card = find_actor(graph_dataset, name)
    text = render_card(card)
    assert text.startswith("Helsedirektoratet  (directorate)")
    assert "supervised by: Helse- og omsorgsdepartementet" in text
    assert "tildelingsbrev.txt: 2× on lines 1 3" in text
    assert "supervises Helsedirektoratet  [tildelingsbrev.txt:1]" in text


def test_export_actor_card_unknown_name_suggests(graph_dataset: Dataset) -> None:
    with pytest.raises(ActorNotFound, match=r"did you mean .*Helsedirektoratet"):
        find_actor(graph_dataset, "direktoratet")


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_evaluate_scores_each_known_file(graph_dataset: Dataset, tmp_path: Path) -> None:
    letter = "tildelingsbrev.txt"
    _write(
        tmp_path / "actors.csv",
        [
            {
                "canonical_name": "Helsedirektoratet",
                "type": "directorate",
                "aliases": "",
                "documents": letter,
                "example": f"{letter}:1",
            },
            {
                "canonical_name": "Helse og omsorgsdepartementet",
                "type": "ministry",
                "aliases": "HOD",
                "documents": letter,
                "example": f"{letter}:1",
            },
            {
                "canonical_name": "Stortinget",
                "type": "parliament",
                "aliases": "",
                "documents": letter,
                "example": f"{letter}:2",
            },
        ],
    )
    _write(
        tmp_path / "relations.csv",
        [
            {
                "subject": "HOD",
                "predicate": "supervises",
                "object": "Hdir",
                "document": letter,
                "line": "1",
                "evidence": "x",
            },
            {
                "subject": "Helsedirektoratet",
                "predicate": "part_of",
                "object": "Helse- og omsorgsdepartementet",
                "document": letter,
                "line": "1",
                "evidence": "x",
            },
        ],
    )
    _write(tmp_path / "unknown.csv", [{"a": "1", "b": "2"}])
    result = evaluate(graph_dataset, tmp_path)
    scores = {(s.file, s.kind): s for s in result.scores}
    actors = scores[("actors.csv", "actors")]
    assert (actors.predicted_correct, actors.predicted, actors.gold_found, actors.gold) == (
        2,
        2,
        2,
        3,
    )
    assert actors.precision == 1.0 and actors.recall == pytest.approx(2 / 3)
    supervises = scores[("relations.csv", "relations: supervises")]
    assert (supervises.precision, supervises.recall) == (1.0, 1.0)
    part_of = scores[("relations.csv", "relations: part_of")]
    assert (part_of.predicted, part_of.recall) == (0, 0.0)
    assert result.not_evaluated == ("unknown.csv",)
    assert "| actors.csv | actors | 1.000 | 0.667 |" in render(result)
