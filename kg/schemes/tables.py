"""Schemes listed in tables: a header "Tilskuddsordning<TAB>Kap. post<TAB>..." and rows.

Annual reports list schemes one per row, the name (with its scheme number in brackets)
in the first cell and the budget post ("761.72") in another. The row's shape vouches for
the name, so any name is taken as written; a row without a post cell ends the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.schemes.names import capitalise, scheme_key
from kg.schemes.prose import Prose, collapse
from kg.schemes.rules import SchemeRules
from kg.schemes.shapes import Candidate

_TRAILING_ID = re.compile(r"\s*\((?P<id>\d{5,7})\)\s*$")


def _row(prose: Prose, rules: SchemeRules, index: int) -> Candidate | None:
    line = prose.document.lines[index]
    cells = line.text.split("\t")
    if len(cells) < 2:
        return None
    post = next((m for cell in cells[1:] if (m := rules.table_post.match(cell))), None)
    name = collapse(cells[0])
    if post is None or not name:
        return None
    scheme_id = None
    if found := _TRAILING_ID.search(name):
        scheme_id, name = found.group("id"), name[: found.start()].strip()
    if not name:
        return None
    start = prose.line_start(line.number) + (len(cells[0]) - len(cells[0].lstrip()))
    return Candidate(
        capitalise(name),
        scheme_key(name),
        start,
        start + len(cells[0].strip()),
        "scheme_table",
        kap=int(post.group("kap")),
        post=int(post.group("post")),
        scheme_id=scheme_id,
    )


def table_candidates(prose: Prose, rules: SchemeRules) -> Iterator[Candidate]:
    """One candidate per row of every scheme table."""
    lines = prose.document.lines
    index = 0
    while index < len(lines):
        if not rules.table_header.match(lines[index].text):
            index += 1
            continue
        index += 1
        while index < len(lines):
            if not lines[index].text.strip():
                index += 1
                continue
            candidate = _row(prose, rules, index)
            if candidate is None:
                break
            yield candidate
            index += 1
