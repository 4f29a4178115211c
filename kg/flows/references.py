"""Which budget post a statement is about: the section it stands under, or a post it
names itself ("over kap. 714, post 21", "714.21", "over post 21")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.flows.rules import FlowRules
from kg.records import Section


@dataclass(frozen=True)
class Reference:
    kap: int | None  # None: a post of the chapter in context ("over post 21")
    post: int
    start: int
    end: int
    role: str  # "at" (the post itself), "source", "target" or "pointer"


class SectionIndex:
    """The innermost section of every line, found in constant time."""

    def __init__(self, sections: Sequence[Section], line_count: int) -> None:
        self.sections = tuple(sections)
        self._at: list[int] = [-1] * (line_count + 2)
        for index, section in sorted(enumerate(sections), key=lambda s: s[1].first_line):
            last = min(section.last_line, line_count)
            for line in range(section.first_line, last + 1):
                self._at[line] = index

    def index(self, line: int) -> int:
        return self._at[line] if 0 <= line < len(self._at) else -1

    def section(self, line: int) -> Section | None:
        index = self.index(line)
        return self.sections[index] if index >= 0 else None


def find_references(text: str, rules: FlowRules) -> tuple[Reference, ...]:
    """Every budget post ``text`` names, left to right, with what it stands for."""
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []
    for rule in rules.references:
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            groups = match.groupdict()
            kap = int(groups["kap"]) if groups.get("kap") else None
            found.append(Reference(kap, int(groups["post"]), start, end, _role(text, start, rules)))
    return tuple(sorted(found, key=lambda r: r.start))


def _role(text: str, start: int, rules: FlowRules) -> str:
    before = text[max(0, start - 40) : start]
    if rules.pointer.search(before):
        return "pointer"
    if rules.source_word.search(before):
        return "source"
    if rules.target_word.search(before):
        return "target"
    if rules.binding.search(before):
        return "at"
    return "pointer"


def nearest_reference(
    refs: Sequence[Reference], start: int, end: int, lo: int, hi: int, rules: FlowRules
) -> Reference | None:
    """The post an amount at ``start``..``end`` is paid under, if its clause says so."""
    best: tuple[int, Reference] | None = None
    for ref in refs:
        if ref.role != "at" or ref.start < lo or ref.end > hi:
            continue
        distance = ref.start - end if ref.start >= end else start - ref.end
        if distance > rules.max_distance:
            continue
        if best is None or distance < best[0]:
            best = (distance, ref)
    return best[1] if best else None


def post_title(section: Section | None, rules: FlowRules) -> str:
    """The title of a post's section without qualifiers ("kan overføres")."""
    if section is None or section.post is None:
        return ""
    title = section.title.strip()
    while True:
        shorter = rules.title_qualifier.sub("", title)
        if shorter == title:
            return title.strip(" ,.:-")
        title = shorter
