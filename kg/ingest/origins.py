"""Origin runs: where each character of an edited line came from in the original file.

While lines are edited, a line's runs are plain ``(column, line, source_column)``
tuples sorted by column (cheap to build); ``as_origins`` turns them into the
:class:`~kg.records.Origin` records stored on a ``TextLine``. Run ``k`` covers columns
``runs[k][0]`` up to ``runs[k + 1][0]`` (the last run to the end of the line), which
came from original line ``runs[k][1]`` starting at column ``runs[k][2]``.
"""

from __future__ import annotations

import re

from kg.records import Origin

Run = tuple[int, int, int]  # (column, original line, original column)
Runs = tuple[Run, ...]


def identity(line: int) -> Runs:
    """Runs of an unedited original line."""
    return ((0, line, 0),)


def locate(runs: Runs, column: int) -> tuple[int, int]:
    """Original (line, column) of ``column``; same rule as ``TextLine.locate``."""
    best = runs[0]
    for run in runs:
        if run[0] > column:
            break
        best = run
    return best[1], best[2] + (column - best[0])


def cut(runs: Runs, start: int, end: int) -> Runs:
    """Runs of the slice ``[start:end]`` of a line, re-based to column 0."""
    out: list[Run] = []
    last = len(runs) - 1
    for k, (column, line, source) in enumerate(runs):
        low = max(column, start)
        high = min(runs[k + 1][0], end) if k < last else end
        if low < high:
            out.append((low - start, line, source + low - column))
    return tuple(out)


def join(left: Runs, left_length: int, right: Runs) -> Runs:
    """Runs of ``left_text + right_text`` where ``len(left_text) == left_length``."""
    shifted = tuple((column + left_length, line, source) for column, line, source in right)
    return compact(cut(left, 0, left_length) + shifted)


def compact(runs: Runs) -> Runs:
    """Drop runs that merely continue the previous run."""
    out: list[Run] = []
    for run in runs:
        if out:
            column, line, source = out[-1]
            if line == run[1] and source + run[0] - column == run[2]:
                continue
        out.append(run)
    return tuple(out)


def remove_chars(text: str, line: int, pattern: re.Pattern[str]) -> tuple[str, Runs]:
    """``text`` without the characters ``pattern`` matches, and the runs that say where
    each kept character was."""
    pieces: list[str] = []
    runs: list[Run] = []
    kept = source = 0
    for match in pattern.finditer(text):
        if match.start() > source:
            runs.append((kept, line, source))
            pieces.append(text[source : match.start()])
            kept += match.start() - source
        source = match.end()
    if source < len(text):
        runs.append((kept, line, source))
        pieces.append(text[source:])
    return "".join(pieces), tuple(runs) or identity(line)


def as_origins(runs: Runs, line: int, text: str) -> tuple[Origin, ...]:
    """The origins to store on a ``TextLine``: empty when the line maps 1:1 to itself."""
    runs = compact(runs)
    if not text or runs == identity(line):
        return ()
    return tuple(Origin(*run) for run in runs)
