"""The ``kg`` command line: thin commands over library functions.

Every command says in its ``--help`` what it reads and writes. Bad input ends with one
line on standard error saying what was wrong and what to do, and exit status 1.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__
from kg.errors import KgError
from kg.settings import STORE_MODES, output_dir, setting

F = TypeVar("F", bound=Callable[..., Any])


def out_option(function: F) -> F:
    """``--out DIR``: where the build is written to and read from."""
    out = setting("out")
    option = click.option(
        "--out",
        "out",
        type=click.Path(file_okay=False, path_type=Path),
        envvar=out.envvar,
        default=None,
        help=f"{out.help} Default: ${out.envvar} or ./{out.default}/.",
    )
    return option(function)


def store_option(function: F) -> F:
    """``--store auto|memory|disk``: how the build is held while it is read."""
    store = setting("store")
    option = click.option(
        "--store",
        "store",
        type=click.Choice(STORE_MODES, case_sensitive=False),
        envvar=store.envvar,
        default=None,
        help=f"{store.help} Default: ${store.envvar} or {store.default}.",
    )
    return option(function)


def format_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


@click.group()
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """helsekg: follow public money and governance in the Norwegian health administration.

    Build a knowledge graph from budget propositions, allocation letters and annual
    reports (text or PDF), then query and export it.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@out_option
@click.option("--strict", is_flag=True, help="Fail (and write nothing) if any file is skipped.")
@click.option(
    "--validate/--no-validate",
    "check_shapes",
    default=True,
    show_default=True,
    help="Check the graph against the SHACL shapes before writing it (built-in validator).",
)
@click.option(
    "--shapes",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A SHACL shapes file in Turtle to check against (default: ontology/shapes.ttl).",
)
def build(
    paths: tuple[Path, ...],
    out: Path | None,
    strict: bool,
    check_shapes: bool,
    shapes: Path | None,
) -> None:
    """Build the graph from PATHS (files or folders; default: the bundled demo corpus).

    Reads text files (UTF-8, Windows-1252, Latin-1) and PDFs with a text layer. Writes
    graph.ttl, graph.trig (one named graph per document), graph.nq, report.json and
    report.md into the output folder, each atomically. The graph is checked against
    ontology/shapes.ttl first: if it breaks a shape, each violation is listed and
    nothing is written.
    """
    from kg.errors import InvalidGraph
    from kg.pipeline import build as run_build
    from kg.pipeline import demo_corpus

    sources = list(paths) or [demo_corpus()]
    target = output_dir(out)
    if shapes is not None:
        from kg.validate import shapes_of

        _require_shapes_file(shapes)
        shapes_of(shapes)  # a broken shapes file stops the build before any work
    try:
        with _progress(len(_files(sources)), "Reading") as step:
            result = run_build(
                sources,
                target,
                strict=strict,
                progress=step,
                check_shapes=check_shapes,
                shapes=shapes,
            )
    except InvalidGraph as invalid:
        for violation in invalid.violations:
            click.echo(f"SHACL: {violation}", err=True)
        raise
    summary = result.report["summary"]
    for skipped in result.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(
        f"{summary['documents']} documents, {summary['tables']} budget tables, "
        f"{summary['rows']} rows, {summary['amounts']} amounts; "
        f"{summary['checks'] - summary['checks_failed']}/{summary['checks']} totals reconciled; "
        f"{len(result.report['flagged_rows'])} rows flagged; {summary['flows']} money flows, "
        f"{summary['organisations']} organisations, {summary['relations']} relations; "
        f"{summary['skipped']} files skipped"
    )
    validation = result.report.get("validation")
    if validation:
        click.echo(f"SHACL: conforms to {validation['shapes']} shapes")
    click.echo(f"wrote {', '.join(str(p) for p in result.written)}")


def _require_shapes_file(shapes: Path) -> None:
    if not shapes.is_file():
        raise KgError(f"shapes file {shapes} not found: give a Turtle file of SHACL shapes")


