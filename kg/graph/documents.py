"""A source document's own description, and the organisations that issue or receive it."""

from __future__ import annotations

from rdflib import URIRef

from kg.graph import ids
from kg.graph.namespace import HKG, RDF, SCHEMA
from kg.graph.quads import GraphWriter, integer, optional_integer, text
from kg.graph.vocabulary import DOCUMENT_KINDS
from kg.records import Document, Profile


def write_document(out: GraphWriter, doc: URIRef, document: Document, profile: Profile) -> None:
    """The document node, in the document's own named graph."""
    source = document.source
    issuer = ids.actor(profile.issuer) if profile.issuer else None
    addressee = ids.actor(profile.addressee) if profile.addressee else None
    out.describe(
        doc,
        [
            (RDF.type, HKG.SourceDocument),
            (SCHEMA.name, text(source.name)),
            (SCHEMA.encodingFormat, text(source.media_type)),
            (HKG.sha256, text(source.sha256)),
            (HKG.lineCount, integer(len(source.raw_lines))),
            (HKG.pageCount, optional_integer(source.page_count)),
            (HKG.documentKind, DOCUMENT_KINDS[profile.kind].iri),
            (HKG.fiscalYear, optional_integer(profile.fiscal_year)),
            (HKG.issuer, issuer),
            (HKG.addressee, addressee),
        ],
    )
