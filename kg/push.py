"""``kg push``: load a build into an external triple store, for data that outgrows one machine.

Two standard ways in, each graph replaced and then filled in pieces of at most
``chunk_size`` bytes of N-Triples (a triple is never split, and there are no blank nodes
in a build, so a piece means the same alone as with the others):

- the SPARQL 1.1 Graph Store HTTP Protocol (``gsp``, the endpoint is the store's
  graph-store URL): ``PUT ?graph=<g>`` with the first piece, ``POST`` for the others;
- SPARQL 1.1 Update (``update``, the endpoint is the store's update URL):
  ``CLEAR SILENT GRAPH <g>``, then ``INSERT DATA`` per piece, posted directly
  (``application/sparql-update``), at most ``UPDATE_TRIPLES`` triples each.

Credentials are sent from the first request on (``kg.push_http``): Virtuoso, for one,
resets a large unsigned upload instead of answering it with 401.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import PushError
from kg.graph.store import NQUADS
from kg.push_http import StoreClient

__all__ = ["PushError", "Target", "chunks", "parse_size", "push", "read_graphs"]

DEFAULT_CHUNK = "1M"
UPDATE_TRIPLES = 500  # Virtuoso refuses an INSERT DATA of ~2 000 triples (SP031)
_QUAD = re.compile(
    r'(<[^>]*> <[^>]*> (?:<[^>]*>|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?))'
    r"(?: <([^>]*)>)? \."
)
_SIZE = re.compile(r"(\d+)\s*(?:([kKmMgG])i?)?[bB]?")


@dataclass(frozen=True)
class Target:
    endpoint: str
    protocol: str  # "gsp" or "update"
    graph: str | None = None  # one graph for everything
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 120.0
    chunk_size: int = 1 << 20  # bytes of N-Triples in one request


def push(
    out_dir: Path, target: Target, on_graph: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Send the build in ``out_dir`` to ``target``; triples sent per graph.

    ``on_graph(graph, triples)`` is called as each graph is complete. On failure the
    ``PushError`` says how far the push got, and its ``done`` holds the complete graphs.
    """
    scheme, host = urllib.parse.urlsplit(target.endpoint)[:2]
    if scheme not in ("http", "https") or not host:
        raise PushError(f"--endpoint must be an http(s) URL, not {target.endpoint!r}")
    path = out_dir / NQUADS
    if not path.is_file():
        raise PushError(f"no built graph in {out_dir}: run `kg build --out {out_dir}` first")
    graphs = read_graphs(path.read_text(encoding="utf-8").splitlines(), target.graph)
    store = StoreClient(target)
    done: dict[str, int] = {}
    for graph, triples in sorted(graphs.items()):
        requests = _requests(target, graph, triples)
        for number, (method, url, body, media) in enumerate(requests):
            try:
                store.send(method, url, body, media)
            except PushError as error:
                progress = _progress(len(done), len(graphs), graph, number, len(requests))
                raise PushError(f"{error} ({progress})", done) from None
        done[graph] = len(triples)
        if on_graph is not None:
            on_graph(graph, len(triples))
    return done


def _progress(done: int, graphs: int, graph: str, sent: int, requests: int) -> str:
    if not done and not sent:
        return "nothing pushed"
    where = f"stopped in <{graph}> after {sent} of {requests} requests"
    return f"{done} of {graphs} graphs pushed, {where}: push again to replace them"


def read_graphs(lines: Sequence[str], single: str | None = None) -> dict[str, list[str]]:
    """N-Triples lines per graph IRI, from the N-Quads lines ``kg build`` writes (or all
    distinct triples under ``single``)."""
    graphs: dict[str, dict[str, None]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _QUAD.fullmatch(line.strip())
        if match is None:
            raise PushError(f"{NQUADS} line {number} is not a quad `kg build` writes: rebuild")
        triple, graph = match.groups()
        name = single or graph
        if name is None:
            raise PushError(f"{NQUADS} line {number} has no graph: push with --graph IRI")
        graphs.setdefault(name, {})[f"{triple} ."] = None
    return {graph: list(triples) for graph, triples in graphs.items()}


def chunks(triples: Sequence[str], size: int, most: int | None = None) -> Iterator[list[str]]:
    """``triples`` in order, in runs of at most ``size`` bytes (UTF-8, a newline after each)
    and ``most`` triples; a triple longer than ``size`` alone."""
    run: list[str] = []
    used = 0
    for triple in triples:
        length = len(triple.encode("utf-8")) + 1
        if run and (used + length > size or len(run) == most):
            yield run
            run, used = [], 0
        run.append(triple)
        used += length
    if run:
        yield run


def parse_size(text: str) -> int:
    """Bytes in ``"65536"``, ``"64k"``, ``"4M"`` (powers of 1024)."""
    match = _SIZE.fullmatch(text.strip())
    if match is None or int(match.group(1)) == 0:
        raise PushError(f"--chunk-size {text!r} is not a size: give bytes, e.g. 262144, 256k or 4M")
    power = " KMG".index((match.group(2) or " ").upper())
    return int(match.group(1)) << (10 * power)


def _requests(target: Target, graph: str, triples: list[str]) -> list[tuple[str, str, bytes, str]]:
    """(method, URL, body, media type) of each request that replaces ``graph``."""
    if target.protocol == "gsp":
        separator = "&" if "?" in target.endpoint else "?"
        url = f"{target.endpoint}{separator}graph={urllib.parse.quote(graph, safe='')}"
        return [
            ("POST" if number else "PUT", url, _lines(piece), "application/n-triples")
            for number, piece in enumerate(chunks(triples, target.chunk_size))
        ]
    media = "application/sparql-update; charset=utf-8"
    clear = f"CLEAR SILENT GRAPH <{graph}>".encode()
    inserts = [
        b"INSERT DATA { GRAPH <%s> {\n%s} }" % (graph.encode("utf-8"), _lines(piece))
        for piece in chunks(triples, target.chunk_size, UPDATE_TRIPLES)
    ]
    return [("POST", target.endpoint, body, media) for body in (clear, *inserts)]


def _lines(triples: list[str]) -> bytes:
    return "".join(f"{triple}\n" for triple in triples).encode("utf-8")
