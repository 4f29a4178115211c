"""Build-wide entities: every organisation, grant scheme and plan under one identity.

Each document's extractors name schemes and plans as they find them; here the name
variants of all documents are merged (``merge_schemes``, ``merge_plans``) and every
mention, flow and follow-up is rewritten to its entity's canonical name, so the graph
has one node per scheme or plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from kg.actors import build_catalogue, load_registry
from kg.plans import merge_plans, plan_key
from kg.records import (
    Catalogue,
    DocumentExtraction,
    GrantScheme,
    Plan,
    RecipientKind,
)
from kg.schemes import merge_schemes, scheme_key


def catalogue_of(extractions: Sequence[DocumentExtraction]) -> Catalogue:
    """The build-wide entities of ``extractions``."""
    registry = load_registry()
    actors = build_catalogue({e.document.name: e.mentions for e in extractions}, registry)
    names = {actor.name for actor in actors}
    changes = tuple(c for c in registry.changes if c.old in names and c.new in names)
    schemes = tuple(
        GrantScheme(
            name=s.name,
            aliases=s.aliases,
            posts=s.posts,
            administered_by=s.administered_by[0] if s.administered_by else None,
            recipient_group=s.recipient_group[0] if s.recipient_group else None,
            scheme_id=s.scheme_id,
            documents=s.documents,
        )
        for s in merge_schemes({e.document.name: e.schemes for e in extractions})
    )
    plans = tuple(
        Plan(p.name, p.type, p.period, p.owner, p.aliases, p.documents)
        for p in merge_plans({e.document.name: e.plans for e in extractions})
    )
    return Catalogue(actors=actors, changes=changes, schemes=schemes, plans=plans)


def canonicalise(
    extractions: Sequence[DocumentExtraction], catalogue: Catalogue
) -> list[DocumentExtraction]:
    """The extractions with every scheme and plan name replaced by its entity's name."""
    scheme_name = _resolver(((s.name, s.aliases) for s in catalogue.schemes), scheme_key)
    plan_name = _resolver(((p.name, p.aliases) for p in catalogue.plans), plan_key)
    result = []
    for extraction in extractions:
        flows = tuple(
            replace(f, recipient=scheme_name(f.recipient))
            if f.recipient_kind is RecipientKind.GRANT_SCHEME
            else f
            for f in extraction.flows
        )
        schemes = tuple(replace(m, name=scheme_name(m.name)) for m in extraction.schemes)
        plans = tuple(replace(m, name=plan_name(m.name)) for m in extraction.plans)
        follow_ups = tuple(
            replace(
                f,
                plan=plan_name(f.plan),
                subject=scheme_name(f.subject) if f.subject_kind == "scheme" else f.subject,
            )
            for f in extraction.follow_ups
        )
        result.append(
            replace(extraction, flows=flows, schemes=schemes, plans=plans, follow_ups=follow_ups)
        )
    return result


def _resolver(
    entities: Iterable[tuple[str, Sequence[str]]], key: Callable[[str], str]
) -> Callable[[str], str]:
    """name -> canonical name, by the entity whose name or alias has the same key."""
    by_key: dict[str, str] = {}
    for name, aliases in entities:
        for variant in (name, *aliases):
            by_key.setdefault(key(variant), name)

    def resolve(name: str) -> str:
        return by_key.get(key(name), name)

    return resolve
