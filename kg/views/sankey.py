"""A Sankey-style chart of money by layer, one per fiscal year, drawn as plain SVG.

Columns left to right: Stortinget, the ministries, the bodies that pass money on, the
recipients (the largest by name, the rest as "andre mottakere"). A band's width is the
money counted once by the ledger; every band and box has a tooltip (SVG ``<title>``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.analysis.layers import layer_totals
from kg.analysis.ledger import Ledger, MoneyFlow
from kg.money.display import kroner, scaled
from kg.views.html import esc, page, table
from kg.views.style import edge_style, node_style

WIDTH, HEIGHT = 1400, 660
TOP, BAR, GAP = 30, 14, 10
COLUMN_X = (20, 340, 660, 980)
LABEL_CHARACTERS = (38, 38, 38, 56)  # what fits before the next column
TOP_RECIPIENTS = 14
OTHERS = "andre-mottakere"


@dataclass
class Box:
    key: str
    label: str
    kind: str
    column: int
    inflow: int = 0
    outflow: int = 0
    y: float = 0.0
    height: float = 0.0
    in_used: float = 0.0
    out_used: float = 0.0
    members: set[str] = field(default_factory=set)

    @property
    def value(self) -> int:
        return max(self.inflow, self.outflow)


Band = tuple[str, str, str, int]
"""Payer box, recipient box, flow kind, NOK."""


def sankey_page(ledger: Ledger) -> str:
    years = [y for y in ledger.years() if ledger.select(year=y)]
    sections = "".join(_section(ledger, year, hidden=year != years[-1]) for year in years)
    options = "".join(
        f'<option value="{y}"{" selected" if y == years[-1] else ""}>{y}</option>' for y in years
    )
    body = (
        '<p class="intro">Penger etter lag, ett år om gangen: Stortingets bevilgning til '
        "departementene, departementenes tildeling til virksomhetene, og det som går videre "
        "til mottakere, tilskuddsordninger og egen virksomhet. Hvert beløp telles én gang per "
        "lag; bredden følger beløpet. Hold musen over et bånd for beløp og kilde.</p>\n"
        f'<form class="toolbar" onsubmit="return false"><label>År <select id="sankey-year">'
        f"{options}</select></label></form>\n{sections}"
        if years
        else '<p class="intro">Grafen har ingen pengestrømmer.</p>\n'
    )
    return page("Penger etter lag", body, scripts=("sankey.js",))


def _section(ledger: Ledger, year: int, *, hidden: bool) -> str:
    flows = ledger.select(year=year)
    boxes, bands = _boxes(flows)
    scale = _place(boxes)
    totals = [
        (row["layer"], row["step"], scaled(int(row["amount_nok"] or 0)), row["flows"])
        for row in layer_totals(ledger, year=year)
    ]
    return (
        f'<section class="sankey" data-year="{year}"{" hidden" if hidden else ""}>\n'
        f"<h2>{year}</h2>\n{_svg(year, boxes, bands, scale)}"
        + table(("Lag", "Steg", "Beløp", "Utsagn"), totals, numeric=(2, 3))
        + "</section>\n"
    )


def _column(key: str, kind: str, middle: set[str]) -> int:
    """0 Stortinget, 1 ministries, 2 bodies given money to pass on or spend, 3 recipients."""
    if kind == "parliament":
        return 0
    if kind == "ministry":
        return 1
    return 2 if key in middle else 3


def _boxes(flows: Sequence[MoneyFlow]) -> tuple[dict[str, Box], list[Band]]:
    middle = {f.payer for f in flows} | {f.recipient for f in flows if f.kind == "allocation"}
    boxes: dict[str, Box] = {}
    for flow in flows:
        for key, label, kind in (
            (flow.payer, flow.payer_label, flow.payer_type),
            (flow.recipient, flow.recipient_label, flow.recipient_type),
        ):
            boxes.setdefault(key, Box(key, label, kind, _column(key, kind, middle)))
    inflow: dict[str, int] = defaultdict(int)
    for flow in flows:
        inflow[flow.recipient] += flow.counted_nok
    last = sorted(
        (b for b in boxes.values() if b.column == 3), key=lambda b: (-inflow[b.key], b.label)
    )
    merged = {b.key for b in last[TOP_RECIPIENTS:]}
    if merged:
        boxes[OTHERS] = Box(OTHERS, f"Andre mottakere ({len(merged)})", "other", 3, members=merged)
        for key in merged:
            del boxes[key]
    sums: dict[tuple[str, str, str], int] = defaultdict(int)
    for flow in flows:
        target = OTHERS if flow.recipient in merged else flow.recipient
        source = OTHERS if flow.payer in merged else flow.payer
        sums[(source, target, flow.kind)] += flow.counted_nok
    bands = [(s, t, k, v) for (s, t, k), v in sorted(sums.items()) if v > 0 and s != t]
    for source, target, _, value in bands:
        boxes[source].outflow += value
        boxes[target].inflow += value
    return boxes, bands


def _place(boxes: dict[str, Box]) -> float:
    """Stack each column's boxes, largest on top; the scale used, pixels per krone."""
    columns: dict[int, list[Box]] = defaultdict(list)
    for box in boxes.values():
        columns[box.column].append(box)
    tallest = max((sum(b.value for b in members) for members in columns.values()), default=0)
    usable = HEIGHT - TOP - 20 - GAP * max((len(m) for m in columns.values()), default=1)
    scale = usable / tallest if tallest else 0.0
    for members in columns.values():
        y = float(TOP)
        for box in sorted(members, key=lambda b: (-b.value, b.label)):
            box.y, box.height = y, max(box.value * scale, 2.0)
            y += box.height + GAP
    return scale


def _svg(year: int, boxes: dict[str, Box], bands: list[Band], scale: float) -> str:
    paths = []
    ordered = sorted(bands, key=lambda b: (boxes[b[0]].y, boxes[b[1]].y, b[2]))
    for source, target, kind, value in ordered:
        a, b = boxes[source], boxes[target]
        width = max(value * scale, 1.0)
        y0 = a.y + a.out_used + width / 2
        y1 = b.y + b.in_used + width / 2
        a.out_used += width
        b.in_used += width
        x0, x1 = COLUMN_X[a.column] + BAR, COLUMN_X[b.column]
        middle = (x0 + x1) / 2
        title = (
            f"{a.label} → {b.label}: {scaled(value)} ({kroner(value)}), {edge_style(kind).label}"
        )
        paths.append(
            f'<path class="link" d="M{x0:.1f},{y0:.1f} C{middle:.1f},{y0:.1f} {middle:.1f},'
            f'{y1:.1f} {x1:.1f},{y1:.1f}" stroke="{edge_style(kind).color}" '
            f'stroke-width="{width:.1f}"><title>{esc(title)}</title></path>'
        )
    rects = []
    for box in sorted(boxes.values(), key=lambda b: (b.column, b.y)):
        x = COLUMN_X[box.column]
        text = f"{box.label} — {scaled(box.value)}"
        rects.append(
            f'<g class="node"><rect x="{x}" y="{box.y:.1f}" width="{BAR}" '
            f'height="{box.height:.1f}" '
            f'fill="{node_style(box.kind).color}"><title>{esc(text)}</title></rect>'
            f'<text x="{x + BAR + 4}" y="{box.y + min(box.height / 2, 12) + 4:.1f}">'
            f"{esc(_clip(text, LABEL_CHARACTERS[box.column]))}</text></g>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="Penger etter lag {year}">\n'
        + "\n".join(paths)
        + "\n"
        + "\n".join(rects)
        + "\n</svg>\n"
    )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
