"""Read-only SPARQL over the built graph: SELECT, ASK, CONSTRUCT and DESCRIBE.

Updates (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ...) are refused, so is SERVICE
(no remote calls), and a query
that does not parse becomes a ``QueryError`` whose one line is the parser's message.
The usual prefixes (``hkg:``, ``schema:``, ``skos:``, ...) are bound for every query.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pyparsing import ParseBaseException
from rdflib import Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node, Variable

from kg.engine import Engine, GraphSource
from kg.errors import QueryError
from kg.exports.formats import Row, Value, render
from kg.graph.namespace import PREFIXES, XSD

Cell = Node | None
QueryTable = tuple[list[str], list[tuple[Cell, ...]]]
"""Column names and rows of RDF terms (``None`` where a variable is unbound)."""

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
_FOUND = re.compile(r"found '([A-Za-z]+)'")
_SELECT_STAR = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$]([A-Za-z0-9_]+)")
_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_UPDATE_NAMES = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _refusal(operation: str) -> QueryError:
    return QueryError(
        f"{operation} is an update and the graph is read-only: "
        "use SELECT, ASK, CONSTRUCT or DESCRIBE"
    )


def prepare(sparql: str) -> Query:
    """The parsed query; ``QueryError`` for updates and for text that does not parse."""
    try:
        return prepareQuery(sparql, initNs=PREFIXES)
    except ParseBaseException as error:
        problem = error
    except Exception as error:
        raise QueryError(f"SPARQL error: {_one_line(error)}") from None
    try:
        update = parseUpdate(sparql)
    except ParseBaseException:
        found = _FOUND.search(str(problem))
        if found and found.group(1).upper() in UPDATE_KEYWORDS:
            raise _refusal(found.group(1).upper()) from None
        raise QueryError(f"SPARQL syntax error: {_one_line(problem)}") from None
    names = [getattr(request, "name", "") for request in update.request]
    operation = _UPDATE_NAMES.sub(" ", names[0]).upper() if names else "the request"
    raise _refusal(operation)


def _star_order(sparql: str, columns: list[Variable]) -> list[Variable]:
    """``SELECT *`` columns in the order the variables first appear in the query text
    (rdflib gives them in set order, which changes from run to run)."""
    if not _SELECT_STAR.search(sparql):
        return columns
    first: dict[str, int] = {}
    for match in _VARIABLE.finditer(sparql):
        first.setdefault(match.group(1), match.start())
    return sorted(columns, key=lambda column: (first.get(str(column), len(sparql)), str(column)))


def _uses_service(part: object) -> bool:
    """Whether a query's algebra contains ``SERVICE`` (a call to a remote endpoint)."""
    if isinstance(part, CompValue):
        return part.name == "ServiceGraphPattern" or any(map(_uses_service, part.values()))
    if isinstance(part, list | tuple):
        return any(map(_uses_service, part))
    return False


def substitute(sparql: str, params: Sequence[str]) -> str:
    """Fill a canned query's parameters: each ``$name`` in the query text becomes the
    RDF term of ``name=value`` (whole numbers xsd:integer, ``<...>`` an IRI, anything
    else a string, escaped). Parameters are substituted, not bound at run time: the
    store then uses them to pick the triples it reads first."""
    values: dict[str, str] = {}
    for param in params:
        key, sep, value = param.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not _VARIABLE_NAME.fullmatch(key):
            raise QueryError(f"--param {param!r}: write it as name=value, e.g. --param kap=714")
        if re.fullmatch(r"-?\d+", value):
            values[key] = str(int(value))  # a SPARQL integer literal
        elif value.startswith("<") and value.endswith(">"):
            values[key] = URIRef(value[1:-1]).n3()
        else:
            values[key] = Literal(value).n3()
    wanted = set(_PARAMETER.findall(_without_comments(sparql)))
    missing = sorted(wanted - set(values))
    if missing:
        needed = " ".join(f"--param {name}=..." for name in missing)
        raise QueryError(f"this query needs {needed}")
    unknown = sorted(set(values) - wanted)
    if unknown:
        raise QueryError(f"this query has no parameter {', '.join(unknown)}")
    lines = [
        line
        if line.lstrip().startswith("#")
        else _PARAMETER.sub(lambda m: values[m.group(1)], line)
        for line in sparql.splitlines()
    ]
    return "\n".join(lines)


def _without_comments(sparql: str) -> str:
    return "\n".join(line for line in sparql.splitlines() if not line.lstrip().startswith("#"))


def refuse_remote(query: Query) -> None:
    """SERVICE would reach out to another endpoint: refused, queries stay local."""
    if _uses_service(query.algebra):
        raise QueryError("SERVICE is refused: queries run on the local graph only")


def run_query(graph: GraphSource, sparql: str) -> QueryTable:
    """Run a read-only query. SELECT: its variables; ASK: one column ``ask``;
    CONSTRUCT/DESCRIBE: ``subject, predicate, object`` rows, sorted.

    The query is parsed first (updates and SERVICE refused, errors as one line), then
    answered by the Oxigraph engine with the usual prefixes declared."""
    query = prepare(sparql)
    refuse_remote(query)
    engine = Engine.of(graph)
    text = PROLOGUE + sparql
    kind = query.algebra.name
    try:
        if kind == "AskQuery":
            return ["ask"], [(Literal(engine.ask(text)),)]
        if kind in ("ConstructQuery", "DescribeQuery"):
            return ["subject", "predicate", "object"], list(engine.construct(text))
        columns, rows = engine.select(text)
    except (SyntaxError, ValueError, OSError) as error:
        raise QueryError(f"SPARQL evaluation failed: {_one_line(error)}") from None
    order = _star_order(sparql, [Variable(c) for c in columns])
    positions = [columns.index(str(v)) for v in order]
    return [str(v) for v in order], [tuple(row[p] for p in positions) for row in rows]


def _short(iri: str) -> str:
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def plain_value(cell: Cell, *, shorten: bool = False) -> Value:
    """A term as a plain value: integers and booleans as such, IRIs as text."""
    if cell is None:
        return None
    if isinstance(cell, Literal):
        if cell.datatype == XSD.integer:
            return int(cell)
        if cell.datatype == XSD.boolean:
            return bool(cell.toPython())
        return str(cell)
    if isinstance(cell, URIRef):
        return _short(cell) if shorten else str(cell)
    return cell.n3()


def format_result(columns: Sequence[str], rows: Sequence[tuple[Cell, ...]], fmt: str) -> str:
    """Rows as ``text`` (aligned, IRIs shortened with the usual prefixes), ``csv`` or ``json``."""
    shorten = fmt == "table"
    plain: list[Row] = [
        {
            column: plain_value(cell, shorten=shorten)
            for column, cell in zip(columns, row, strict=True)
        }
        for row in rows
    ]
    return render(plain, columns, fmt)
