"""Shared test helpers: Documents built from plain text, and the corpus beside the repo."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset

from kg.graph.build import build_dataset
from kg.records import (
    Actor,
    ActorChange,
    ActorMention,
    ActorType,
    BudgetChange,
    BudgetRow,
    BudgetTable,
    Catalogue,
    Column,
    ColumnRole,
    Document,
    DocumentExtraction,
    DocumentKind,
    Flow,
    FlowKind,
    FollowUp,
    Measure,
    PlanMention,
    PlanType,
    Profile,
    RecipientKind,
    Relation,
    RelationKind,
    RowLines,
    RowStatus,
    SchemeMention,
    Section,
    Segmentation,
    SourceFile,
    TableKind,
    TableRegion,
    TextLine,
)

CORPUS_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def make_document(text: str, name: str = "doc.txt") -> Document:
    """A Document whose normalised lines are the lines of ``text`` as they are."""
    raw_lines = tuple(text.splitlines())
    source = SourceFile(
        path=Path(name),
        name=name,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type="text/plain",
        encoding="utf-8",
        raw_lines=raw_lines,
    )
    lines = tuple(TextLine(number=i, text=line) for i, line in enumerate(raw_lines, start=1))
    return Document(source=source, lines=lines)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus`` next to the repository; tests that need it skip without it."""
    if not CORPUS_DIR.is_dir() or not any(CORPUS_DIR.glob("*.txt")):
        pytest.skip(f"corpus not found at {CORPUS_DIR}")
    return CORPUS_DIR


# --------------------------------------------------------------------------- graph stage
# Hand-made DocumentExtraction records for the graph, export and query tests: they do
# not depend on the ingest, recognise, segment or budget stages.

GRAPH_SOFTWARE_VERSION = "0.1.0-test"

PROPOSITION_LINES = (
    "Prop. 1 S (2023–2024)",
    "Kap. 714 Folkehelse",
    "(i 1 000 kr)",
    "Post Betegnelse Regnskap 2022 Saldert budsjett 2023 Forslag 2024 Endring i pst.",
    "21 Spesielle driftsutgifter, kan nyttes under post 79 116 771 102 802 120 362 17,1",
    '70 Tilskudd til "frivillige" organisasjoner,',
    "kan overføres \\ 1 000 2 000",
    "Sum kap. 0714 117 771 102 802 122 362",
)

LETTER_LINES = (
    "Tildelingsbrev 2024 til Helsedirektoratet",
    "(i 1 000 kr)",
    "0714.21 Spesielle driftsutgifter 50 000",
)


def graph_document(name: str, lines: Sequence[str], pages: Sequence[int | None]) -> Document:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    source = SourceFile(
        path=Path(name),
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type="text/plain",
        encoding="utf-8",
        raw_lines=tuple(lines),
    )
    text_lines = tuple(
        TextLine(number=i, text=text, page=page)
        for i, (text, page) in enumerate(zip(lines, pages, strict=True), start=1)
    )
    return Document(source=source, lines=text_lines)


def graph_proposition(name: str = "prop.txt") -> DocumentExtraction:
    """Prop. 1 S (2023–2024): one post table of kap. 714, one row unreconciled."""
    document = graph_document(name, PROPOSITION_LINES, (1, 1, 1, 1, 2, 2, 2, 2))
    columns = (
        Column(ColumnRole.AMOUNT, Measure.ACCOUNTS, 2022, "Regnskap 2022"),
        Column(ColumnRole.AMOUNT, Measure.ADOPTED_BUDGET, 2023, "Saldert budsjett 2023"),
        Column(ColumnRole.AMOUNT, Measure.PROPOSAL, None, "Forslag 2024"),
        Column(ColumnRole.PERCENT_CHANGE, None, None, "Endring i pst."),
    )
    rows = (
        BudgetRow(
            714,
            21,
            "21",
            "Spesielle driftsutgifter",
            ("kan nyttes under post 79",),
            (116_771_000, 102_802_000, 120_362_000, 171),
            5,
            5,
            PROPOSITION_LINES[4],
            RowStatus.CHECKED,
        ),
        BudgetRow(
            714,
            70,
            "70",
            'Tilskudd til "frivillige" organisasjoner',
            ("kan overføres",),
            (1_000_000, None, 2_000_000, None),
            6,
            7,
            "\n".join(PROPOSITION_LINES[5:7]),
            RowStatus.UNRECONCILED,
            note="column sum is off by 2 000",
        ),
        BudgetRow(
            714,
            None,
            "",
            "Sum kap. 0714",
            (),
            (117_771_000, 102_802_000, 122_362_000, None),
            8,
            8,
            PROPOSITION_LINES[7],
            RowStatus.RECONCILED,
            is_total=True,
        ),
    )
    region = TableRegion(
        kind=TableKind.POST_TABLE,
        first_line=4,
        header_last_line=4,
        last_line=8,
        header_text=PROPOSITION_LINES[3],
        rows=(RowLines(5, 5), RowLines(6, 7), RowLines(8, 8, is_sum=True)),
        unit=1000,
        unit_line=3,
        tab_separated=False,
        heading_kap=714,
    )
    table = BudgetTable(name, TableKind.POST_TABLE, region, columns, rows)
    profile = Profile(
        DocumentKind.BUDGET_PROPOSITION, 2024, "Helse- og omsorgsdepartementet", "Stortinget"
    )
    sections = (Section("Kap. 714", "Folkehelse", 1, 2, 8, kap=714),)
    return DocumentExtraction(document, profile, Segmentation(sections, ()), (table,))


