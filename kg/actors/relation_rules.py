"""The relation rules of ``kg/data/actors/relations.toml``, compiled.

A trigger is written with slot words (SUBJ, OBJ, SUBJS, OBJS, SUBJ_ENUM, OBJ_ENUM,
SUBJ_GEN, OBJ_GEN, ACTOR, ``...``) and matched against a sentence in which each actor
mention stands as a placeholder: ``⟦n⟧`` for mention number n, ``⟪n⟫`` when it is in the
genitive. A rule may ask what kind of body a slot binds (a *shape*: "unit", "ministry"),
told by the body's written or canonical name.
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
# Mentions joined by nothing but commas and one last "og", "samt" or "eller" ("A, B og C"),
# each perhaps followed by its abbreviation in parentheses.
_ITEM = r"⟦\d+⟧(?: \(⟦\d+⟧\))?"
_ENUM = rf"{_ITEM}(?:, {_ITEM})*(?:,? (?:og|samt|eller) {_ITEM})?"
_SLOT = re.compile(r"\b(SUBJS|OBJS|SUBJ_ENUM|OBJ_ENUM|SUBJ_GEN|OBJ_GEN|SUBJ|OBJ|ACTOR)\b|\.\.\.")


@dataclass(frozen=True)
class Shape:
    """What kind of body a slot may bind, told by its name (written or canonical).

    "unit" fits "Senter for medisinsk etikk" and "SME" (whose canonical name is that);
    "ministry" fits "Kommunal- og distriktsdepartementet" and "departementet".
    """

    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()

    def fits(self, actor: str, surface: str) -> bool:
        return bool(self.pattern.search(actor) or self.pattern.search(surface))


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
    subject_shape: Shape | None = None  # the subject must be a body of this shape
    subject_not: Shape | None = None  # ... and not of this one
    object_shape: Shape | None = None
    object_not: Shape | None = None
    requires: re.Pattern[str] | None = None  # the sentence must contain this
    window: int = 1  # 2: also read a sentence together with the next one of its paragraph
    in_cells: bool = False  # also read table cells ("Skatteetaten v/Statens innkrevingssentral")
    counterexamples: tuple[str, ...] = ()  # sentences the rule must find nothing in

    def applies_to(self, kind: DocumentKind) -> bool:
        return not self.kinds or kind in self.kinds

    def subject_fits(self, actor: str, surface: str) -> bool:
        return _fits(self.subject_shape, self.subject_not, actor, surface)

    def object_fits(self, actor: str, surface: str) -> bool:
        return _fits(self.object_shape, self.object_not, actor, surface)


def _fits(shape: Shape | None, excluded: Shape | None, actor: str, surface: str) -> bool:
    if shape is not None and not shape.fits(actor, surface):
        return False
    return excluded is None or not excluded.fits(actor, surface)


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
    shapes: tuple[Shape, ...] = ()


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
        if word.endswith("_ENUM"):
            body = _ENUM
        else:
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


def _shape(entry: dict[str, Any], key: str, shapes: dict[str, Shape]) -> Shape | None:
    if key not in entry:
        return None
    if entry[key] not in shapes:
        raise KeyError(f"{key}: no shape {entry[key]!r} in [shape]")
    return shapes[entry[key]]


def _rule(entry: dict[str, Any], max_gap: int, shapes: dict[str, Shape]) -> RelationRule:
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
            subject_shape=_shape(entry, "subject_shape", shapes),
            subject_not=_shape(entry, "subject_not", shapes),
            object_shape=_shape(entry, "object_shape", shapes),
            object_not=_shape(entry, "object_not", shapes),
            requires=_optional(entry, "requires"),
            window=int(entry.get("window", 1)),
            in_cells=bool(entry.get("in_cells", False)),
            counterexamples=tuple(entry.get("counterexamples", ())),
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
    if rule.window not in (1, 2):
        raise KgError(f"{RULES_FILE}: rule {name!r}: window is 1 or 2 sentences")
    return rule


def _section(entry: dict[str, Any]) -> SectionRule:
    return SectionRule(
        name=entry["name"],
        predicate=RelationKind(entry["predicate"]),
        heading=re.compile(entry["heading"], re.IGNORECASE),
        example=entry["example"],
        kinds=_kinds(entry),
    )


def _shapes(data: dict[str, Any]) -> dict[str, Shape]:
    shapes = {}
    for name, entry in data.get("shape", {}).items():
        try:
            shapes[name] = Shape(
                name,
                re.compile(entry["pattern"]),
                tuple(entry.get("examples", ())),
                tuple(entry.get("counterexamples", ())),
            )
        except (KeyError, re.error) as error:
            raise KgError(f"{RULES_FILE}: shape {name!r}: {error}") from error
    return shapes


@cache
def relation_rules() -> RelationRules:
    data = load_toml(RULES_FILE)
    max_gap = int(data["max_gap"])
    shapes = _shapes(data)
    rules = tuple(_rule(entry, max_gap, shapes) for entry in data["rule"])
    names = [rule.name for rule in rules]
    if len(set(names)) != len(names):
        raise KgError(f"{RULES_FILE}: rule names must be unique")
    return RelationRules(
        rules=rules,
        sections=tuple(_section(entry) for entry in data.get("section", ())),
        negation=re.compile(data["negation"], re.IGNORECASE),
        shapes=tuple(shapes.values()),
    )
