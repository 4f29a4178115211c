"""Recognition rules as typed records, read from ``kg/data/recognition.toml``.

The file is the source of truth for what makes a budget proposition, an allocation
letter or an annual report; this module only checks its shape and compiles it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.records import DocumentKind
from kg.rules import load_toml


@dataclass(frozen=True)
class Cue:
    """A pattern that speaks for a kind: ``weight`` per hit, at most ``cap`` hits counted."""

    pattern: re.Pattern[str]
    weight: float
    cap: int
    example: str


@dataclass(frozen=True)
class YearCue:
    """A pattern whose single group is a year; ``year + offset`` is the fiscal year it votes for."""

    pattern: re.Pattern[str]
    weight: float
    offset: int
    example: str


@dataclass(frozen=True)
class Signature:
    """Everything that recognises one document kind."""

    kind: DocumentKind
    min_score: float
    cues: tuple[Cue, ...]
    years: tuple[YearCue, ...]
    issuer: str  # a role name
    addressee: str  # a role name
    actor_boost: re.Pattern[str] | None = None
    boost_weight: float = 0.0


@dataclass(frozen=True)
class Role:
    """How to pick the issuer or addressee among the bodies of some types."""

    name: str
    types: frozenset[str]
    mention_weight: float
    chapter_weight: float = 0.0
    default: str | None = None


@dataclass(frozen=True)
class ChapterPattern:
    pattern: re.Pattern[str]
    example: str


@dataclass(frozen=True)
class ChapterRange:
    ministry: str
    first: int
    last: int


@dataclass(frozen=True)
class Rules:
    signatures: tuple[Signature, ...]
    roles: dict[str, Role]
    chapter_patterns: tuple[ChapterPattern, ...]
    chapter_ranges: tuple[ChapterRange, ...]

    def ministry_of_chapter(self, chapter: int) -> str | None:
        for span in self.chapter_ranges:
            if span.first <= chapter <= span.last:
                return span.ministry
        return None


def _compile(raw: dict[str, Any], groups: int | None = None) -> re.Pattern[str]:
    """Compile a pattern that runs on lower-cased text (see :func:`prepare`)."""
    source = str(raw["pattern"])
    if source != source.lower():
        raise ValueError(f"pattern {source!r} must be written in lower case")
    pattern = re.compile(source)
    if groups is not None and pattern.groups != groups:
        raise ValueError(f"pattern {source!r} must have {groups} capture group(s)")
    return pattern


def collapse(text: str) -> str:
    """``text`` on one line: whitespace runs (newlines, tabs, NBSP) become one space.

    ``str.split`` without arguments splits on every Unicode space, NBSP included, so a
    header wrapped over blank lines ("Forslag \\n\\n2024") reads "Forslag 2024".
    """
    return " ".join(text.split())


def prepare(text: str) -> str:
    """The text every pattern in the rules runs on: collapsed, then lower-cased.

    (``recognise`` keeps the collapsed text too, to find names whose case matters.)
    """
    return collapse(text).lower()


def _cue(raw: dict[str, Any]) -> Cue:
    return Cue(_compile(raw), float(raw["weight"]), int(raw.get("cap", 1)), str(raw["example"]))


def _year_cue(raw: dict[str, Any]) -> YearCue:
    return YearCue(
        _compile(raw, groups=1),
        float(raw["weight"]),
        int(raw.get("offset", 0)),
        str(raw["example"]),
    )


def _signature(raw: dict[str, Any]) -> Signature:
    boost = raw.get("actor_boost")
    return Signature(
        kind=DocumentKind(raw["kind"]),
        min_score=float(raw["min_score"]),
        cues=tuple(_cue(c) for c in raw.get("cues", [])),
        years=tuple(_year_cue(y) for y in raw.get("years", [])),
        issuer=str(raw["issuer"]),
        addressee=str(raw["addressee"]),
        actor_boost=re.compile(boost) if boost else None,
        boost_weight=float(raw.get("boost_weight", 0.0)),
    )


def _role(name: str, raw: dict[str, Any]) -> Role:
    return Role(
        name=name,
        types=frozenset(raw["types"]),
        mention_weight=float(raw.get("mention_weight", 1.0)),
        chapter_weight=float(raw.get("chapter_weight", 0.0)),
        default=raw.get("default"),
    )


def parse_rules(data: dict[str, Any]) -> Rules:
    """Build :class:`Rules` from the parsed TOML; raise ``ValueError`` on a malformed entry."""
    roles = {name: _role(name, raw) for name, raw in data["roles"].items()}
    signatures = tuple(_signature(raw) for raw in data["kinds"])
    for signature in signatures:
        for role in (signature.issuer, signature.addressee):
            if role not in roles:
                raise ValueError(f"{signature.kind}: unknown role {role!r}")
    chapters = data["chapters"]
    return Rules(
        signatures=signatures,
        roles=roles,
        chapter_patterns=tuple(
            ChapterPattern(_compile(raw, groups=1), str(raw["example"]))
            for raw in chapters["patterns"]
        ),
        chapter_ranges=tuple(
            ChapterRange(str(raw["ministry"]), int(first), int(last))
            for raw in chapters["ranges"]
            for first, last in raw["ranges"]
        ),
    )


@cache
def load_rules() -> Rules:
    """The recognition rules in ``kg/data/recognition.toml`` (read and compiled once)."""
    return parse_rules(load_toml("recognition.toml"))
