"""``kg push``: pieces, credentials and errors; then for real into Virtuoso on loopback.

The Virtuoso tests start one throw-away server per module (``virtuoso-t`` from Debian's
virtuoso-opensource-7, which ``.ci/run`` installs) and skip where it is not installed.
The other tests need no store: a scripted HTTP server on loopback stands in for one.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import to_isomorphic

from kg.cli import cli
from kg.graph.store import NQUADS, write_graph
from kg.push import PushError, Target, chunks, parse_size, push, read_graphs

VIRTUOSO = shutil.which("virtuoso-t")
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
README = Path(__file__).resolve().parents[1] / "README.md"
needs_virtuoso = pytest.mark.skipif(
    not (VIRTUOSO and INI.is_file()),
    reason="Virtuoso is not installed (apt-get install virtuoso-opensource-7)",
)
G = "https://w3id.org/helsekg/id/graph/shared"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _kg(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_PUSH_")}
    if password is not None:
        env["KG_PUSH_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The error of a failed ``kg`` run: exit status 1, one line on stderr, no traceback."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def _graph_sizes(build: Path) -> Counter[str]:
    lines = (build / NQUADS).read_text(encoding="utf-8").splitlines()
    return Counter(line.rstrip(" .").rsplit(" <", 1)[1].rstrip(">") for line in lines if line)


@pytest.fixture
def build_dir(graph_dataset: Dataset, tmp_path: Path) -> Path:
    write_graph(graph_dataset, tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- pieces


TRIPLE = st.builds(
    lambda s, text: f'<urn:s:{s}> <urn:p> "{text}" .',
    st.integers(0, 99),
    st.text(st.characters(codec="utf-8", exclude_characters='"\\\n\r'), max_size=80),
)


@given(st.lists(TRIPLE, max_size=60), st.integers(1, 600), st.none() | st.integers(1, 9))
def test_push_chunks_are_whole_triples_in_order_and_bounded(
    triples: list[str], size: int, most: int | None
) -> None:
    pieces = list(chunks(triples, size, most))
    assert [t for piece in pieces for t in piece] == triples
    for piece in pieces:
        body = "".join(f"{t}\n" for t in piece).encode("utf-8")
        assert piece and (len(body) <= size or len(piece) == 1)
        assert most is None or len(piece) <= most
        assert body.decode("utf-8").split("\n") == [*piece, ""]


def test_push_chunk_bodies_are_graphs_whose_union_is_the_build(build_dir: Path) -> None:
    graphs = read_graphs((build_dir / NQUADS).read_text(encoding="utf-8").splitlines())
    for triples in graphs.values():
        whole, union, pieces = Graph(), Graph(), list(chunks(triples, 2048))
        whole.parse(data="\n".join(triples), format="nt")
        for piece in pieces:
            union.parse(data="\n".join(piece), format="nt")
        assert to_isomorphic(union) == to_isomorphic(whole)
    assert max(len(list(chunks(t, 2048))) for t in graphs.values()) > 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<urn:s> <urn:p> <urn:o> <urn:g> .", ("urn:g", "<urn:s> <urn:p> <urn:o> .")),
        ('<urn:s> <urn:p> "a <urn:x> ." <urn:g> .', ("urn:g", '<urn:s> <urn:p> "a <urn:x> ." .')),
        (
            '<urn:s> <urn:p> "sa \\"ø\\""@nb <urn:g> .',
            ("urn:g", '<urn:s> <urn:p> "sa \\"ø\\""@nb .'),
        ),
        ('<urn:s> <urn:p> "7"^^<urn:int> <urn:g> .', ("urn:g", '<urn:s> <urn:p> "7"^^<urn:int> .')),
    ],
)
def test_push_read_graphs_splits_off_the_graph(line: str, expected: tuple[str, str]) -> None:
    assert read_graphs([line, ""]) == {expected[0]: [expected[1]]}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["<urn:s> <urn:p> <urn:o> ."], "has no graph: push with --graph"),
        (["_:b <urn:p> <urn:o> <urn:g> ."], "is not a quad `kg build` writes"),
    ],
)
def test_push_read_graphs_refuses_what_it_cannot_split(lines: list[str], message: str) -> None:
    with pytest.raises(PushError, match=re.escape(message)):
        read_graphs(lines)


def test_push_read_graphs_into_one_graph_drops_repeats() -> None:
    lines = ["<urn:s> <urn:p> <urn:o> <urn:a> .", "<urn:s> <urn:p> <urn:o> <urn:b> ."]
    assert read_graphs(lines, "urn:one") == {"urn:one": ["<urn:s> <urn:p> <urn:o> ."]}


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1", 1),
        ("65536", 65536),
        ("64k", 65536),
        ("4M", 4 << 20),
        ("2MiB", 2 << 20),
        ("1G", 1 << 30),
    ],
)
def test_push_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-5", "1.5M", "lots", "4T"])
def test_push_parse_size_refuses(text: str) -> None:
    with pytest.raises(PushError, match="is not a size"):
        parse_size(text)


def test_push_readme_documents_every_option() -> None:
    command = cli.commands["push"]
    section = README.read_text(encoding="utf-8").split("### Pushing to a triple store")[1]
    section = section.split("\n## ")[0]
    options = [p.opts[0] for p in command.params if isinstance(p, click.Option)]
    for name in [*options, "KG_PUSH_PASSWORD", "KG_PUSH_USER"]:
        assert name in section, f"README's push section does not mention {name}"


# --------------------------------------------------------------------------- a scripted store


@dataclass
class Seen:
    method: str
    path: str
    authorization: str
    body: bytes


@dataclass
class Script:
    """What the stand-in store answers to its n-th request (0-based): a status and
    headers, or "drop" to hang up unread; 204 to anything not listed."""

    replies: dict[int, tuple[int, dict[str, str]] | str] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)


class _Handler(http.server.BaseHTTPRequestHandler):
    script: Script

    def _any(self) -> None:
        reply = self.script.replies.get(len(self.script.seen), (204, {}))
        if reply == "drop":
            self.script.seen.append(Seen(self.command, self.path, "", b""))
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        auth = self.headers.get("Authorization", "")
        self.script.seen.append(Seen(self.command, self.path, auth, body))
        status, headers = reply if isinstance(reply, tuple) else (500, {})
        text = b"<html><head><title>x</title></head><body><p>disk full</p></body></html>"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(text) if status >= 400 else 0))
        self.end_headers()
        if status >= 400:
            self.wfile.write(text)

    do_PUT = do_POST = _any

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def fake_store() -> Iterator[tuple[str, Script]]:
    script = Script()
    handler = type("Handler", (_Handler,), {"script": script})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store", script
    finally:
        server.shutdown()
        server.server_close()


def _challenge(nonce: str, stale: bool = False) -> tuple[int, dict[str, str]]:
    offer = f'Digest realm="r", nonce="{nonce}", qop="auth", algorithm="MD5"'
    return 401, {"WWW-Authenticate": offer + (', stale="true"' if stale else "")}


def test_push_reports_the_graphs_done_before_a_failure(
    fake_store: tuple[str, Script], build_dir: Path
) -> None:
    endpoint, script = fake_store
    graphs = read_graphs((build_dir / NQUADS).read_text(encoding="utf-8").splitlines())
    first = sorted(graphs)[0]
    fail_at = len(list(chunks(graphs[first], 2048))) + 1  # second piece of the second graph
    script.replies[fail_at] = (500, {})
    args = ["push", "--endpoint", endpoint, "--protocol", "gsp", "--chunk-size", "2k"]
    result = _kg(*args, "--out", str(build_dir))
    error = _one_line(result)
    assert "(500: disk full)" in error and "title" not in error
    assert f"1 of {len(graphs)} graphs pushed" in error and "after 1 of" in error
    assert result.stdout.split() == [str(len(graphs[first])), "triples", f"<{first}>"]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ((302, {"Location": "https://x/s"}), "redirects (302) to https://x/s: give that URL"),
        ((413, {}), "refused the data (413: disk full): lower --chunk-size"),
        ((415, {}), "check that --protocol matches the endpoint"),
        ((503, {}), "(503: disk full): lower --chunk-size, or check the store's log"),
    ],
)
def test_push_refusal_says_what_to_do(
    fake_store: tuple[str, Script],
    build_dir: Path,
    reply: tuple[int, dict[str, str]],
    expected: str,
) -> None:
    endpoint, script = fake_store
    script.replies[0] = reply
    with pytest.raises(PushError) as caught:
        push(build_dir, Target(endpoint, "update"))
    assert expected in str(caught.value) and str(caught.value).endswith(" (nothing pushed)")


def test_push_sends_a_dropped_request_once_more(
    fake_store: tuple[str, Script], build_dir: Path
) -> None:
    endpoint, script = fake_store
    script.replies[0] = "drop"
    sent = push(build_dir, Target(endpoint, "gsp", graph="urn:one"))
    methods = [(seen.method, len(seen.body) > 0) for seen in script.seen]
    assert methods == [("PUT", False), ("POST", False), ("PUT", True)]  # dropped, probe, again
    assert sent == {"urn:one": len(read_graphs(_lines(build_dir), "urn:one")["urn:one"])}


def test_push_signs_every_request_and_again_after_a_stale_nonce(
    fake_store: tuple[str, Script], build_dir: Path
) -> None:
    endpoint, script = fake_store
    script.replies.update({0: _challenge("a"), 2: _challenge("b", stale=True)})
    target = Target(endpoint, "update", user="u", password="p", chunk_size=2048)
    push(build_dir, target)
    auth = [seen.authorization for seen in script.seen]
    assert auth[0] == "" and 'nonce="a"' in auth[1] and 'nonce="a"' in auth[2]
    assert all('username="u"' in a and 'nonce="b"' in a for a in auth[3:])
    assert len(auth) > 6 and len(set(auth[3:])) == len(auth) - 3  # nc and cnonce move


def test_push_wrong_password_is_found_before_any_data_is_sent(
    fake_store: tuple[str, Script], build_dir: Path
) -> None:
    endpoint, script = fake_store
    script.replies.update({0: _challenge("a"), 1: _challenge("a")})
    with pytest.raises(PushError, match=r"refused user 'u' \(401\).*\(nothing pushed\)"):
        push(build_dir, Target(endpoint, "gsp", user="u", password="wrong"))
    assert [len(seen.body) for seen in script.seen] == [0, 0]


def test_push_store_that_never_answers_times_out_in_one_line(build_dir: Path) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)  # connections queue up, and nobody answers
        endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
        result = _kg("push", "--endpoint", endpoint, "--timeout", "0.5", "--out", str(build_dir))
    assert "no answer from" in _one_line(result) and "within 0.5 s" in result.stderr


def test_push_unreachable_store_is_one_line(build_dir: Path) -> None:
    port = _free_port()
    result = _kg("push", "--endpoint", f"http://127.0.0.1:{port}/sparql", "--out", str(build_dir))
    assert "cannot reach" in _one_line(result) and "connection refused" in result.stderr


def test_push_user_without_password_and_terminal_is_one_line(build_dir: Path) -> None:
    result = _kg("push", "--endpoint", "http://127.0.0.1:9/x", "--user", "dba")
    assert "set $KG_PUSH_PASSWORD" in _one_line(result)


def _lines(build: Path) -> list[str]:
    return (build / NQUADS).read_text(encoding="utf-8").splitlines()


# --------------------------------------------------------------------------- Virtuoso


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throw-away Virtuoso on two free loopback ports; yields its HTTP base URL. Its
    anonymous user may read but not write; ``dba`` (password ``dba``) may write."""
    if not (VIRTUOSO and INI.is_file()):
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource-7)")
    home = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = INI.read_text(encoding="utf-8")
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(home))
    ini = ini.replace("ServerPort               = 1111", f"ServerPort = 127.0.0.1:{sql_port}")
    ini = ini.replace("ServerPort                  = 8890", f"ServerPort = 127.0.0.1:{http_port}")
    (home / "virtuoso.ini").write_text(ini, encoding="utf-8")
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
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def _select(base: str, query: str) -> dict[str, object]:
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        result: dict[str, object] = json.load(response)
    return result


