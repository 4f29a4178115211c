"""The notebooks run top to bottom on the corpus (or the demo corpus), and are committed
without outputs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import CORPUS_DIR

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
ROOT = Path(__file__).resolve().parents[1]


def test_notebooks_are_there_and_numbered() -> None:
    assert [p.name[:3] for p in NOTEBOOKS] == ["01_", "02_", "03_", "04_"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(notebook: Path) -> None:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{notebook.name}: strip the outputs"
            assert cell["execution_count"] is None, f"{notebook.name}: strip execution counts"


@pytest.fixture(scope="module")
def notebook_build(request: pytest.FixtureRequest) -> Path:
    """The build the notebooks read through $KG_OUTPUT: the corpus's, else the demo's."""
    has_corpus = CORPUS_DIR.is_dir() and any(CORPUS_DIR.glob("*.txt"))
    name = "corpus_graph_dir" if has_corpus else "demo_graph_dir"
    build: Path = request.getfixturevalue(name)
    return build


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(
    notebook: Path, notebook_build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nbformat = pytest.importorskip("nbformat", reason="pip install '.[test]' (nbformat)")
    nbclient = pytest.importorskip("nbclient", reason="pip install '.[test]' (nbclient)")
    pytest.importorskip("ipykernel", reason="pip install '.[test]' (ipykernel)")
    monkeypatch.setenv("KG_OUTPUT", str(notebook_build))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    document = nbformat.read(str(notebook), as_version=4)
    client = nbclient.NotebookClient(
        document,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback
    printed = [
        output for cell in document.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    assert printed, f"{notebook.name} printed nothing"
