"""``kg evaluate``: the graph against hand-checked annotation files.

Each CSV file in the folder whose columns a task knows is scored; the others are
listed as not evaluated. Scores are precision, recall and F1 per kind of fact.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kg.engine import Engine, GraphSource
from kg.errors import InputError
from kg.evaluate.metrics import Score
from kg.evaluate.tasks import TASKS


@dataclass(frozen=True)
class Evaluation:
    scores: tuple[Score, ...]
    not_evaluated: tuple[str, ...]


def evaluate(graph: GraphSource, folder: Path) -> Evaluation:
    """Score ``graph`` against every annotation file in ``folder`` whose columns are known."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no annotation folder there; pass --eval DIR")
    engine = Engine.of(graph)
    scores: list[Score] = []
    skipped: list[str] = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = set(reader.fieldnames or ())
            rows = list(reader)
        task = next(
            (t for needed, others, t in TASKS if needed <= columns and not others & columns),
            None,
        )
        if task is None:
            skipped.append(path.name)
            continue
        scores.extend(task(engine, path.name, rows))
    return Evaluation(tuple(scores), tuple(skipped))


def render(evaluation: Evaluation) -> str:
    lines = [
        "| file | kind | precision | recall | F1 | predicted | gold |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in evaluation.scores:
        lines.append(
            f"| {s.file} | {s.kind} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {s.predicted_correct}/{s.predicted} | {s.gold_found}/{s.gold} |"
        )
    if evaluation.not_evaluated:
        lines.append("")
        lines.append(
            "not evaluated (no extractor scores these columns yet): "
            + ", ".join(evaluation.not_evaluated)
        )
    return "\n".join(lines) + "\n"
