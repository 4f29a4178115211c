"""Measure the flows stage on the 2018 allocation letter against its hand-checked items.

    PYTHONPATH=. python benchmarks/flows_tb2018.py [--corpus DIR] [--eval DIR] [--misses]
    PYTHONPATH=. python benchmarks/flows_tb2018.py --corpus-summary

Reads ``tb2018_items.csv`` (../shared/eval) and the letter it annotates (../shared/corpus);
prints precision, recall and F1 of the extracted flows, and how often is_total and
parent_line agree on the matched pairs. A flow matches an item when amount, chapter and
post are equal (an item's post "21/70" accepts either) and the recipient matches loosely:
the same canonical actor, or recipient texts sharing a content word. The annotations are
only measured against here, never read by the extractor.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from dataclasses import dataclass
from pathlib import Path

from kg.budget.extract import extract_tables
from kg.flows import extract_flows
from kg.ingest import load_documents
from kg.recognise import recognise
from kg.records import ActorMention, Document, Flow, Profile
from kg.segment import segment

ROOT = Path(__file__).resolve().parents[2] / "shared"
_WORD = re.compile(r"[\wæøåÆØÅ]+")
_STOP = frozenset(
    {
        *("til", "av", "og", "for", "på", "med", "som", "fra", "om", "ved", "samt"),
        *("den", "det", "de", "en", "et", "ei", "knyttet", "arbeid", "arbeidet", "tiltak"),
    }
)


@dataclass(frozen=True)
class Item:
    kap: int
    posts: frozenset[int]
    amount_nok: int
    recipient_text: str
    recipient_canonical: str
    recipient_kind: str
    is_total: bool
    parent_line: int | None
    line: int


def read_items(path: Path, document: str) -> list[Item]:
    with path.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["document"] == document]
    return [
        Item(
            kap=int(row["kap"]),
            posts=frozenset(int(p) for p in re.split(r"[/;]", row["post"]) if p),
            amount_nok=int(row["amount_nok"]),
            recipient_text=row["recipient_text"],
            recipient_canonical=row["recipient_canonical"],
            recipient_kind=row["recipient_kind"],
            is_total=row["is_total"] == "true",
            parent_line=int(row["parent_line"]) if row["parent_line"] else None,
            line=int(row["line"]),
        )
        for row in rows
    ]


def _stems(text: str) -> set[str]:
    return {w.lower()[:6] for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in _STOP}


def recipient_matches(flow: Flow, item: Item) -> bool:
    if flow.recipient.lower() == item.recipient_canonical.lower():
        return True
    ours = _stems(flow.recipient) | _stems(flow.recipient_text)
    theirs = _stems(item.recipient_text) | _stems(item.recipient_canonical)
    return bool(ours & theirs)


def _words(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def recipient_matches_strictly(flow: Flow, item: Item) -> bool:
    """Same canonical actor, or one recipient text contains the other."""
    if flow.recipient.lower() == item.recipient_canonical.lower():
        return True
    ours, theirs = _words(flow.recipient_text), _words(item.recipient_text)
    return bool(ours and theirs) and (ours in theirs or theirs in ours)


def match(flows: list[Flow], items: list[Item]) -> list[tuple[Item, Flow]]:
    """Pairs, each flow and each item used once; the nearest line wins a tie."""
    pairs, used = [], set()
    for item in items:
        candidates = [
            (abs(f.first_line - item.line), i)
            for i, f in enumerate(flows)
            if i not in used
            and f.amount_nok == item.amount_nok
            and f.kap == item.kap
            and f.post in item.posts
            and recipient_matches(f, item)
        ]
        if candidates:
            _, best = min(candidates)
            used.add(best)
            pairs.append((item, flows[best]))
    return pairs


def mentions_of(document: Document, profile: Profile) -> tuple[ActorMention, ...]:
    try:
        from kg.actors.mentions import find_mentions  # written alongside; may be absent
    except ImportError:
        print("(kg.actors.mentions not available: no actor mentions)")
        return ()
    return tuple(find_mentions(document, profile))


def corpus_summary(corpus: Path) -> None:
    """Flows, changes and total checks of every corpus document, and the stage's time."""
    documents, _ = load_documents([corpus])
    prepared = []
    for document in sorted(documents, key=lambda d: d.name):
        profile = recognise(document)
        segmentation = segment(document)
        tables = extract_tables(document, profile, segmentation.tables)
        prepared.append((document, profile, segmentation, tables, mentions_of(document, profile)))
    total = cpu_total = 0.0
    for document, profile, segmentation, tables, mentions in prepared:
        started, cpu = time.perf_counter(), time.process_time()
        flows, changes, checks = extract_flows(document, profile, segmentation, tables, mentions)
        seconds = time.perf_counter() - started
        total += seconds
        cpu_total += time.process_time() - cpu
        failed = [c for c in checks if not c.ok]
        print(
            f"{document.name} {profile.kind.value:18} flows {len(flows):4} changes "
            f"{len(changes):4} totals {len(checks):2} (not adding up: {len(failed)}) "
            f"{seconds:.3f} s"
        )
        for check in failed:
            print(
                f"    line {check.line} kap {check.kap} post {check.post}: total "
                f"{check.total_nok:,} items {check.items_nok:,} lines {check.item_lines}"
            )
    print(f"whole corpus: {total:.3f} s ({cpu_total:.3f} s of processor time)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--eval", type=Path, default=ROOT / "eval")
    parser.add_argument("--misses", action="store_true", help="list unmatched items and flows")
    parser.add_argument("--corpus-summary", action="store_true", help="every document, timed")
    options = parser.parse_args()
    if options.corpus_summary:
        corpus_summary(options.corpus)
        return
    name = "003_d62e51bcdbdb728a.txt"
    documents, _ = load_documents([options.corpus / name])
    document = documents[0]
    profile = recognise(document)
    segmentation = segment(document)
    tables = extract_tables(document, profile, segmentation.tables)
    mentions = mentions_of(document, profile)
    started = time.perf_counter()
    flows, changes, checks = extract_flows(document, profile, segmentation, tables, mentions)
    seconds = time.perf_counter() - started
    items = read_items(options.eval / "tb2018_items.csv", name)
    pairs = match(list(flows), items)
    precision = len(pairs) / len(flows) if flows else 0.0
    recall = len(pairs) / len(items) if items else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    totals = sum(item.is_total == flow.is_total for item, flow in pairs)
    parents = sum(item.parent_line == flow.parent_line for item, flow in pairs)
    print(f"flows {len(flows)}  items {len(items)}  matched {len(pairs)}  ({seconds:.3f} s)")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"is_total agrees {totals}/{len(pairs)}  parent_line agrees {parents}/{len(pairs)}")
    strict = sum(recipient_matches_strictly(flow, item) for item, flow in pairs)
    kinds = sum(item.recipient_kind == flow.recipient_kind.value for item, flow in pairs)
    print(f"recipient text contains / is contained (or same actor) {strict}/{len(pairs)}")
    print(f"recipient_kind agrees {kinds}/{len(pairs)}")
    print(f"changes {len(changes)}  total checks {len(checks)} ({sum(c.ok for c in checks)} ok)")
    if options.misses:
        matched_items = {id(item) for item, _ in pairs}
        matched_flows = {id(flow) for _, flow in pairs}
        for item in items:
            if id(item) not in matched_items:
                print(
                    f"  missed  {item.line:5} {item.kap}.{sorted(item.posts)} "
                    f"{item.amount_nok:>13,} {item.recipient_text[:60]!r}"
                )
        for flow in flows:
            if id(flow) not in matched_flows:
                print(
                    f"  extra   {flow.first_line:5} {flow.kap}.{flow.post} "
                    f"{flow.amount_nok:>13,} {flow.recipient_text[:60]!r}"
                )
        for item, flow in pairs:
            if item.is_total != flow.is_total or item.parent_line != flow.parent_line:
                print(
                    f"  differs {item.line:5} total {item.is_total}/{flow.is_total} "
                    f"parent {item.parent_line}/{flow.parent_line}"
                )


if __name__ == "__main__":
    main()
