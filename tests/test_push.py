"""``kg push`` into a real triple store: Virtuoso, started by the test on loopback.

Skipped where Virtuoso is not installed (``.ci/run`` installs Debian's
virtuoso-opensource-7, so CI runs it).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.graph.store import NQUADS, write_graph

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")

pytestmark = pytest.mark.skipif(
    not (VIRTUOSO and ISQL and INI.is_file()), reason="Virtuoso is not installed"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throw-away Virtuoso on two free loopback ports; yields its HTTP base URL."""
    home = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = INI.read_text(encoding="utf-8")
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(home))
    ini = ini.replace("ServerPort               = 1111", f"ServerPort = 127.0.0.1:{sql_port}")
    ini = ini.replace("ServerPort                  = 8890", f"ServerPort = 127.0.0.1:{http_port}")
    (home / "virtuoso.ini").write_text(ini, encoding="utf-8")
    assert VIRTUOSO and ISQL
    server = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(home / "virtuoso.ini")],
        cwd=home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("Virtuoso did not start")
                time.sleep(0.5)
        grant = 'GRANT SPARQL_UPDATE TO "SPARQL";'
        subprocess.run(
            [ISQL, str(sql_port), "dba", "dba", f"exec={grant}"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture
def build_dir(graph_dataset: Dataset, tmp_path: Path) -> Path:
    write_graph(graph_dataset, tmp_path)
    return tmp_path


def _graph_sizes(build: Path) -> Counter[str]:
    lines = (build / NQUADS).read_text(encoding="utf-8").splitlines()
    return Counter(line.rstrip(" .").rsplit(" <", 1)[1].rstrip(">") for line in lines if line)


def _count(base: str, graph: str) -> int:
    client = SPARQLWrapper.SPARQLWrapper(f"{base}/sparql")
    client.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    client.setReturnFormat(SPARQLWrapper.JSON)
    return int(client.query().convert()["results"]["bindings"][0]["n"]["value"])


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300
    )


def test_push_update_keeps_one_graph_per_document(virtuoso: str, build_dir: Path) -> None:
    result = _kg("push", "--endpoint", f"{virtuoso}/sparql", "--out", str(build_dir))
    assert result.returncode == 0, result.stderr
    for graph, size in _graph_sizes(build_dir).items():
        assert _count(virtuoso, graph) == size
    again = _kg("push", "--endpoint", f"{virtuoso}/sparql", "--out", str(build_dir))
    assert again.returncode == 0  # replaced, not doubled
    for graph, size in _graph_sizes(build_dir).items():
        assert _count(virtuoso, graph) == size


def test_push_graph_store_protocol_into_one_graph(virtuoso: str, build_dir: Path) -> None:
    target = "https://example.org/helsekg-test"
    result = _kg(
        "push",
        "--endpoint",
        f"{virtuoso}/sparql-graph-crud",
        "--protocol",
        "gsp",
        "--graph",
        target,
        "--out",
        str(build_dir),
    )
    assert result.returncode == 0, result.stderr
    lines = (build_dir / NQUADS).read_text(encoding="utf-8").splitlines()
    distinct_triples = {line.rsplit(" <", 1)[0] for line in lines if line}
    assert _count(virtuoso, target) == len(distinct_triples)


def test_push_unreachable_store_is_one_line(build_dir: Path) -> None:
    port = _free_port()
    result = _kg("push", "--endpoint", f"http://127.0.0.1:{port}/sparql", "--out", str(build_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "cannot reach" in result.stderr
