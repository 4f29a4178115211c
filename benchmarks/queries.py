"""Time every canned query on a build: Oxigraph in memory and on disk, against plain rdflib.

    python benchmarks/queries.py [BUILD_DIR] [--repeat 7] [--skip-rdflib] [--rdflib-limit 120]

BUILD_DIR defaults to output/ (run `kg build ../shared/corpus` first). Parameters for the
queries that take them are typical values from the corpus (the evidence query is timed
for one money flow and for a whole organisation). Prints how long the build takes to
load into memory, to make its disk store (once per graph.nq, in a temporary cache folder)
and to open that store, then a Markdown table: median milliseconds per query in memory
and on disk (warm, and the first run on a freshly opened store, as a one-shot command
sees it), each including the conversion of the answer to rdflib terms, one run in plain
rdflib (stopped after --rdflib-limit seconds), and rdflib's time over Oxigraph's in memory.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, not an install

from kg.engine import Engine
from kg.graph.store import NQUADS, load_graph
from kg.queries import library
from kg.query import PROLOGUE, substitute
from kg.store_cache import disk_store

HDIR = "<https://w3id.org/helsekg/id/actor/helsedirektoratet>"
PARAMETERS = {
    "chain": ["kap=714", "post=21", "year=2018"],
    "who_funds": ["name=Helsedirektoratet"],
    "passed_on": ["agency=Helsedirektoratet", "kap=714", "year=2018"],
    "compare_years": ["kap=714", "year_a=2018", "year_b=2022"],
    "governance_tree": ["name=Helse- og omsorgsdepartementet"],
    "plan_follow_ups": ["plan=Opptrappingsplan for psykisk helse"],
    "actor_card": [f"iri={HDIR}"],
    "actor_mentions": [f"iri={HDIR}"],
}
LARGEST_FLOW = """SELECT ?flow WHERE {
  ?flow a hkg:Flow ; hkg:recipient/schema:name "Helsedirektoratet" ; schema:value ?amount .
} ORDER BY DESC(?amount) ?flow LIMIT 1"""

Case = tuple[str, str]  # (label, SPARQL with the prefixes)


def cases(engine: Engine) -> list[Case]:
    """Every canned query with its parameters; evidence also for the largest flow."""
    found = []
    for name, text in sorted(library().items()):
        if name != "evidence":
            found.append((name, PROLOGUE + substitute(text, PARAMETERS.get(name, []))))
            continue
        found.append((f"{name} (an organisation)", PROLOGUE + substitute(text, [f"iri={HDIR}"])))
        flows = engine.select(PROLOGUE + LARGEST_FLOW)[1]
        if flows:
            flow = f"iri=<{flows[0][0]}>"
            found.append((f"{name} (a flow)", PROLOGUE + substitute(text, [flow])))
    return found


def median_ms(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_run_ms(open_engine: Callable[[], Engine], sparql: str) -> float:
    """One run on a freshly opened engine: what a one-shot command pays."""
    engine = open_engine()
    start = time.perf_counter()
    engine.select(sparql)
    return (time.perf_counter() - start) * 1000


def rdflib_ms(graph: Dataset, sparql: str, limit_seconds: float) -> float | None:
    """One run of the query in plain rdflib, in a forked child (which shares the loaded
    graph) so that it can be stopped after ``limit_seconds``; ``None`` when it was."""
    reader, writer = multiprocessing.get_context("fork").Pipe(duplex=False)

    def answer() -> None:
        start = time.perf_counter()
        list(graph.query(sparql))
        writer.send((time.perf_counter() - start) * 1000)

    child = multiprocessing.get_context("fork").Process(target=answer, daemon=True)
    child.start()
    ready = reader.poll(limit_seconds)
    elapsed: float | None = reader.recv() if ready else None
    if child.is_alive():
        child.kill()
    child.join()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", type=Path, default=Path("output"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument(
        "--rdflib-limit",
        type=float,
        default=120.0,
        help="seconds one query may take in rdflib before it is stopped (default 120)",
    )
    args = parser.parse_args()
    graph_file = args.build / NQUADS
    if not graph_file.is_file():
        sys.exit(f"benchmark: no build in {args.build}; run `kg build ../shared/corpus` first")
    with tempfile.TemporaryDirectory(prefix="helsekg-bench-cache-") as folder:
        cache = Path(folder)
        run(args, graph_file, cache)


@dataclass
class Timing:
    label: str
    rows: int
    memory_ms: float
    disk_ms: float
    disk_first_ms: float
    rdflib: str = "–"
    ratio: str = "–"


def run(args: argparse.Namespace, graph_file: Path, cache: Path) -> None:
    memory = Engine.open(args.build, "memory")
    load = median_ms(lambda: Engine.open(args.build, "memory"), max(3, args.repeat // 2))
    start = time.perf_counter()
    disk_store(graph_file, cache)
    made = (time.perf_counter() - start) * 1000

    def open_disk() -> Engine:
        return Engine(disk_store(graph_file, cache), "disk")

    opened = median_ms(open_disk, args.repeat)
    disk = open_disk()
    timings = []
    for label, sparql in cases(memory):
        timings.append(
            Timing(
                label,
                len(memory.select(sparql)[1]),
                median_ms(lambda q=sparql: memory.select(q), args.repeat),
                median_ms(lambda q=sparql: disk.select(q), args.repeat),
                first_run_ms(open_disk, sparql),
            )
        )
    if not args.skip_rdflib:
        # Loaded only now: millions of rdflib objects would slow Python's garbage
        # collector, and with it the conversion timed above.
        add_rdflib(args, cases(memory), timings)
    size = graph_file.stat().st_size / 2**20
    print(f"build: {args.build} ({len(memory)} quads, graph.nq {size:.1f} MiB)\n")
    print(f"- memory: load graph.nq {load:.0f} ms (median)")
    print(f"- disk: make the store {made:.0f} ms (once per graph.nq), open it {opened:.0f} ms")
    print("  (median, with the SHA-256 of graph.nq that finds it)\n")
    print(
        "| query | rows | memory ms | disk ms | disk ms, first run | rdflib ms | rdflib / memory |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for t in timings:
        print(
            f"| {t.label} | {t.rows} | {t.memory_ms:.1f} | {t.disk_ms:.1f} | "
            f"{t.disk_first_ms:.1f} | {t.rdflib} | {t.ratio} |"
        )


def add_rdflib(args: argparse.Namespace, queries: list[Case], timings: list[Timing]) -> None:
    """One run of each query in plain rdflib, and its time over Oxigraph's in memory."""
    graph = load_graph(args.build)
    limit_ms = args.rdflib_limit * 1000
    for (_, sparql), timing in zip(queries, timings, strict=True):
        slow = rdflib_ms(graph, sparql, args.rdflib_limit)
        if slow is None:
            timing.rdflib = f"> {limit_ms:.0f}"
            timing.ratio = f"> {limit_ms / timing.memory_ms:.0f}×"
        else:
            timing.rdflib = f"{slow:.0f}"
            timing.ratio = f"{slow / timing.memory_ms:.0f}×"


if __name__ == "__main__":
    main()
