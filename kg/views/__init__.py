"""HTML views of a build: an index, an overview, money per year, governance, a page per
actor and grant scheme (pyvis / vis-network, positions precomputed, physics off) and a
flow chart of money by layer (SVG). Every page works offline; every text from a document
is escaped; the same build gives byte-identical files."""

from __future__ import annotations

from kg.views.site import render_views, write_views

__all__ = ["render_views", "write_views"]
