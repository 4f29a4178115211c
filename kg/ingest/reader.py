"""Find input files, read them into SourceFiles, and load them as Documents.

A bad file never stops the build: it becomes a ``Skipped`` entry with one line saying
what is wrong, and the other files go on.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.errors import InputError
from kg.ingest.decode import decode_text, split_lines
from kg.ingest.normalize import normalize
from kg.ingest.pdf import is_pdf, pdf_pages
from kg.records import Document, Skipped, SourceFile

TEXT = "text/plain"
PDF = "application/pdf"


def discover(paths: Sequence[Path]) -> list[Path]:
    """The files named by ``paths``: files as given, folders searched recursively.

    Sorted, without duplicates; hidden files and folders inside a folder are skipped.
    A path that does not exist, or a folder that cannot be listed, is returned as it is
    so that ``load_documents`` reports it as skipped.
    """
    found: set[Path] = set()
    for path in paths:
        if _is_dir(path):
            found.update(_walk(path))
        else:
            found.add(path)
    return sorted(found)


def _walk(folder: Path) -> Iterator[Path]:
    unlisted: list[OSError] = []
    for root, folders, files in os.walk(folder, onerror=unlisted.append):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        yield from (Path(root, name) for name in files if not name.startswith("."))
    yield from (Path(err.filename) for err in unlisted if err.filename)


def read_source(path: Path) -> SourceFile:
    """The file at ``path`` as a SourceFile (PDF recognised by its content, not its name).

    Raises InputError with one line for the user when the file cannot be used.
    """
    data = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    if is_pdf(data):
        return _pdf_source(path, data, digest)
    text, encoding = decode_text(data, str(path))
    return SourceFile(
        path=path,
        name=path.name,
        sha256=digest,
        media_type=TEXT,
        encoding=encoding,
        raw_lines=tuple(split_lines(text)),
    )


def _pdf_source(path: Path, data: bytes, digest: str) -> SourceFile:
    """All page texts split into lines, with the page number of each line."""
    lines: list[str] = []
    pages: list[int] = []
    page_texts = pdf_pages(data, str(path))
    for number, page_text in enumerate(page_texts, start=1):
        page_lines = split_lines(page_text)
        lines.extend(page_lines)
        pages.extend([number] * len(page_lines))
    return SourceFile(
        path=path,
        name=path.name,
        sha256=digest,
        media_type=PDF,
        encoding="pdf",  # text comes from the PDF's text layer, not from decoding bytes
        raw_lines=tuple(lines),
        pages=tuple(pages),
        page_count=len(page_texts),
    )


def _read_bytes(path: Path) -> bytes:
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            os.listdir(path)  # raises when the folder cannot be listed
            raise InputError(f"{path}: is a folder, not a file; give the folder to load_documents")
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: is not a regular file (a pipe or device?); give a file")
        return path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file or folder; check the path") from err
    except OSError as err:
        raise InputError(
            f"{path}: cannot be read ({err.strerror}); check that it exists and that you "
            "may read it"
        ) from err


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False  # read_source reports why


def load_documents(paths: Sequence[Path]) -> tuple[list[Document], list[Skipped]]:
    """Normalised documents of all files under ``paths``, and the files skipped (why)."""
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path in discover(paths):
        try:
            documents.append(normalize(read_source(path)))
        except InputError as err:
            skipped.append(Skipped(str(path), str(err)))
    return documents, skipped
