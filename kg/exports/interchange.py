"""The graph in the formats other tools read: RDF serialisations, GraphML and GEXF for
Gephi, and FollowTheMoney entities (JSON lines) for investigators' tools.

Every output is deterministic: nodes, edges and entities are written in sorted order.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import networkx as nx

from kg.analysis.projections import funding_graph, governance_graph
from kg.engine import XSD_STRING, Engine, GraphSource
from kg.errors import InputError
from kg.exports.actors import export_actors
from kg.exports.money import export_flows
from kg.graph.namespace import PREFIXES
from kg.graph.store import NQUADS, TRIG, TURTLE

GRAPH_FORMATS = ("turtle", "trig", "nt", "nquads", "jsonld")
NETWORK_FORMATS = ("graphml", "gexf")
FTM_NAMESPACE = "helsekg"

# FollowTheMoney schema for each actor type (PublicBody for the state, else Organization).
FTM_SCHEMA = {
    "ministry": "PublicBody",
    "parliament": "PublicBody",
    "directorate": "PublicBody",
    "agency": "PublicBody",
    "ombud": "PublicBody",
    "county_governor": "PublicBody",
    "municipality": "PublicBody",
    "county": "PublicBody",
    "state_enterprise": "Company",
    "regional_health_authority": "Company",
    "health_trust": "Company",
    "company": "Company",
}


def export_graph(out_dir: Path, fmt: str) -> str:
    """The whole build as text in ``fmt`` (turtle, trig, nt, nquads or jsonld)."""
    if fmt == "turtle":
        return _read(out_dir / TURTLE)
    if fmt == "trig":
        return _read(out_dir / TRIG)
    nquads = _read(out_dir / NQUADS)
    if fmt == "nquads":
        return nquads
    if fmt == "nt":
        triples = sorted({line.rsplit(" ", 2)[0] + " ." for line in nquads.splitlines() if line})
        return "\n".join(triples) + "\n"
    if fmt == "jsonld":
        return _jsonld(Engine.open(out_dir))
    raise InputError(f"unknown graph format {fmt!r}: use one of {', '.join(GRAPH_FORMATS)}")


def _read(path: Path) -> str:
    if not path.is_file():
        raise InputError(f"{path}: not found; run `kg build` first")
    return path.read_text(encoding="utf-8")


def _jsonld(engine: Engine) -> str:
    """JSON-LD with one named graph per document, nodes and values in sorted order."""
    graphs: dict[str, dict[str, dict[str, list[object]]]] = {}
    for quad in engine.quads():
        graph = quad.graph_name.value if hasattr(quad.graph_name, "value") else "@default"
        subject = str(getattr(quad.subject, "value", quad.subject))
        node = graphs.setdefault(graph, {}).setdefault(subject, {})
        node.setdefault(quad.predicate.value, []).append(_jsonld_value(quad.object))
    document = {
        "@context": dict(sorted(PREFIXES.items())),
        "@graph": [
            {
                "@id": graph,
                "@graph": [
                    {
                        "@id": subject,
                        **{p: sorted(v, key=json.dumps) for p, v in sorted(props.items())},
                    }
                    for subject, props in sorted(nodes.items())
                ],
            }
            for graph, nodes in sorted(graphs.items())
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _jsonld_value(term: object) -> dict[str, str]:
    value = getattr(term, "value", str(term))
    language = getattr(term, "language", None)
    datatype = getattr(term, "datatype", None)
    if language:
        return {"@value": value, "@language": language}
    if datatype is not None and datatype.value != XSD_STRING:
        return {"@value": value, "@type": datatype.value}
    if datatype is not None:
        return {"@value": value}
    return {"@id": value}


def export_network(graph: GraphSource, fmt: str) -> str:
    """Money and governance as one network for Gephi: GraphML or GEXF."""
    engine = Engine.of(graph)
    network = nx.MultiDiGraph()
    money, governance = funding_graph(engine), governance_graph(engine)
    nodes = [*money.nodes(data=True), *governance.nodes(data=True)]
    for node, data in sorted(nodes, key=lambda item: str(item[0])):
        network.add_node(node, **{k: str(v) for k, v in data.items()})
    edges = [(s, t, {"relation": "funds", **_plain(d)}) for s, t, d in money.edges(data=True)] + [
        (s, t, _plain(d)) for s, t, d in governance.edges(data=True)
    ]
    for source, target, data in sorted(
        edges, key=lambda e: (e[0], e[1], json.dumps(e[2], sort_keys=True))
    ):
        network.add_edge(source, target, **data)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(network, buffer)
    elif fmt == "gexf":
        nx.write_gexf(network, buffer)
    else:
        raise InputError(f"unknown network format {fmt!r}: use graphml or gexf")
    return buffer.getvalue().decode("utf-8")


def _plain(data: dict[str, object]) -> dict[str, object]:
    """Attributes GraphML and GEXF can hold: no None, booleans and numbers kept."""
    return {k: v for k, v in sorted(data.items()) if v is not None}


def export_followthemoney(graph: GraphSource) -> str:
    """Organisations and payments as FollowTheMoney entities, one JSON object a line."""
    engine = Engine.of(graph)
    entities: list[dict[str, object]] = []
    ids: dict[str, str] = {}
    for actor in export_actors(engine):
        entity_id = _ftm_id("org", str(actor["iri"]))
        ids[str(actor["name"])] = entity_id
        properties: dict[str, list[str]] = {"name": [str(actor["name"])], "country": ["no"]}
        if actor["aliases"]:
            properties["alias"] = str(actor["aliases"]).split("|")
        properties["sourceUrl"] = [str(actor["iri"])]
        schema = FTM_SCHEMA.get(str(actor["type"] or ""), "Organization")
        entities.append({"id": entity_id, "schema": schema, "properties": properties})
    for flow in export_flows(engine):
        payer, recipient = ids.get(str(flow["payer"])), ids.get(str(flow["recipient"]))
        if payer is None or recipient is None or flow["recipient_kind"] != "organisation":
            continue
        key = f"{flow['document']}:{flow['line']}:{flow['amount_nok']}:{flow['recipient']}"
        programme = f"kap. {flow['kap']} post {flow['post']}" if flow["kap"] else ""
        properties = {
            "payer": [payer],
            "beneficiary": [recipient],
            "amount": [str(flow["amount_nok"])],
            "currency": ["NOK"],
            "date": [str(flow["fiscal_year"])] if flow["fiscal_year"] else [],
            "purpose": [str(flow["kind"])],
            "programme": [programme] if programme else [],
            "summary": [str(flow["quote"] or "")],
            "publisher": [str(flow["document"])],
        }
        entities.append(
            {
                "id": _ftm_id("payment", key),
                "schema": "Payment",
                "properties": {k: v for k, v in properties.items() if v and v != [""]},
            }
        )
    entities.sort(key=lambda e: str(e["id"]))
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entities)


def _ftm_id(kind: str, key: str) -> str:
    return f"{FTM_NAMESPACE}-{kind}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}"