def _counts(base: str, graphs: list[str]) -> dict[str, int]:
    values = " ".join(f"<{g}>" for g in graphs)
    query = (
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
        "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    rows = _select(base, query)["results"]["bindings"]  # type: ignore[index]
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def _holds(base: str, graph: str, triple: str) -> bool:
    return bool(
        _select(base, f"ASK {{ GRAPH <{graph}> {{ {triple.removesuffix(' .')} }} }}")["boolean"]
    )


def _known_triples(build: Path) -> list[tuple[str, str]]:
    """(graph, triple): each graph's first and last, and some with Norwegian letters,
    escaped quotes and typed literals."""
    graphs = read_graphs(_lines(build))
    known = [(g, t) for g, triples in graphs.items() for t in (triples[0], triples[-1])]
    for pattern in ("[æøåÆØÅ]", r'\\"', r"\^\^<", '"@nb'):
        known.append(next((g, t) for g, ts in graphs.items() for t in ts if re.search(pattern, t)))
    return known


def _insert_as_dba(base: str, update: str) -> None:
    """An update through urllib's own digest handler (fine for a body this small)."""
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, base, "dba", "dba")
    opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))
    data = urllib.parse.urlencode({"update": update}).encode()
    opener.open(urllib.request.Request(f"{base}/sparql-auth", data=data), timeout=60).read()


