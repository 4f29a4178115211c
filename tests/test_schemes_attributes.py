"""What a text says of a scheme: its post, administrator, recipients and number."""

from __future__ import annotations

import pytest
from conftest import REPORT_PROFILE, hand_mentions, prose_inputs

from kg.records import SchemeMention
from kg.schemes import find_schemes

ACTORS = {
    "Helsedirektoratet": "Helsedirektoratet",
    "Fylkesmennene": "Statsforvalteren",
    "statsforvalterne": "Statsforvalteren",
    "Husbanken": "Husbanken",
}


def schemes(text: str, profile_name: str = "letter") -> tuple[SchemeMention, ...]:
    document, profile, segmentation = prose_inputs(text)
    if profile_name == "report":
        profile = REPORT_PROFILE
    return find_schemes(document, profile, segmentation, hand_mentions(text, ACTORS))


@pytest.mark.parametrize(
    ("text", "kap", "post"),
    [
        # an explicit reference in the sentence, written three ways
        ("Det gis tilskudd til trygge lekeplasser over kap. 799, post 60.", 799, 60),
        ("Fyrtårnstilskuddet (798.61) fordeles etter søknad.", 798, 61),
        ("Fyrtårnstilskuddet på 0798.62 fordeles etter søknad.", 798, 62),
        # the section it stands in
        ("Kap. 797, post 63 Lek\nFyrtårnstilskuddet fordeles etter søknad.", 797, 63),
        (
            "Kap. 796 Lek og idrett\nPost 64 Tiltak\nFyrtårnstilskuddet fordeles etter søknad.",
            796,
            64,
        ),
        # a reference in the sentence wins over the section
        ("Kap. 797, post 63 Lek\nFyrtårnstilskuddet flyttes til kap. 795, post 21.", 795, 21),
        # a numbered section says nothing of the post
        ("2.1.3 Lek og idrett\nFyrtårnstilskuddet fordeles etter søknad.", None, None),
    ],
)
def test_schemes_attributes_post(text: str, kap: int | None, post: int | None) -> None:
    (found,) = schemes(text)
    assert (found.kap, found.post) == (kap, post)


@pytest.mark.parametrize(
    ("text", "administrator"),
    [
        ("Fyrtårnstilskuddet forvaltes av Husbanken fra 2031.", "Husbanken"),
        ("Fylkesmennene skal forvalte fyrtårnstilskuddet til kommunene.", "Statsforvalteren"),
        (
            "Helsedirektoratet skal forvalte tilskuddsordningen for trygge lekeplasser.",
            "Helsedirektoratet",
        ),
        (
            "Det gis 2 mill. kroner til Fylkesmennene til oppfølging av planen og "
            "forvaltning av tilskudd til trygge lekeplasser.",
            "Statsforvalteren",
        ),
        # the addressee of an allocation letter that is given money for it
        (
            "Kap. 797, post 63 Lek\nHelsedirektoratet tildeles 4 mill. kroner.\n"
            "Midlene går til fyrtårnstilskuddet.",
            "Helsedirektoratet",
        ),
        # nothing said
        ("Fyrtårnstilskuddet fordeles etter søknad.", None),
    ],
)
def test_schemes_attributes_administrator(text: str, administrator: str | None) -> None:
    found = schemes(text)
    assert {s.administered_by for s in found if s.surface.casefold() != "tilskuddet"} == {
        administrator
    }


def test_schemes_attributes_addressee_only_in_allocation_letters() -> None:
    lines = (
        "Kap. 797, post 63 Lek",
        "Helsedirektoratet tildeles 4 mill. kroner.",
        "Fyrtårnstilskuddet økes.",
    )
    text = "\n".join(lines)
    (found,) = schemes(text, "report")
    assert found.administered_by is None


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Det gis et fyrtårnstilskudd til kommunene.", "kommuner"),
        ("Det gis et lekeplasstilskudd til fylkeskommunene.", "fylkeskommuner"),
        (
            "Tilskuddsordningen til ideelle og frivillige organisasjoner som driver lek, økes.",
            "frivillige og ideelle organisasjoner",
        ),
        ("Fyrtårnstilskuddet fordeles etter søknad.", None),
    ],
)
def test_schemes_attributes_recipient_group(text: str, group: str | None) -> None:
    (found,) = schemes(text)
    assert found.recipient_group == group


@pytest.mark.parametrize(
    ("text", "scheme_id"),
    [
        ("Tilskuddsordningen for trygge lekeplasser (870999) ble evaluert.", "870999"),
        ("Fyrtårnstilskuddet, ordning nr. 123, ble evaluert.", "123"),
        ("Fyrtårnstilskuddet (ordningsnummer 870998) ble evaluert.", "870998"),
        ("Fyrtårnstilskuddet ble evaluert.", None),
    ],
)
def test_schemes_attributes_scheme_number(text: str, scheme_id: str | None) -> None:
    (found,) = schemes(text)
    assert found.scheme_id == scheme_id


def test_schemes_attributes_table_rows() -> None:
    text = (
        "Tabell 4-1 Evaluerte tilskuddsordninger\n"
        "Tilskuddsordning\tKap. post\tBudsjett\n"
        "Trygg hverdag for eldre (870997)\t797.72\t12 000 000\n"
        "Lekeplasser i nærmiljøet\t0797.73\t3 000 000\n"
        "\n"
        "Teksten fortsetter her."
    )
    found = schemes(text, "report")
    assert [(s.name, s.kap, s.post, s.scheme_id) for s in found] == [
        ("Trygg hverdag for eldre", 797, 72, "870997"),
        ("Lekeplasser i nærmiljøet", 797, 73, None),
    ]


def test_schemes_attributes_anaphora_resolved_within_its_section() -> None:
    text = (
        "Kap. 797, post 61 Fyrtårnstilskuddet\n"
        "Helsedirektoratet tildeles 9 mill. kroner.\n"
        "Tilskuddet fordeles etter antall innbyggere."
    )
    found = schemes(text)
    assert [(s.surface, s.name, s.kap, s.post) for s in found] == [
        ("Fyrtårnstilskuddet", "Fyrtårnstilskudd", 797, 61),
        ("Tilskuddet", "Fyrtårnstilskudd", 797, 61),
    ]


def test_schemes_attributes_anaphora_dropped_when_uncertain() -> None:
    text = (
        "Kap. 797, post 63 Lek\n"
        "Fyrtårnstilskuddet og nærmiljøtilskuddet videreføres.\n"
        "Tilskuddet fordeles etter antall innbyggere."
    )
    assert [s.surface for s in schemes(text)] == ["Fyrtårnstilskuddet", "nærmiljøtilskuddet"]


def test_schemes_attributes_provenance() -> None:
    text = "Innledning.\nKommunene får\nfyrtårnstilskuddet etter søknad."
    (found,) = schemes(text)
    assert (found.document, found.line, found.surface) == ("doc.txt", 3, "fyrtårnstilskuddet")
