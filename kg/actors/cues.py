"""Context cues as typed records, read from ``kg/data/actors/cues.jsonl``.

A cue is the text right before a name that says the name is an organisation's:
"organisasjonen Mot", "leverandøren Doctrin", "avtalen med Avonova", "tilskudd til
Ammehjelpen". One JSON object per line::

    {"rule": "organisasjonen", "label": "ngo", "kind": "named", "trigger": "organisasjonen",
     "cue": "\\\\w*organisasjonen", "example": "i regi av organisasjonen Mot.", "finds": "Mot"}

- ``cue``: a regular expression (matched in lower case) for the words before the name;
  the name starts right after it and the whitespace that follows;
- ``trigger``: the word the cue ends with, in lower case: the text is searched for the
  triggers (a fast search for plain words), and the cue is tried only where one is;
- ``kind``: ``named`` (the cue names what the body is: "stiftelsen", "selskapet") or
  ``recipient`` (the body is only the receiver of money: "tilskudd til"); a recipient
  name passes extra checks (:mod:`kg.actors.cue_ruler`);
- ``label``: the :class:`~kg.records.ActorType` of a body the registry does not know;
- ``example`` and ``finds``: a fragment, and the name the rule must find in it (tests
  check every one).

The file also holds, as objects with ``"list"`` instead of ``"rule"``, the word lists
the checks use: ``not_a_name`` (capitalised words that start no name), ``not_a_head``
(endings of words that name a plan, a programme or an activity, not a body),, and
``name_heads`` (nouns a long name may start with, "Nettverk for forskning og ...", each
with the type of such a body).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.records import ActorType
from kg.rules import data_path

CUE_KINDS = ("named", "recipient")
LISTS = ("not_a_name", "not_a_head", "name_heads")


@dataclass(frozen=True)
class CueRule:
    rule: str
    label: ActorType
    kind: str  # "named" or "recipient"
    trigger: str  # the last word of the cue, in lower case
    cue: str  # regular expression for the words before the name
    example: str
    finds: str

    @property
    def before_name(self) -> re.Pattern[str]:
        """The cue at the end of a stretch of lower-cased text (with its trailing blanks)."""
        return _before_name(self.cue)


@cache
def _before_name(cue: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{cue})\s+\Z")


@dataclass(frozen=True)
class Cues:
    rules: tuple[CueRule, ...]
    not_a_name: frozenset[str]
    not_a_head: tuple[str, ...]
    name_heads: dict[str, ActorType]  # lower-cased head noun -> type of the body

    def triggers(self) -> re.Pattern[str]:
        """Every trigger word (as written or capitalised) followed by blanks and a capital
        or an opening quote: the name may start where a match ends."""
        words = {form for rule in self.rules for form in (rule.trigger, rule.trigger.capitalize())}
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"(?:{alternatives})\s+(?=[«\"“A-ZÆØÅ])")


def cues_path() -> Path:
    return Path(str(data_path("actors"))) / "cues.jsonl"


def _rule(raw: dict[str, Any], where: str) -> CueRule:
    unknown = set(raw) - {"rule", "label", "kind", "trigger", "cue", "example", "finds"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    if raw.get("kind") not in CUE_KINDS:
        raise ValueError(f"{where}: kind must be one of {CUE_KINDS}")
    try:
        label = ActorType(raw["label"])
    except ValueError:
        raise ValueError(f"{where}: unknown label {raw['label']!r}") from None
    re.compile(raw["cue"])  # raises on a malformed expression
    trigger = str(raw["trigger"])
    if not re.search(rf"{re.escape(trigger)}\)?\??$", raw["cue"]):
        raise ValueError(f"{where}: the cue must end with its trigger {trigger!r}")
    return CueRule(
        rule=str(raw["rule"]),
        label=label,
        kind=str(raw["kind"]),
        trigger=trigger,
        cue=str(raw["cue"]),
        example=str(raw["example"]),
        finds=str(raw["finds"]),
    )


@cache
def load_cues(path: Path | None = None) -> Cues:
    """The cue rules and word lists in ``path`` (default: the shipped file)."""
    path = path or cues_path()
    rules: list[CueRule] = []
    words: dict[str, list[str]] = {"not_a_name": [], "not_a_head": []}
    heads: dict[str, ActorType] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            raw = json.loads(line)
            where = f"{path.name}:{number}"
            if "list" not in raw:
                rules.append(_rule(raw, where))
            elif raw["list"] == "name_heads":
                heads.update({str(w): ActorType(label) for w, label in raw["words"].items()})
            elif raw["list"] in words:
                words[raw["list"]].extend(str(word) for word in raw["words"])
            else:
                raise ValueError(f"{where}: unknown list {raw['list']!r}")
    return Cues(tuple(rules), frozenset(words["not_a_name"]), tuple(words["not_a_head"]), heads)


def cue_labels(path: Path | None = None) -> dict[str, ActorType]:
    """Rule name -> the type it gives a body."""
    return {rule.rule: rule.label for rule in load_cues(path).rules}
