"""Precision, recall and F1 of one kind of fact."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    file: str  # the annotation file
    kind: str  # the kind of fact ("actors", "relations: supervises", ...)
    predicted: int  # facts the graph states within the annotated documents
    predicted_correct: int  # of those, how many the annotation has
    gold: int  # facts the annotation lists
    gold_found: int  # of those, how many the graph has

    @property
    def precision(self) -> float:
        return self.predicted_correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
