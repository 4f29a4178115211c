"""Canonical names of grant schemes, and the key under which name variants are one scheme.

"Vertskommunetilskuddet" and "vertskommunetilskudd" are one scheme, and so are
"tilskuddsordningen for X" and "tilskudd til X": the key folds case, definite endings,
the head word and the preposition after it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from kg.schemes.prose import collapse

_SPACED_COORDINATION = re.compile(r"[-‐–—]\s+(og|eller)\b")
_SCHEME_HEAD = re.compile(
    r"\b(?:tilskuddsordning(?:en|a)?|tilskudd(?:et)?)\s+(?:for|til|rettet\s+(?:inn\s+)?mot)\b"
)
_OTHER_SCHEME_HEAD = re.compile(r"\b(\w+ordning)(?:en|a)?\s+(?:for|til|rettet\s+(?:inn\s+)?mot)\b")
_DEFINITE = re.compile(r"(tilskudd)et\b|(ordning)(?:en|a)\b")
_PUNCTUATION = re.compile(r"[^\w+ ]+")


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def purpose_name(phrase: str, head: str = "tilskudd", preposition: str = "til") -> str:
    """ "Tilskudd til <purpose>", "Tilskuddsordning for <purpose>", "<Stem>tilskudd til ..."."""
    return capitalise(f"{head} {collapse(preposition)} {collapse(phrase)}")


def compound_name(stem: str) -> str:
    """ "Vertskommunetilskudd" from the stem "Vertskommune" (or "vertskommune")."""
    stem = _SPACED_COORDINATION.sub(r"- \1", collapse(stem))
    return capitalise(stem.lower() if not stem.isupper() else stem) + "tilskudd"


@cache
def scheme_key(name: str) -> str:
    """The form under which two names are the same scheme."""
    low = _SPACED_COORDINATION.sub(r" \1", name.casefold())
    low = _SCHEME_HEAD.sub("tilskudd til", low)
    low = _OTHER_SCHEME_HEAD.sub(r"\1 til", low)
    low = _DEFINITE.sub(lambda m: m.group(1) or m.group(2), low)
    return collapse(_PUNCTUATION.sub(" ", low))


# Keys of words that name no scheme by themselves ("tilskuddet", "ordningen").
GENERIC_KEYS = frozenset({"tilskudd", "tilskuddsordning", "ordning", "tilskudd til"})
_COMPOUND_KEY = re.compile(r"(?P<stem>[\w ]+?)tilskudd")


@cache
def scheme_keys(name: str) -> tuple[str, ...]:
    """Every key a name is known by: "kompetanse- og innovasjonstilskudd" is also
    "tilskudd til kompetanse og innovasjon"."""
    key = scheme_key(name)
    keys = [key]
    if compound := _COMPOUND_KEY.fullmatch(key):
        stem = compound.group("stem").strip()
        if stem.endswith("s") and len(stem) > 4:
            stem = stem[:-1]
        keys.append(f"tilskudd til {stem}")
    return tuple(keys)


def preferred_name(names: Iterable[str]) -> str:
    """The name a group of variants is known by: one that says it is a scheme
    ("Tilskuddsordning for ..."), then the most frequent, then the longest."""
    counts = Counter(names)
    return min(
        counts,
        key=lambda n: (not n.casefold().startswith("tilskuddsordning"), -counts[n], -len(n), n),
    )
