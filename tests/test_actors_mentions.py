"""find_mentions: paragraphs, positions, document context, and what is not a mention."""

from __future__ import annotations

import pytest
from conftest import make_document

from kg.actors import ActorRegistry, find_mentions, paragraphs
from kg.records import ActorMention, DocumentKind, Profile

HOD = "Helse- og omsorgsdepartementet"
HDIR = "Helsedirektoratet"
LETTER_2022 = Profile(DocumentKind.ALLOCATION_LETTER, 2022, HOD, HDIR)
LETTER_2024 = Profile(DocumentKind.ALLOCATION_LETTER, 2024, HOD, HDIR)
REPORT_2021 = Profile(DocumentKind.ANNUAL_REPORT, 2021, HDIR, HOD)
PROPOSITION = Profile(DocumentKind.BUDGET_PROPOSITION, 2024, HOD, "Stortinget")
UNKNOWN = Profile(DocumentKind.OTHER, None, None, None)


def mentions(text: str, profile: Profile, registry: ActorRegistry) -> tuple[ActorMention, ...]:
    return find_mentions(make_document(text), profile, registry=registry)


def test_mentions_carry_line_column_surface_and_rule(actor_registry: ActorRegistry) -> None:
    text = (
        "Innledning\n"
        "Det vises til brev fra Helse- og \n"
        "omsorgsdepartementet og FHI.\n"
        "\n"
        "   Helsedirektoratets ansvar"
    )
    assert mentions(text, UNKNOWN, actor_registry) == (
        ActorMention(HOD, "Helse- og omsorgsdepartementet", 2, 23, "registry"),
        ActorMention("Folkehelseinstituttet", "FHI", 3, 24, "registry"),
        ActorMention(HDIR, "Helsedirektoratets", 5, 3, "registry"),
    )


def test_mentions_column_points_at_the_surface_in_its_line(actor_registry: ActorRegistry) -> None:
    text = "Tabell 1\n\tHelse Nord RHF\t120\n  Sum for Statens helsetilsyn og\n  Trondheim kommune"
    document = make_document(text)
    for mention in find_mentions(document, UNKNOWN, registry=actor_registry):
        line = document.lines[mention.line - 1].text
        assert line[mention.column :].startswith(mention.surface.split(" ")[0])


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        (
            "Direktoratet for medisinske \n\nprodukter 462 862",
            1,
        ),  # a table cell wrapped over a blank
        ("Vi bygger nytt\npå Kalnes, Sykehuset\n\nØstfold HF.", 1),  # a page break inside a name
        ("Post 70 \n\nHelsedirektoratet tildeles 3 mill.", 2),  # a number closes the block
        ("1.2 Hurdalsplattformen\n\nDepartementet viser til", 2),  # a heading is not continued
        ("Første avsnitt slutter her.\n\nandre avsnitt", 2),
        ("et avsnitt uten punktum\n\n\n\nlangt senere", 2),  # too many blank lines
    ],
)
def test_mentions_paragraphs_continue_only_open_sentences(text: str, blocks: int) -> None:
    assert len(list(paragraphs(make_document(text)))) == blocks


def test_mentions_name_over_a_page_break_is_one_mention(actor_registry: ActorRegistry) -> None:
    text = "- Nytt stråle- og somatikkbygg på Kalnes, Sykehuset\n\nØstfold HF."
    [mention] = mentions(text, UNKNOWN, actor_registry)
    assert (mention.actor, mention.surface, mention.line) == (
        "Sykehuset Østfold HF",
        "Sykehuset Østfold HF",
        1,
    )


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (LETTER_2022, [(HOD, "Departementet"), (HDIR, "direktoratet"), (HDIR, "Direktoratets")]),
        (REPORT_2021, [(HOD, "Departementet"), (HDIR, "direktoratet"), (HDIR, "Direktoratets")]),
        (PROPOSITION, []),
        (UNKNOWN, []),
    ],
)
def test_mentions_generic_words_follow_the_document_roles(
    actor_registry: ActorRegistry, profile: Profile, expected: list[tuple[str, str]]
) -> None:
    text = "Departementet ber direktoratet om svar.\n\nDirektoratets svar kom."
    found = mentions(text, profile, actor_registry)
    assert [(m.actor, m.surface) for m in found] == expected
    assert all(m.rule == "generic" for m in found)


def test_mentions_renamed_body_keeps_the_name_of_its_year(actor_registry: ActorRegistry) -> None:
    old = mentions("Statens legemiddelverk og Legemiddelverket", LETTER_2022, actor_registry)
    new = mentions("Direktoratet for medisinske produkter (DMP)", LETTER_2024, actor_registry)
    assert {m.actor for m in old} == {"Statens legemiddelverk"}
    assert {m.actor for m in new} == {"Direktoratet for medisinske produkter"}
    [change] = actor_registry.changes_of("Statens legemiddelverk")
    assert (change.old, change.new, change.date) == (
        "Statens legemiddelverk",
        "Direktoratet for medisinske produkter",
        "2024-01-01",
    )


def test_mentions_abbreviation_defined_once_serves_the_whole_document(
    actor_registry: ActorRegistry,
) -> None:
    text = (
        "Barne-, ungdoms- og familiedirektoratet (Bufdir) har ansvaret.\n"
        "\n"
        "Side 2.\n"
        "\n"
        "Bufdir skal rapportere, og Bufdirs rapport kommer."
    )
    found = mentions(text, LETTER_2022, actor_registry)
    assert [(m.surface, m.rule) for m in found] == [
        ("Barne-, ungdoms- og familiedirektoratet", "shape:direktoratet_coordinated"),
        ("Bufdir", "abbreviation"),
        ("Bufdir", "abbreviation"),
        ("Bufdirs", "abbreviation"),
    ]
    assert {m.actor for m in found} == {"Barne-, ungdoms- og familiedirektoratet"}


def test_mentions_spellings_of_one_unlisted_body_share_a_name(
    actor_registry: ActorRegistry,
) -> None:
    text = "med Norsk Tannvern AS og Norsk TANNVERN AS og Norsk Tannvern AS"
    assert {m.actor for m in mentions(text, UNKNOWN, actor_registry)} == {"Norsk Tannvern AS"}


NOT_MENTIONS = [
    "Kommunene og helseforetakene skal samarbeide med fylkeskommunene.",
    "Post 70 Tilskudd til kommuner, kan overføres",
    "Nasjonal helse- og sykehusplan (2020–2023)",
    "etter helse- og omsorgstjenesteloven og pasient- og brukerrettighetsloven",
    "Senteret og forbundet og foreningen og instituttet",
    "Kap. Post Betegnelse Regnskap 2022 Saldert budsjett 2023",
    "Direktoratet skal følge opp.",  # generic word in a document of unknown kind
]


@pytest.mark.parametrize("text", NOT_MENTIONS)
def test_mentions_generic_phrases_titles_and_laws_are_not_mentions(
    actor_registry: ActorRegistry, text: str
) -> None:
    assert mentions(text, UNKNOWN, actor_registry) == ()
