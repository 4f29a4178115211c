"""`kg analyse` as a user runs it: in a child process, on a real build."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.analysis.registry import ANALYSES, analysis


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "KG_OUTPUT": ""},
        timeout=300,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_cli_analyse_without_name_lists_the_analyses() -> None:
    result = kg("analyse", "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [row["name"] for row in listed] == [a.name for a in ANALYSES]
    assert listed[0]["parameters"] == "[year=] [kap=]"


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_cli_analyse_layers(demo_graph_dir: Path, fmt: str) -> None:
    result = kg("analyse", "layers", "--out", str(demo_graph_dir), "--format", fmt)
    assert result.returncode == 0, result.stderr
    columns = analysis("layers").columns
    if fmt == "csv":
        assert tuple(next(csv.reader(io.StringIO(result.stdout)))) == columns
    elif fmt == "json":
        assert all(tuple(row) == columns for row in json.loads(result.stdout))
    else:
        assert result.stdout.split()[: len(columns)] == list(columns)


def test_cli_analyse_with_parameters(demo_graph_dir: Path) -> None:
    result = kg(
        "analyse",
        "post_layers",
        "--out",
        str(demo_graph_dir),
        "--param",
        "kap=714",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and {row["kap"] for row in rows} == {714}


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("analyse", "nonsense"), ("kg: no analysis named 'nonsense'", "use one of layers")),
        (("analyse", "layers", "--param", "yeer=2018"), ("has no parameter 'yeer'",)),
        (("analyse", "layers", "--param", "year=20x8"), ("year is a whole number",)),
        (("analyse", "layers", "--param", "2018"), ("write it as name=value",)),
        (("analyse", "path"), ("needs --param recipient=...",)),
        (("analyse", "path", "--param", "recipient=Ingen"), ("no recipient named 'Ingen'",)),
    ],
)
def test_cli_analyse_bad_input_is_one_line(
    demo_graph_dir: Path, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    assert_one_line_error(kg(*args, "--out", str(demo_graph_dir)), *needles)


def test_cli_analyse_without_a_build_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(kg("analyse", "layers", "--out", str(tmp_path)), "no built graph")
