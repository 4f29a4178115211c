"""Static checks that keep the code as the conventions ask: typed (mypy --strict), linted (ruff)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "mypy", "--strict", "kg"],
        [sys.executable, "-m", "ruff", "check", "kg", "tests", "benchmarks"],
    ],
    ids=["mypy", "ruff"],
)
def test_quality_static_check_passes(command: list[str]) -> None:
    tool = command[2]
    if (
        shutil.which(tool) is None
        and subprocess.run(
            [sys.executable, "-m", tool, "--version"], capture_output=True
        ).returncode
    ):
        pytest.skip(f"{tool} is not installed (pip install '.[test]')")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
