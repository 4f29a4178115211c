"""A grant to one named organisation is a scheme of its own ("Tilskudd til <organisation>"),
unless the organisation is a state body that receives allocations rather than grants."""

from __future__ import annotations

import pytest
from conftest import hand_mentions, prose_inputs

from kg.schemes import find_schemes

ACTORS = {
    "Kreftforeningen": "Kreftforeningen",
    "Helsedirektoratet": "Helsedirektoratet",
    "Eksempelforbundet": "Eksempelforbundet",
}


def schemes(text: str) -> list[str]:
    document, profile, segmentation = prose_inputs(text)
    return [
        m.name for m in find_schemes(document, profile, segmentation, hand_mentions(text, ACTORS))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Det gis 3 mill. kroner i tilskudd til Kreftforeningen.", "Tilskudd til Kreftforeningen"),
        ("Tilskuddet til Kreftforeningen videreføres.", "Tilskudd til Kreftforeningen"),
        ("Det gis øremerket driftstilskudd til Kreftforeningen.", "Tilskudd til Kreftforeningen"),
        # an organisation the registry does not know (found by its name's shape)
        ("Vi gir tilskudd til Eksempelforbundet i 2030.", "Tilskudd til Eksempelforbundet"),
        # no actor mention: only an earmarked grant to a capitalised name counts
        ("Det gis øremerket tilskudd til Ukjentlaget.", "Tilskudd til Ukjentlaget"),
    ],
)
def test_schemes_grant_to_an_organisation_is_a_scheme(text: str, expected: str) -> None:
    assert expected in schemes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Det gis 3 mill. kroner i tilskudd til Helsedirektoratet.",  # a state body
        "Vi gir tilskudd til Ukjentlaget i 2030.",  # no mention, not earmarked
        "Tilskudd Kreftforeningen søkte om ble avslått.",  # no "til", not earmarked
    ],
)
def test_schemes_grant_to_a_state_body_or_unknown_name_is_not(text: str) -> None:
    assert not [name for name in schemes(text) if name.startswith("Tilskudd til ")]


def test_schemes_grant_to_an_organisation_keeps_its_canonical_name() -> None:
    text = "Tilskuddet til Kreftforeningen og tilskudd til Kreftforeningen er samme ordning."
    assert set(schemes(text)) == {"Tilskudd til Kreftforeningen"}
