"""Text of each page of a PDF, via pypdf's text layer (no OCR)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from kg.errors import InputError

PDF_MAGIC = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF, by its magic bytes (never by file name)."""
    return data.lstrip()[: len(PDF_MAGIC)] == PDF_MAGIC


def read_pdf(path: Path) -> list[str]:
    """Text of each page of the PDF at ``path``, in page order."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror}); check the path") from err
    return pdf_pages(data, str(path))


def pdf_pages(data: bytes, name: str) -> list[str]:
    """Text of each page of the PDF in ``data`` (LF line ends); ``name`` is for messages.

    Raises InputError for an encrypted, damaged or image-only PDF.
    """
    from pypdf import PdfReader  # imported when a PDF comes: it takes a tenth of a second

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # problems are reported as one line, below
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                f"{name}: the PDF is password-protected; save an unprotected copy and try again"
            )
        pages = [page.extract_text() for page in reader.pages]
    except InputError:
        raise
    except Exception as err:  # pypdf raises many kinds of error on malformed input
        raise InputError(
            f"{name}: the PDF is damaged or unreadable ({type(err).__name__}: "
            f"{_one_line(str(err))}); re-export or re-download it"
        ) from err
    finally:
        pypdf_log.setLevel(level)
    if not any(text.strip() for text in pages):
        raise InputError(
            f"{name}: the PDF has no text layer (scanned pages?); run OCR on it first "
            "(e.g. ocrmypdf) and give the result"
        )
    return [text.replace("\r\n", "\n").replace("\r", "\n") for text in pages]


def _one_line(message: str, limit: int = 120) -> str:
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
