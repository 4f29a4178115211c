"""Readings -> Flows and BudgetChanges, passage by passage (the text of one post).

- an allocation followed by a list ("tildeles totalt X fordelt på følgende tiltak:") is a
  total; the list items are the flows it should add up to;
- a list introduced by "Rammeøkninger:", "Budsjettkutt:", "Flytting av midler:" lists
  changes, not flows; a list item without a recipient of its own takes the one its
  introduction names ("nedenstående beløp er øremerket Y:");
- the later amounts of one list item are parts of its first; "herunder", "hvorav", "av
  dette", "inntil" make a part of the flow before them; in an allocation letter, a post
  allocated once ("Helsedirektoratet tildeles X. Bevilgningen dekker Y.") is the parent
  of the smaller sums set aside under it;
- in a budget proposition only clear payment shapes count (an allocation word before the
  amount, or a grant word in its clause), and there are no totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.flows.context import intro_recipient
from kg.flows.emit import Emitter
from kg.flows.passages import Passage
from kg.flows.recipients import SpanMention
from kg.flows.references import Reference
from kg.flows.resolve import Resolver
from kg.flows.statements import Reading, item_reference
from kg.flows.units import Unit
from kg.records import BudgetChange, Flow


@dataclass(frozen=True)
class Placed:
    """A flow with the section it was read in (for the total checks)."""

    flow: Flow
    section: int


@dataclass(frozen=True)
class ListMode:
    kind: str  # "change", "total" or "plain"
    direction: str = ""
    recipient_unit: Unit | None = None


@dataclass
class Outcome:
    flows: list[Placed] = field(default_factory=list)
    changes: list[BudgetChange] = field(default_factory=list)


class PassageReader:
    """Reads one passage's readings into flows and changes (appended to ``outcome``)."""

    def __init__(
        self,
        passage: Passage,
        units: list[Unit],
        readings: list[tuple[Reading, ...]],
        mentions: list[list[SpanMention]],
        emitter: Emitter,
        outcome: Outcome,
        *,
        letter: bool,
    ) -> None:
        self.passage, self.units, self.readings = passage, units, readings
        self.emitter, self.outcome, self.letter = emitter, outcome, letter
        self.rules = emitter.rules
        self.kap, self.post = passage.kap, passage.post
        self.resolver = Resolver(
            emitter.profile, units, mentions, passage.title, self.rules, letter=letter
        )

    def run(self) -> None:
        whole = self._post_whole()
        whole_flow: Flow | None = None
        mode: ListMode | None = None
        for position, unit in enumerate(self.units):
            if not unit.is_item:
                mode = None
            unit_ref = item_reference(unit, self.rules) if unit.is_item else None
            first: Flow | None = None
            last_top: Flow | None = None
            made_total = False
            for reading in self.readings[position]:
                if reading.foreign or reading.past or reading.cited:
                    continue
                kap, post = self._kap_post(reading, unit_ref, position)
                if reading.change and not (reading.part and reading.recipient):
                    self._change(reading, reading.change, kap, post, mode)
                    continue
                in_change_list = mode is not None and mode.kind == "change" and unit.is_item
                if in_change_list and not reading.allocation:
                    self._change(reading, "auto", kap, post, mode)
                    continue
                if reading.not_payment or self.rules.is_income(kap):
                    continue
                total = self._is_total(reading, position)
                intro = mode.recipient_unit if mode is not None and unit.is_item else None
                resolved = self.resolver.resolve(reading, position, total, intro)
                if resolved is None or not (self.letter or self._clear_payment(reading)):
                    continue
                parent = None
                if total:
                    made_total = True
                elif unit.is_item and first is not None and _same(first, kap, post):
                    parent = first.parent_line or first.first_line
                elif reading.part and last_top is not None and _same(last_top, kap, post):
                    parent = last_top.first_line
                elif (
                    whole_flow is not None
                    and reading is not whole
                    and (reading.part or not reading.grant_verb)
                    and _same(whole_flow, kap, post)
                    and not (unit.is_item and mode is not None)
                ):
                    parent = whole_flow.first_line
                flow = self.emitter.flow(reading, resolved, kap, post, total=total, parent=parent)
                self.outcome.flows.append(Placed(flow, self.passage.section_index))
                if reading is whole:
                    whole_flow = flow
                first = first or flow
                if parent is None:
                    last_top = flow
            if unit.ends_intro:
                mode = self._mode(unit, position, made_total, mode)

    def _post_whole(self) -> Reading | None:
        """The one allocation of the passage's own post, if it is allocated once."""
        if not self.letter or self.post is None:
            return None
        found = [
            (position, reading)
            for position, unit in enumerate(self.units)
            if not unit.is_item
            for reading in self.readings[position]
            if reading.grant_verb
            and not (reading.part or reading.change or reading.not_payment or reading.past)
            and self._kap_post(reading, None, position) == (self.kap, self.post)
        ]
        if len(found) != 1 or self._is_total(found[0][1], found[0][0]):
            return None
        return found[0][1]

    def _is_total(self, reading: Reading, position: int) -> bool:
        if not (self.letter and reading.allocation and reading.grant_verb):
            return False
        if reading.recipient is not None and reading.recipient_side == "after":
            return False
        return reading.total or self._list_follows(reading, position)

    def _list_follows(self, reading: Reading, position: int) -> bool:
        """The unit ends in ":" after it, or the next one does and items follow."""
        unit = self.units[position]
        if unit.ends_intro and reading is self.readings[position][-1]:
            return True
        following = self.units[position + 1 : position + 3]
        return (
            len(following) == 2
            and following[0].ends_intro
            and not self.readings[position + 1]
            and following[1].is_item
        )

    def _clear_payment(self, reading: Reading) -> bool:
        """Budget proposition: an allocation word, or a grant word in the clause."""
        clause = reading.unit.text[reading.lo : reading.last_offset + 1]
        return reading.allocation or bool(self.rules.grant_word.search(clause))

    def _mode(
        self, unit: Unit, position: int, made_total: bool, previous: ListMode | None
    ) -> ListMode:
        """What the list a unit ending in ":" introduces holds."""
        start, end = unit.sentences[-1]
        sentence = unit.text[start:end]
        for rule in self.rules.change_list:
            if rule.pattern.search(sentence):
                return ListMode("change", rule.direction)
        if made_total:
            return ListMode("total")
        recipient = None
        if not self.readings[position] and intro_recipient(unit, self.rules) is not None:
            recipient = unit
        if previous is not None and previous.kind == "total" and recipient is None:
            return previous
        return ListMode("plain", recipient_unit=recipient)

    def _kap_post(
        self, reading: Reading, unit_ref: Reference | None, position: int
    ) -> tuple[int | None, int | None]:
        """The post a reading names, else the passage's, else the one its unit names."""
        ref = reading.ref or unit_ref
        if ref is not None:
            return (ref.kap or self.kap), ref.post
        if self.post is not None or self.kap is not None:
            return self.kap, self.post
        named = {
            (r.kap, r.post)
            for r in self.resolver.references(position)
            if r.kap is not None and r.role in ("at", "pointer")
        }
        return next(iter(named)) if len(named) == 1 else (None, None)

    def _change(
        self,
        reading: Reading,
        direction: str,
        kap: int | None,
        post: int | None,
        mode: ListMode | None,
    ) -> None:
        listed = mode.direction if mode is not None else ""
        self.outcome.changes.append(self.emitter.change(reading, direction, kap, post, listed))


def _same(flow: Flow, kap: int | None, post: int | None) -> bool:
    return (flow.kap, flow.post) == (kap, post)
