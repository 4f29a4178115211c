"""Normalise a source file into a Document: one TextLine per original line.

Order: page furniture becomes empty lines, then character rules (invisible characters
removed, dashes and bullets unified), then hyphenated words are rejoined. Every
character keeps its origin (original line and column), see ``TextLine.locate``.
The rules themselves are data: ``kg/data/normalize.toml``.
"""

from __future__ import annotations

from kg.ingest.characters import clean_line, ends_with_soft_hyphen
from kg.ingest.furniture import furniture_lines
from kg.ingest.hyphenation import Lines, rejoin_hyphenated
from kg.ingest.origins import Runs, as_origins
from kg.ingest.rules import NormalizeRules, load_rules
from kg.records import Document, SourceFile, TextLine


def normalize(source: SourceFile, *, rules: NormalizeRules | None = None) -> Document:
    """The normalised document of ``source``; line ``n`` of it is original line ``n``."""
    rules = rules or load_rules()
    raw = source.raw_lines
    furniture = furniture_lines(raw, source.pages, rules)
    texts: list[str] = []
    runs: list[Runs | None] = []
    for index, text in enumerate(raw):
        if index in furniture:
            texts.append("")
            runs.append(None)
            continue
        cleaned, cleaned_runs = clean_line(text, index + 1, rules)
        texts.append(cleaned)
        runs.append(cleaned_runs)
    soft_breaks = {
        i
        for i, text in enumerate(raw)
        if "\u00ad" in text and i not in furniture and ends_with_soft_hyphen(text)
    }
    lines = Lines(texts=texts, runs=runs, raw=raw, soft_breaks=soft_breaks)
    rejoin_hyphenated(lines, rules)
    pages = source.pages
    return Document(
        source=source,
        lines=tuple(
            TextLine(
                number=index + 1,
                text=text,
                page=pages[index] if pages is not None else None,
                origins=() if line_runs is None else as_origins(line_runs, index + 1, text),
            )
            for index, (text, line_runs) in enumerate(zip(lines.texts, lines.runs, strict=True))
        ),
    )
