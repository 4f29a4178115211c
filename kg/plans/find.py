"""find_plans: every strategy, plan, programme, reform, white paper, proposition and law
a document names.

Steps: the shapes of kg/data/plans.toml give candidates (the longest wins where several
overlap); an abbreviation a text defines ("... sykehusplan (NHSP)") and a proper title
it has given ("reformen Leve hele livet") are then found wherever else they stand; a
generic word ("planen", "strategien") becomes a mention of the one plan of a fitting
type its section has just named, and is dropped otherwise. Variants of a name in the
document share one canonical name and type.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.plans.names import preferred_name, preferred_type
from kg.plans.owner import owner_of
from kg.plans.rules import PlanRules, plan_rules
from kg.plans.shapes import PlanCandidate, shape_candidates
from kg.records import ActorMention, Document, PlanMention, PlanType, Profile, Segmentation
from kg.schemes.groups import KeyGroups
from kg.schemes.prose import ActorSpans, Prose, collapse, prose_of

_SESSION = re.compile(r"^(?P<base>Prop\. \d+ [SLE](?: Tillegg \d+)?) \(\d{4}–\d{4}\)$")
ANAPHORA_REACH = 3  # sentences back a generic word may look for its plan


@dataclass(frozen=True)
class DocumentPlans:
    """The plan candidates of one document, with what later steps need to read them."""

    prose: Prose
    candidates: tuple[PlanCandidate, ...]
    actors: ActorSpans


def _without_overlaps(candidates: Sequence[PlanCandidate]) -> list[PlanCandidate]:
    kept: list[PlanCandidate] = []

    def order(c: PlanCandidate) -> tuple[int, int, bool, str]:
        return (c.start, -(c.end - c.start), c.type is PlanType.OTHER, c.rule)

    for candidate in sorted(candidates, key=order):
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


def _recurring(
    prose: Prose, rules: PlanRules, named: Sequence[PlanCandidate]
) -> list[PlanCandidate]:
    """Abbreviations defined for a plan and proper titles, wherever else they stand."""
    text = prose.text
    by_word: dict[str, PlanCandidate] = {}
    for candidate in named:
        period = rules.period.match(text, candidate.end, candidate.end + 20)
        at = period.end() if period else candidate.end
        if found := rules.abbreviation.match(text, at, at + 16):
            by_word.setdefault(found.group("abbreviation"), candidate)
        if candidate.title and len(candidate.title.split()) >= 2:
            by_word.setdefault(candidate.title, candidate)
    if not by_word:
        return []
    words = sorted(by_word, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
    return [
        replace(
            by_word[m.group(0)],
            start=m.start(),
            end=m.end(),
            rule="recurring",
            title=None,
            anchor=None,
        )
        for m in prose.search(pattern, sorted({w.lower() for w in words}))
    ]


def _anaphora(
    prose: Prose, rules: PlanRules, named: Sequence[PlanCandidate]
) -> list[PlanCandidate]:
    """Generic words resolved to the one fitting plan their section has just named."""
    found: list[PlanCandidate] = []
    starts = [c.start for c in named]
    for anaphor in rules.anaphora:
        for match in prose.search(anaphor.pattern, anaphor.triggers):
            at = bisect_right(starts, match.start())
            if at and named[at - 1].end > match.start():
                continue
            section = prose.section(prose.line(match.start()))
            if section is None:
                continue
            here = prose.sentence_index(match.start())
            heading_end = prose.line_start(section.first_line + 1)
            fitting: dict[str, PlanCandidate] = {}
            for candidate in reversed(named[:at]):
                if prose.line(candidate.start) < section.first_line:
                    break
                near = here - prose.sentence_index(candidate.start) <= ANAPHORA_REACH
                if (near or candidate.start < heading_end) and candidate.type in anaphor.types:
                    fitting.setdefault(candidate.key, candidate)
            if len(fitting) == 1:
                (antecedent,) = fitting.values()
                found.append(
                    replace(
                        antecedent,
                        start=match.start(),
                        end=match.end(),
                        rule="anaphora",
                        title=None,
                        anchor=None,
                    )
                )
    return found


_RECENT: list[tuple[Document, Segmentation, Sequence[ActorMention], Profile, DocumentPlans]] = []


def document_plans(
    document: Document,
    profile: Profile,
    segmentation: Segmentation,
    mentions: Sequence[ActorMention],
) -> DocumentPlans:
    """The plan candidates of ``document``, named variants under one name and type.

    The last two are kept, so ``find_plans`` and ``find_follow_ups`` read a document once
    between them (the same document, segmentation and tuple of mentions: identity, not
    equality).
    """
    for known, known_segmentation, known_mentions, known_profile, plans in _RECENT:
        if (
            known is document
            and known_segmentation is segmentation
            and known_mentions is mentions
            and known_profile == profile
        ):
            return plans
    plans = _document_plans(document, profile, segmentation, mentions)
    if isinstance(mentions, tuple):  # a list could change before the next call
        _RECENT.insert(0, (document, segmentation, mentions, profile, plans))
        del _RECENT[2:]
    return plans


def _document_plans(
    document: Document,
    profile: Profile,
    segmentation: Segmentation,
    mentions: Sequence[ActorMention],
) -> DocumentPlans:
    rules = plan_rules()
    prose = prose_of(document, segmentation)
    actors = ActorSpans(prose, mentions)
    named = _without_overlaps([c for c in shape_candidates(prose, rules, actors) if c.keys])
    named = _without_overlaps([*named, *_recurring(prose, rules, named)])
    candidates = sorted([*named, *_anaphora(prose, rules, named)], key=lambda c: c.start)
    sessions = _with_sessions(candidates, profile.fiscal_year)
    return DocumentPlans(prose, tuple(_canonical(sessions)), actors)


def _with_sessions(candidates: Sequence[PlanCandidate], year: int | None) -> list[PlanCandidate]:
    """ "Prop. 154 L" is the "Prop. 154 L (2016–2017)" the document names, if just one;
    of several, the one of the session before the document's fiscal year."""
    sessions: dict[str, set[PlanCandidate]] = defaultdict(set)
    for candidate in candidates:
        if found := _SESSION.match(candidate.name):
            sessions[found.group("base")].add(replace(candidate, start=0, end=0, rule=""))
    result = []
    for candidate in candidates:
        known = sorted(sessions.get(candidate.name, set()), key=lambda c: c.name)
        if year and len(known) > 1:
            known = [c for c in known if c.name.endswith(f"({year - 1}–{year})")]
        if candidate.rule == "proposition" and len(known) == 1:
            candidate = replace(candidate, name=known[0].name, keys=known[0].keys)
        result.append(candidate)
    return result


