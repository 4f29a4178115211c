"""Every analysis by name: what it answers, its parameters, its columns.

The table drives ``kg analyse`` (listing, parameter parsing and help), the README's list
and the tests, like datasette's settings table. An analysis reads the build through an
``Engine`` (queries and projections), never the documents.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from kg.analysis import Row
from kg.analysis.changes import CHANGE_COLUMNS, POST_CHANGE_COLUMNS, chapter_changes, post_changes
from kg.analysis.consistency import CONSISTENCY_COLUMNS, consistency
from kg.analysis.governance import TREE_COLUMNS, governance_tree
from kg.analysis.intermediaries import INTERMEDIARY_COLUMNS, intermediaries
from kg.analysis.layers import LAYER_COLUMNS, POST_COLUMNS, layer_totals, post_layers
from kg.analysis.ledger import Ledger, read_ledger
from kg.analysis.paths import PATH_COLUMNS, money_paths
from kg.analysis.recipients import RECIPIENT_COLUMNS, top_recipients
from kg.engine import Engine, GraphSource
from kg.errors import KgError
from kg.exports.formats import render

ParamValue = int | str | None


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: type[int] | type[str]
    default: ParamValue
    help: str
    required: bool = False

    def parse(self, text: str) -> ParamValue:
        if self.kind is int:
            try:
                return int(text)
            except ValueError:
                raise KgError(
                    f"--param {self.name}={text}: {self.name} is a whole number"
                ) from None
        return text

    def describe(self) -> str:
        if self.required:
            return f"{self.name}=..."
        return f"[{self.name}={'' if self.default is None else self.default}]"


@dataclass(frozen=True)
class Analysis:
    name: str
    help: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]
    reads: str  # "ledger": the counted money; "graph": the engine itself
    function: Callable[..., list[Row]]

    def run(self, graph: GraphSource, params: Mapping[str, ParamValue]) -> list[Row]:
        unknown = sorted(set(params) - {p.name for p in self.parameters})
        if unknown:
            takes = ", ".join(p.name for p in self.parameters) or "no parameters"
            raise KgError(f"analysis {self.name} has no parameter {unknown[0]!r}: it takes {takes}")
        values = {p.name: params.get(p.name, p.default) for p in self.parameters}
        missing = [p.name for p in self.parameters if p.required and values[p.name] is None]
        if missing:
            needed = " ".join(f"--param {name}=..." for name in missing)
            raise KgError(f"analysis {self.name} needs {needed}")
        engine = Engine.of(graph)
        source = _ledger(engine) if self.reads == "ledger" else engine
        return self.function(source, **values)


YEAR = Parameter("year", int, None, "fiscal year (default: every year)")
KAP = Parameter("kap", int, None, "budget chapter, e.g. 714 (default: every chapter)")


def _required(name: str, help_text: str, kind: type[int] | type[str] = int) -> Parameter:
    return Parameter(name, kind, None, help_text, required=True)


ANALYSES = (
    Analysis(
        "layers",
        "Money per fiscal year and layer (Stortinget → ministry → agency → recipients), "
        "each krone counted once per layer.",
        (YEAR, KAP),
        LAYER_COLUMNS,
        "ledger",
        layer_totals,
    ),
    Analysis(
        "post_layers",
        "Per year, chapter and post: appropriated, allocated and passed on side by side, "
        "and what is not itemised.",
        (YEAR, KAP),
        POST_COLUMNS,
        "ledger",
        post_layers,
    ),
    Analysis(
        "top_recipients",
        "The recipients of the most money (grants and schemes; layer=2 for agencies).",
        (YEAR, Parameter("layer", int, 3, "1, 2 or 3"), Parameter("limit", int, 20, "rows")),
        RECIPIENT_COLUMNS,
        "ledger",
        top_recipients,
    ),
    Analysis(
        "intermediaries",
        "Bodies money flows through: received, passed on, own activity, betweenness.",
        (YEAR,),
        INTERMEDIARY_COLUMNS,
        "ledger",
        intermediaries,
    ),
    Analysis(
        "path",
        "The path of money from Stortinget to a recipient, step by step, with evidence.",
        (_required("recipient", "recipient name or own-activity purpose", str), YEAR),
        PATH_COLUMNS,
        "ledger",
        money_paths,
    ),
    Analysis(
        "chapter_changes",
        "What a chapter passed on in one year and not the other, and what changed.",
        (
            _required("kap", "budget chapter"),
            _required("year_a", "first year"),
            _required("year_b", "second year"),
        ),
        CHANGE_COLUMNS,
        "ledger",
        chapter_changes,
    ),
    Analysis(
        "post_changes",
        "A chapter's budget amounts in two years, post by post and measure by measure.",
        (
            _required("kap", "budget chapter"),
            _required("year_a", "first year"),
            _required("year_b", "second year"),
            Parameter(
                "measure",
                str,
                None,
                "proposal, adopted_budget, appropriation, allocation or accounts (default: all)",
            ),
        ),
        POST_CHANGE_COLUMNS,
        "graph",
        post_changes,
    ),
    Analysis(
        "consistency",
        "Proposal, adopted budget, appropriation, allocation and accounts per post and "
        "year side by side, differences flagged.",
        (KAP, YEAR, Parameter("flagged", int, 0, "1: only rows with a flag")),
        CONSISTENCY_COLUMNS,
        "graph",
        consistency,
    ),
    Analysis(
        "governance_tree",
        "Every body below a ministry (or any body): supervised, owned, contained.",
        (Parameter("root", str, "Helse- og omsorgsdepartementet", "the body at the top"),),
        TREE_COLUMNS,
        "graph",
        governance_tree,
    ),
)
"""Every analysis, in the order ``kg analyse`` lists them."""

LIST_COLUMNS = ("name", "parameters", "help")


def analysis(name: str) -> Analysis:
    for candidate in ANALYSES:
        if candidate.name == name:
            return candidate
    names = ", ".join(a.name for a in ANALYSES)
    raise KgError(f"no analysis named {name!r}: use one of {names} (`kg analyse` lists them)")


def parse_params(spec: Analysis, params: Sequence[str]) -> dict[str, ParamValue]:
    """``name=value`` strings as the analysis's typed parameters; one-line errors."""
    by_name = {p.name: p for p in spec.parameters}
    values: dict[str, ParamValue] = {}
    for param in params:
        key, sep, text = param.partition("=")
        key = key.strip()
        if not sep or not key:
            raise KgError(f"--param {param!r}: write it as name=value, e.g. --param year=2018")
        if key not in by_name:
            takes = ", ".join(by_name) or "no parameters"
            raise KgError(f"analysis {spec.name} has no parameter {key!r}: it takes {takes}")
        values[key] = by_name[key].parse(text.strip())
    return values


def listing() -> list[Row]:
    """The analyses as rows: name, parameters, help."""
    return [
        {
            "name": a.name,
            "parameters": " ".join(p.describe() for p in a.parameters),
            "help": a.help,
        }
        for a in ANALYSES
    ]


def run_analysis(graph: GraphSource, name: str, **params: ParamValue) -> list[Row]:
    """Run the analysis ``name`` (notebooks and views call this; the CLI too)."""
    return analysis(name).run(graph, params)


def analysis_table(graph: GraphSource, name: str, **params: ParamValue) -> str:
    """The analysis ``name`` as an aligned text table (for notebooks and sessions)."""
    return render(run_analysis(graph, name, **params), analysis(name).columns, "table")


_LEDGERS: WeakKeyDictionary[Engine, Ledger] = WeakKeyDictionary()


def _ledger(engine: Engine) -> Ledger:
    """The ledger of ``engine``, read once per engine (analyses in a row share it)."""
    if engine not in _LEDGERS:
        _LEDGERS[engine] = read_ledger(engine)
    return _LEDGERS[engine]
