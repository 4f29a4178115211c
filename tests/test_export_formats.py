"""kg.exports.formats: rows as CSV, JSON or a text table, to a file or a stream."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.exports.formats import Row, render, write_rows

COLUMNS = ("document", "post", "title", "amount_nok")
ROWS: list[Row] = [
    {"document": "prop.txt", "post": 21, "title": 'Tilskudd, "frivillige"', "amount_nok": 1000},
    {"document": "brev.txt", "post": None, "title": "Folkehelse æøå", "amount_nok": -25},
]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "csv",
            (
                "document,post,title,amount_nok\n"
                'prop.txt,21,"Tilskudd, ""frivillige""",1000\n'
                "brev.txt,,Folkehelse æøå,-25\n"
            ),
        ),
        (
            "table",
            (
                "document  post  title                   amount_nok\n"
                "--------  ----  ----------------------  ----------\n"
                'prop.txt    21  Tilskudd, "frivillige"        1000\n'
                "brev.txt        Folkehelse æøå                 -25\n"
            ),
        ),
    ],
)
def test_formats_render(fmt: str, expected: str) -> None:
    assert render(ROWS, COLUMNS, fmt) == expected


def test_formats_json_keeps_types_order_and_letters() -> None:
    text = render(ROWS, COLUMNS, "json")
    assert "æøå" in text and text.endswith("]\n")
    parsed = json.loads(text)
    assert parsed == ROWS and list(parsed[0]) == list(COLUMNS)


def test_formats_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(ROWS, COLUMNS, "xml")


def test_formats_write_rows_to_file_atomically(tmp_path: Path) -> None:
    out = tmp_path / "budget.csv"
    write_rows(ROWS, COLUMNS, "csv", out)
    assert out.read_bytes() == render(ROWS, COLUMNS, "csv").encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["budget.csv"]


def test_formats_write_rows_to_stream() -> None:
    stream = io.StringIO()
    write_rows(ROWS, COLUMNS, "json", stream=stream)
    assert json.loads(stream.getvalue()) == ROWS
