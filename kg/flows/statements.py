"""Every amount of a unit read in its clause: is it allocated, a part of a larger sum, a
change against last year, or no payment at all; where is its recipient; which post.

A sentence with several amounts ("3 mill. kroner til A og 2 mill. kroner til B") is cut
into one clause per amount at the last connector ("og", ",") before the next amount. An
amount whose clause has no word of its own inherits its predecessor's reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.flows.recipients import SpanMention, trim_recipient
from kg.flows.references import Reference, find_references, nearest_reference
from kg.flows.rules import FlowRules, Rule
from kg.flows.units import Unit
from kg.money.amounts import ProseAmount, find_amounts


@dataclass(frozen=True)
class Reading:
    unit: Unit
    amount: ProseAmount
    lo: int  # the amount's clause in unit.text
    hi: int
    sentence: tuple[int, int]
    allocation: bool = False  # an allocation word stands before it
    grant_verb: bool = False
    total: bool = False  # "totalt", "fordelt på følgende"
    part: bool = False  # "herunder", "hvorav", "av dette", "inntil"
    change: str = ""  # "increase", "decrease", "move", "auto" or ""
    not_payment: bool = False
    past: bool = False
    cited: bool = False  # inside a quotation of another text
    foreign: bool = False
    recipient: tuple[int, int] | None = None
    recipient_side: str = ""  # "after" or "before"
    ref: Reference | None = None
    source: Reference | None = None
    target: Reference | None = None
    earmarked: bool = False

    @property
    def pre(self) -> str:
        return self.unit.text[self.lo : self.amount.start]

    @property
    def post(self) -> str:
        return self.unit.text[self.amount.end : self.hi]

    @property
    def recipient_text(self) -> str:
        if self.recipient is None:
            return ""
        return self.unit.text[self.recipient[0] : self.recipient[1]]

    @property
    def last_offset(self) -> int:
        ends = [self.amount.end] + ([self.recipient[1]] if self.recipient else [])
        return max(ends) - 1


def read_unit(unit: Unit, fiscal_year: int | None, rules: FlowRules) -> tuple[Reading, ...]:
    """One Reading per amount of money in ``unit``."""
    if not rules.may_hold_money(unit.text):
        return ()
    amounts = [a for a in find_amounts(unit.text) if a.nok >= rules.min_nok]
    if not amounts:
        return ()
    readings: list[Reading] = []
    for start, end in unit.sentences:
        inside = [a for a in amounts if start <= a.start < end]
        if not inside:
            continue
        refs = _shifted(find_references(unit.text[start:end], rules), start)
        lo = max(start, unit.body)
        past = _is_past(unit.text[start:end], fiscal_year, rules)
        previous: Reading | None = None
        for index, amount in enumerate(inside):
            following = inside[index + 1] if index + 1 < len(inside) else None
            hi = end if following is None else _boundary(unit.text, amount, following, rules)
            reading = _read(unit, amount, lo, hi, (start, end), refs, past, rules)
            if previous is not None and rules.bare.match(reading.pre) and not reading.change:
                reading = _inherit(reading, previous)
            readings.append(reading)
            previous = reading
            lo = hi
    return tuple(readings)


def _shifted(refs: Sequence[Reference], offset: int) -> tuple[Reference, ...]:
    return tuple(replace(r, start=r.start + offset, end=r.end + offset) for r in refs)


def _boundary(text: str, amount: ProseAmount, following: ProseAmount, rules: FlowRules) -> int:
    between = text[amount.end : following.start]
    cuts = [m.start() for m in rules.connector.finditer(between)]
    return amount.end + cuts[-1] if cuts else following.start


def _read(
    unit: Unit,
    amount: ProseAmount,
    lo: int,
    hi: int,
    sentence: tuple[int, int],
    refs: Sequence[Reference],
    past: bool,
    rules: FlowRules,
) -> Reading:
    text = unit.text
    pre, post = text[lo : amount.start], text[amount.end : hi]
    near = pre[-rules.near :]  # the words right before the amount decide what it is
    allocation = _allocation(near, rules)
    change = _change(near, post, rules)
    listed = rules.total_after.search(post) is not None
    recipient = _after(text, amount.end, hi, rules) if not (change or listed) else None
    side = "after" if recipient else ""
    if recipient is None and not (change or listed):
        recipient = _before(unit, lo, amount.start, rules)
        side = "before" if recipient else ""
    clause_end = recipient[1] if recipient and side == "after" else amount.end
    clause = text[lo:clause_end]
    if not recipient and not change:
        clause = text[lo:hi]
    ref = nearest_reference(refs, amount.start, amount.end, lo, hi, rules)
    return Reading(
        unit=unit,
        amount=amount,
        lo=lo,
        hi=hi,
        sentence=sentence,
        allocation=allocation is not None,
        grant_verb=allocation is not None and allocation.grant_verb,
        total=_either(rules.total_before, rules.total_after, near, post)
        or (allocation is not None and allocation.total),
        part=_either(rules.part_before, rules.part_after, near, post),
        change=change,
        not_payment=rules.not_payment_any.search(clause) is not None,
        past=past,
        cited=_inside_quotation(text, amount.start, rules),
        foreign=(bool(rules.not_nok_after.match(post)) and "kr" not in amount.text.lower())
        or bool(rules.table_unit.search(text[max(lo, amount.start - 30) : amount.end])),
        recipient=recipient,
        recipient_side=side,
        ref=ref,
        source=_moved(refs, lo, hi, "source"),
        target=_moved(refs, lo, hi, "target"),
        earmarked=bool(rules.earmark.search(clause)),
    )


def _inherit(reading: Reading, previous: Reading) -> Reading:
    return replace(
        reading,
        allocation=previous.allocation,
        grant_verb=previous.grant_verb,
        part=reading.part or previous.part,
        change=previous.change,
        earmarked=reading.earmarked or (previous.earmarked and previous.part),
    )


def _either(before: re.Pattern[str], after: re.Pattern[str], pre: str, post: str) -> bool:
    """``before`` matches the text before the amount or ``after`` the text after it."""
    return before.search(pre) is not None or after.search(post) is not None


def _allocation(pre: str, rules: FlowRules) -> Rule | None:
    if rules.allocation_any.search(pre) is None:
        return None
    return next((rule for rule in rules.allocation if rule.pattern.search(pre)), None)


def _matches(rule: Rule, pre: str, post: str) -> bool:
    if rule.anchor == "before":
        return bool(rule.pattern.search(pre))
    return bool(rule.pattern.search(post))


def _change(pre: str, post: str, rules: FlowRules) -> str:
    if not _either(rules.change_before, rules.change_after, pre, post):
        return ""
    for rule in rules.change:
        if _matches(rule, pre, post):
            if rule.direction != "auto":
                return rule.direction
            return change_direction(pre + post, rules) or "auto"
    return ""


def change_direction(text: str, rules: FlowRules) -> str:
    """The direction words in ``text`` give a change ("reduksjon" -> decrease)."""
    return next((r.direction for r in rules.change_word if r.pattern.search(text)), "")


def _after(text: str, start: int, hi: int, rules: FlowRules) -> tuple[int, int] | None:
    post = text[start:hi]
    for rule in rules.purpose:
        match = rule.pattern.search(post)
        if match:
            begin = start + match.end()
            phrase = trim_recipient(text[begin:hi], rules)
            if phrase:
                return begin, begin + len(phrase)
    return None


def _before(unit: Unit, lo: int, end: int, rules: FlowRules) -> tuple[int, int] | None:
    text = unit.text
    for rule in rules.recipient_before:
        if rule.item_only and not (unit.is_item and lo <= unit.body + 2):
            continue
        segment = text[lo:end]
        skip = _leading_reference(segment, rules)
        match = rule.pattern.search(segment[skip:])
        if match and match.group("y").strip():
            begin = lo + skip + match.start("y")
            phrase = trim_recipient(text[begin : lo + skip + match.end("y")], rules)
            if phrase and not any(r.pattern.search(phrase) for r in rules.part):
                return begin, begin + len(phrase)
    return None


def _leading_reference(segment: str, rules: FlowRules) -> int:
    """Characters of a budget post (and its punctuation) that open a list item."""
    opening = segment.lstrip(" -o")[:3].lower()
    if not (opening[:1].isdigit() or opening.startswith("kap")):
        return 0
    for ref in find_references(segment, rules):
        if segment[: ref.start].strip(" -o").lower() in {"", "kap.", "kap"}:
            rest = segment[ref.end :]
            return ref.end + len(rest) - len(rest.lstrip(" -–,:"))
    return 0


def item_reference(unit: Unit, rules: FlowRules) -> Reference | None:
    """The budget post a list item opens with ("- Kap. 781, post 21 InnoMed ...")."""
    for ref in find_references(unit.text, rules):
        if ref.role == "at" and ref.start <= unit.body + 2:
            return ref
    return None


def _moved(refs: Sequence[Reference], lo: int, hi: int, role: str) -> Reference | None:
    return next((r for r in refs if r.role == role and lo <= r.start < hi), None)


def _inside_quotation(text: str, offset: int, rules: FlowRules) -> bool:
    before = text[:offset]
    for opening, closing in rules.quotation_pairs:
        if opening == closing:
            if before.count(opening) % 2:
                return True
        elif before.count(opening) > before.count(closing):
            return True
    return False


def _is_past(sentence: str, fiscal_year: int | None, rules: FlowRules) -> bool:
    if rules.past_always.search(sentence):
        return True
    if fiscal_year is None or not rules.past.search(sentence):
        return False
    return any(int(m.group()) < fiscal_year for m in rules.year.finditer(sentence))


def place_mentions(unit: Unit, by_line: dict[int, list[tuple[int, int, str]]]) -> list[SpanMention]:
    """The actor mentions on ``unit``'s lines, placed in its text."""
    placed = []
    for line in unit.lines:
        for column, length, actor in by_line.get(line, ()):
            offset = unit.offset_of(line, column)
            if offset is not None:
                placed.append(SpanMention(offset, offset + length, actor))
    return sorted(placed, key=lambda m: m.start)
