"""kg.ingest.pdf and PDFs through the reader: text layer, pages, bad PDFs.

PDFs are generated in the test with fpdf2 (core font Helvetica, Latin-1 text).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fpdf import FPDF

from kg.errors import InputError
from kg.ingest import load_documents, normalize, read_source
from kg.ingest.pdf import read_pdf

HEADER = "Testetaten - rapport 2030"
PAGES = [
    ["Første side om mål og resultater.", "Arbeidet med folke-", "helse fortsatte."],
    ["Andre side om midler.", "Tilskudd 118\u00a0700"],
]


class _Report(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 6, HEADER, new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 6, str(self.page_no()), align="C")


def make_pdf(path: Path, pages: list[list[str]], *, password: str | None = None) -> Path:
    pdf = _Report()
    if password is not None:
        pdf.set_encryption(owner_password="eier", user_password=password)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_pdf_read_pages_in_reading_order(tmp_path: Path) -> None:
    pages = read_pdf(make_pdf(tmp_path / "rapport.pdf", PAGES))
    assert [page.split("\n") for page in pages] == [
        [HEADER, *lines, str(number)] for number, lines in enumerate(PAGES, start=1)
    ]


def test_pdf_source_has_page_of_each_line(tmp_path: Path) -> None:
    source = read_source(make_pdf(tmp_path / "rapport.pdf", PAGES))
    assert (source.media_type, source.page_count) == ("application/pdf", 2)
    assert source.pages == (1, 1, 1, 1, 1, 2, 2, 2, 2)
    assert source.raw_lines[1:4] == tuple(PAGES[0])


def test_pdf_normalised_without_furniture(tmp_path: Path) -> None:
    doc = normalize(read_source(make_pdf(tmp_path / "rapport.pdf", PAGES)))
    assert [(line.page, line.text) for line in doc.lines] == [
        (1, ""),
        (1, "Første side om mål og resultater."),
        (1, "Arbeidet med folkehelse"),
        (1, "fortsatte."),
        (1, ""),
        (2, ""),
        (2, "Andre side om midler."),
        (2, "Tilskudd 118\u00a0700"),
        (2, ""),
    ]


@pytest.mark.parametrize("name", ["notat.txt", "uten-endelse"])
def test_pdf_recognised_by_content_not_name(tmp_path: Path, name: str) -> None:
    source = read_source(make_pdf(tmp_path / name, PAGES))
    assert source.media_type == "application/pdf"


def test_pdf_without_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 80, 40)
    path = tmp_path / "skannet.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="OCR"):
        read_source(path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (random.Random(7).randbytes(4096), "binary"),  # random bytes named .pdf: not a PDF at all
        (b"%PDF-1.7\n" + bytes(range(32, 127)) * 8, "damaged"),
    ],
)
def test_pdf_bad_file_is_skipped(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "ødelagt.pdf"
    path.write_bytes(data)
    documents, skipped = load_documents([path])
    assert documents == []
    assert [s.path for s in skipped] == [str(path)]
    assert reason in skipped[0].reason
    assert "\n" not in skipped[0].reason


def test_pdf_with_password_is_input_error(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "låst.pdf", PAGES, password="hemmelig")
    with pytest.raises(InputError, match="password"):
        read_pdf(path)


def test_pdf_encrypted_without_user_password_is_read(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "åpen.pdf", PAGES, password="")
    assert HEADER in read_pdf(path)[0]


def test_pdf_folder_with_good_and_bad_file(tmp_path: Path) -> None:
    make_pdf(tmp_path / "bra.pdf", PAGES)
    (tmp_path / "dårlig.pdf").write_bytes(b"\x00\x01\x02 ikke en pdf")
    documents, skipped = load_documents([tmp_path])
    assert [d.name for d in documents] == ["bra.pdf"]
    assert [Path(s.path).name for s in skipped] == ["dårlig.pdf"]
