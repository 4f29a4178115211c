"""Section headings and the chapter and post each section is about."""

from __future__ import annotations

import pytest
from conftest import make_document

from kg.segment import segment
from kg.segment.sections import read_heading


@pytest.mark.parametrize(
    ("line", "label", "level", "kap", "post"),
    [
        ("2.1.3 Bevilgninger", "2.1.3", 6, None, None),
        ("1 Innledning", "1", 4, None, None),
        ("Programkategori 10.10 Folkehelse mv.", "10.10", 2, None, None),
        ("Kap. 714 Folkehelse", "Kap. 714", 3, 714, None),
        ("Kap 3740 Helsedirektoratet", "Kap 3740", 3, 3740, None),
        ("Kap. 714, post 70 Rusmiddeltiltak", "Kap. 714, post 70", 6, 714, 70),
        ("Kap. 720 post 01:", "Kap. 720 post 01:", 6, 720, 1),
        ("Post 21 Spesielle driftsutgifter", "Post 21", 7, None, 21),
    ],
)
def test_sections_heading_shapes(
    line: str, label: str, level: int, kap: int | None, post: int | None
) -> None:
    heading = read_heading(line, 1)
    assert heading is not None
    assert (heading.label, heading.level, heading.kap, heading.post) == (label, level, kap, post)


@pytest.mark.parametrize(
    "line",
    [
        "10 mill. kroner til tiltak",  # an amount, not a number heading
        "60 Kommunale tiltak 97 635 87 930",  # a table row: ends in amounts
        "2024 ble et år med mange oppdrag.",  # a year opens a sentence
        "Helsedirektoratet skal følge opp Kap. 714.",
        "",
    ],
)
def test_sections_prose_is_not_a_heading(line: str) -> None:
    assert read_heading(line, 1) is None


def test_sections_posts_inherit_their_chapter() -> None:
    text = "\n".join(
        [
            "Kap. 714 Folkehelse",
            "Kapitlet dekker tiltak for folkehelse.",
            "Post 21 Spesielle driftsutgifter",
            "Midlene går til kampanjer.",
            "Post 70 Rusmiddeltiltak",
            "Midlene går til frivillige organisasjoner.",
            "Kap. 717 Legemiddeltiltak",
            "Post 70 Tilskudd",
        ]
    )
    sections = segment(make_document(text)).sections
    about = [(s.label, s.kap, s.post, s.first_line, s.last_line) for s in sections]
    assert about == [
        ("Kap. 714", 714, None, 1, 6),
        ("Post 21", 714, 21, 3, 4),
        ("Post 70", 714, 70, 5, 6),
        ("Kap. 717", 717, None, 7, 8),
        ("Post 70", 717, 70, 8, 8),
    ]
