"""The bundled demo corpus (kg/data/demo): recognised right, and its numbers add up."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import make_document

from kg.recognise import collapse, recognise
from kg.records import DocumentKind

DEMO_DIR = Path(__file__).resolve().parents[1] / "kg" / "data" / "demo"
HOD = "Helse- og omsorgsdepartementet"
HDIR = "Helsedirektoratet"
NBSP = "\xa0"


def demo_text(name: str) -> str:
    return (DEMO_DIR / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "kind", "year", "issuer", "addressee"),
    [
        ("prop_1_s_excerpt.txt", DocumentKind.BUDGET_PROPOSITION, 2024, HOD, "Stortinget"),
        ("tildelingsbrev_2022.txt", DocumentKind.ALLOCATION_LETTER, 2022, HOD, HDIR),
        ("arsrapport_2024.txt", DocumentKind.ANNUAL_REPORT, 2024, HDIR, HOD),
    ],
)
def test_demo_corpus_is_recognised(
    name: str, kind: DocumentKind, year: int, issuer: str, addressee: str
) -> None:
    profile = recognise(make_document(demo_text(name), "demo.txt"))
    assert (profile.kind, profile.fiscal_year, profile.issuer, profile.addressee) == (
        kind,
        year,
        issuer,
        addressee,
    ), profile.evidence


def test_demo_corpus_copies_no_corpus_line(corpus_dir: Path) -> None:
    """No demo line of 60+ characters (40+ letters) is a line of the real corpus."""

    def long_lines(text: str) -> set[str]:
        lines = {" ".join(line.split()) for line in text.splitlines()}
        return {s for s in lines if len(s) >= 60 and sum(c.isalpha() for c in s) > 40}

    corpus = set().union(*(long_lines(p.read_text("utf-8")) for p in corpus_dir.glob("*.txt")))
    for path in DEMO_DIR.glob("*.txt"):
        assert not long_lines(path.read_text("utf-8")) & corpus, path.name


# --------------------------------------------------------------------------- budget proposition

# Cells are separated by ordinary spaces, digit groups inside a number by NBSP.
CELL = re.compile(rf"-?\d{{1,3}}(?:{NBSP}\d{{3}})*")


def _number(cell: str) -> int:
    return int(cell.replace(NBSP, "").replace(" ", ""))


def _trailing_amounts(row: str) -> tuple[list[int], bool]:
    """The numbers a table row ends with, and whether an ordinary-space group was glued on.

    A last cell of exactly three digits right after a short cell is the tail of one
    number written with an ordinary space ("88 935 67 372" reads 88 935 | 67 372).
    """
    cells: list[str] = []
    for cell in reversed(row.split(" ")):
        if not CELL.fullmatch(cell):
            break
        cells.insert(0, cell)
    glued = len(cells) >= 2 and bool(re.fullmatch(r"\d{1,3} \d{3}", " ".join(cells[-2:])))
    if glued:
        cells[-2:] = [cells[-2] + " " + cells[-1]]
    return [_number(c) for c in cells], glued


def _collapse_cells(row: str) -> str:
    """Collapse runs of ordinary whitespace only: the NBSP inside numbers must survive."""
    return re.sub(r"[ \t\n]+", " ", row).strip()


def _post_tables(text: str) -> list[tuple[int, list[list[int | None]], list[int], int]]:
    """Each post table: (kap, amounts per row in three columns, the Sum kap. line, glued)."""
    tables = []
    for body, sum_line in re.findall(
        r"\nPost Betegnelse\n(.*?)\n(Sum kap\. [^\n]*)", text, re.DOTALL
    ):
        rows = re.findall(
            r"^\d\d [A-ZÆØÅ].*?(?=\n\d\d [A-ZÆØÅ]|\Z)", body, re.DOTALL | re.MULTILINE
        )
        amounts: list[list[int | None]] = []
        glued = 0
        for row in rows:
            found, was_glued = _trailing_amounts(_collapse_cells(row))
            glued += was_glued
            values: list[int | None] = list(found[-3:])
            amounts.append([None] * (3 - len(values)) + values)  # a new post: no accounts
        total, _ = _trailing_amounts(_collapse_cells(sum_line))
        tables.append((int(sum_line.split()[2]), amounts, total[-3:], glued))
    return tables


def test_demo_corpus_post_tables_add_up_to_their_sum_lines() -> None:
    tables = _post_tables(demo_text("prop_1_s_excerpt.txt"))
    assert [kap for kap, *_ in tables] == [714, 717]
    for kap, rows, total, _ in tables:
        sums = [sum(row[i] or 0 for row in rows) for i in range(3)]
        assert sums == total, f"kap. {kap}"
    assert sum(glued for *_, glued in tables) == 1  # the one ordinary-space amount (714.79)
    assert any(row[0] is None for row in tables[0][1])  # the new post with two amounts


def test_demo_corpus_category_table_adds_up() -> None:
    text = demo_text("prop_1_s_excerpt.txt")
    row = re.compile(
        rf"^(\d{{3}}|Sum kategori 10\.10)(?: \D*?)? ((?:{CELL.pattern} ){{3}})(-?\d+,\d)$"
    )
    rows = [m.groups() for line in text.splitlines() if (m := row.match(line))]
    assert [label for label, *_ in rows] == ["710", "712", "714", "717", "Sum kategori 10.10"]
    parsed = [
        ([_number(c) for c in cells.split(" ") if c], Decimal(pct.replace(",", ".")))
        for _, cells, pct in rows
    ]
    *chapters, (total, total_pct) = parsed
    assert [sum(c[0][i] for c in chapters) for i in range(3)] == total
    for (_accounts, adopted, proposal), pct in [*chapters, (total, total_pct)]:
        assert round(Decimal(proposal - adopted) * 100 / adopted, 1) == pct


# --------------------------------------------------------------------------- allocation letter

MILL = r"(\d+(?:,\d+)?) mill\. kroner"


def _mill(amount: str) -> Decimal:
    return Decimal(amount.replace(",", "."))


def _first_mill(pattern: str, text: str) -> Decimal:
    """The amount in the first match of ``pattern`` (which holds one MILL group)."""
    match = re.search(pattern, text)
    assert match is not None, f"{pattern!r} not in {text[:80]!r}"
    return _mill(match.group(1))


def _thousands(amount: Decimal) -> str:
    return f"{int(amount * 1000):,}".replace(",", " ")


def test_demo_corpus_letter_items_add_up_to_totals_and_table() -> None:
    text = collapse(demo_text("tildelingsbrev_2022.txt"))
    table = text[text.index("Kap. Post Postnavn") : text.index("Kap. 714, post 21")]
    table_rows = {
        m.group(1): m.group(0).strip()
        for m in re.finditer(
            r"(?<= )(?:714 )?(\d\d) [A-ZÆØÅ].*?(?= (?:714 )?\d\d [A-ZÆØÅ]|$)", table
        )
    }
    sections = re.findall(r"Kap\. 714, post (\d\d) (.*?)(?= Kap\. 714, post| Side \d|$)", text)
    assert [post for post, _ in sections] == ["21", "60", "70", "74"]
    for post, section in sections:
        total = _first_mill(rf"tildeles (?:totalt )?{MILL}", section)
        assert table_rows[post].endswith(_thousands(total)), f"post {post}: table and prose differ"
        items = re.split(r" - (?=\d)", section)[1:]
        if items:
            amounts = [_first_mill(rf"^{MILL}", item) for item in items]
            assert sum(amounts) == total, f"post {post}: items add up to {sum(amounts)}"
            for item, amount in zip(items, amounts, strict=True):
                for sub in re.findall(rf"(?:herunder|hvorav) {MILL}", item):
                    assert _mill(sub) < amount


# --------------------------------------------------------------------------- annual report


def _amount(cell: str) -> int | None:
    return None if cell.strip() in ("", "-") else int(cell.replace(" ", ""))


def _report_rows(text: str, header: str, sum_label: str) -> tuple[list[list[str]], list[str]]:
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(header))
    last = next(i for i, line in enumerate(lines) if line.startswith(sum_label))
    return [line.split("\t") for line in lines[first + 1 : last]], lines[last].split("\t")


@pytest.mark.parametrize(
    ("header", "sum_label", "sign"),
    [("Utgiftskapittel\t", "Sum utgiftsført", 1), ("Inntektskapittel\t", "Sum inntektsført", -1)],
    ids=["expenditure", "income"],
)
def test_demo_corpus_appropriation_report_adds_up(header: str, sum_label: str, sign: int) -> None:
    rows, sum_row = _report_rows(demo_text("arsrapport_2024.txt"), header, sum_label)
    assert len(rows) >= 4 and all(len(row) == 8 for row in rows)
    for row in rows:
        allocation, accounts, difference = (_amount(c) for c in row[5:8])
        if allocation is not None:  # merutgift = tildeling - regnskap; merinntekt the reverse
            assert difference == sign * (allocation - (accounts or 0)), row
    assert _amount(sum_row[5]) == sum(_amount(r[5]) or 0 for r in rows)
    assert _amount(sum_row[6]) == sum(_amount(r[6]) or 0 for r in rows)


def test_demo_corpus_appropriation_report_has_an_empty_cell() -> None:
    rows, _ = _report_rows(demo_text("arsrapport_2024.txt"), "Utgiftskapittel\t", "Sum utgiftsført")
    assert any(cell == "-" for row in rows for cell in row[5:8])
