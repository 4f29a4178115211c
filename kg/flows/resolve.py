"""Who receives an amount and who pays it: the recipient phrase of its clause, the subject
of its sentence, what an anaphor points back to, the recipient its list introduction
names, the purpose a following sentence states, or the post's own title."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.flows.context import antecedent, intro_recipient, purpose_after
from kg.flows.recipients import (
    Recipient,
    SpanMention,
    classify,
    collapse,
    group_at,
    is_genitive,
    strip_head,
)
from kg.flows.references import Reference, find_references
from kg.flows.rules import FlowRules
from kg.flows.statements import Reading
from kg.flows.units import Unit
from kg.records import FlowKind, Profile, RecipientKind

_KIND = {
    RecipientKind.ORGANISATION: FlowKind.GRANT,
    RecipientKind.GRANT_SCHEME: FlowKind.SCHEME,
    RecipientKind.MUNICIPALITIES: FlowKind.GRANT,
    RecipientKind.REGIONAL_HEALTH_AUTHORITIES: FlowKind.GRANT,
    RecipientKind.COUNTY_GOVERNORS: FlowKind.GRANT,
    RecipientKind.OWN_ACTIVITY: FlowKind.OWN_ACTIVITY,
    RecipientKind.OTHER: FlowKind.OWN_ACTIVITY,
}


@dataclass(frozen=True)
class Resolved:
    recipient: Recipient
    kind: FlowKind
    payer: str | None
    earmarked: bool
    span: tuple[int, int] | None  # where the recipient stands in the reading's unit


class Resolver:
    def __init__(
        self,
        profile: Profile,
        units: Sequence[Unit],
        mentions: Sequence[Sequence[SpanMention]],
        title: str,
        rules: FlowRules,
        *,
        letter: bool,
    ) -> None:
        self.profile, self.units, self.mentions = profile, units, mentions
        self.title, self.rules, self.letter = title, rules, letter
        self.exclude = {name for name in (profile.issuer, profile.addressee) if name}

    def references(self, position: int) -> tuple[Reference, ...]:
        return _references(self.units[position].text, self.rules)

    def resolve(
        self, reading: Reading, position: int, total: bool, intro: Unit | None
    ) -> Resolved | None:
        """The recipient of ``reading``, or None when its clause names none."""
        if total:
            return self._allocation()
        subject = self._subject(reading, position)
        if subject is not None:
            return subject
        if reading.recipient is not None:
            if self._names_addressee(reading, position):
                return self._allocation()
            own = self._own(reading, position)
            return None if own is None else self._item(own, reading.recipient, reading)
        if intro is not None:
            span = intro_recipient(intro, self.rules)
            if span is not None:
                at = self.units.index(intro)
                found = classify(
                    span.text,
                    span.start,
                    self.mentions[at],
                    self.exclude,
                    self.rules,
                    earmarked=reading.earmarked or bool(self.rules.earmark.search(intro.text)),
                )
                return self._item(found, None, reading)
        if self.letter and reading.grant_verb:
            return self._purpose(reading, position)
        return None

    def _names_addressee(self, reading: Reading, position: int) -> bool:
        """The recipient phrase starts with the letter's addressee ("til Helsedirektoratet")."""
        if reading.recipient is None or not self.profile.addressee:
            return False
        start = reading.recipient[0]
        return any(
            m.actor == self.profile.addressee
            and start <= m.start <= start + 2
            and not is_genitive(reading.unit.text, m.end, m)
            for m in self.mentions[position]
        )

    def _own(self, reading: Reading, position: int) -> Recipient | None:
        text = reading.recipient_text
        start = reading.recipient[0] if reading.recipient else 0
        if self.rules.anaphora.match(strip_head(collapse(text), self.rules)):
            span = antecedent(self.units, position, reading.sentence[0], text, self.rules)
            if span is not None:
                at = self.units.index(span.unit)
                return classify(span.text, span.start, self.mentions[at], self.exclude, self.rules)
            anaphor = strip_head(collapse(text), self.rules)
            if self.rules.post_anaphora.match(anaphor) and self._title_names_scheme_or_post():
                return classify(self.title, 0, (), self.exclude, self.rules)
            return None  # points back to nothing this text names
        return classify(
            text,
            start,
            self.mentions[position],
            self.exclude,
            self.rules,
            earmarked=reading.earmarked,
        )

    def _title_names_scheme_or_post(self) -> bool:
        return bool(self.title) and not self.rules.generic_title.match(self.title)

    def _subject(self, reading: Reading, position: int) -> Resolved | None:
        if not (reading.allocation and self.rules.subject_verb.search(reading.pre)):
            return None
        unit = reading.unit
        start = max(reading.sentence[0], unit.body)
        if start >= reading.amount.start:
            return None
        head = unit.text[start : reading.amount.start]
        group = group_at(head, self.rules)
        if group is not None:
            length = len(head.split()[0])
            found = Recipient(group[0], group[1], head.split()[0])
            return self._item(found, (start, start + length), reading)
        for mention in self.mentions[position]:
            if start <= mention.start <= start + 2 and mention.actor not in self.exclude:
                written = unit.text[mention.start : mention.end]
                found = Recipient(mention.actor, RecipientKind.ORGANISATION, written)
                return self._item(found, (mention.start, mention.end), reading)
        return None

    def _purpose(self, reading: Reading, position: int) -> Resolved | None:
        span = purpose_after(self.units, position, reading.amount.end, self.rules)
        if span is not None:
            at = self.units.index(span.unit)
            found = classify(span.text, span.start, self.mentions[at], self.exclude, self.rules)
            return self._item(found, None, reading)
        if self.title and not self.rules.generic_title.match(self.title):
            found = classify(self.title, 0, (), self.exclude, self.rules)
            if found.kind is RecipientKind.GRANT_SCHEME:
                return self._item(found, None, reading)
        return self._allocation()

    def _allocation(self) -> Resolved | None:
        addressee = self.profile.addressee
        if not addressee:
            return None
        recipient = Recipient(addressee, RecipientKind.ORGANISATION, addressee)
        return Resolved(recipient, FlowKind.ALLOCATION, self.profile.issuer, False, None)

    def _item(
        self, recipient: Recipient, span: tuple[int, int] | None, reading: Reading
    ) -> Resolved:
        payer = self.profile.addressee if self.letter else self.profile.issuer
        earmarked = reading.earmarked or recipient.is_organisation
        return Resolved(recipient, _KIND[recipient.kind], payer, earmarked, span)


@lru_cache(maxsize=1024)
def _references(text: str, rules: FlowRules) -> tuple[Reference, ...]:
    return find_references(text, rules)
