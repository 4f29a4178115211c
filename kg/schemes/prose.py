"""A document's normalised text as one string, with the way back to lines and sections.

Names of schemes and plans run across line breaks ("tilskuddsordning for\\nprogram for
..."), so the extractors search the whole text at once: the normalised lines joined by
"\\n". An offset in that string maps back to a line (bisect on line starts), a column, a
sentence and the innermost section. Used by kg/schemes and kg/plans alike.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.records import ActorMention, Document, Section, Segmentation
from kg.rules import load_toml

_SPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Whitespace runs as one space, no space at the ends."""
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class SentenceRules:
    end: re.Pattern[str]  # where a sentence may end
    abbreviations: frozenset[str]  # "kap." "jf." ...: a period after them ends nothing
    item_start: re.Pattern[str]  # a line that starts a list item


@cache
def sentence_rules() -> SentenceRules:
    data = load_toml("schemes.toml")["sentences"]
    return SentenceRules(
        end=re.compile(data["end_pattern"]),
        abbreviations=frozenset(a.casefold() for a in data["abbreviations"]),
        item_start=re.compile(data["item_pattern"], re.MULTILINE),
    )


class Prose:
    """The normalised text of one document, searchable as a whole."""

    def __init__(self, document: Document, segmentation: Segmentation | None = None) -> None:
        self.document = document
        self.text = "\n".join(line.text for line in document.lines)
        lower = self.text.lower()
        self._lower = lower if len(lower) == len(self.text) else None
        self._triggers: dict[str, list[int]] = {}
        starts = [0]
        for line in document.lines[:-1]:
            starts.append(starts[-1] + len(line.text) + 1)
        self._starts = starts
        self._sections: Sequence[Section] = segmentation.sections if segmentation else ()
        self._breaks = self._sentence_breaks(segmentation)

    # ----------------------------------------------------------------- search
    def _trigger_positions(self, trigger: str) -> list[int]:
        if trigger not in self._triggers:
            found, at = [], -1
            assert self._lower is not None
            while (at := self._lower.find(trigger, at + 1)) >= 0:
                found.append(at)
            self._triggers[trigger] = found
        return self._triggers[trigger]

    def search(self, pattern: re.Pattern[str], triggers: Sequence[str] = ()) -> list[re.Match[str]]:
        """Every match of ``pattern`` in the text, in order.

        ``triggers`` are the lower-case words a match starts with: the pattern is then
        only tried where they occur, many times faster than scanning a long text.
        """
        if not triggers or self._lower is None:
            return list(pattern.finditer(self.text))
        found: dict[int, re.Match[str]] = {}
        for trigger in triggers:
            for at in self._trigger_positions(trigger):
                if match := pattern.match(self.text, at):
                    found.setdefault(at, match)
        matches = [found[start] for start in sorted(found)]
        kept: list[re.Match[str]] = []
        for match in matches:  # as finditer would: no match inside the one before
            if not kept or match.start() >= kept[-1].end():
                kept.append(match)
        return kept

    # ----------------------------------------------------------------- positions
    def index(self, offset: int) -> int:
        """0-based index of the line holding ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def line(self, offset: int) -> int:
        """Original (1-based) line number of the character at ``offset``."""
        return self.document.lines[self.index(offset)].number

    def column(self, offset: int) -> int:
        return offset - self._starts[self.index(offset)]

    def offset(self, line: int, column: int) -> int:
        """Offset of (line, column); lines are numbered as in the document."""
        index = min(max(line - 1, 0), len(self._starts) - 1)
        return self._starts[index] + column

    def line_start(self, line: int) -> int:
        return self.offset(line, 0)

    def mention_span(self, mention: ActorMention) -> tuple[int, int]:
        start = self.offset(mention.line, mention.column)
        return start, start + len(mention.surface)

    # ----------------------------------------------------------------- sentences
    def _sentence_breaks(self, segmentation: Segmentation | None) -> list[int]:
        """Offsets where a sentence starts: after a full stop, at headings and list items."""
        rules = sentence_rules()
        text, breaks = self.text, {0}
        for match in rules.end.finditer(text):
            at = match.start()
            if text[at] == ".":
                low = max(0, at - 12)
                space = max(text.rfind(" ", low, at), text.rfind("\n", low, at), low - 1)
                word = text[space + 1 : at + 1].lstrip('([«"“').casefold()
                if word in rules.abbreviations:
                    continue
            breaks.add(match.end())
        headings = {s.first_line for s in segmentation.sections} if segmentation else set()
        for table in segmentation.tables if segmentation else ():
            for first, last in (
                (table.first_line, table.header_last_line),
                *((row.first_line, row.last_line) for row in table.rows),
            ):
                breaks.add(self.line_start(first))
                breaks.add(self.line_start(last) + len(self.document.lines[last - 1].text))
        breaks.update(m.start() for m in rules.item_start.finditer(self.text))
        for number in headings:
            index = number - 1
            if 0 <= index < len(self._starts):
                breaks.add(self._starts[index])
                breaks.add(self._starts[index] + len(self.document.lines[index].text))
        return sorted(breaks)

    def sentence_index(self, offset: int) -> int:
        """Which sentence of the document holds ``offset`` (0-based)."""
        return max(0, bisect_right(self._breaks, offset) - 1)

    def sentence(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the sentence holding ``offset``."""
        at = bisect_right(self._breaks, offset) - 1
        start = self._breaks[max(at, 0)]
        end = self._breaks[at + 1] if at + 1 < len(self._breaks) else len(self.text)
        return start, end

    # ----------------------------------------------------------------- sections
    def section(self, line: int) -> Section | None:
        """The innermost section holding ``line`` (the one that starts last)."""
        best: Section | None = None
        for section in self._sections:
            if section.first_line <= line <= section.last_line and (
                best is None or section.first_line >= best.first_line
            ):
                best = section
        return best


MentionSpan = tuple[int, int, str]  # start and end offset in the text, canonical actor


class ActorSpans:
    """A document's actor mentions as spans of its text, sorted, for range look-ups."""

    def __init__(self, prose: Prose, mentions: Sequence[ActorMention]) -> None:
        self.spans: list[MentionSpan] = sorted((*prose.mention_span(m), m.actor) for m in mentions)
        self._starts = [span[0] for span in self.spans]

    def starting_in(self, start: int, end: int) -> list[MentionSpan]:
        """Mentions that start at or after ``start`` and before ``end``."""
        low = bisect_left(self._starts, start)
        high = bisect_left(self._starts, end, low)
        return self.spans[low:high]

    def starts_within(self, start: int, end: int) -> bool:
        low = bisect_left(self._starts, start)
        return low < len(self._starts) and self._starts[low] < end

    def ending_in(self, start: int, end: int, reach: int = 200) -> list[MentionSpan]:
        """Mentions that end within ``start`` .. ``end`` (none is longer than ``reach``)."""
        return [s for s in self.starting_in(start - reach, end) if start <= s[1] <= end]


_RECENT: list[tuple[Document, Segmentation | None, Prose]] = []


def prose_of(document: Document, segmentation: Segmentation | None) -> Prose:
    """The Prose of ``document``; the last few are kept, so the scheme and plan
    extractors read a document's text once between them (identity, not equality)."""
    for known, known_segmentation, prose in _RECENT:
        if known is document and known_segmentation is segmentation:
            return prose
    prose = Prose(document, segmentation)
    _RECENT.insert(0, (document, segmentation, prose))
    del _RECENT[4:]
    return prose
