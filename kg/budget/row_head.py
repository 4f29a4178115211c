"""The head of a table row: chapter, post, title and qualifiers — everything but the amounts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.records import TableKind
from kg.rules import load_toml
from kg.segment.table_layout import ROW_START

REPORT_POST = re.compile(
    r"^(?P<kapname>.*?)\s+(?:i\s+)?(?P<post>\d{2})\s+(?P<rest>\D.*)$", re.DOTALL
)
SUM_KAP = re.compile(r"^\s*Sum\s+kap\.?\s*(?P<kap>\d{3,4})")
POST_IN_CELL = re.compile(r"(\d{2})\s*$")
QUALIFIER_TAIL = re.compile(r"^[\d\s/,]*(?:og\s+\d+)?\s*$")


@dataclass(frozen=True)
class RowHead:
    kap: int | None
    post_label: str  # "21", "21/70"; "" when the row is a chapter total
    rest: str  # the title and the amounts, still together


@cache
def _row_rules() -> tuple[tuple[str, ...], re.Pattern[str]]:
    rows = load_toml("tables.toml")["rows"]
    return tuple(q.lower() for q in rows["qualifier_starts"]), re.compile(rows["note_pattern"])


def read_head(text: str, kind: TableKind) -> RowHead | None:
    """Split a (space-separated) row's text into its head and the rest.

    >>> read_head("761 21 Spesielle driftsutgifter 1 200", TableKind.ALLOCATION_TABLE)
    RowHead(kap=761, post_label='21', rest='Spesielle driftsutgifter 1 200')
    """
    if kind is TableKind.APPROPRIATION_REPORT:
        return _report_head(text)
    match = ROW_START[kind].match(text)
    if match is None:
        return None
    groups = match.groupdict()
    kap = int(groups["kap"]) if groups.get("kap") else None
    rest = text[match.start("rest") :] if groups.get("rest") is not None else text[match.end() :]
    return RowHead(kap, groups.get("post") or "", rest)


def _report_head(text: str) -> RowHead | None:
    match = ROW_START[TableKind.APPROPRIATION_REPORT].match(text)
    if match is None:
        return None
    post = REPORT_POST.match(match.group("rest"))
    if post is None:
        return None
    return RowHead(int(match.group("kap")), post.group("post"), post.group("rest"))


def read_tab_head(cells: list[str]) -> RowHead | None:
    """Head of a tab-separated appropriation-report row: kap, name, post, text, ..."""
    if len(cells) < 4 or not cells[0].strip().isdigit():
        return None
    post = POST_IN_CELL.search(cells[2])
    if post is None:
        return None
    return RowHead(int(cells[0]), post.group(1), cells[3].strip())


def sum_kap(text: str) -> int | None:
    """The chapter a "Sum kap. 714 ..." line totals."""
    match = SUM_KAP.match(text)
    return int(match.group("kap")) if match else None


def split_title(text: str, *, strip_note: bool = False) -> tuple[str, tuple[str, ...]]:
    """A post title without its qualifiers, and the qualifiers.

    >>> split_title("Andre tilskudd, kan overføres, kan nyttes under post 21")
    ('Andre tilskudd', ('kan overføres', 'kan nyttes under post 21'))
    """
    starts, note = _row_rules()
    words = text.split()
    if strip_note:
        for size in (3, 2, 1):
            if len(words) > size and note.match(" ".join(words[-size:])):
                words = words[:-size]
                break
    title_parts: list[str] = []
    qualifiers: list[str] = []
    for part in (p.strip() for p in " ".join(words).split(",")):
        if not part:
            continue
        if part.lower().startswith(starts):
            qualifiers.append(part)
        elif qualifiers and QUALIFIER_TAIL.match(part):
            qualifiers[-1] = f"{qualifiers[-1]}, {part}"
        else:
            title_parts.append(part)
    return ", ".join(title_parts), tuple(qualifiers)
