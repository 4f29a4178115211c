"""Grant schemes in the real corpus: general facts that hold for any such document."""

from __future__ import annotations

import re

from kg.records import Document, DocumentKind, Profile, Segmentation
from kg.schemes import find_schemes, merge_schemes
from kg.schemes.names import GENERIC_KEYS, scheme_key

Corpus = list[tuple[Document, Profile, Segmentation]]


def test_schemes_corpus_mentions_point_at_their_text(corpus_documents: Corpus) -> None:
    for document, profile, segmentation in corpus_documents:
        for mention in find_schemes(document, profile, segmentation, ()):
            assert mention.document == document.name
            line = document.lines[mention.line - 1].text
            assert mention.surface.split()[0] in line, (document.name, mention)


def test_schemes_corpus_no_generic_word_is_a_scheme(corpus_documents: Corpus) -> None:
    for document, profile, segmentation in corpus_documents:
        schemes = merge_schemes([find_schemes(document, profile, segmentation, ())])
        assert schemes, document.name
        for scheme in schemes:
            assert scheme_key(scheme.name) not in GENERIC_KEYS, scheme
            assert all(re.fullmatch(r"\d{3,4}\.\d{2}", post) for post in scheme.posts), scheme


def test_schemes_corpus_allocation_letters_tie_schemes_to_posts(corpus_documents: Corpus) -> None:
    letters = [c for c in corpus_documents if c[1].kind is DocumentKind.ALLOCATION_LETTER]
    assert letters
    for document, profile, segmentation in letters:
        mentions = find_schemes(document, profile, segmentation, ())
        with_post = [m for m in mentions if m.kap is not None and m.post is not None]
        assert len(with_post) >= len(mentions) / 2, document.name


def test_schemes_corpus_scheme_numbers_are_read(corpus_documents: Corpus) -> None:
    numbers = {
        m.scheme_id
        for document, profile, segmentation in corpus_documents
        for m in find_schemes(document, profile, segmentation, ())
        if m.scheme_id
    }
    assert numbers and all(n.isdigit() for n in numbers)


def test_schemes_corpus_merge_is_stable(corpus_documents: Corpus) -> None:
    by_document = {d.name: find_schemes(d, p, s, ()) for d, p, s in corpus_documents}
    merged = merge_schemes(by_document)
    assert merged == merge_schemes(dict(reversed(by_document.items())))
    assert len(merged) <= sum(len({m.name for m in v}) for v in by_document.values())
