"""Normalisation rules, loaded once from ``kg/data/normalize.toml``.

The data file holds the patterns and word lists; this module only compiles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.rules import load_toml

RULES_FILE = "normalize.toml"


@dataclass(frozen=True)
class FurniturePattern:
    """A whole-line pattern for page furniture, with the examples it must (not) match."""

    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


@dataclass(frozen=True)
class NormalizeRules:
    furniture: tuple[FurniturePattern, ...]
    any_furniture: re.Pattern[str]  # all furniture patterns as one alternation
    page_number: re.Pattern[str]  # a lone page number (PDF page top/bottom only)
    page_number_examples: tuple[str, ...]
    page_number_counter_examples: tuple[str, ...]
    running_min_share: float
    running_min_pages: int
    removable: re.Pattern[str]  # characters dropped wherever they occur
    dash_table: dict[int, str]  # str.translate table: dash variants -> "-"
    leading_bullet: re.Pattern[str]  # group 1 = indentation, group 2 = the bullet glyph
    bullet_replacement: str
    special: re.Pattern[str]  # any character some character rule acts on (fast path)
    max_blank_lines: int
    keep_words: frozenset[str]
    join_words: frozenset[str]


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _furniture(entry: dict[str, Any]) -> FurniturePattern:
    return FurniturePattern(
        name=entry["name"],
        pattern=re.compile(entry["pattern"]),
        examples=tuple(entry.get("examples", ())),
        counter_examples=tuple(entry.get("counter_examples", ())),
    )


def parse_rules(data: dict[str, Any]) -> NormalizeRules:
    """Compile the rules from the parsed TOML document."""
    furniture = tuple(_furniture(entry) for entry in data["furniture"])
    pdf, chars, hyph = data["pdf"], data["characters"], data["hyphenation"]
    removable: list[str] = chars["remove"]
    dashes: list[str] = chars["dashes"]
    bullets: list[str] = chars["bullets"]
    if len(chars["dash_replacement"]) != 1 or len(chars["bullet_replacement"]) != 1:
        raise ValueError(f"{RULES_FILE}: a replacement must be one character (origins map 1:1)")
    return NormalizeRules(
        furniture=furniture,
        any_furniture=re.compile("|".join(f"(?:{f.pattern.pattern})" for f in furniture)),
        page_number=re.compile(pdf["page_number"]),
        page_number_examples=tuple(pdf.get("page_number_examples", ())),
        page_number_counter_examples=tuple(pdf.get("page_number_counter_examples", ())),
        running_min_share=float(pdf["running_min_share"]),
        running_min_pages=int(pdf["running_min_pages"]),
        removable=re.compile(_char_class(removable) + "+"),
        dash_table={ord(c): chars["dash_replacement"] for c in dashes},
        leading_bullet=re.compile(r"^(\s*)(" + _char_class(bullets) + ")"),
        bullet_replacement=chars["bullet_replacement"],
        special=re.compile(_char_class(removable + dashes + bullets)),
        max_blank_lines=int(hyph["max_blank_lines"]),
        keep_words=frozenset(hyph["keep_words"]),
        join_words=frozenset(hyph["join_words"]),
    )


@cache
def load_rules() -> NormalizeRules:
    """The rules shipped in ``kg/data/normalize.toml`` (read and compiled once)."""
    return parse_rules(load_toml(RULES_FILE))
