"""What a text says of a scheme it names: funding post, administrator, recipient group.

Each is read from the sentence that names the scheme, falling back to the section it
stands in: the post of a "Kap. 714, post 60" heading, and in an allocation letter the
addressee when the section allocates money to it ("Helsedirektoratet tildeles ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from kg.records import DocumentKind, Profile
from kg.schemes.prose import ActorSpans, Prose
from kg.schemes.rules import SchemeRules
from kg.schemes.shapes import Candidate

_ROW_POST = re.compile(r"^\s*0?(?P<kap>\d{3,4})[ .](?P<post>\d{2})\s")
_RECIPIENT_LEAD = re.compile(r"\s+(?:til|for|rettet\s+mot)\s+(?:de\s+|alle\s+)?")
_SECTION_LABEL = re.compile(r"^(?:kap|post)\b", re.IGNORECASE)
_MAX_GAP = 120  # characters between an administrator and the scheme it administers


@dataclass(frozen=True)
class Context:
    prose: Prose
    rules: SchemeRules
    profile: Profile
    actors: ActorSpans
    allocations: Sequence[int]  # offsets where the addressee "tildeles" money


def post_of(candidate: Candidate, context: Context) -> tuple[int | None, int | None]:
    """Chapter and post: a table row, a reference in the sentence, else the section."""
    if candidate.kap is not None:
        return candidate.kap, candidate.post
    prose = context.prose
    start, end = prose.sentence(candidate.start)
    references = [
        (abs(m.start() - candidate.end) + (0 if m.start() >= candidate.end else 1000), m)
        for m in context.rules.post_reference.finditer(prose.text, start, end)
    ]
    if references:
        match = min(references, key=lambda r: r[0])[1]
        kap, post = (
            match.group("kap") or match.group("kap2"),
            match.group("post") or match.group("post2"),
        )
        return int(kap), int(post)
    line = prose.line(candidate.start)
    if row := _ROW_POST.match(prose.document.lines[line - 1].text):
        return int(row.group("kap")), int(row.group("post"))
    section = prose.section(line)
    if section and section.kap is not None and _SECTION_LABEL.match(section.label):
        return section.kap, section.post
    return None, None


def administrator_of(candidate: Candidate, context: Context) -> str | None:
    """The actor a sentence says administers the scheme, else an allocation's addressee."""
    prose, text = context.prose, context.prose.text
    start, end = prose.sentence(candidate.start)
    found: list[tuple[int, str]] = []
    for m_start, m_end, actor in context.actors.starting_in(start, end):
        for rule in context.rules.administrators:
            after = rule.side == "after" and candidate.end <= m_start <= candidate.end + _MAX_GAP
            before = (
                rule.side == "before" and candidate.start - _MAX_GAP <= m_end <= candidate.start
            )
            if after and rule.pattern.search(text[candidate.end : m_start]):
                found.append((m_start - candidate.end, actor))
            elif before and rule.pattern.match(text[m_end : candidate.start]):
                found.append((candidate.start - m_end, actor))
    if found:
        return min(found)[1]
    return _addressee(candidate, context, start)


def _addressee(candidate: Candidate, context: Context, sentence_start: int) -> str | None:
    profile = context.profile
    if profile.kind is not DocumentKind.ALLOCATION_LETTER or not profile.addressee:
        return None
    section = context.prose.section(context.prose.line(candidate.start))
    floor = sentence_start
    if section is not None and _SECTION_LABEL.match(section.label):
        floor = min(floor, context.prose.line_start(section.first_line))
    at = bisect_left(context.allocations, floor)
    if at < len(context.allocations) and context.allocations[at] < candidate.start:
        return profile.addressee
    return None


def allocation_offsets(
    actors: ActorSpans, prose: Prose, rules: SchemeRules, addressee: str | None
) -> list[int]:
    """Offsets where the text allocates money to the addressee ("Helsedirektoratet tildeles")."""
    return [
        start
        for start, end, actor in actors.spans
        if addressee and actor == addressee and rules.allocation.match(prose.text[end : end + 30])
    ]


def recipient_of(candidate: Candidate, context: Context) -> str | None:
    """The recipient group the name itself or the words after it state ("til kommunene")."""
    rules, text = context.rules, context.prose.text
    if candidate.phrase is not None:
        for recipient in rules.recipients:
            if recipient.pattern.match(candidate.phrase.text):
                return recipient.label
    lead = _RECIPIENT_LEAD.match(text, candidate.end)
    if lead:
        for recipient in rules.recipients:
            if recipient.pattern.match(text, lead.end()):
                return recipient.label
    return None
