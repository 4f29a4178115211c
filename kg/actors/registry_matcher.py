"""spaCy component: every name and alias of the registry, wherever the text writes it.

Two phrase matchers: names of several words or long single words match whatever their
case (``LOWER``), short names and acronyms ("FHI", "Helfo", "KS") and names the
registry marks ``case_sensitive`` only as written (``ORTH``, plus "UKOM" for "Ukom").
Each name is added with its hyphen/space/comma variants and genitives
(:func:`kg.actors.names.spellings`); dashes are folded by the tokenizer.

A case-insensitive match that starts with a lower-case letter ("helsedirektoratet" in
a web address) is not a name and is skipped, unless the registry lists that name in
lower case ("statsforvalterne", "kriminalomsorgen", for bodies running text names so) or
the name describes what the body does (:func:`is_descriptive`: "de regionale
kompetansesentrene for rusmiddelspørsmål").
A registry name that is also an ordinary word (the registry note says ``case_sensitive``)
is not a name where a sentence, heading or list item starts with it ("Delta i
arbeidsgruppen ..."); an acronym in capitals ("MOT") is.

A name shared by an old and a new body resolves by ``doc._.actor_context.on_date``. A
body that had ceased more than a year before that date stands for the body that carried
it on ("Høgskolen i Oslo" in 2018: Høgskolen i Oslo og Akershus), unless the paragraph
speaks of the change itself (:data:`HISTORY`: "tidligere", "slått sammen", ...).
"""

import re
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.actors.names import spellings
from kg.actors.registry import ActorRegistry
from kg.actors.spans import SPANS_KEY, Found, claim, context_of, starts_sentence, text_of
from kg.records import Actor

RULE = "registry"
HISTORY = re.compile(
    r"\b(?:tidligere|het|omdøpt\w*|nytt navn|endret navn|skiftet navn|navneendring\w*"
    r"|sammenslå\w*|slått sammen|slo\w* sammen|fusjon\w*|nedlagt|nedlegg\w*|erstattet"
    r"|overtok|avviklet|opphørt\w*|historikk\w*)\b",
    re.IGNORECASE,
)


DESCRIPTIVE_LINKS = frozenset({"for", "om", "innen", "i", "mot"})
BODY_NOUN = re.compile(
    r"(?:senter|senteret|sentre|sentrene|tjeneste|direktorat|direktoratet|foreningen?"
    r"|forbund|forbundet|institutt|instituttet|universitetet|høgskolen|høyskolen|høgskulen"
    r"|råd|rådet|kontoret|komiteer|komité|nemnda|ombudet|forvalteren|sykehuset|organisasjon"
    r"|organisasjonen|selskapet|stiftelsen|sekretariatet|kommisjonen|kommisjonene|forum"
    r"|organ|fagenhet|byrået|servicemiljø|kompetansemiljø|kompetansenettverk|enheter)$"
)


def is_descriptive(name: str, case_sensitive: bool) -> bool:
    """A name that says what kind of body it is and what it does ("Regionale
    kompetansesentre for rusmiddelspørsmål", "Senter for kvalitet i legekontor"): running
    text writes it in lower case too, and in lower case it is still that body's name (no
    web address has spaces; phrases such as "mental helse", "av og til" or "tjenester for
    sensitive data" do not begin with a noun for a body)."""
    words = name.split()
    return (
        not case_sensitive
        and len(words) >= 3
        and any(BODY_NOUN.search(word.lower()) for word in words[:2])
        and any(word in DESCRIPTIVE_LINKS for word in words[1:-1])
    )


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
        self.ceased = frozenset(change.old for change in registry.changes)
        self.descriptive = frozenset(
            entry.text
            for entry in registry.names
            if is_descriptive(entry.text, entry.case_sensitive)
        )
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
        history: bool | None = None  # whether the paragraph speaks of changes (read once)
        for matcher, any_case in ((self.any_case, True), (self.as_written, False)):
            for match_id, start, end in matcher(doc):
                name = doc.vocab.strings[match_id]
                lower = any_case and doc[start].text[:1].islower() and not name[:1].islower()
                if lower and name not in self.descriptive:
                    continue  # lower case: a common noun or part of an address
                actor = self.resolve(name, on_date)
                if actor is None or self.ordinary_word(doc, start, end, actor):
                    continue
                if on_date is not None and actor.name in self.ceased:
                    if history is None:
                        history = bool(HISTORY.search(text_of(doc)))
                    if not history:
                        actor = self.registry.actors[self.registry.carried_on(actor.name, on_date)]
                labelled = Span(doc, start, end, label=actor.type.value)
                found.append(Found(labelled, actor.name, RULE))
        return found

    def ordinary_word(self, doc: Doc, start: int, end: int, actor: Actor) -> bool:
        """Whether a one-word name that is also an ordinary word starts a sentence here."""
        word = doc[start].text
        return (
            end - start == 1
            and actor.name in self.registry.common_words
            and word[1:].islower()  # "Delta", "Nav"; not "MOT", "NAVs"
            and starts_sentence(doc, start)
        )

    def resolve(self, name: str, on_date: date | None) -> Actor | None:
        """``registry.lookup``, remembered: a few hundred names recur thousands of times."""
        key = (name, on_date)
        if key not in self._resolved:
            self._resolved[key] = self.registry.lookup(name, on_date)
        return self._resolved[key]

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        claim(doc, found, self.spans_key)
