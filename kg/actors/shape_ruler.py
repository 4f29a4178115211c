"""spaCy component: organisations the registry does not list, found by the shape of their name.

"Politidirektoratet", "Bergen kommune", "Helse Bergen HF", "Statsforvalteren i Agder",
"Senter for omsorgsforskning": the rules are data (:mod:`kg.actors.shapes`). A found name
is normalised (dashes and whitespace folded, a genitive -s dropped where the rule allows
one) and looked up in the registry, tolerating a word in its other definite form or two
swapped capitals ("Finansdepartement", "Helse Vest HRF"): a listed body keeps its
canonical name and type, any other becomes a body of its own, typed by the rule.
"""

from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from kg.actors.names import collapse, fold_dashes, strip_genitive
from kg.actors.registry import ActorRegistry
from kg.actors.shapes import ShapeRule, load_shapes
from kg.actors.spans import (
    SPANS_KEY,
    Found,
    actor_spans,
    block_start_of,
    claim,
    context_of,
    starts_sentence,
    text_of,
)

UNBOUNDED = 24  # the reach of a pattern with "*" or "+": tokens either side of its trigger


@Language.factory(
    "helsekg_actor_shapes",
    default_config={
        "registry": {"@misc": "helsekg.actor_registry.v1"},
        "shapes": "",
        "spans_key": SPANS_KEY,
    },
)
def make_shape_ruler(
    nlp: Language, name: str, *, registry: ActorRegistry, shapes: str, spans_key: str
) -> "ShapeRuler":
    return ShapeRuler(nlp, name, registry=registry, shapes=shapes, spans_key=spans_key)


def shape_name(text: str, *, genitive: bool) -> str:
    """The name a shape match stands for: "Bergen  kommunes" -> "Bergen kommune"."""
    name = collapse(text)
    return strip_genitive(name) if genitive else name