def _assert_pushed(base: str, build: Path, result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    sizes = _graph_sizes(build)
    assert _counts(base, sorted(sizes)) == dict(sizes)
    for graph, size in sizes.items():
        assert f"{size:>9} triples  <{graph}>" in result.stdout
    for graph, triple in _known_triples(build):
        assert _holds(base, graph, triple), (graph, triple)


@needs_virtuoso
def test_push_gsp_with_digest_in_many_pieces_replaces_each_graph(
    virtuoso: str, corpus_graph_dir: Path
) -> None:
    _insert_as_dba(virtuoso, f"INSERT DATA {{ GRAPH <{G}> {{ <urn:stale> <urn:p> 1 }} }}")
    assert _holds(virtuoso, G, "<urn:stale> <urn:p> 1")
    graphs = read_graphs(_lines(corpus_graph_dir))
    assert max(len(list(chunks(t, 256 << 10))) for t in graphs.values()) >= 10
    result = _kg(
        "push",
        *("--endpoint", f"{virtuoso}/sparql-graph-crud-auth", "--protocol", "gsp"),
        *("--user", "dba", "--chunk-size", "256k", "--out", str(corpus_graph_dir)),
        password="dba",
    )
    _assert_pushed(virtuoso, corpus_graph_dir, result)
    assert not _holds(virtuoso, G, "<urn:stale> <urn:p> 1")


@needs_virtuoso
def test_push_gsp_with_digest_sends_a_large_body_once(
    virtuoso: str, corpus_graph_dir: Path
) -> None:
    target = "https://example.org/helsekg-test/one"
    result = _kg(
        "push",
        *("--endpoint", f"{virtuoso}/sparql-graph-crud-auth", "--protocol", "gsp"),
        *("--graph", target, "--user", "dba", "--chunk-size", "64M"),
        *("--out", str(corpus_graph_dir)),
        password="dba",
    )
    assert result.returncode == 0, result.stderr
    distinct = read_graphs(_lines(corpus_graph_dir), target)[target]
    assert sum(len(t.encode()) for t in distinct) > 8 << 20  # one PUT of more than 8 MB
    assert _counts(virtuoso, [target]) == {target: len(distinct)}


@needs_virtuoso
def test_push_update_with_digest_replaces_each_graph(virtuoso: str, build_dir: Path) -> None:
    _insert_as_dba(virtuoso, f"INSERT DATA {{ GRAPH <{G}> {{ <urn:stale> <urn:p> 2 }} }}")
    assert _holds(virtuoso, G, "<urn:stale> <urn:p> 2")
    args = ["push", "--endpoint", f"{virtuoso}/sparql-auth", "--user", "dba"]
    result = _kg(*args, "--chunk-size", "4k", "--out", str(build_dir), password="dba")
    _assert_pushed(virtuoso, build_dir, result)
    assert not _holds(virtuoso, G, "<urn:stale> <urn:p> 2")


@needs_virtuoso
@pytest.mark.parametrize(
    ("path", "user", "password", "expected"),
    [
        ("/sparql-graph-crud-auth", "dba", "wrong", "refused user 'dba' (401): check --user"),
        ("/sparql-graph-crud-auth", None, None, "asks for a user (401): pass --user"),
        ("/sparql-graph-crud", None, None, "(403: HTTP/1.1 403 Forbidden"),
        ("/no-such-endpoint", None, None, "(501): the endpoint does not take this method"),
    ],
    ids=["wrong-password", "no-user", "anonymous-write", "wrong-path"],
)
def test_push_refused_by_virtuoso_is_one_line(
    virtuoso: str,
    corpus_graph_dir: Path,
    path: str,
    user: str | None,
    password: str | None,
    expected: str,
) -> None:
    args = ["push", "--endpoint", f"{virtuoso}{path}", "--protocol", "gsp"]
    args += ["--graph", "https://example.org/helsekg-test/refused"]
    args += ["--user", user] if user else []
    result = _kg(*args, "--out", str(corpus_graph_dir), password=password)
    assert expected in _one_line(result) and "(nothing pushed)" in result.stderr
    assert _counts(virtuoso, ["https://example.org/helsekg-test/refused"]) == {}
