"""spaCy component: "direktoratet" and "departementet" where the document says who they are.

In an allocation letter the ministry writes to its agency: "direktoratet" is the
addressee and "departementet" the issuer; in an annual report the agency writes back,
so the roles swap. Which word takes which role in which kind of document, and what
type the body must have, is configuration (``kg/data/actors/pipeline.toml``). Without a
document context, in other kinds of document, or when the role's body is not of the
right type, the word is left alone: it is not a name.
"""

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.actors.registry import ActorRegistry
from kg.actors.spans import (
    SPANS_KEY,
    ActorContext,
    Found,
    claim,
    context_of,
    covered,
    text_of,
)

RULE = "generic"
ROLES = ("issuer", "addressee")


@Language.factory(
    "helsekg_actor_generic",
    default_config={
        "registry": {"@misc": "helsekg.actor_registry.v1"},
        "terms": {},
        "roles": {},
        "spans_key": SPANS_KEY,
    },
)
def make_generic_references(
    nlp: Language,
    name: str,
    *,
    registry: ActorRegistry,
    terms: dict[str, list[str]],
    roles: dict[str, dict[str, str]],
    spans_key: str,
) -> "GenericReferences":
    return GenericReferences(
        nlp, name, registry=registry, terms=terms, roles=roles, spans_key=spans_key
    )


class GenericReferences:
    """Resolve generic words ("direktoratet", "departementets") to the document's parties."""

    def __init__(
        self,
        nlp: Language,
        name: str = "actor_generic",
        *,
        registry: ActorRegistry,
        terms: dict[str, list[str]],
        roles: dict[str, dict[str, str]],
        spans_key: str = SPANS_KEY,
    ) -> None:
        for kind, by_term in roles.items():
            for term, role in by_term.items():
                if role not in ROLES or term not in terms:
                    raise ValueError(f"generic roles of {kind}: {term!r} -> {role!r} is not valid")
        self.name = name
        self.registry = registry
        self.terms = {term: frozenset(types) for term, types in terms.items()}
        self.roles = roles
        self.spans_key = spans_key
        # "irektoratet" (any first letter) and "IREKTORATET": a paragraph without any holds
        # no term in any case
        self.stems = sorted({stem for term in terms for stem in (term[1:], term[1:].upper())})
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for term in terms:
            self.matcher.add(term, [nlp.make_doc(term), nlp.make_doc(term + "s")])

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def party(self, term: str, context: ActorContext) -> tuple[str, str] | None:
        """(canonical name, type) the generic ``term`` refers to in ``context``'s document."""
        role = self.roles.get(str(context.kind), {}).get(term)
        name = getattr(context, role) if role else None
        actor = self.registry.lookup(name, context.on_date) if name else None
        if actor is None or actor.type.value not in self.terms[term]:
            return None
        return actor.name, actor.type.value

    def parties(self, context: ActorContext) -> dict[str, tuple[str, str] | None]:
        """Each term's party in ``context``'s document (worked out once per document)."""
        key = (self.name, id(self))
        known = context.memo.get(key)
        if not isinstance(known, dict):
            known = {term: self.party(term, context) for term in self.terms}
            context.memo[key] = known
        return known

    def match(self, doc: Doc) -> list[Found]:
        context = context_of(doc)
        if context is None or context.kind is None:
            return []
        text = text_of(doc)
        if not any(stem in text for stem in self.stems):
            return []  # no term in any case: most paragraphs
        parties = self.parties(context)
        if not any(parties.values()):
            return []
        taken = covered(doc, self.spans_key)
        found: list[Found] = []
        for match_id, start, end in self.matcher(doc):
            party = parties[doc.vocab.strings[match_id]]
            if party is None or any(taken[start:end]):
                continue
            span = Span(doc, start, end, label=party[1])
            found.append(Found(span, party[0], RULE))
        return found

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        claim(doc, found, self.spans_key)
