"""The ontology's HTML documentation stays in step with the ontology."""

from __future__ import annotations

import pytest

from kg.graph.docs import ONTOLOGY, ontology_html


def test_ontology_docs_are_in_step() -> None:
    pytest.importorskip("pylode")
    committed = ONTOLOGY.with_suffix(".html")
    assert committed.is_file(), "run `kg docs` to generate ontology/helsekg.html"
    assert committed.read_text(encoding="utf-8") == ontology_html(), (
        "ontology/helsekg.html is out of step with helsekg.ttl: run `kg docs`"
    )


def test_ontology_docs_name_every_class() -> None:
    pytest.importorskip("pylode")
    page = ONTOLOGY.with_suffix(".html").read_text(encoding="utf-8")
    for term in ("BudgetAmount", "Flow", "GrantScheme", "GovernanceStatement", "Evidence"):
        assert term in page
