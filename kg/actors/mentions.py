"""``find_mentions``: every organisation a document names, resolved to a canonical body.

The document is read as paragraphs (:mod:`kg.actors.paragraphs`), so a name that runs
over a line break is still one name; each paragraph keeps where its lines start, so
every mention gets the line and column it starts at. The paragraphs go
through the actor pipeline (:mod:`kg.actors.nlp`) in order, sharing one
:class:`~kg.actors.spans.ActorContext`: the document's kind, date and parties (for
generic words and names shared by an old and a new body) and the abbreviations it
defines.

Afterwards, within the document, spellings of a shape-found name that differ only in
case, hyphens or spaces are merged under the most frequent one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.language import Language

from kg.actors.names import fold
from kg.actors.nlp import actor_pipeline
from kg.actors.paragraphs import paragraphs
from kg.actors.registry import ActorRegistry, load_registry
from kg.actors.spans import ActorContext, actor_spans
from kg.records import ActorMention, Document, Profile

MID_YEAR = (7, 1)  # the date a fiscal year's document speaks of, for renamed bodies


def document_context(profile: Profile, registry: ActorRegistry) -> ActorContext:
    """What the actor components need to know about the document ``profile`` describes."""
    on_date = date(profile.fiscal_year, *MID_YEAR) if profile.fiscal_year else None

    def canonical(name: str | None) -> str | None:
        actor = registry.lookup(name, on_date) if name else None
        return actor.name if actor else name

    return ActorContext(
        kind=profile.kind,
        on_date=on_date,
        issuer=canonical(profile.issuer),
        addressee=canonical(profile.addressee),
    )


def find_mentions(
    document: Document,
    profile: Profile,
    *,
    registry: ActorRegistry | None = None,
    nlp: Language | None = None,
) -> tuple[ActorMention, ...]:
    """Every organisation ``document`` names, in text order, resolved to canonical names."""
    registry = registry or load_registry()
    nlp = nlp or actor_pipeline(registry)
    context = document_context(profile, registry)
    blocks = list(paragraphs(document))
    docs = []
    for block in blocks:
        doc = nlp.make_doc(block.text)
        doc._.actor_context = context
        docs.append(doc)
    found: list[ActorMention] = []
    for block, doc in zip(blocks, nlp.pipe(docs), strict=True):
        for span in actor_spans(doc):
            line, column = block.locate(span.start_char)
            surface = block.text[span.start_char : span.end_char]
            found.append(ActorMention(span._.actor, surface, line, column, span._.actor_rule))
    return merge_shape_names(found, registry)


def merge_shape_names(
    mentions: Sequence[ActorMention], registry: ActorRegistry
) -> tuple[ActorMention, ...]:
    """One name per shape-found body of a document: spellings that differ only in case,
    hyphens or spaces ("Norsk Helsenett SF", "Norsk helsenett SF") take the most frequent
    one (ties: the first in sorted order)."""
    counts = Counter(m.actor for m in mentions if registry.get(m.actor) is None)
    chosen: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        chosen.setdefault(fold(name), name)
    return tuple(
        replace(m, actor=chosen.get(fold(m.actor), m.actor)) if m.actor in counts else m
        for m in mentions
    )
