"""One entity per grant scheme across name variants and documents.

Mentions are one scheme when their names have the same key (kg.schemes.names) or
they carry the same scheme number. The result is sorted and does not depend on the
order documents are given in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kg.records import SchemeMention
from kg.schemes.groups import group_mentions
from kg.schemes.names import GENERIC_KEYS, preferred_name, scheme_key, scheme_keys


@dataclass(frozen=True)
class GrantSchemeEntity:
    """A grant scheme under one name, with everything the documents say of it."""

    name: str
    aliases: tuple[str, ...]  # other names and surfaces it goes by
    posts: tuple[str, ...]  # funding posts, "714.60"
    administered_by: tuple[str, ...]  # canonical actors, most often stated first
    recipient_group: tuple[str, ...]  # most often stated first
    scheme_id: str | None
    documents: tuple[str, ...]


def _ranked(values: Iterable[str | None]) -> tuple[str, ...]:
    counts = Counter(v for v in values if v)
    return tuple(sorted(counts, key=lambda v: (-counts[v], v)))


def _keys(mention: SchemeMention) -> tuple[str, ...]:
    """The keys of a mention's name and, unless it is a bare "tilskuddet", its surface."""
    keys = [*scheme_keys(mention.name), *_surface_keys(mention)]
    if mention.scheme_id:
        keys.append(f"#{mention.scheme_id}")
    return tuple(dict.fromkeys(keys))


def _surface_keys(mention: SchemeMention) -> tuple[str, ...]:
    return () if scheme_key(mention.surface) in GENERIC_KEYS else scheme_keys(mention.surface)


def _entity(mentions: Sequence[SchemeMention]) -> GrantSchemeEntity:
    name = preferred_name(m.name for m in mentions)
    by_key: dict[str, str] = {}
    for alias in sorted(
        {m.name for m in mentions} | {m.surface for m in mentions if _surface_keys(m)}
    ):
        by_key.setdefault(scheme_key(alias), alias)
    aliases = set(by_key.values()) - {name}
    aliases = {a for a in aliases if scheme_key(a) != scheme_key(name)}
    posts = _ranked(f"{m.kap}.{m.post:02d}" for m in mentions if m.kap and m.post is not None)
    ids = _ranked(m.scheme_id for m in mentions)
    return GrantSchemeEntity(
        name=name,
        aliases=tuple(sorted(aliases)),
        posts=tuple(sorted(posts)),
        administered_by=_ranked(m.administered_by for m in mentions),
        recipient_group=_ranked(m.recipient_group for m in mentions),
        scheme_id=ids[0] if ids else None,
        documents=tuple(sorted({m.document for m in mentions})),
    )


def merge_schemes(
    mentions_by_document: Mapping[str, Sequence[SchemeMention]] | Iterable[Sequence[SchemeMention]],
) -> tuple[GrantSchemeEntity, ...]:
    """One entity per scheme named in any of the documents, sorted by name."""
    groups = group_mentions(
        mentions_by_document,
        keys=_keys,
        period=lambda _: None,
        order=lambda m: (m.document, m.line, m.name, m.surface),
    )
    return tuple(sorted((_entity(m) for m in groups), key=lambda e: e.name.casefold()))
