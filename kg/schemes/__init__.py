"""Grant schemes (tilskuddsordninger): where documents name them, and one entity per scheme.

``find_schemes(document, profile, segmentation, mentions)`` reads one document;
``merge_schemes(mentions_by_document)`` joins the name variants of all documents.
The rules are data: kg/data/schemes.toml.
"""

from __future__ import annotations

from kg.schemes.find import find_schemes
from kg.schemes.merge import GrantSchemeEntity, merge_schemes
from kg.schemes.names import scheme_key

__all__ = ["GrantSchemeEntity", "find_schemes", "merge_schemes", "scheme_key"]
