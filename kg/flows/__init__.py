"""Money flows stated in prose: allocation letters and budget propositions.

``extract_flows(document, profile, segmentation, tables, mentions)`` returns the flows
(who pays whom how much, under which post, with the lines and quote that say so), the
changes against last year (not payments) and the check of every total against its items.
The rules are data: ``kg/data/flows.toml``.
"""

from kg.flows.extract import FlowResult, extract_flows
from kg.flows.rules import FlowRules, flow_rules

__all__ = ["FlowResult", "FlowRules", "extract_flows", "flow_rules"]
