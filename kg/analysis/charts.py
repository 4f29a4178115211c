"""Charts of the analyses' rows for notebooks (matplotlib, from the ``notebooks`` extra).

Each function takes the rows an analysis returns and gives a matplotlib Figure; amounts
are shown in millions of kroner with Norwegian labels.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from kg.analysis import Row
from kg.analysis.ledger import LAYERS

MILLION = 1_000_000


def layer_chart(rows: Sequence[Row]) -> Any:
    """Bars per fiscal year, one per layer, from the ``layers`` analysis (mrd. kr)."""
    from matplotlib.figure import Figure

    years = sorted({int(str(r["fiscal_year"])) for r in rows})
    amounts: dict[int, dict[int, float]] = defaultdict(dict)
    for row in rows:
        amounts[int(str(row["layer"]))][int(str(row["fiscal_year"]))] = (
            int(str(row["amount_nok"])) / 1000 / MILLION
        )
    figure = Figure(figsize=(9, 4.5))
    axes = figure.subplots()
    width = 0.8 / len(LAYERS)
    for index, layer in enumerate(LAYERS):
        positions = [i + index * width for i in range(len(years))]
        values = [amounts[layer.number].get(year, 0.0) for year in years]
        axes.bar(positions, values, width=width, label=f"{layer.number}: {layer.label}")
    axes.set_xticks([i + width for i in range(len(years))], [str(y) for y in years])
    axes.set_ylabel("mrd. kr")
    axes.set_title("Penger etter lag og år (hver krone telles én gang per lag)")
    axes.legend(fontsize="small")
    figure.tight_layout()
    return figure


def ranking_chart(rows: Sequence[Row], *, label: str, amount: str, title: str) -> Any:
    """Horizontal bars of ``amount`` by ``label`` (mill. kr), largest on top."""
    from matplotlib.figure import Figure

    names = [_short(str(r[label])) for r in rows][::-1]
    values = [int(str(r[amount] or 0)) / MILLION for r in rows][::-1]
    figure = Figure(figsize=(9, 0.35 * len(rows) + 1.2))
    axes = figure.subplots()
    axes.barh(names, values, color="#1f4e79")
    axes.set_xlabel("mill. kr")
    axes.set_title(title)
    figure.tight_layout()
    return figure


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
