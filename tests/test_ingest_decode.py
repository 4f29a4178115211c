"""kg.ingest.decode: bytes -> text, encoding detection, refusing non-text files."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest.decode import decode_text, split_lines

SENTENCE = "Tilskudd til bærekraftig økonomi på Østlandet"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SENTENCE.encode("utf-8"), SENTENCE, "utf-8"),
        (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), SENTENCE, "utf-8-sig"),
        (SENTENCE.encode("cp1252"), SENTENCE, "cp1252"),
        ("Beløp 2020\u20132021 \u20ac".encode("cp1252"), "Beløp 2020\u20132021 \u20ac", "cp1252"),
        # 0x81 is undefined in Windows-1252, so only Latin-1 can read this file
        (b"Sum for \xe5ret\x81 er klar", "Sum for året\x81 er klar", "latin-1"),
    ],
)
def test_decode_detects_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(data, "fil.txt") == (text, encoding)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"en\r\nto\r\n", "en\nto\n"),
        (b"en\rto\r", "en\nto\n"),
        (b"en\r\nto\rtre\nfire", "en\nto\ntre\nfire"),
    ],
)
def test_decode_unifies_line_ends(data: bytes, text: str) -> None:
    assert decode_text(data, "fil.txt")[0] == text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\t \r\n", "only whitespace"),
        (b"\xef\xbb\xbf \n", "only whitespace"),
        (b"PK\x03\x04\x00\x00 archive", "NUL"),
        (bytes(range(1, 9)) * 4 + b"abc", "control characters"),
    ],
)
def test_decode_rejects_non_text(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        decode_text(data, "mappe/fil.txt")


@pytest.mark.parametrize("data", [b"", b"   ", b"\x00\x01"])
def test_decode_error_is_one_line_naming_the_file(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_text(data, "mappe/fil.txt")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("mappe/fil.txt: ")
    assert "give a" in message  # says what to do


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a\nb", ["a", "b"]),
        ("a\nb\n", ["a", "b"]),
        ("a\n\n", ["a", ""]),
        ("a", ["a"]),
    ],
)
def test_decode_split_lines_final_line_end(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\t"),
        min_size=1,
    ).filter(str.strip)
)
def test_decode_utf8_round_trip(text: str) -> None:
    assert decode_text(text.encode("utf-8"), "fil.txt") == (text, "utf-8")
