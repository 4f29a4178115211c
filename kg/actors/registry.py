"""The reference registry of organisations: canonical bodies, their aliases, their changes.

Read once from ``kg/data/actors/registry.csv`` (``canonical_name,type,aliases,parent,
identifier,note``; aliases ``|``-separated; a note containing ``case_sensitive`` makes
every name of the row match only with its case) and ``kg/data/actors/changes.csv``
(``kind,old,new,date,note``; kind ``renamed_to`` or ``merged_into``).

:meth:`ActorRegistry.lookup` tolerates what running text does to a name (case for long
names, genitive -s, hyphen/space/dash variants); a name shared by an old and a new body
is settled by the date: the body that existed then.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from kg.actors.names import (
    collapse,
    fold,
    genitive_stems,
    is_case_sensitive,
    tolerant_variants,
)
from kg.records import Actor, ActorChange, ActorType, RelationKind
from kg.rules import data_path

CASE_SENSITIVE_NOTE = "case_sensitive"
CHANGE_KINDS = (RelationKind.RENAMED_TO, RelationKind.MERGED_INTO)
# How long after a body ceased a document may still use its name for the body itself
# (a report on the year of the change); later, the name means the body that carried on.
SUCCESSOR_GRACE = timedelta(days=366)


@dataclass(frozen=True)
class RegistryName:
    """One name (canonical or alias) of a registry body, as the matchers see it."""

    text: str
    canonical: str
    case_sensitive: bool


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


class ActorRegistry:
    """Canonical bodies by name, an index of every name they go by, and their changes."""

    def __init__(
        self,
        actors: Iterable[Actor],
        changes: Iterable[ActorChange] = (),
        *,
        case_sensitive: Iterable[str] = (),
        sources: tuple[Path, Path] | None = None,
    ) -> None:
        self.actors = {actor.name: actor for actor in sorted(actors, key=lambda a: a.name)}
        self.changes = tuple(sorted(changes, key=lambda c: (c.date, c.old, c.new)))
        self.sources = sources
        flagged = set(case_sensitive)
        self.common_words = frozenset(flagged)  # bodies whose names are ordinary words
        self.names = tuple(
            RegistryName(text, actor.name, actor.name in flagged or is_case_sensitive(text))
            for actor in self.actors.values()
            for text in dict.fromkeys((actor.name, *actor.aliases))
        )
        self._exact: dict[str, list[str]] = {}
        self._folded: dict[str, list[str]] = {}
        self._any_case: dict[str, list[str]] = {}  # every name, case ignored (tolerant lookup)
        for name in self.names:
            _add(self._exact, collapse(name.text), name.canonical)
            _add(self._any_case, fold(name.text), name.canonical)
            if not name.case_sensitive:
                _add(self._folded, fold(name.text), name.canonical)
        self._changes_from: dict[str, list[ActorChange]] = {}
        self._tolerated: dict[tuple[str, date | None], Actor | None] = {}  # remembered
        for change in self.changes:
            self._changes_from.setdefault(change.old, []).append(change)
        for change in self.changes:
            for end in (change.old, change.new):
                if end not in self.actors:
                    raise ValueError(f"change {change.old} -> {change.new}: {end!r} not listed")

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, canonical: str) -> Actor | None:
        return self.actors.get(canonical)

    def candidates(self, name: str) -> tuple[str, ...]:
        """Canonical names ``name`` may denote (as written, else undoing a genitive)."""
        for form in (collapse(name), *genitive_stems(collapse(name))):
            found = self._exact.get(form) or self._folded.get(fold(form))
            if found:
                return tuple(found)
        return ()

    def is_genitive(self, text: str) -> bool:
        """Whether ``text`` names a body only as a genitive ("Helsedirektoratets")."""
        form = collapse(text)
        return not (self._exact.get(form) or self._folded.get(fold(form))) and bool(
            self.candidates(form)
        )

    def is_ambiguous(self, name: str) -> bool:
        return len(self.candidates(name)) > 1

    def lookup(self, name: str, on_date: date | str | None = None) -> Actor | None:
        """The body ``name`` denotes; a name shared by several bodies needs ``on_date``.

        Of bodies sharing a name, the one that existed on ``on_date`` wins (without a
        date: the one that exists today, i.e. has no successor). ``None`` when nothing
        or more than one body fits.
        """
        found = self.candidates(name)
        if len(found) > 1:
            if on_date is None:
                found = tuple(c for c in found if not self._ended(c))
            else:
                found = tuple(c for c in found if self.existed(c, _as_date(on_date)))
        return self.actors[found[0]] if len(found) == 1 else None

    def lookup_tolerant(self, name: str, on_date: date | str | None = None) -> Actor | None:
        """:meth:`lookup`, else the one body ``name`` names when read with tolerance.

        For names a rule already knows to be names (after "organisasjonen", in a name
        shape): case is ignored even for names listed as ordinary words ("organisasjonen
        Mot"), and one word may be in its other definite form or have two capitals
        swapped ("Helsedirektorat", "Helse Vest HRF"); :func:`~kg.actors.names.tolerant_variants`.
        """
        key = (name, None if on_date is None else _as_date(on_date))
        if key not in self._tolerated:
            self._tolerated[key] = self._lookup_tolerant(name, on_date)
        return self._tolerated[key]

    def _lookup_tolerant(self, name: str, on_date: date | str | None) -> Actor | None:
        found = self.lookup(name, on_date)
        if found is not None:
            return found
        for form in (collapse(name), *tolerant_variants(name)):
            keys = (fold(f) for f in (form, *genitive_stems(form)))
            owners = {canonical for key in keys for canonical in self._any_case.get(key, ())}
            if len(owners) == 1:
                return self.actors[owners.pop()]
            if owners:
                return None
        return None

    def carried_on(self, canonical: str, on_date: date | str) -> str:
        """The body that carried on ``canonical``'s by ``on_date``, through changes that took
        effect more than :data:`SUCCESSOR_GRACE` before it (``canonical`` when none did).

        "Høgskolen i Oslo" in a 2018 document is Høgskolen i Oslo og Akershus (merged in
        2011); that body's own rename of January 2018 is too recent to be followed.
        """
        day, current, seen = _as_date(on_date), canonical, {canonical}
        while True:
            following = [
                c
                for c in self._changes_from.get(current, ())
                if _as_date(c.date) + SUCCESSOR_GRACE <= day
            ]
            if not following or following[0].new in seen:
                return current
            current = following[0].new
            seen.add(current)

    def _ended(self, canonical: str) -> bool:
        return any(change.old == canonical for change in self.changes)

    def existed(self, canonical: str, on_date: date | str) -> bool:
        """Whether ``canonical`` existed under that name on ``on_date`` (per the changes)."""
        day = _as_date(on_date)
        for change in self.changes:
            when = _as_date(change.date)
            if change.old == canonical and when <= day:
                return False  # renamed or merged away by then
            if change.new == canonical and change.kind is RelationKind.RENAMED_TO and day < when:
                return False  # not yet named so
        return True

    def successor(self, name: str, on_date: date | str) -> Actor | None:
        """The body that carried on ``name``'s body by ``on_date`` (None: no change yet)."""
        actor = self.lookup(name, on_date)
        if actor is None:
            return None
        day, current, seen = _as_date(on_date), actor.name, {actor.name}
        while True:
            following = [c for c in self.changes if c.old == current and _as_date(c.date) <= day]
            if not following or following[0].new in seen:
                break
            current = following[0].new
            seen.add(current)
        return None if current == actor.name else self.actors[current]

    def predecessor(self, name: str, on_date: date | str) -> Actor | None:
        """The earlier name under which ``name``'s body existed on ``on_date`` (renames only)."""
        actor = self.lookup(name)
        if actor is None:
            return None
        day, current, seen = _as_date(on_date), actor.name, {actor.name}
        while True:
            earlier = [
                c
                for c in self.changes
                if c.new == current and c.kind is RelationKind.RENAMED_TO and day < _as_date(c.date)
            ]
            if not earlier or earlier[-1].old in seen:
                break
            current = earlier[-1].old
            seen.add(current)
        return None if current == actor.name else self.actors[current]

    def changes_of(self, canonical: str) -> tuple[ActorChange, ...]:
        return tuple(c for c in self.changes if canonical in (c.old, c.new))


def _add(index: dict[str, list[str]], key: str, canonical: str) -> None:
    owners = index.setdefault(key, [])
    if canonical not in owners:
        owners.append(canonical)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def read_actors(path: Path) -> tuple[tuple[Actor, ...], frozenset[str]]:
    """Bodies listed in ``path``, and those whose names are marked case-sensitive."""
    actors: list[Actor] = []
    flagged: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            name = (row.get("canonical_name") or "").strip()
            if not name or name.startswith("#"):
                continue
            try:
                kind = ActorType((row.get("type") or "").strip())
            except ValueError:
                raise ValueError(
                    f"{path}:{number}: unknown actor type {row.get('type')!r}"
                ) from None
            actors.append(
                Actor(
                    name=name,
                    type=kind,
                    aliases=tuple(a for a in _split(row.get("aliases")) if a != name),
                    parent=(row.get("parent") or "").strip() or None,
                    identifier=(row.get("identifier") or "").strip() or None,
                )
            )
            if CASE_SENSITIVE_NOTE in (row.get("note") or ""):
                flagged.add(name)
    return tuple(actors), frozenset(flagged)


def read_changes(path: Path) -> tuple[ActorChange, ...]:
    """Renames and mergers listed in ``path`` (none if the file does not exist)."""
    if not path.is_file():
        return ()
    changes: list[ActorChange] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            kind = (row.get("kind") or "").strip()
            if not kind or kind.startswith("#"):
                continue
            if kind not in CHANGE_KINDS:
                raise ValueError(f"{path}:{number}: change kind must be renamed_to or merged_into")
            when = (row.get("date") or "").strip()
            date.fromisoformat(when)  # raises on a malformed date
            changes.append(
                ActorChange(
                    RelationKind(kind), (row["old"] or "").strip(), (row["new"] or "").strip(), when
                )
            )
    return tuple(changes)


@cache
def load_registry_from(registry_csv: Path, changes_csv: Path) -> ActorRegistry:
    """The registry in ``registry_csv`` and ``changes_csv`` (read once per pair of paths)."""
    actors, flagged = read_actors(registry_csv)
    return ActorRegistry(
        actors,
        read_changes(changes_csv),
        case_sensitive=flagged,
        sources=(registry_csv, changes_csv),
    )


def registry_paths() -> tuple[Path, Path]:
    """Where the shipped registry lives: ``kg/data/actors/{registry,changes}.csv``."""
    folder = Path(str(data_path("actors")))
    return folder / "registry.csv", folder / "changes.csv"


def load_registry() -> ActorRegistry:
    """The shipped registry (read once per process)."""
    return load_registry_from(*registry_paths())
