"""spaCy component: municipalities named without "kommune", where the text is about municipalities.

"kommunene Stjørdal, Selbu og Lillesand", "i Bodø, Tromsø og Alta kommuner", "fire
kommuner (Senja, Kinn, Suldal og Bø i Vesterålen)": a name from the gazetteer
(:mod:`kg.actors.gazetteer`) is the municipality "X kommune" only

- right after a municipal word ("kommunene X", "vertskommunen X", "kommuner: X og Y"),
- in a list that a municipal word closes ("X og Y kommuner", "X, Y og Z kommune"), or
- in a list of at least two such names with a municipal word in the same sentence, at
  most :data:`REACH` tokens away.

With "fylkeskommune(ne)" instead, a county name is the county municipality ("X
fylkeskommune"). Alone, "Alta", "Rana", "Bø" or "Kinn" are places or ordinary words and
are left alone. A name the registry lists under "X kommune" keeps its registry entry.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.actors.gazetteer import Gazetteer, load_gazetteer
from kg.actors.registry import ActorRegistry
from kg.actors.spans import SPANS_KEY, Found, claim, context_of, covered, text_of
from kg.records import ActorType

RULE_PREFIX = "gazetteer:"  # + the kind: "gazetteer:municipality", "gazetteer:county"
REACH = 30  # tokens between a municipal word and a list it makes municipal
CONNECTORS = frozenset({",", "og", "eller", "samt", "/", "&"})
BEFORE_LIST = frozenset({"(", ":"})
CUE = re.compile(r"\b\w*?kommun(?:e|en|ene|er|es|enes|ers)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?;•](?=\s+[A-ZÆØÅ0-9«\"(]|\s*$)")
# A paragraph worth matching: two capitalised words in a list, or a name next to a cue.
LIST_OR_CUE = re.compile(
    r"[A-ZÆØÅ][\w-]+(?:,| og| eller| samt)\s+[A-ZÆØÅ]"
    r"|[Kk]ommun\w*\s+\(?[A-ZÆØÅ]|[A-ZÆØÅ][\w-]+\s+(?:fylkes)?kommun"
)


@Language.factory(
    "helsekg_actor_municipalities",
    default_config={"registry": {"@misc": "helsekg.actor_registry.v1"}, "spans_key": SPANS_KEY},
)
def make_municipal_names(
    nlp: Language, name: str, *, registry: ActorRegistry, spans_key: str
) -> MunicipalNames:
    return MunicipalNames(nlp, name, registry=registry, spans_key=spans_key)


def cue_kind(word: str) -> ActorType:
    """The kind of unit a municipal word speaks of: "fylkeskommunene" -> COUNTY."""
    return ActorType.COUNTY if "fylkeskommun" in word.lower() else ActorType.MUNICIPALITY


class MunicipalNames:
    """Bare municipality (and county) names in a municipal context, as "X kommune"."""

    def __init__(
        self,
        nlp: Language,
        name: str = "actor_municipalities",
        *,
        registry: ActorRegistry,
        spans_key: str = SPANS_KEY,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.name = name
        self.registry = registry
        self.spans_key = spans_key
        self.gazetteer = gazetteer or load_gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for written in self.gazetteer.by_name:
            self.matcher.add(written, [nlp.make_doc(written)])

    def __call__(self, doc: Doc) -> Doc:
        found = self.match(doc)
        if found:  # most paragraphs have none, and an earlier component made the group
            self.set_annotations(doc, found)
        return doc

    def cues(self, doc: Doc, text: str) -> dict[int, ActorType]:
        """Token index -> kind of every municipal word in ``doc``."""
        found: dict[int, ActorType] = {}
        for hit in CUE.finditer(text):
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
            if span is not None:
                found[span.start] = cue_kind(hit.group())
        return found

    def lists(self, doc: Doc) -> list[list[Span]]:
        """Gazetteer names in ``doc``, grouped into lists ("X, Y og Z")."""
        names = sorted(filter_spans(list(self.matcher(doc, as_spans=True))), key=lambda s: s.start)
        groups: list[list[Span]] = []
        for span in names:
            if groups:
                between = doc[groups[-1][-1].end : span.start]
                if len(between) <= 2 and all(t.lower_ in CONNECTORS for t in between):
                    groups[-1].append(span)
                    continue
            groups.append([span])
        return groups

    def context_kind(
        self, doc: Doc, group: list[Span], cues: dict[int, ActorType], ends: list[int]
    ) -> ActorType | None:
        """The kind of unit the text makes of a list of names, or None (no municipal context)."""
        first, last = group[0].start, group[-1].end
        before = first - 1
        if before >= 0 and doc[before].text in BEFORE_LIST:
            before -= 1
        if before in cues:
            return cues[before]
        if last in cues:
            return cues[last]
        if len(group) < 2:
            return None
        sentence = bisect_right(ends, doc[first].idx)
        near = [
            (min(abs(at - first), abs(at - last)), kind)
            for at, kind in cues.items()
            if min(abs(at - first), abs(at - last)) <= REACH
            and bisect_right(ends, doc[at].idx) == sentence
        ]
        return min(near, key=lambda n: n[0])[1] if near else None

    def match(self, doc: Doc) -> list[Found]:
        text = text_of(doc)
        if "ommune" not in text or not LIST_OR_CUE.search(text):
            return []
        cues = self.cues(doc, text)
        groups = self.lists(doc)
        if not cues or not groups:
            return []
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        taken = covered(doc, self.spans_key)
        context = context_of(doc)
        on_date = context.on_date if context else None
        found: list[Found] = []
        for group in groups:
            kind = self.context_kind(doc, group, cues, ends)
            if kind is None:
                continue
            for span in group:
                canonical = self.gazetteer.by_name[span.text].get(kind)
                if canonical is None or any(taken[span.start : span.end]):
                    continue
                listed = self.registry.lookup(canonical, on_date)
                name, label = (listed.name, listed.type) if listed else (canonical, kind)
                labelled = Span(doc, span.start, span.end, label=label.value)
                found.append(Found(labelled, name, RULE_PREFIX + kind.value))
        return found

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        claim(doc, found, self.spans_key)
