"""Actor mentions on the real corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.actors import actor_pipeline, build_catalogue, find_mentions, load_registry
from kg.actors.registry_matcher import is_descriptive
from kg.ingest import load_documents
from kg.recognise import recognise
from kg.records import ActorMention, Document, Profile

GENERIC_TERMS = {"direktoratet", "direktoratets", "departementet", "departementets"}


@dataclass(frozen=True)
class Read:
    document: Document
    profile: Profile
    mentions: tuple[ActorMention, ...]


@cache
def read_corpus(corpus: Path) -> tuple[dict[str, Read], float]:
    """Every corpus document with its mentions, and the seconds find_mentions took in all."""
    documents, _ = load_documents([corpus])
    profiles = [recognise(document) for document in documents]
    actor_pipeline()  # built once per process, before the clock starts
    started = time.perf_counter()
    found = [find_mentions(d, p) for d, p in zip(documents, profiles, strict=True)]
    elapsed = time.perf_counter() - started
    reads = {d.name: Read(d, p, m) for d, p, m in zip(documents, profiles, found, strict=True)}
    return reads, elapsed


def test_corpus_every_document_names_its_issuer_and_addressee(corpus_dir: Path) -> None:
    reads, _ = read_corpus(corpus_dir)
    for name, read in reads.items():
        actors = {m.actor for m in read.mentions}
        assert read.profile.issuer in actors, name
        assert read.profile.addressee in actors, name


def test_corpus_helsedirektoratet_is_mentioned_in_every_document(corpus_dir: Path) -> None:
    reads, _ = read_corpus(corpus_dir)
    assert len(reads) == 5
    for name, read in reads.items():
        assert any(m.actor == "Helsedirektoratet" for m in read.mentions), name


def test_corpus_no_mention_is_a_generic_lower_case_word(corpus_dir: Path) -> None:
    registry = load_registry()
    lower_case_names = {n.text for n in registry.names if n.text[:1].islower()}
    descriptive = {
        n.text.lower() for n in registry.names if is_descriptive(n.text, n.case_sensitive)
    }
    reads, _ = read_corpus(corpus_dir)
    for read in reads.values():
        for mention in read.mentions:
            if mention.rule == "generic":
                assert mention.surface.lower() in GENERIC_TERMS, mention
            elif mention.surface[:1].islower():
                surface = " ".join(mention.surface.split())
                assert (
                    surface.rstrip("s") in lower_case_names
                    or surface in lower_case_names
                    or surface.lower() in descriptive
                    or surface.lower().rstrip("s") in descriptive
                ), mention


def test_corpus_mentions_point_at_their_text(corpus_dir: Path) -> None:
    reads, _ = read_corpus(corpus_dir)
    for read in reads.values():
        for mention in read.mentions:
            line = read.document.lines[mention.line - 1].text
            first_word = mention.surface.split()[0]
            assert line[mention.column :].startswith(first_word), mention


def test_corpus_every_mention_is_in_the_catalogue(corpus_dir: Path) -> None:
    reads, _ = read_corpus(corpus_dir)
    catalogue = build_catalogue({n: r.mentions for n, r in reads.items()}, load_registry())
    names = {actor.name for actor in catalogue}
    assert {m.actor for r in reads.values() for m in r.mentions} <= names


def test_corpus_summary(corpus_dir: Path) -> None:
    """Printed, not asserted: distinct actors per document and the time find_mentions took."""
    reads, elapsed = read_corpus(corpus_dir)
    registry = load_registry()
    print()
    for name, read in reads.items():
        rules = Counter(m.rule.split(":")[0] for m in read.mentions)
        distinct = {m.actor for m in read.mentions}
        unlisted = {a for a in distinct if registry.get(a) is None}
        print(
            f"{name}: {len(read.mentions)} mentions, {len(distinct)} distinct actors "
            f"({len(unlisted)} not in the registry); by rule {dict(sorted(rules.items()))}"
        )
    lines = sum(len(r.document.lines) for r in reads.values())
    print(f"find_mentions on {len(reads)} documents ({lines} lines): {elapsed:.2f} s")
