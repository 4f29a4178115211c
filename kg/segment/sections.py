"""Section headings: numbered headings, programme categories, chapters, posts.

Each Section knows the chapter and post it is about (inherited from the section that
encloses it), so later stages can tell which budget post a sentence stands under.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.records import Document, Section, TableRegion
from kg.rules import load_toml


@dataclass(frozen=True)
class HeadingRule:
    name: str
    level: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class HeadingRules:
    rules: tuple[HeadingRule, ...]
    max_top_number: int
    max_title_length: int


@cache
def heading_rules() -> HeadingRules:
    data = load_toml("headings.toml")
    return HeadingRules(
        rules=tuple(
            HeadingRule(h["name"], int(h["level"]), re.compile(h["pattern"]))
            for h in data["heading"]
        ),
        max_top_number=int(data["max_top_number"]),
        max_title_length=int(data["max_title_length"]),
    )


@dataclass(frozen=True)
class Heading:
    line: int
    label: str
    title: str
    level: int
    kap: int | None
    post: int | None


def find_sections(document: Document, tables: Sequence[TableRegion]) -> tuple[Section, ...]:
    """Every section of the document, with the chapter and post it is about."""
    in_table = {n for t in tables for n in range(t.first_line, t.last_line + 1)}
    headings = [
        heading
        for line in document.lines
        if line.number not in in_table and (heading := read_heading(line.text, line.number))
    ]
    sections = []
    stack: list[Heading] = []
    for index, heading in enumerate(headings):
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        kap = heading.kap or next((h.kap for h in reversed(stack) if h.kap), None)
        post = heading.post
        if post is None and heading.kap is None:
            post = next((h.post for h in reversed(stack) if h.post), None)
        stack.append(Heading(heading.line, heading.label, heading.title, heading.level, kap, post))
        last = len(document.lines)
        for later in headings[index + 1 :]:
            if later.level <= heading.level:
                last = later.line - 1
                break
        sections.append(
            Section(heading.label, heading.title, heading.level, heading.line, last, kap, post)
        )
    return tuple(sections)


def read_heading(text: str, number: int) -> Heading | None:
    """The heading a line is, if it is one.

    >>> read_heading("Kap. 714 Folkehelse", 1).kap
    714
    """
    rules = heading_rules()
    stripped = text.strip()
    if not stripped or len(stripped) > rules.max_title_length:
        return None
    for rule in rules.rules:
        match = rule.pattern.match(stripped)
        if match is None:
            continue
        groups = match.groupdict()
        label = groups.get("label") or stripped.split(groups.get("title") or "\0")[0].strip()
        level = rule.level
        if rule.name == "numbered":
            parts = label.split(".")
            if int(parts[0]) > rules.max_top_number:
                return None
            level = len(parts) + 3  # below programme categories and chapters
        return Heading(
            number,
            label,
            (groups.get("title") or "").strip(),
            level,
            int(groups["kap"]) if groups.get("kap") else None,
            int(groups["post"]) if groups.get("post") else None,
        )
    return None
