"""The actor registry: loading, tolerant lookup, names shared over a rename, changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.actors import ActorRegistry, load_registry_from
from kg.actors.names import fold, genitive_stems, is_case_sensitive, spellings
from kg.records import ActorType, RelationKind

LOOKUPS = [
    # (as written, canonical name)
    ("Helsedirektoratet", "Helsedirektoratet"),
    ("Helsedirektoratets", "Helsedirektoratet"),
    ("HELSEDIREKTORATET", "Helsedirektoratet"),
    ("Hdir", "Helsedirektoratet"),
    ("Hdirs", "Helsedirektoratet"),
    ("FHI", "Folkehelseinstituttet"),
    ("FHIs", "Folkehelseinstituttet"),
    ("FHI's", "Folkehelseinstituttet"),
    ("FHI’s", "Folkehelseinstituttet"),
    ("Nasjonalt Folkehelseinstitutt", "Folkehelseinstituttet"),
    ("Helse- og omsorgsdepartementet", "Helse- og omsorgsdepartementet"),
    ("Helse og omsorgsdepartementet", "Helse- og omsorgsdepartementet"),
    ("Helse – og omsorgsdepartementets", "Helse- og omsorgsdepartementet"),
    ("HELSE- OG OMSORGSDEPARTEMENTET", "Helse- og omsorgsdepartementet"),
    ("Direktoratet for ehelse", "Direktoratet for e-helse"),
    ("Direktoratet for eHelse", "Direktoratet for e-helse"),
    ("Direktoratet  for\u00a0e‑helse", "Direktoratet for e-helse"),
    ("Helse Sør–Øst RHF", "Helse Sør-Øst RHF"),
    ("Helse Sør-Øst", "Helse Sør-Øst RHF"),
    ("Statsforvalterens", "Statsforvalteren"),
    ("Statsforvalterne", "Statsforvalteren"),
    ("Pasient og brukerombudene", "Pasient- og brukerombudet"),
    ("NAV", "Arbeids- og velferdsetaten"),
    ("Nav", "Arbeids- og velferdsetaten"),
]


@pytest.mark.parametrize(("written", "canonical"), LOOKUPS)
def test_registry_lookup_tolerates_how_text_writes_a_name(
    actor_registry: ActorRegistry, written: str, canonical: str
) -> None:
    actor = actor_registry.lookup(written)
    assert actor is not None, written
    assert actor.name == canonical


@pytest.mark.parametrize(
    "written",
    [
        "fhi",  # a short name keeps its case
        "HDIR-x",
        "NAVS",
        "virke",  # marked case_sensitive: also an ordinary word
        "direktoratet",
        "Helsedirektoratene",  # a plural the registry does not list
        "Helse Nord-Norge",
    ],
)
def test_registry_lookup_refuses_what_is_not_a_listed_name(
    actor_registry: ActorRegistry, written: str
) -> None:
    assert actor_registry.lookup(written) is None


@pytest.mark.parametrize(
    ("on_date", "canonical"),
    [
        ("2010-06-30", "Justis- og politidepartementet"),
        ("2012-01-01", "Justis- og beredskapsdepartementet"),
    ],
)
def test_registry_shared_alias_resolves_to_the_body_of_its_date(
    actor_registry: ActorRegistry, on_date: str, canonical: str
) -> None:
    assert actor_registry.candidates("JD") == (
        "Justis- og beredskapsdepartementet",
        "Justis- og politidepartementet",
    )
    actor = actor_registry.lookup("JD", on_date)
    assert actor is not None and actor.name == canonical


def test_registry_shared_alias_without_date_is_the_current_body(
    actor_registry: ActorRegistry,
) -> None:
    actor = actor_registry.lookup("JD")
    assert actor is not None and actor.name == "Justis- og beredskapsdepartementet"


@pytest.mark.parametrize(
    ("name", "on_date", "successor"),
    [
        ("Statens legemiddelverk", "2023-12-31", None),
        ("Statens legemiddelverk", "2024-01-01", "Direktoratet for medisinske produkter"),
        ("Legemiddelverkets", "2024-06-30", "Direktoratet for medisinske produkter"),
        ("Direktoratet for e-helse", "2024-03-01", "Helsedirektoratet"),
        ("Fylkesmannen", "2022-01-01", "Statsforvalteren"),
        ("Helsedirektoratet", "2024-03-01", None),
    ],
)
def test_registry_successor_follows_changes_up_to_a_date(
    actor_registry: ActorRegistry, name: str, on_date: str, successor: str | None
) -> None:
    found = actor_registry.successor(name, on_date)
    assert (found.name if found else None) == successor


@pytest.mark.parametrize(
    ("name", "on_date", "predecessor"),
    [
        ("Direktoratet for medisinske produkter", "2022-06-30", "Statens legemiddelverk"),
        ("DMP", "2024-06-30", None),
        ("Statsforvalteren", "2018-01-01", "Fylkesmannen"),
        ("Helsedirektoratet", "2022-01-01", None),  # a merger is not a rename
    ],
)
def test_registry_predecessor_is_the_earlier_name_of_a_renamed_body(
    actor_registry: ActorRegistry, name: str, on_date: str, predecessor: str | None
) -> None:
    found = actor_registry.predecessor(name, on_date)
    assert (found.name if found else None) == predecessor


@pytest.mark.parametrize(
    ("canonical", "on_date", "existed"),
    [
        ("Statens legemiddelverk", "2023-12-31", True),
        ("Statens legemiddelverk", "2024-01-01", False),
        ("Direktoratet for medisinske produkter", "2023-12-31", False),
        ("Direktoratet for medisinske produkter", "2024-01-01", True),
        ("Helsedirektoratet", "2020-01-01", True),
    ],
)
def test_registry_existed_reads_the_changes(
    actor_registry: ActorRegistry, canonical: str, on_date: str, existed: bool
) -> None:
    assert actor_registry.existed(canonical, on_date) is existed


def test_registry_reads_every_column(actor_registry: ActorRegistry) -> None:
    helfo = actor_registry.get("Helseøkonomiforvaltningen")
    assert helfo is not None
    assert helfo.type is ActorType.AGENCY
    assert helfo.aliases == ("Helfo",)
    assert helfo.parent == "Helsedirektoratet"
    assert [c.kind for c in actor_registry.changes_of("Statens legemiddelverk")] == [
        RelationKind.RENAMED_TO
    ]


@pytest.mark.parametrize(
    ("registry_csv", "changes_csv", "message"),
    [
        (
            "canonical_name,type,aliases,parent,identifier,note\nX,agencyy,,,,\n",
            "",
            "unknown actor type",
        ),
        (
            "canonical_name,type,aliases,parent,identifier,note\nX,agency,,,,\n",
            "kind,old,new,date,note\nrenamed_to,X,Y,2020-01-01,\n",
            "'Y' not listed",
        ),
        (
            "canonical_name,type,aliases,parent,identifier,note\nX,agency,,,,\nY,agency,,,,\n",
            "kind,old,new,date,note\nsplit_into,X,Y,2020-01-01,\n",
            "renamed_to or merged_into",
        ),
    ],
)
def test_registry_bad_rows_fail_with_the_reason(
    tmp_path: Path, registry_csv: str, changes_csv: str, message: str
) -> None:
    (tmp_path / "registry.csv").write_text(registry_csv, encoding="utf-8")
    (tmp_path / "changes.csv").write_text(
        changes_csv or "kind,old,new,date,note\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=message):
        load_registry_from(tmp_path / "registry.csv", tmp_path / "changes.csv")


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        (
            "Helse- og omsorgsdepartementet",
            ["Helse og omsorgsdepartementet", "Helse- og omsorgsdepartementets"],
        ),
        (
            "Barne-, ungdoms- og familiedirektoratet",
            ["Barne- ungdoms- og familiedirektoratet", "Barne, ungdoms og familiedirektoratet"],
        ),
        ("Barne- ungdoms- og familiedirektoratet", ["Barne-, ungdoms- og familiedirektoratet"]),
        ("Direktoratet for e-helse", ["Direktoratet for ehelse", "Direktoratet for e-helses"]),
    ],
)
def test_names_spellings_cover_hyphen_comma_and_genitive_variants(
    name: str, variants: list[str]
) -> None:
    written = spellings(name, case_sensitive=False)
    for variant in variants:
        assert variant in written


@pytest.mark.parametrize(
    ("name", "variants"),
    [("Ukom", ["UKOM", "Ukoms"]), ("Helfo", ["HELFO", "HELFOs"]), ("KS", ["KS'", "KSs"])],
)
def test_names_spellings_of_short_names_add_their_capitals(name: str, variants: list[str]) -> None:
    written = spellings(name, case_sensitive=True)
    for variant in variants:
        assert variant in written


@pytest.mark.parametrize(
    ("name", "case_sensitive"),
    [
        ("FHI", True),
        ("Helfo", True),
        ("Bufdir", True),
        ("eHelse", True),
        ("Husbanken", False),
        ("Statens helsetilsyn", False),
    ],
)
def test_names_short_names_and_acronyms_are_case_sensitive(name: str, case_sensitive: bool) -> None:
    assert is_case_sensitive(name) is case_sensitive


def test_names_acronyms_are_not_written_in_lower_case() -> None:
    assert "Leve" not in spellings("LEVE", case_sensitive=True)


@pytest.mark.parametrize(
    ("written", "stems"),
    [("FHIs", ("FHI",)), ("NAV's", ("NAV", "NAV'")), ("KS'", ("KS",)), ("Helsedirektoratet", ())],
)
def test_names_genitive_stems(written: str, stems: tuple[str, ...]) -> None:
    assert genitive_stems(written) == stems


def test_names_fold_ignores_case_hyphens_dashes_and_spaces() -> None:
    assert fold("Helse Sør–Øst RHF") == fold("HELSE SØR-ØST RHF") == fold("Helse SørØst  RHF")
    assert fold("Helse Nord RHF") != fold("Helse Sør-Øst RHF")
