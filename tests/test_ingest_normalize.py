"""kg.ingest.normalize: furniture, characters, hyphenated words, provenance.

All sentences here are made up for the tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from kg.ingest import normalize, read_source
from kg.ingest.rules import load_rules
from kg.records import Document, SourceFile

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
UNIFIED = {"-", load_rules().bullet_replacement}  # characters a rule may have replaced


def document(lines: Sequence[str], pages: Sequence[int] | None = None) -> Document:
    source = SourceFile(
        path=Path("test.txt"),
        name="test.txt",
        sha256="0" * 64,
        media_type="text/plain" if pages is None else "application/pdf",
        encoding="utf-8",
        raw_lines=tuple(lines),
        pages=None if pages is None else tuple(pages),
        page_count=None if pages is None else max(pages),
    )
    return normalize(source)


def texts(lines: Sequence[str], pages: Sequence[int] | None = None) -> list[str]:
    return [line.text for line in document(lines, pages).lines]


def assert_traces_back(doc: Document) -> None:
    """Every normalised character is the original character its origin points at."""
    for line in doc.lines:
        if not line.origins and line.text == doc.source.raw_lines[line.number - 1]:
            continue  # unchanged line (the fast case)
        for column, char in enumerate(line.text):
            number, source_column = line.locate(column)
            original = doc.source.raw_lines[number - 1][source_column]
            assert char == original or char in UNIFIED, (line.number, column)


# --------------------------------------------------------------------------- hyphenation

REJOIN = [
    # lowercase continuation: hyphen dropped, word moved up, rest stays below
    ("Pengene går til helse-\ntjenesten i fylket.", "Pengene går til helsetjenesten\ni fylket."),
    # keep-list word: a suspended compound stays as it is
    ("Ordningen dekker barne-\nog ungdomstiltak.", "Ordningen dekker barne-\nog ungdomstiltak."),
    ("gjelder både skole-\neller fritidstilbud", "gjelder både skole-\neller fritidstilbud"),
    # ... unless fragment + word is a join word
    ("Søknaden avslås der-\nsom fristen er ute.", "Søknaden avslås dersom\nfristen er ute."),
    # digit or uppercase continuation: hyphen kept
    ("tiltak mot covid-\n19, som før", "tiltak mot covid-19,\nsom før"),
    ("Kontoret i Nord-\nTrøndelag betaler", "Kontoret i Nord-Trøndelag\nbetaler"),
    # acronym or single-letter fragment: hyphen kept
    ("det nye IKT-\nsystemet virker", "det nye IKT-systemet\nvirker"),
    ("bruken av e-\nresept øker", "bruken av e-resept\nøker"),
    # one blank line in between (two-column layout) is allowed, two are not
    ("en selvsten-\n\ndig vurdering", "en selvstendig\n\nvurdering"),
    ("en selvsten-\n\n\ndig vurdering", "en selvsten-\n\n\ndig vurdering"),
    # the whole next line moves up; trailing spaces after the hyphen do not matter
    ("folke-\nhelse\nvidere", "folkehelse\n\nvidere"),
    ("kommune-  \n  planen er klar", "kommuneplanen\ner klar"),
    ("helse-\nomsorgs-\ntjenesten er", "helseomsorgstjenesten\n\ner"),  # chained
    ("Av-\nog-til er et navn", "Av-og-til\ner et navn"),  # keep word inside a name
    # an en dash unified to "-" is not a line-break hyphen
    ("kostnad til drift\u2013\nvedlikehold kommer", "kostnad til drift-\nvedlikehold kommer"),
    # lowercase fragment then a capitalised line: a column break, not a compound
    ("det gjelder kompetanse-\nTabell 3 viser", "det gjelder kompetanse-\nTabell 3 viser"),
    # next line does not start with a word
    ("forslaget om re-\n(beløp i 1 000 kr)", "forslaget om re-\n(beløp i 1 000 kr)"),
    # a soft hyphen at the line end marks a broken word too
    ("Direkto\u00ad\nratet skal", "Direktoratet\nskal"),
]


@pytest.mark.parametrize(("raw", "expected"), REJOIN)
def test_normalize_rejoins_hyphenated_words(raw: str, expected: str) -> None:
    assert "\n".join(texts(raw.split("\n"))) == expected


@pytest.mark.parametrize("raw", [raw for raw, _ in REJOIN])
def test_normalize_rejoin_keeps_line_count_and_provenance(raw: str) -> None:
    doc = document(raw.split("\n"))
    assert [line.number for line in doc.lines] == list(range(1, raw.count("\n") + 2))
    assert_traces_back(doc)


@pytest.mark.parametrize(
    ("lines", "line", "column", "origin"),
    [
        # "t" of "tjenesten" moved up to line 1 comes from line 2, column 2
        (["Pengene går til helse-", "  tjenesten i fylket."], 1, 21, (2, 2)),
        (["Pengene går til helse-", "  tjenesten i fylket."], 1, 20, (1, 20)),
        # the rest of line 2 starts at original column 12
        (["Pengene går til helse-", "  tjenesten i fylket."], 2, 0, (2, 12)),
        # over a blank line
        (["en selvsten-", "", "dig vurdering"], 1, 11, (3, 0)),
        # hyphen kept: "1" of "19" sits after "covid-"
        (["mot covid-", "19 nå"], 1, 10, (2, 0)),
    ],
)
def test_normalize_locate_moved_characters(
    lines: list[str], line: int, column: int, origin: tuple[int, int]
) -> None:
    doc_line = document(lines).lines[line - 1]
    assert doc_line.locate(column) == origin


def test_normalize_last_line_of_joined_line() -> None:
    doc = document(["en selvsten-", "", "dig vurdering"])
    assert [line.last_line for line in doc.lines] == [3, 2, 3]


# --------------------------------------------------------------------------- furniture


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Side 4", ""),
        ("  Side 14 av 52 ", ""),
        ("- 9 -", ""),
        ("\u2013 9 \u2013", ""),
        ("Side 4 viser fordelingen", "Side 4 viser fordelingen"),
        ("118\u00a0700", "118\u00a0700"),  # a table amount on its own line
        ("42", "42"),  # lone numbers stay in text files
    ],
)
def test_normalize_furniture_in_text(line: str, expected: str) -> None:
    assert texts(["Innledning", line, "Slutt"]) == ["Innledning", expected, "Slutt"]


PDF_PAGES = [
    # running header with a page number in it, lone page number at the bottom
    ("Etaten \u2013 rapport for 2030 \u2013 side 1", 1),
    ("Første side handler om mål.", 1),
    ("1", 1),
    ("Etaten \u2013 rapport for 2030 \u2013 side 2", 2),
    ("Andre side handler om midler.", 2),
    ("250", 2),
    ("2", 2),
    ("Etaten \u2013 rapport for 2030 \u2013 side 3", 3),
    ("Tredje side har en tabell.", 3),
    ("3", 3),
]


def test_normalize_pdf_running_headers_and_page_numbers() -> None:
    lines, pages = zip(*PDF_PAGES, strict=True)
    assert texts(lines, pages) == [
        "",
        "Første side handler om mål.",
        "",
        "",
        "Andre side handler om midler.",
        "250",  # a number above the page number is data
        "",
        "",
        "Tredje side har en tabell.",
        "",
    ]


def test_normalize_pdf_lone_number_with_no_shared_offset_is_kept() -> None:
    lines = ["Et avsnitt.", "7 000", "Neste side.", "88"]
    assert texts(lines, [1, 1, 2, 2]) == lines


def test_normalize_pdf_alternating_headers() -> None:
    lines = [
        "Venstre topp", "a", "Høyre topp", "b", "Venstre topp", "c", "Høyre topp", "d",
    ]  # fmt: skip
    pages = [1, 1, 2, 2, 3, 3, 4, 4]
    assert texts(lines, pages) == ["", "a", "", "b", "", "c", "", "d"]


def test_normalize_pdf_single_page_keeps_first_line() -> None:
    assert texts(["Tittel", "Tekst", "1"], [1, 1, 1]) == ["Tittel", "Tekst", ""]


def test_normalize_text_lines_have_no_page() -> None:
    assert {line.page for line in document(["a", "b"]).lines} == {None}


# --------------------------------------------------------------------------- characters


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("\u2022 første punkt", "- første punkt"),
        ("  \u25aa innrykket punkt", "  - innrykket punkt"),
        ("\uf0b7 punkt fra Symbol-font", "- punkt fra Symbol-font"),
        ("\u25e6 hvitt punkt", "- hvitt punkt"),
        ("o ikke et punkt", "o ikke et punkt"),
        ("midt \u2022 i linjen", "midt \u2022 i linjen"),
    ],
)
def test_normalize_bullets(line: str, expected: str) -> None:
    assert texts([line]) == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2025\u20132026", "2025-2026"),
        ("\u22121 200", "-1 200"),
        ("nord\u2014sør", "nord-sør"),
        ("ikke\u2011statlig", "ikke-statlig"),
        ("ikke\u2010statlig", "ikke-statlig"),
    ],
)
def test_normalize_dashes(line: str, expected: str) -> None:
    assert texts([line]) == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("folke\u00adhelse", "folkehelse"),
        ("null\u200bbredde", "nullbredde"),
        ("\ufeffstart", "start"),
    ],
)
def test_normalize_removes_invisible_characters(line: str, expected: str) -> None:
    doc = document([line])
    assert doc.lines[0].text == expected
    assert_traces_back(doc)


@pytest.mark.parametrize(
    "line",
    ["Sum kap. 799\t1\u00a0200\u00a0300 2\u00a0400", "Tiltak\t\t12 500\t", "a\u00a0b c"],
)
def test_normalize_keeps_nbsp_and_tabs(line: str) -> None:
    assert texts([line]) == [line]


def test_normalize_unchanged_line_has_no_origins() -> None:
    assert document(["Helt vanlig tekst."]).lines[0].origins == ()


# --------------------------------------------------------------------------- rule data

RULES = load_rules()


@pytest.mark.parametrize(
    ("pattern", "example", "matches"),
    [(f.pattern, ex, True) for f in RULES.furniture for ex in f.examples]
    + [(f.pattern, ex, False) for f in RULES.furniture for ex in f.counter_examples]
    + [(RULES.page_number, ex, True) for ex in RULES.page_number_examples]
    + [(RULES.page_number, ex, False) for ex in RULES.page_number_counter_examples],
)
def test_normalize_rule_examples(pattern: re.Pattern[str], example: str, matches: bool) -> None:
    assert bool(pattern.match(example)) is matches


# --------------------------------------------------------------------------- real corpus

_LOWER_HYPHEN = re.compile(r"[^\W\d_]-$")


def _corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not _corpus_files(), reason=f"corpus folder {CORPUS} not found")
@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_normalize_corpus_file(path: Path) -> None:
    data = path.read_bytes()
    doc = normalize(read_source(path))
    assert len(doc.lines) == data.count(b"\n") + (not data.endswith(b"\n"))
    assert_traces_back(doc)
    keep = RULES.keep_words
    for index, line in enumerate(doc.lines):
        text = line.text.rstrip()
        if not (_LOWER_HYPHEN.search(text) and text[-2].islower()):
            continue
        following = [n.text for n in doc.lines[index + 1 : index + 3] if n.text.strip()]
        if following and following[0].lstrip()[:1].islower():
            word = re.match(r"[^\W\d_]+", following[0].lstrip())
            assert word is not None
            assert word.group() in keep, (line.number, text[-30:])
