"""The reference list of public bodies (``kg/data/actors.csv``) and finding them in text."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.rules import data_path

ACTORS_PATH = Path(str(data_path("actors.csv")))


@dataclass(frozen=True)
class Actor:
    canonical_name: str
    type: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical_name, *self.aliases)


def spellings(name: str) -> tuple[str, ...]:
    """How a name is written in running text and in upper-case page headers."""
    return tuple(dict.fromkeys((name, name.upper())))


class ActorRegistry:
    """Bodies by canonical name, and one compiled pattern that finds any of their names.

    A name matches as a whole word, optionally with the genitive "s"
    ("Helsedirektoratets"), as written in the registry or in upper case. The pattern
    starts with the names themselves (no look-behind) so the regex engine can skip to
    candidate characters; the word boundary in front is checked on each hit.
    """

    def __init__(self, actors: tuple[Actor, ...]) -> None:
        self.actors = {actor.canonical_name: actor for actor in actors}
        self._by_spelling: dict[str, str] = {}
        for actor in actors:
            for name in actor.names:
                for spelling in spellings(name):
                    owner = self._by_spelling.setdefault(spelling, actor.canonical_name)
                    if owner != actor.canonical_name:
                        raise ValueError(f"{name!r} names both {owner} and {actor.canonical_name}")
        alternatives = sorted(self._by_spelling, key=len, reverse=True)
        self._pattern = re.compile(
            f"(?P<name>{'|'.join(map(re.escape, alternatives))})s?(?![\\w-])"
        )

    def mentions(
        self, text: str, boost: re.Pattern[str] | None = None
    ) -> tuple[Counter[str], Counter[str]]:
        """Mentions per canonical name, and how many of them ``boost`` matches right after."""
        found: Counter[str] = Counter()
        boosted: Counter[str] = Counter()
        for match in self._pattern.finditer(text):
            start = match.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
                continue  # inside a longer word
            name = self._by_spelling[match["name"]]
            found[name] += 1
            if boost is not None and boost.match(text, match.end("name")):
                boosted[name] += 1
        return found, boosted


def read_actors(path: Path) -> tuple[Actor, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Actor(
                canonical_name=row["canonical_name"].strip(),
                type=row["type"].strip(),
                aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
            )
            for row in csv.DictReader(handle)
        )


@cache
def load_actors(path: Path = ACTORS_PATH) -> ActorRegistry:
    """The registry in ``path`` (read and compiled once per process)."""
    return ActorRegistry(read_actors(path))
