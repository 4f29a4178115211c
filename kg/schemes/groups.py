"""Which names are one entity: names that share a key, unless their periods differ.

Used for schemes (no periods) and plans: "Nasjonal helse- og sykehusplan 2020-2023" and
"Nasjonal helse- og sykehusplan 2016-2019" share a key but are two plans; a name
without a period joins either.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

M = TypeVar("M")


class KeyGroups:
    """Union-find over items, each known by several keys and perhaps a period."""

    def __init__(self, items: Sequence[tuple[Sequence[str], str | None]]) -> None:
        self._parent = list(range(len(items)))
        self._periods: list[set[str]] = [{p} if p else set() for _, p in items]
        by_key: dict[str, int] = {}
        for index, (keys, _) in enumerate(items):
            for key in keys:
                if key in by_key:
                    self._join(by_key[key], index)
                else:
                    by_key[key] = index

    def _find(self, index: int) -> int:
        while self._parent[index] != index:
            self._parent[index] = self._parent[self._parent[index]]
            index = self._parent[index]
        return index

    def _join(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb or len(self._periods[ra] | self._periods[rb]) > 1:
            return
        low, high = min(ra, rb), max(ra, rb)
        self._parent[high] = low
        self._periods[low] |= self._periods[high]

    def group(self, index: int) -> int:
        """The group of item ``index``: the index of its first member."""
        return self._find(index)


def group_mentions(
    mentions_by_document: Mapping[str, Sequence[M]] | Iterable[Sequence[M]],
    *,
    keys: Callable[[M], Sequence[str]],
    period: Callable[[M], str | None],
    order: Callable[[M], Any],
) -> list[list[M]]:
    """The mentions of all documents, in ``order``, grouped into one list per entity."""
    groups_of = (
        mentions_by_document.values()
        if isinstance(mentions_by_document, Mapping)
        else mentions_by_document
    )
    mentions = sorted((m for group in groups_of for m in group), key=order)
    groups = KeyGroups([(keys(m), period(m)) for m in mentions])
    members: dict[int, list[M]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        members[groups.group(index)].append(mention)
    return list(members.values())
