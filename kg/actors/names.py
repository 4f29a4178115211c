"""How organisation names vary in running text, and the keys that see through it.

One body is written many ways: "Helse- og omsorgsdepartementet" / "Helse og
omsorgsdepartementet" / "HELSE- OG OMSORGSDEPARTEMENTET", "Direktoratet for e-helse" /
"Direktoratet for eHelse", "Helse Sør-Øst" with a hyphen or an en dash, and every name
with a genitive -s ("Helsedirektoratets", "FHIs", "NAV's"). :func:`fold` is the key that
ignores all of that except the genitive; :func:`genitive_stems` undoes the genitive;
:func:`spellings` lists the variants a phrase matcher needs to find a name in text.
"""

from __future__ import annotations

import re

# Dashes and spaces written in place of "-" and " ": folded one-to-one, so character
# offsets into the folded text are offsets into the original.
_FOLDED_CHARACTERS = {
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"),
    **dict.fromkeys("\u00a0\u2007\u202f", " "),
}
FOLD_TABLE = str.maketrans(_FOLDED_CHARACTERS)
_FOLDED = re.compile("[" + "".join(_FOLDED_CHARACTERS) + "]")

_NOT_A_LETTER = re.compile(r"[\W_]+")
_SUSPENDED_HYPHEN = re.compile(r"(?<=\w)-(?=,?\s)")  # "Helse- og", "Barne-, ungdoms-"
_COMMA_AFTER_HYPHEN = re.compile(r"(?<=\w-),(?=\s)")  # "Barne-, ungdoms-"
_LISTED_HYPHEN = re.compile(r"(?<=\w)- (?=\w+- )")  # "Barne- ungdoms- og": comma missing
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=[a-zæøå])")  # "e-helse" -> "ehelse"
_APOSTROPHES = ("'", "\u2019")
SHORT_NAME = 6  # a one-word name this short is matched with its case ("Helfo", "FHI")


def fold_dashes(text: str) -> str:
    """``text`` with every dash written as "-" and every no-break space as " " (same length)."""
    return text.translate(FOLD_TABLE) if _FOLDED.search(text) else text


def collapse(text: str) -> str:
    """Dashes folded and whitespace runs collapsed to one space."""
    return " ".join(fold_dashes(text).split())


def fold(name: str) -> str:
    """A key that ignores case, spaces, hyphens, dashes, commas and dots.

    >>> fold("Helse- og omsorgsdepartementet") == fold("HELSE OG OMSORGSDEPARTEMENTET")
    True
    >>> fold("Direktoratet for e-helse") == fold("Direktoratet for eHelse")
    True
    """
    return _NOT_A_LETTER.sub("", name.lower())


def genitive_stems(name: str) -> tuple[str, ...]:
    """What ``name`` may be the genitive of: "FHIs" -> ("FHI",), "NAV's" -> ("NAV",)."""
    stems: list[str] = []
    for apostrophe in _APOSTROPHES:
        if name.endswith(apostrophe + "s"):
            stems.append(name[:-2])
        elif name.endswith(apostrophe):
            stems.append(name[:-1])
    if name.endswith("s") and len(name) > 2:
        stems.append(name[:-1])
    return tuple(stems)


def is_case_sensitive(name: str) -> bool:
    """Whether ``name`` must be matched with its case: short one-word names and acronyms.

    "FHI", "Helfo", "Bufdir", "NAV" are; "Helsedirektoratet" and every name of several
    words are not (they are matched whatever their case).
    """
    if " " in name:
        return False
    return len(name) <= SHORT_NAME or any(c.isupper() for c in name[1:])


def _written_forms(name: str) -> set[str]:
    """Hyphen, comma and space variants of ``name`` (its case unchanged)."""
    plain = _COMMA_AFTER_HYPHEN.sub("", collapse(name))
    forms = {plain, _LISTED_HYPHEN.sub("-, ", plain)}
    forms |= {_SUSPENDED_HYPHEN.sub("", form) for form in forms}
    forms |= {_INNER_HYPHEN.sub("", form) for form in forms}
    return forms


