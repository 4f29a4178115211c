"""Segmentation: a document's sections and its budget tables."""

from __future__ import annotations

from kg.records import Document, Segmentation
from kg.segment.sections import find_sections
from kg.segment.tables import find_tables


def segment(document: Document) -> Segmentation:
    """Sections and tables of a normalised document."""
    tables = find_tables(document)
    return Segmentation(sections=find_sections(document, tables), tables=tables)


__all__ = ["segment"]