def graph_allocation_letter(name: str = "tildelingsbrev.txt") -> DocumentExtraction:
    """Allocation letter 2024: kap. 714 post 21 placed at Helsedirektoratet's disposal."""
    document = graph_document(name, LETTER_LINES, (None, None, None))
    columns = (Column(ColumnRole.AMOUNT, Measure.ALLOCATION, None, "Beløp"),)
    rows = (
        BudgetRow(
            714,
            21,
            "21",
            "Spesielle driftsutgifter",
            (),
            (50_000_000,),
            3,
            3,
            LETTER_LINES[2],
            RowStatus.UNAMBIGUOUS,
        ),
    )
    region = TableRegion(
        kind=TableKind.ALLOCATION_TABLE,
        first_line=2,
        header_last_line=2,
        last_line=3,
        header_text=LETTER_LINES[1],
        rows=(RowLines(3, 3),),
        unit=1000,
        unit_line=2,
        tab_separated=False,
    )
    table = BudgetTable(name, TableKind.ALLOCATION_TABLE, region, columns, rows)
    profile = Profile(
        DocumentKind.ALLOCATION_LETTER, 2024, "Helse- og omsorgsdepartementet", "Helsedirektoratet"
    )
    mentions = (
        ActorMention("Helsedirektoratet", "Helsedirektoratet", 1, 0, "registry"),
        ActorMention("Helsedirektoratet", "direktoratet", 3, 10, "generic"),
        ActorMention("Helse- og omsorgsdepartementet", "HOD", 1, 30, "registry"),
    )
    relations = (
        Relation(
            "Helse- og omsorgsdepartementet",
            RelationKind.SUPERVISES,
            "Helsedirektoratet",
            name,
            1,
            1,
            LETTER_LINES[0],
        ),
    )
    flows = (
        Flow(
            name,
            2024,
            "Helse- og omsorgsdepartementet",
            "Helsedirektoratet",
            RecipientKind.ORGANISATION,
            "Helsedirektoratet",
            50_000_000,
            714,
            21,
            FlowKind.ALLOCATION,
            False,
            True,
            3,
            3,
            LETTER_LINES[2],
        ),
        Flow(
            name,
            2024,
            "Helsedirektoratet",
            "Tilskuddsordning for folkehelsearbeid",
            RecipientKind.GRANT_SCHEME,
            "tilskuddsordningen",
            30_000_000,
            714,
            21,
            FlowKind.SCHEME,
            False,
            False,
            3,
            3,
            LETTER_LINES[2],
            parent_line=3,
        ),
        Flow(
            name,
            2024,
            "Helsedirektoratet",
            "kampanjer",
            RecipientKind.OWN_ACTIVITY,
            "kampanjer",
            20_000_000,
            714,
            21,
            FlowKind.OWN_ACTIVITY,
            False,
            False,
            3,
            3,
            LETTER_LINES[2],
            parent_line=3,
        ),
    )
    changes = (
        BudgetChange(
            name, 2024, 4_000_000, "move", 714, 21, 714, 79, 714, 21, 3, 3, LETTER_LINES[2]
        ),
    )
    schemes = (
        SchemeMention(
            "Tilskuddsordning for folkehelsearbeid",
            "tilskuddsordningen",
            name,
            3,
            714,
            21,
            "Helsedirektoratet",
        ),
    )
    plans = (
        PlanMention("Folkehelsemeldingen", PlanType.WHITE_PAPER, "folkehelsemeldingen", name, 1),
    )
    follow_ups = (
        FollowUp(
            "Tilskuddsordning for folkehelsearbeid",
            "scheme",
            "Folkehelsemeldingen",
            name,
            1,
            1,
            LETTER_LINES[0],
        ),
    )
    return DocumentExtraction(
        document,
        profile,
        Segmentation((), ()),
        (table,),
        mentions,
        relations,
        flows,
        changes,
        (),
        schemes,
        plans,
        follow_ups,
    )


