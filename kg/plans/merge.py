"""One entity per plan across name variants and documents.

Mentions are one plan when any of their keys meet (kg.plans.names.name_keys of the
canonical name and of the surface), unless their periods differ. The result is sorted
and does not depend on the order documents are given in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kg.plans.names import name_keys, plan_key, preferred_name, preferred_type
from kg.records import PlanMention, PlanType
from kg.schemes.groups import group_mentions


@dataclass(frozen=True)
class PlanEntity:
    """A plan under one name, with everything the documents say of it."""

    name: str
    type: PlanType
    period: str | None
    owner: str | None
    aliases: tuple[str, ...]  # other names and surfaces it goes by
    documents: tuple[str, ...]


def _keys(mention: PlanMention) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*name_keys(mention.name), *name_keys(mention.surface))))


def _most(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _entity(mentions: Sequence[PlanMention]) -> PlanEntity:
    name = preferred_name([m.name for m in mentions])
    names = {m.name for m in mentions} | {m.surface for m in mentions if name_keys(m.surface)}
    aliases = sorted(
        {a for a in names if (a != name and plan_key(a) != plan_key(name)) or a.isupper()} - {name}
    )
    return PlanEntity(
        name=name,
        type=preferred_type([m.type for m in mentions]),
        period=_most(m.period for m in mentions),
        owner=_most(m.owner for m in mentions),
        aliases=tuple(aliases),
        documents=tuple(sorted({m.document for m in mentions})),
    )


def merge_plans(
    mentions_by_document: Mapping[str, Sequence[PlanMention]] | Iterable[Sequence[PlanMention]],
) -> tuple[PlanEntity, ...]:
    """One entity per plan named in any of the documents, sorted by name."""
    groups = group_mentions(
        mentions_by_document,
        keys=_keys,
        period=lambda m: m.period,
        order=lambda m: (m.name, m.document, m.line, m.surface),
    )
    return tuple(sorted((_entity(m) for m in groups), key=lambda e: e.name.casefold()))
