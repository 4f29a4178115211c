"""What the actor components write on a Doc, and how their spans share it.

Every component adds its finds to ``doc.spans[spans_key]`` (default ``"actors"``): spans
labelled with an :class:`~kg.records.ActorType` value, with the canonical name in
``span._.actor`` and what found it in ``span._.actor_rule`` ("registry",
"shape:<rule>", "abbreviation", "generic"). Spans never overlap: a longer span
displaces the shorter ones it covers; of two equally long, the one found first (the
earlier component in the pipeline) stays.

``doc._.actor_context`` carries what the document says about itself (its kind, date,
issuer and addressee), its whole text, the abbreviations it has defined so far and what
components work out once per document (``memo``); components that resolve by context
(generic words, ambiguous names, abbreviations used later in the document, cue words
searched once per document) read it, and ``doc._.block_start`` says where the Doc's
paragraph starts in that text. Without a context they resolve only what needs none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from spacy.tokens import Doc, Span

from kg.records import DocumentKind

SPANS_KEY = "actors"

# A token after which a capital letter says nothing about a name.
SENTENCE_BREAKS = frozenset('.:;!?•·*»«"-–/')

if not Span.has_extension("actor"):
    Span.set_extension("actor", default=None)
if not Span.has_extension("actor_rule"):
    Span.set_extension("actor_rule", default=None)
if not Doc.has_extension("actor_context"):
    Doc.set_extension("actor_context", default=None)
if not Doc.has_extension("block_start"):
    Doc.set_extension("block_start", default=None)  # where the Doc starts in its context's text
if not Doc.has_extension("folded_text"):
    Doc.set_extension("folded_text", default=None)  # set by the actor pipeline's tokenizer


@dataclass
class ActorContext:
    """The document a paragraph belongs to, shared by all its paragraphs' Docs.

    ``abbreviations`` grows as the paragraphs are read in order: an abbreviation
    defined in one paragraph resolves in every later one. ``text`` is the whole
    document's text: :meth:`written_in_lower_case` asks it whether a capitalised word
    is an ordinary word elsewhere ("Menn i helse": "menn").
    """

    kind: DocumentKind | None = None
    on_date: date | None = None
    issuer: str | None = None
    addressee: str | None = None
    # "Bufdir" -> (canonical name, ActorType value) of the body it was defined for
    abbreviations: dict[str, tuple[str, str]] = field(default_factory=dict)
    text: str = ""
    _lower_case: dict[str, bool] = field(default_factory=dict, repr=False)
    # what a component works out once per document (keyed by the component)
    memo: dict[object, object] = field(default_factory=dict, repr=False)

    def written_in_lower_case(self, word: str) -> bool:
        """Whether the document writes ``word`` in lower case as a word of its own."""
        key = word.lower()
        if key not in self._lower_case:
            self._lower_case[key] = _stands_alone(self.text, key)
        return self._lower_case[key]


def _stands_alone(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` with no letter, digit or hyphen either side."""
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word) : at + len(word) + 1] or " "
        if not (before.isalnum() or before == "-" or after.isalnum() or after == "-"):
            return True
        at = text.find(word, at + 1)
    return False


@dataclass(frozen=True)
class Found:
    """A span a component proposes, before it is claimed on the Doc."""

    span: Span  # labelled with the ActorType value
    actor: str
    rule: str


def _extension(doc: Doc, name: str) -> object:
    """``doc._.<name>``, read where spaCy keeps it (``doc._`` builds an object per read,
    and the components read these on every paragraph)."""
    data = cast(dict[object, object], doc.user_data)  # keys are tuples, whatever the stub says
    return data.get(("._.", name, None, None))


def set_extension(doc: Doc, name: str, value: object) -> None:
    """``doc._.<name> = value``, written where spaCy keeps it (see :func:`_extension`)."""
    cast(dict[object, object], doc.user_data)[("._.", name, None, None)] = value


def context_of(doc: Doc) -> ActorContext | None:
    context = _extension(doc, "actor_context")
    return context if isinstance(context, ActorContext) else None


def block_start_of(doc: Doc) -> int | None:
    """Where ``doc`` starts in its context's text (None: a Doc read on its own)."""
    start = _extension(doc, "block_start")
    return start if isinstance(start, int) else None


def text_of(doc: Doc) -> str:
    """``doc.text``, kept by the tokenizer (rebuilding it from the tokens is slow)."""
    text = _extension(doc, "folded_text")
    return text if isinstance(text, str) else doc.text


def actor_spans(doc: Doc, key: str = SPANS_KEY) -> list[Span]:
    """The actor spans on ``doc`` in text order (none if no component ran)."""
    return list(doc.spans[key]) if key in doc.spans else []


def claim(doc: Doc, found: Iterable[Found], key: str = SPANS_KEY) -> None:
    """Add ``found`` to ``doc.spans[key]``, keeping the spans free of overlaps."""
    proposals = list(found)
    if not proposals:
        if key not in doc.spans:
            doc.spans[key] = []  # every component leaves the group, empty or not
        return
    existing = actor_spans(doc, key)
    ranked = sorted(
        [(span, 0, index) for index, span in enumerate(existing)]
        + [(f.span, 1, index) for index, f in enumerate(proposals)],
        key=lambda item: (-len(item[0]), item[1], item[2]),
    )
    taken = [False] * len(doc)
    kept: list[Span] = []
    for span, origin, index in ranked:
        if any(taken[span.start : span.end]):
            continue
        taken[span.start : span.end] = [True] * len(span)
        if origin == 1:
            proposal = proposals[index]
            span._.actor = proposal.actor
            span._.actor_rule = proposal.rule
        kept.append(span)
    doc.spans[key] = sorted(kept, key=lambda s: (s.start, s.end))


def covered(doc: Doc, key: str = SPANS_KEY) -> list[bool]:
    """For each token of ``doc``: whether an actor span covers it."""
    taken = [False] * len(doc)
    for span in actor_spans(doc, key):
        taken[span.start : span.end] = [True] * len(span)
    return taken


def starts_sentence(doc: Doc, index: int) -> bool:
    """Whether token ``index`` may be the first word of a sentence, heading or cell."""
    if index == 0:
        return True
    previous = doc[index - 1]
    return (
        previous.is_space
        or previous.like_num
        or previous.text in SENTENCE_BREAKS
        or previous.text.endswith(".")
    )


def offsets_by_block(text: str, offsets: list[int]) -> dict[int, list[int]]:
    """Offsets into a document's text (paragraphs joined by line breaks), grouped by the
    paragraph they fall in: paragraph start -> offsets within it."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    grouped: dict[int, list[int]] = {}
    for offset in offsets:
        block = starts[bisect_right(starts, offset - 1) - 1]
        if offset > block:  # a name at a paragraph's very start follows no cue in it
            grouped.setdefault(block, []).append(offset - block)
    return grouped
