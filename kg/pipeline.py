"""The one orchestrator: ingest -> recognise -> segment -> budget tables -> graph -> files.

The CLI and the notebooks call these functions; no stage calls back into an earlier one.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kg import __version__
from kg.actors import actor_pipeline, find_mentions, load_registry
from kg.actors.relations import find_relations
from kg.budget.extract import extract_tables
from kg.entities import canonicalise, catalogue_of
from kg.errors import InputError, InvalidGraph
from kg.flows import extract_flows
from kg.graph.build import build_quads
from kg.graph.serialise import Statement
from kg.graph.store import write_statements
from kg.ingest import load_documents
from kg.money.chain import table_flows
from kg.plans import find_follow_ups, find_plans
from kg.recognise import recognise
from kg.records import Document, DocumentExtraction, Skipped
from kg.report import build_report, write_report
from kg.runtime import can_fork, collector_paused, cores, forked_workers
from kg.schemes import find_schemes
from kg.segment import segment
from kg.validate import default_shapes, shapes_of, validate_triples

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    extractions: tuple[DocumentExtraction, ...]
    skipped: tuple[Skipped, ...]
    written: tuple[Path, ...]
    report: dict[str, Any]


def demo_corpus() -> Path:
    """The bundled demo corpus: three short documents, one of each kind."""
    return Path(str(resources.files("kg") / "data" / "demo"))


def extract(document: Document) -> DocumentExtraction:
    """Everything the extractors find in one normalised document."""
    profile = recognise(document)
    segmentation = segment(document)
    tables = extract_tables(document, profile, segmentation.tables)
    mentions = find_mentions(document, profile)
    relations = find_relations(document, mentions, profile=profile, changes=load_registry().changes)
    prose_flows, changes, total_checks = extract_flows(
        document, profile, segmentation, tables, mentions
    )
    flows = (*table_flows(document.name, profile, tables), *prose_flows)
    schemes = find_schemes(document, profile, segmentation, mentions)
    plans = find_plans(document, profile, segmentation, mentions)
    follow_ups = find_follow_ups(document, profile, segmentation, mentions, schemes=schemes)
    return DocumentExtraction(
        document,
        profile,
        segmentation,
        tables,
        mentions,
        relations,
        flows=flows,
        changes=changes,
        total_checks=total_checks,
        schemes=schemes,
        plans=plans,
        follow_ups=follow_ups,
    )


def read_corpus(
    paths: Sequence[Path], *, progress: Progress | None = None
) -> tuple[list[DocumentExtraction], list[Skipped]]:
    """Load and extract every usable document under ``paths``; list the rest as skipped.

    Documents are extracted side by side in worker processes (one per core, see
    :func:`extract_all`); the result does not depend on how many there were.
    """
    with collector_paused():  # the workers inherit the pause
        documents, skipped = load_documents(list(paths))
        extractions = extract_all(documents, progress=progress)
    extractions.sort(key=lambda e: (e.document.name, e.document.source.sha256))
    return extractions, skipped


def extract_all(
    documents: Sequence[Document], *, progress: Progress | None = None
) -> list[DocumentExtraction]:
    """``extract`` of each document, in the order given.

    With more than one document and core, the documents are extracted in forked worker
    processes (:func:`kg.runtime.forked_workers`), the longest first. A worker inherits
    the documents and the actor pipeline, built here once, and sends back each
    extraction without its document, which is put back here.
    """
    workers = min(len(documents), cores())
    if workers < 2 or not can_fork():
        extracted = []
        for document in documents:
            if progress:
                progress(document.name)
            extracted.append(extract(document))
        return extracted
    actor_pipeline()

    def detached(index: int) -> bytes:
        return _detach(extract(documents[index]))

    found: dict[int, DocumentExtraction] = {}
    longest_first = sorted(range(len(documents)), key=lambda i: -len(documents[i].lines))
    with forked_workers(detached, workers) as submit:
        futures = {submit(index): index for index in longest_first}
        for future in as_completed(futures):
            document = documents[futures[future]]
            if progress:
                progress(document.name)
            found[futures[future]] = _attach(future.result(), document)
    return [found[index] for index in range(len(documents))]


class _DetachingPickler(pickle.Pickler):
    """Pickles an extraction with its document as a reference, not a copy (a document's
    lines are most of an extraction, and the slowest part to unpickle)."""

    def __init__(self, file: io.BytesIO, document: Document) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.document = document

    def persistent_id(self, obj: object) -> str | None:
        return "document" if obj is self.document else None


class _AttachingUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, document: Document) -> None:
        super().__init__(file)
        self.document = document

    def persistent_load(self, pid: object) -> Document:
        if pid != "document":
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self.document


def _detach(extraction: DocumentExtraction) -> bytes:
    buffer = io.BytesIO()
    _DetachingPickler(buffer, extraction.document).dump(extraction)
    return buffer.getvalue()


def _attach(data: bytes, document: Document) -> DocumentExtraction:
    extraction = _AttachingUnpickler(io.BytesIO(data), document).load()
    if not isinstance(extraction, DocumentExtraction):
        raise TypeError(f"a worker sent {type(extraction).__name__}, not an extraction")
    return extraction


def build(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    strict: bool = False,
    progress: Progress | None = None,
    check_shapes: bool = True,
    shapes: Path | None = None,
) -> BuildResult:
    """Build the graph and the report from ``paths`` into ``out_dir``.

    The graph is checked against the SHACL shapes (``shapes``, default
    ontology/shapes.ttl) before anything is written, unless ``check_shapes`` is false.
    Nothing is written when nothing could be read, when ``strict`` and a file was
    skipped, or when the graph breaks a shape (``InvalidGraph``): a build already in
    ``out_dir`` stays as it was.
    """
    extractions, skipped = read_corpus(paths, progress=progress)
    if strict and skipped:
        raise InputError(f"{skipped[0].path}: {skipped[0].reason} (--strict: nothing written)")
    if not extractions:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3]) or "no files found"
        raise InputError(f"no document could be read ({reasons}); nothing written")
    catalogue = catalogue_of(extractions)
    extractions = canonicalise(extractions, catalogue)
    quads: list[Statement] = list(
        build_quads(extractions, software_version=__version__, catalogue=catalogue)
    )
    report = build_report(extractions, skipped)
    if check_shapes:
        report["validation"] = check_graph(quads, shapes or default_shapes())
    out_dir.mkdir(parents=True, exist_ok=True)
    written = (*write_statements(quads, out_dir), *write_report(report, out_dir))
    return BuildResult(tuple(extractions), tuple(skipped), written, report)


def check_graph(quads: Sequence[Statement], shapes: Path) -> dict[str, Any]:
    """Validate the built statements against ``shapes``; ``InvalidGraph`` if they break one.

    Returns what the report records of it: the engine and the number of shapes checked.
    """
    with collector_paused():  # the index makes many objects and no reference cycles
        violations = validate_triples(((s, p, o) for s, p, o, _ in quads), shapes)
    if violations:
        raise InvalidGraph(violations)
    return {"engine": "native", "shapes": len(shapes_of(shapes)), "violations": 0}
