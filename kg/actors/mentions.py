"""``find_mentions``: every organisation a document names, resolved to a canonical body.

The document is read as paragraphs (:mod:`kg.actors.paragraphs`), so a name that runs
over a line break is still one name; each paragraph keeps where its lines start, so
every mention gets the line and column it starts at. The paragraphs go
through the actor pipeline (:mod:`kg.actors.nlp`) in order, sharing one
:class:`~kg.actors.spans.ActorContext`: the document's kind, date and parties (for
generic words and names shared by an old and a new body) and the abbreviations it
defines.

Afterwards, within the document (:mod:`kg.actors.variants`), a name found by its shape
that is a fragment or a variant spelling of a registry body the document names is that
body, names the document writes as its own units ("det interne Senter for ...") or as
an activity's ("kampanjen X") go,
and spellings of a shape-found name that differ only in case, hyphens or spaces are
merged under the most frequent one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.language import Language

from kg.actors.cues import load_cues
from kg.actors.names import fold
from kg.actors.nlp import actor_pipeline
from kg.actors.paragraphs import paragraphs
from kg.actors.registry import ActorRegistry, load_registry
from kg.actors.spans import ActorContext, actor_spans, set_extension
from kg.actors.variants import not_bodies, settle_variants
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
    context.text = "\n".join(block.text for block in blocks)
    docs, offset = [], 0
    for block in blocks:
        doc = nlp.make_doc(block.text)
        set_extension(doc, "actor_context", context)
        set_extension(doc, "block_start", offset)
        offset += len(block.text) + 1
        docs.append(doc)
    found: list[ActorMention] = []
    preceding: list[tuple[ActorMention, str]] = []
    for block, doc in zip(blocks, nlp.pipe(docs), strict=True):
        for span in actor_spans(doc):
            line, column = block.locate(span.start_char)
            surface = block.text[span.start_char : span.end_char]
            mention = ActorMention(span._.actor, surface, line, column, span._.actor_rule)
            found.append(mention)
            if span.start and not span._.actor_rule.startswith("registry"):
                preceding.append((mention, doc[span.start - 1].text))
    dropped = not_bodies(preceding, registry, load_cues().not_a_head)
    kept = [m for m in found if m.actor not in dropped]
    return merge_shape_names(settle_variants(kept, registry), registry)


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
