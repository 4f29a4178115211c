"""Page furniture: lines that belong to the page, not to the text.

In any file: page labels such as "Side 8 av 30" or "- 8 -". In a PDF also running
headers and footers (the same first or last line, digits masked, on at least half of
the pages) and lone page numbers at the top or bottom of a page. A lone number
elsewhere is kept: budget tables have lines holding only an amount.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from kg.ingest.rules import NormalizeRules

_DIGITS = re.compile(r"\d+")
_ROMAN = {"i": 1, "v": 5, "x": 10}


def furniture_lines(
    raw_lines: Sequence[str], pages: Sequence[int] | None, rules: NormalizeRules
) -> set[int]:
    """0-based indices of the lines that are page furniture."""
    found = {i for i, text in enumerate(raw_lines) if rules.any_furniture.match(text)}
    if pages is not None:
        found |= pdf_furniture(raw_lines, pages, rules, already=found)
    return found


def pdf_furniture(
    raw_lines: Sequence[str], pages: Sequence[int], rules: NormalizeRules, already: set[int]
) -> set[int]:
    """Running headers/footers and edge page numbers; two rounds catch a page number
    sitting above a running header (or below a footer)."""
    by_page: dict[int, list[int]] = defaultdict(list)
    for index, page in enumerate(pages):
        by_page[page].append(index)
    found: set[int] = set()
    for _ in range(2):
        edges = {
            page: _edges(raw_lines, indices, already | found) for page, indices in by_page.items()
        }
        new = _page_numbers(raw_lines, edges, rules) | _running(raw_lines, edges, rules)
        if not new:
            break
        found |= new
    return found


def _edges(raw_lines: Sequence[str], indices: list[int], skip: set[int]) -> list[int]:
    """The first and last non-empty line of a page (one index if they are the same)."""
    content = [i for i in indices if i not in skip and raw_lines[i].strip()]
    return sorted({content[0], content[-1]}) if content else []


def _page_numbers(
    raw_lines: Sequence[str], edges: dict[int, list[int]], rules: NormalizeRules
) -> set[int]:
    """Edge lines that are a lone page number whose offset to the PDF page index is
    shared with another page (or that equals the page index)."""
    candidates: list[tuple[int, int, int]] = []  # (line index, page, printed number)
    for page, indices in edges.items():
        for index in indices:
            text = raw_lines[index]
            if rules.page_number.match(text):
                candidates.append((index, page, _number(text.strip())))
    offsets = Counter(page - number for _, page, number in candidates)
    return {
        index for index, page, number in candidates if number == page or offsets[page - number] >= 2
    }


def _running(
    raw_lines: Sequence[str], edges: dict[int, list[int]], rules: NormalizeRules
) -> set[int]:
    """Edge lines whose digit-masked text is an edge line on enough pages."""
    keys: dict[int, str] = {}
    pages_with: defaultdict[str, set[int]] = defaultdict(set)
    for page, indices in edges.items():
        for index in indices:
            key = _mask(raw_lines[index])
            if any(c.isalpha() for c in key):  # a line of numbers is data, not a header
                keys[index] = key
                pages_with[key].add(page)
    all_pages = set(edges)
    parities = [all_pages, {p for p in all_pages if p % 2}, {p for p in all_pages if not p % 2}]
    running = {
        key
        for key, pages in pages_with.items()
        if any(_enough(len(pages & group), len(group), rules) for group in parities)
    }
    return {index for index, key in keys.items() if key in running}


def _enough(hits: int, group_size: int, rules: NormalizeRules) -> bool:
    return hits >= rules.running_min_pages and hits >= rules.running_min_share * group_size


def _mask(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text).split())


def _number(text: str) -> int:
    """Value of a page number written in digits or small roman numerals."""
    if text.isdigit():
        return int(text)
    values = [_ROMAN[c] for c in text.lower()]
    return sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))