@cli.command()
@out_option
@click.option(
    "--engine",
    type=click.Choice(["native", "pyshacl"]),
    default="native",
    show_default=True,
    help="native: the built-in SHACL Core validator (fast); pyshacl: full SHACL (slow).",
)
@click.option(
    "--shapes",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A SHACL shapes file in Turtle (default: ontology/shapes.ttl).",
)
def validate(out: Path | None, engine: str, shapes: Path | None) -> None:
    """Check the build against the SHACL shapes (ontology/shapes.ttl).

    Reads the build in the output folder; prints "conforms" or one line per violation
    (node, property, message) and exits 1.
    """
    from kg.validate import validate_build

    if shapes is not None:
        _require_shapes_file(shapes)
    violations = validate_build(output_dir(out), shapes=shapes, engine=engine)
    for violation in violations:
        click.echo(str(violation))
    if violations:
        click.echo(f"kg: {len(violations)} SHACL violations", err=True)
        sys.exit(1)
    click.echo("conforms")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option("table", "json")
def documents(paths: tuple[Path, ...], fmt: str) -> None:
    """Say what each file in PATHS was recognised as (default: the bundled demo corpus).

    Reads the files; writes nothing. Columns: document, kind, fiscal_year, issuer,
    addressee, pages, lines, tables.
    """
    from kg.pipeline import demo_corpus, read_corpus

    extractions, skipped = read_corpus(list(paths) or [demo_corpus()])
    rows = [
        {
            "document": e.document.name,
            "kind": e.profile.kind.value,
            "fiscal_year": e.profile.fiscal_year,
            "issuer": e.profile.issuer,
            "addressee": e.profile.addressee,
            "pages": e.document.source.page_count,
            "lines": len(e.document.lines),
            "tables": len(e.tables),
        }
        for e in extractions
    ]
    for s in skipped:
        click.echo(f"skipped {s.path}: {s.reason}", err=True)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(_text_table(list(rows[0]) if rows else [], [list(r.values()) for r in rows]))


@cli.command()
@click.argument("sparql")
@out_option
@store_option
@format_option("table", "csv", "json")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query variable before it runs (repeatable), e.g. --param kap=714.",
)
def query(
    sparql: str, out: Path | None, store: str | None, fmt: str, params: tuple[str, ...]
) -> None:
    """Run a SPARQL query over the built graph: query text, a .rq file, or the NAME of a
    canned query in the query library (kg/queries/NAME.rq; `kg queries` lists them).

    Reads the build in the output folder; writes the result to standard output.
    Updates (INSERT, DELETE, LOAD, ...) and SERVICE are refused.
    """
    from kg.engine import Engine
    from kg.queries import library
    from kg.query import format_result, run_query, substitute

    if _is_query_file(sparql):
        text = Path(sparql).read_text(encoding="utf-8")
    else:
        text = library().get(sparql, sparql)
    text = substitute(text, params)
    graph = Engine.open(output_dir(out), store, one_shot=True)
    columns, rows = run_query(graph, text)
    click.echo(format_result(columns, rows, fmt), nl=False)


@cli.command()
def queries() -> None:
    """List the canned queries of the query library: name and what each answers.

    Reads kg/queries/*.rq; writes to standard output. Run one with `kg query NAME`.
    """
    from kg.queries import describe, library

    for name in sorted(library()):
        click.echo(f"{name:18} {describe(name)}")


