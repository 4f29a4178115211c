"""Where a name written after a cue ends.

:func:`name_extent` takes capitalised words ("Oxford Research"), with "og", "for", "i",
"of", "and", "&" inside only between capitalised words ("Ungdom og Fritid"), and not past
a word another rule has claimed; or the words inside quotes. "og" after a word that
reads as a complete name ("Ammehjelpen", "... Norge") and "i" before a place end it.

:func:`acronym_expansion` reads "POFU-psykologistudentenes opplysningsarbeid for unge"
and "ACR – words": an acronym whose letters are the initials of the words after it.

:func:`headed_name` reads a long name that starts with a head noun and goes on in lower
case after "for" or "om": "Nettverk for forskning og kunnskapsutvikling om bruk av tvang
i psykisk helsevern", "Region senter for helseinnovasjon og samhandling" (a compound
the text split: "Regionsenter"). It ends before a clause ("som"), a capitalised word
that is not a place ("aldersvennlig Norge" goes on), a place after "i" or "på" (where
the body is), punctuation, or "og" before a word that names an activity ("og tiltak").

:func:`named_like_a_body` says whether one word can be a body's name where nothing but
money says so: a noun in the definite singular ("Ammehjelpen").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from spacy.tokens import Doc, Token

MAX_WORDS = 8  # words in a name after a cue
INNER = frozenset({"og", "for", "i", "of", "and", "&", "the"})
OPENING_QUOTES = {"«": "»", '"': '"', "“": "”"}
COMPLETE = re.compile(r"(?:en|et|ene|Norge|Norway|AS|ASA|SA)$")  # "Ammehjelpen og ..."
ACRONYM_JOINED = re.compile(r"^([A-ZÆØÅ]{2,8})-([a-zæøå]+)$")  # "POFU-psykologistudentenes"
DASHES = frozenset({"-", "–", "—"})
FOR_WORDS = frozenset({"for", "om", "mot", "innen"})
LINKS = frozenset({"og", "i", "av", "for", "om", "til", "med", "mot", "innen", "på", "eller"})
CLAUSE = frozenset({"som", "der", "hvor", "samt", "slik", "ved", "fra", "gjennom"})
MAX_HEADED = 16  # words in a long name
ADJECTIVE = re.compile(r"(?:lt|kt|rt|nt|e|sk|ig|al|ær|el|ell)$")  # "Nasjonalt senter"


def is_name_word(token: Token) -> bool:
    """A word a name may be made of: capitalised or with capitals inside ("EuroHealthNet")."""
    text = token.text
    return (
        text[:1].isupper()
        and any(c.isalpha() for c in text)
        and not token.like_num
        and text not in OPENING_QUOTES
    ) or (text[:1].islower() and any(c.isupper() for c in text[1:]))


def name_extent(
    doc: Doc, start: int, taken: list[bool], is_place: Callable[[str], bool]
) -> int | None:
    """End (exclusive) of the name that starts at token ``start``, or None if none does."""
    first = doc[start]
    closing = OPENING_QUOTES.get(first.text)
    if closing is not None:
        for end in range(start + 1, min(len(doc), start + MAX_WORDS + 2)):
            if doc[end].text == closing:
                inside = doc[start + 1 : end]
                return end + 1 if len(inside) and inside[0].text[:1].isupper() else None
        return None
    if not is_name_word(first) or taken[start]:
        return None
    end = start + 1
    while end < len(doc) and end - start < MAX_WORDS and not taken[end]:
        token = doc[end]
        if is_name_word(token):
            end += 1
            continue
        following = doc[end + 1] if end + 1 < len(doc) else None
        joins = (
            token.lower_ in INNER
            and following is not None
            and is_name_word(following)
            and not taken[end + 1]
            and not (token.lower_ == "og" and COMPLETE.search(doc[end - 1].text))
            and not (token.lower_ == "i" and is_place(following.text))
        )
        if not joins:
            break
        end += 2
    return end


def acronym_expansion(doc: Doc, start: int) -> tuple[int, str, str] | None:
    """(end, acronym, expansion) of "ACR-word word ..." or "ACR – word word ..." at
    ``start``, where the words' initials spell the acronym; None otherwise.

    >>> import spacy
    >>> doc = spacy.blank("nb")("POFU-psykologistudentenes opplysningsarbeid for unge.")
    >>> acronym_expansion(doc, 0)
    (4, 'POFU', 'psykologistudentenes opplysningsarbeid for unge')
    """
    first = doc[start].text
    joined = ACRONYM_JOINED.match(first)
    if joined:
        acronym, words, end = joined[1], [joined[2]], start + 1
    elif (
        first.isupper()
        and first.isalpha()
        and start + 2 < len(doc)
        and doc[start + 1].text in DASHES
    ):
        acronym, words, end = first, [], start + 2
    else:
        return None
    letters = acronym.lower()
    if any(word[0] != letter for word, letter in zip(words, letters, strict=False)):
        return None
    while len(words) < len(letters) and end < len(doc):
        word = doc[end].text
        if not word.isalpha() or word[0].lower() != letters[len(words)]:
            return None
        words.append(word)
        end += 1
    if len(words) < len(letters) or len(letters) < 2:
        return None
    return end, acronym, " ".join(words)


def headed_name(
    doc: Doc,
    start: int,
    heads: Collection[str],
    activities: tuple[str, ...],
    is_place: Callable[[str], bool],
) -> tuple[int, str, str] | None:
    """(end, name, head noun) of a long name at ``start`` that begins with a head noun."""
    first, at = doc[start], start + 1
    key = name_head = first.lower_
    if key not in heads:
        if at >= len(doc) or doc[at].lower_ not in heads or ADJECTIVE.search(key):
            return None
        key = doc[at].lower_
        name_head = name_head + key  # "Region senter" -> "Regionsenter"
        at += 1
    if not first.text[:1].isupper() or at >= len(doc) or doc[at].lower_ not in FOR_WORDS:
        return None
    end = at + 1
    while end < len(doc) and end - start < MAX_HEADED:
        token = doc[end]
        low = token.lower_
        if low in CLAUSE or not (token.is_alpha or token.text.endswith("-")):
            break
        located = doc[end - 1].lower_ in ("i", "på")  # "... i Bodø": where, not who
        if token.text[:1].isupper() and (located or not is_place(token.text)):
            break
        following = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        if low in ("og", "eller") and following.endswith(activities):
            break
        end += 1
    while end > at + 1 and doc[end - 1].lower_ in LINKS:
        end -= 1
    if end <= at + 1:
        return None
    name = " ".join([name_head[:1].upper() + name_head[1:], *(t.text for t in doc[at:end])])
    return end, name, key


ACRONYM_COMPOUND = re.compile(r"^[A-ZÆØÅ0-9]+-[a-zæøå]")  # "IKT-utvikling", "LIS1-stillinger"
DEFINITE = ("en", "et")  # "Ammehjelpen", "Mosserødhjemmet"


def named_like_a_body(word: str) -> bool:
    """Whether a one-word name of a receiver of money reads as a body's: a noun in the
    definite singular ("Ammehjelpen", "Ønsketransporten"). A bare word is as often a
    programme, a study or a model ("Tørn", "Jobbvinner", "Ungdata"); an acronym alone
    ("BASIS"), an acronym compound ("IKT-utvikling") or a plural ("AFEene") is no body."""
    return word.endswith(DEFINITE) and not (word.isupper() or ACRONYM_COMPOUND.match(word))
