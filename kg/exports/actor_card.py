"""One organisation as a user asks for it: ``kg actor NAME``.

Its names, type, parent, the relations the documents state (each with its sentence)
and where each document mentions it — all read from the graph.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kg.engine import Engine, GraphSource
from kg.errors import KgError
from kg.exports.actors import export_actors, export_relations
from kg.exports.rows import ExportRow
from kg.queries import load_query
from kg.query import substitute


class ActorNotFound(KgError):
    """No organisation in the build has that name or alias."""


@dataclass(frozen=True)
class ActorCard:
    actor: ExportRow
    details: dict[str, str]
    relations: list[ExportRow]
    mentions: list[dict[str, str]]


def find_actor(graph: GraphSource, name: str) -> ActorCard:
    """The organisation called ``name`` (its canonical name or an alias; case ignored)."""
    wanted = " ".join(name.split()).casefold()
    engine = Engine.of(graph)
    actors = export_actors(engine)
    matches = [a for a in actors if str(a["name"]).casefold() == wanted] or [
        a for a in actors if wanted in str(a["aliases"] or "").casefold().split("|")
    ]
    if not matches:
        close = sorted(str(a["name"]) for a in actors if wanted in str(a["name"]).casefold())
        hint = f"; did you mean {', '.join(close[:5])}?" if close else "; see `kg export actors`"
        raise ActorNotFound(f"no organisation called {name!r} in the build{hint}")
    actor = matches[0]
    iri = URIRef(str(actor["iri"]))
    canonical = str(actor["name"])
    relations = [r for r in export_relations(engine) if canonical in (r["subject"], r["object"])]
    return ActorCard(actor, _details(engine, iri), relations, _mentions(engine, iri))


def _details(graph: GraphSource, iri: URIRef) -> dict[str, str]:
    details: dict[str, str] = {}
    for row in _solutions(graph, "actor_card", iri):
        for key, value in row.items():
            if value and key not in details:
                details[key] = value
    return details


def _mentions(graph: GraphSource, iri: URIRef) -> list[dict[str, str]]:
    """Per document: how often, on which lines (ascending) and in which forms."""
    rows = _solutions(graph, "actor_mentions", iri)
    for row in rows:
        row["lines"] = " ".join(sorted(row["lines"].split(), key=int))
        row["forms"] = "|".join(sorted(row["forms"].split("|")))
    return rows


def _solutions(graph: GraphSource, query: str, iri: URIRef) -> list[dict[str, str]]:
    text = substitute(load_query(query), [f"iri=<{iri}>"])
    columns, solutions = Engine.of(graph).select(text)
    return [
        {c: "" if v is None else str(v) for c, v in zip(columns, row, strict=True)}
        for row in solutions
    ]


def render_card(card: ActorCard) -> str:
    """The card as text for the terminal."""
    actor = card.actor
    lines = [f"{actor['name']}  ({actor['type'] or card.details.get('type') or 'type unknown'})"]
    lines.append(f"  IRI: {actor['iri']}")
    if actor["aliases"]:
        lines.append(f"  also called: {str(actor['aliases']).replace('|', ', ')}")
    for key, label in (
        ("parent", "part of"),
        ("supervised_by", "supervised by"),
        ("owned_by", "owned by"),
    ):
        if card.details.get(key):
            lines.append(f"  {label}: {card.details[key]}")
    if card.details.get("identifier"):
        lines.append(f"  identifier: {card.details['identifier']}")
    if card.details.get("registry") == "false":
        lines.append("  found by its name's shape; not in the reference registry")
    lines.append(f"  mentioned {actor['mentions'] or 0} times")
    for mention in card.mentions:
        shown = " ".join(mention["lines"].split()[:12])
        more = " ..." if len(mention["lines"].split()) > 12 else ""
        lines.append(f"    {mention['document']}: {mention['mentions']}× on lines {shown}{more}")
    if card.relations:
        lines.append("  relations:")
    for relation in card.relations:
        where = f"{relation['document']}:{relation['line']}" if relation["document"] else "registry"
        lines.append(
            f"    {relation['subject']} {relation['predicate']} {relation['object']}  [{where}]"
        )
        if relation["quote"]:
            lines.append(f"      «{relation['quote']}»")
    return "\n".join(lines) + "\n"
