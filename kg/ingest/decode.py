"""Bytes of a text file -> str: detect the encoding, unify line ends, refuse non-text."""

from __future__ import annotations

import re

from kg.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
ACCEPTED = "give a plain-text file (UTF-8, Windows-1252 or Latin-1) or a PDF"
MAX_CONTROL_SHARE = 0.05  # above this share of control characters the file is binary
# Control characters other than tab, line feed, form feed and carriage return (C0, DEL, C1).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` with LF line ends, and the name of the encoding it was in.

    Tries UTF-8 (with or without byte-order mark), then Windows-1252, then Latin-1.
    Raises InputError for an empty, whitespace-only or binary file.
    """
    if not data:
        raise InputError(f"{name}: the file is empty; {ACCEPTED} with text in it")
    if b"\x00" in data:
        raise InputError(f"{name}: the file is binary (it has NUL bytes), not text; {ACCEPTED}")
    text, encoding = _decode(data)
    if not text.strip():
        raise InputError(f"{name}: the file holds only whitespace; {ACCEPTED} with text in it")
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(
            f"{name}: the file is binary ({controls / len(text):.0%} control characters), "
            f"not text; {ACCEPTED}"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(UTF8_BOM):
        try:
            return data[len(UTF8_BOM) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            data = data[len(UTF8_BOM) :]  # a BOM on a file that is not UTF-8 after all
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def split_lines(text: str) -> list[str]:
    """Lines of LF-terminated ``text``; a final line end does not start another line."""
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines
