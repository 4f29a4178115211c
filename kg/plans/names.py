"""Canonical names of plans and the keys under which name variants are one plan.

"Hjernehelsestrategien" and "hjernehelsestrategi", "Nasjonal tobakksstrategi" and
"tobakksstrategien", "Opptrappingsplanen for rusfeltet (2016-2020)" and "opptrappingsplan
for rusfeltet" share a key: case, definite endings, the modifiers "nasjonal" and "ny",
and a period are folded away.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from kg.records import PlanType
from kg.schemes.prose import collapse

_SPACED_COORDINATION = re.compile(r"[-‐–—]\s+(og|eller)\b")
_PERIOD = re.compile(r"\(?\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b\)?")
_MODIFIERS = re.compile(r"^(?:(?:nasjonal[et]?|nye?|nytt|regjeringens|den|det|en|et)\s+)+")
_HEADS = re.compile(r"(strategi|plan|reform|program|melding|lov|løft)(?:en|a|et|met)?\b")
_HEAD_PREPOSITION = re.compile(
    r"\b(handlingsplan|opptrappingsplan|strategi|program)\s+(?:for|mot|om|på)\s+"
)
_TYPO = (("opptappingsplan", "opptrappingsplan"), ("startegi", "strategi"))
_PUNCTUATION = re.compile(r"[^\w#+ ]+")
_NUMBERED = re.compile(
    r"^(?:meld\.\s*st\.|st\.\s*meld\.|prop\.)\s*\d+(?:\s*[sle]\b)?(?:\s*tillegg\s+\d+)?"
    r"(?:\s*\(\d{4}\s*[-–]\s*\d{4}\))?"
)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def tidy(text: str) -> str:
    """Whitespace collapsed and "rus- og" written as in running text."""
    return _SPACED_COORDINATION.sub(r"- \1", collapse(text))


def period_text(first: str, second: str) -> str:
    """ "2020–2023" (en dash, four-digit years) from the two years as written."""
    if len(second) == 2:
        second = first[:2] + second
    return f"{first}–{second}"


def numbered_name(
    label: str, number: str, letter: str | None, years: tuple[str, str] | None
) -> str:
    """ "Meld. St. 7 (2019–2020)", "Prop. 1 S (2023–2024)", "Prop. 74 L"."""
    name = f"{label} {int(number)}" + (f" {letter}" if letter else "")
    return f"{name} ({period_text(*years)})" if years else name


@cache
def plan_key(name: str) -> str:
    """The form under which two names are the same plan.

    A white paper's or proposition's number and session stay in the key ("meld st 7
    2019 2020"); elsewhere a period is folded away.
    """
    low = _SPACED_COORDINATION.sub(r" \1", name.casefold())
    for typo, right in _TYPO:
        low = low.replace(typo, right)
    numbered = _NUMBERED.match(low)
    head = numbered.group(0) if numbered else ""
    rest = _PERIOD.sub(" ", low[len(head) :])
    rest = collapse(_PUNCTUATION.sub(" ", rest.replace("-", " ")))
    rest = _HEADS.sub(r"\1", _MODIFIERS.sub("", rest)).strip()
    rest = _HEAD_PREPOSITION.sub(r"\1 ", rest)
    return collapse(_PUNCTUATION.sub(" ", head.replace("-", " ")) + " " + rest)


_GENERIC_KEYS = frozenset(
    {
        "plan",
        "strategi",
        "program",
        "reform",
        "melding",
        "lov",
        "handlingsplan",
        "opptrappingsplan",
        "stortingsmelding",
    }
)
_TITLE_DASH = re.compile(r"\s+[–-]\s+")
_PLAN_HEAD = re.compile(
    r"(?:en\s+|regjeringens\s+)?(?:nasjonal\s+)?(?:strategi|handlingsplan|opptrappingsplan|"
    r"plan|program|\w*reform)",
    re.IGNORECASE,
)


@cache
def name_keys(name: str) -> tuple[str, ...]:
    """Every key a name is known by: its own, and those of its parts.

    "Meld. St. 7 (2019–2020) Nasjonal helse- og sykehusplan" is also known as
    "Meld. St. 7 (2019–2020)" and as "Nasjonal helse- og sykehusplan"; "Mestre hele
    livet – strategi for god psykisk helse" as either half. A bare generic word
    ("planen") is no key at all.
    """
    keys = [plan_key(name)]
    low = _SPACED_COORDINATION.sub(r" \1", name.casefold())
    if numbered := _NUMBERED.match(low):
        keys.append(plan_key(name[: numbered.end()]))
        if rest := name[numbered.end() :].strip():
            keys.append(plan_key(rest))
    elif len(parts := _TITLE_DASH.split(name, maxsplit=1)) == 2 and _PLAN_HEAD.match(parts[1]):
        keys.extend(plan_key(part) for part in parts)
    return tuple(dict.fromkeys(k for k in keys if k and k not in _GENERIC_KEYS))


# Which type a group of variants gets when they disagree (OTHER only when nothing else).
TYPE_ORDER = (
    PlanType.REFORM,
    PlanType.ESCALATION_PLAN,
    PlanType.ACTION_PLAN,
    PlanType.STRATEGY,
    PlanType.PROGRAMME,
    PlanType.WHITE_PAPER,
    PlanType.PROPOSITION,
    PlanType.LAW,
    PlanType.OTHER,
)


def preferred_name(names: Iterable[str]) -> str:
    """The most frequent name of a group, then the longest, then the first in order."""
    counts = Counter(names)
    return min(counts, key=lambda n: (-counts[n], -len(n), n))


def preferred_type(types: Iterable[PlanType]) -> PlanType:
    """The most frequent type other than OTHER, ties broken by TYPE_ORDER."""
    counts: dict[PlanType, int] = Counter(types)
    specific = {t: n for t, n in counts.items() if t is not PlanType.OTHER} or counts
    return min(specific, key=lambda t: (-specific[t], TYPE_ORDER.index(t)))
