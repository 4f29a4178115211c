"""Disk stores: made once per graph.nq content in the cache folder, safe when processes
race, made again when damaged, the least recently used dropped; and ``--store`` on the
command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import kg.store_cache as store_cache
from kg.engine import Engine
from kg.errors import InputError
from kg.store_cache import (
    MANIFEST,
    STAGING_MAX_AGE_SECONDS,
    StoreCacheError,
    disk_store,
    graph_digest,
    make_store,
    prune,
    store_folder,
)

ROOT = Path(__file__).resolve().parents[1]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
NAMES = "SELECT ?name WHERE { ?a <http://example.org/name> ?name } ORDER BY ?name"


def write_graph(out: Path, names: list[str]) -> Path:
    """A build folder whose graph.nq names one body per entry, each in its own graph."""
    out.mkdir(parents=True, exist_ok=True)
    lines = [
        f'<http://example.org/body/{i}> <http://example.org/name> "{name}" '
        f"<http://example.org/doc/{i}> ."
        for i, name in enumerate(names)
    ]
    graph = out / "graph.nq"
    graph.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return graph


def names_in(store: object) -> list[str]:
    engine = Engine(store, "disk")  # type: ignore[arg-type]
    return [str(row[0]) for row in engine.select(NAMES)[1]]


def entries(cache: Path) -> list[str]:
    folder = cache / "stores"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_engine_store_made_once_then_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = write_graph(tmp_path / "build", ["Helsedirektoratet", "Folkehelseinstituttet"])
    cache = tmp_path / "cache"
    assert names_in(disk_store(graph, cache)) == ["Folkehelseinstituttet", "Helsedirektoratet"]
    (entry,) = entries(cache)
    assert entry.startswith(graph_digest(graph))
    manifest = json.loads((cache / "stores" / entry / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["graph_sha256"] == graph_digest(graph)
    assert manifest["quads"] == 2

    def no_second_make(*_args: object) -> None:
        raise AssertionError("the store was made again")

    monkeypatch.setattr(store_cache, "make_store", no_second_make)
    assert names_in(disk_store(graph, cache)) == ["Folkehelseinstituttet", "Helsedirektoratet"]


def test_engine_store_changed_graph_gets_a_new_store(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    graph = write_graph(tmp_path / "build", ["Helsedirektoratet"])
    assert names_in(disk_store(graph, cache)) == ["Helsedirektoratet"]
    write_graph(tmp_path / "build", ["Helsedirektoratet", "Statens helsetilsyn"])
    assert names_in(disk_store(graph, cache)) == ["Helsedirektoratet", "Statens helsetilsyn"]
    assert len(entries(cache)) == 2


def test_engine_store_keeps_database_files_out_of_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = tmp_path / "build"
    write_graph(build, ["Helsedirektoratet"])
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    engine = Engine.open(build, "disk")
    assert engine.kind == "disk"
    assert sorted(p.name for p in build.iterdir()) == ["graph.nq"]
    assert len(entries(tmp_path / "cache")) == 1


def test_engine_store_lost_race_uses_the_winners_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = write_graph(tmp_path / "build", ["Helsedirektoratet"])
    cache = tmp_path / "cache"
    digest = graph_digest(graph)
    folder = store_folder(cache, digest)
    load = store_cache._load

    def another_process_finishes_first(source: Path, staging: Path) -> int:
        quads = load(source, staging)
        monkeypatch.setattr(store_cache, "_load", load)
        make_store(source, folder, digest)  # the other process renames its store first
        return quads

    monkeypatch.setattr(store_cache, "_load", another_process_finishes_first)
    assert names_in(disk_store(graph, cache)) == ["Helsedirektoratet"]
    assert entries(cache) == [folder.name]  # one store, no staging folder left behind


def test_engine_store_processes_racing_make_one_store(tmp_path: Path) -> None:
    graph = write_graph(tmp_path / "build", [f"Body {i}" for i in range(200)])
    cache = tmp_path / "cache"
    script = (
        "import sys; from pathlib import Path; from kg.store_cache import disk_store; "
        "print(len(disk_store(Path(sys.argv[1]), Path(sys.argv[2]))))"
    )
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(graph), str(cache)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [racer.communicate(timeout=120) for racer in racers]
    assert [racer.returncode for racer in racers] == [0, 0, 0, 0], results
    assert [out.strip() for out, _ in results] == ["200"] * 4
    assert entries(cache) == [store_folder(cache, graph_digest(graph)).name]


def _garbage_current(folder: Path) -> None:
    (folder / "CURRENT").write_text("not a manifest name\n", encoding="utf-8")


def _no_manifest(folder: Path) -> None:
    (folder / MANIFEST).unlink()


def _manifest_of_another_graph(folder: Path) -> None:
    (folder / MANIFEST).write_text('{"graph_sha256": "0000", "quads": 1}', encoding="utf-8")


def _manifest_not_json(folder: Path) -> None:
    (folder / MANIFEST).write_text("{half", encoding="utf-8")


def _store_files_gone(folder: Path) -> None:
    for path in folder.iterdir():
        if path.name != MANIFEST:
            path.unlink()


@pytest.mark.parametrize(
    "damage",
    [
        _garbage_current,
        _no_manifest,
        _manifest_of_another_graph,
        _manifest_not_json,
        _store_files_gone,
    ],
)
def test_engine_store_damaged_entry_is_made_again(tmp_path: Path, damage: object) -> None:
    graph = write_graph(tmp_path / "build", ["Helsedirektoratet", "Helse Vest RHF"])
    cache = tmp_path / "cache"
    disk_store(graph, cache)
    folder = store_folder(cache, graph_digest(graph))
    damage(folder)  # type: ignore[operator]
    assert names_in(disk_store(graph, cache)) == ["Helse Vest RHF", "Helsedirektoratet"]
    assert entries(cache) == [folder.name]  # the damaged copy is gone, not kept aside
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["graph_sha256"] == graph_digest(graph)  # made again


def test_engine_store_unusable_cache_is_one_line(tmp_path: Path) -> None:
    graph = write_graph(tmp_path / "build", ["Helsedirektoratet"])
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(StoreCacheError, match="KG_CACHE") as raised:
        disk_store(graph, blocker)
    assert "\n" not in str(raised.value)
    assert str(blocker) in str(raised.value)


@pytest.mark.parametrize("store", ["memory", "disk"])
def test_engine_store_broken_graph_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: str
) -> None:
    build = tmp_path / "build"
    build.mkdir()
    (build / "graph.nq").write_text(
        '<http://example.org/a> <http://example.org/name> "cut short\n', encoding="utf-8"
    )
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    with pytest.raises(InputError, match="not valid N-Quads") as raised:
        Engine.open(build, store)
    assert "\n" not in str(raised.value)
    assert entries(tmp_path / "cache") == []  # no half-made store left behind


def _age(path: Path, seconds_ago: float) -> None:
    moment = time.time() - seconds_ago
    os.utime(path, (moment, moment))


def test_engine_store_prune_keeps_the_most_recently_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_cache, "KEEP_STORES", 2)
    cache = tmp_path / "cache"
    graphs = [write_graph(tmp_path / f"build{i}", [f"Body {i}"]) for i in range(3)]
    folders = [store_folder(cache, graph_digest(g)) for g in graphs]
    disk_store(graphs[0], cache)
    _age(folders[0], 300)
    disk_store(graphs[1], cache)
    _age(folders[1], 200)
    disk_store(graphs[0], cache)  # used again: now the most recent
    disk_store(graphs[2], cache)  # a third store: the least recently used one goes
    assert entries(cache) == sorted([folders[0].name, folders[2].name])


def test_engine_store_prune_never_drops_the_store_in_use(tmp_path: Path) -> None:
    stores = tmp_path / "stores"
    for i, age in enumerate((10, 20, 30)):
        (stores / f"store{i}").mkdir(parents=True)
        _age(stores / f"store{i}", age)
    dropped = prune(stores, keep=1, current=stores / "store2")
    assert sorted(p.name for p in dropped) == ["store1"]
    assert sorted(p.name for p in stores.iterdir()) == ["store0", "store2"]


def test_engine_store_prune_removes_staging_left_by_a_dead_process(tmp_path: Path) -> None:
    stores = tmp_path / "stores"
    stale, fresh = stores / ".abc.stale", stores / ".abc.fresh"
    stale.mkdir(parents=True)
    fresh.mkdir()
    _age(stale, STAGING_MAX_AGE_SECONDS + 60)
    prune(stores, keep=3)
    assert sorted(p.name for p in stores.iterdir()) == [".abc.fresh"]


# --------------------------------------------------------------------------- kg --store


def kg(*args: str, cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "KG_CACHE": str(cache), **env}
    if "KG_STORE" not in env:
        environment.pop("KG_STORE", None)
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture
def tiny_build(tmp_path: Path) -> Path:
    out = tmp_path / "build"
    write_graph(out, ["Helsedirektoratet", "Folkehelseinstituttet"])
    return out


@pytest.mark.parametrize(
    ("options", "env", "makes_a_store"),
    [
        (("--store", "disk"), {}, True),
        (("--store", "memory"), {}, False),
        ((), {}, True),  # auto: kg query is a one-shot command
        ((), {"KG_STORE": "memory"}, False),
        (("--store", "disk"), {"KG_STORE": "memory"}, True),  # the option wins
    ],
)
def test_engine_store_cli_query_store_option(
    tmp_path: Path,
    tiny_build: Path,
    options: tuple[str, ...],
    env: dict[str, str],
    makes_a_store: bool,
) -> None:
    cache = tmp_path / "cache"
    result = kg(
        "query", NAMES, "--out", str(tiny_build), "--format", "csv", *options, cache=cache, **env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["name", "Folkehelseinstituttet", "Helsedirektoratet"]
    assert result.stderr == ""
    assert bool(entries(cache)) == makes_a_store


def test_engine_store_cli_unknown_store_is_refused(tmp_path: Path, tiny_build: Path) -> None:
    result = kg("query", COUNT, "--out", str(tiny_build), "--store", "ram", cache=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--store" in result.stderr


def test_engine_store_cli_unusable_cache(tmp_path: Path, tiny_build: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    disk = kg("query", COUNT, "--out", str(tiny_build), "--store", "disk", cache=blocker)
    assert disk.returncode == 1
    assert "Traceback" not in disk.stderr
    (line,) = disk.stderr.splitlines()
    assert line.startswith("kg: cannot make a store in the cache folder")
    auto = kg("query", COUNT, "--out", str(tiny_build), "--format", "csv", cache=blocker)
    assert auto.returncode == 0, auto.stderr
    assert auto.stdout.splitlines() == ["n", "2"]
    (warning,) = auto.stderr.splitlines()
    assert "into memory instead" in warning


@pytest.mark.parametrize(
    "command",
    [
        ("query",),
        ("serve",),
        ("actor",),
        ("export", "budget"),
        ("export", "network"),
        ("export", "ftm"),
    ],
)
def test_engine_store_cli_help_documents_the_option(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    result = kg(*command, "--help", cache=tmp_path)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "--store [auto|memory|disk]" in text
    assert "KG_STORE" in text


def test_engine_store_cli_export_and_actor_on_disk(tmp_path: Path, tiny_build: Path) -> None:
    cache = tmp_path / "cache"
    export = kg("export", "budget", "--out", str(tiny_build), "--store", "disk", cache=cache)
    assert export.returncode == 0, export.stderr
    assert export.stdout.startswith("document,fiscal_year,")
    assert len(entries(cache)) == 1


def test_engine_store_cli_serve_from_disk(tmp_path: Path, tiny_build: Path) -> None:
    cache = tmp_path / "cache"
    environment = {**os.environ, "KG_CACHE": str(cache)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "serve",
            "--out",
            str(tiny_build),
            "--store",
            "disk",
            "--port",
            "0",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()
        assert "(disk store" in banner, banner + (server.stderr.read() if server.stderr else "")
        url = banner.split()[3] + "?" + urllib.parse.urlencode({"query": COUNT})
        request = urllib.request.Request(url, headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.read().decode("utf-8").split() == ["n", "2"]
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert len(entries(cache)) == 1