GRAPH_CATALOGUE = Catalogue(
    actors=(
        Actor("Direktoratet for medisinske produkter", ActorType.DIRECTORATE, ("DMP",)),
        Actor("Helse- og omsorgsdepartementet", ActorType.MINISTRY, ("HOD",)),
        Actor(
            "Helsedirektoratet",
            ActorType.DIRECTORATE,
            ("Hdir",),
            parent="Helse- og omsorgsdepartementet",
        ),
        Actor("Statens legemiddelverk", ActorType.AGENCY, ("Legemiddelverket",)),
    ),
    changes=(
        ActorChange(
            RelationKind.RENAMED_TO,
            "Statens legemiddelverk",
            "Direktoratet for medisinske produkter",
            "2024-01-01",
        ),
    ),
)


@pytest.fixture
def graph_extractions() -> tuple[DocumentExtraction, ...]:
    """A budget proposition and an allocation letter for 2024."""
    return (graph_proposition(), graph_allocation_letter())


@pytest.fixture
def make_graph_extraction() -> Callable[..., DocumentExtraction]:
    """Factory: ``make_graph_extraction("proposition", name="x.txt")``."""
    makers: dict[str, Callable[..., DocumentExtraction]] = {
        "proposition": graph_proposition,
        "allocation_letter": graph_allocation_letter,
    }

    def make(kind: str, **options: str) -> DocumentExtraction:
        return makers[kind](**options)

    return make


@pytest.fixture
def graph_dataset(graph_extractions: tuple[DocumentExtraction, ...]) -> Dataset:
    """The sample extractions built into a graph."""
    return build_dataset(
        graph_extractions, software_version=GRAPH_SOFTWARE_VERSION, catalogue=GRAPH_CATALOGUE
    )


# --------------------------------------------------------------------------- whole corpus


@pytest.fixture(scope="session")
def corpus_extractions(corpus_dir: Path) -> dict[str, DocumentExtraction]:
    """Every corpus document read and extracted once per test session, by file name."""
    from kg.pipeline import read_corpus

    extractions, skipped = read_corpus([corpus_dir])
    assert not skipped
    return {e.document.name: e for e in extractions}


# --------------------------------------------------------------------------- actors
# A small registry of its own for the actor tests: they do not depend on the shipped
# registry data (kg/data/actors/), which another file's tests check.

import spacy.language  # noqa: E402

import kg.actors  # noqa: E402

ACTOR_REGISTRY_CSV = """\
canonical_name,type,aliases,parent,identifier,note
Stortinget,parliament,,,,
Helse- og omsorgsdepartementet,ministry,HOD,,,
Justis- og beredskapsdepartementet,ministry,JD,,,
Justis- og politidepartementet,ministry,JD,,,former
Helsedirektoratet,directorate,Hdir,Helse- og omsorgsdepartementet,,
Direktoratet for e-helse,directorate,,Helse- og omsorgsdepartementet,,former
Direktoratet for medisinske produkter,directorate,DMP,Helse- og omsorgsdepartementet,,
Arbeids- og velferdsdirektoratet,directorate,,,,
Statens legemiddelverk,agency,Legemiddelverket|SLV,Helse- og omsorgsdepartementet,,former
Folkehelseinstituttet,agency,FHI|Nasjonalt folkehelseinstitutt,Helse- og omsorgsdepartementet,,
Statens helsetilsyn,agency,Helsetilsynet,Helse- og omsorgsdepartementet,,
Helseøkonomiforvaltningen,agency,Helfo,Helsedirektoratet,,
Arbeids- og velferdsetaten,agency,NAV|Nav,,,case_sensitive
Pasient- og brukerombudet,ombud,Pasient- og brukerombudene|pasient- og brukerombudene,,,
Helse Nord RHF,regional_health_authority,Helse Nord,Helse- og omsorgsdepartementet,,
Helse Sør-Øst RHF,regional_health_authority,Helse Sør-Øst,Helse- og omsorgsdepartementet,,
Fylkesmannen,county_governor,Fylkesmennene,,,former
Statsforvalteren,county_governor,Statsforvalterne|statsforvalterne,,,
Verdens helseorganisasjon,international,WHO,,,
Virke,ngo,,,,case_sensitive
"""

