"""Time every canned query on a build: Oxigraph (what kg uses) against plain rdflib.

    python benchmarks/queries.py [BUILD_DIR] [--repeat 5] [--skip-rdflib]

BUILD_DIR defaults to output/ (run `kg build ../shared/corpus` first). Parameters for the
queries that take them are given below as typical values from the corpus. Prints a
Markdown table: median milliseconds in Oxigraph, one run in rdflib, and the speed-up.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from kg.engine import Engine
from kg.graph.store import load_graph
from kg.queries import library
from kg.query import PROLOGUE, substitute

PARAMETERS = {
    "chain": ["kap=714", "post=21", "year=2018"],
    "who_funds": ["name=Helsedirektoratet"],
    "passed_on": ["agency=Helsedirektoratet", "kap=714", "year=2018"],
    "compare_years": ["kap=714", "year_a=2018", "year_b=2022"],
    "governance_tree": ["name=Helse- og omsorgsdepartementet"],
    "plan_follow_ups": ["plan=Opptrappingsplanen for psykisk helse"],
    "actor_card": ["iri=<https://w3id.org/helsekg/id/actor/helsedirektoratet>"],
    "actor_mentions": ["iri=<https://w3id.org/helsekg/id/actor/helsedirektoratet>"],
    "evidence": ["iri=<https://w3id.org/helsekg/id/actor/helsedirektoratet>"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", type=Path, default=Path("output"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-rdflib", action="store_true")
    args = parser.parse_args()
    if not (args.build / "graph.nq").is_file():
        sys.exit(f"benchmark: no build in {args.build}; run `kg build ../shared/corpus` first")
    engine = Engine.open(args.build)
    graph = None if args.skip_rdflib else load_graph(args.build)
    print(f"build: {args.build} ({len(engine)} quads)\n")
    print("| query | rows | Oxigraph ms (median) | rdflib ms | speed-up |")
    print("| --- | --- | --- | --- | --- |")
    for name, text in sorted(library().items()):
        sparql = PROLOGUE + substitute(text, PARAMETERS.get(name, []))
        times = []
        rows = 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            rows = len(engine.select(sparql)[1])
            times.append((time.perf_counter() - start) * 1000)
        fast = statistics.median(times)
        slow_text, ratio = "–", "–"
        if graph is not None:
            start = time.perf_counter()
            list(graph.query(sparql))
            slow = (time.perf_counter() - start) * 1000
            slow_text, ratio = f"{slow:.0f}", f"{slow / fast:.0f}×"
        print(f"| {name} | {rows} | {fast:.1f} | {slow_text} | {ratio} |")


if __name__ == "__main__":
    main()
