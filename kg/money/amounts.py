"""Amounts of money written in prose: "121,941 mill. kroner", "0,5 mill.", "20,2 mrd. kroner",
"75 321 000 kr", "kr 11 023 904 000", "12,9 MNOK", "to millioner kroner".

Every amount found keeps its character span in the text it was read from, so a flow can
quote it. Units and number words are data (``kg/data/money.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from kg.rules import load_toml


@dataclass(frozen=True)
class ProseAmount:
    nok: int
    start: int  # character span in the text it was read from
    end: int
    text: str


@dataclass(frozen=True)
class MoneyRules:
    pattern: re.Pattern[str]
    scales: dict[str, int]  # unit word (lower case) -> multiplier
    words: dict[str, Decimal]  # number word -> value


@cache
def money_rules() -> MoneyRules:
    data = load_toml("money.toml")
    scales = {word.lower(): int(scale) for scale, words in data["scales"].items() for word in words}
    words = {word.lower(): Decimal(str(value)) for word, value in data["number_words"].items()}
    scale_words = "|".join(sorted((re.escape(w) for w in scales), key=len, reverse=True))
    number_words = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    number = r"-?\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?"
    currency = r"(?:kroner|kr\.?|NOK)"
    pattern = (
        rf"(?<![\w,.])(?:(?P<lead>{currency})\s*)?"
        rf"(?P<number>{number}|(?i:{number_words}))"
        rf"(?:\s*(?P<scale>(?i:{scale_words}))(?![\w]))?"
        rf"(?:\s*(?P<currency>{currency})(?![\w]))?"
    )
    return MoneyRules(re.compile(pattern), scales, words)


def find_amounts(text: str) -> list[ProseAmount]:
    """Every amount of money in ``text``: a number with a scale ("mill.") or a currency.

    >>> [a.nok for a in find_amounts("tildeles 121,941 mill. kroner og 75 321 000 kr")]
    [121941000, 75321000]
    """
    rules = money_rules()
    found = []
    for match in rules.pattern.finditer(text):
        scale_word, lead, currency = match["scale"], match["lead"], match["currency"]
        if not (scale_word or lead or currency):
            continue  # a bare number is not an amount of money
        raw = match["number"]
        value = _number(raw, rules)
        if value is None or (raw.lower() in rules.words and not scale_word):
            continue
        scale = rules.scales[scale_word.lower()] if scale_word else 1
        nok = int((value * scale).to_integral_value())
        start = match.start("lead") if lead else match.start("number")
        found.append(ProseAmount(nok, start, match.end(), text[start : match.end()]))
    return found


def _number(raw: str, rules: MoneyRules) -> Decimal | None:
    word = rules.words.get(raw.lower())
    if word is not None:
        return word
    try:
        return Decimal(raw.replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except InvalidOperation:
        return None
