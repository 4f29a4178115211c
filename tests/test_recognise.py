"""kg.recognise: document kind, fiscal year, issuer and addressee from the text alone."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import make_document

from kg.recognise import Actor, ActorRegistry, collapse, load_actors, load_rules, prepare, recognise
from kg.recognise.rules import parse_rules
from kg.records import DocumentKind, Profile
from kg.rules import data_path

HOD = "Helse- og omsorgsdepartementet"
HDIR = "Helsedirektoratet"

RULES = load_rules()
CUES = [
    pytest.param(cue.pattern, cue.example, id=f"{sig.kind}-{i}")
    for sig in RULES.signatures
    for i, cue in enumerate(sig.cues)
]
YEAR_CUES = [
    pytest.param(cue.pattern, cue.example, id=f"{sig.kind}-year-{i}")
    for sig in RULES.signatures
    for i, cue in enumerate(sig.years)
]
CHAPTER_PATTERNS = [
    pytest.param(c.pattern, c.example, id=f"chapter-{i}")
    for i, c in enumerate(RULES.chapter_patterns)
]


# --------------------------------------------------------------------------- rules as data


@pytest.mark.parametrize(("pattern", "example"), CUES + YEAR_CUES + CHAPTER_PATTERNS)
def test_recognise_pattern_matches_its_example(pattern: re.Pattern[str], example: str) -> None:
    assert pattern.search(prepare(example)), f"{pattern.pattern!r} does not match {example!r}"


@pytest.mark.parametrize(("pattern", "example"), YEAR_CUES + CHAPTER_PATTERNS)
def test_recognise_pattern_example_captures_a_number(
    pattern: re.Pattern[str], example: str
) -> None:
    match = pattern.search(prepare(example))
    assert match is not None and match.group(1).isdigit()


def _rules_data() -> dict[str, Any]:
    import tomllib

    with data_path("recognition.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return data


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["kinds"][0]["cues"][0].update(pattern="Forslag"), "lower case"),
        (lambda d: d["kinds"][0]["years"][0].update(pattern="forslag \\d{4}"), "capture group"),
        (lambda d: d["kinds"][0].update(issuer="king"), "unknown role"),
    ],
)
def test_recognise_rules_refuse_malformed_entries(edit: Any, message: str) -> None:
    data = _rules_data()
    edit(data)
    with pytest.raises(ValueError, match=message):
        parse_rules(data)


def test_recognise_rules_name_known_bodies() -> None:
    registry = load_actors()
    types = {actor.type for actor in registry.actors.values()}
    for role in RULES.roles.values():
        assert role.types <= types, role.name
        assert role.default is None or role.default in registry.actors
    for span in RULES.chapter_ranges:
        assert registry.actors[span.ministry].type == "ministry"


def test_recognise_chapter_ranges_do_not_overlap() -> None:
    spans = sorted((s.first, s.last) for s in RULES.chapter_ranges)
    assert all(a_last < b_first for (_, a_last), (b_first, _) in itertools.pairwise(spans))


# --------------------------------------------------------------------------- text and names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forslag \n\n2024", "Forslag 2024"),
        ("Saldert \n\nbudsjett 2023", "Saldert budsjett 2023"),
        ("519\xa0142\t516 326", "519 142 516 326"),
        ("  Side 6 \n", "Side 6"),
    ],
)
def test_recognise_collapse_joins_lines_and_whitespace(text: str, expected: str) -> None:
    assert collapse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Helsedirektoratets arbeid og Helsedirektoratet", {HDIR: 2}),
        ("HELSEDIREKTORATET – ÅRSRAPPORT 2021", {HDIR: 1}),
        ("Hdir og HOD møtes", {HDIR: 1, HOD: 1}),
        ("et nav i nettverket", {}),
        ("NAV og FHI", {"Arbeids- og velferdsdirektoratet": 1, "Folkehelseinstituttet": 1}),
        ("Fylkesmannen i Vestland", {"Statsforvalteren": 1}),
        ("Helse Nord-Trøndelag HF", {}),
        ("Helse Nord RHF og Helse Nord", {"Helse Nord RHF": 2}),
        ("e-Helsedirektoratet", {}),
    ],
)
def test_recognise_actor_mentions(text: str, expected: dict[str, int]) -> None:
    found, _ = load_actors().mentions(text)
    assert found == Counter(expected)


def test_recognise_actor_registry_refuses_a_name_given_twice() -> None:
    actors = (Actor("Alfa", "agency", ("AB",)), Actor("Beta", "agency", ("AB",)))
    with pytest.raises(ValueError, match="names both"):
        ActorRegistry(actors)


def test_recognise_actor_boost_counts_mentions_followed_by_the_cue() -> None:
    boost = re.compile(r"s? tildeles")
    text = "Helsedirektoratet tildeles 5 mill. kroner. Helsedirektoratet skal. FHI tildeles 1."
    found, boosted = load_actors().mentions(text, boost)
    assert found == Counter({HDIR: 2, "Folkehelseinstituttet": 1})
    assert boosted == Counter({HDIR: 1, "Folkehelseinstituttet": 1})


# --------------------------------------------------------------------------- the real corpus

CORPUS = [
    ("000_2e905213e9a4b265.txt", DocumentKind.ANNUAL_REPORT, 2021, HDIR, HOD),
    ("001_6382bfd4d7ccf047.txt", DocumentKind.ANNUAL_REPORT, 2024, HDIR, HOD),
    ("002_595c027574c5148c.txt", DocumentKind.ALLOCATION_LETTER, 2022, HOD, HDIR),
    ("003_d62e51bcdbdb728a.txt", DocumentKind.ALLOCATION_LETTER, 2018, HOD, HDIR),
    ("004_28f9ebd08dfe747d.txt", DocumentKind.BUDGET_PROPOSITION, 2024, HOD, "Stortinget"),
]
CORPUS_IDS = [row[0][:3] for row in CORPUS]


def _corpus_text(corpus_dir: Path, name: str) -> str:
    path = corpus_dir / name
    if not path.is_file():
        pytest.skip(f"{name} not in {corpus_dir}")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "kind", "year", "issuer", "addressee"), CORPUS, ids=CORPUS_IDS)
def test_recognise_corpus_document(
    corpus_dir: Path, name: str, kind: DocumentKind, year: int, issuer: str, addressee: str
) -> None:
    profile = recognise(make_document(_corpus_text(corpus_dir, name), name))
    assert (profile.kind, profile.fiscal_year, profile.issuer, profile.addressee) == (
        kind,
        year,
        issuer,
        addressee,
    )
    assert profile.evidence[0].startswith(f"kind {kind}")


@pytest.mark.parametrize("name", [row[0] for row in CORPUS], ids=CORPUS_IDS)
def test_recognise_corpus_renamed_copy_is_the_same(corpus_dir: Path, name: str) -> None:
    text = _corpus_text(corpus_dir, name)
    original = recognise(make_document(text, name))
    assert recognise(make_document(text, "budget_2019_misc.txt")) == original


@pytest.mark.parametrize(("name", "kind", "year", "issuer", "addressee"), CORPUS, ids=CORPUS_IDS)
def test_recognise_corpus_first_30_percent(
    corpus_dir: Path, name: str, kind: DocumentKind, year: int, issuer: str, addressee: str
) -> None:
    lines = _corpus_text(corpus_dir, name).splitlines()
    profile = recognise(make_document("\n".join(lines[: len(lines) * 3 // 10]), name))
    assert (profile.kind, profile.fiscal_year) == (kind, year)


# --------------------------------------------------------------------------- not our documents

RECIPE = """Kjøttkaker i brun saus

