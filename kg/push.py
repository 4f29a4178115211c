"""``kg push``: load a build into an external triple store, for data that outgrows one machine.

Two standard ways in:
- the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT ?graph=<document graph>`` with the
  graph as N-Triples per named graph (``--protocol gsp``, the endpoint is the store's
  graph-store URL);
- SPARQL 1.1 Update: ``INSERT DATA { GRAPH <g> { ... } }`` in batches, each graph
  cleared first (``--protocol update``, the endpoint is the store's update URL).
With ``--graph IRI`` everything goes into that one graph instead of one per document.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.graph.store import NQUADS

BATCH = 250  # triples per INSERT DATA request (some stores cap the size of one update)


class PushError(KgError):
    """The triple store refused the data or could not be reached."""


@dataclass(frozen=True)
class Target:
    endpoint: str
    protocol: str  # "gsp" or "update"
    graph: str | None = None  # one graph for everything
    user: str | None = None
    password: str | None = None
    timeout: float = 120.0


def push(out_dir: Path, target: Target) -> dict[str, int]:
    """Send the build in ``out_dir`` to ``target``; triples sent per graph."""
    path = out_dir / NQUADS
    if not path.is_file():
        raise PushError(f"no built graph in {out_dir}: run `kg build --out {out_dir}` first")
    graphs = _graphs(path.read_text(encoding="utf-8").splitlines(), target.graph)
    opener = _opener(target)
    sent: dict[str, int] = {}
    for graph, triples in sorted(graphs.items()):
        if target.protocol == "gsp":
            _put_graph(opener, target, graph, triples)
        else:
            _update_graph(opener, target, graph, triples)
        sent[graph] = len(triples)
    return sent


def _graphs(lines: Sequence[str], single: str | None) -> dict[str, list[str]]:
    """N-Triples lines per graph IRI, from our N-Quads lines (every quad names its graph,
    last on the line, as an IRI)."""
    graphs: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        if not line.strip():
            continue
        body = line.rstrip()[:-1].rstrip()  # drop the final " ."
        triple, graph = body.rsplit(" <", 1)
        graphs[single or graph[:-1]].append(f"{triple} .")
    return dict(graphs)


def _opener(target: Target) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = []
    if target.user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, target.endpoint, target.user, target.password or "")
        handlers += [
            urllib.request.HTTPDigestAuthHandler(passwords),
            urllib.request.HTTPBasicAuthHandler(passwords),
        ]
    return urllib.request.build_opener(*handlers)


def _put_graph(
    opener: urllib.request.OpenerDirector, target: Target, graph: str, triples: list[str]
) -> None:
    separator = "&" if "?" in target.endpoint else "?"
    url = f"{target.endpoint}{separator}graph={urllib.parse.quote(graph, safe='')}"
    body = ("\n".join(triples) + "\n").encode("utf-8")
    _send(opener, target, url, body, "application/n-triples", "PUT")


def _update_graph(
    opener: urllib.request.OpenerDirector, target: Target, graph: str, triples: list[str]
) -> None:
    _send(opener, target, target.endpoint, _form(f"CLEAR SILENT GRAPH <{graph}>"), None, "POST")
    for batch in _batches(triples):
        update = f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(batch) + "\n} }"
        _send(opener, target, target.endpoint, _form(update), None, "POST")


def _form(update: str) -> bytes:
    return urllib.parse.urlencode({"update": update}).encode("utf-8")


def _batches(triples: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(triples), BATCH):
        yield triples[start : start + BATCH]


def _send(
    opener: urllib.request.OpenerDirector,
    target: Target,
    url: str,
    body: bytes,
    media: str | None,
    method: str,
) -> None:
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Content-Type", media or "application/x-www-form-urlencoded")
    try:
        with opener.open(request, timeout=target.timeout) as response:
            response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", errors="replace").strip().splitlines()
        reason = detail[0][:200] if detail else error.reason
        raise PushError(f"{target.endpoint} refused the data ({error.code}): {reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = str(error.reason if isinstance(error, urllib.error.URLError) else error)
        raise PushError(f"cannot reach {target.endpoint}: {reason}") from None
