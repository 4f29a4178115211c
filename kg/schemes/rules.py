"""The grant-scheme rules of kg/data/schemes.toml, compiled once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.rules import load_toml
from kg.schemes.phrases import PhraseRules


@dataclass(frozen=True)
class SchemeShape:
    name: str
    kind: str  # "complement", "compound", "titled", "quoted" or "organisation"
    pattern: re.Pattern[str]
    plain: bool  # "tilskudd til X": X must name a purpose (see SchemeRules.generic_first)
    stem: re.Pattern[str] | None = None  # compounds: the stem, read back from the head
    triggers: tuple[str, ...] = ()  # lower-case words every match starts with


@dataclass(frozen=True)
class Recipient:
    label: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Administrator:
    side: str  # "after": the actor follows the phrase; "before": the actor precedes it
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class SchemeRules:
    phrase: PhraseRules
    shapes: tuple[SchemeShape, ...]
    never_stems: frozenset[str]
    purpose_stems: frozenset[str]  # "<stem>tilskudd" needs "til <purpose>"
    generic_first: frozenset[str]
    not_after: frozenset[str]  # "Særskilte tilskudd til ...": a title, not a scheme
    min_single_word: int  # a one-word purpose shorter than this names no scheme
    recipients: tuple[Recipient, ...]
    recipient_context: re.Pattern[str]
    scheme_ids: tuple[re.Pattern[str], ...]
    table_header: re.Pattern[str]
    table_post: re.Pattern[str]
    administrators: tuple[Administrator, ...]
    allocation: re.Pattern[str]
    anaphora: re.Pattern[str]
    anaphora_triggers: tuple[str, ...]
    post_reference: re.Pattern[str]
    organisation_grant_types: frozenset[str]  # actor types a grant to is a scheme


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in data.get(key, ()))


@cache
def scheme_rules() -> SchemeRules:
    data = load_toml("schemes.toml")
    return SchemeRules(
        phrase=PhraseRules.from_data(data["phrase"]),
        shapes=tuple(
            SchemeShape(
                s["name"],
                s["kind"],
                re.compile(s["pattern"]),
                bool(s.get("plain")),
                re.compile(s["stem_pattern"]) if "stem_pattern" in s else None,
                tuple(s.get("triggers", ())),
            )
            for s in data["shape"]
        ),
        never_stems=_words(data["compound"], "never"),
        purpose_stems=_words(data["compound"], "needs_purpose"),
        generic_first=_words(data["purpose"], "generic_first_words"),
        not_after=_words(data["purpose"], "not_after"),
        min_single_word=int(data["purpose"]["min_single_word"]),
        recipients=tuple(
            Recipient(r["label"], re.compile(r["pattern"], re.IGNORECASE))
            for r in data["recipient"]
        ),
        recipient_context=re.compile(data["recipient_context"]["pattern"]),
        scheme_ids=tuple(re.compile(s["pattern"], re.IGNORECASE) for s in data["scheme_id"]),
        table_header=re.compile(data["table"]["header_pattern"]),
        table_post=re.compile(data["table"]["post_pattern"]),
        administrators=tuple(
            Administrator(a["side"], re.compile(a["pattern"])) for a in data["administrator"]
        ),
        allocation=re.compile(data["allocation"]["pattern"]),
        anaphora=re.compile(data["anaphora"]["pattern"]),
        anaphora_triggers=tuple(data["anaphora"]["triggers"]),
        post_reference=re.compile(data["post_reference"]["pattern"]),
        organisation_grant_types=frozenset(data["organisation_grant"]["recipient_types"]),
    )
