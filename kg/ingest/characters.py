"""Character rules: invisible characters removed, dash variants and bullet glyphs unified.

Tabs and non-breaking spaces are left exactly as they are: in budget tables a
non-breaking space separates thousands and an ordinary space separates cells.
"""

from __future__ import annotations

from kg.ingest.origins import Runs, remove_chars
from kg.ingest.rules import NormalizeRules


def clean_line(text: str, line: int, rules: NormalizeRules) -> tuple[str, Runs | None]:
    """The cleaned text of original line ``line`` and the origins of its characters
    (None: each character is where it was)."""
    if not rules.special.search(text):
        return text, None
    runs: Runs | None = None
    if rules.removable.search(text):
        text, runs = remove_chars(text, line, rules.removable)
    text = text.translate(rules.dash_table)  # one character for one: runs unchanged
    bullet = rules.leading_bullet.match(text)
    if bullet:
        at = bullet.start(2)
        text = text[:at] + rules.bullet_replacement + text[at + 1 :]
    return text, runs


def ends_with_soft_hyphen(raw: str) -> bool:
    """Whether an original line ends with a letter and a soft hyphen: a word broken there."""
    stripped = raw.rstrip()
    return len(stripped) >= 2 and stripped[-1] == "\u00ad" and stripped[-2].isalpha()
