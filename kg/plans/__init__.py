"""Strategies, plans, programmes, reforms, white papers, propositions and laws.

``find_plans(document, profile, segmentation, mentions)`` reads one document;
``find_follow_ups(...)`` the sentences that say a measure, scheme or actor follows a
plan up; ``merge_plans(mentions_by_document)`` joins the name variants of all
documents. The rules are data: kg/data/plans.toml.
"""

from __future__ import annotations

from kg.plans.find import find_plans
from kg.plans.follow_ups import find_follow_ups
from kg.plans.merge import PlanEntity, merge_plans
from kg.plans.names import plan_key

__all__ = ["PlanEntity", "find_follow_ups", "find_plans", "merge_plans", "plan_key"]