class ShapeRuler:
    """Match name shapes; resolve each match through the registry or name it itself."""

    def __init__(
        self,
        nlp: Language,
        name: str = "actor_shapes",
        *,
        registry: ActorRegistry,
        shapes: str = "",
        spans_key: str = SPANS_KEY,
    ) -> None:
        self.name = name
        self.registry = registry
        self.spans_key = spans_key
        self.rules: tuple[ShapeRule, ...] = load_shapes(Path(shapes) if shapes else None)
        # One matcher per trigger: it runs only around the places its trigger occurs,
        # as far either side as its longest pattern reaches.
        self.matchers: dict[tuple[str, ...], Matcher] = {}
        self.reach: dict[tuple[str, ...], int] = {}
        for index, rule in enumerate(self.rules):
            matcher = self.matchers.setdefault(rule.trigger, Matcher(nlp.vocab))
            matcher.add(str(index), [list(rule.pattern)])
            self.reach[rule.trigger] = max(self.reach.get(rule.trigger, 0), pattern_reach(rule))
        self.trigger_words = sorted({word for trigger in self.matchers for word in trigger})
        self.triggers_of: dict[str, list[tuple[str, ...]]] = {}
        for trigger in self.matchers:
            for word in trigger:
                self.triggers_of.setdefault(word, []).append(trigger)
        self.untriggered = [matcher for trigger, matcher in self.matchers.items() if not trigger]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Found]:
        context = context_of(doc)
        on_date = context.on_date if context else None
        found: list[tuple[int, Found]] = []
        candidates = self.candidates(doc)
        ends = self.genitive_ends(doc) if candidates else []
        for match_id, start, end in candidates:
            order = int(doc.vocab.strings[match_id])
            rule = self.rules[order]
            if rule.mid_sentence and starts_sentence(doc, start):
                continue
            owner = start if "ORTH" in rule.pattern[0] else -1  # "FNs narkotikakommisjon"
            if any(start <= last < end - 1 and last != owner for last in ends):
                continue  # runs on past a genitive name: "DFØs overordnede rundskriv"
            name = shape_name(doc[start:end].text, genitive=rule.genitive)
            actor = self.registry.lookup_tolerant(name, on_date)
            if actor is None and rule.registry_only:
                continue
            label = actor.type.value if actor else rule.label.value
            span = Span(doc, start, end, label=label)
            found.append((order, Found(span, actor.name if actor else name, f"shape:{rule.rule}")))
        found.sort(key=lambda item: (item[0], item[1].span.start))
        return [item[1] for item in found]

    def genitive_ends(self, doc: Doc) -> list[int]:
        """Last tokens of the registry names ``doc`` writes in the genitive: a name ends there."""
        return [
            span.end - 1
            for span in actor_spans(doc, self.spans_key)
            if span.text[-1:] in "s'’" and self.registry.is_genitive(span.text)
        ]

    def trigger_hits(self, doc: Doc) -> dict[str, list[int]]:
        """Where each trigger word occurs in ``doc``'s text: word -> offsets.

        A Doc that knows its document gets its share of one search of the whole
        document's text (most paragraphs hold no trigger word at all); a Doc read on its
        own is searched by itself.
        """
        context, start = context_of(doc), block_start_of(doc)
        if context is None or not context.text or start is None:
            text = text_of(doc)
            return {w: list(_occurrences(text, w)) for w in self.trigger_words if w in text}
        key = (self.name, id(self))
        by_block = context.memo.get(key)
        if not isinstance(by_block, dict):
            by_block = context.memo[key] = self.document_hits(context.text)
        hits: dict[str, list[int]] = by_block.get(start, {})
        return hits

    def document_hits(self, text: str) -> dict[int, dict[str, list[int]]]:
        """The trigger words of a document's ``text`` (paragraphs joined by line breaks),
        by paragraph: paragraph start -> word -> offsets in the paragraph's folded text.

        A word counts only if the document writes it as it is (dashes unfolded), as a
        paragraph's own search would after the same document-wide check.
        """
        folded = fold_dashes(text)
        starts = [0, *(at + 1 for at in _occurrences(text, "\n"))]
        found: dict[int, dict[str, list[int]]] = {}
        for word in self.trigger_words:
            if word not in text:
                continue
            for at in _occurrences(folded, word):
                block = starts[bisect_right(starts, at) - 1]
                found.setdefault(block, {}).setdefault(word, []).append(at - block)
        return found

    def candidates(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(rule index as a string id, start, end) of every pattern match in ``doc``.

        A triggered matcher runs only on the tokens around its trigger's hits that a
        match through them can cover (a matcher call costs in proportion to its text).
        """
        matches: list[tuple[int, int, int]] = []
        for matcher in self.untriggered:
            matches.extend(matcher(doc))
        found = self.trigger_hits(doc)
        triggers = {trigger for word in found for trigger in self.triggers_of[word]}
        for trigger in triggers:
            hits = [(at, len(t)) for t in trigger if t in found for at in found[t]]
            for first, last in _windows(doc, sorted(hits), self.reach[trigger]):
                window = self.matchers[trigger](doc[first:last])
                matches.extend((key, first + start, first + end) for key, start, end in window)
        return sorted(set(matches), key=lambda m: (m[1], m[2], m[0]))

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        claim(doc, found, self.spans_key)


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def pattern_reach(rule: ShapeRule) -> int:
    """How many tokens a match of ``rule`` can span at most."""
    reach = 0
    for token in rule.pattern:
        op = str(token.get("OP", "1"))
        if op in ("*", "+"):
            return UNBOUNDED
        reach += int(op.strip("{}").split(",")[-1]) if op.startswith("{") else 1
    return reach


def _windows(doc: Doc, hits: list[tuple[int, int]], reach: int) -> list[tuple[int, int]]:
    """Token ranges around each (offset, length) hit that a match through it can cover."""
    windows: list[tuple[int, int]] = []
    for at, length in hits:
        span = doc.char_span(at, at + length, alignment_mode="expand")
        if span is None:
            continue
        first, last = max(0, span.start - reach + 1), min(len(doc), span.end + reach - 1)
        if windows and first <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(last, windows[-1][1]))
        else:
            windows.append((first, last))
    return windows
