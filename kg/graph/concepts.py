"""Year-scoped budget chapters and posts as SKOS concepts, shared by all documents.

One concept per chapter (or post) and fiscal year, in one ``skos:ConceptScheme`` per
year. Documents may word a title differently; the concept's ``skos:prefLabel`` is the
title seen most often for it (ties: the alphabetically first), the others become
``skos:altLabel``, so each concept has exactly one preferred label per language.
A chapter whose own title was never printed on an amount line takes the title seen
for that chapter number in another year, else in a section heading, else "Kap. N".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.graph import ids
from kg.graph.namespace import HKG, RDF, SKOS
from kg.graph.quads import GraphWriter, integer, tagged, text


@dataclass
class _Post:
    number: int
    titles: Counter[str] = field(default_factory=Counter)
    qualifiers: set[str] = field(default_factory=set)


def _preferred(titles: Counter[str]) -> tuple[str, list[str]] | None:
    if not titles:
        return None
    ranked = sorted(titles.items(), key=lambda item: (-item[1], item[0]))
    return ranked[0][0], sorted(title for title, _ in ranked[1:])


class BudgetConcepts:
    """Collects the chapters and posts amounts refer to, then writes them once."""

    def __init__(self) -> None:
        self._chapters: dict[tuple[int, int], Counter[str]] = {}
        self._posts: dict[tuple[int, int, str], _Post] = {}
        self._titles_by_kap: dict[int, Counter[str]] = {}
        self._heading_titles: dict[int, Counter[str]] = {}

    def chapter(self, year: int, kap: int, title: str = "") -> URIRef:
        """The chapter concept; ``title`` is the chapter's own title if printed."""
        titles = self._chapters.setdefault((year, kap), Counter())
        if title.strip():
            titles[title.strip()] += 1
            self._titles_by_kap.setdefault(kap, Counter())[title.strip()] += 1
        return ids.chapter(year, kap)

    def post(
        self,
        year: int,
        kap: int,
        number: int,
        printed_label: str,
        title: str,
        qualifiers: tuple[str, ...] = (),
    ) -> URIRef:
        """The post concept (and its chapter), recording the title and qualifiers seen."""
        self.chapter(year, kap)
        label = ids.canonical_post_label(number, printed_label)
        entry = self._posts.setdefault((year, kap, label), _Post(number))
        entry.number = min(entry.number, number)
        if title.strip():
            entry.titles[title.strip()] += 1
        entry.qualifiers.update(q.strip() for q in qualifiers if q.strip())
        return ids.post(year, kap, label)

    def heading_title(self, kap: int, title: str) -> None:
        """A chapter title read from a section heading ("Kap. 714 Folkehelse")."""
        if title.strip():
            self._heading_titles.setdefault(kap, Counter())[title.strip()] += 1

    def write(self, out: GraphWriter) -> None:
        for year in sorted({year for year, _ in self._chapters}):
            scheme = ids.budget_scheme(year)
            out.describe(
                scheme,
                [
                    (RDF.type, SKOS.ConceptScheme),
                    (SKOS.prefLabel, tagged(f"Statsbudsjettet {year}", "nb")),
                    (SKOS.prefLabel, tagged(f"State budget {year}", "en")),
                    (HKG.fiscalYear, integer(year)),
                ],
            )
        for (year, kap), titles in sorted(self._chapters.items()):
            self._write_chapter(out, year, kap, titles)
        for (year, kap, label), entry in sorted(self._posts.items()):
            self._write_post(out, year, kap, label, entry)

    def _write_chapter(self, out: GraphWriter, year: int, kap: int, titles: Counter[str]) -> None:
        iri, scheme = ids.chapter(year, kap), ids.budget_scheme(year)
        chosen = (
            _preferred(titles)
            or _preferred(self._titles_by_kap.get(kap, Counter()))
            or _preferred(self._heading_titles.get(kap, Counter()))
        )
        preferred, alternatives = chosen or (f"Kap. {kap}", [])
        out.describe(
            iri,
            [
                (RDF.type, HKG.BudgetChapter),
                (SKOS.inScheme, scheme),
                (SKOS.topConceptOf, scheme),
                (HKG.chapterNumber, integer(kap)),
                (HKG.fiscalYear, integer(year)),
                (SKOS.prefLabel, tagged(preferred, "nb")),
            ],
        )
        out.add(scheme, SKOS.hasTopConcept, iri)
        for alternative in alternatives:
            out.add(iri, SKOS.altLabel, tagged(alternative, "nb"))

    def _write_post(self, out: GraphWriter, year: int, kap: int, label: str, entry: _Post) -> None:
        iri = ids.post(year, kap, label)
        preferred, alternatives = _preferred(entry.titles) or (f"Post {label}", [])
        out.describe(
            iri,
            [
                (RDF.type, HKG.BudgetPost),
                (SKOS.inScheme, ids.budget_scheme(year)),
                (SKOS.broader, ids.chapter(year, kap)),
                (HKG.postNumber, integer(entry.number)),
                (HKG.postLabel, text(label)),
                (HKG.fiscalYear, integer(year)),
                (SKOS.prefLabel, tagged(preferred, "nb")),
            ],
        )
        for alternative in alternatives:
            out.add(iri, SKOS.altLabel, tagged(alternative, "nb"))
        for qualifier in sorted(entry.qualifiers):
            out.add(iri, HKG.qualifier, tagged(qualifier, "nb"))
