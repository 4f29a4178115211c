"""Ingestion stage: files on disk -> normalised Documents (one TextLine per original line).

``load_documents(paths)`` is the entry point; a file that cannot be used becomes a
``Skipped`` entry with a one-line reason instead of stopping the build.
"""

from kg.ingest.normalize import normalize
from kg.ingest.reader import discover, load_documents, read_source

__all__ = ["discover", "load_documents", "normalize", "read_source"]
