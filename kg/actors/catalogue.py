"""``build_catalogue``: the bodies a set of documents mentions, as :class:`~kg.records.Actor`.

Every body mentioned anywhere: registry bodies as the registry describes them, plus the
abbreviations documents define for them and the former names they give them ("X
(tidligere Y)"); bodies the registry does not list (``in_registry=False``), typed by the
rule that found them (a name shape, a context cue, the gazetteer of municipalities), with
the other ways the documents write them as aliases.
Added to those: the registry bodies at either end of a change (rename, merger) and the
parents of every body included, so the graph's change and parent edges have both ends.
Sorted by name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from kg.actors.cue_ruler import FORMER_NAME
from kg.actors.cues import cue_labels
from kg.actors.names import collapse, genitive_stems
from kg.actors.registry import ActorRegistry
from kg.actors.shapes import shape_labels
from kg.records import Actor, ActorMention, ActorType

SHAPE_PREFIX = "shape:"
ALIAS_RULES = ("abbreviation", FORMER_NAME)  # rules whose surfaces are names of the body
WRITTEN_RULES = (SHAPE_PREFIX, "cue:", "gazetteer:")  # rules that name bodies as written


def rule_labels() -> dict[str, ActorType]:
    """Rule (as mentions name it) -> the type it gives a body the registry does not list."""
    labels = {SHAPE_PREFIX + rule: label for rule, label in shape_labels().items()}
    labels.update({"cue:" + rule: label for rule, label in cue_labels().items()})
    labels.update({f"gazetteer:{kind.value}": kind for kind in ActorType})
    return labels


def _defined_abbreviations(mentions: Sequence[ActorMention]) -> dict[str, set[str]]:
    """Actor -> abbreviations and former names the documents give it (genitives dropped)."""
    written: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.rule in ALIAS_RULES:
            written[mention.actor].add(mention.surface)
    return {
        actor: {s for s in surfaces if not any(stem in surfaces for stem in genitive_stems(s))}
        for actor, surfaces in written.items()
    }


def _written_names(mentions: Sequence[ActorMention]) -> dict[str, set[str]]:
    """Actor -> the other ways the documents write a body the registry does not list:
    "Region senter for helseinnovasjon og samhandling" for "Regionsenter for ...",
    "Bø i Vesterålen" (and "Bø i Vesterålen kommune") for "Bø kommune". Names of one word
    and genitives are left out."""
    written: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if not mention.rule.startswith(WRITTEN_RULES):
            continue
        surface = collapse(mention.surface)
        same = mention.actor.casefold()
        if " " not in surface or surface.casefold() in (same, same + "s"):
            continue
        written[mention.actor].add(surface)
        suffix = mention.actor.rsplit(" ", 1)[-1]
        if mention.rule.startswith("gazetteer:") and not surface.endswith(suffix):
            written[mention.actor].add(f"{surface} {suffix}")
    return written


def _rule_types(mentions: Sequence[ActorMention]) -> dict[str, ActorType]:
    """Actor -> the type most of its mentions' rules give it (ties: the first type by name)."""
    labels = rule_labels()
    votes: dict[str, Counter[ActorType]] = defaultdict(Counter)
    for mention in mentions:
        label = labels.get(mention.rule)
        if label is not None:
            votes[mention.actor][label] += 1
    return {
        actor: min(counts, key=lambda t: (-counts[t], t.value)) for actor, counts in votes.items()
    }


def _leading_acronym(name: str) -> tuple[str, ...]:
    """The acronym a name "ACR – words" begins with, as an alias ("POFU")."""
    head, dash, _ = name.partition(" – ")
    return (head,) if dash and head.isupper() and " " not in head else ()


def build_catalogue(
    mentions_by_document: Mapping[str, Sequence[ActorMention]], registry: ActorRegistry
) -> tuple[Actor, ...]:
    """Every body mentioned, plus the registry bodies the change and parent edges need."""
    mentions = [m for name in sorted(mentions_by_document) for m in mentions_by_document[name]]
    abbreviations = _defined_abbreviations(mentions)
    written = _written_names(mentions)
    types = _rule_types(mentions)
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
            spelt = sorted(written.get(name, set()))
            aliases = tuple(dict.fromkeys((*_leading_acronym(name), *extra, *spelt)))
            catalogue[name] = Actor(name, kind, aliases, in_registry=False)
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
