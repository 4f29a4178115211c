"""Plain typed records that flow one way through the pipeline stages.

ingest -> (SourceFile, Document) -> recognise -> Profile -> segment -> Segmentation
-> budget -> BudgetTable -> graph.  No stage reaches back into an earlier one; each
takes these records and returns new ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Origin:
    """A run of characters in a normalised line that came from one place in the file.

    Characters ``column`` .. (next run's column - 1) of the normalised line were
    characters ``source_column`` .. of original line ``line`` (1-based).
    """

    column: int
    line: int
    source_column: int


@dataclass(frozen=True)
class TextLine:
    """One normalised line. ``number`` is the 1-based line of the original file.

    Normalised lines stay one-to-one with the original lines: furniture becomes an
    empty line, and a word rejoined across a hyphenated line break moves up to the
    line where it starts (its characters keep their origin on the next line).
    """

    number: int
    text: str
    page: int | None = None
    origins: tuple[Origin, ...] = ()

    def locate(self, column: int) -> tuple[int, int]:
        """Original (line, column) of the character at ``column`` of this line."""
        best = Origin(0, self.number, 0)
        for origin in self.origins:
            if origin.column <= column:
                best = origin
            else:
                break
        return best.line, best.source_column + (column - best.column)

    @property
    def last_line(self) -> int:
        """Last original line that contributed characters to this line."""
        return max([self.number, *(o.line for o in self.origins)])


@dataclass(frozen=True)
class SourceFile:
    """A file as read from disk, before normalisation."""

    path: Path
    name: str
    sha256: str
    media_type: str  # "text/plain" or "application/pdf"
    encoding: str
    raw_lines: tuple[str, ...]
    pages: tuple[int, ...] | None = None  # page number of each raw line (PDF only)
    page_count: int | None = None


@dataclass(frozen=True)
class Document:
    """A normalised document: the unit every later stage works on."""

    source: SourceFile
    lines: tuple[TextLine, ...]

    @property
    def name(self) -> str:
        return self.source.name

    def text(self, first: int, last: int) -> str:
        """Normalised text of original lines ``first`` .. ``last`` (1-based, inclusive)."""
        return "\n".join(line.text for line in self.lines[first - 1 : last])

    def raw(self, first: int, last: int) -> str:
        """Original text of lines ``first`` .. ``last`` (1-based, inclusive)."""
        return "\n".join(self.source.raw_lines[first - 1 : last])


@dataclass(frozen=True)
class Skipped:
    """A file the build could not use, and why (one line for the user)."""

    path: str
    reason: str


# --------------------------------------------------------------------------- recognise


class DocumentKind(StrEnum):
    BUDGET_PROPOSITION = "budget_proposition"
    ALLOCATION_LETTER = "allocation_letter"
    ANNUAL_REPORT = "annual_report"
    OTHER = "other"


@dataclass(frozen=True)
class Profile:
    """What a document was recognised as, from its text alone."""

    kind: DocumentKind
    fiscal_year: int | None
    issuer: str | None
    addressee: str | None
    score: float = 0.0
    evidence: tuple[str, ...] = ()


# --------------------------------------------------------------------------- segment


class TableKind(StrEnum):
    POST_TABLE = "post_table"  # budget proposition, per chapter
    CATEGORY_TABLE = "category_table"  # budget proposition, chapter totals of a programme category
    ALLOCATION_TABLE = "allocation_table"  # allocation letter
    APPROPRIATION_REPORT = "appropriation_report"  # annual report, bevilgningsrapportering


@dataclass(frozen=True)
class Section:
    """A heading and the lines it governs (until the next heading of its level or above)."""

    label: str  # "2.1.3", "Kap. 714", "Post 21", "Programkategori 10.10"
    title: str
    level: int
    first_line: int
    last_line: int
    kap: int | None = None
    post: int | None = None


@dataclass(frozen=True)
class RowLines:
    """The lines one table row (or a "Sum" line) spans."""

    first_line: int
    last_line: int
    is_sum: bool = False


@dataclass(frozen=True)
class TableRegion:
    """Lines that form one budget table: its header, its rows, its unit."""

    kind: TableKind
    first_line: int
    header_last_line: int
    last_line: int
    header_text: str  # header lines, whitespace collapsed (tabs kept for tab tables)
    rows: tuple[RowLines, ...]
    unit: int | None  # multiplier to NOK stated near the table (1000 for "(i 1 000 kr)")
    unit_line: int | None
    tab_separated: bool
    heading_kap: int | None = None  # chapter named by the table's header or the heading above it
    income: bool = False  # an income-chapter table ("Inntektskapittel")


@dataclass(frozen=True)
class Segmentation:
    sections: tuple[Section, ...]
    tables: tuple[TableRegion, ...]


# --------------------------------------------------------------------------- budget


class Measure(StrEnum):
    PROPOSAL = "proposal"
    ADOPTED_BUDGET = "adopted_budget"
    ACCOUNTS = "accounts"
    APPROPRIATION = "appropriation"
    ALLOCATION = "allocation"


class ColumnRole(StrEnum):
    AMOUNT = "amount"  # a Measure column
    DIFFERENCE = "difference"  # allocation - accounts (or accounts - allocation for income)
    PERCENT_CHANGE = "percent_change"  # values in tenths of a percent ("8,6" -> 86)
    OTHER = "other"  # printed but not used ("Postert på avgitte belastningsfullmakter")


@dataclass(frozen=True)
class Column:
    role: ColumnRole
    measure: Measure | None
    year: int | None
    label: str


class RowStatus(StrEnum):
    """How a row's amounts were settled. Every status but UNRECONCILED is trustworthy."""

    CHECKED = "checked"  # one reading only, and a printed total/difference confirms it
    RECONCILED = "reconciled"  # several readings; a printed total/difference chose one
    UNAMBIGUOUS = "unambiguous"  # one reading only, nothing printed to check it against
    INFERRED = "inferred"  # several readings, chosen by layout rules (listed in the report)
    UNRECONCILED = "unreconciled"  # a printed total/difference contradicts every reading


@dataclass(frozen=True)
class BudgetRow:
    kap: int
    post: int | None  # None for a chapter total
    post_label: str  # as printed: "01", "21/70"; "" for a chapter total
    title: str  # without qualifiers
    qualifiers: tuple[str, ...]  # "kan overføres", "kan nyttes under post 21"
    values: tuple[int | None, ...]  # one per table column: NOK, or tenths of a percent
    first_line: int
    last_line: int
    quote: str  # the original text of the row's lines
    status: RowStatus
    note: str = ""
    is_total: bool = False  # a "Sum kap." line


@dataclass(frozen=True)
class Check:
    """A reconciliation made against a number the document prints."""

    kind: str  # "column_sum", "row_difference", "percent_change"
    line: int
    expected: int
    found: int
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class BudgetTable:
    document: str
    kind: TableKind
    region: TableRegion
    columns: tuple[Column, ...]
    rows: tuple[BudgetRow, ...]
    checks: tuple[Check, ...] = ()
    issues: tuple[str, ...] = field(default=())

    @property
    def reconciled(self) -> bool:
        return all(c.ok for c in self.checks) and all(
            r.status is not RowStatus.UNRECONCILED for r in self.rows
        )


# --------------------------------------------------------------------------- actors


class ActorType(StrEnum):
    MINISTRY = "ministry"
    PARLIAMENT = "parliament"
    DIRECTORATE = "directorate"
    AGENCY = "agency"
    OMBUD = "ombud"
    STATE_ENTERPRISE = "state_enterprise"
    REGIONAL_HEALTH_AUTHORITY = "regional_health_authority"
    HEALTH_TRUST = "health_trust"
    COUNTY_GOVERNOR = "county_governor"
    MUNICIPALITY = "municipality"
    COUNTY = "county"
    UNIVERSITY = "university"
    RESEARCH_INSTITUTE = "research_institute"
    COMPETENCE_CENTRE = "competence_centre"
    NGO = "ngo"
    COMPANY = "company"
    INTERNATIONAL = "international"
    OTHER = "other"


class RelationKind(StrEnum):
    SUPERVISES = "supervises"  # etatsstyring: a ministry or agency governs a subordinate body
    OWNS = "owns"  # a ministry owns a state enterprise (tilknyttet virksomhet)
    PART_OF = "part_of"  # a unit inside another body
    DELEGATED_SUPERVISION = "delegated_supervision"  # governs on another's behalf
    RENAMED_TO = "renamed_to"
    MERGED_INTO = "merged_into"
    ADMINISTERS_GRANTS_FOR = "administers_grants_for"


@dataclass(frozen=True)
class ActorMention:
    """One place a document names an organisation, resolved to its canonical name."""

    actor: str  # canonical name: the key of the Actor
    surface: str  # the text as written ("Helsedirektoratets", "Hdir", "direktoratet")
    line: int  # original line where the mention starts (1-based)
    column: int  # column in that normalised line
    rule: str  # what found it: "registry", "shape:<name>", "abbreviation", "generic"


@dataclass(frozen=True)
class Actor:
    """An organisation under one canonical identity."""

    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()  # names that identify the body on their own
    parent: str | None = None  # canonical name of the body it belongs to
    identifier: str | None = None  # "NO-BRC-<orgnr>", only where verified
    in_registry: bool = True  # False: found by a name-shape rule only


@dataclass(frozen=True)
class ActorChange:
    """A body renamed or merged into another on a date; both names are kept."""

    kind: RelationKind  # RENAMED_TO or MERGED_INTO
    old: str
    new: str
    date: str  # ISO date the change took effect
    source: str = "registry"  # "registry", or the document that states it


@dataclass(frozen=True)
class Relation:
    """A governance relation stated in a document, with the sentence that states it."""

    subject: str
    predicate: RelationKind
    object: str
    document: str
    first_line: int
    last_line: int
    quote: str


# --------------------------------------------------------------------------- money flows


class FlowKind(StrEnum):
    APPROPRIATION = "appropriation"  # Stortinget -> ministry
    ALLOCATION = "allocation"  # ministry -> agency
    GRANT = "grant"  # agency (or ministry) -> a named recipient
    SCHEME = "scheme"  # money into a grant scheme
    OWN_ACTIVITY = "own_activity"  # the agency's own activity or purpose


class RecipientKind(StrEnum):
    ORGANISATION = "organisation"
    GRANT_SCHEME = "grant_scheme"
    MUNICIPALITIES = "municipalities"
    REGIONAL_HEALTH_AUTHORITIES = "regional_health_authorities"
    COUNTY_GOVERNORS = "county_governors"
    OWN_ACTIVITY = "own_activity"
    OTHER = "other"


@dataclass(frozen=True)
class Flow:
    """An amount a document says passes from a payer to a recipient, with its evidence."""

    document: str
    fiscal_year: int | None
    payer: str | None  # canonical actor name
    recipient: str  # canonical actor, scheme name, recipient group, or the purpose
    recipient_kind: RecipientKind
    recipient_text: str  # as written
    amount_nok: int
    kap: int | None
    post: int | None
    kind: FlowKind
    earmarked: bool
    is_total: bool  # "tildeles totalt X": the sum of the items under it
    first_line: int
    last_line: int
    quote: str
    parent_line: int | None = None  # first line of the flow a sub-amount belongs to


@dataclass(frozen=True)
class BudgetChange:
    """A change against last year ("økt med", "redusert med", "flyttet fra kap. A post B"):
    not money paid to anyone."""

    document: str
    fiscal_year: int | None
    amount_nok: int
    direction: str  # "increase", "decrease" or "move"
    kap: int | None
    post: int | None
    from_kap: int | None
    from_post: int | None
    to_kap: int | None
    to_post: int | None
    first_line: int
    last_line: int
    quote: str


@dataclass(frozen=True)
class TotalCheck:
    """A "totalt" line compared with the items listed under it."""

    document: str
    line: int
    kap: int | None
    post: int | None
    total_nok: int
    items_nok: int
    item_lines: tuple[int, ...]
    ok: bool


class PlanType(StrEnum):
    STRATEGY = "strategy"
    ACTION_PLAN = "action_plan"
    ESCALATION_PLAN = "escalation_plan"
    REFORM = "reform"
    PROGRAMME = "programme"
    WHITE_PAPER = "white_paper"
    PROPOSITION = "proposition"
    LAW = "law"
    OTHER = "other"


@dataclass(frozen=True)
class SchemeMention:
    """A grant scheme (tilskuddsordning) named in a document, with what the text says of it."""

    name: str  # canonical name of the scheme
    surface: str
    document: str
    line: int
    kap: int | None = None
    post: int | None = None
    administered_by: str | None = None  # canonical actor
    recipient_group: str | None = None
    scheme_id: str | None = None  # a scheme number, where given


@dataclass(frozen=True)
class PlanMention:
    """A strategy, plan, programme, white paper, proposition or law named in a document."""

    name: str  # canonical name
    type: PlanType
    surface: str
    document: str
    line: int
    period: str | None = None  # "2020–2023"
    owner: str | None = None  # canonical actor


@dataclass(frozen=True)
class GrantScheme:
    """One grant scheme across its name variants and the documents that name it."""

    name: str
    aliases: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()  # funding posts as "714.60"
    administered_by: str | None = None  # canonical actor
    recipient_group: str | None = None
    scheme_id: str | None = None
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    """One strategy, plan, programme, white paper, proposition or law across its names."""

    name: str
    type: PlanType
    period: str | None = None
    owner: str | None = None  # canonical actor
    aliases: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowUp:
    """A measure, scheme or actor that implements or follows up a plan, with evidence."""

    subject: str  # a flow's purpose, a scheme name or an actor name
    subject_kind: str  # "measure", "scheme" or "actor"
    plan: str  # canonical plan name
    document: str
    first_line: int
    last_line: int
    quote: str


# --------------------------------------------------------------------------- build


@dataclass(frozen=True)
class DocumentExtraction:
    """Everything extracted from one document; what the graph stage consumes."""

    document: Document
    profile: Profile
    segmentation: Segmentation
    tables: tuple[BudgetTable, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    relations: tuple[Relation, ...] = ()
    flows: tuple[Flow, ...] = ()
    changes: tuple[BudgetChange, ...] = ()
    total_checks: tuple[TotalCheck, ...] = ()
    schemes: tuple[SchemeMention, ...] = ()
    plans: tuple[PlanMention, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    """The entities of a whole build, each under one identity: organisations and their
    dated changes, grant schemes and plans."""

    actors: tuple[Actor, ...] = ()
    changes: tuple[ActorChange, ...] = ()
    schemes: tuple[GrantScheme, ...] = ()
    plans: tuple[Plan, ...] = ()
