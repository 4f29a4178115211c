"""find_follow_ups: sentences saying a measure, a scheme or an actor follows a plan up.

"... som en oppfølging av X", "i tråd med X", "del av X", "følge opp X", "gjennomføre
X", "iverksette tiltak i X": the phrase must stand right before the plan's name in the
same sentence. The subject is, in this order, a scheme the sentence names, the purpose
of an amount ("4 mill. kroner til <purpose>"), the actor the sentence opens with, or in
an allocation letter the addressee of an order ("Følge opp ..."); with none of these the
sentence is left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.plans.find import DocumentPlans, document_plans
from kg.plans.rules import PlanRules, plan_rules
from kg.plans.shapes import PlanCandidate
from kg.records import (
    ActorMention,
    Document,
    DocumentKind,
    FollowUp,
    Profile,
    SchemeMention,
    Segmentation,
)
from kg.schemes.prose import collapse

_OPENING = 60  # characters from a sentence's start within which its subject stands
_CONNECTORS = frozenset(
    {"som", "en", "et", "og", "i", "til", "av", "del", "ledd", "herunder", "med", "på", "for"}
    | {"mot", "om", "ved", "under", "arbeidet", "arbeid"}
)
_CLAUSE_END = re.compile(r"(?<!-),")


def _purpose(text: str, start: int, trigger_start: int, rules: PlanRules) -> str | None:
    """The purpose of the last amount before the follow-up phrase, up to a comma."""
    amounts = list(rules.measure.finditer(text, start, trigger_start))
    if not amounts:
        return None
    purpose = _CLAUSE_END.split(collapse(text[amounts[-1].end() : trigger_start]))[0]
    words = purpose.split()
    while words and words[-1].casefold() in _CONNECTORS:
        words.pop()
    return " ".join(words) if len(words) >= 2 else None


def _subject(
    plans: DocumentPlans,
    candidate: PlanCandidate,
    sentence: tuple[int, int],
    trigger_start: int,
    rules: PlanRules,
    profile: Profile,
    schemes: Sequence[SchemeMention],
) -> tuple[str, str] | None:
    prose, (start, end) = plans.prose, sentence
    first, last = prose.line(start), prose.line(max(start, end - 1))
    scheme = next(
        (s for s in schemes if first <= s.line <= last and s.name != candidate.name), None
    )
    if scheme is not None:
        return scheme.name, "scheme"
    if purpose := _purpose(prose.text, start, trigger_start, rules):
        return purpose, "measure"
    for _, m_end, actor in plans.actors.starting_in(start, min(start + _OPENING, trigger_start)):
        if rules.actor_verb.match(prose.text, m_end):
            return actor, "actor"
    opening = prose.text[start : start + _OPENING].lstrip(" -•*\n")
    for named in (profile.addressee, profile.issuer):
        if named and opening.startswith(named) and rules.actor_verb.match(opening, len(named)):
            return named, "actor"
    if (
        profile.kind is DocumentKind.ALLOCATION_LETTER
        and profile.addressee
        and rules.order.match(prose.text, start)
    ):
        return profile.addressee, "actor"
    return None


def find_follow_ups(
    document: Document,
    profile: Profile,
    segmentation: Segmentation,
    mentions: Sequence[ActorMention],
    *,
    schemes: Sequence[SchemeMention] = (),
) -> tuple[FollowUp, ...]:
    """Every follow-up of a plan ``document`` states, with its sentence as evidence."""
    rules = plan_rules()
    plans = document_plans(document, profile, segmentation, mentions)
    prose = plans.prose
    found: dict[tuple[str, str, int], FollowUp] = {}
    for candidate in plans.candidates:
        sentence = prose.sentence(candidate.start)
        trigger = next(
            (
                m
                for r in rules.follow_ups
                if (m := r.pattern.search(prose.text, sentence[0], candidate.start))
            ),
            None,
        )
        if trigger is None:
            continue
        subject = _subject(plans, candidate, sentence, trigger.start(), rules, profile, schemes)
        if subject is None:
            continue
        first = prose.line(sentence[0])
        follow_up = FollowUp(
            subject=subject[0],
            subject_kind=subject[1],
            plan=candidate.name,
            document=document.name,
            first_line=first,
            last_line=prose.line(max(sentence[0], sentence[1] - 1)),
            quote=collapse(prose.text[sentence[0] : sentence[1]]),
        )
        found.setdefault((follow_up.subject, follow_up.plan, first), follow_up)
    return tuple(found.values())
