"""Writing the built graph to an output folder and reading it back.

Files, each written atomically and byte-identically for the same graph:

* ``graph.ttl``: all triples (the union of the named graphs), Turtle;
* ``graph.trig``: the named graphs (one per document, plus the shared graph), TriG;
* ``graph.nq``: the same quads as N-Quads, sorted: what ``load_graph`` reads, since
  it loads about twice as fast as rdflib's Turtle/TriG parsers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Graph
from rdflib.term import Node

from kg.atomic import write_atomic
from kg.errors import BuildNotFound
from kg.graph import serialise
from kg.graph.compat import quiet_rdflib
from kg.graph.namespace import PREFIXES
from kg.graph.nquads import parse_nquads
from kg.graph.quads import Quad, to_dataset
from kg.runtime import collector_paused, in_background

TURTLE = "graph.ttl"
TRIG = "graph.trig"
NQUADS = "graph.nq"


def statements(dataset: Dataset) -> Iterator[serialise.Statement]:
    """The dataset's quads, the graph as an IRI (``None`` for the default graph)."""
    for s, p, o, context in dataset.quads((None, None, None, None)):
        name = context.identifier if isinstance(context, Graph) else context
        if name is None or name == DATASET_DEFAULT_GRAPH_ID:
            yield s, p, o, None
        elif isinstance(name, URIRef):
            yield s, p, o, name
        else:
            raise TypeError(f"graph name {name!r} is not an IRI")


def write_graph(dataset: Dataset, out_dir: Path) -> tuple[Path, ...]:
    """Write ``graph.ttl``, ``graph.trig`` and ``graph.nq`` into ``out_dir``; their paths."""
    return write_statements(list(statements(dataset)), out_dir)


def write_statements(quads: list[serialise.Statement], out_dir: Path) -> tuple[Path, ...]:
    """The same, from the builder's quads directly (no rdflib Dataset in between).

    ``graph.nq`` is written in a forked process while this one writes the other two.
    """
    paths = (out_dir / NQUADS, out_dir / TRIG, out_dir / TURTLE)
    with collector_paused():
        quads = [(s, p, o, None if g == DATASET_DEFAULT_GRAPH_ID else g) for s, p, o, g in quads]
        with in_background(lambda: write_atomic(paths[0], serialise.nquads(quads))):
            grouped = serialise.Grouped(quads, PREFIXES)
            write_atomic(paths[1], grouped.trig())
            write_atomic(paths[2], grouped.turtle())
    return paths


def load_graph(out_dir: Path) -> Dataset:
    """The graph built into ``out_dir``, its default graph the union of the named graphs."""
    nquads, trig = out_dir / NQUADS, out_dir / TRIG
    if nquads.is_file():
        text = nquads.read_text(encoding="utf-8")
        try:
            quads: list[Quad] = [
                (s, p, o, g if g is not None else DATASET_DEFAULT_GRAPH_ID)
                for s, p, o, g in parse_nquads(text)
            ]
        except ValueError:
            return _parsed(text, "nquads")
        return to_dataset(quads)
    if trig.is_file():
        return _parsed(trig.read_text(encoding="utf-8"), "trig")
    raise BuildNotFound(
        f"no built graph in {out_dir} (no {NQUADS} or {TRIG}): run `kg build --out {out_dir}` "
        "first, or point --out / $KG_OUTPUT at an existing build"
    )


def read_triples(out_dir: Path) -> list[tuple[Node, Node, Node]]:
    """The build's triples (the union of its named graphs, with repeats), without making an
    rdflib Dataset when ``graph.nq`` is in the shape this package writes."""
    nquads = out_dir / NQUADS
    if nquads.is_file():
        try:
            return [(s, p, o) for s, p, o, _ in parse_nquads(nquads.read_text(encoding="utf-8"))]
        except ValueError:
            pass  # not our N-Quads: let rdflib read it
    return [(s, p, o) for s, p, o, _ in load_graph(out_dir).quads((None, None, None, None))]


def _parsed(text: str, syntax: str) -> Dataset:
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    with quiet_rdflib():
        dataset.parse(data=text, format=syntax)
    return dataset
