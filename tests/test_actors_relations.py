"""Governance relations from sentences: kg/actors/relations.py and its rule data.

Mentions are made here by finding given names in the test sentences, so these tests do
not depend on the mention finder; the corpus test at the end uses the real one. Each
rule's own positive and negative sentences live beside it in kg/data/actors/relations.toml
(`example`, `counterexamples`) and are checked here; the tables below check what no
single rule decides: direction, shapes, sentences, cells, provenance.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from conftest import make_document

import kg.actors.relations as relations_module
from kg.actors.relation_rules import RelationRule, RelationRules, Shape, relation_rules
from kg.actors.relations import find_relations
from kg.actors.sentences import BlockKind, read_blocks, read_cells, split_sentences
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
KUD = "Kultur- og likestillingsdepartementet"
NAV = "Arbeids- og velferdsetaten"
UIO = "Universitetet i Oslo"
SME = "Senter for medisinsk etikk"
FORSVARET = "Forsvaret"
FST = "Forsvarsstaben"
FSAN = "Forsvarets sanitet"

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
    "NAV": NAV,
    "UiO": UIO,
    "SME": SME,
    "FST": FST,
    "FSAN": FSAN,
    "FOH": "Forsvarets operative hovedkvarter",
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
    KUD,
    NAV,
    UIO,
    SME,
    FORSVARET,
    FST,
    FSAN,
    "Norsk pasientskadeerstatning",
    "Direktoratet for strålevern og atomsikkerhet",
    "Helse Nord RHF",
    "Helse Vest RHF",
    "AS Vinmonopolet",
    "Arkivverket",
    "Stiftelsen Dam",
    "Framsenteret",
    "Norsk helsearkiv",
    "Universitetet i Bergen",
    "Oslo universitetssykehus HF",
    "Helseplattformen",
    "St. Olavs hospital HF",
    "Institutt for helse og samfunn",
    "Skatteetaten",
    "Statens innkrevingssentral",
    "Nordisk ministerråd",
    "NOMESCO",
    "Avonova",
    "Stamina",
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
SHAPES = relation_rules().shapes
COUNTEREXAMPLES = [(rule, text) for rule in RULES for text in rule.counterexamples]


def _profile_for(rule: RelationRule) -> Profile:
    kind = min(rule.kinds) if rule.kinds else DocumentKind.OTHER
    issuer = rule.yields[0][0] if rule.issuer_subject else None
    return Profile(kind, 2024, issuer, None)


def _names_for(rule: RelationRule) -> set[str]:
    return {*NAMES, *(name for pair in rule.yields for name in pair)}


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_relations_every_rule_example_matches(rule: RelationRule) -> None:
    changes = tuple(
        ActorChange(RelationKind.MERGED_INTO, old, new, "2024-01-01") for old, new in rule.yields
    )
    found = relations_of(
        rule.example, _profile_for(rule), _names_for(rule), changes if rule.symmetric else ()
    )
    assert rule.trigger.search(rule.example) is None  # triggers never match raw text
    assert any(cue in rule.example.casefold() for cue in rule.cues), rule.name
    assert {(r.subject, r.object) for r in found if r.predicate is rule.predicate} == set(
        rule.yields
    ), rule.name


@pytest.mark.parametrize(
    ("rule", "text"),
    COUNTEREXAMPLES,
    ids=[f"{rule.name}-{i}" for i, (rule, _) in enumerate(COUNTEREXAMPLES)],
)
def test_relations_rule_finds_nothing_in_its_counterexamples(
    rule: RelationRule, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    only = RelationRules((rule,), (), relation_rules().negation, SHAPES)
    monkeypatch.setattr(relations_module, "relation_rules", lambda: only)
    changes = tuple(
        ActorChange(RelationKind.MERGED_INTO, old, new, "2024-01-01") for old, new in rule.yields
    )
    named = {m.actor for m in mentions_in(make_document(text), _names_for(rule))}
    wanted = 1 if rule.issuer_subject or rule.heading_object else 2
    assert len(named) >= wanted, "a counterexample names the bodies the rule relates"
    assert relations_of(text, _profile_for(rule), _names_for(rule), changes) == ()


def test_relations_every_rule_has_a_counterexample() -> None:
    assert [rule.name for rule in RULES if not rule.counterexamples] == []


def test_relations_rule_names_are_unique_and_cover_every_predicate() -> None:
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert {rule.predicate for rule in RULES} == set(RelationKind)


def test_relations_section_example_matches() -> None:
    for section in relation_rules().sections:
        assert section.heading.search(section.example), section.name


@pytest.mark.parametrize("shape", SHAPES, ids=[shape.name for shape in SHAPES])
def test_relations_shape_fits_its_examples_only(shape: Shape) -> None:
    assert shape.examples and shape.counterexamples
    assert [name for name in shape.examples if not shape.fits(name, name)] == []
    assert [name for name in shape.counterexamples if shape.fits(name, name)] == []


def test_relations_shape_is_told_by_the_written_or_the_canonical_name() -> None:
    (unit,) = (shape for shape in SHAPES if shape.name == "unit")
    assert unit.fits(SME, "SME")  # an abbreviation of a centre is a centre
    assert not unit.fits(FHI, "FHI")


# --------------------------------------------------------------------------- predicates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # supervises
        (
            "Statens helsetilsyn er et tilsyn som blir etatsstyrt "
            "fra Helse- og omsorgsdepartementet.",
            {(HOD, "supervises", HTIL)},
        ),
        (
            "Norsk pasientskadeerstatning (NPE) er et statlig organ, "
            "underlagt Helse- og omsorgsdepartementet.",
            {(HOD, "supervises", "Norsk pasientskadeerstatning")},
        ),
        (
            "Norsk helsearkiv er en del av det statlige Arkivverket, som er underlagt Kultur- og "
            "likestillingsdepartementet.",
            {(KUD, "supervises", "Arkivverket")},
        ),
        (
            "Departementet styrer Folkehelseinstituttet gjennom instruks.",
            {(HOD, "supervises", FHI)},
        ),
        ("HOD etatsstyrer også Statens helsetilsyn.", {(HOD, "supervises", HTIL)}),
        # owns
        ("Helse- og omsorgsdepartementet eier Helse Nord RHF.", {(HOD, "owns", "Helse Nord RHF")}),
        (
            "Norsk helsenett SF er et statsforetak eid av Helse- og omsorgsdepartementet.",
            {(HOD, "owns", NHN)},
        ),
        # part_of
        (
            "Helfo ble en del av Helsedirektoratet i 2016.",
            {(HELFO, "part_of", HDIR)},
        ),
        (
            "Norsk helsearkiv er organisert som en egen virksomhet innenfor Arkivverket.",
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
        (
            "Avonova (tidligere kjent som Stamina) leverer tjenesten.",
            {("Stamina", "renamed_to", "Avonova")},
        ),
        ("Stamina har skiftet navn og heter nå Avonova.", {("Stamina", "renamed_to", "Avonova")}),
        (
            "Stamina, som nå heter Avonova, leverer tjenesten.",
            {("Stamina", "renamed_to", "Avonova")},
        ),
        ("Nytt navn på Stamina ble Avonova i fjor.", {("Stamina", "renamed_to", "Avonova")}),
        # merged_into
        (
            "Direktoratet for e-helse ble innlemmet i Helsedirektoratet i 2024.",
            {(EHELSE, "merged_into", HDIR)},
        ),
        # administers_grants_for
        (
            "Helsedirektoratet har mottatt belastningsfullmakt fra Kommunal- og "
            "distriktsdepartementet for å belaste kap. 575 post 60.",
            {(HDIR, "administers_grants_for", KDD)},
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
    assert triples(relations_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Helsedirektoratet er underlagt Helse- og omsorgsdepartementet.", (HOD, HDIR)),
        ("Helse- og omsorgsdepartementet etatsstyrer Helsedirektoratet.", (HOD, HDIR)),
        ("Helfo er en del av Helsedirektoratet.", (HELFO, HDIR)),
        ("Helsedirektoratet (tidligere Statens helsetilsyn) svarer.", (HTIL, HDIR)),
        ("Statens helsetilsyn (nå Helsedirektoratet) svarte.", (HTIL, HDIR)),
        ("Statens helsetilsyn skiftet navn til Helsedirektoratet.", (HTIL, HDIR)),
        # a belastningsfullmakt: who received it administers the money of the ministry
        # that gave it, whichever of the two tells it
        (
            "Kommunal- og distriktsdepartementet har avgitt belastningsfullmakt til Helfo på "
            "kap. 575 post 60.",
            (HELFO, KDD),
        ),
        (
            "Helfo har mottatt belastningsfullmakt fra Kommunal- og distriktsdepartementet på "
            "kap. 575 post 61.",
            (HELFO, KDD),
        ),
        # "ved": the unit is the part, whichever side of "ved" it stands on
        ("Tilskudd gis til SME ved UiO.", (SME, UIO)),
        (
            "Tilskudd gis til Universitetet i Oslo ved Institutt for helse og samfunn.",
            ("Institutt for helse og samfunn", UIO),
        ),
        (
            "Søknaden sendes Skatteetaten v/ Statens innkrevingssentral.",
            ("Statens innkrevingssentral", "Skatteetaten"),
        ),
        (
            "Data leveres til NOMESCO (under Nordisk ministerråd) hvert år.",
            ("NOMESCO", "Nordisk ministerråd"),
        ),
    ],
)
def test_relations_direction_follows_the_predicate(text: str, expected: tuple[str, str]) -> None:
    (relation,) = relations_of(text)
    assert (relation.subject, relation.object) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Møtene ble holdt med Forsvaret ved FST, FOH og FSAN samt Helsedirektoratet.",
            {(FST, FORSVARET), ("Forsvarets operative hovedkvarter", FORSVARET), (FSAN, FORSVARET)},
        ),
        # a list after "ved" ends where words other than "og" or a comma come between
        (
            "Forsvaret ved FST, FSAN og liaison, samt FHI og Helsedirektoratet møttes.",
            {(FST, FORSVARET), (FSAN, FORSVARET)},
        ),
        # one body after "ved" that is neither a unit nor under a host: nothing to tell
        ("Møtet var med Forsvaret ved FSAN i mars.", set()),
        ("Helseplattformen ved St. Olavs hospital HF ble innført i 2022.", set()),
    ],
)
def test_relations_part_of_a_body_acting_through_its_units(
    text: str, expected: set[tuple[str, str]]
) -> None:
    found = relations_of(text)
    assert {(r.subject, r.object) for r in found if r.predicate is RelationKind.PART_OF} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ministry's transfer post, told as a post number, a six-digit code or a grant
        (
            "Helfo har mottatt en belastningsfullmakt fra Kommunal- og "
            "distriktsdepartementet på kapittel/post 057560.",
            {(HELFO, KDD)},
        ),
        (
            "Helsedirektoratet har fått belastningsfullmakt fra Kultur- og "
            "likestillingsdepartementet til et tilskudd til frivillige.",
            {(HDIR, KUD)},
        ),
        # an operating post, or an agency that passes on an authority of its own
        (
            "Helfo har mottatt en belastningsfullmakt fra Kommunal- og "
            "distriktsdepartementet over kap. 571, post 21.",
            set(),
        ),
        (
            "Helsedirektoratet har mottatt en belastningsfullmakt fra NAV på kap. 2651 post 72.",
            set(),
        ),
        (
            "Helsedirektoratet har avgitt belastningsfullmakt til Helfo på kapittel 0762, post 60.",
            set(),
        ),
        # a scheme administered for another body
        (
            "Statsforvalterne skal forvalte tilskuddsordningen. Helsedirektoratet har det "
            "overordnede ansvaret.",
            {(SF, HDIR)},
        ),
        (
            "Stiftelsen Dam og Helfo forvalter midlene på vegne av Helsedirektoratet.",
            {("Stiftelsen Dam", HDIR), (HELFO, HDIR)},
        ),
        # the governed agency administering its own ministry's grants is no delegation
        ("Helsedirektoratet skal forvalte ordningen i samarbeid med Helfo fra i år.", set()),
        ("Helfo forvalter tilskuddet. Hdir følger opp resultatene i 2024.", set()),
    ],
)
def test_relations_who_administers_grants_for_whom(
    text: str, expected: set[tuple[str, str]]
) -> None:
    found = relations_of(text)
    grants = RelationKind.ADMINISTERS_GRANTS_FOR
    assert {(r.subject, r.object) for r in found if r.predicate is grants} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Helse- og omsorgsdepartementet styrer Helsedirektoratet gjennom tildelingsbrev.",
            {(HOD, HDIR)},
        ),
        # "styrer" also manages a project, a process or a meeting
        ("Helsedirektoratet styrer prosjektet sammen med Helfo, jf. tildelingsbrevet.", set()),
        ("Helse- og omsorgsdepartementet styrer Helsedirektoratet sin prosess i saken.", set()),
        (
            "Helsedirektoratet styrer arbeidet i tråd med instruks fra Helse- og "
            "omsorgsdepartementet.",
            set(),
        ),
    ],
)
def test_relations_supervision_needs_governing_not_managing(
    text: str, expected: set[tuple[str, str]]
) -> None:
    found = relations_of(text)
    assert {(r.subject, r.object) for r in found if r.predicate is RelationKind.SUPERVISES} == (
        expected
    )


def test_relations_two_relations_in_one_sentence() -> None:
    text = (
        "Sammen med Statens helsetilsyn har Helsedirektoratet delegert styringsansvar for "
        "statsforvalteren, og Helfo er en del av Helsedirektoratet."
    )
    assert triples(relations_of(text)) == {
        (HTIL, "delegated_supervision", SF),
        (HDIR, "delegated_supervision", SF),
        (HELFO, "part_of", HDIR),
    }


def test_relations_coordinated_agents_each_get_a_relation() -> None:
    text = (
        "Ti ordninger for tilskudd ble forvaltet av statsforvalteren, Stiftelsen Dam og Helfo "
        "på vegne av Helsedirektoratet."
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
            "statlig organ, underlagt Helse- og",
            "omsorgsdepartementet. NPE har egne regler.",
        ]
    )
    (relation,) = relations_of(text)
    assert (relation.first_line, relation.last_line) == (3, 6)
    assert relation.quote == (
        "Norsk pasientskadeerstatning (NPE) er et statlig organ, underlagt "
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
        (HELFO, "part_of", HDIR),
        (HOD, "owns", "Helse Vest RHF"),
    }
    assert [(r.first_line, r.last_line) for r in found] == [(2, 4), (2, 6), (2, 6), (2, 7)]


def test_relations_an_introduction_goes_with_the_first_sentence_of_an_item_only() -> None:
    text = "\n".join(
        [
            "Det foreslås å flytte:",
            "- 40 mill. kroner til kap. 732, post 70. Beløpet går til Senter for medisinsk",
            "etikk ved UiO.",
        ]
    )
    (relation,) = relations_of(text)
    assert relation.quote == "Beløpet går til Senter for medisinsk etikk ved UiO."
    assert (relation.first_line, relation.last_line) == (2, 3)


def test_relations_a_name_above_a_text_that_starts_with_it_is_its_heading() -> None:
    text = "\n".join(
        [
            "Bevilgningen foreslås videreført.",
            "",
            "Senter for medisinsk etikk (SME)",
            "",
            "Senter for medisinsk etikk ved UiO (SME) arbeider",
            "med etikk i helsetjenesten.",
        ]
    )
    (relation,) = relations_of(text)
    assert relation.quote.startswith("Senter for medisinsk etikk ved UiO (SME) arbeider")
    assert (relation.first_line, relation.last_line) == (5, 6)


def test_relations_two_sentences_read_together_quote_both() -> None:
    text = "\n".join(
        [
            "Statsforvalterne skal forvalte tilskuddet og får 2 mill. kroner til dette.",
            "Helsedirektoratet skal ha det overordnede ansvaret for ordningen.",
        ]
    )
    (relation,) = relations_of(text)
    assert (relation.subject, relation.object) == (SF, HDIR)
    assert (relation.first_line, relation.last_line) == (1, 2)
    assert relation.quote == text.replace("\n", " ")


def test_relations_section_context_makes_the_issuer_govern_the_bodies_it_assesses() -> None:
    text = "\n".join(
        [
            "6. Årsregnskap",
            "Regnskapet er avlagt. Helfo er omtalt i note 3.",
            "7. Etatstyrers vurdering av underliggende etater",
            "Helfo",
            "Helfo sitt oppdrag er å gi god service til brukerne.",
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
            "Kompensasjonen er 80 pst. Bevilgningen tildeles",
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


# --------------------------------------------------------------------------- cells


def test_relations_table_cells_are_read_by_the_rules_for_names_only() -> None:
    text = "\n".join(
        [
            "Mottaker\tKapittel/post\tBeløp",
            "Skatteetaten v/Statens innkrevingssentral\t371404\t400 144",
            "Kommunal- og distriktsdepartementet\t057560\t12 983 505",
            "Helfo er en del av Helsedirektoratet\t2024\t2023",
            "Senter for medisinsk etikk ved UiO\tInstitutt for helse og samfunn\t1 200",
        ]
    )
    found = relations_of(text, ANNUAL_REPORT)
    assert triples(found) == {
        ("Statens innkrevingssentral", "part_of", "Skatteetaten"),
        (SME, "part_of", UIO),
    }
    assert [(r.first_line, r.last_line, r.quote) for r in found] == [
        (2, 2, "Skatteetaten v/Statens innkrevingssentral"),
        (5, 5, "Senter for medisinsk etikk ved UiO"),
    ]


def test_relations_cells_start_where_their_text_starts() -> None:
    document = make_document("Mottaker\t  Helfo  \tHelsedirektoratet v/ Helfo\t12")
    cells = read_cells(document)
    assert [(c.text, c.pieces[0].column) for c in cells] == [
        ("Mottaker", 0),
        ("Helfo", 11),
        ("Helsedirektoratet v/ Helfo", 19),
    ]
    assert all(c.kind is BlockKind.CELL for c in cells)


# --------------------------------------------------------------------------- precision


@pytest.mark.parametrize(
    "text",
    [
        "Helfo er ikke en del av Helsedirektoratet.",
        "Helsedirektoratet har ikke mottatt belastningsfullmakt fra Kommunal- og "
        "distriktsdepartementet for tilskudd.",
        "Helsedirektoratet og Folkehelseinstituttet samarbeider om tiltaket.",
        "Sintef innhenter på vegne av Helsedirektoratet informasjon fra Helfo.",
        # administering on another's behalf, but no grants
        "Helfo forvalter ordningen på vegne av Helsedirektoratet.",
        "Helsedirektoratet er underlagt tilsyn fra Statens helsetilsyn.",
        "Helse- og omsorgsdepartementet styrer gjennom instruks. Helsedirektoratet svarer.",
        "Helse- og omsorgsdepartementets tilskudd til Helfo er en del av Helsedirektoratets "
        "budsjett.",
        # a merger that does not say which body continues
        "Sammenslåingen mellom Direktoratet for e-helse og Helsedirektoratet gir gevinster.",
        # a renaming within one body (both names resolve to it)
        "Statsforvalteren (tidligere Fylkesmannen) fører tilsyn.",
        # a member of a joint centre, not a unit inside it
        "Direktoratet for strålevern og atomsikkerhet er del av Framsenteret.",
        # a table line is not a sentence
        "Helfo er en del av Helsedirektoratet\t2024\t2023",
        # a person or a place after "ved" is no mention
        "Helsedirektoratet ved direktøren i Oslo deltok.",
    ],
)
def test_relations_none_from_negated_or_unrelated_sentences(text: str) -> None:
    assert relations_of(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Helsedirektoratet og Direktoratet for e-helse ble slått sammen til et nytt "
        "Helsedirektorat.",
        "Direktoratet for e-helse og Helsedirektoratet blir slått sammen til det nye "
        "Helsedirektoratet.",
    ],
)
def test_relations_merger_into_a_new_body_named_like_one_of_the_two(text: str) -> None:
    assert triples(relations_of(text)) == {(EHELSE, "merged_into", HDIR)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the document says elsewhere which body continues
        (
            "Sammenslåingen mellom Direktoratet for e-helse og Helsedirektoratet gir gevinster. "
            "Direktoratet for e-helse er slått sammen med Helsedirektoratet.",
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
        "Kommunal- og distriktsdepartementet har mottatt belastningsfullmakt fra Kultur- og "
        "likestillingsdepartementet for tilskudd. Kultur- og likestillingsdepartementet har "
        "mottatt belastningsfullmakt fra Kommunal- og distriktsdepartementet for tilskudd."
    )
    assert len(relations_of(text)) == 2  # granting goes both ways


def test_relations_merger_direction_settled_by_a_known_change() -> None:
    text = "Sammenslåingen mellom Direktoratet for e-helse og Helsedirektoratet gir gevinster."
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
    ("lines", "expected"),
    [
        # a short line that ends a sentence, then a lower-case line from elsewhere on the page
        (
            [
                "Helfo er en del av Helsedirektoratet, og er det fortsatt i dag.",
                "Det gjelder også i år.",
                "fortsetter fra forrige side med mer tekst her.",
            ],
            [(1, 2), (3, 3)],
        ),
        # a date or a number before the line break goes on
        (
            ["Ordningen ble innført ved lov 1.", "mars 2019 om tilskudd til virksomhetene."],
            [(1, 2)],
        ),
        # a colon introduces what follows
        (
            ["Helsedirektoratet har ansvar for å:", "følge med på forhold som påvirker helsen."],
            [(1, 2)],
        ),
    ],
)
def test_relations_blocks_break_after_a_sentence_before_a_lower_case_line(
    lines: list[str], expected: list[tuple[int, int]]
) -> None:
    blocks = read_blocks(make_document("\n".join(lines)))
    assert [(b.first_line, b.last_line) for b in blocks] == expected


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
        # a unit after a number ends the sentence before a capital, not before a number
        (
            "Satsen er 80 pst. Bevilgningen gis Helfo. Det gjelder ca. 5,2 mill. Dette er nytt.",
            [
                "Satsen er 80 pst.",
                "Bevilgningen gis Helfo.",
                "Det gjelder ca. 5,2 mill.",
                "Dette er nytt.",
            ],
        ),
        ("Beløpet er kr. 500 til Helfo.", ["Beløpet er kr. 500 til Helfo."]),
        ("Se kap. 714 og post 21. Helfo svarte.", ["Se kap. 714 og post 21.", "Helfo svarte."]),
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
    assert set(data["unit_abbreviations"]) <= set(data["abbreviations"])


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
