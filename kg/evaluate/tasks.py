"""Each annotation file kind: which columns it has, and how the graph is scored against it.

An annotation covers the documents its rows name; the graph's facts are counted only
within those documents, so precision is measured where the annotation is complete.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from kg.engine import GraphSource
from kg.evaluate.metrics import Score
from kg.evaluate.names import NameGroups, normal
from kg.exports.actors import export_actors, export_relations
from kg.exports.budget import export_budget
from kg.exports.money import export_flows, export_schemes, export_strategies
from kg.exports.rows import ExportRow

GoldRow = dict[str, str]
Task = Callable[[GraphSource, str, Sequence[GoldRow]], list[Score]]

# Per document, which measure of a row counts as the amount an allocation letter allocates.
ALLOCATED = ("allocation", "appropriation", "proposal")


def _documents(rows: Sequence[GoldRow]) -> set[str]:
    """The documents an annotation file covers completely.

    Rows that name one ``document`` cover those documents. Rows that list every
    ``documents`` an entity is mentioned in (across the corpus) cover the smallest set
    of documents that explains every row: picked greedily, the document that explains
    most rows first.
    """
    found = {r["document"] for r in rows if r.get("document")}
    if found:
        return found
    unexplained = [set(r["documents"].split("|")) - {""} for r in rows if r.get("documents")]
    unexplained = [docs for docs in unexplained if docs]
    while unexplained:
        counts = Counter(doc for docs in unexplained for doc in docs)
        best = min(counts, key=lambda doc: (-counts[doc], doc))
        found.add(best)
        unexplained = [docs for docs in unexplained if best not in docs]
    return found


def score_actors(graph: GraphSource, file: str, gold: Sequence[GoldRow]) -> list[Score]:
    covered = _documents(gold)
    groups = NameGroups(
        (r["canonical_name"], [a for a in r.get("aliases", "").split("|") if a]) for r in gold
    )
    predicted = [
        a for a in export_actors(graph) if covered & set(str(a["documents"] or "").split("|"))
    ]
    found: set[str] = set()
    correct = 0
    for actor in predicted:
        key = groups.key_of([str(actor["name"]), *str(actor["aliases"] or "").split("|")])
        if key is not None:
            correct += 1
            found.add(key)
    return [Score(file, "actors", len(predicted), correct, len(groups.keys), len(found))]


def score_relations(graph: GraphSource, file: str, gold: Sequence[GoldRow]) -> list[Score]:
    covered = _documents(gold)
    actors = export_actors(graph)
    names = NameGroups((str(a["name"]), str(a["aliases"] or "").split("|")) for a in actors)

    def key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
        return (names.key_of([subject]) or subject, predicate, names.key_of([obj]) or obj)

    wanted: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for row in gold:
        wanted[row["predicate"]].add(key(row["subject"], row["predicate"], row["object"]))
    stated: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for relation in export_relations(graph):
        if relation["document"] in covered:
            predicate = str(relation["predicate"])
            stated[predicate].add(key(str(relation["subject"]), predicate, str(relation["object"])))
    scores = []
    for predicate in sorted(set(wanted) | set(stated)):
        gold_set, got = wanted[predicate], stated[predicate]
        scores.append(
            Score(
                file,
                f"relations: {predicate}",
                len(got),
                len(got & gold_set),
                len(gold_set),
                len(gold_set & got),
            )
        )
    return scores


def score_allocations(graph: GraphSource, file: str, gold: Sequence[GoldRow]) -> list[Score]:
    """Allocation-table rows: chapter, post and the amount the letter allocates."""
    covered = _documents(gold)
    by_row: dict[tuple[str, int], list[ExportRow]] = defaultdict(list)
    for amount in export_budget(graph):
        if amount["document"] in covered and amount["post"] is not None:
            by_row[(str(amount["document"]), int(str(amount["line"])))].append(amount)
    predicted: set[tuple[str, int, int, int]] = set()
    for (document, _line), amounts in by_row.items():
        year = max(int(str(a["fiscal_year"])) for a in amounts)
        chosen = [
            a
            for m in ALLOCATED
            for a in amounts
            if a["measure"] == m and int(str(a["fiscal_year"])) == year
        ][:1]
        for a in chosen:
            predicted.add(
                (document, int(str(a["kap"])), int(str(a["post"])), int(str(a["amount_nok"])))
            )
    wanted = {
        (
            r["document"],
            int(r["kap"]),
            int(r["post"].split("/")[0].split(";")[0]),
            int(r["amount_nok"]),
        )
        for r in gold
    }
    return [
        Score(
            file,
            "allocation rows",
            len(predicted),
            len(predicted & wanted),
            len(wanted),
            len(wanted & predicted),
        )
    ]


STOPWORDS = frozenset({"til", "for", "og", "med", "som", "den", "det", "de", "av", "i", "på", "en"})


GROUP_KINDS = frozenset({"municipalities", "county_governors", "regional_health_authorities"})


def _words(text: str) -> set[str]:
    """Content words, cut to a stem of six letters so inflections meet
    ("Vertskommunetilskuddet" ~ "Vertskommunetilskudd")."""
    words = {w for w in re.findall(r"[a-zæøå0-9]+", text.casefold()) if len(w) > 3}
    return {w[:6] for w in words - STOPWORDS}


def score_items(graph: GraphSource, file: str, gold: Sequence[GoldRow]) -> list[Score]:
    """Money statements in a letter's prose: amount, chapter, post and recipient.

    A flow matches an annotated item with the same amount, chapter and post (a post
    printed "21/70" matches either) whose recipient is the same organisation or shares
    a content word with the item's recipient. Flows read from budget tables are not
    prose items and are left out.
    """
    covered = _documents(gold)
    table_lines = {(str(row["document"]), row["line"]) for row in export_budget(graph)}
    predicted = [
        f
        for f in export_flows(graph)
        if f["document"] in covered and (str(f["document"]), f["line"]) not in table_lines
    ]
    aliases = {
        str(a["name"]): " ".join(str(a["aliases"] or "").split("|")) for a in export_actors(graph)
    }
    used: set[int] = set()
    found = 0
    agree = {"is_total": 0, "recipient_kind": 0}
    for item in gold:
        posts = {int(p) for p in re.split(r"[/;]", item["post"]) if p.strip().isdigit()}
        for index, flow in enumerate(predicted):
            if index in used or flow["amount_nok"] != int(item["amount_nok"]):
                continue
            if flow["kap"] != int(item["kap"]) or flow["post"] not in posts:
                continue
            name = str(flow["recipient"] or "")
            recipient = _words(f"{name} {aliases.get(name, '')}")
            wanted = _words(item["recipient_text"]) | _words(item["recipient_canonical"])
            same_group = flow["recipient_kind"] == item["recipient_kind"] in GROUP_KINDS
            if recipient and not recipient & wanted and not same_group:
                continue
            used.add(index)
            found += 1
            agree["is_total"] += (str(flow["kind"]) == "allocation") == (item["is_total"] == "true")
            agree["recipient_kind"] += flow["recipient_kind"] == item["recipient_kind"]
            break
    scores = [
        Score(
            file,
            "items (amount, kap, post, recipient)",
            len(predicted),
            len(used),
            len(gold),
            found,
        )
    ]
    for name, count in agree.items():
        scores.append(Score(file, f"items: {name} agrees (of matched)", found, count, found, count))
    return scores


def _same_name(a: str, b: str) -> bool:
    """Names match when equal after folding, or one contains the other (long enough)."""
    x, y = normal(a), normal(b)
    if x == y:
        return True
    shorter, longer = sorted((x, y), key=len)
    return len(shorter) >= 8 and shorter in longer


def _score_named(
    file: str, kind: str, gold: Sequence[GoldRow], predicted: Sequence[ExportRow]
) -> list[Score]:
    """Entities with names and aliases: a prediction is right when a name of it matches a
    name of an annotated entity; each annotated entity counts once."""
    covered = _documents(gold)
    inside = [p for p in predicted if covered & set(str(p["documents"] or "").split("|"))]
    gold_names = [
        [g["canonical_name"], *(a for a in g.get("aliases", "").split("|") if a)] for g in gold
    ]
    found: set[int] = set()
    correct = 0
    for entity in inside:
        names = [
            str(entity["name"]),
            *(a for a in str(entity.get("aliases") or "").split("|") if a),
        ]
        hits = [
            index
            for index, wanted in enumerate(gold_names)
            if any(_same_name(n, w) for n in names for w in wanted)
        ]
        if hits:
            correct += 1
            found.update(hits)
    return [Score(file, kind, len(inside), correct, len(gold), len(found))]


def score_schemes(graph: GraphSource, file: str, gold: Sequence[GoldRow]) -> list[Score]:
    return _score_named(file, "grant schemes", gold, export_schemes(graph))


def score_strategies(graph: GraphSource, file: str, gold: Sequence[GoldRow]) -> list[Score]:
    rows = [{**row, "aliases": None} for row in export_strategies(graph)]
    return _score_named(file, "strategies and plans", gold, rows)


# Which task scores a file: the columns it must have, and columns that mark another kind.
TASKS: tuple[tuple[frozenset[str], frozenset[str], Task], ...] = (
    (
        frozenset({"canonical_name", "type", "aliases", "documents"}),
        frozenset({"period", "owner", "kap"}),
        score_actors,
    ),
    (frozenset({"subject", "predicate", "object", "document"}), frozenset(), score_relations),
    (
        frozenset({"document", "kap", "post", "title", "amount_nok", "line"}),
        frozenset(),
        score_allocations,
    ),
    (
        frozenset({"document", "kap", "post", "amount_nok", "recipient_text", "recipient_kind"}),
        frozenset(),
        score_items,
    ),
    (
        frozenset({"canonical_name", "aliases", "kap", "post", "administered_by", "documents"}),
        frozenset(),
        score_schemes,
    ),
    (
        frozenset({"canonical_name", "type", "period", "owner", "documents"}),
        frozenset(),
        score_strategies,
    ),
)
