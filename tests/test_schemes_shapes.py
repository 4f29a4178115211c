"""Which grant-scheme names a sentence yields, shape by shape, and which words it must not."""

from __future__ import annotations

import pytest
from conftest import hand_mentions, prose_inputs

from kg.schemes import find_schemes


def names(text: str, actors: dict[str, str] | None = None) -> list[str]:
    document, profile, segmentation = prose_inputs(text)
    mentions = hand_mentions(text, actors or {})
    return [m.name for m in find_schemes(document, profile, segmentation, mentions)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tilskuddsordning(en) for/til/rettet mot X
        (
            "Direktoratet forvalter tilskuddsordningen for lokale frivillighetssentraler.",
            ["Tilskuddsordning for lokale frivillighetssentraler"],
        ),
        (
            "Det opprettes en tilskuddsordning til trygge lekeplasser i 2031.",
            ["Tilskuddsordning til trygge lekeplasser"],
        ),
        (
            "Tilskuddsordningen rettet mot eldre bilførere skal evalueres.",
            ["Tilskuddsordning rettet mot eldre bilførere"],
        ),
        # a bare indefinite head, as in lists of measures
        (
            "- 4 mill. kroner til tilskuddsordning trygge skoleveier.",
            ["Tilskuddsordning for trygge skoleveier"],
        ),
        # other grant-like kinds of "ordning"
        (
            "Husbanken forvalter investeringsordningen for tilrettelagte boliger.",
            ["Investeringsordning for tilrettelagte boliger"],
        ),
        # tilskudd til <purpose>
        (
            "Av dette går 2 mill. kroner til tilskudd til rekruttering av jordmødre.",
            ["Tilskudd til rekruttering av jordmødre"],
        ),
        # compounds ending in -tilskudd(et)
        ("Fyrtårnstilskuddet fordeles etter søknad.", ["Fyrtårnstilskudd"]),
        ("Kommunene søker om nærmiljøtilskudd hvert år.", ["Nærmiljøtilskudd"]),
        (
            "Det gis et samhandlings- og fyrtårnstilskudd til kommunene.",
            ["Samhandlings- og fyrtårnstilskudd"],
        ),
        # generic compounds name a scheme only with a purpose
        (
            "Husbanken gir investeringstilskudd til trygge lekeplasser.",
            ["Investeringstilskudd til trygge lekeplasser"],
        ),
        ("Stimuleringstilskudd til kommunene videreføres.", ["Stimuleringstilskudd til kommunene"]),
        # a title after the head, with or without quotes
        (
            "Tilskuddsordning Trygg hverdag for eldre ble evaluert i fjor.",
            ["Trygg hverdag for eldre"],
        ),
        (
            "Vi har undersøkt ordningen «Tilskudd til trygge lekeplasser» nærmere.",
            ["Tilskudd til trygge lekeplasser"],
        ),
        ("Midlene går til abonnementsordningen Skolegrønt.", ["Skolegrønt"]),
    ],
)
def test_schemes_shapes_name_the_scheme(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # generic words alone
        "Tilskuddsordningen skal evalueres innen utgangen av året.",
        "Direktoratet forvalter 157 tilskuddsordninger.",
        "Tilskuddet utbetales i to terminer.",
        # a one-off grant to a named organisation
        "Det gis 3 mill. kroner i driftstilskudd til Lekeplassforeningen.",
        "Det gis et tilskudd til Norsk Lekeplassforbund for drift.",
        # a recipient group or a generic word is no purpose
        "Tilskudd til kommuner er økt med 4 prosent.",
        "Tilskuddsordningen for kommunene videreføres.",
        "Tilskudd til universitetene er økt.",
        "Midlene gis som tilskudd til prosjekter som fremmer lek.",
        "Det gis tilskudd til å utvikle nye tjenester.",
        "Ordningen gir tilskudd til forskning.",
        # supplements, block grants and a post's title
        "Kosttilskudd anbefales ikke for barn.",
        "Rammetilskuddet til kommunene økes.",
        "Kap. 799 Særskilte tilskudd til trygge lekeplasser",
    ],
)
def test_schemes_shapes_drop_generic_words(text: str) -> None:
    assert names(text) == []


def test_schemes_shapes_drop_a_purpose_naming_an_organisation() -> None:
    text = "Midlene går til tilskudd til lekeplassforeningen Trygg lek."
    assert names(text) == []
    mentioned = "Midlene går til tilskudd til lekeplassforeningen i Bergen."
    assert names(mentioned, {"lekeplassforeningen i Bergen": "Lekeplassforeningen"}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the phrase stops at a verb, a year, a reference or the end of the sentence
        (
            "Tilskuddsordningen for trygge lekeplasser skal evalueres i 2031.",
            "Tilskuddsordning for trygge lekeplasser",
        ),
        (
            "Tilskuddsordningen for trygge lekeplasser i 2031 er avviklet.",
            "Tilskuddsordning for trygge lekeplasser",
        ),
        (
            "Det gis tilskudd til trygge lekeplasser over kap. 799, post 60.",
            "Tilskudd til trygge lekeplasser",
        ),
        (
            "Kap. 799, post 60 Tilskuddsordning for trygge lekeplasser\nSøknadsfristen er i mars.",
            "Tilskuddsordning for trygge lekeplasser",
        ),
        # an enumeration and a coordinated word stay in the name
        (
            "Tilskuddsordningen for lek, idrett og friluftsliv videreføres.",
            "Tilskuddsordning for lek, idrett og friluftsliv",
        ),
        (
            "Tilskuddsordningen for rådgivnings-, støtte- og veiledningstjenester videreføres.",
            "Tilskuddsordning for rådgivnings-, støtte- og veiledningstjenester",
        ),
        # a recipient group defined by what it does
        (
            "Tilskuddsordningen til frivillige organisasjoner som driver lekeplasser, evalueres.",
            "Tilskuddsordning til frivillige organisasjoner som driver lekeplasser",
        ),
    ],
)
def test_schemes_shapes_phrase_ends(text: str, expected: str) -> None:
    assert names(text) == [expected]
