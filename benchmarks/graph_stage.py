"""Time the graph stage on synthetic extractions of about ``--triples`` triples.

    PYTHONPATH=. python benchmarks/graph_stage.py --triples 100000 [--rdflib]

Prints seconds for building the dataset, writing graph.ttl/.trig/.nq (our writer and,
for comparison, rdflib's), loading the build back, and the budget export query.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.exports.budget import export_budget
from kg.graph import serialise
from kg.graph.build import build_dataset
from kg.graph.namespace import PREFIXES
from kg.graph.store import load_graph, statements, write_graph
from kg.records import (
    BudgetRow,
    BudgetTable,
    Column,
    ColumnRole,
    Document,
    DocumentExtraction,
    DocumentKind,
    Measure,
    Profile,
    RowLines,
    RowStatus,
    Segmentation,
    SourceFile,
    TableKind,
    TableRegion,
    TextLine,
)

TRIPLES_PER_ROW = 47  # 3 amounts x 12, evidence 6, selectors 5


def synthetic(document_count: int, rows_per_document: int) -> list[DocumentExtraction]:
    columns = (
        Column(ColumnRole.AMOUNT, Measure.ACCOUNTS, 2022, "Regnskap 2022"),
        Column(ColumnRole.AMOUNT, Measure.ADOPTED_BUDGET, 2023, "Saldert budsjett 2023"),
        Column(ColumnRole.AMOUNT, Measure.PROPOSAL, 2024, "Forslag 2024"),
    )
    extractions = []
    for d in range(document_count):
        lines = tuple(
            f"{700 + i % 100} Post {i} «tittel» 1 000 2 000 3 000" for i in range(rows_per_document)
        )
        sha = hashlib.sha256(f"doc {d}".encode()).hexdigest()
        source = SourceFile(Path(f"doc{d}.txt"), f"doc{d}.txt", sha, "text/plain", "utf-8", lines)
        document = Document(
            source, tuple(TextLine(i + 1, t, 1 + i // 50) for i, t in enumerate(lines))
        )
        rows = tuple(
            BudgetRow(
                700 + i % 100,
                i % 90 + 1,
                f"{i % 90 + 1:02d}",
                f"Post {i % 90 + 1}",
                ("kan overføres",),
                (1000 * i, 2000 * i, 3000 * i),
                i + 1,
                i + 1,
                lines[i],
                RowStatus.CHECKED,
            )
            for i in range(rows_per_document)
        )
        region = TableRegion(
            TableKind.POST_TABLE,
            1,
            1,
            rows_per_document,
            "",
            tuple(RowLines(i + 1, i + 1) for i in range(rows_per_document)),
            1000,
            None,
            False,
        )
        table = BudgetTable(source.name, TableKind.POST_TABLE, region, columns, rows)
        profile = Profile(
            DocumentKind.BUDGET_PROPOSITION, 2024, "Helse- og omsorgsdepartementet", "Stortinget"
        )
        extractions.append(DocumentExtraction(document, profile, Segmentation((), ()), (table,)))
    return extractions


@contextmanager
def timed(label: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    print(f"{label:<34} {time.perf_counter() - start:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--rdflib", action="store_true", help="also time rdflib's serialisers")
    options = parser.parse_args()
    rows = options.triples // TRIPLES_PER_ROW
    extractions = synthetic(5, rows // 5)
    with timed("build_dataset"):
        dataset = build_dataset(extractions, software_version="bench")
    print(f"{'quads':<34} {len(dataset):6d}")
    quads = list(statements(dataset))
    steps: list[tuple[str, Callable[[], object]]] = [
        ("serialise nquads", lambda: serialise.nquads(quads)),
        ("serialise trig", lambda: serialise.trig(quads, PREFIXES)),
        ("serialise turtle", lambda: serialise.turtle(quads, PREFIXES)),
    ]
    if options.rdflib:
        steps.append(("rdflib trig", lambda: dataset.serialize(format="trig")))
    for label, step in steps:
        with timed(label):
            step()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        with timed("write_graph (all three files)"):
            write_graph(dataset, out)
        with timed("load_graph (graph.nq)"):
            loaded = load_graph(out)
        with timed("export_budget (SPARQL)"):
            exported = export_budget(loaded)
        print(f"{'export rows':<34} {len(exported):6d}")


if __name__ == "__main__":
    main()
