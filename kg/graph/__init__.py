"""Graph stage: document extractions -> an RDF dataset, written to and read from disk.

``build_dataset`` makes the dataset (one named graph per document plus a shared
graph), ``write_graph`` writes graph.ttl/.trig/.nq, ``load_graph`` reads them back.
"""

from kg.graph.build import build_dataset
from kg.graph.store import load_graph, write_graph

__all__ = ["build_dataset", "load_graph", "write_graph"]
