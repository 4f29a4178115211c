"""Analyses over the graph's projections: money per layer, top recipients,
intermediaries, paths, changes between years, consistency between documents, and the
governance tree. Every analysis reads the build (queries and projections), never the
documents; ``kg.analysis.registry.ANALYSES`` lists them for the CLI, docs and tests."""

from __future__ import annotations

from kg.exports.formats import Value

Row = dict[str, Value]
"""One row of an analysis: plain values by column."""
