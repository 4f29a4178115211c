"""What the sentences around a statement say: the purpose of an allocation stated in the
next sentence ("Bevilgningen dekker ..."), what an anaphor points back to ("til
tilskuddet"), and which recipient a list introduction gives its items."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.flows.recipients import trim_recipient
from kg.flows.rules import FlowRules
from kg.flows.units import Unit

_SUFFIX = re.compile(r"(?:ene|et|en|a)$")


@dataclass(frozen=True)
class Span:
    """A phrase in one unit's text."""

    unit: Unit
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]


def sentences_after(
    units: Sequence[Unit], position: int, offset: int
) -> Iterator[tuple[Unit, int, int]]:
    """Sentences after ``offset`` of units[position], then those of the later units."""
    for index in range(position, len(units)):
        unit = units[index]
        for start, end in unit.sentences:
            if index > position or start > offset:
                yield unit, start, end


def sentences_before(
    units: Sequence[Unit], position: int, offset: int
) -> Iterator[tuple[Unit, int, int]]:
    """Sentences before the one at ``offset`` of units[position], nearest first."""
    for index in range(position, -1, -1):
        unit = units[index]
        for start, end in reversed(unit.sentences):
            if index < position or end <= offset:
                yield unit, start, end


def purpose_after(
    units: Sequence[Unit], position: int, offset: int, rules: FlowRules
) -> Span | None:
    """The purpose a following sentence states for an allocation ("Posten dekker Y")."""
    for count, (unit, start, end) in enumerate(sentences_after(units, position, offset)):
        if count >= rules.purpose_sentence_window:
            return None
        sentence = unit.text[start:end]
        for rule in rules.purpose_sentence:
            match = rule.pattern.match(sentence)
            if match:
                phrase = trim_recipient(sentence[match.end() :], rules)
                if phrase and not phrase.endswith(":"):
                    return Span(unit, start + match.end(), start + match.end() + len(phrase))
    return None


def antecedent(
    units: Sequence[Unit], position: int, offset: int, anaphor: str, rules: FlowRules
) -> Span | None:
    """The phrase an anaphor ("tilskuddet", "dette arbeidet") points back to."""
    word = anaphor.split()[-1].lower()
    stem = _SUFFIX.sub("", word) if len(word) > 6 else word
    if len(stem) < 5:
        return None
    pattern = re.compile(rf"(?i)\b\w*{re.escape(stem)}\w*")
    for count, (unit, start, end) in enumerate(sentences_before(units, position, offset)):
        if count >= rules.anaphora_window:
            return None
        match = pattern.search(unit.text, start, end)
        if match:
            phrase = trim_recipient(unit.text[match.start() : end], rules)
            if phrase:
                return Span(unit, match.start(), match.start() + len(phrase))
    return None


def intro_recipient(unit: Unit, rules: FlowRules) -> Span | None:
    """The recipient a list introduction names for its items ("... er øremerket Y:",
    "- En vei inn:")."""
    start, end = unit.sentences[-1]
    start = max(start, unit.body)
    sentence = unit.text[start:end].rstrip().rstrip(":")
    for rule in rules.purpose:
        match = rule.pattern.search(sentence)
        if match:
            phrase = trim_recipient(sentence[match.end() :], rules)
            if phrase:
                return Span(unit, start + match.end(), start + match.end() + len(phrase))
    if unit.is_item and 0 < len(sentence.split()) <= 6:
        return Span(unit, start, start + len(sentence))
    return None
