"""find_schemes: every grant scheme a document names, with what it says of each.

Steps: the shapes of kg/data/schemes.toml and scheme tables give candidates; the
longest wins where several overlap; a bare "tilskuddet"/"ordningen" becomes a mention of
the one scheme its section has named before it (and is dropped when there is not exactly
one); each candidate then gets its post, administrator, recipient group and number, and
all variants of a name in the document share one canonical name.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

from kg.records import ActorMention, Document, Profile, SchemeMention, Segmentation
from kg.schemes.attributes import (
    Context,
    administrator_of,
    allocation_offsets,
    post_of,
    recipient_of,
)
from kg.schemes.groups import KeyGroups
from kg.schemes.names import preferred_name, scheme_keys
from kg.schemes.prose import ActorSpans, Prose, collapse, prose_of
from kg.schemes.rules import SchemeRules, scheme_rules
from kg.schemes.shapes import Candidate, shape_candidates, without_overlaps
from kg.schemes.tables import table_candidates

ANAPHORA_REACH = 3  # sentences back an anaphor may look for its scheme (or to its heading)


def _anaphora(prose: Prose, rules: SchemeRules, named: Sequence[Candidate]) -> list[Candidate]:
    """Bare "tilskuddet"/"ordningen" resolved to the one scheme its section has named.

    The scheme must stand within ``ANAPHORA_REACH`` sentences before the word, or in the
    section's heading; with none or several distinct schemes there, the word is dropped.
    """
    found: list[Candidate] = []
    starts = [c.start for c in named]
    for match in prose.search(rules.anaphora, rules.anaphora_triggers):
        at = bisect_right(starts, match.start())
        if at and named[at - 1].end > match.start():
            continue  # part of a name
        line = prose.line(match.start())
        section = prose.section(line)
        if section is None:
            continue
        here = prose.sentence_index(match.start())
        heading_end = prose.line_start(section.first_line + 1)
        keys: dict[str, Candidate] = {}
        for candidate in reversed(named[:at]):
            if prose.line(candidate.start) < section.first_line:
                break
            near = here - prose.sentence_index(candidate.start) <= ANAPHORA_REACH
            if near or candidate.start < heading_end:
                keys.setdefault(candidate.key, candidate)
        if len(keys) == 1:
            (antecedent,) = keys.values()
            found.append(
                Candidate(antecedent.name, antecedent.key, match.start(), match.end(), "anaphora")
            )
    return found


def _canonical_names(candidates: Sequence[Candidate]) -> dict[int, str]:
    """The name each candidate (by start offset) goes by: that of its group of variants."""
    groups = KeyGroups([(scheme_keys(c.name), None) for c in candidates])
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(candidates)):
        members[groups.group(index)].append(index)
    names: dict[int, str] = {}
    for indexes in members.values():
        named = [candidates[i].name for i in indexes if candidates[i].rule != "anaphora"]
        name = preferred_name(named or [candidates[i].name for i in indexes])
        names.update((candidates[i].start, name) for i in indexes)
    return names


def find_schemes(
    document: Document,
    profile: Profile,
    segmentation: Segmentation,
    mentions: Sequence[ActorMention],
) -> tuple[SchemeMention, ...]:
    """Every grant scheme ``document`` names, in text order."""
    rules = scheme_rules()
    prose = prose_of(document, segmentation)
    actors = ActorSpans(prose, mentions)
    named = without_overlaps(
        [*shape_candidates(prose, rules, actors), *table_candidates(prose, rules)]
    )
    candidates = sorted([*named, *_anaphora(prose, rules, named)], key=lambda c: c.start)
    context = Context(
        prose,
        rules,
        profile,
        actors,
        allocation_offsets(actors, prose, rules, profile.addressee),
    )
    canonical = _canonical_names(candidates)
    found = []
    for candidate in candidates:
        kap, post = post_of(candidate, context)
        found.append(
            SchemeMention(
                name=canonical[candidate.start],
                surface=collapse(prose.text[candidate.start : candidate.end]),
                document=document.name,
                line=prose.line(candidate.start),
                kap=kap,
                post=post,
                administered_by=administrator_of(candidate, context),
                recipient_group=recipient_of(candidate, context),
                scheme_id=candidate.scheme_id,
            )
        )
    return tuple(found)
