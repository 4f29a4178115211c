"""The relation rules of ``kg/data/actors/relations.toml``, compiled.

A trigger is written with slot words (SUBJ, OBJ, SUBJS, OBJS, SUBJ_GEN, OBJ_GEN, ACTOR,
``...``) and matched against a sentence in which each actor mention stands as a
placeholder: ``⟦n⟧`` for mention number n, ``⟪n⟫`` when it is in the genitive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.errors import KgError
from kg.records import DocumentKind, RelationKind
from kg.rules import load_toml

RULES_FILE = "actors/relations.toml"

PLAIN = "⟦{}⟧"
GENITIVE = "⟪{}⟫"
_PLACEHOLDER = re.compile(r"[⟦⟪](\d+)[⟧⟫]")
_ONE = r"⟦\d+⟧"
_ONE_GENITIVE = r"⟪\d+⟫"
_ANY = r"[⟦⟪]\d+[⟧⟫]"
# Mentions joined by commas, "og", "samt" or "eller", with at most a few words between.
_LIST = r"⟦\d+⟧(?:(?=[^⟦⟪]{0,60}?(?:,|\bog\b|\bsamt\b|\beller\b))[^⟦⟪.;:]{1,60}?⟦\d+⟧)*"
_SLOT = re.compile(r"\b(SUBJS|OBJS|SUBJ_GEN|OBJ_GEN|SUBJ|OBJ|ACTOR)\b|\.\.\.")


@dataclass(frozen=True)
class RelationRule:
    name: str
    predicate: RelationKind
    trigger: re.Pattern[str]
    cues: frozenset[str]  # the sentence (case-folded) contains one, or the trigger cannot match
    example: str
    yields: tuple[tuple[str, str], ...]
    kinds: frozenset[DocumentKind] = frozenset()  # empty: every kind of document
    issuer_subject: bool = False
    heading_object: bool = False  # the object is the body the numbered heading above names
    symmetric: bool = False
    subject_surface: re.Pattern[str] | None = None
    object_surface: re.Pattern[str] | None = None
    object_exclude: re.Pattern[str] | None = None  # objects this rule never binds
    requires: re.Pattern[str] | None = None  # the sentence must contain this

    def applies_to(self, kind: DocumentKind) -> bool:
        return not self.kinds or kind in self.kinds


@dataclass(frozen=True)
class SectionRule:
    """A heading whose section is about bodies the issuer stands in ``predicate`` to."""

    name: str
    predicate: RelationKind
    heading: re.Pattern[str]
    example: str
    kinds: frozenset[DocumentKind] = frozenset()

    def applies_to(self, kind: DocumentKind) -> bool:
        return not self.kinds or kind in self.kinds


@dataclass(frozen=True)
class RelationRules:
    rules: tuple[RelationRule, ...]
    sections: tuple[SectionRule, ...]
    negation: re.Pattern[str]

    @property
    def cues(self) -> frozenset[str]:
        """Every rule's cues: the words worth looking for in a sentence."""
        return frozenset(cue for rule in self.rules for cue in rule.cues)


def compile_trigger(trigger: str, max_gap: int) -> re.Pattern[str]:
    """The regular expression for a trigger; each slot becomes a named group."""
    counts: dict[str, int] = {}

    def slot(match: re.Match[str]) -> str:
        word = match.group(1)
        if word is None:
            return f"[^⟦⟪]{{0,{max_gap}}}?"
        if word == "ACTOR":
            return _ANY
        role = "subj" if word.startswith("SUBJ") else "obj"
        counts[role] = counts.get(role, 0) + 1
        body = _LIST if word.endswith("S") else _ONE_GENITIVE if "GEN" in word else _ONE
        return f"(?P<{role}_{counts[role]}>{body})"

    return re.compile(_SLOT.sub(slot, trigger), re.IGNORECASE)


def slot_mentions(match: re.Match[str], role: str) -> Iterator[int]:
    """Numbers of the mentions that the slots of ``role`` ("subj", "obj") bound."""
    for name, value in match.groupdict().items():
        if value is not None and name.startswith(f"{role}_"):
            for placeholder in _PLACEHOLDER.finditer(value):
                yield int(placeholder.group(1))


def _kinds(entry: dict[str, Any]) -> frozenset[DocumentKind]:
    return frozenset(DocumentKind(k) for k in entry.get("kinds", ()))


def _optional(entry: dict[str, Any], key: str) -> re.Pattern[str] | None:
    return re.compile(entry[key]) if key in entry else None


def _rule(entry: dict[str, Any], max_gap: int) -> RelationRule:
    name = entry.get("name", "?")
    try:
        rule = RelationRule(
            name=name,
            predicate=RelationKind(entry["predicate"]),
            trigger=compile_trigger(entry["trigger"], max_gap),
            cues=frozenset(cue.casefold() for cue in entry["cues"]),
            example=entry["example"],
            yields=tuple((s, o) for s, o in entry["yields"]),
            kinds=_kinds(entry),
            issuer_subject=entry.get("subject") == "issuer",
            heading_object=entry.get("object") == "heading",
            symmetric=bool(entry.get("symmetric", False)),
            subject_surface=_optional(entry, "subject_surface"),
            object_surface=_optional(entry, "object_surface"),
            object_exclude=_optional(entry, "object_exclude"),
            requires=_optional(entry, "requires"),
        )
    except (KeyError, ValueError, re.error) as error:
        raise KgError(f"{RULES_FILE}: rule {name!r}: {error}") from error
    roles = {key.split("_")[0] for key in rule.trigger.groupindex}
    wanted = {
        role
        for role, implied in (("subj", rule.issuer_subject), ("obj", rule.heading_object))
        if not implied
    }
    if roles != wanted:
        raise KgError(f"{RULES_FILE}: rule {name!r}: trigger needs slots for {sorted(wanted)}")
    if rule.symmetric and rule.predicate is not RelationKind.MERGED_INTO:
        raise KgError(f"{RULES_FILE}: rule {name!r}: only merged_into can be symmetric")
    return rule


def _section(entry: dict[str, Any]) -> SectionRule:
    return SectionRule(
        name=entry["name"],
        predicate=RelationKind(entry["predicate"]),
        heading=re.compile(entry["heading"], re.IGNORECASE),
        example=entry["example"],
        kinds=_kinds(entry),
    )


@cache
def relation_rules() -> RelationRules:
    data = load_toml(RULES_FILE)
    max_gap = int(data["max_gap"])
    rules = tuple(_rule(entry, max_gap) for entry in data["rule"])
    names = [rule.name for rule in rules]
    if len(set(names)) != len(names):
        raise KgError(f"{RULES_FILE}: rule names must be unique")
    return RelationRules(
        rules=rules,
        sections=tuple(_section(entry) for entry in data.get("section", ())),
        negation=re.compile(data["negation"], re.IGNORECASE),
    )
