"""The plan rules of kg/data/plans.toml, compiled once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.records import PlanType
from kg.rules import load_toml
from kg.schemes.phrases import PhraseRules


@dataclass(frozen=True)
class PlanShape:
    name: str
    type: PlanType
    kind: str  # numbered, compound, complement, bare, titled, named
    pattern: re.Pattern[str]
    triggers: tuple[str, ...]
    stem: re.Pattern[str] | None  # compounds: the stem, read back from the head
    head: str  # the head as a name writes it: "Strategi", "loven"
    label: str  # numbered: "Meld. St.", "Prop."
    title: bool  # numbered: a title may follow
    backward_title: bool  # "<Title> - strategi for ...": a title may precede
    not_after: frozenset[str]
    programme_heads: frozenset[str]


@dataclass(frozen=True)
class Anaphor:
    pattern: re.Pattern[str]
    types: frozenset[PlanType]
    triggers: tuple[str, ...]


@dataclass(frozen=True)
class FollowUpRule:
    pattern: re.Pattern[str]
    relation: str


@dataclass(frozen=True)
class PlanRules:
    phrase: PhraseRules
    shapes: tuple[PlanShape, ...]
    generic_stems: dict[str, frozenset[str]]  # by head: "strategi" -> {"kommunikasjons", ...}
    period: re.Pattern[str]
    abbreviation: re.Pattern[str]
    owners: tuple[tuple[re.Pattern[str], str], ...]
    owner_filler: re.Pattern[str]
    anaphora: tuple[Anaphor, ...]
    follow_ups: tuple[FollowUpRule, ...]
    measure: re.Pattern[str]
    actor_verb: re.Pattern[str]
    order: re.Pattern[str]


def _shape(data: dict[str, Any]) -> PlanShape:
    return PlanShape(
        name=data["name"],
        type=PlanType(data["type"]),
        kind=data["kind"],
        pattern=re.compile(data["pattern"]),
        triggers=tuple(data.get("triggers", ())),
        stem=re.compile(data["stem_pattern"]) if "stem_pattern" in data else None,
        head=data.get("head", ""),
        label=data.get("label", ""),
        title=bool(data.get("title")),
        backward_title=bool(data.get("backward_title")),
        not_after=frozenset(w.casefold() for w in data.get("not_after", ())),
        programme_heads=frozenset(data.get("programme_heads", ())),
    )


@cache
def plan_rules() -> PlanRules:
    data = load_toml("plans.toml")
    subject = data["subject"]
    return PlanRules(
        phrase=PhraseRules.from_data(data["phrase"]),
        shapes=tuple(_shape(s) for s in data["shape"]),
        generic_stems={
            head: frozenset(s.casefold() for s in stems)
            for head, stems in data["generic_stems"].items()
        },
        period=re.compile(data["period"]["pattern"]),
        abbreviation=re.compile(data["abbreviation"]["pattern"]),
        owners=tuple((re.compile(o["pattern"]), o["owner"]) for o in data["owner"]),
        owner_filler=re.compile(data["owner_filler"]["pattern"]),
        anaphora=tuple(
            Anaphor(
                re.compile(a["pattern"]),
                frozenset(PlanType(t) for t in a["types"]),
                tuple(a["triggers"]),
            )
            for a in data["anaphor"]
        ),
        follow_ups=tuple(
            FollowUpRule(re.compile(f["pattern"]), f["relation"]) for f in data["follow_up"]
        ),
        measure=re.compile(subject["measure_pattern"]),
        actor_verb=re.compile(subject["actor_verb_pattern"]),
        order=re.compile(subject["order_pattern"]),
    )
