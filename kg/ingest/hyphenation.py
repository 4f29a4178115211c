"""Rejoin words hyphenated across a line break, keeping lines one-to-one.

The continuation word moves up to the end of the hyphenated line; the next line keeps
the rest of its text. Which hyphen stays:

- "skole-" / "ruta"       -> "skoleruta" (lowercase continuation: hyphen dropped)
- "Helse-" / "og omsorg"  -> unchanged (keep-list word: a suspended compound)
- "der-" / "som de"       -> "dersom" (fragment + word is a join word)
- "Av-" / "og-til"        -> "Av-og-til" (keep-list word inside a hyphenated name)
- "covid-" / "19"         -> "covid-19" (digit: hyphen kept)
- "Sør-" / "Øst"          -> "Sør-Øst" (uppercase after a capitalised fragment: kept)
- "HMS-" / "arbeidet", "e-" / "læring" -> hyphen kept (acronym or single letter)
- "kompetanse-" / "Tabell 4" -> unchanged (lowercase fragment, uppercase next: a
  column or page break, not a compound)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.ingest.origins import Runs, cut, identity, join, locate
from kg.ingest.rules import NormalizeRules

_HYPHENATED = re.compile(r"([^\W\d_]+)-$")  # fragment letters, then the hyphen
_MAX_FRAGMENT = 80  # look this far back from the hyphen for the fragment
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"\S+")


@dataclass
class Lines:
    """Mutable working state: texts and origin runs of all lines, 0-based."""

    texts: list[str]
    runs: list[Runs | None]  # None: the line is unedited so far
    raw: Sequence[str]
    soft_breaks: set[int]  # lines whose original ends with letter + soft hyphen

    def runs_of(self, index: int) -> Runs:
        runs = self.runs[index]
        return identity(index + 1) if runs is None else runs


def rejoin_hyphenated(lines: Lines, rules: NormalizeRules) -> None:
    """Rejoin every hyphenated word in place."""
    for index, text in enumerate(lines.texts):
        if not text.rstrip().endswith("-") and index not in lines.soft_breaks:
            continue  # fast path: nothing to rejoin on this line
        after = index
        while (moved_from := _join_once(lines, index, after, rules)) is not None:
            if lines.texts[moved_from]:  # the continuation line still has text: done
                break
            after = moved_from  # the whole line moved up: it may itself end hyphenated


def _join_once(lines: Lines, index: int, after: int, rules: NormalizeRules) -> int | None:
    """Move the continuation word up to line ``index``; return the line it came from."""
    text = lines.texts[index].rstrip()
    hyphenated = _HYPHENATED.search(text[-_MAX_FRAGMENT:]) if text.endswith("-") else None
    if hyphenated and _is_ascii_hyphen(lines, index, len(text) - 1):
        fragment, keep_from = hyphenated.group(1), len(text) - 1
    elif index in lines.soft_breaks and after == index and text[-1:].isalpha():
        fragment, keep_from = "", len(text)  # soft hyphen already removed
    else:
        return None
    following = _next_content_line(lines, after, rules.max_blank_lines)
    if following is None:
        return None
    next_text = lines.texts[following]
    word = _WORD.search(next_text)
    assert word is not None  # the line has content
    if fragment:
        keep_hyphen = _keep_hyphen(fragment, word.group(), rules)
    else:
        keep_hyphen = False if word.group()[0].isalpha() else None
    if keep_hyphen is None:
        return None
    head = keep_from + 1 if keep_hyphen else keep_from
    _move(lines, index, head, following, word.start(), word.end())
    return following


def _keep_hyphen(fragment: str, word: str, rules: NormalizeRules) -> bool | None:
    """True: join keeping the hyphen; False: join dropping it; None: do not join."""
    first = word[0]
    if first.isdigit():
        return True
    if first.isupper():
        return True if fragment[0].isupper() else None
    if not first.isalpha():
        return None
    letters = _LETTERS.match(word)
    core = letters.group() if letters else word
    if core in rules.keep_words:
        if word[len(core) : len(core) + 1] == "-":
            return True  # a hyphenated name: "Av-" / "og-til" -> "Av-og-til"
        if (fragment + core).lower() not in rules.join_words:
            return None
    return len(fragment) == 1 or fragment.isupper()


def _is_ascii_hyphen(lines: Lines, index: int, column: int) -> bool:
    """Whether the character at ``column`` was an ASCII hyphen in the original file
    (and not an en dash or other variant unified to "-")."""
    line, source_column = locate(lines.runs_of(index), column)
    raw = lines.raw[line - 1]
    return source_column < len(raw) and raw[source_column] == "-"


def _next_content_line(lines: Lines, after: int, max_blank: int) -> int | None:
    for following in range(after + 1, min(after + 2 + max_blank, len(lines.texts))):
        if lines.texts[following].strip():
            return following
    return None


def _move(lines: Lines, index: int, head: int, following: int, start: int, end: int) -> None:
    """Line ``index`` keeps ``text[:head]`` plus the word ``[start:end]`` of line
    ``following``; that line keeps the rest after the word, leading space removed."""
    text, next_text = lines.texts[index], lines.texts[following]
    next_runs = lines.runs_of(following)
    lines.texts[index] = text[:head] + next_text[start:end]
    lines.runs[index] = join(lines.runs_of(index), head, cut(next_runs, start, end))
    rest = len(next_text) - len(next_text[end:].lstrip())
    lines.texts[following] = next_text[rest:]
    lines.runs[following] = cut(next_runs, rest, len(next_text))