ACTOR_CHANGES_CSV = """\
kind,old,new,date,note
renamed_to,Justis- og politidepartementet,Justis- og beredskapsdepartementet,2012-01-01,
renamed_to,Fylkesmannen,Statsforvalteren,2021-01-01,
merged_into,Direktoratet for e-helse,Helsedirektoratet,2024-01-01,
renamed_to,Statens legemiddelverk,Direktoratet for medisinske produkter,2024-01-01,
"""


@pytest.fixture(scope="session")
def actor_registry_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The test registry written as CSV files: (registry.csv, changes.csv)."""
    folder = tmp_path_factory.mktemp("actors")
    (folder / "registry.csv").write_text(ACTOR_REGISTRY_CSV, encoding="utf-8")
    (folder / "changes.csv").write_text(ACTOR_CHANGES_CSV, encoding="utf-8")
    return folder / "registry.csv", folder / "changes.csv"


@pytest.fixture(scope="session")
def actor_registry(actor_registry_files: tuple[Path, Path]) -> kg.actors.ActorRegistry:
    """The test registry, read once per session."""
    return kg.actors.load_registry_from(*actor_registry_files)


@pytest.fixture(scope="session")
def actor_nlp(actor_registry: kg.actors.ActorRegistry) -> spacy.language.Language:
    """The actor pipeline built for the test registry (once per session)."""
    return kg.actors.actor_pipeline(actor_registry)


# --------------------------------------------------------------------------- schemes and plans
# Texts written for the tests, read as documents with hand-made profiles and mentions.

LETTER_PROFILE = Profile(
    DocumentKind.ALLOCATION_LETTER, 2030, "Helse- og omsorgsdepartementet", "Helsedirektoratet"
)
REPORT_PROFILE = Profile(
    DocumentKind.ANNUAL_REPORT, 2030, "Helsedirektoratet", "Helse- og omsorgsdepartementet"
)


def prose_inputs(
    text: str, name: str = "doc.txt", profile: Profile = LETTER_PROFILE
) -> tuple[Document, Profile, Segmentation]:
    """A document of ``text`` lines, its profile and its segmentation."""
    from kg.segment import segment

    document = make_document(text, name)
    return document, profile, segment(document)


def pattern_examples(node: Any, where: str, *, required: bool) -> list[tuple[str, str, str]]:
    """(place, pattern, example) for every ``*pattern`` key of a rules file's data and the
    ``*example`` beside it; ``required``: a pattern without its example fails."""
    found: list[tuple[str, str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("pattern") and isinstance(value, str):
                example = node.get(key.replace("pattern", "example"))
                if required:
                    assert isinstance(example, str), f"{where}.{key} has no example"
                if isinstance(example, str):
                    found.append((f"{where}.{key}", value, example))
            found.extend(pattern_examples(value, f"{where}.{key}", required=required))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.extend(pattern_examples(item, f"{where}[{index}]", required=required))
    return found


def hand_mentions(text: str, actors: dict[str, str]) -> tuple[ActorMention, ...]:
    """A mention of ``actors[surface]`` wherever ``surface`` stands in ``text``."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for surface, actor in actors.items():
            column = line.find(surface)
            while column >= 0:
                found.append(ActorMention(actor, surface, number, column, "registry"))
                column = line.find(surface, column + 1)
    return tuple(sorted(found, key=lambda m: (m.line, m.column)))


# --------------------------------------------------------------------------- flows
# Letters and propositions written for the flow tests, read with hand-made profiles and
# actor mentions: the flow tests do not depend on the actor stage.

from kg.records import TotalCheck  # noqa: E402

FLOW_LETTER = Profile(
    DocumentKind.ALLOCATION_LETTER, 2030, "Helse- og omsorgsdepartementet", "Helsedirektoratet"
)
FLOW_PROPOSITION = Profile(
    DocumentKind.BUDGET_PROPOSITION, 2030, "Helse- og omsorgsdepartementet", "Stortinget"
)


