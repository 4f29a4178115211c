"""The build report: what each document was recognised as, every table and how it reconciled,
every row that needs a human look, and every file that was skipped.

Written as ``report.json`` (for programs and tests) and ``report.md`` (for people). No
timestamps: the same input gives the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg import __version__
from kg.atomic import write_atomic
from kg.records import BudgetTable, ColumnRole, DocumentExtraction, RowStatus, Skipped

FLAGGED = (RowStatus.INFERRED, RowStatus.UNRECONCILED)


def build_report(
    extractions: Sequence[DocumentExtraction], skipped: Sequence[Skipped]
) -> dict[str, Any]:
    tables = [_table(table) for e in extractions for table in e.tables]
    statuses: Counter[str] = Counter()
    for e in extractions:
        for table in e.tables:
            statuses.update(row.status.value for row in table.rows)
    checks = [check for table in tables for check in table["checks"]]
    return {
        "software_version": __version__,
        "summary": {
            "documents": len(extractions),
            "skipped": len(skipped),
            "tables": len(tables),
            "rows": sum(statuses.values()),
            "amounts": sum(_amount_count(t) for e in extractions for t in e.tables),
            "row_status": dict(sorted(statuses.items())),
            "checks": len(checks),
            "checks_failed": sum(1 for c in checks if not c["ok"]),
            "flows": sum(len(e.flows) for e in extractions),
            "budget_changes": sum(len(e.changes) for e in extractions),
            "organisations": len({m.actor for e in extractions for m in e.mentions}),
            "relations": sum(len(e.relations) for e in extractions),
            "totals_checked": sum(len(e.total_checks) for e in extractions),
            "totals_not_adding_up": sum(1 for e in extractions for c in e.total_checks if not c.ok),
        },
        "documents": [_document(e) for e in extractions],
        "tables": tables,
        "flagged_rows": [
            {
                "document": e.document.name,
                "line": row.first_line,
                "kap": row.kap,
                "post": row.post_label,
                "status": row.status.value,
                "note": row.note,
            }
            for e in extractions
            for table in e.tables
            for row in table.rows
            if row.status in FLAGGED
        ],
        "total_checks": [
            {
                "document": check.document,
                "line": check.line,
                "kap": check.kap,
                "post": check.post,
                "total_nok": check.total_nok,
                "items_nok": check.items_nok,
                "item_lines": list(check.item_lines),
                "ok": check.ok,
            }
            for e in extractions
            for check in e.total_checks
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
    }


def _document(extraction: DocumentExtraction) -> dict[str, Any]:
    source = extraction.document.source
    profile = extraction.profile
    return {
        "document": source.name,
        "kind": profile.kind.value,
        "fiscal_year": profile.fiscal_year,
        "issuer": profile.issuer,
        "addressee": profile.addressee,
        "format": source.media_type,
        "encoding": source.encoding,
        "lines": len(source.raw_lines),
        "pages": source.page_count,
        "sections": len(extraction.segmentation.sections),
        "tables": len(extraction.tables),
        "sha256": source.sha256,
    }


def _table(table: BudgetTable) -> dict[str, Any]:
    region = table.region
    return {
        "document": table.document,
        "kind": table.kind.value,
        "first_line": region.first_line,
        "last_line": region.last_line,
        "unit": region.unit,
        "columns": [
            {
                "role": c.role.value,
                "measure": c.measure.value if c.measure else None,
                "year": c.year,
            }
            for c in table.columns
        ],
        "rows": sum(1 for r in table.rows if not r.is_total),
        "row_status": dict(sorted(Counter(r.status.value for r in table.rows).items())),
        "reconciled": table.reconciled,
        "checks": [
            {
                "kind": c.kind,
                "line": c.line,
                "expected": c.expected,
                "found": c.found,
                "ok": c.ok,
                "detail": c.detail,
            }
            for c in table.checks
        ],
        "issues": list(table.issues),
    }


def _amount_count(table: BudgetTable) -> int:
    amount_columns = [i for i, c in enumerate(table.columns) if c.role is ColumnRole.AMOUNT]
    return sum(1 for row in table.rows for i in amount_columns if row.values[i] is not None)


def write_report(report: dict[str, Any], out_dir: Path) -> tuple[Path, Path]:
    """Write ``report.json`` and ``report.md`` atomically; return their paths."""
    json_path, md_path = out_dir / "report.json", out_dir / "report.md"
    write_atomic(json_path, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    write_atomic(md_path, render_markdown(report))
    return json_path, md_path


def render_markdown(report: dict[str, Any]) -> str:
    summary = report["summary"]
    lines = [
        "# helsekg build report",
        "",
        f"Software version {report['software_version']}.",
        "",
        "## Summary",
        "",
        f"- documents read: {summary['documents']}; skipped: {summary['skipped']}",
        (
            f"- budget tables: {summary['tables']}, rows: {summary['rows']}, "
            f"amounts: {summary['amounts']}"
        ),
        (
            f"- totals and differences checked: {summary['checks']}, "
            f"failed: {summary['checks_failed']}"
        ),
        "- rows by status: " + ", ".join(f"{k} {v}" for k, v in summary["row_status"].items()),
        _validation_line(report.get("validation")),
        "",
        "## Documents",
        "",
        "| document | kind | fiscal year | issuer | addressee | lines | pages | tables |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for d in report["documents"]:
        lines.append(
            f"| {d['document']} | {d['kind']} | {d['fiscal_year'] or ''} | {d['issuer'] or ''} "
            f"| {d['addressee'] or ''} | {d['lines']} | {d['pages'] or ''} | {d['tables']} |"
        )
    lines += ["", "## Tables", "", "| document | lines | kind | rows | checks | status |"]
    lines.append("| --- | --- | --- | --- | --- | --- |")
    for t in report["tables"]:
        checks = t["checks"]
        passed = sum(1 for c in checks if c["ok"])
        state = "reconciled" if t["reconciled"] else "NOT reconciled"
        lines.append(
            f"| {t['document']} | {t['first_line']}–{t['last_line']} | {t['kind']} | {t['rows']} "
            f"| {passed}/{len(checks)} | {state} |"
        )
    lines += [
        "",
        "## Totals in the prose",
        "",
        f'- "totalt" statements checked against the items under them: '
        f"{summary['totals_checked']}, not adding up: {summary['totals_not_adding_up']}",
    ]
    for c in report["total_checks"]:
        if not c["ok"]:
            lines.append(
                f"- {c['document']} line {c['line']}: kap. {c['kap']} post {c['post']}: total "
                f"{c['total_nok']:,} NOK, items {c['items_nok']:,} NOK (lines "
                f"{', '.join(map(str, c['item_lines']))})".replace(",", " ")
            )
    lines += [
        "",
        "## What the documents say",
        "",
        f"- money flows: {summary['flows']}; budget changes (not payments): "
        f"{summary['budget_changes']}",
        f"- organisations: {summary['organisations']}; governance relations: "
        f"{summary['relations']}",
        "",
        "## Rows to look at",
        "",
    ]
    if not report["flagged_rows"]:
        lines.append("None: every row was read one way only or settled by a printed total.")
    for r in report["flagged_rows"]:
        lines.append(
            f"- {r['document']} line {r['line']}: kap. {r['kap']} post {r['post'] or '–'} "
            f"({r['status']}) {r['note']}"
        )
    lines += ["", "## Skipped files", ""]
    if not report["skipped"]:
        lines.append("None.")
    lines += [f"- {s['path']}: {s['reason']}" for s in report["skipped"]]
    return "\n".join(lines) + "\n"


def _validation_line(validation: dict[str, Any] | None) -> str:
    if not validation:
        return "- SHACL shapes: not checked (built with --no-validate)"
    return (
        f"- SHACL shapes: {validation['shapes']} checked ({validation['engine']} validator), "
        f"violations: {validation['violations']}"
    )
