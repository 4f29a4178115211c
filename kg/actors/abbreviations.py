"""spaCy component: abbreviations a document defines for the bodies it names.

"Barne-, ungdoms- og familiedirektoratet (Bufdir)" and "Bufdir (Barne-, ungdoms- og
familiedirektoratet)" both make "Bufdir" an alias of the body inside this document: the
abbreviation in brackets is a mention, and so is every later bare "Bufdir" (or genitive
"Bufdirs"), in this paragraph or, through ``doc._.actor_context``, in any later one.

The full name must already be an actor span (registry or shape), and the abbreviation
must look like one: a single capitalised token whose letters occur in order in the full
name ("SOF" in "Senter for omsorgsforskning"). A token another rule already resolved is
left as it is.
"""

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.actors.names import genitive_stems
from kg.actors.spans import (
    SPANS_KEY,
    Found,
    actor_spans,
    claim,
    context_of,
    covered,
    text_of,
)

RULE = "abbreviation"
DEFINING_RULES = ("registry", "shape:")  # spans whose name an abbreviation may stand for
_SHAPE = re.compile(r"^[A-ZÆØÅ][A-Za-zÆØÅæøå0-9&]{1,11}$")
_ROMAN = re.compile(r"^[IVXLC]+$")


@Language.factory("helsekg_actor_abbreviations", default_config={"spans_key": SPANS_KEY})
def make_abbreviations(nlp: Language, name: str, *, spans_key: str) -> "Abbreviations":
    return Abbreviations(nlp, name, spans_key=spans_key)


def _in_order(short: str, full: str) -> bool:
    letters = iter(full.lower())
    return all(char in letters for char in short.lower())


def could_abbreviate(short: str, full: str) -> bool:
    """Whether ``short`` looks like an abbreviation of ``full`` ("Bufdir", "HOD", "SOF")."""
    if not _SHAPE.match(short) or _ROMAN.match(short) or len(short) >= len(full):
        return False
    letters = [c for c in short if c.isalpha()]
    if len(letters) < 2 or (sum(c.isupper() for c in letters) < 2 and len(letters) < 3):
        return False
    return _in_order("".join(letters), full)


class Abbreviations:
    """Record "Full Name (ABBR)" / "ABBR (Full Name)"; resolve the ABBR wherever it recurs."""

    def __init__(
        self, nlp: Language, name: str = "actor_abbreviations", *, spans_key: str = SPANS_KEY
    ) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def definitions(self, doc: Doc) -> list[tuple[Token, Span]]:
        """(abbreviation token, full-name span) pairs written in ``doc``."""
        pairs: list[tuple[Token, Span]] = []
        for span in actor_spans(doc, self.spans_key):
            if not str(span._.actor_rule or "").startswith(DEFINING_RULES):
                continue
            after, before = span.end, span.start
            if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
                pairs.append((doc[after + 1], span))  # Full Name (ABBR)
            inside = before >= 2 and after < len(doc)
            if inside and doc[before - 1].text == "(" and doc[after].text == ")":
                pairs.append((doc[before - 2], span))  # ABBR (Full Name)
        return [(token, span) for token, span in pairs if could_abbreviate(token.text, span.text)]

    def match(self, doc: Doc) -> list[Found]:
        context = context_of(doc)
        known = context.abbreviations if context else {}
        if not known and not doc.spans.get(self.spans_key):
            return []  # nothing defined before, no name to define anything here
        text = text_of(doc)
        if "(" not in text and not any(word in text for word in known):
            return []  # no definition here, and no abbreviation defined before is used
        local: dict[str, tuple[str, str]] = {}
        defined_at: dict[str, int] = {}
        taken = covered(doc, self.spans_key)
        for token, span in self.definitions(doc) if "(" in text else ():
            if taken[token.i]:
                continue
            meaning = (str(span._.actor), span.label_)
            if token.text not in known and token.text not in local:
                local[token.text] = meaning
                defined_at[token.text] = token.i
        found: list[Found] = []
        words = set(local) | set(known)
        if not any(word in text for word in words):
            return found
        for token in doc:
            if taken[token.i] or not token.text[:1].isupper():
                continue
            word = token.text if token.text in words else _stem_in(token.text, words)
            if word is None or token.i < defined_at.get(word, 0):
                continue
            actor, label = local.get(word) or known[word]
            found.append(Found(Span(doc, token.i, token.i + 1, label=label), actor, RULE))
        if context is not None:
            for word, meaning in local.items():
                context.abbreviations.setdefault(word, meaning)
        return found

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        claim(doc, found, self.spans_key)


def _stem_in(text: str, words: set[str]) -> str | None:
    return next((stem for stem in genitive_stems(text) if stem in words), None)
