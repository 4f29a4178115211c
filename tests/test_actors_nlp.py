"""The actor pipeline's rule components, on sentences written for the purpose."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.matcher import Matcher

from kg.actors import SPANS_KEY, ActorContext, load_shapes
from kg.actors.nlp import read_pipeline_config
from kg.records import ActorType, DocumentKind

Found = tuple[str, str, str]  # (surface, canonical name, type)


def run(
    nlp: Language, text: str, context: ActorContext | None = None
) -> list[tuple[str, str, str, str]]:
    """(surface, canonical, type, rule) of every actor span the pipeline finds in ``text``."""
    doc = nlp.make_doc(text)
    doc._.actor_context = context
    doc = nlp(doc)
    return [
        (text[s.start_char : s.end_char], s._.actor, s.label_, s._.actor_rule)
        for s in doc.spans[SPANS_KEY]
    ]


def found(nlp: Language, text: str, context: ActorContext | None = None) -> list[Found]:
    return [(surface, actor, kind) for surface, actor, kind, _ in run(nlp, text, context)]


def letter(year: int, addressee: str = "Helsedirektoratet") -> ActorContext:
    return ActorContext(
        DocumentKind.ALLOCATION_LETTER,
        date(year, 7, 1),
        "Helse- og omsorgsdepartementet",
        addressee,
    )


HOD = "Helse- og omsorgsdepartementet"
HDIR = "Helsedirektoratet"

SHAPES: list[tuple[str, list[Found]]] = [
    (
        "samarbeid med Politidirektoratet og",
        [("Politidirektoratet", "Politidirektoratet", "directorate")],
    ),
    (
        "Integrerings- og mangfoldsdirektoratets rapport",
        [
            (
                "Integrerings- og mangfoldsdirektoratets",
                "Integrerings- og mangfoldsdirektoratet",
                "directorate",
            )
        ],
    ),
    (
        "i regi av Direktoratet for samfunnssikkerhet og beredskap har",
        [
            (
                "Direktoratet for samfunnssikkerhet og beredskap",
                "Direktoratet for samfunnssikkerhet og beredskap",
                "directorate",
            )
        ],
    ),
    (
        "tall fra Finansdepartementet viser",
        [("Finansdepartementet", "Finansdepartementet", "ministry")],
    ),
    (
        "Kommunal- og distriktsdepartementet har",
        [
            (
                "Kommunal- og distriktsdepartementet",
                "Kommunal- og distriktsdepartementet",
                "ministry",
            )
        ],
    ),
    (
        "både Mattilsynet og Arbeidstilsynet",
        [
            ("Mattilsynet", "Mattilsynet", "agency"),
            ("Arbeidstilsynet", "Arbeidstilsynet", "agency"),
        ],
    ),
    ("fra Skatteetaten", [("Skatteetaten", "Skatteetaten", "agency")]),
    (
        "Barne-, ungdoms- og familieetaten",
        [("Barne-, ungdoms- og familieetaten", "Barne-, ungdoms- og familieetaten", "agency")],
    ),
    ("sammen med Kystverket og", [("Kystverket", "Kystverket", "agency")]),
    ("data fra Statens vegvesen", [("Statens vegvesen", "Statens vegvesen", "agency")]),
    ("Eldreombudet mener", [("Eldreombudet", "Eldreombudet", "ombud")]),
    (
        "fra Likestillings- og diskrimineringsombudet",
        [
            (
                "Likestillings- og diskrimineringsombudet",
                "Likestillings- og diskrimineringsombudet",
                "ombud",
            )
        ],
    ),
    (
        "hos Veterinærinstituttet",
        [("Veterinærinstituttet", "Veterinærinstituttet", "research_institute")],
    ),
    (
        "fra Statens arbeidsmiljøinstitutt",
        [("Statens arbeidsmiljøinstitutt", "Statens arbeidsmiljøinstitutt", "research_institute")],
    ),
    (
        "fra Nordisk institutt for odontologiske materialer",
        [
            (
                "Nordisk institutt for odontologiske materialer",
                "Nordisk institutt for odontologiske materialer",
                "research_institute",
            )
        ],
    ),
    ("med Norsk helsenett SF", [("Norsk helsenett SF", "Norsk helsenett SF", "state_enterprise")]),
    ("levert av Felleskatalogen AS", [("Felleskatalogen AS", "Felleskatalogen AS", "company")]),
    (
        "til Helse Midt-Norge RHFs styre",
        [("Helse Midt-Norge RHFs", "Helse Midt-Norge RHF", "regional_health_authority")],
    ),
    ("i Helse Bergen HF", [("Helse Bergen HF", "Helse Bergen HF", "health_trust")]),
    (
        "i Helse Møre og Romsdal HF",
        [("Helse Møre og Romsdal HF", "Helse Møre og Romsdal HF", "health_trust")],
    ),
    (
        "ved St. Olavs hospital HF",
        [("St. Olavs hospital HF", "St. Olavs hospital HF", "health_trust")],
    ),
    (
        "ved Sykehuset i Vestfold HF",
        [("Sykehuset i Vestfold HF", "Sykehuset i Vestfold HF", "health_trust")],
    ),
    (
        "ved Oslo universitetssykehus HF",
        [("Oslo universitetssykehus HF", "Oslo universitetssykehus HF", "health_trust")],
    ),
    (
        "Statsforvalteren i Agder",
        [("Statsforvalteren i Agder", "Statsforvalteren i Agder", "county_governor")],
    ),
    (
        "Statsforvalteren i Oslo og Viken og Helsedirektoratet",
        [
            (
                "Statsforvalteren i Oslo og Viken",
                "Statsforvalteren i Oslo og Viken",
                "county_governor",
            ),
            ("Helsedirektoratet", HDIR, "directorate"),
        ],
    ),
    (
        "samarbeid med Trondheim kommune",
        [("Trondheim kommune", "Trondheim kommune", "municipality")],
    ),
    ("Bergen kommunes tjenester", [("Bergen kommunes", "Bergen kommune", "municipality")]),
    (
        "tilskudd til Trøndelag fylkeskommune",
        [("Trøndelag fylkeskommune", "Trøndelag fylkeskommune", "county")],
    ),
    (
        "Vestfold og Telemark fylkeskommune",
        [("Vestfold og Telemark fylkeskommune", "Vestfold og Telemark fylkeskommune", "county")],
    ),
    (
        "ved Universitetet i Sørøst-Norge",
        [("Universitetet i Sørøst-Norge", "Universitetet i Sørøst-Norge", "university")],
    ),
    (
        "Norges teknisk-naturvitenskapelige universitet",
        [
            (
                "Norges teknisk-naturvitenskapelige universitet",
                "Norges teknisk-naturvitenskapelige universitet",
                "university",
            )
        ],
    ),
    ("ved Nord universitet", [("Nord universitet", "Nord universitet", "university")]),
    ("Høgskulen i Volda", [("Høgskulen i Volda", "Høgskulen i Volda", "university")]),
    ("Høgskolen Innlandet", [("Høgskolen Innlandet", "Høgskolen Innlandet", "university")]),
    (
        "gitt til Handelshøgskolen BI.",
        [("Handelshøgskolen BI", "Handelshøgskolen BI", "university")],
    ),
    ("Diabetesforbundets nettsider", [("Diabetesforbundets", "Diabetesforbundet", "ngo")]),
    ("av Norsk Epilepsiforbund", [("Norsk Epilepsiforbund", "Norsk Epilepsiforbund", "ngo")]),
    (
        "Norges astma- og allergiforbund",
        [("Norges astma- og allergiforbund", "Norges astma- og allergiforbund", "ngo")],
    ),
    (
        "både Legeforeningen og Kreftforeningen",
        [
            ("Legeforeningen", "Legeforeningen", "ngo"),
            ("Kreftforeningen", "Kreftforeningen", "ngo"),
        ],
    ),
    (
        "Norske Kvinners Sanitetsforening",
        [("Norske Kvinners Sanitetsforening", "Norske Kvinners Sanitetsforening", "ngo")],
    ),
    (
        "med Nasjonalforeningen for folkehelsen og",
        [("Nasjonalforeningen for folkehelsen", "Nasjonalforeningen for folkehelsen", "ngo")],
    ),
    ("ordning av Stiftelsen Dam.", [("Stiftelsen Dam", "Stiftelsen Dam", "ngo")]),
    ("72 Landsbystiftelsen", [("Landsbystiftelsen", "Landsbystiftelsen", "ngo")]),
    (
        "utført av Senter for omsorgsforskning, og",
        [("Senter for omsorgsforskning", "Senter for omsorgsforskning", "competence_centre")],
    ),
    (
        "Nasjonal kompetansetjeneste for sjeldne diagnoser",
        [
            (
                "Nasjonal kompetansetjeneste for sjeldne diagnoser",
                "Nasjonal kompetansetjeneste for sjeldne diagnoser",
                "competence_centre",
            )
        ],
    ),
    (
        "og Regionsenter for barn og unges psykiske helse,",
        [
            (
                "Regionsenter for barn og unges psykiske helse",
                "Regionsenter for barn og unges psykiske helse",
                "competence_centre",
            )
        ],
    ),
    (
        "med Akan kompetansesenter og",
        [("Akan kompetansesenter", "Akan kompetansesenter", "competence_centre")],
    ),
    (
        "bevilgning til Pårørendesenteret.",
        [("Pårørendesenteret", "Pårørendesenteret", "competence_centre")],
    ),
    (
        "tall fra OECD og UNODC",
        [("OECD", "OECD", "international"), ("UNODC", "UNODC", "international")],
    ),
    (
        "Nordisk ministerråds program",
        [("Nordisk ministerråds", "Nordisk ministerråd", "international")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES, ids=[t for t, _ in SHAPES])
def test_nlp_shape_finds_an_unlisted_body(
    actor_nlp: Language, text: str, expected: list[Found]
) -> None:
    assert found(actor_nlp, text) == expected


def test_nlp_shape_rule_is_named_in_the_span(actor_nlp: Language) -> None:
    [(_, _, _, rule)] = run(actor_nlp, "samarbeid med Trondheim kommune")
    assert rule == "shape:kommune"


def test_nlp_a_genitive_name_ends_the_name(actor_nlp: Language) -> None:
    text = "etter Direktoratet for e-helses nye råd og Helse Nords egne planer"
    assert [actor for _, actor, _ in found(actor_nlp, text)] == [
        "Direktoratet for e-helse",
        "Helse Nord RHF",
    ]


NOT_NAMES = [
    "Direktoratet skal prioritere dette, og departementet følger opp.",
    "kommunene og helseforetakene skal samarbeide med fylkeskommunene",
    "Regelverket skal forenkles, og Nettverket utvides.",
    "Hver kommune skal ha en plan.",
    "Senteret skal bidra. Kompetansesentre og forbundet.",
    "Nasjonal helse- og sykehusplan 2020–2023 følges opp.",
    "Tilskudd til kommuner og fylkeskommuner",
    "74 Kompetansesentre, kan overføres",
    "Ole Hansen og Kari Nordmann deltok.",
    "samarbeid mellom helseforetak, RHF og HF",
    "Fagdepartementet og Fagdirektoratet avgjør.",
    "lov om kommunale helse- og omsorgstjenester (helse- og omsorgstjenesteloven)",
    "Kap. 5631 Aksjer i AS",
    "se www.helsedirektoratet.no og helsedirektoratet.no/rapporter",
    "fhi og hdir med små bokstaver",
    "Personvernombud og Markedstilsyn",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_nlp_generic_words_titles_and_people_are_not_actors(actor_nlp: Language, text: str) -> None:
    assert found(actor_nlp, text) == []


VARIANTS = [
    "Helsedirektoratet",
    "Helsedirektoratets",
    "HELSEDIREKTORATET",
    "Hdir",
    "Hdirs",
    "HDIR",
]


@pytest.mark.parametrize("text", VARIANTS)
def test_nlp_every_variant_of_a_body_has_one_canonical_name(actor_nlp: Language, text: str) -> None:
    assert found(actor_nlp, f"Dette gjør {text} i år.") == [(text, HDIR, "directorate")]


INFLECTIONS: list[tuple[str, list[Found]]] = [
    ("Helse og omsorgsdepartementets brev", [("Helse og omsorgsdepartementets", HOD, "ministry")]),
    ("HELSE- OG OMSORGSDEPARTEMENTET", [("HELSE- OG OMSORGSDEPARTEMENTET", HOD, "ministry")]),
    (
        "Helse Sør–Øst RHF",
        [("Helse Sør–Øst RHF", "Helse Sør-Øst RHF", "regional_health_authority")],
    ),
    ("Helse Sør-Øst sitt", [("Helse Sør-Øst", "Helse Sør-Øst RHF", "regional_health_authority")]),
    (
        "Direktoratet for eHelse",
        [("Direktoratet for eHelse", "Direktoratet for e-helse", "directorate")],
    ),
    (
        "Direktoratet\u00a0for e\u2011helse",
        [("Direktoratet\u00a0for e\u2011helse", "Direktoratet for e-helse", "directorate")],
    ),
    (
        "FHIs og FHI's og FHI’s",
        [(s, "Folkehelseinstituttet", "agency") for s in ("FHIs", "FHI's", "FHI’s")],
    ),
    ("NAVs kontor", [("NAVs", "Arbeids- og velferdsetaten", "agency")]),
    ("Statsforvalterens ansvar", [("Statsforvalterens", "Statsforvalteren", "county_governor")]),
    (
        "statsforvalterne i alle fylker",
        [("statsforvalterne", "Statsforvalteren", "county_governor")],
    ),
    (
        "Pasient og brukerombudene",
        [("Pasient og brukerombudene", "Pasient- og brukerombudet", "ombud")],
    ),
    ("medlemmer i Virke og virke", [("Virke", "Virke", "ngo")]),
]


@pytest.mark.parametrize(("text", "expected"), INFLECTIONS, ids=[t for t, _ in INFLECTIONS])
def test_nlp_registry_names_match_in_their_inflections_and_spellings(
    actor_nlp: Language, text: str, expected: list[Found]
) -> None:
    assert found(actor_nlp, text) == expected


APART: list[tuple[str, list[str]]] = [
    ("Helse Nord RHF og Helse Sør-Øst RHF", ["Helse Nord RHF", "Helse Sør-Øst RHF"]),
    (
        "Statens helsetilsyn og Helsetilsynet i Oslo",
        ["Statens helsetilsyn", "Helsetilsynet i Oslo"],
    ),
    (
        "Arbeids- og velferdsdirektoratet og Arbeids- og velferdsetaten",
        ["Arbeids- og velferdsdirektoratet", "Arbeids- og velferdsetaten"],
    ),
    (
        "Statsforvalteren i Agder og Statsforvalteren",
        ["Statsforvalteren i Agder", "Statsforvalteren"],
    ),
    ("Helsedirektoratet og Direktoratet for e-helse", [HDIR, "Direktoratet for e-helse"]),
]


@pytest.mark.parametrize(("text", "names"), APART, ids=[t for t, _ in APART])
def test_nlp_similar_names_of_different_bodies_stay_apart(
    actor_nlp: Language, text: str, names: list[str]
) -> None:
    assert [actor for _, actor, _ in found(actor_nlp, text)] == names


@pytest.mark.parametrize(
    ("text", "year", "canonical"),
    [
        ("Statens legemiddelverk", 2022, "Statens legemiddelverk"),
        ("Direktoratet for medisinske produkter", 2024, "Direktoratet for medisinske produkter"),
        ("Statens legemiddelverk", 2024, "Statens legemiddelverk"),  # history is not rewritten
        ("Legemiddelverket", 2024, "Statens legemiddelverk"),
        ("Fylkesmannen", 2018, "Fylkesmannen"),
        ("Statsforvalteren", 2022, "Statsforvalteren"),
        ("JD", 2010, "Justis- og politidepartementet"),  # one abbreviation, two bodies
        ("JD", 2022, "Justis- og beredskapsdepartementet"),
    ],
)
def test_nlp_names_resolve_to_the_body_of_the_document_year(
    actor_nlp: Language, text: str, year: int, canonical: str
) -> None:
    [(_, actor, _)] = found(actor_nlp, f"Brev fra {text} i dag.", letter(year))
    assert actor == canonical


ABBREVIATIONS: list[tuple[str, list[Found]]] = [
    (
        "Barne-, ungdoms- og familiedirektoratet (Bufdir) har ansvaret. Bufdir og Bufdirs råd.",
        [
            (s, "Barne-, ungdoms- og familiedirektoratet", "directorate")
            for s in ("Barne-, ungdoms- og familiedirektoratet", "Bufdir", "Bufdir", "Bufdirs")
        ],
    ),
    (
        "Bufdir (Barne-, ungdoms- og familiedirektoratet) svarer, og Bufdir følger opp.",
        [
            (s, "Barne-, ungdoms- og familiedirektoratet", "directorate")
            for s in ("Bufdir", "Barne-, ungdoms- og familiedirektoratet", "Bufdir")
        ],
    ),
    (
        "SOF skriver. Senter for omsorgsforskning (SOF) og SOF.",
        [
            (s, "Senter for omsorgsforskning", "competence_centre")
            for s in ("Senter for omsorgsforskning", "SOF", "SOF")
        ],
    ),
    ("Helsedirektoratet (2022) og Helsedirektoratet (Oslo)", [(HDIR, HDIR, "directorate")] * 2),
    (
        "Folkehelseinstituttet (FHI) og FHI",
        [("Folkehelseinstituttet", "Folkehelseinstituttet", "agency")]
        + [("FHI", "Folkehelseinstituttet", "agency")] * 2,
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), ABBREVIATIONS, ids=[t[:40] for t, _ in ABBREVIATIONS]
)
def test_nlp_abbreviations_defined_in_brackets_resolve_later(
    actor_nlp: Language, text: str, expected: list[Found]
) -> None:
    assert found(actor_nlp, text) == expected


def test_nlp_abbreviation_rule_names_the_defined_alias(actor_nlp: Language) -> None:
    rules = [rule for *_, rule in run(actor_nlp, "Senter for omsorgsforskning (SOF) og SOF.")]
    assert rules == ["shape:senter_for", "abbreviation", "abbreviation"]


def test_nlp_abbreviation_carries_over_to_later_paragraphs_of_a_document(
    actor_nlp: Language,
) -> None:
    context = letter(2022)
    run(actor_nlp, "Senter for omsorgsforskning (SOF) ble etablert.", context)
    assert found(actor_nlp, "I år leverte SOF to rapporter.", context) == [
        ("SOF", "Senter for omsorgsforskning", "competence_centre")
    ]
    assert found(actor_nlp, "I år leverte SOF to rapporter.") == []


GENERIC: list[tuple[ActorContext | None, list[Found]]] = [
    (
        letter(2022),
        [
            ("Departementet", HOD, "ministry"),
            ("direktoratet", HDIR, "directorate"),
            ("direktoratets", HDIR, "directorate"),
        ],
    ),
    (
        ActorContext(DocumentKind.ANNUAL_REPORT, date(2021, 7, 1), HDIR, HOD),
        [
            ("Departementet", HOD, "ministry"),
            ("direktoratet", HDIR, "directorate"),
            ("direktoratets", HDIR, "directorate"),
        ],
    ),
    (ActorContext(DocumentKind.BUDGET_PROPOSITION, date(2024, 7, 1), HOD, "Stortinget"), []),
    (ActorContext(DocumentKind.OTHER, None, None, None), []),
    (None, []),
    (
        letter(2022, addressee="Statens helsetilsyn"),
        [("Departementet", HOD, "ministry")],
    ),  # not a directorate
]


@pytest.mark.parametrize(("context", "expected"), GENERIC)
def test_nlp_generic_words_resolve_by_the_document_role(
    actor_nlp: Language, context: ActorContext | None, expected: list[Found]
) -> None:
    text = "Departementet ber direktoratet om å følge opp direktoratets forslag."
    assert found(actor_nlp, text, context) == expected


def test_nlp_generic_word_of_an_agency_letter_is_its_addressee(actor_nlp: Language) -> None:
    context = letter(2022, addressee="Statens helsetilsyn")
    assert found(actor_nlp, "Tilsynet skal rapportere til departementet.", context) == [
        ("Tilsynet", "Statens helsetilsyn", "agency"),
        ("departementet", HOD, "ministry"),
    ]
    assert found(actor_nlp, "Tilsynet skal rapportere.", letter(2022)) == []


def test_nlp_generic_word_inside_a_name_is_the_name(actor_nlp: Language) -> None:
    assert found(actor_nlp, "Direktoratet for e-helse og direktoratet", letter(2022)) == [
        ("Direktoratet for e-helse", "Direktoratet for e-helse", "directorate"),
        ("direktoratet", HDIR, "directorate"),
    ]


def test_nlp_every_label_is_an_actor_type(actor_nlp: Language) -> None:
    text = " ".join(t for t, _ in SHAPES) + " " + " ".join(t for t, _ in INFLECTIONS)
    labels = {kind for _, _, kind in found(actor_nlp, text, letter(2022))}
    assert labels <= {t.value for t in ActorType}


def test_nlp_pipeline_runs_the_configured_components_in_order(actor_nlp: Language) -> None:
    configured = [c["name"] for c in read_pipeline_config()["components"]]
    assert actor_nlp.pipe_names == configured


SHAPE_RULES = load_shapes()


@pytest.mark.parametrize(
    "rule", SHAPE_RULES, ids=[f"{r.rule}:{r.example[:30]}" for r in SHAPE_RULES]
)
def test_nlp_every_shape_pattern_matches_its_example(actor_nlp: Language, rule: object) -> None:
    from kg.actors.shapes import ShapeRule

    assert isinstance(rule, ShapeRule)
    matcher = Matcher(actor_nlp.vocab, validate=True)
    matcher.add(rule.rule, [list(rule.pattern)])
    assert matcher(actor_nlp.make_doc(rule.example)), rule.example
    assert not rule.trigger or any(word in rule.example for word in rule.trigger)
