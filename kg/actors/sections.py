"""What headings say about the bodies of the text under them.

An annual report's "Etatsstyrers vurdering av underliggende etater" is the issuer
assessing the bodies it governs; each body that has a heading of its own inside that
section ("7.1 Helseøkonomiforvaltningen (Helfo)", or just "Helfo") is governed by the
issuer (``section_relations``). Only headings that consist of actor names count, so a
section's other subheadings ("Måloppnåelse i 2024") and the bodies its sentences merely
mention add nothing.

``headed_by`` tells, for each block, the one body a numbered heading above it names
("3.3 Kommunal- og distriktsdepartementet" in an allocation letter): the object of
rules such as "Bevilgningen tildeles Helsedirektoratet".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kg.actors.relation_rules import SectionRule
from kg.actors.sentences import Block, BlockKind, Placed
from kg.records import Profile, Relation

_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+")
_PARENTHESES = re.compile(r"\([^()]*\)")
_LEFT_OVER = re.compile(r"^(?:[\s\-–—,/&:]|\bog\b)*$", re.IGNORECASE)
QUOTE_JOIN = " › "


@dataclass(frozen=True)
class HeadingActor:
    """A numbered heading that names one body, e.g. "3.3 Kommunal- og distriktsdepartementet"."""

    text: str
    first_line: int
    actor: str


def headed_by(
    blocks: Sequence[Block], placed: Mapping[int, Sequence[Placed]]
) -> list[HeadingActor | None]:
    """For each block: the body named by the numbered heading it stands under, if any.

    Only a numbered heading that names one body and nothing else counts; the next
    numbered heading (of any depth) ends its reach.
    """
    current: HeadingActor | None = None
    found: list[HeadingActor | None] = []
    for number, block in enumerate(blocks):
        if block.kind is BlockKind.CELL:
            found.append(None)  # a table cell stands under no heading of its own
            continue
        if block.kind is BlockKind.HEADING and heading_level(block.text) is not None:
            actors = heading_actors(block, placed.get(number, ()))
            current = (
                HeadingActor(block.text, block.first_line, actors[0]) if len(actors) == 1 else None
            )
        found.append(current)
    return found


def heading_level(text: str) -> int | None:
    """Depth of a numbered heading ("7" -> 1, "7.1" -> 2); None when it has no number."""
    number = _NUMBER.match(text)
    return number.group(1).count(".") + 1 if number else None


def heading_actors(block: Block, mentions: Sequence[Placed]) -> list[str]:
    """The bodies a heading names when it names nothing else; [] otherwise."""
    if not mentions:
        return []
    parts = []
    cursor = 0
    for item in mentions:
        parts.append(block.text[cursor : item.start])
        cursor = item.end
    parts.append(block.text[cursor:])
    rest = _PARENTHESES.sub(" ", _NUMBER.sub("", "".join(parts)))
    if not _LEFT_OVER.match(rest):
        return []
    return list(dict.fromkeys(item.mention.actor for item in mentions))


def section_relations(
    document: str,
    blocks: Sequence[Block],
    placed: Mapping[int, Sequence[Placed]],
    profile: Profile,
    rules: Sequence[SectionRule],
) -> list[Relation]:
    """Issuer -> body relations for bodies with a heading inside a matching section."""
    issuer = profile.issuer
    if not issuer:
        return []
    found = []
    for rule in rules:
        if not rule.applies_to(profile.kind):
            continue
        for number, block in enumerate(blocks):
            if block.kind is not BlockKind.HEADING or not rule.heading.search(block.text):
                continue
            for inner, sub in _subheadings(blocks, number, rule):
                for actor in heading_actors(sub, placed.get(inner, ())):
                    if actor != issuer:
                        quote = f"{block.text}{QUOTE_JOIN}{sub.text}"
                        found.append(
                            Relation(
                                issuer,
                                rule.predicate,
                                actor,
                                document,
                                block.first_line,
                                sub.last_line,
                                quote,
                            )
                        )
    return found


def _subheadings(
    blocks: Sequence[Block], number: int, rule: SectionRule
) -> list[tuple[int, Block]]:
    """Headings inside the section that starts at heading ``number``.

    A numbered section runs to the next heading numbered at its depth or above; an
    unnumbered one to the next numbered heading.
    """
    level = heading_level(blocks[number].text)
    inside = []
    for inner in range(number + 1, len(blocks)):
        block = blocks[inner]
        if block.kind is not BlockKind.HEADING:
            continue
        depth = heading_level(block.text)
        if depth is not None and (level is None or depth <= level):
            break
        if rule.heading.search(block.text):
            break
        inside.append((inner, block))
    return inside
