"""Amounts written the Norwegian way for people to read: "1 234 567 kr", "12,5 mill. kr",
"20,2 mrd. kr" (space between thousands, decimal comma, minus sign "−").

The reverse of ``kg.money.amounts``, which reads such amounts from prose.
"""

from __future__ import annotations

MILLION = 1_000_000
BILLION = 1_000_000_000
MINUS = "−"


def grouped(number: int) -> str:
    """Whole number with a space between thousands: ``1234567`` -> ``"1 234 567"``."""
    sign = MINUS if number < 0 else ""
    return sign + f"{abs(number):,}".replace(",", " ")


def kroner(nok: int) -> str:
    """Whole kroner: ``1234567`` -> ``"1 234 567 kr"``."""
    return f"{grouped(nok)} kr"


def scaled(nok: int) -> str:
    """Millions or billions with a decimal comma, up to three decimals as the documents
    write them: ``12_500_000`` -> ``"12,5 mill. kr"``, ``121_941_000`` ->
    ``"121,941 mill. kr"``, ``20_200_000_000`` -> ``"20,2 mrd. kr"``; below a million,
    whole kroner."""
    if abs(nok) < MILLION:
        return kroner(nok)
    unit, size = ("mrd. kr", BILLION) if abs(nok) >= BILLION else ("mill. kr", MILLION)
    whole, rest = divmod(abs(round(nok / (size / 1000))), 1000)
    decimals = f"{rest:03d}".rstrip("0")
    sign = MINUS if nok < 0 else ""
    return f"{sign}{grouped(whole)}{',' + decimals if decimals else ''} {unit}"


def percent(part: float) -> str:
    """A share as a percentage with a decimal comma: ``-0.0833`` -> ``"−8,3 %"``."""
    text = f"{abs(part) * 100:.1f}".replace(".", ",")
    return f"{MINUS if part < 0 and text != '0,0' else ''}{text} %"
