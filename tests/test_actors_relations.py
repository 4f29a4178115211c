"""Governance relations from sentences: kg/actors/relations.py and its rule data.

Mentions are made here by finding given names in the test sentences, so these tests do
not depend on the mention finder; the corpus test at the end uses the real one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from conftest import make_document

from kg.actors.relation_rules import RelationRule, relation_rules
from kg.actors.relations import find_relations
from kg.actors.sentences import BlockKind, read_blocks, split_sentences
from kg.records import (
    ActorChange,
    ActorMention,
    Document,
    DocumentKind,
    Profile,
    Relation,
    RelationKind,
)
from kg.rules import load_toml

HOD = "Helse- og omsorgsdepartementet"
HDIR = "Helsedirektoratet"
HELFO = "Helseøkonomiforvaltningen"
POBO = "Pasient- og brukerombudet"
SF = "Statsforvalteren"
HTIL = "Statens helsetilsyn"
EHELSE = "Direktoratet for e-helse"
DMP = "Direktoratet for medisinske produkter"
SLV = "Statens legemiddelverk"
FHI = "Folkehelseinstituttet"
NHN = "Norsk helsenett SF"
KDD = "Kommunal- og distriktsdepartementet"

# Surfaces that are not the canonical name, as the mention finder would resolve them.
ALIASES = {
    "Helfo": HELFO,
    "HOD": HOD,
    "departementet": HOD,
    "Departementet": HOD,
    "Hdir": HDIR,
    "statsforvalteren": SF,
    "Statsforvalterne": SF,
    "statsforvalterne": SF,
    "Fylkesmannen": SF,
    "Helsedirektorat": "Helsedirektorat",  # as a name-shape finder may leave it
    "Pasient- og brukerombudene": POBO,
    "NPE": "Norsk pasientskadeerstatning",
    "DSA": "Direktoratet for strålevern og atomsikkerhet",
}
NAMES = (
    HOD,
    HDIR,
    HELFO,
    POBO,
    SF,
    HTIL,
    EHELSE,
    DMP,
    SLV,
    FHI,
    NHN,
    KDD,
    "Norsk pasientskadeerstatning",
    "Direktoratet for strålevern og atomsikkerhet",
    "Helse Nord RHF",
    "Helse Vest RHF",
    "AS Vinmonopolet",
    "Arkivverket",
    "Kultur- og likestillingsdepartementet",
    "Stiftelsen Dam",
    "Framsenteret",
)

ANNUAL_REPORT = Profile(DocumentKind.ANNUAL_REPORT, 2024, HDIR, HOD)
LETTER = Profile(DocumentKind.ALLOCATION_LETTER, 2024, HOD, HDIR)
PROPOSITION = Profile(DocumentKind.BUDGET_PROPOSITION, 2024, HOD, "Stortinget")


def mentions_in(document: Document, names: Iterable[str] = NAMES) -> tuple[ActorMention, ...]:
    """Every whole-word occurrence of a known name (or alias), genitive "s" included.

    A name may run across a line break (and the blank lines between); the mention is
    placed where it starts.
    """
    surfaces = {name: name for name in names} | ALIASES
    by_key = {" ".join(surface.split()): actor for surface, actor in surfaces.items()}
    spelled = sorted(by_key, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, key.split(" "))) for key in spelled)
    pattern = re.compile(rf"(?<![\w-])(?P<name>{alternatives})s?(?![\w-])")
    text = "\n".join(line.text for line in document.lines)
    starts = [0]
    for line in document.lines:
        starts.append(starts[-1] + len(line.text) + 1)
    found = []
    for match in pattern.finditer(text):
        index = bisect.bisect_right(starts, match.start()) - 1
        actor = by_key[" ".join(match["name"].split())]
        line = document.lines[index]
        found.append(
            ActorMention(actor, match.group(0), line.number, match.start() - starts[index], "test")
        )
    return tuple(found)


def relations_of(
    text: str,
    profile: Profile = LETTER,
    names: Iterable[str] = NAMES,
    changes: Sequence[ActorChange] = (),
) -> tuple[Relation, ...]:
    document = make_document(text)
    return find_relations(document, mentions_in(document, names), profile=profile, changes=changes)


def triples(relations: Iterable[Relation]) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate.value, r.object) for r in relations}


# --------------------------------------------------------------------------- rule data

RULES = relation_rules().rules


def _profile_for(rule: RelationRule) -> Profile:
    kind = min(rule.kinds) if rule.kinds else DocumentKind.OTHER
    issuer = rule.yields[0][0] if rule.issuer_subject else None
    return Profile(kind, 2024, issuer, None)


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_relations_every_rule_example_matches(rule: RelationRule) -> None:
    names = {*NAMES, *(name for pair in rule.yields for name in pair)}
    changes = tuple(
        ActorChange(RelationKind.MERGED_INTO, old, new, "2024-01-01") for old, new in rule.yields
    )
    found = relations_of(rule.example, _profile_for(rule), names, changes if rule.symmetric else ())
    assert rule.trigger.search(rule.example) is None  # triggers never match raw text
    assert any(cue in rule.example.casefold() for cue in rule.cues), rule.name
    assert {(r.subject, r.object) for r in found if r.predicate is rule.predicate} == set(
        rule.yields
    ), rule.name


def test_relations_rule_names_are_unique_and_cover_every_predicate() -> None:
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert {rule.predicate for rule in RULES} == set(RelationKind)


def test_relations_section_example_matches() -> None:
    for section in relation_rules().sections:
        assert section.heading.search(section.example), section.name


# --------------------------------------------------------------------------- predicates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # supervises
        (
            "Helsedirektoratet er et fagdirektorat som ligger under, og blir etatsstyrt, "
            "av Helse- og omsorgsdepartementet.",
            {(HOD, "supervises", HDIR)},
        ),
        (
            "Norsk pasientskadeerstatning (NPE) er et ordinært forvaltningsorgan, "
            "underlagt Helse- og omsorgsdepartementet.",
            {(HOD, "supervises", "Norsk pasientskadeerstatning")},
        ),
        (
            "Norsk helsearkiv er en del av det statlige Arkivverket, som er underlagt Kultur- og "
            "likestillingsdepartementet.",
            {("Kultur- og likestillingsdepartementet", "supervises", "Arkivverket")},
        ),
        (
            "Departementet styrer Folkehelseinstituttet gjennom instruks.",
            {(HOD, "supervises", FHI)},
        ),
        # owns
        ("Helse- og omsorgsdepartementet eier Helse Nord RHF.", {(HOD, "owns", "Helse Nord RHF")}),
        (
            "Norsk helsenett SF er et statsforetak eid av Helse- og omsorgsdepartementet.",
            {(HOD, "owns", NHN)},
        ),
        # part_of
        (
            "Helseøkonomiforvaltningen (Helfo) er en del av Helsedirektoratet.",
            {(HELFO, "part_of", HDIR)},
        ),
        (
            "Norsk helsearkiv er organisert som en særskilt virksomhet innenfor det statlige "
            "Arkivverket.",
            {("Norsk helsearkiv", "part_of", "Arkivverket")},
        ),
        # delegated_supervision
        (
            "Helsedirektoratet og Statens helsetilsyn deltar i styringen av statsforvalterne.",
            {(HDIR, "delegated_supervision", SF), (HTIL, "delegated_supervision", SF)},
        ),
        # renamed_to
        (
            "Direktoratet for medisinske produkter (tidligere Statens legemiddelverk) "
            "godkjenner legemidler.",
            {(SLV, "renamed_to", DMP)},
        ),
        (
            "Fra 1. januar 2024 heter Statens legemiddelverk Direktoratet for medisinske "
            "produkter.",
            {(SLV, "renamed_to", DMP)},
        ),
        # merged_into
        (
            "Direktoratet for e-helse ble innlemmet i Helsedirektoratet i 2024.",
            {(EHELSE, "merged_into", HDIR)},
        ),
        # administers_grants_for
        (
            "Helfo har mottatt belastningsfullmakt fra Helsedirektoratet for å belaste kapittel "
            "0762, post 21.",
            {(HELFO, "administers_grants_for", HDIR)},
        ),
        (
            "Helsedirektoratet skal forvalte tilskuddet på vegne av Kommunal- og "
            "distriktsdepartementet.",
            {(HDIR, "administers_grants_for", KDD)},
        ),
    ],
)
def test_relations_predicate_and_trigger_shape(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    extra = ("Norsk helsearkiv",)
    assert triples(relations_of(text, names=(*NAMES, *extra))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Helsedirektoratet er underlagt Helse- og omsorgsdepartementet.", (HOD, HDIR)),
        ("Helse- og omsorgsdepartementet styrer Helsedirektoratet.", (HOD, HDIR)),
        ("Helfo er en del av Helsedirektoratet.", (HELFO, HDIR)),
        ("Helsedirektoratet (tidligere Statens helsetilsyn) svarer.", (HTIL, HDIR)),
        ("Statens helsetilsyn skiftet navn til Helsedirektoratet.", (HTIL, HDIR)),
        ("Helsedirektoratet har avgitt belastningsfullmakt til Helfo.", (HELFO, HDIR)),
        ("Helfo har mottatt belastningsfullmakt fra Helsedirektoratet.", (HELFO, HDIR)),
    ],
)
def test_relations_direction_follows_the_predicate(text: str, expected: tuple[str, str]) -> None:
    (relation,) = relations_of(text)
    assert (relation.subject, relation.object) == expected


def test_relations_two_relations_in_one_sentence() -> None:
    text = (
        "Sammen med Statens helsetilsyn er Helsedirektoratet delegert etatsstyringsansvaret "
        "for statsforvalteren, og Helfo er en del av Helsedirektoratet."
    )
    assert triples(relations_of(text)) == {
        (HTIL, "delegated_supervision", SF),
        (HDIR, "delegated_supervision", SF),
        (HELFO, "part_of", HDIR),
    }


def test_relations_coordinated_agents_each_get_a_relation() -> None:
    text = (
        "12 tilskuddsordninger ble forvaltet av statsforvalteren, fylkeskommunen, Stiftelsen "
        "Dam og Helfo på vegne av Helsedirektoratet."
    )
    assert triples(relations_of(text)) == {
        (SF, "administers_grants_for", HDIR),
        ("Stiftelsen Dam", "administers_grants_for", HDIR),
        (HELFO, "administers_grants_for", HDIR),
    }


# --------------------------------------------------------------------------- provenance


def test_relations_sentence_spanning_lines_has_its_line_span() -> None:
    text = "\n".join(
        [
            "Innledning",
            "",
            "Om lag 40 ansatte arbeider der. Norsk pasientskadeerstatning (NPE) er et",
            "",
            "ordinært forvaltningsorgan, underlagt Helse- og",
            "omsorgsdepartementet. NPE har egne regler.",
        ]
    )
    (relation,) = relations_of(text)
    assert (relation.first_line, relation.last_line) == (3, 6)
    assert relation.quote == (
        "Norsk pasientskadeerstatning (NPE) er et ordinært forvaltningsorgan, underlagt "
        "Helse- og omsorgsdepartementet."
    )
    assert relation.document == "doc.txt"


def test_relations_list_item_is_read_with_its_introduction() -> None:
    text = "\n".join(
        [
            "Kap. 700 Helse- og omsorgsdepartementet",
            "Helse- og omsorgsdepartementet har ansvar for",
            "følgende underliggende virksomheter i 2024:",
            "- Folkehelseinstituttet (underliggende etat)",
            "- Helsedirektoratet, inkl. Helfo (underliggende",
            "etat)",
            "- Helse Vest RHF (tilknyttet virksomhet)",
            "Endringer:",
            "- Folkehelseinstituttet er omorganisert.",
        ]
    )
    found = relations_of(text, PROPOSITION)
    assert triples(found) == {
        (HOD, "supervises", FHI),
        (HOD, "supervises", HDIR),
        (HOD, "owns", "Helse Vest RHF"),
    }
    assert [(r.first_line, r.last_line) for r in found] == [(2, 4), (2, 6), (2, 7)]


def test_relations_section_context_makes_the_issuer_govern_the_bodies_it_assesses() -> None:
    text = "\n".join(
        [
            "6. Årsregnskap",
            "Regnskapet er avlagt. Helfo er omtalt i note 3.",
            "7. Etatstyrers vurdering av underliggende etater",
            "Helfo",
            "Helfo sitt samfunnsoppdrag er å ivareta brukernes rettigheter.",
            "Måloppnåelse i 2024",
            "Helsedirektoratet vurderer at Statens helsetilsyn og Helfo samarbeider godt.",
            "7.2 Pasient- og brukerombudet (POBO)",
            "Ombudene arbeider for pasientene.",
            "8. Vedlegg",
            "Folkehelseinstituttet",
            "Folkehelseinstituttet er omtalt her.",
        ]
    )
    found = relations_of(text, ANNUAL_REPORT)
    assert triples(found) == {(HDIR, "supervises", HELFO), (HDIR, "supervises", POBO)}
    first = found[0]
    assert (first.first_line, first.last_line) == (3, 4)
    assert first.quote == "7. Etatstyrers vurdering av underliggende etater › Helfo"
    assert relations_of(text, LETTER) == ()  # only an annual report's issuer assesses so


def test_relations_grants_under_another_ministrys_heading() -> None:
    text = "\n".join(
        [
            "3.2 Helse- og omsorgsdepartementet",
            "Bevilgningen tildeles Helsedirektoratet.",
            "3.3 Kommunal- og distriktsdepartementet",
            "Kap. 575 Ressurskrevende tjenester",
            "Post 60 Toppfinansieringsordning",
            "Det er bevilget 12 102 mill. kroner. Bevilgningen tildeles",
            "Helsedirektoratet.",
            "3.4 Andre oppdrag",
            "Midlene tildeles Helfo.",
            "3.5 Folkehelseinstituttet",
            "Midlene tildeles Helsedirektoratet.",
        ]
    )
    (relation,) = relations_of(text, LETTER)
    assert (relation.subject, relation.predicate, relation.object) == (
        HDIR,
        RelationKind.ADMINISTERS_GRANTS_FOR,
        KDD,
    )
    assert (relation.first_line, relation.last_line) == (3, 7)
    assert relation.quote == (
        "3.3 Kommunal- og distriktsdepartementet › Bevilgningen tildeles Helsedirektoratet."
    )


# --------------------------------------------------------------------------- precision


@pytest.mark.parametrize(
    "text",
    [
        "Helfo er ikke en del av Helsedirektoratet.",
        "Helsedirektoratet har ikke mottatt belastningsfullmakt fra Helse- og "
        "omsorgsdepartementet.",
        "Helsedirektoratet og Folkehelseinstituttet samarbeider om tiltaket.",
        "Sintef innhenter på vegne av Helsedirektoratet informasjon fra Helfo.",
        # administering on another's behalf, but no grants
        "Helfo forvalter ordningen på vegne av Helsedirektoratet.",
        "Helsedirektoratet er underlagt tilsyn fra Statens helsetilsyn.",
        "Helse- og omsorgsdepartementet styrer gjennom instruks. Helsedirektoratet svarer.",
        "Helse- og omsorgsdepartementets tilskudd til Helfo er en del av Helsedirektoratets "
        "budsjett.",
        # a merger that does not say which body continues
        "Sammenslåingen av Helsedirektoratet og Direktoratet for e-helse gir gevinster.",
        # a renaming within one body (both names resolve to it)
        "Statsforvalteren (tidligere Fylkesmannen) fører tilsyn.",
        # a member of a joint centre, not a unit inside it
        "Direktoratet for strålevern og atomsikkerhet er del av Framsenteret.",
        # a table line is not a sentence
        "Helfo er en del av Helsedirektoratet\t2024\t2023",
    ],
)
def test_relations_none_from_negated_or_unrelated_sentences(text: str) -> None:
    assert relations_of(text) == ()


def test_relations_none_between_two_forms_of_one_name() -> None:
    text = (
        "Helsedirektoratet og Direktoratet for e-helse ble slått sammen til et nytt "
        "Helsedirektorat."
    )
    assert triples(relations_of(text)) == {(EHELSE, "merged_into", "Helsedirektorat")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the document says elsewhere which body continues
        (
            "Sammenslåingen av Helsedirektoratet og Direktoratet for e-helse gir gevinster. "
            "Direktoratet for e-helse ble slått sammen med Helsedirektoratet.",
            [(EHELSE, HDIR, 1)],
        ),
    ],
)
def test_relations_merger_direction_settled_by_the_document(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    found = relations_of(text)
    assert [(r.subject, r.object, r.first_line) for r in found] == expected


def test_relations_hierarchy_stated_both_ways_is_dropped() -> None:
    text = "Helfo er en del av Helsedirektoratet. Helsedirektoratet er en del av Helfo."
    assert relations_of(text) == ()
    text = (
        "Helsedirektoratet har mottatt belastningsfullmakt fra Helfo. Helfo har mottatt "
        "belastningsfullmakt fra Helsedirektoratet."
    )
    assert len(relations_of(text)) == 2  # granting goes both ways


def test_relations_merger_direction_settled_by_a_known_change() -> None:
    text = "Sammenslåingen av Helsedirektoratet og Direktoratet for e-helse gir gevinster."
    change = ActorChange(RelationKind.MERGED_INTO, EHELSE, HDIR, "2024-01-01")
    assert triples(relations_of(text, changes=(change,))) == {(EHELSE, "merged_into", HDIR)}


def test_relations_deterministic_order_and_one_per_fact() -> None:
    text = "\n".join(
        [
            "Helfo er en del av Helsedirektoratet.",
            "Helsedirektoratet er underlagt Helse- og omsorgsdepartementet.",
            "Helfo er en del av Helsedirektoratet, som nevnt.",
        ]
    )
    document = make_document(text)
    mentions = mentions_in(document)
    first = find_relations(document, mentions, profile=LETTER)
    again = find_relations(document, tuple(reversed(mentions)), profile=LETTER)
    assert first == again
    assert [(r.predicate.value, r.first_line) for r in first] == [
        ("part_of", 1),
        ("supervises", 2),
    ]


# --------------------------------------------------------------------------- sentences


def test_relations_reading_blocks_skips_tables_and_keeps_headings_apart() -> None:
    text = "\n".join(
        [
            "4.3 Etatsstyring av statsforvalteren",
            "",
            "Helsedirektoratet deltar i styringen. Helfo",
            "",
            "har egne kontorer.",
            "Post Betegnelse Regnskap 2022 Budsjett 2023",
            "01 Driftsutgifter 276 840 275 587 299 351",
            "- Første punkt",
        ]
    )
    blocks = read_blocks(make_document(text))
    assert [(b.kind, b.first_line, b.last_line) for b in blocks] == [
        (BlockKind.HEADING, 1, 1),
        (BlockKind.PROSE, 3, 5),
        (BlockKind.HEADING, 6, 6),  # a table's header line
        (BlockKind.ITEM, 8, 8),
    ]
    sentences = split_sentences(blocks)
    assert [s.text for s in sentences][:2] == [
        "Helsedirektoratet deltar i styringen.",
        "Helfo har egne kontorer.",
    ]
    assert [(s.first_line, s.last_line) for s in sentences][:2] == [(3, 3), (3, 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tilskuddet gis bl.a. til Helfo. Helfo er en del av Helsedirektoratet.",
            ["Tilskuddet gis bl.a. til Helfo.", "Helfo er en del av Helsedirektoratet."],
        ),
        (
            "Det vises til Prop. 1 S (2023–2024). Fristen er 1. mars. Jan M. Olsen leder.",
            ["Det vises til Prop. 1 S (2023–2024).", "Fristen er 1. mars.", "Jan M. Olsen leder."],
        ),
        ("Han sa: «Det er nok.» Helfo svarte.", ["Han sa: «Det er nok.»", "Helfo svarte."]),
    ],
)
def test_relations_sentence_bounds(text: str, expected: list[str]) -> None:
    (block,) = read_blocks(make_document(text))
    assert [s.text for s in split_sentences([block])] == expected


def test_relations_layout_patterns_match_their_examples() -> None:
    data = load_toml("actors/relations.toml")["layout"]
    patterns = [key for key in data if key.endswith("_pattern")]
    assert len(patterns) == 4
    for key in patterns:
        assert re.search(data[key], data[key.replace("pattern", "example")]), key


# --------------------------------------------------------------------------- corpus


def test_relations_corpus(corpus_dir: Path) -> None:
    mentions_module = pytest.importorskip("kg.actors.mentions")
    from kg.ingest import load_documents
    from kg.recognise import recognise

    documents, _ = load_documents(sorted(corpus_dir.glob("*.txt")))
    for document in documents:
        profile = recognise(document)
        mentions = mentions_module.find_mentions(document, profile)
        found = find_relations(document, mentions, profile=profile)
        print(f"\n{document.name}: {len(found)} relations")
        for r in found:
            print(f"  {r.first_line}-{r.last_line} {r.subject} -{r.predicate}-> {r.object}")
            print(f"      {r.quote[:200]}")
        surfaces: dict[str, set[str]] = {}
        for mention in mentions:
            surfaces.setdefault(mention.actor, set()).add(" ".join(mention.surface.split()))
        assert found == find_relations(document, mentions, profile=profile)
        for r in found:
            assert r.subject != r.object
            assert r.document == document.name
            assert 1 <= r.first_line <= r.last_line <= len(document.lines)
            named = {
                a: any(s in r.quote for s in surfaces.get(a, ())) for a in (r.subject, r.object)
            }
            # the quote names both bodies, or the issuer speaks of a body it names
            assert named[r.object] or " › " in r.quote, r
            assert named[r.subject] or r.subject == profile.issuer, r