def read_prose_flows(
    text: str,
    *,
    profile: Profile = FLOW_LETTER,
    actors: dict[str, str] | None = None,
    tables: Sequence[BudgetTable] = (),
    table_lines: tuple[int, int] | None = None,
) -> tuple[tuple[Flow, ...], tuple[BudgetChange, ...], tuple[TotalCheck, ...]]:
    """Flows, changes and total checks of ``text``; ``actors`` maps a surface to the
    actor it names; ``table_lines`` marks a table region (first, last line)."""
    from kg.flows import extract_flows
    from kg.segment import segment

    document = make_document(text)
    segmentation = segment(document)
    if table_lines is not None:
        first, last = table_lines
        region = TableRegion(
            TableKind.ALLOCATION_TABLE, first, first, last, "", (), 1000, None, False
        )
        segmentation = Segmentation(segmentation.sections, (*segmentation.tables, region))
    mentions = []
    for number, line in enumerate(document.lines, start=1):
        for surface, actor in (actors or {}).items():
            column = line.text.find(surface)
            while column >= 0:
                mentions.append(ActorMention(actor, surface, number, column, "registry"))
                column = line.text.find(surface, column + 1)
    return extract_flows(document, profile, segmentation, tables, mentions)


@pytest.fixture(scope="session")
def corpus_documents(corpus_dir: Path) -> list[tuple[Document, Profile, Segmentation]]:
    """Every corpus document read, recognised and segmented once per test session."""
    from kg.ingest import load_documents
    from kg.recognise import recognise
    from kg.segment import segment

    documents, skipped = load_documents([corpus_dir])
    assert not skipped
    return [(d, recognise(d), segment(d)) for d in sorted(documents, key=lambda d: d.name)]


# --------------------------------------------------------------------------- views
# A graph whose names and quotes are hostile HTML: every page must show them as text.

HOSTILE_NAME = 'Tilskudd <script>alert("navn")</script> AS'
HOSTILE_SCHEME = 'Ordning "<img src=x onerror=alert(1)>"'
HOSTILE_QUOTE = '</script><script>alert("sitat")</script> 5 mill. kroner til <b>fet</b> & co'


def hostile_letter() -> DocumentExtraction:
    """The allocation letter of the graph tests, its flows paid to hostile names."""
    from dataclasses import replace

    letter = graph_allocation_letter("brev<script>.txt")
    total, scheme, own = letter.flows
    grant = replace(
        scheme,
        recipient=HOSTILE_NAME,
        recipient_kind=RecipientKind.ORGANISATION,
        recipient_text=HOSTILE_NAME,
        kind=FlowKind.GRANT,
        quote=HOSTILE_QUOTE,
        amount_nok=5_000_000,
        parent_line=None,
    )
    flows = (
        total,
        replace(scheme, recipient=HOSTILE_SCHEME, quote=HOSTILE_QUOTE, parent_line=None),
        replace(own, recipient='<iframe src="x">kampanjer', parent_line=None),
        grant,
    )
    schemes = tuple(replace(s, name=HOSTILE_SCHEME) for s in letter.schemes)
    return replace(letter, flows=flows, schemes=schemes, follow_ups=())


@pytest.fixture
def hostile_dataset() -> Dataset:
    """A proposition and a letter whose recipients and quotes are HTML and script."""
    return build_dataset(
        (graph_proposition(), hostile_letter()),
        software_version=GRAPH_SOFTWARE_VERSION,
        catalogue=GRAPH_CATALOGUE,
    )


@pytest.fixture(scope="session")
def demo_graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo corpus built once per test session (in this process)."""
    from kg.pipeline import build, demo_corpus

    out = tmp_path_factory.mktemp("demo-graph")
    build([demo_corpus()], out)
    return out


@pytest.fixture(scope="session")
def corpus_graph_dir(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus built once per test session (in this process)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("corpus-graph")
    build([corpus_dir], out)
    return out


# --------------------------------------------------------------------------- store cache
# Disk stores made during the tests (kg query, kg export, Engine.open(..., "disk")) go to a
# temporary folder, never into the user's cache; $KG_STORE from the shell is ignored.

from collections.abc import Iterator  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def store_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """$KG_CACHE points at a session folder of its own (child processes inherit it)."""
    folder = tmp_path_factory.mktemp("kg-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KG_CACHE", str(folder))
        patch.delenv("KG_STORE", raising=False)
        yield folder
