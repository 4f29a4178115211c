"""Who or what a recipient phrase names: a recipient group (municipalities, regional health
authorities, county governors), an organisation (an actor mention inside it, or a name
a grant is earmarked for), a grant scheme, or, failing all of those, the agency's own
activity (the purpose as written).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from kg.flows.rules import FlowRules
from kg.records import RecipientKind

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SpanMention:
    """An actor mention placed in a unit's text."""

    start: int
    end: int
    actor: str


@dataclass(frozen=True)
class Recipient:
    name: str
    kind: RecipientKind
    text: str  # as written, whitespace collapsed

    @property
    def is_organisation(self) -> bool:
        return self.kind is RecipientKind.ORGANISATION


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def trim_recipient(text: str, rules: FlowRules) -> str:
    """A recipient phrase cut where its clause ends, without trailing years or posts."""
    cut = len(text)
    for rule in rules.recipient_end:
        if rule.name == "clause_word":
            match = rule.pattern.search(text)
            if match:
                cut = min(cut, match.start())
    text = text[:cut]
    changed = True
    while changed:
        changed = False
        for rule in rules.recipient_end:
            if rule.name != "clause_word":
                shorter = rule.pattern.sub("", text)
                changed = changed or shorter != text
                text = shorter
    if len(text) > rules.max_recipient_length:
        text = text[: rules.max_recipient_length].rsplit(" ", 1)[0]
    return text.strip(" \"'«»”“")


def strip_head(text: str, rules: FlowRules) -> str:
    """The phrase without leading determiners, filler words ("til", "øremerket") and
    generic nouns before a name ("organisasjonen Mot")."""
    while True:
        shorter = rules.determiner.sub("", text, count=1)
        shorter = rules.filler.sub("", shorter, count=1)
        shorter = rules.org_noun.sub("", shorter, count=1)
        if shorter == text:
            return text
        text = shorter


def classify(
    text: str,
    offset: int,
    mentions: Sequence[SpanMention],
    exclude: Collection[str],
    rules: FlowRules,
    *,
    earmarked: bool = False,
) -> Recipient:
    """The recipient named by ``text``, which starts at ``offset`` of its unit.

    ``earmarked``: the clause earmarks the money, so a capitalised name heading the
    phrase names an organisation even when no actor mention was found in it.
    """
    written = collapse(text)
    head = strip_head(written, rules)
    phrase = Phrase(text, offset, mentions, exclude)
    grant_to = rules.grant_to.match(head)
    if grant_to:
        rest = strip_head(head[grant_to.end() :], rules)
        drifts = bool(rules.not_scheme.match(head))
        named = _named(rest, phrase, rules, earmarked or drifts)
        if named is not None:
            return Recipient(named[0], named[1], written)
        return Recipient(_name(head), RecipientKind.GRANT_SCHEME, written)
    if rules.scheme.match(head) and not rules.not_scheme.match(head):
        return Recipient(_name(head), RecipientKind.GRANT_SCHEME, written)
    named = _named(head, phrase, rules, earmarked)
    if named is not None:
        return Recipient(named[0], named[1], written)
    return Recipient(_name(head), RecipientKind.OWN_ACTIVITY, written)


@dataclass(frozen=True)
class Phrase:
    """A recipient phrase in its unit, with the actor mentions that may lie in it."""

    text: str
    offset: int
    mentions: Sequence[SpanMention]
    exclude: Collection[str]

    def head_offset(self, head: str) -> int:
        """Where ``head`` (the phrase without its leading words) starts in the unit."""
        return self.offset + max(self.text.find(head[:20]), 0)

    def mentions_inside(self, head: str) -> list[SpanMention]:
        """Mentions in the phrase from where ``head`` starts; a genitive counts only at the
        head ("Antidoping Norges arbeid"), not further in ("arbeid med EUs direktiv")."""
        start = self.head_offset(head)
        end = self.offset + len(self.text)
        return [
            m
            for m in self.mentions
            if start <= m.start < end
            and m.actor not in self.exclude
            and (m.start <= start + 2 or not is_genitive(self.text, m.end - self.offset, m))
        ]


def is_genitive(text: str, end: int, mention: SpanMention) -> bool:
    """The mention ending at ``end`` of ``text`` is a genitive ("EUs tobakksdirektiv",
    "Fjordklinikkens arbeid"), whether or not its surface took the "s" with it."""
    if text[end : end + 1] == "s":
        end += 1
    elif text[end - 1 : end] != "s" or mention.actor.endswith("s"):
        return False
    return text[end : end + 1] == " " and text[end + 1 : end + 2].islower()


def _named(
    head: str, phrase: Phrase, rules: FlowRules, earmarked: bool
) -> tuple[str, RecipientKind] | None:
    group = group_at(head, rules)
    if group is not None:
        return group
    inside = phrase.mentions_inside(head)
    if inside and inside[0].start <= phrase.head_offset(head) + 2:
        return inside[0].actor, RecipientKind.ORGANISATION
    if earmarked and head[:1].isupper():
        return _name(rules.name_end.split(head, maxsplit=1)[0]), RecipientKind.ORGANISATION
    if inside:
        return inside[0].actor, RecipientKind.ORGANISATION
    return None


def group_at(text: str, rules: FlowRules) -> tuple[str, RecipientKind] | None:
    """The recipient group ``text`` starts with, if any ("Fylkesmennene skal ...")."""
    for group in rules.groups:
        if group.pattern.match(text):
            return group.label, RecipientKind(group.kind)
    return None


def _name(text: str) -> str:
    name = collapse(text).strip(" .,:;")
    return name[:1].upper() + name[1:]
