"""What a network view shows, before it is laid out and drawn: nodes and edges with
their tooltips (label, text pairs, shown as text, never as HTML)."""

from __future__ import annotations

from dataclasses import dataclass

Tip = tuple[tuple[str, str], ...]
"""Tooltip lines: (label, text)."""


@dataclass(frozen=True)
class ViewNode:
    key: str  # the IRI, or a key of the ledger's own (own activity)
    label: str
    type: str
    tip: Tip
    size: int = 14
    page: str | None = None  # the node's own page, relative to the views folder


@dataclass(frozen=True)
class ViewEdge:
    source: str
    target: str
    kind: str
    tip: Tip
    amount_nok: int | None = None
    years: tuple[int, ...] = ()
    posts: tuple[str, ...] = ()


@dataclass(frozen=True)
class NetworkView:
    """One network page: its file (relative to the views folder), text and graph."""

    path: str
    title: str
    intro: str
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    layout: str = "spring"  # spring, layered (money by layer) or hierarchy (governance)
    year: int | None = None  # the year the year filter starts on
    focus: str | None = None  # the node the page is about
    appendix: str = ""  # escaped HTML shown below the network (evidence tables)

    @property
    def depth(self) -> int:
        return self.path.count("/")
