"""The organisation registry under kg/data/actors is clean reference data.

Reads the CSV files with the csv module only, so it does not depend on the code that
loads them. One behaviour per test; per-row checks are parametrised by canonical name.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections import defaultdict
from pathlib import Path

import pytest

from kg.records import ActorType, RelationKind

DATA_DIR = Path(__file__).resolve().parents[1] / "kg" / "data" / "actors"
REGISTRY_HEADER = ["canonical_name", "type", "aliases", "parent", "identifier", "note"]
CHANGES_HEADER = ["kind", "old", "new", "date", "note"]
CHANGE_KINDS = {RelationKind.RENAMED_TO.value, RelationKind.MERGED_INTO.value}

# Aliases that two bodies may share, each with the reason. Keep this list short: a
# shared alias can only be resolved by the date of the document that uses it.
ALLOWED_AMBIGUITY: dict[str, str] = {
    "JD": "abbreviation kept when Justis- og politidepartementet was renamed in 2012",
    "DFØ": "abbreviation kept when Direktoratet for økonomistyring was renamed in 2020",
}

# Words that name a kind of body, not a body: never an alias on their own.
GENERIC_WORDS = frozenset(
    {
        "banken",
        "byrået",
        "departementene",
        "departementet",
        "direktoratene",
        "direktoratet",
        "etaten",
        "etatene",
        "fagrådet",
        "forbundet",
        "foreningen",
        "foretaket",
        "fylkeskommunen",
        "fylkeskommunene",
        "helseforetaket",
        "helseforetakene",
        "høgskolen",
        "høyskolen",
        "instituttet",
        "klagenemnda",
        "kommisjonen",
        "kommunen",
        "kommunene",
        "nemnda",
        "ombudet",
        "organisasjonen",
        "rådet",
        "sekretariatet",
        "senteret",
        "sentrene",
        "staten",
        "stiftelsen",
        "styret",
        "sykehuset",
        "tilsynet",
        "universitetet",
        "utvalget",
    }
)

# Aliases that are also ordinary Norwegian words in lower case: the row's note must
# say case_sensitive so that a matcher never folds case for them.
COMMON_WORD_ALIASES = frozenset(
    {"aldring og helse", "delta", "mot", "nav", "nova", "parat", "unit", "virke"}
)

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
IDENTIFIER = re.compile(r"^NO-BRC-\d{9}$")
NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = [dict(zip(header, row, strict=True)) for row in reader]
    return header, rows


REGISTRY_FIELDS, REGISTRY = _read("registry.csv")
CHANGES_FIELDS, CHANGES = _read("changes.csv")
CANONICAL = {row["canonical_name"] for row in REGISTRY}
ROW_IDS = [row["canonical_name"] for row in REGISTRY]
CHANGE_IDS = [f"{change['old']} -> {change['new']}" for change in CHANGES]


def _aliases(row: dict[str, str]) -> list[str]:
    return row["aliases"].split("|") if row["aliases"] else []


def _owners() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in REGISTRY:
        for alias in _aliases(row):
            owners[alias].add(row["canonical_name"])
    return owners


def _sort_key(row: dict[str, str]) -> tuple[int, str]:
    order = list(ActorType)
    return order.index(ActorType(row["type"])), row["canonical_name"].casefold().translate(
        NORWEGIAN_ORDER
    )


def test_actor_registry_header_is_exact() -> None:
    assert REGISTRY_FIELDS == REGISTRY_HEADER


def test_actor_registry_changes_header_is_exact() -> None:
    assert CHANGES_FIELDS == CHANGES_HEADER


def test_actor_registry_covers_broadly() -> None:
    assert len(REGISTRY) >= 400
    assert {ActorType(row["type"]) for row in REGISTRY} >= set(ActorType) - {ActorType.OTHER}


def test_actor_registry_canonical_names_are_unique() -> None:
    names = [row["canonical_name"] for row in REGISTRY]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def test_actor_registry_is_sorted_by_type_then_name() -> None:
    assert sorted(REGISTRY, key=_sort_key) == REGISTRY


@pytest.mark.parametrize("row", REGISTRY, ids=ROW_IDS)
def test_actor_registry_type_is_an_actor_type(row: dict[str, str]) -> None:
    assert row["type"] in {member.value for member in ActorType}


@pytest.mark.parametrize("row", REGISTRY, ids=ROW_IDS)
def test_actor_registry_fields_have_no_stray_whitespace(row: dict[str, str]) -> None:
    values = [*row.values(), *_aliases(row)]
    assert all(value == value.strip() and "  " not in value for value in values)
    assert row["canonical_name"]


@pytest.mark.parametrize("row", REGISTRY, ids=ROW_IDS)
def test_actor_registry_aliases_are_distinct_within_a_row(row: dict[str, str]) -> None:
    aliases = _aliases(row)
    assert "" not in aliases
    assert len(aliases) == len(set(aliases))
    assert row["canonical_name"] not in aliases


@pytest.mark.parametrize("row", REGISTRY, ids=ROW_IDS)
def test_actor_registry_alias_is_not_another_canonical_name(row: dict[str, str]) -> None:
    assert [alias for alias in _aliases(row) if alias in CANONICAL] == []


@pytest.mark.parametrize("row", REGISTRY, ids=ROW_IDS)
def test_actor_registry_alias_is_not_a_generic_word(row: dict[str, str]) -> None:
    aliases = _aliases(row)
    assert [alias for alias in aliases if alias.casefold() in GENERIC_WORDS] == []
    assert all(len(alias) >= 2 for alias in aliases)


@pytest.mark.parametrize("row", REGISTRY, ids=ROW_IDS)
def test_actor_registry_common_word_alias_is_marked_case_sensitive(row: dict[str, str]) -> None:
    names = [row["canonical_name"], *_aliases(row)]
    if any(name.casefold() in COMMON_WORD_ALIASES for name in names):
        assert "case_sensitive" in row["note"]


def test_actor_registry_alias_is_not_shared_unless_allowed() -> None:
    shared = {alias for alias, owners in _owners().items() if len(owners) > 1}
    assert sorted(shared - set(ALLOWED_AMBIGUITY)) == []


@pytest.mark.parametrize(("alias", "reason"), sorted(ALLOWED_AMBIGUITY.items()))
def test_actor_registry_allowed_ambiguity_is_still_needed(alias: str, reason: str) -> None:
    assert len(_owners()[alias]) > 1, f"{alias} is no longer shared: drop it ({reason})"


@pytest.mark.parametrize("row", REGISTRY, ids=ROW_IDS)
def test_actor_registry_parent_is_a_canonical_name(row: dict[str, str]) -> None:
    if row["parent"]:
        assert row["parent"] in CANONICAL
        assert row["parent"] != row["canonical_name"]


def test_actor_registry_parents_form_no_cycle() -> None:
    parent = {row["canonical_name"]: row["parent"] for row in REGISTRY if row["parent"]}
    for start in parent:
        seen = {start}
        node = parent.get(start)
        while node:
            assert node not in seen, f"parent cycle through {start}"
            seen.add(node)
            node = parent.get(node)


@pytest.mark.parametrize("row", REGISTRY, ids=ROW_IDS)
def test_actor_registry_identifier_is_a_brreg_number(row: dict[str, str]) -> None:
    if row["identifier"]:
        assert IDENTIFIER.match(row["identifier"])
        assert "orgnr from" in row["note"]


def test_actor_registry_identifiers_are_unique() -> None:
    identifiers = [row["identifier"] for row in REGISTRY if row["identifier"]]
    assert len(identifiers) == len(set(identifiers))


@pytest.mark.parametrize("change", CHANGES, ids=CHANGE_IDS)
def test_actor_registry_change_kind_is_rename_or_merge(change: dict[str, str]) -> None:
    assert change["kind"] in CHANGE_KINDS


@pytest.mark.parametrize("change", CHANGES, ids=CHANGE_IDS)
def test_actor_registry_change_endpoints_are_canonical_names(change: dict[str, str]) -> None:
    assert change["old"] in CANONICAL
    assert change["new"] in CANONICAL
    assert change["old"] != change["new"]


@pytest.mark.parametrize("change", CHANGES, ids=CHANGE_IDS)
def test_actor_registry_change_date_is_iso(change: dict[str, str]) -> None:
    assert ISO_DATE.match(change["date"])
    assert datetime.date.fromisoformat(change["date"]).year >= 1945


@pytest.mark.parametrize("change", CHANGES, ids=CHANGE_IDS)
def test_actor_registry_change_note_states_confidence(change: dict[str, str]) -> None:
    assert "confidence" in change["note"]


@pytest.mark.parametrize("change", CHANGES, ids=CHANGE_IDS)
def test_actor_registry_changed_body_is_marked_former(change: dict[str, str]) -> None:
    notes = {row["canonical_name"]: row["note"] for row in REGISTRY}
    assert notes[change["old"]].startswith("former")


def test_actor_registry_body_changes_at_most_once() -> None:
    olds = [change["old"] for change in CHANGES]
    assert sorted(o for o in set(olds) if olds.count(o) > 1) == []


def test_actor_registry_changes_form_no_cycle() -> None:
    successor = {change["old"]: change["new"] for change in CHANGES}
    for start in successor:
        seen = {start}
        node = successor.get(start)
        while node:
            assert node not in seen, f"change cycle through {start}"
            seen.add(node)
            node = successor.get(node)


def test_actor_registry_successor_changes_are_later() -> None:
    dated = {change["old"]: change["date"] for change in CHANGES}
    for change in CHANGES:
        if change["new"] in dated:
            assert dated[change["new"]] > change["date"], change["new"]


@pytest.mark.parametrize(
    ("old", "kind", "new", "date"),
    [
        (
            "Statens legemiddelverk",
            "renamed_to",
            "Direktoratet for medisinske produkter",
            "2024-01-01",
        ),
        ("Direktoratet for e-helse", "merged_into", "Helsedirektoratet", "2024-01-01"),
        ("Fylkesmannen", "renamed_to", "Statsforvalteren", "2021-01-01"),
        (
            "Statens strålevern",
            "renamed_to",
            "Direktoratet for strålevern og atomsikkerhet",
            "2019-01-01",
        ),
        (
            "Kommunal- og moderniseringsdepartementet",
            "renamed_to",
            "Kommunal- og distriktsdepartementet",
            "2022-01-01",
        ),
        (
            "Arbeids- og sosialdepartementet",
            "renamed_to",
            "Arbeids- og inkluderingsdepartementet",
            "2022-01-01",
        ),
        (
            "Barne- og likestillingsdepartementet",
            "renamed_to",
            "Barne- og familiedepartementet",
            "2022-01-01",
        ),
        ("Sivilombudsmannen", "renamed_to", "Sivilombudet", "2021-07-01"),
        (
            "Høgskolen i Oslo og Akershus",
            "renamed_to",
            "OsloMet – storbyuniversitetet",
            "2018-01-12",
        ),
        (
            "Nasjonalt kunnskapssenter for helsetjenesten",
            "merged_into",
            "Folkehelseinstituttet",
            "2016-01-01",
        ),
    ],
)
def test_actor_registry_lists_known_change(old: str, kind: str, new: str, date: str) -> None:
    assert {"kind": kind, "old": old, "new": new, "date": date} in [
        {key: change[key] for key in ("kind", "old", "new", "date")} for change in CHANGES
    ]