def _canonical(candidates: Sequence[PlanCandidate]) -> list[PlanCandidate]:
    """Every candidate under the name, type and keys of its group of variants."""
    groups = KeyGroups([(c.keys, c.period) for c in candidates])
    result = list(candidates)
    for indexes in _indexes_by_group(groups, len(candidates)).values():
        group = [candidates[i] for i in indexes]
        named = [c for c in group if c.rule not in ("anaphora", "recurring")] or group
        name = preferred_name(c.name for c in named)
        type_ = preferred_type(c.type for c in named)
        keys = tuple(dict.fromkeys(k for c in group for k in c.keys))
        for i in indexes:
            result[i] = replace(candidates[i], name=name, type=type_, keys=keys)
    return result


def _indexes_by_group(groups: KeyGroups, count: int) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for index in range(count):
        found[groups.group(index)].append(index)
    return found


def find_plans(
    document: Document,
    profile: Profile,
    segmentation: Segmentation,
    mentions: Sequence[ActorMention],
) -> tuple[PlanMention, ...]:
    """Every plan ``document`` names, in text order."""
    plans = document_plans(document, profile, segmentation, mentions)
    text, rules = plans.prose.text, plan_rules()
    return tuple(
        PlanMention(
            name=c.name,
            type=c.type,
            surface=collapse(text[c.start : c.end]),
            document=document.name,
            line=plans.prose.line(c.start),
            period=c.period,
            owner=owner_of(text, c.owner_at, rules, plans.actors, profile),
        )
        for c in plans.candidates
    )
