"""The same budget lines whatever the files are called and whether they come as text or PDF."""

from __future__ import annotations

import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from kg.exports.budget import export_budget
from kg.graph.store import load_graph
from kg.pipeline import build

PDF_SOURCE = "003_d62e51bcdbdb728a.txt"  # a letter: wrapped cells, page furniture, no tabs
PDF_CHARACTERS = str.maketrans({"–": "-", "—": "-", "•": "-", "’": "'", "”": '"', "“": '"'})

Line = tuple[object, ...]


def budget_lines(out: Path, *, with_document: bool = True) -> list[Line]:
    rows = export_budget(load_graph(out))
    keep = [c for c in rows[0] if with_document or c not in ("document", "line")]
    return [tuple(row[c] for c in keep) for row in rows]


@pytest.fixture(scope="module")
def corpus_build(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "out"
    build([corpus_dir], out)
    return out


def test_corpus_formats_renamed_files_give_the_same_budget_lines(
    corpus_dir: Path, corpus_build: Path, tmp_path: Path
) -> None:
    shuffle = random.Random(20261202)
    renamed = tmp_path / "renamed"
    (renamed / "deep" / "er").mkdir(parents=True)
    names: dict[str, str] = {}
    for source in sorted(corpus_dir.glob("*.txt")):
        new_name = "".join(shuffle.choice("abcdefghijk_-0123") for _ in range(12))
        folder = renamed / "deep" / "er" if shuffle.random() < 0.5 else renamed
        shutil.copy(source, folder / new_name)
        names[new_name] = source.name
    out = tmp_path / "out"
    build([renamed], out)
    again = [(names[str(line[0])], *line[1:]) for line in budget_lines(out)]
    assert sorted(again, key=repr) == sorted(budget_lines(corpus_build), key=repr)


def _write_pdf(text: str, target: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    for line in text.split("\n"):
        printable = line.translate(PDF_CHARACTERS).encode("latin-1", "replace").decode("latin-1")
        pdf.cell(0, 4, printable, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(target))


def test_corpus_formats_pdf_gives_the_same_budget_lines(corpus_dir: Path, tmp_path: Path) -> None:
    source = corpus_dir / PDF_SOURCE
    pdf_dir, text_dir = tmp_path / "pdf", tmp_path / "text"
    pdf_dir.mkdir()
    text_dir.mkdir()
    _write_pdf(source.read_text(encoding="utf-8"), pdf_dir / "letter.pdf")
    shutil.copy(source, text_dir / source.name)
    build([pdf_dir], tmp_path / "from-pdf")
    build([text_dir], tmp_path / "from-text")
    from_pdf = budget_lines(tmp_path / "from-pdf", with_document=False)
    from_text = budget_lines(tmp_path / "from-text", with_document=False)
    assert len(from_text) > 100
    assert Counter(from_pdf) == Counter(from_text)


def test_corpus_formats_pdf_keeps_page_numbers(corpus_dir: Path, tmp_path: Path) -> None:
    from kg.ingest import load_documents

    pdf = tmp_path / "letter.pdf"
    _write_pdf((corpus_dir / PDF_SOURCE).read_text(encoding="utf-8"), pdf)
    (document,), skipped = load_documents([pdf])
    assert not skipped
    assert document.source.page_count and document.source.page_count > 10
    pages = [line.page for line in document.lines]
    assert pages[0] == 1 and pages[-1] == document.source.page_count
    assert pages == sorted(pages)
