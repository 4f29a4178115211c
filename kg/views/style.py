"""How the views draw each kind of node and edge: colour, shape, dashes and the Norwegian
label the legend shows. One table each, so the pages, the legend and the tests agree."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    label: str  # Norwegian, for the legend
    color: str
    shape: str  # a vis-network shape with the label below it


@dataclass(frozen=True)
class EdgeStyle:
    label: str
    color: str
    dashes: bool = False


NODE_STYLES: dict[str, NodeStyle] = {
    "parliament": NodeStyle("Storting", "#8c1c13", "star"),
    "ministry": NodeStyle("Departement", "#1f4e79", "square"),
    "directorate": NodeStyle("Direktorat", "#2e75b6", "dot"),
    "agency": NodeStyle("Etat", "#5b9bd5", "dot"),
    "ombud": NodeStyle("Ombud", "#9dc3e6", "dot"),
    "county_governor": NodeStyle("Statsforvalter", "#7f6000", "triangleDown"),
    "regional_health_authority": NodeStyle("Regionalt helseforetak", "#375623", "diamond"),
    "health_trust": NodeStyle("Helseforetak", "#70ad47", "diamond"),
    "state_enterprise": NodeStyle("Statsforetak", "#a9d18e", "square"),
    "company": NodeStyle("Selskap", "#bf9000", "square"),
    "ngo": NodeStyle("Organisasjon", "#c55a11", "triangle"),
    "competence_centre": NodeStyle("Kompetansesenter", "#f4b183", "triangle"),
    "university": NodeStyle("Universitet, høgskole", "#7030a0", "star"),
    "research_institute": NodeStyle("Forskningsinstitutt", "#b4a7d6", "star"),
    "municipality": NodeStyle("Kommune", "#806000", "triangleDown"),
    "county": NodeStyle("Fylkeskommune", "#bf8f00", "triangleDown"),
    "international": NodeStyle("Internasjonal", "#404040", "hexagon"),
    "grant_scheme": NodeStyle("Tilskuddsordning", "#ffc000", "hexagon"),
    "recipient_group": NodeStyle("Mottakergruppe", "#a5a5a5", "triangleDown"),
    "own_activity": NodeStyle("Egen virksomhet", "#d0cece", "square"),
    "other": NodeStyle("Annet", "#7f7f7f", "dot"),
}
"""Node type (the actor type's notation, or grant_scheme, recipient_group, own_activity)."""

EDGE_STYLES: dict[str, EdgeStyle] = {
    "appropriation": EdgeStyle("Bevilgning", "#8c1c13"),
    "allocation": EdgeStyle("Tildeling", "#1f4e79"),
    "grant": EdgeStyle("Tilskudd", "#c55a11"),
    "scheme": EdgeStyle("Til tilskuddsordning", "#bf9000"),
    "own_activity": EdgeStyle("Egen virksomhet", "#a5a5a5"),
    "supervises": EdgeStyle("Styrer (etatsstyring)", "#404040"),
    "owns": EdgeStyle("Eier", "#375623", dashes=True),
    "contains": EdgeStyle("Har som del", "#7f7f7f", dashes=True),
    "part_of": EdgeStyle("Del av", "#7f7f7f", dashes=True),
    "delegated_supervision": EdgeStyle("Delegert styring", "#7030a0", dashes=True),
    "administers_grants_for": EdgeStyle("Forvalter tilskudd for", "#bf9000", dashes=True),
    "renamed_to": EdgeStyle("Omdøpt til", "#bfbfbf", dashes=True),
    "merged_into": EdgeStyle("Slått sammen med", "#bfbfbf", dashes=True),
}
"""Edge kind: a flow kind, or a governance relation."""

MONEY_KINDS = ("appropriation", "allocation", "grant", "scheme", "own_activity")


def node_style(kind: str) -> NodeStyle:
    return NODE_STYLES.get(kind, NODE_STYLES["other"])


def edge_style(kind: str) -> EdgeStyle:
    return EDGE_STYLES.get(kind, EdgeStyle(kind, "#7f7f7f"))
