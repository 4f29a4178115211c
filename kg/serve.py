"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a build.

GET ``/sparql?query=...`` and POST (``application/sparql-query`` body, or a form with
``query=``) answer with JSON, XML, CSV or TSV results (Turtle, N-Triples or JSON-LD for
CONSTRUCT/DESCRIBE) chosen by the Accept header. Updates, LOAD and SERVICE are refused;
a query that runs longer than the time limit is answered 503, and results longer than
the row limit are cut (the response says so in ``X-Result-Truncated``). The server binds
to loopback unless told otherwise.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar
from urllib.parse import parse_qs, urlparse

from rdflib import Graph, Variable
from rdflib.query import Result
from rdflib.term import Identifier

from kg.engine import Engine
from kg.errors import QueryError
from kg.query import PROLOGUE, prepare, refuse_remote

SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
HELP = (
    "helsekg SPARQL endpoint (read-only). Send a query to /sparql with GET ?query=... "
    "or POST (application/sparql-query, or a form field query=).\n"
)


@dataclass(frozen=True)
class Limits:
    seconds: float = 10.0
    rows: int = 10_000


class QueryTimeout(Exception):
    pass


class Endpoint(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], engine: Engine, limits: Limits) -> None:
        super().__init__(address, Handler)
        self.engine = engine
        self.limits = limits


class Handler(BaseHTTPRequestHandler):
    server: Endpoint
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: one line per request would drown a terminal."""

    def do_GET(self) -> None:
        url = urlparse(self.path)
        if url.path in ("", "/"):
            self._send(HTTPStatus.OK, HELP.encode(), "text/plain; charset=utf-8")
            return
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, "no such path; the endpoint is /sparql")
            return
        params = parse_qs(url.query)
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "updates are refused: the endpoint is read-only")
            return
        self._answer(params.get("query", [""])[0])

    def do_POST(self) -> None:
        if urlparse(self.path).path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, "no such path; the endpoint is /sparql")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if kind == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "updates are refused: the endpoint is read-only")
            return
        if kind == "application/sparql-query":
            self._answer(body)
            return
        form = parse_qs(body)
        if "update" in form:
            self._error(HTTPStatus.FORBIDDEN, "updates are refused: the endpoint is read-only")
            return
        self._answer(form.get("query", [""])[0])

    def _answer(self, sparql: str) -> None:
        if not sparql.strip():
            self._error(HTTPStatus.BAD_REQUEST, "no query: send query=...")
            return
        try:
            parsed = prepare(sparql)
            refuse_remote(parsed)
            kind = parsed.algebra.name
            body, media, truncated = self._run(sparql, kind)
        except QueryError as error:
            status = HTTPStatus.FORBIDDEN if "refused" in str(error) else HTTPStatus.BAD_REQUEST
            self._error(status, str(error))
            return
        except QueryTimeout:
            limit = self.server.limits.seconds
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, f"query took longer than {limit:g} s")
            return
        extra = {"X-Result-Truncated": "true"} if truncated else {}
        self._send(HTTPStatus.OK, body, media, extra)

    def _run(self, sparql: str, kind: str) -> tuple[bytes, str, bool]:
        engine, limits = self.server.engine, self.server.limits
        text = PROLOGUE + sparql
        if kind in ("ConstructQuery", "DescribeQuery"):
            media, fmt = self._negotiate(GRAPH_TYPES, "text/turtle")
            triples = _within(limits.seconds, lambda: engine.construct(text))
            graph = Graph()
            for triple in triples[: limits.rows]:
                graph.add(triple)
            return graph.serialize(format=fmt).encode("utf-8"), media, len(triples) > limits.rows
        media, fmt = self._negotiate(SELECT_TYPES, "application/sparql-results+json")
        result = Result("ASK" if kind == "AskQuery" else "SELECT")
        truncated = False
        if kind == "AskQuery":
            result.askAnswer = _within(limits.seconds, lambda: engine.ask(text))
        else:
            columns, rows = _within(limits.seconds, lambda: engine.select(text))
            truncated = len(rows) > limits.rows
            result.vars = [Variable(c) for c in columns]
            result.bindings = [
                {
                    Variable(c): v
                    for c, v in zip(columns, row, strict=True)
                    if isinstance(v, Identifier)
                }
                for row in rows[: limits.rows]
            ]
        return result.serialize(format=fmt) or b"", media, truncated

    def _negotiate(self, types: dict[str, str], default: str) -> tuple[str, str]:
        for part in (self.headers.get("Accept") or "").split(","):
            media = part.split(";")[0].strip().lower()
            if media in types:
                return media, types[media]
        return default, types[default]

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(
        self, status: HTTPStatus, body: bytes, media: str, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        content_type = media if "charset" in media or media.endswith("xml") else f"{media}"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


T = TypeVar("T")


def _within(seconds: float, work: Callable[[], T]) -> T:
    """Run ``work`` in a thread; give up waiting after ``seconds``."""
    box: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            box.append(work())
        except BaseException as error:  # handed to the request thread below
            failure.append(error)

    worker = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(seconds)
    if worker.is_alive() or time.monotonic() - started > seconds:
        raise QueryTimeout
    if failure:
        error = failure[0]
        if isinstance(error, SyntaxError | ValueError | OSError):
            raise QueryError(f"SPARQL evaluation failed: {error}") from None
        raise error
    return box[0]


def serve(engine: Engine, host: str, port: int, limits: Limits) -> Endpoint:
    """An endpoint bound to ``host:port`` (port 0: any free port); call serve_forever()."""
    return Endpoint((host, port), engine, limits)