@cli.command()
@out_option
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind to.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Seconds a query may run before it is answered 503.",
)
@click.option(
    "--max-rows",
    default=10_000,
    show_default=True,
    type=click.IntRange(1),
    help="Result rows at most; longer results are cut and marked X-Result-Truncated.",
)
def serve(
    out: Path | None, store: str | None, host: str, port: int, timeout: float, max_rows: int
) -> None:
    """Serve the build as a read-only SPARQL 1.1 Protocol endpoint at /sparql.

    Reads the build in the output folder; answers GET and POST queries with JSON, XML,
    CSV or TSV results by content negotiation (Turtle, N-Triples, JSON-LD for CONSTRUCT).
    Updates, LOAD and SERVICE are refused. Binds to loopback unless told otherwise.
    """
    from kg.engine import Engine
    from kg.serve import Limits
    from kg.serve import serve as endpoint

    engine = Engine.open(output_dir(out), store)
    server = endpoint(engine, host, port, Limits(timeout, max_rows))
    bound_host, bound_port = server.server_address[:2]
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}, not only this machine", err=True)
    click.echo(
        f"SPARQL endpoint on http://{bound_host!s}:{bound_port}/sparql "
        f"({engine.kind} store; Ctrl-C stops)"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@cli.command()
@out_option
@click.option(
    "--endpoint",
    required=True,
    help="The store's graph-store URL (gsp) or update URL (update), e.g. Virtuoso's "
    "http://HOST:8890/sparql-graph-crud-auth or /sparql-auth.",
)
@click.option(
    "--protocol",
    type=click.Choice(["update", "gsp"]),
    default="update",
    show_default=True,
    help="SPARQL 1.1 Update (INSERT DATA) or the Graph Store HTTP Protocol (PUT, POST).",
)
@click.option("--graph", "graph", default=None, help="Put everything into this one graph IRI.")
@click.option(
    "--user",
    envvar="KG_PUSH_USER",
    default=None,
    help="User name, if the store asks for one (or $KG_PUSH_USER). The password is read "
    "from $KG_PUSH_PASSWORD, else asked for.",
)
@click.option(
    "--chunk-size",
    default="1M",
    show_default=True,
    help="Most N-Triples sent in one request, in bytes (k and M allowed: 256k, 4M).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="Seconds to wait for the store to answer one request.",
)
def push(
    out: Path | None,
    endpoint: str,
    protocol: str,
    graph: str | None,
    user: str | None,
    chunk_size: str,
    timeout: float,
) -> None:
    """Load the build into an external triple store (Virtuoso, Fuseki, GraphDB, ...).

    Reads graph.nq in the output folder; writes to the store one named graph per
    document (each replaced), or everything into --graph IRI, in pieces of at most
    --chunk-size. Prints the triples pushed per graph as each is done.
    """
    import os

    from kg.push import Target, parse_size
    from kg.push import push as send

    size = parse_size(chunk_size)
    password = os.environ.get("KG_PUSH_PASSWORD")
    if user is not None and password is None:
        if not sys.stdin.isatty():
            raise KgError(f"--user {user} needs a password: set $KG_PUSH_PASSWORD")
        password = click.prompt(f"password for {user}", hide_input=True, err=True)
    target = Target(endpoint, protocol, graph, user, password, timeout, size)
    sent = send(output_dir(out), target, lambda name, n: click.echo(f"{n:>9} triples  <{name}>"))
    click.echo(f"pushed {sum(sent.values())} triples in {len(sent)} graphs to {endpoint}")


@cli.command()
@click.option(
    "-o",
    "--output",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("ontology/helsekg.html"),
    show_default=True,
)
def docs(target: Path) -> None:
    """Generate the ontology's documentation page (HTML, with pyLODE).

    Reads ontology/helsekg.ttl; writes the page to FILE (atomically).
    """
    from kg.atomic import write_atomic
    from kg.graph.docs import ontology_html

    write_atomic(target, ontology_html())
    click.echo(f"wrote {target}")


@cli.group()
def export() -> None:
    """Export parts of the built graph as CSV or JSON."""


@dataclass(frozen=True)
class Export:
    name: str
    module: str  # kg.exports.<module>
    function: str
    columns: str  # name of the column tuple in that module
    help: str


EXPORTS = (
    Export(
        "budget",
        "budget",
        "export_budget",
        "BUDGET_COLUMNS",
        "One row per budget amount: document,fiscal_year,kap,post,title,measure,amount_nok,line.",
    ),
    Export(
        "actors",
        "actors",
        "export_actors",
        "ACTOR_COLUMNS",
        "One row per organisation: iri,name,type,aliases,documents,mentions "
        "(aliases and documents |-separated).",
    ),
    Export(
        "relations",
        "actors",
        "export_relations",
        "RELATION_COLUMNS",
        "One row per relation between organisations: subject,predicate,object,document,line,"
        "quote. Dated changes known from the reference registry have an empty document.",
    ),
    Export(
        "flows",
        "money",
        "export_flows",
        "FLOW_COLUMNS",
        "One row per money flow: document,fiscal_year,payer,recipient,recipient_kind,"
        "amount_nok,kap,post,kind,earmarked,parent_line,line,quote.",
    ),
    Export(
        "changes",
        "money",
        "export_changes",
        "CHANGE_COLUMNS",
        "One row per budget change against last year (not money paid): document,fiscal_year,"
        "direction,amount_nok,kap,post,from_kap,from_post,to_kap,to_post,line,quote.",
    ),
    Export(
        "schemes",
        "money",
        "export_schemes",
        "SCHEME_COLUMNS",
        "One row per grant scheme: iri,name,aliases,kap,post,administered_by,scheme_id,documents.",
    ),
    Export(
        "strategies",
        "money",
        "export_strategies",
        "STRATEGY_COLUMNS",
        "One row per strategy, plan, programme, white paper, proposition or law: "
        "iri,name,type,period,owner,documents.",
    ),
)


def _export_command(spec: Export) -> click.Command:
    @out_option
    @store_option
    @format_option("csv", "json")
    @click.option(
        "-o",
        "--output",
        "target",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to FILE (atomically) instead of standard output.",
    )
    def command(out: Path | None, store: str | None, fmt: str, target: Path | None) -> None:
        from kg.engine import Engine
        from kg.exports.formats import write_rows

        module = importlib.import_module(f"kg.exports.{spec.module}")
        rows = getattr(module, spec.function)(Engine.open(output_dir(out), store, one_shot=True))
        write_rows(rows, getattr(module, spec.columns), fmt, target)

    command.__doc__ = (
        f"{spec.help}\n\nReads the build in the output folder (the graph is queried, not the "
        "documents); writes CSV or JSON to FILE with -o, else to standard output."
    )
    return click.command(spec.name)(command)


for _spec in EXPORTS:
    export.add_command(_export_command(_spec))


def _emit(text: str, target: Path | None) -> None:
    from kg.atomic import write_atomic

    if target is None:
        click.echo(text, nl=False)
    else:
        write_atomic(target, text)


@export.command("graph")
@out_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nt", "nquads", "jsonld"]),
    default="turtle",
    show_default=True,
    help="RDF serialisation.",
)
@click.option("-o", "--output", "target", type=click.Path(dir_okay=False, path_type=Path))
def export_graph_command(out: Path | None, fmt: str, target: Path | None) -> None:
    """The whole graph as Turtle, TriG (one named graph per document), N-Triples,
    N-Quads or JSON-LD.

    Reads the build in the output folder; writes to FILE with -o, else standard output.
    """
    from kg.exports.interchange import export_graph

    _emit(export_graph(output_dir(out), fmt), target)


