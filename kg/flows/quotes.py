"""The quote of a statement: the original text of its lines, whitespace collapsed.

Where ingest rejoined a word hyphenated across a line break ("kro-" / "ner"), the quote
rejoins it too, so it holds the amount and the words as the normalised text reads them;
everything else is the original text.
"""

from __future__ import annotations

from kg.records import Document


def quote_lines(document: Document, first: int, last: int) -> str:
    """Original lines ``first`` .. ``last``, collapsed, hyphenated words rejoined."""
    parts: list[str] = []
    previous = 0
    for number in range(first, last + 1):
        raw = " ".join(document.source.raw_lines[number - 1].split())
        if not raw:
            continue
        if previous and _rejoined(document, previous):
            parts[-1] = parts[-1][:-1] + raw
        else:
            parts.append(raw)
        previous = number
    return " ".join(parts)


def _rejoined(document: Document, number: int) -> bool:
    """Ingest rejoined the word line ``number`` ends with ("kro-") with the start of the
    next line: the raw hyphen at its end is a word break, not a dash."""
    line = document.lines[number - 1]
    raw = document.source.raw_lines[number - 1].rstrip()
    return bool(raw) and raw.endswith("-") and not line.text.rstrip().endswith("-")
