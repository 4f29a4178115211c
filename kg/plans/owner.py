"""Whose plan it is, where the text says so right before the name.

"regjeringens strategi for ...", "departementets nye handlingsplan", "Helsedirektoratets
strategi": a genitive (a word of kg/data/plans.toml [[owner]], or an actor mention
ending in "s") before the name, with modifiers ("nye", "kommende") in between.
"""

from __future__ import annotations

from kg.plans.rules import PlanRules
from kg.records import Profile
from kg.schemes.prose import ActorSpans

_REACH = 80  # characters before a name searched for modifiers and an owner


def _filler_start(text: str, start: int, rules: PlanRules) -> int:
    low = max(0, start - _REACH)
    filler = rules.owner_filler.search(text, low, start)
    return filler.start() if filler else start


def owner_lead(text: str, start: int, rules: PlanRules) -> int:
    """Where the owner and the modifiers written before a name begin."""
    lead = _filler_start(text, start, rules)
    for pattern, _ in rules.owners:
        if found := pattern.search(text, max(0, lead - 40), lead):
            return found.start()
    return lead


def owner_of(
    text: str,
    start: int,
    rules: PlanRules,
    actors: ActorSpans,
    profile: Profile,
) -> str | None:
    """The owner a genitive before ``start`` names, as a canonical actor where possible."""
    lead = _filler_start(text, start, rules)
    for pattern, owner in rules.owners:
        if pattern.search(text, max(0, lead - 40), lead):
            if owner == "@issuer":
                return next(
                    (n for n in (profile.issuer, profile.addressee) if _is_ministry(n)), None
                )
            return owner
    for m_start, m_end, actor in actors.ending_in(lead - 2, lead):
        if text[m_start:m_end].endswith("s"):
            return actor
    return None


def _is_ministry(name: str | None) -> bool:
    return bool(name) and str(name).casefold().endswith("departementet")
