"""Every ``kg build`` checks its graph against the SHACL shapes before writing it.

A graph that breaks a shape is a bug in the extraction rules: the build lists each
violation, writes nothing, and leaves the earlier build as it was.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, kg

# A shape the demo graph breaks: every money flow would need a property nobody writes.
STRICTER = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix hkg: <https://w3id.org/helsekg/ontology#> .
@prefix ex: <http://example.org/> .
ex:FlowsNeedApproval a sh:NodeShape ;
    sh:targetClass hkg:Flow ;
    sh:property [ sh:path ex:approvedBy ; sh:minCount 1 ; sh:message "a flow needs an approver" ] .
"""


@pytest.fixture(scope="module")
def stricter_shapes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shapes") / "stricter.ttl"
    path.write_text(STRICTER, encoding="utf-8")
    return path


def test_build_validation_is_recorded_in_the_report(demo_graph_dir: Path) -> None:
    report = json.loads((demo_graph_dir / "report.json").read_text(encoding="utf-8"))
    assert report["validation"]["engine"] == "native"
    assert report["validation"]["violations"] == 0
    assert report["validation"]["shapes"] >= 20
    assert "SHACL shapes:" in (demo_graph_dir / "report.md").read_text(encoding="utf-8")


def test_build_validation_prints_conformance(tmp_path: Path) -> None:
    result = kg("build", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "SHACL: conforms to" in result.stdout


def test_build_validation_failure_lists_violations_and_keeps_earlier_build(
    tmp_path: Path, stricter_shapes: Path
) -> None:
    out = tmp_path / "out"
    assert kg("build", "--out", str(out)).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = kg("build", "--out", str(out), "--shapes", str(stricter_shapes))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    violations = [line for line in lines if line.startswith("SHACL: ")]
    assert violations and all("a flow needs an approver" in line for line in violations)
    assert any(line.startswith("kg: the built graph breaks") for line in lines)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_build_without_validation_writes_and_says_so(tmp_path: Path, stricter_shapes: Path) -> None:
    out = tmp_path / "out"
    result = kg("build", "--out", str(out), "--no-validate", "--shapes", str(stricter_shapes))
    assert result.returncode == 0, result.stderr
    assert "not checked" in (out / "report.md").read_text(encoding="utf-8")
    assert "validation" not in json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_validate_command_with_other_shapes_lists_each_violation(
    demo_graph_dir: Path, stricter_shapes: Path
) -> None:
    result = kg("validate", "--out", str(demo_graph_dir), "--shapes", str(stricter_shapes))
    assert result.returncode == 1
    listed = [line for line in result.stdout.splitlines() if "a flow needs an approver" in line]
    report = json.loads((demo_graph_dir / "report.json").read_text(encoding="utf-8"))
    assert len(listed) == report["summary"]["flows"]


@pytest.mark.parametrize("engine", ["native", "pyshacl"])
def test_validate_command_engines_agree_on_the_demo_build(
    demo_graph_dir: Path, engine: str
) -> None:
    if engine == "pyshacl":
        pytest.importorskip("pyshacl")
    result = kg("validate", "--out", str(demo_graph_dir), "--engine", engine)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "conforms"


@pytest.mark.parametrize(
    ("shapes_text", "needle"),
    [
        ("this is not turtle", "cannot read the shapes"),
        (
            "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n"
            "ex:S sh:targetClass ex:C ; sh:closed true .",
            "sh:closed",
        ),
    ],
)
def test_build_with_bad_shapes_file_fails_in_one_line(
    tmp_path: Path, shapes_text: str, needle: str
) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(shapes_text, encoding="utf-8")
    out = tmp_path / "out"
    result = kg("build", "--out", str(out), "--shapes", str(shapes))
    assert_one_line_error(result, needle)
    assert not out.exists()


def test_validate_with_missing_shapes_file_fails_in_one_line(demo_graph_dir: Path) -> None:
    result = kg("validate", "--out", str(demo_graph_dir), "--shapes", "/no/such/shapes.ttl")
    assert_one_line_error(result, "shapes file", "not found")
