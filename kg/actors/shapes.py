"""Name-shape rules as typed records, read from ``kg/data/actors/shapes.jsonl``.

One JSON object per line::

    {"label": "municipality", "rule": "kommune", "trigger": ["kommune", "Kommune"],
     "genitive": true, "pattern": [...spaCy token pattern...],
     "example": "samarbeid med Bergen kommune"}

- ``label``: the :class:`~kg.records.ActorType` of a body found by the rule (a body the
  registry knows keeps the registry's type);
- ``rule``: the rule's name (mentions say ``shape:<rule>``); several lines may share one
  rule, all with the same label;
- ``pattern``: a spaCy ``Matcher`` token pattern;
- ``example``: a fragment the pattern must match (tests check every one);
- ``trigger`` (optional): strings one of which every match contains (case as written);
  the pattern runs only on a few tokens around where they occur. Token patterns with
  regular expressions or ``IN`` lists on their first token are costly (spaCy checks
  them at every token of every text), so such rules need a trigger;
- ``genitive`` (optional): the last word may carry a genitive -s that is not part of the
  name ("Bergen kommunes" names "Bergen kommune");
- ``mid_sentence`` (optional): the match must not start a sentence, where a capital
  letter says nothing ("Regelverket skal ..." is not a name like "Kystverket");
- ``registry_only`` (optional): the match counts only if it is a registry body read with
  tolerance (a misspelt known name: "WHO Euoropa"); it never names a new body.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.records import ActorType
from kg.rules import data_path


@dataclass(frozen=True)
class ShapeRule:
    label: ActorType
    rule: str
    pattern: tuple[dict[str, Any], ...]
    example: str
    trigger: tuple[str, ...] = ()  # substrings; empty: run everywhere
    genitive: bool = False
    mid_sentence: bool = False
    registry_only: bool = False


def shapes_path() -> Path:
    return Path(str(data_path("actors"))) / "shapes.jsonl"


def _parse(raw: dict[str, Any], where: str) -> ShapeRule:
    unknown = set(raw) - {
        "label",
        "rule",
        "trigger",
        "pattern",
        "example",
        "genitive",
        "mid_sentence",
        "registry_only",
    }
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    try:
        label = ActorType(raw["label"])
    except ValueError:
        raise ValueError(f"{where}: unknown label {raw['label']!r}") from None
    pattern = raw["pattern"]
    if not isinstance(pattern, list) or not pattern:
        raise ValueError(f"{where}: pattern must be a non-empty list of token patterns")
    return ShapeRule(
        label=label,
        rule=str(raw["rule"]),
        pattern=tuple(pattern),
        example=str(raw["example"]),
        trigger=tuple(str(t) for t in raw.get("trigger", ())),
        genitive=bool(raw.get("genitive", False)),
        mid_sentence=bool(raw.get("mid_sentence", False)),
        registry_only=bool(raw.get("registry_only", False)),
    )


@cache
def load_shapes(path: Path | None = None) -> tuple[ShapeRule, ...]:
    """The shape rules in ``path`` (default: the shipped file), checked for shape."""
    path = path or shapes_path()
    rules: list[ShapeRule] = []
    labels: dict[str, ActorType] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            rule = _parse(json.loads(line), where)
            if labels.setdefault(rule.rule, rule.label) is not rule.label:
                raise ValueError(f"{where}: rule {rule.rule!r} has two labels")
            rules.append(rule)
    return tuple(rules)


def shape_labels(path: Path | None = None) -> dict[str, ActorType]:
    """Rule name -> the type it gives a body."""
    return {rule.rule: rule.label for rule in load_shapes(path)}