def _case_forms(name: str) -> set[str]:
    """A capitalised short name is also written in capitals: "Ukom" "UKOM", "UiO" "UIO"
    (not "LEVE" "Leve")."""
    forms = {name}
    mixed = any(c.isupper() for c in name[1:]) and any(c.islower() for c in name)
    if name.isalpha() and name[:1].isupper() and (name[1:].islower() or mixed):
        forms.add(name.upper())  # "Ukom" -> "UKOM", "UiO" -> "UIO"
    return forms


def spellings(name: str, *, case_sensitive: bool) -> tuple[str, ...]:
    """Every way ``name`` is written in text, genitives included, sorted.

    >>> "Helse og omsorgsdepartementets" in spellings(
    ...     "Helse- og omsorgsdepartementet", case_sensitive=False)
    True
    """
    forms = _written_forms(name)
    if case_sensitive:
        forms = {case for form in forms for case in _case_forms(form)}
    genitives = set()
    for form in forms:
        genitives |= {form + "s", form + "'s", form + "\u2019s"}
        if form[-1:].lower() in ("s", "x", "z"):
            genitives.add(form + "'")
    return tuple(sorted(forms | genitives))


def strip_genitive(name: str) -> str:
    """``name`` without the genitive of its last word: "Bergen kommunes" -> "Bergen kommune"."""
    stems = genitive_stems(name)
    return stems[0] if stems else name


_DEFINITE_ENDINGS = ("et", "en")
LONG_WORD = 6  # a word this long may carry a stray letter
_ACRONYM_PAIR = re.compile(r"[A-ZÆØÅ]{2}")


def _definiteness(word: str) -> list[str]:
    """The word in its other definite/indefinite form: "Helsedirektorat" <-> "...direktoratet"."""
    if len(word) < 5 or not word.isalpha():
        return []
    forms = [word + ending for ending in _DEFINITE_ENDINGS]
    if word.endswith(_DEFINITE_ENDINGS):
        forms.append(word[:-2])
    return forms


def _transpositions(word: str) -> list[str]:
    """``word`` with two adjacent capitals swapped: "HRF" -> "RHF", "CRBNe" -> "CBRNe"."""
    if not _ACRONYM_PAIR.search(word):
        return []
    forms = []
    for at in range(len(word) - 1):
        pair = word[at : at + 2]
        if pair.isupper() and pair.isalpha() and pair[0] != pair[1]:
            forms.append(word[:at] + pair[::-1] + word[at + 2 :])
    return forms


def _deletions(word: str) -> list[str]:
    """``word`` with one letter too many taken out: "Euoropa" -> "Europa"."""
    if len(word) < LONG_WORD or not word.isalpha():
        return []
    return [word[:at] + word[at + 1 :] for at in range(1, len(word))]


def tolerant_variants(name: str) -> tuple[str, ...]:
    """Forms a misspelt or shortened name may stand for, one word changed at a time.

    A word in its other definite form ("Helsedirektorat", "Universitet i Tromsø"), an
    acronym with two letters swapped ("Helse Vest HRF", "CRBNe-senteret"), a long word
    with one letter too many ("WHO Euoropa"), and "center" for "senter".

    >>> "Helsedirektoratet" in tolerant_variants("Helsedirektorat")
    True
    >>> "Helse Vest RHF" in tolerant_variants("Helse Vest HRF")
    True
    """
    words = collapse(name).split(" ")
    variants: list[str] = []
    for index, word in enumerate(words):
        head, dash, tail = word.partition("-")
        forms = _definiteness(head) + _transpositions(head) + _deletions(head)
        if "center" in head:  # Danish/Swedish spelling: "Utviklingscenter"
            forms.append(head.replace("center", "senter"))
        changed = [f + dash + tail for f in forms]
        if dash:
            changed += [head + dash + f for f in _definiteness(tail)]
        variants += [" ".join([*words[:index], form, *words[index + 1 :]]) for form in changed]
    return tuple(dict.fromkeys(variants))
