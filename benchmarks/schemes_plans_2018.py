"""Measure grant-scheme and plan extraction on the 2018 allocation letter, and time it.

    python benchmarks/schemes_plans_2018.py [--corpus DIR] [--eval DIR] [--verbose]

Scores the merged schemes (kg.schemes) against ``schemes_dev.csv`` and the merged plans
(kg.plans) against ``strategies_dev.csv``, counting only the annotation rows of the 2018
letter. Matching is loose, as the annotation README asks: an entity matches an annotated
row when one of its names (name or aliases) and one of the row's names overlap once
normalised (case, punctuation, definite endings; one name's words found in order in the
other). The annotation files are read here only, to measure: no name from them reaches
the extractors. Also prints the entity counts per corpus document and the time taken.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.ingest import load_documents
from kg.plans import PlanEntity, find_follow_ups, find_plans, merge_plans
from kg.recognise import recognise
from kg.records import ActorMention, Document, Profile, Segmentation
from kg.schemes import GrantSchemeEntity, find_schemes, merge_schemes
from kg.segment import segment

SHARED = Path(__file__).resolve().parents[2] / "shared"
LETTER_2018 = "003_d62e51bcdbdb728a.txt"
_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT_WORD = re.compile(r"[^\w]+")
_JOINING_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_ENDINGS = ("ene", "en", "et", "a", "er")
# Words that say nothing of which scheme or plan is meant: a name needs more than these.
_FUNCTION_WORDS = frozenset(
    {
        *("til", "for", "i", "og", "av", "på", "med", "mot", "om", "innen", "rettet"),
        *("tilskudd", "tilskuddsordning", "ordning", "øremerket", "driftstilskudd"),
        *("nasjonal", "plan", "strategi", "handlingsplan", "program"),
    }
)


def _mentions(document: Document, profile: Profile) -> tuple[ActorMention, ...]:
    """Actor mentions from kg.actors where that stage exists; none otherwise."""
    try:
        module = importlib.import_module("kg.actors.mentions")
    except ImportError:
        return ()
    return tuple(module.find_mentions(document, profile))


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if len(word) > len(ending) + 4 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def _variants(names: Iterable[str]) -> list[tuple[str, ...]]:
    found = []
    for name in names:
        for text in (name, _PARENTHESES.sub(" ", name), *_PARENTHESES.findall(name)):
            joined = _JOINING_HYPHEN.sub("", text.casefold())  # "NCD-strategien"
            words = tuple(_stem(w) for w in _NOT_WORD.sub(" ", joined).split())
            content = [w for w in words if w not in _FUNCTION_WORDS]
            if len(content) >= 2 or any(len(w) >= 8 for w in content):
                found.append(words)
    return found


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _overlap(a: Sequence[tuple[str, ...]], b: Sequence[tuple[str, ...]]) -> bool:
    return any(_contains(x, y) or _contains(y, x) for x in a for y in b)


Score = tuple[float, float, float, list[str], list[str], int, int]


def score(
    predicted: Sequence[tuple[str, Sequence[str]]], gold: Sequence[tuple[str, Sequence[str]]]
) -> Score:
    """Precision, recall, F1, unmatched predictions and annotations, and the two counts."""
    pv = [(name, _variants([name, *aliases])) for name, aliases in predicted]
    gv = [(name, _variants([name, *aliases])) for name, aliases in gold]
    correct = [n for n, v in pv if any(_overlap(v, g) for _, g in gv)]
    found = [n for n, g in gv if any(_overlap(v, g) for _, v in pv)]
    p = len(correct) / len(pv) if pv else 0.0
    r = len(found) / len(gv) if gv else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    wrong = [n for n, _ in pv if n not in correct]
    missed = [n for n, _ in gv if n not in found]
    return p, r, f, wrong, missed, len(pv), len(gv)


def _gold(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if LETTER_2018 in r["documents"]]


def _names(rows: Sequence[dict[str, str]]) -> list[tuple[str, list[str]]]:
    return [(r["canonical_name"], [a for a in r["aliases"].split("|") if a]) for r in rows]


def _pairs(
    predicted: Sequence[tuple[str, Sequence[str]]], rows: Sequence[dict[str, str]]
) -> list[tuple[int, dict[str, str]]]:
    """Each predicted entity (by index) with the first annotated row it matches."""
    gold = [(_variants([n, *a]), r) for (n, a), r in zip(_names(rows), rows, strict=True)]
    found = []
    for index, (name, aliases) in enumerate(predicted):
        variants = _variants([name, *aliases])
        row = next((r for g, r in gold if _overlap(variants, g)), None)
        if row is not None:
            found.append((index, row))
    return found


def _agreement(label: str, checks: Iterable[bool | None]) -> None:
    stated = [c for c in checks if c is not None]
    print(f"  {label}: {sum(stated)} of {len(stated)} matched entities where both state it")


def _scheme_attributes(
    schemes: Sequence[GrantSchemeEntity], rows: Sequence[dict[str, str]]
) -> None:
    checks_post: list[bool | None] = []
    checks_admin: list[bool | None] = []
    for index, row in _pairs([(e.name, e.aliases) for e in schemes], rows):
        entity = schemes[index]
        gold_posts = {f"{row['kap']}.{p}" for p in row["post"].split("/") if row["kap"] and p}
        ours = set(entity.posts)
        checks_post.append(bool(gold_posts & ours) if gold_posts and ours else None)
        admin = row["administered_by"].casefold()
        stated = [a.casefold() for a in entity.administered_by]
        checks_admin.append(any(a in admin for a in stated) if admin and stated else None)
    _agreement("funding post agrees", checks_post)
    _agreement("administrator agrees", checks_admin)


def _plan_attributes(plans: Sequence[PlanEntity], rows: Sequence[dict[str, str]]) -> None:
    checks_type: list[bool | None] = []
    checks_period: list[bool | None] = []
    for index, row in _pairs([(e.name, e.aliases) for e in plans], rows):
        entity = plans[index]
        checks_type.append(entity.type.value == row["type"])
        period = entity.period
        checks_period.append(period in row["period"] if period and row["period"] else None)
    _agreement("type agrees", checks_type)
    _agreement("period agrees", checks_period)


def _report(title: str, result: Score, verbose: bool) -> None:
    p, r, f, wrong, missed = result[:5]
    counts = f"({result[5]} predicted, {result[6]} annotated)"
    print(f"{title}: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  {counts}")
    if verbose:
        print("  not in the annotation:", *wrong, sep="\n    ")
        print("  missed:", *missed, sep="\n    ")


Prepared = tuple[Document, Profile, Segmentation, tuple[ActorMention, ...]]


def _prepare(corpus: Path) -> list[Prepared]:
    documents, _ = load_documents([corpus])
    prepared = []
    for document in sorted(documents, key=lambda d: d.name):
        profile = recognise(document)
        prepared.append((document, profile, segment(document), _mentions(document, profile)))
    return prepared


def _timings(prepared: Sequence[Prepared]) -> str:
    """Seconds each package takes over the whole corpus (reading each text anew)."""
    took = []
    for label, extract in (("schemes", find_schemes), ("plans", find_plans)):
        start = time.perf_counter()
        for document, profile, segmentation, mentions in prepared:
            extract(document, profile, segmentation, mentions)
        took.append(f"{label} {time.perf_counter() - start:.3f} s")
    return ", ".join(took)


def _counts(prepared: Sequence[Prepared]) -> None:
    print("| document | lines | scheme mentions | schemes | plan mentions | plans | follow-ups |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for document, profile, segmentation, mentions in prepared:
        schemes = find_schemes(document, profile, segmentation, mentions)
        plans = find_plans(document, profile, segmentation, mentions)
        follow = find_follow_ups(document, profile, segmentation, mentions, schemes=schemes)
        print(
            f"| {document.name} | {len(document.lines)} | {len(schemes)} | "
            f"{len(merge_schemes([schemes]))} | {len(plans)} | {len(merge_plans([plans]))} | "
            f"{len(follow)} |"
        )


def _score_letter(letter: Prepared, eval_dir: Path, verbose: bool) -> None:
    schemes = merge_schemes([find_schemes(*letter)])
    scheme_rows = _gold(eval_dir / "schemes_dev.csv")
    predicted = [(e.name, e.aliases) for e in schemes]
    _report("schemes (2018 letter)", score(predicted, _names(scheme_rows)), verbose)
    _scheme_attributes(schemes, scheme_rows)
    plans = merge_plans([find_plans(*letter)])
    plan_rows = _gold(eval_dir / "strategies_dev.csv")
    predicted = [(e.name, e.aliases) for e in plans]
    _report("plans (2018 letter)", score(predicted, _names(plan_rows)), verbose)
    _plan_attributes(plans, plan_rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument(
        "--eval", type=Path, default=Path(os.environ.get("KG_EVAL", SHARED / "eval"))
    )
    parser.add_argument("--verbose", action="store_true", help="list misses and extra entities")
    options = parser.parse_args(argv)
    prepared = _prepare(options.corpus)
    _counts(prepared)
    print(f"\ntime over the corpus: {_timings(prepared)}")
    print(f"actor mentions used: {sum(len(p[3]) for p in prepared)}\n")
    letter = next((p for p in prepared if p[0].name == LETTER_2018), None)
    if letter is None:
        print(f"{LETTER_2018} not in {options.corpus}: nothing to score", file=sys.stderr)
        return 1
    _score_letter(letter, options.eval, options.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
