"""`kg view` end to end: a child process writes the pages of a real build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from kg.graph.store import NQUADS


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "KG_OUTPUT": ""},
        timeout=300,
    )


def test_cli_view_writes_the_pages(demo_graph_dir: Path) -> None:
    result = kg("view", "--out", str(demo_graph_dir))
    assert result.returncode == 0, result.stderr
    views = demo_graph_dir / "views"
    assert f"into {views}" in result.stdout
    for page in ("index.html", "overview.html", "funding.html", "governance.html", "sankey.html"):
        assert (views / page).is_file(), page
    assert list((views / "actors").glob("*.html"))
    assert (views / "lib" / "vis-network.min.js").is_file()


def test_cli_view_without_a_build_is_one_line(tmp_path: Path) -> None:
    result = kg("view", "--out", str(tmp_path))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no built graph" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "views").exists()


def test_cli_view_same_build_same_bytes(demo_graph_dir: Path, tmp_path: Path) -> None:
    """Two processes with different hash seeds write byte-identical pages."""
    written = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        shutil.copy(demo_graph_dir / NQUADS, out / NQUADS)
        result = subprocess.run(
            [sys.executable, "-m", "kg", "view", "--out", str(out)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        views = out / "views"
        written.append({p.relative_to(views): p.read_bytes() for p in views.rglob("*.*")})
    assert written[0] == written[1]
