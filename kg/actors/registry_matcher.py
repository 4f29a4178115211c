"""spaCy component: every name and alias of the registry, wherever the text writes it.

Two phrase matchers: names of several words or long single words match whatever their
case (``LOWER``), short names and acronyms ("FHI", "Helfo", "KS") and names the
registry marks ``case_sensitive`` only as written (``ORTH``, plus "UKOM" for "Ukom").
Each name is added with its hyphen/space/comma variants and genitives
(:func:`kg.actors.names.spellings`); dashes are folded by the tokenizer.

A case-insensitive match that starts with a lower-case letter ("helsedirektoratet" in
a web address) is not a name and is skipped, unless the registry lists that name in
lower case ("statsforvalterne", for offices running text names so).
A name shared by an old and a new body resolves by ``doc._.actor_context.on_date``.
"""

from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.actors.names import spellings
from kg.actors.registry import ActorRegistry
from kg.actors.spans import SPANS_KEY, Found, claim, context_of
from kg.records import Actor

RULE = "registry"


@Language.factory(
    "helsekg_actor_registry",
    default_config={
        "registry": {"@misc": "helsekg.actor_registry.v1"},
        "spans_key": SPANS_KEY,
    },
)
def make_registry_matcher(
    nlp: Language, name: str, *, registry: ActorRegistry, spans_key: str
) -> "RegistryMatcher":
    return RegistryMatcher(nlp, name, registry=registry, spans_key=spans_key)


class RegistryMatcher:
    """Find registry names; resolve each to its canonical body."""

    def __init__(
        self,
        nlp: Language,
        name: str = "actor_registry",
        *,
        registry: ActorRegistry,
        spans_key: str = SPANS_KEY,
    ) -> None:
        self.name = name
        self.registry = registry
        self.spans_key = spans_key
        self._resolved: dict[tuple[str, date | None], Actor | None] = {}
        self.any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.as_written = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in registry.names:
            matcher = self.as_written if entry.case_sensitive else self.any_case
            texts = spellings(entry.text, case_sensitive=entry.case_sensitive)
            matcher.add(entry.text, [nlp.make_doc(text) for text in texts])

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Found]:
        context = context_of(doc)
        on_date = context.on_date if context else None
        found: list[Found] = []
        for matcher, any_case in ((self.any_case, True), (self.as_written, False)):
            for match_id, start, end in matcher(doc):
                name = doc.vocab.strings[match_id]
                if any_case and doc[start].text[:1].islower() and not name[:1].islower():
                    continue  # lower case: a common noun or part of an address
                actor = self.resolve(name, on_date)
                if actor is not None:
                    labelled = Span(doc, start, end, label=actor.type.value)
                    found.append(Found(labelled, actor.name, RULE))
        return found

    def resolve(self, name: str, on_date: date | None) -> Actor | None:
        """``registry.lookup``, remembered: a few hundred names recur thousands of times."""
        key = (name, on_date)
        if key not in self._resolved:
            self._resolved[key] = self.registry.lookup(name, on_date)
        return self._resolved[key]

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        claim(doc, found, self.spans_key)
