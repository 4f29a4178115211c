"""When two names of organisations count as the same in an evaluation."""

from __future__ import annotations

import re
from collections.abc import Iterable

_DASHES = re.compile(r"[\u2010-\u2015\-]")
_SPACE = re.compile(r"\s+")


def normal(name: str) -> str:
    """Case, dashes and spacing folded: "Helse- og omsorgsdepartementet" ~ "helse og ..."."""
    return _SPACE.sub(" ", _DASHES.sub(" ", name.casefold())).strip()


class NameGroups:
    """Each annotated body as a set of its names; lookup of which body a name is."""

    def __init__(self, groups: Iterable[tuple[str, Iterable[str]]]) -> None:
        self._by_name: dict[str, str] = {}
        self.keys: list[str] = []
        for key, names in groups:
            self.keys.append(key)
            for name in (key, *names):
                self._by_name.setdefault(normal(name), key)

    def key_of(self, names: Iterable[str]) -> str | None:
        """The annotated body one of ``names`` belongs to, if any."""
        for name in names:
            key = self._by_name.get(normal(name))
            if key is not None:
                return key
        return None
