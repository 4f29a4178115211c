"""Persistent Oxigraph stores of builds, kept in a cache folder outside the build.

A disk store opens in tens of milliseconds where loading graph.nq into memory takes a
third of a second (more for larger builds), so one-shot commands answer sooner. Each
store is made for one graph.nq content and found again by its SHA-256: a rebuilt graph
gets a new store, never stale answers, and the output folder stays free of database
files (the same input gives byte-identical output files).

Layout: ``<cache>/stores/<sha256>-oxigraph-<version>/`` holds a RocksDB store and
``helsekg.json`` (what it was made from). A store is made by bulk-loading into a
staging folder beside it and renaming the folder into place, which is atomic: a reader
sees a whole store or none, and when two processes make the same store at once one
rename wins and the other process uses the winner's store. Stores are opened
read-only. The ``KEEP_STORES`` most recently used are kept; older ones are dropped.
An entry that cannot be opened is set aside and made again; a cache folder that cannot
be used is reported in one line (``StoreCacheError``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KgError

KEEP_STORES = 3
STAGING_MAX_AGE_SECONDS = 3600
FORMAT = f"oxigraph-{ox.__version__}"
MANIFEST = "helsekg.json"


class StoreCacheError(KgError):
    """The store cache cannot be used (unwritable, full, or a store will not open)."""


def graph_digest(graph: Path) -> str:
    """The SHA-256 of graph.nq: what a store is kept under."""
    with graph.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def store_folder(cache: Path, digest: str) -> Path:
    return cache / "stores" / f"{digest}-{FORMAT}"


def disk_store(graph: Path, cache: Path) -> ox.Store:
    """The read-only persistent store of ``graph``, made on first use."""
    digest = graph_digest(graph)
    folder = store_folder(cache, digest)
    store = open_store(folder, digest)
    if store is None:
        make_store(graph, folder, digest)
        store = open_store(folder, digest)
        if store is None:
            raise StoreCacheError(
                f"the store made in {folder} does not open; remove the folder and try "
                "again, or use --store memory"
            )
    mark_used(folder)
    prune(folder.parent, keep=KEEP_STORES, current=folder)
    return store


def open_store(folder: Path, digest: str) -> ox.Store | None:
    """The store in ``folder`` opened read-only; ``None`` if there is none. A store that
    is incomplete or unreadable is set aside (and ``None`` returned) so that it is made
    again."""
    if not folder.is_dir():
        return None
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("graph_sha256") != digest:
            raise ValueError("made from another graph")
        store = ox.Store.read_only(str(folder))
        if manifest.get("quads") and next(iter(store), None) is None:
            raise ValueError("empty")
    except (OSError, RuntimeError, ValueError, AttributeError):
        discard(folder)
        return None
    return store


def make_store(graph: Path, folder: Path, digest: str) -> None:
    """Bulk-load ``graph`` into a staging folder and rename it to ``folder``."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    except OSError as error:
        raise _unusable(folder.parent, error) from None
    try:
        quads = _load(graph, staging)
        manifest = {"graph_sha256": digest, "quads": quads, "pyoxigraph": ox.__version__}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _rename(staging, folder)
    except SyntaxError as error:
        raise unreadable_graph(graph, error) from None
    except (OSError, RuntimeError) as error:
        raise _unusable(folder.parent, error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _load(graph: Path, staging: Path) -> int:
    """Bulk-load into a new store in ``staging``; the store is closed on return."""
    store = ox.Store(str(staging))
    store.bulk_load(path=str(graph), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    quads = len(store)
    del store  # the last reference: RocksDB closes and releases its lock
    return quads


def _rename(staging: Path, folder: Path) -> None:
    """Move the finished store into place; if another process got there first (the
    target exists and is not empty), its store is as good as ours."""
    try:
        os.rename(staging, folder)
    except OSError:
        if not (folder / MANIFEST).is_file():
            raise


def mark_used(folder: Path) -> None:
    """Record the use in the folder's modification time (the LRU order); a read-only
    cache only loses the order."""
    with contextlib.suppress(OSError):
        os.utime(folder)


def prune(stores: Path, keep: int, current: Path | None = None) -> list[Path]:
    """Drop all but the ``keep`` most recently used stores (never ``current``, the one
    in use), and staging folders left behind by a process that died; returns what was
    dropped."""
    try:
        entries = list(stores.iterdir())
    except OSError:
        return []
    now = time.time()
    finished = sorted(
        (e for e in entries if not e.name.startswith(".") and e.is_dir()),
        key=_last_used,
        reverse=True,
    )
    stale = [
        e
        for e in entries
        if e.name.startswith(".") and now - _last_used(e) > STAGING_MAX_AGE_SECONDS
    ]
    dropped = [e for e in finished[keep:] if e != current] + stale
    for entry in dropped:
        discard(entry)
    return dropped


def _last_used(entry: Path) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0


def discard(folder: Path) -> None:
    """Take a store out of use: renamed aside first (so its name is free at once, even
    if removing the files fails), then removed."""
    aside = folder.with_name(f".discarded-{folder.name}-{os.getpid()}-{time.monotonic_ns()}")
    try:
        os.rename(folder, aside)
    except OSError:
        aside = folder
    shutil.rmtree(aside, ignore_errors=True)


def unreadable_graph(graph: Path, error: SyntaxError) -> InputError:
    """graph.nq does not parse (edited by hand, cut short): say so in one line."""
    return InputError(
        f"{graph} is not valid N-Quads ({' '.join(str(error).split())}); "
        "run `kg build` again to write it"
    )


def _unusable(cache: Path, error: BaseException) -> StoreCacheError:
    reason = getattr(error, "strerror", None) or " ".join(str(error).split())
    return StoreCacheError(
        f"cannot make a store in the cache folder {cache}: {reason}; set $KG_CACHE to a "
        "writable folder or use --store memory"
    )