Ingredienser (4 porsjoner)
600 g kjøttdeig av storfe
1 ts salt og 1/2 ts pepper
2 dl melk

Bland kjøttdeig og salt godt, tilsett pepper og spe med melk litt etter litt.
Stek kakene i smør, lag en brun saus og la kakene trekke i et kvarter.
"""

NEWS = """Regjeringen vil bruke mer penger på helse i 2024

Regjeringen la fredag fram forslaget til statsbudsjett for 2024. Helse- og
omsorgsdepartementet sier at sykehusene får mer enn i fjor, jf. Prop. 1 S (2023–2024).
Bevilgningen foreslås økt med 10 mill. kroner til fastleger, og Helsedirektoratet
tildeles flere oppgaver. Stortinget skal behandle budsjettet i løpet av høsten.
Budsjettet omtaler også tildelingsbrev og årsrapport 2023 fra direktoratet.
"""

WEATHER = """Været i helgen

Meteorologisk institutt melder om kraftig vind langs kysten av Vestlandet lørdag.
På Østlandet blir det kaldt, ned mot minus 15 grader i indre strøk.
I 2023 har det vært flere stormer enn normalt, og for 2024 venter forskerne mer ekstremvær.
"""

ENGLISH = """Annual general meeting of the Riverside Chess Club

The club met on 14 March 2024. The treasurer presented the accounts for 2023,
which showed a small surplus. The board proposed to raise the fee for 2024, and
the proposal was carried. The allocation of tables for the 2024 tournament was agreed.
"""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (RECIPE, "recipe.txt"),
        (NEWS, "news.txt"),
        (WEATHER, "weather.txt"),
        (ENGLISH, "english.txt"),
        ("", "empty.txt"),
        (RECIPE, "tildelingsbrev_2022_helsedirektoratet.txt"),
    ],
    ids=["recipe", "news-about-the-budget", "weather", "english", "empty", "misleading-name"],
)
def test_recognise_unrelated_text_is_other(text: str, name: str) -> None:
    profile = recognise(make_document(text, name))
    assert profile == Profile(DocumentKind.OTHER, None, None, None, 0.0, profile.evidence), (
        profile.evidence
    )
    assert profile.evidence[0].startswith("kind other")


def test_recognise_citations_do_not_outweigh_own_structure() -> None:
    """A letter that cites the proposition many times is still a letter."""
    letter = "\n".join(
        [
            "1 Innledning",
            *["Det vises til Prop. 1 S (2021–2022) og Innst. 11 S (2021–2022)."] * 12,
            "2.1.2 Tildelinger",
            "Alle tall i hele tusen",
            "Kap. Post Postnavn Bevilgning 2022 Tildeling 2022",
            "740 01 Driftsutgifter 1 233 356 1 233 356",
            "Kap. 740, post 01 Driftsutgifter",
            "Helsedirektoratet tildeles totalt 10 mill. kroner.",
            "Departementet ber Helsedirektoratet om å rapportere i årsrapporten.",
        ]
    )
    profile = recognise(make_document(letter))
    assert (profile.kind, profile.fiscal_year, profile.issuer, profile.addressee) == (
        DocumentKind.ALLOCATION_LETTER,
        2022,
        HOD,
        HDIR,
    )
