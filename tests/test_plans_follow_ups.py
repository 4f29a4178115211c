"""Sentences that say a measure, a scheme or an actor follows a plan up."""

from __future__ import annotations

import pytest
from conftest import REPORT_PROFILE, hand_mentions, prose_inputs

from kg.plans import find_follow_ups
from kg.records import FollowUp
from kg.schemes import find_schemes

ACTORS = {"Helsedirektoratet": "Helsedirektoratet", "Lekeplassforbundet": "Lekeplassforbundet"}


def follow_ups(text: str, *, report: bool = False) -> tuple[FollowUp, ...]:
    document, profile, segmentation = prose_inputs(text)
    if report:
        profile = REPORT_PROFILE
    mentions = hand_mentions(text, ACTORS)
    schemes = find_schemes(document, profile, segmentation, mentions)
    return find_follow_ups(document, profile, segmentation, mentions, schemes=schemes)


@pytest.mark.parametrize(
    ("text", "subject", "kind", "plan"),
    [
        (
            "Det gis 4 mill. kroner til kurs for lekeplassansvarlige, som en oppfølging av "
            "fyrtårnstrategien.",
            "kurs for lekeplassansvarlige",
            "measure",
            "Fyrtårnstrategien",
        ),
        (
            "Det gis 2 mill. kroner til trygg lek i barnehager i tråd med "
            "opptrappingsplanen for lek og idrett.",
            "trygg lek i barnehager",
            "measure",
            "Opptrappingsplan for lek og idrett",
        ),
        (
            "Helsedirektoratet skal følge opp handlingsplanen mot støy i skolen.",
            "Helsedirektoratet",
            "actor",
            "Handlingsplan mot støy i skolen",
        ),
        (
            "Helsedirektoratet skal bidra til å gjennomføre tiltak i fyrtårnstrategien.",
            "Helsedirektoratet",
            "actor",
            "Fyrtårnstrategien",
        ),
        (
            "Lekeplassforbundet skal iverksette tiltak i fyrtårnstrategien.",
            "Lekeplassforbundet",
            "actor",
            "Fyrtårnstrategien",
        ),
        (
            "Tilskuddsordningen for trygge lekeplasser er del av fyrtårnstrategien.",
            "Tilskuddsordning for trygge lekeplasser",
            "scheme",
            "Fyrtårnstrategien",
        ),
        # an order in an allocation letter is given to its addressee
        (
            "- Følge opp tiltakene i fyrtårnstrategien.",
            "Helsedirektoratet",
            "actor",
            "Fyrtårnstrategien",
        ),
    ],
)
def test_plans_follow_ups_subject_and_plan(text: str, subject: str, kind: str, plan: str) -> None:
    (found,) = follow_ups(text)
    assert (found.subject, found.subject_kind, found.plan) == (subject, kind, plan)


def test_plans_follow_ups_evidence() -> None:
    text = "Innledning.\nHelsedirektoratet skal følge opp\nfyrtårnstrategien i 2031.\nSlutt."
    (found,) = follow_ups(text)
    assert (found.document, found.first_line, found.last_line) == ("doc.txt", 2, 3)
    assert found.quote == "Helsedirektoratet skal følge opp fyrtårnstrategien i 2031."


@pytest.mark.parametrize(
    "text",
    [
        # no follow-up phrase
        "Helsedirektoratet har skrevet fyrtårnstrategien.",
        # the phrase does not stand before the plan
        "Fyrtårnstrategien skal følges opp av kommunene.",
        # no subject to be found
        "Det er viktig å følge opp fyrtårnstrategien.",
        # a generic word, not a plan
        "Helsedirektoratet skal følge opp strategien.",
    ],
)
def test_plans_follow_ups_none(text: str) -> None:
    assert follow_ups(text) == ()


def test_plans_follow_ups_orders_only_in_allocation_letters() -> None:
    assert follow_ups("- Følge opp tiltakene i fyrtårnstrategien.", report=True) == ()
