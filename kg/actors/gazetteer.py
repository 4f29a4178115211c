"""Place names as reference data: municipalities, county municipalities, other places.

``kg/data/actors/municipalities.csv`` lists every Norwegian municipality (kommune) of
2024 and those that existed from 2018 until the mergers of 2020 and 2024, and every
county municipality (fylkeskommune) of the same years::

    name,kind,number,county,valid_from,valid_to,written_as
    Bø,municipality,,Nordland,,,Bø i Vesterålen|Bø i Nordland

``kind`` is ``municipality`` or ``county``; ``number`` the municipality number where it
is known for certain; ``county`` the county it belongs to (for a county, itself);
``valid_from``/``valid_to`` ISO dates where the unit began or ended after 2017;
``written_as`` the ways text tells apart units of one name ("Bø i Vesterålen").

``kg/data/actors/places.csv`` (``name,kind``) lists regions, countries, continents and
cities: names that are never an organisation on their own.

A bare municipality name is a name of a body only in a municipal context
(:mod:`kg.actors.municipal`); alone, "Alta", "Rana" or "Bø" are places or words.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from kg.records import ActorType
from kg.rules import data_path

UNIT_KINDS = {"municipality": ActorType.MUNICIPALITY, "county": ActorType.COUNTY}
SUFFIX = {ActorType.MUNICIPALITY: "kommune", ActorType.COUNTY: "fylkeskommune"}


@dataclass(frozen=True)
class LocalUnit:
    """A municipality or a county municipality, under the name it had in its years."""

    name: str
    kind: ActorType  # MUNICIPALITY or COUNTY
    county: str
    number: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    written_as: tuple[str, ...] = ()

    @property
    def canonical(self) -> str:
        """The body's name: "Bodø kommune", "Vestland fylkeskommune"."""
        return f"{self.name} {SUFFIX[self.kind]}"


class Gazetteer:
    """The units and places, indexed by every way text writes them."""

    def __init__(self, units: tuple[LocalUnit, ...], places: frozenset[str]) -> None:
        self.units = units
        self.places = places  # regions, countries, continents, cities
        self.by_name: dict[str, dict[ActorType, str]] = {}  # written -> {kind: canonical}
        for unit in units:
            for written in (unit.name, *unit.written_as):
                self.by_name.setdefault(written, {})[unit.kind] = unit.canonical

    def is_place(self, name: str) -> bool:
        """Whether ``name`` is only a place: a unit's bare name, a region, a country, a city."""
        return name in self.places or name in self.by_name


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def read_units(path: Path) -> tuple[LocalUnit, ...]:
    units: list[LocalUnit] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            kind = UNIT_KINDS.get(row["kind"])
            if kind is None:
                raise ValueError(f"{path}:{number}: kind must be municipality or county")
            units.append(
                LocalUnit(
                    name=row["name"],
                    kind=kind,
                    county=row["county"],
                    number=row["number"] or None,
                    valid_from=_day(row["valid_from"]),
                    valid_to=_day(row["valid_to"]),
                    written_as=tuple(w for w in row["written_as"].split("|") if w),
                )
            )
    return tuple(units)


def read_places(path: Path) -> frozenset[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["name"] for row in csv.DictReader(handle))


def gazetteer_paths() -> tuple[Path, Path]:
    folder = Path(str(data_path("actors")))
    return folder / "municipalities.csv", folder / "places.csv"


@cache
def load_gazetteer(municipalities: Path | None = None, places: Path | None = None) -> Gazetteer:
    """The shipped gazetteer (or the one in the files named), read once per process."""
    default_units, default_places = gazetteer_paths()
    return Gazetteer(
        read_units(municipalities or default_units), read_places(places or default_places)
    )
