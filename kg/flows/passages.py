"""The text a budget post governs: a section's units, or the part of them a bare post
label ("Post 21" under a chapter's allocation table) opens."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.flows.references import SectionIndex, post_title
from kg.flows.rules import FlowRules
from kg.flows.table_amounts import chapter_of_post
from kg.flows.units import Unit
from kg.records import BudgetTable, Section


@dataclass(frozen=True)
class Passage:
    section_index: int  # -1 outside every section
    section: Section | None
    positions: tuple[int, ...]  # of its units, in reading order
    kap: int | None
    post: int | None
    title: str  # the post's title without qualifiers, "" when unknown


def passages(
    units: Sequence[Unit],
    index: SectionIndex,
    tables: Sequence[BudgetTable],
    rules: FlowRules,
) -> list[Passage]:
    """The passages of ``units``, in order of first appearance."""
    groups: dict[tuple[int, int], list[int]] = {}
    labels: dict[tuple[int, int], tuple[int | None, int]] = {}
    opened: dict[int, int] = {}
    for position, unit in enumerate(units):
        section_index = index.index(unit.first_line)
        match = rules.post_label.match(unit.text.strip())
        if match:
            opened[section_index] = opened.get(section_index, 0) + 1
            labelled = int(match["post"])
            chapter = int(match["kap"]) if match["kap"] else None
            chapter = chapter or chapter_of_post(tables, unit.first_line, labelled)
            labels[(section_index, opened[section_index])] = (chapter, labelled)
        groups.setdefault((section_index, opened.get(section_index, 0)), []).append(position)
    found = []
    for key, positions in groups.items():
        section = index.section(units[positions[0]].first_line) if key[0] >= 0 else None
        kap, post = _section_post(section)
        label = labels.get(key)
        if label is not None:
            kap, post = label[0] or kap, label[1]
        if kap is None and post is not None and section is not None:
            kap = chapter_of_post(tables, section.first_line, post)
        title = post_title(section, rules) if label is None else ""
        found.append(Passage(key[0], section, tuple(positions), kap, post, title))
    return found


def _section_post(section: Section | None) -> tuple[int | None, int | None]:
    """The post a section is about; a numbered section inherits no chapter."""
    if section is None:
        return None, None
    if section.post is not None:
        return section.kap, section.post
    if section.label.lower().startswith("kap"):
        return section.kap, None
    return None, None
