"""``build_catalogue``: the bodies a set of documents mentions, as :class:`~kg.records.Actor`.

Every body mentioned anywhere: registry bodies as the registry describes them, plus the
abbreviations documents define for them; bodies found by name shape only
(``in_registry=False``), typed by the shape rule that found them. Added to those: the
registry bodies at either end of a change (rename, merger) and the parents of every
body included, so the graph's change and parent edges have both ends. Sorted by name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from kg.actors.names import genitive_stems
from kg.actors.registry import ActorRegistry
from kg.actors.shapes import shape_labels
from kg.records import Actor, ActorMention, ActorType

SHAPE_PREFIX = "shape:"


def _defined_abbreviations(mentions: Sequence[ActorMention]) -> dict[str, set[str]]:
    """Actor -> abbreviations the documents define for it (genitive forms dropped)."""
    written: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.rule == "abbreviation":
            written[mention.actor].add(mention.surface)
    return {
        actor: {s for s in surfaces if not any(stem in surfaces for stem in genitive_stems(s))}
        for actor, surfaces in written.items()
    }


def _shape_types(mentions: Sequence[ActorMention]) -> dict[str, ActorType]:
    """Actor -> the type most of its shape mentions give it (ties: the first type by name)."""
    labels = shape_labels()
    votes: dict[str, Counter[ActorType]] = defaultdict(Counter)
    for mention in mentions:
        if mention.rule.startswith(SHAPE_PREFIX):
            label = labels.get(mention.rule.removeprefix(SHAPE_PREFIX))
            if label is not None:
                votes[mention.actor][label] += 1
    return {
        actor: min(counts, key=lambda t: (-counts[t], t.value)) for actor, counts in votes.items()
    }


def build_catalogue(
    mentions_by_document: Mapping[str, Sequence[ActorMention]], registry: ActorRegistry
) -> tuple[Actor, ...]:
    """Every body mentioned, plus the registry bodies the change and parent edges need."""
    mentions = [m for name in sorted(mentions_by_document) for m in mentions_by_document[name]]
    abbreviations = _defined_abbreviations(mentions)
    types = _shape_types(mentions)
    catalogue: dict[str, Actor] = {}
    for name in sorted({m.actor for m in mentions}):
        listed = registry.get(name)
        extra = sorted(abbreviations.get(name, set()))
        if listed is not None:
            aliases = tuple(dict.fromkeys((*listed.aliases, *extra)))
            catalogue[name] = Actor(
                listed.name, listed.type, aliases, listed.parent, listed.identifier, True
            )
        else:
            kind = types.get(name, ActorType.OTHER)
            catalogue[name] = Actor(name, kind, tuple(extra), in_registry=False)
    for change in registry.changes:
        for end in (change.old, change.new):
            listed = registry.get(end)
            if listed is not None:
                catalogue.setdefault(end, listed)
    pending = [actor.parent for actor in catalogue.values() if actor.parent]
    while pending:
        parent = pending.pop()
        listed = registry.get(parent)
        if listed is not None and parent not in catalogue:
            catalogue[parent] = listed
            if listed.parent:
                pending.append(listed.parent)
    return tuple(catalogue[name] for name in sorted(catalogue))