@export.command("network")
@out_option
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf"]),
    default="graphml",
    show_default=True,
    help="GraphML, or GEXF for Gephi.",
)
@click.option("-o", "--output", "target", type=click.Path(dir_okay=False, path_type=Path))
def export_network_command(
    out: Path | None, store: str | None, fmt: str, target: Path | None
) -> None:
    """Money (who funds whom, weight = NOK) and governance (who supervises, owns or
    contains whom) as one network for Gephi and other network tools.

    Reads the build in the output folder; writes to FILE with -o, else standard output.
    """
    from kg.engine import Engine
    from kg.exports.interchange import export_network

    _emit(export_network(Engine.open(output_dir(out), store, one_shot=True), fmt), target)


@export.command("ftm")
@out_option
@store_option
@click.option("-o", "--output", "target", type=click.Path(dir_okay=False, path_type=Path))
def export_ftm_command(out: Path | None, store: str | None, target: Path | None) -> None:
    """Organisations and payments as FollowTheMoney entities (JSON lines), for the tools
    investigators already use (Aleph, OpenSanctions' toolchain).

    Reads the build in the output folder; writes to FILE with -o, else standard output.
    """
    from kg.engine import Engine
    from kg.exports.interchange import export_followthemoney

    _emit(export_followthemoney(Engine.open(output_dir(out), store, one_shot=True)), target)


