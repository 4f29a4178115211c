"""Read the name phrase that follows a head word: "tilskuddsordning for <phrase>".

A phrase runs word by word until punctuation, a number, a stop word (a verb, a
conjunction, an adverbial) or ``max_words``. A preposition or "og" inside it continues
the phrase unless the word after it starts an adverbial ("i 2018", "til de regionale").
The word lists are data ([phrase] in kg/data/schemes.toml and plans.toml).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

_TITLE_WORD = re.compile(r"[#«\"“]?[^\W_][\w'’-]*[»\"”!]?")
_BOUNDARY = re.compile(r"[.,;:()]")
_TOKEN = re.compile(r"\s*(?:(?P<word>[^\W_][\w+'’/]*(?:-[\w+'’/]*)*)|(?P<other>\S))")


@dataclass(frozen=True)
class PhraseRules:
    max_words: int
    stop_words: frozenset[str]
    continue_words: frozenset[str]
    ends_before: frozenset[str]
    trailing_words: frozenset[str]
    leading_words: frozenset[str]
    stop_suffixes: tuple[str, ...] = ()
    min_suffix_word: int = 6
    not_verbs: frozenset[str] = frozenset()
    head_suffixes: tuple[str, ...] = ()  # words that name another plan ("...reformen")

    def stops(self, word: str) -> bool:
        """Whether ``word`` (case-folded) ends a phrase: a stop word or a passive verb."""
        if word in self.stop_words:
            return True
        return (
            len(word) >= self.min_suffix_word
            and word.endswith(self.stop_suffixes)
            and word not in self.not_verbs
        )

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PhraseRules:
        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).casefold() for w in data.get(key, ()))

        return cls(
            max_words=int(data["max_words"]),
            stop_words=words("stop_words"),
            continue_words=words("continue_words"),
            ends_before=words("ends_before"),
            trailing_words=words("trailing_words"),
            leading_words=words("leading_words"),
            stop_suffixes=tuple(str(s) for s in data.get("stop_suffixes", ())),
            min_suffix_word=int(data.get("min_suffix_word", 6)),
            not_verbs=words("not_verbs"),
            head_suffixes=tuple(str(s) for s in data.get("head_suffixes", ())),
        )


@dataclass(frozen=True)
class Phrase:
    text: str  # the phrase, whitespace collapsed
    start: int
    end: int  # offset just after its last word

    @property
    def words(self) -> list[str]:
        return self.text.split()


class Token(NamedTuple):
    text: str
    start: int
    end: int
    is_word: bool


def _tokens(text: str, start: int, limit: int) -> list[Token]:
    """Words and punctuation from ``start``, at most ``limit`` of them."""
    found: list[Token] = []
    position = start
    while len(found) < limit:
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            break
        word = match.group("word")
        token = word if word is not None else match.group("other")
        found.append(Token(token, match.end() - len(token), match.end(), word is not None))
        position = match.end()
    return found


_ARTICLES = frozenset({"en", "et", "ei"})
_COORDINATORS = frozenset({"og", "eller", ","})


class _Reader:
    """The rules of one phrase, token by token (see read_phrase)."""

    def __init__(
        self, text: str, tokens: list[Token], rules: PhraseRules, relative: bool, title: bool
    ) -> None:
        self.text, self.tokens, self.rules = text, tokens, rules
        self.relative, self.title = relative, title

    def verb(self, index: int) -> bool:
        """A stop word, or a passive verb that is no genitive ("eldres sikkerhet")."""
        low = self.tokens[index].text.casefold()
        return self.rules.stops(low) and (low.endswith("ås") or not self._genitive(index))

    def _genitive(self, index: int) -> bool:
        if self.tokens[index].text.casefold() in self.rules.stop_words:
            return False
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is None or not following.is_word or not following.text[0].islower():
            return False
        low = following.text.casefold()
        rules = self.rules
        return not (rules.stops(low) or low in rules.continue_words or low in rules.ends_before)

    def joins(self, index: int, kept: list[Token]) -> bool:
        """Punctuation inside a name: "rådgivnings-, støtte-", "Studier - helse", "a, b og c"."""
        token = self.tokens[index].text
        if token == ",":
            return kept[-1].text.endswith("-") or self._enumeration(index)
        return self.title and token == "-"

    def _enumeration(self, index: int) -> bool:
        """After a comma: plain lower-case words and "og"/"eller" before a last one."""
        words = self.tokens[index + 1 : index + 7]
        for position, token in enumerate(words):
            low = token.text.casefold()
            if low in ("og", "eller") and position:
                last = words[position + 1 : position + 2]
                return (
                    bool(last) and last[0].is_word and not self.rules.stops(last[0].text.casefold())
                )
            if not token.is_word and token.text != ",":
                return False
            if token.is_word and (
                not token.text[0].islower()
                or self.rules.stops(low)
                or low in self.rules.continue_words
                or low.endswith(self.rules.head_suffixes or ("\0",))
            ):
                return False
        return False

    def new_line_capital(self, index: int, kept: list[Token]) -> bool:
        """A capitalised word after a line break starts something else (a heading ended)."""
        token = self.tokens[index]
        capital = token.text[0].isupper() and not token.text.isupper()
        after_preposition = kept[-1].text.casefold() in self.rules.continue_words
        return capital and not after_preposition and "\n" in self.text[kept[-1].end : token.start]

    def capital_after_and(self, index: int, kept: list[Token]) -> bool:
        """ "... og Veileder for ...": a capitalised word (not an acronym) after "og"."""
        word = self.tokens[index].text
        return (
            kept[-1].text.casefold() in ("og", "eller")
            and word[0].isupper()
            and not word.isupper()
            and not self.title
        )

    def continues(self, index: int) -> bool:
        """A preposition or "og" continues the name unless an adverbial follows it."""
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is None or not following.is_word or following.text[0].isdigit():
            return False
        low = following.text.casefold()
        return low not in self.rules.ends_before and not self.rules.stops(low)


def _drop_last_conjunct(kept: list[Token]) -> None:
    """Drop the words after the coordinator that joined another name's words
    ("... og forebyggings- og" before "behandlingsreformen")."""
    while kept:
        while kept and kept[-1].text.casefold() not in _COORDINATORS:
            kept.pop()
        if len(kept) >= 2 and kept[-2].text.endswith("-"):
            kept.pop()  # "forebyggings- og": the coordinator inside a compound pair
            continue
        return


def read_phrase(
    text: str,
    start: int,
    rules: PhraseRules,
    *,
    relative: bool = False,
    title: bool = False,
    limit: int | None = None,
) -> Phrase | None:
    """The name phrase starting at ``start``, or None when there is none.

    ``relative`` lets the phrase run through a "som ..." clause (a recipient group
    defined by what it does: "organisasjoner som driver aktivitetstilbud"); ``title``
    lets it run through a dash ("Studier - helse og trivsel"); it never runs past
    ``limit`` (the end of its sentence) nor onto a new line that starts with a capital.
    Commas join an enumeration ("negativ sosial kontroll, tvangsekteskap og
    kjønnslemlestelse"); a word with a head suffix (another plan: "...-reformen") ends
    the phrase before the "og" that joined it.
    """
    found = _tokens(text, start, rules.max_words * 2 + 2)
    tokens = [t for t in found if limit is None or t.end <= limit]
    reader = _Reader(text, tokens, rules, relative, title)
    kept: list[Token] = []
    for index, token in enumerate(tokens):
        low = token.text.casefold()
        if not token.is_word and kept and reader.joins(index, kept):
            continue
        if not token.is_word or token.text[0].isdigit() or len(kept) >= rules.max_words:
            break
        verb = reader.verb(index)
        if not kept:
            if low in rules.leading_words or verb:
                return None
        elif (
            reader.new_line_capital(index, kept)
            or reader.capital_after_and(index, kept)
            or (low in _ARTICLES and kept[-1].text.casefold() not in rules.continue_words)
        ):
            break
        elif rules.head_suffixes and low.endswith(rules.head_suffixes):
            _drop_last_conjunct(kept)
            break
        if verb and not (relative and low == "som"):
            break
        if low in rules.continue_words and not relative and not reader.continues(index):
            break
        kept.append(token)
    while kept and kept[-1].text.casefold() in rules.trailing_words:
        kept.pop()
    if not kept:
        return None
    first, last = kept[0].start, kept[-1].end
    return Phrase(" ".join(text[first:last].split()), first, last)


def read_backward_title(text: str, end: int, *, max_words: int = 6) -> tuple[str, int] | None:
    """A title written just before ``end`` ("Mestre hele livet" in "... og Mestre hele livet -").

    Walks back over at most ``max_words`` words, not across punctuation, to the
    leftmost capitalised word before which a lower-case word (or a boundary) stands.
    Returns the title and its start offset.
    """
    base = max(0, end - 160)
    words = list(_TITLE_WORD.finditer(text, base, end))
    chosen: int | None = None
    for back in range(min(max_words, len(words))):
        index = len(words) - 1 - back
        word = words[index].group(0)
        if back:
            gap = text[words[index].end() : words[index + 1].start()]
            if _BOUNDARY.search(gap):
                break
        if word[0].isupper() or word[0] in '#«"“':
            chosen = index
        elif chosen is not None:
            break
    if chosen is None:
        return None
    begin = words[chosen].start()
    title = " ".join(text[begin:end].split()).strip(" -!:")
    return (title, begin) if title else None
