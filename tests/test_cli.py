"""The ``kg`` command line as a user runs it: in a child process, on real files.

Each bad input must end with one line on standard error and exit status 1 — never a
traceback — and must leave an earlier build untouched.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.exports.budget import BUDGET_COLUMNS


def kg(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=300,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "out"
    result = kg("build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_cli_build_demo_writes_graph_and_report(demo_build: Path) -> None:
    names = sorted(p.name for p in demo_build.iterdir())
    assert names == ["graph.nq", "graph.trig", "graph.ttl", "report.json", "report.md"]
    report = json.loads((demo_build / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["documents"] == 3
    assert report["summary"]["checks_failed"] == 0
    assert {d["kind"] for d in report["documents"]} == {
        "budget_proposition",
        "allocation_letter",
        "annual_report",
    }


def test_cli_build_is_byte_identical(demo_build: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert kg("build", "--out", str(again)).returncode == 0
    for path in demo_build.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_cli_export_budget_csv_has_exactly_the_columns(demo_build: Path) -> None:
    result = kg("export", "budget", "--out", str(demo_build))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (
        tuple(rows[0])
        == BUDGET_COLUMNS
        == (
            "document",
            "fiscal_year",
            "kap",
            "post",
            "title",
            "measure",
            "amount_nok",
            "line",
        )
    )
    assert {r["measure"] for r in rows} <= {
        "proposal",
        "adopted_budget",
        "accounts",
        "appropriation",
        "allocation",
    }
    folkehelse = [r for r in rows if r["kap"] == "714" and r["post"] == "70"]
    assert {"proposal", "allocation", "accounts"} <= {r["measure"] for r in folkehelse}
    assert all(int(r["amount_nok"]) % 1000 == 0 for r in rows if r["measure"] == "proposal")


def test_cli_export_budget_json_to_file(demo_build: Path, tmp_path: Path) -> None:
    target = tmp_path / "budget.json"
    result = kg("export", "budget", "--format", "json", "-o", str(target), "--out", str(demo_build))
    assert result.returncode == 0, result.stderr
    rows = json.loads(target.read_text(encoding="utf-8"))
    assert rows and all(
        isinstance(r["amount_nok"], int) and isinstance(r["kap"], int) for r in rows
    )


def test_cli_output_folder_from_environment(demo_build: Path) -> None:
    result = kg("export", "budget", env={"KG_OUTPUT": str(demo_build)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("document,fiscal_year,")


def test_cli_query_text_and_file(demo_build: Path, tmp_path: Path) -> None:
    sparql = (
        "PREFIX hkg: <https://w3id.org/helsekg/ontology#>\n"
        "SELECT (COUNT(?a) AS ?n) WHERE { ?a a hkg:BudgetAmount }"
    )
    by_text = kg("query", sparql, "--format", "json", "--out", str(demo_build))
    assert by_text.returncode == 0, by_text.stderr
    (count,) = json.loads(by_text.stdout)
    assert int(count["n"]) > 20
    query_file = tmp_path / "count.rq"
    query_file.write_text(sparql, encoding="utf-8")
    by_file = kg("query", str(query_file), "--format", "csv", "--out", str(demo_build))
    assert by_file.stdout.splitlines()[1] == str(count["n"])


def test_cli_documents_lists_recognition(tmp_path: Path) -> None:
    result = kg("documents", "--format", "json")
    assert result.returncode == 0, result.stderr
    kinds = {
        row["document"]: (row["kind"], row["fiscal_year"]) for row in json.loads(result.stdout)
    }
    assert sorted(kinds.values()) == [
        ("allocation_letter", 2022),
        ("annual_report", 2024),
        ("budget_proposition", 2024),
    ]
    table = kg("documents")
    assert table.stdout.splitlines()[0].split()[:3] == ["document", "kind", "fiscal_year"]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"%PDF-1.4 this is not really a pdf", "PDF"),
    ],
)
def test_cli_bad_file_is_skipped_with_reason(tmp_path: Path, content: bytes, needle: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(content)
    (folder / "good.txt").write_bytes(
        (Path(__file__).parents[1] / "kg/data/demo/tildelingsbrev_2022.txt").read_bytes()
    )
    result = kg("build", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "bad.txt" in result.stderr and needle.lower() in result.stderr.lower()
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [Path(s["path"]).name for s in report["skipped"]] == ["bad.txt"]
    strict = kg("build", str(folder), "--out", str(tmp_path / "strict"), "--strict")
    assert_one_line_error(strict, "bad.txt", "--strict")
    assert not (tmp_path / "strict").exists()


def test_cli_failed_build_keeps_the_earlier_one(demo_build: Path, tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in demo_build.iterdir()}
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = kg("build", str(empty), "--out", str(demo_build))
    assert_one_line_error(result, "nothing written")
    assert {p.name: p.read_bytes() for p in demo_build.iterdir()} == before


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("build", "/no/such/folder"), ("/no/such/folder",)),
        (("export", "budget", "--out", "/no/such/build"), ("kg build",)),
        (("query", "SELECT ?s WHERE { ?s ?p }"), ("query",)),
        (("query", "INSERT DATA { <a:b> <a:c> <a:d> }"), ("update",)),
        (("export", "budget", "--format", "xml"), ("xml",)),
    ],
)
def test_cli_bad_arguments_give_one_line(
    demo_build: Path, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    env = {"KG_OUTPUT": str(demo_build)}
    result = kg(*args, env=env)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    message = " ".join(result.stderr.split()).lower()
    assert all(n.lower() in message for n in needles), result.stderr


def test_cli_help_says_what_each_command_reads_and_writes() -> None:
    for command in (("build",), ("documents",), ("query",), ("export", "budget")):
        result = kg(*command, "--help")
        assert result.returncode == 0
        text = result.stdout.lower()
        assert "read" in text or "writes" in text, command