@cli.command()
@click.argument("name")
@out_option
@store_option
def actor(name: str, out: Path | None, store: str | None) -> None:
    """Print one organisation: its names, type, relations, and where it is mentioned.

    Reads the build in the output folder; NAME is a canonical name or an alias (case
    ignored). Writes to standard output.
    """
    from kg.engine import Engine
    from kg.exports.actor_card import find_actor, render_card

    engine = Engine.open(output_dir(out), store, one_shot=True)
    click.echo(render_card(find_actor(engine, name)), nl=False)


@cli.command()
@click.argument("name", required=False)
@out_option
@format_option("table", "csv", "json")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter of the analysis (repeatable), e.g. --param year=2018.",
)
def analyse(name: str | None, out: Path | None, fmt: str, params: tuple[str, ...]) -> None:
    """Run the analysis NAME over the built graph; without NAME, list the analyses with
    their parameters.

    Reads the build in the output folder (the graph is queried, not the documents);
    writes a table, CSV or JSON to standard output.
    """
    from kg.analysis.registry import LIST_COLUMNS, analysis, listing, parse_params
    from kg.engine import Engine
    from kg.exports.formats import write_rows

    if name is None:
        write_rows(listing(), LIST_COLUMNS, fmt)
        return
    spec = analysis(name)
    values = parse_params(spec, params)
    write_rows(spec.run(Engine.open(output_dir(out)), values), spec.columns, fmt)


@cli.command()
@out_option
def view(out: Path | None) -> None:
    """Write the HTML views of the built graph into <out>/views/: an index page, an
    overview, money flows per year, governance, a page per actor and grant scheme, and
    a flow chart of money by layer. Every page works offline.

    Reads the build in the output folder; writes <out>/views/ (each file atomically).
    """
    from kg.engine import Engine
    from kg.views import write_views

    target = output_dir(out)
    written = write_views(Engine.open(target), target / "views")
    click.echo(f"wrote {len(written)} files into {target / 'views'}; open index.html")


@cli.command()
@out_option
@click.option(
    "--eval",
    "eval_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=setting("eval").envvar,
    default=setting("eval").default,
    show_default=True,
    help=setting("eval").help,
)
def evaluate(out: Path | None, eval_dir: Path) -> None:
    """Score the built graph against hand-checked annotations: precision, recall, F1.

    Reads the build in the output folder and every CSV in the annotation folder whose
    columns it knows (actors, relations, allocation-table rows); writes a table to
    standard output. Facts are counted only within the documents an annotation covers.
    """
    from kg.engine import Engine
    from kg.evaluate import evaluate as run_evaluation
    from kg.evaluate import render

    click.echo(render(run_evaluation(Engine.open(output_dir(out)), eval_dir)), nl=False)


def _files(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else found.append(
            path
        )
    return found


class _progress:
    """A progress bar on standard error, shown only when there is enough work to watch."""

    def __init__(self, length: int, label: str) -> None:
        self.bar = (
            click.progressbar(length=length, label=label, file=sys.stderr, show_pos=True)
            if length > 1 and sys.stderr.isatty()
            else None
        )

    def __enter__(self) -> Callable[[str], None]:
        if self.bar is None:
            return lambda _name: None
        bar = self.bar.__enter__()
        return lambda _name: bar.update(1)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _is_query_file(text: str) -> bool:
    return "\n" not in text and text.endswith((".rq", ".sparql")) and Path(text).is_file()


def _text_table(columns: list[str], rows: list[list[Any]]) -> str:
    cells = [columns, *[["" if v is None else str(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI, turning KgError and OSError into one line and exit 1."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None, prog_name="kg", standalone_mode=False
        )
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except KgError as error:
        click.echo(f"kg: {error}", err=True)
        sys.exit(1)
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        click.echo(f"kg: cannot use{where}: {error.strerror or error}", err=True)
        sys.exit(1)
