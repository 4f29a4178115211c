"""spaCy component: organisations named after a context cue, and the former names given them.

"organisasjonen Mot", "leverandøren Doctrin", "avtalen med Avonova", "tilskudd til
Ammehjelpen": the cues are data (:mod:`kg.actors.cues`). The name after a cue is taken
by :func:`name_extent`: capitalised words, with "og", "for", "i", "of", "and", "&"
inside it only between capitalised words ("Ungdom og Fritid", "Oxford Research"), or
the words inside quotes. A name the registry knows (read with tolerance: "Mot" is MOT)
keeps its entry; any other becomes a body of its own, typed by the cue.

A name after a ``recipient`` cue (a receiver of money) must also not look like a plan,
a programme or an activity: no word of it, nor the word after it, ends like one
("Kompetanseløft 2025", "ABE reformen"), and a one-word name must not be an ordinary
word the document writes in lower case elsewhere ("Omsorg 2020", "Menn i helse"), and
must read as a noun in the definite singular ("Ammehjelpen"; not "Tørn", "BASIS",
"IKT-utvikling", "AFEene").
Names of places alone (the gazetteer: "Norge", "Romania", "Bodø") are never bodies.

"X (tidligere Y)" after a body X found by any rule makes Y a former name of X.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.actors.cues import CueRule, Cues, load_cues
from kg.actors.extent import (
    INNER,
    OPENING_QUOTES,
    acronym_expansion,
    headed_name,
    name_extent,
    named_like_a_body,
)
from kg.actors.gazetteer import Gazetteer, load_gazetteer
from kg.actors.names import collapse
from kg.actors.registry import ActorRegistry
from kg.actors.spans import (
    SPANS_KEY,
    ActorContext,
    Found,
    actor_spans,
    block_start_of,
    claim,
    context_of,
    covered,
    offsets_by_block,
    starts_sentence,
    text_of,
)
from kg.records import Actor

PREFIX = "cue:"
FORMER_NAME = "cue:tidligere"
# Words after a one-word name that make it the start of a phrase ("Menn i helse").
PHRASE_JOINERS = frozenset({"og", "for", "om", "mot", "i"})
NOT_A_PHRASE = frozenset(
    {"å", "at", "som", "den", "det", "de", "en", "et", "sin", "sitt", "sine", "hele", "regi"}
    | {"forbindelse", "samarbeid", "løpet", "tråd", "henhold", "tillegg", "perioden", "året"}
    | {"år", "fjor", "dag", "høst", "vår", "sommer", "vinter", "tiden", "alt", "hovedsak"}
)
FORMER = re.compile(r"\(\s*tidligere\s+(?=[«\"“A-ZÆØÅ])")
CUE_REACH = 60  # characters a cue may span before its name


@Language.factory(
    "helsekg_actor_cues",
    default_config={
        "registry": {"@misc": "helsekg.actor_registry.v1"},
        "cues": "",
        "spans_key": SPANS_KEY,
    },
)
def make_cue_ruler(
    nlp: Language, name: str, *, registry: ActorRegistry, cues: str, spans_key: str
) -> CueRuler:
    return CueRuler(nlp, name, registry=registry, cues=cues, spans_key=spans_key)


def shape_starts_at(doc: Doc, index: int) -> bool:
    """Whether a name found by its shape starts at token ``index``."""
    return any(
        span.start == index and str(span._.actor_rule).startswith("shape:")
        for span in actor_spans(doc)
    )


class CueRuler:
    """Names after cues; former names in brackets."""

    def __init__(
        self,
        nlp: Language,
        name: str = "actor_cues",
        *,
        registry: ActorRegistry,
        cues: str = "",
        spans_key: str = SPANS_KEY,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.name = name
        self.registry = registry
        self.spans_key = spans_key
        self.cues: Cues = load_cues(Path(cues) if cues else None)
        self.triggers = self.cues.triggers()
        self.gazetteer = gazetteer or load_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        found = self.match(doc)
        if found:  # most paragraphs have none, and an earlier component made the group
            self.set_annotations(doc, found)
        return doc

    def match(self, doc: Doc) -> list[Found]:
        text = text_of(doc)
        former = list(FORMER.finditer(text)) if "idligere" in text else []
        hits = self.name_starts(doc, text)
        if not hits and not former:
            return []
        lower = text.lower()
        context = context_of(doc)
        taken = covered(doc, self.spans_key)
        found: list[Found] = []
        for hit in hits:
            rule, cue_start = self.cue_before(lower, hit)
            if rule is None:
                continue
            cue = doc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
            if cue is None or taken[cue.start] or not self.cue_word(doc, cue.start):
                continue  # the cue word is part of a name itself ("Landsforeningen X")
            named = self.named(doc, hit, rule, taken, context)
            if named is not None:
                found.append(named)
                taken[named.span.start : named.span.end] = [True] * len(named.span)
        return found + self.former_names(doc, former, found, taken) if former else found

    def name_starts(self, doc: Doc, text: str) -> list[int]:
        """Offsets in ``text`` where a name may start right after a trigger word.

        The triggers are searched once in the whole document (``doc._.block_start`` says
        where this paragraph starts in its context's text); a Doc without a document is
        searched on its own."""
        context, start = context_of(doc), block_start_of(doc)
        if context is None or start is None or not context.text:
            return self.trigger_ends(text)
        key = (self.name, id(self))
        by_block = context.memo.get(key)
        if not isinstance(by_block, dict):
            by_block = offsets_by_block(context.text, self.trigger_ends(context.text))
            context.memo[key] = by_block
        found = by_block.get(start)
        return found if isinstance(found, list) else []

    def trigger_ends(self, text: str) -> list[int]:
        return [match.end() for match in self.triggers.finditer(text)]

    def cue_before(self, lower: str, offset: int) -> tuple[CueRule | None, int]:
        """The first rule whose cue ends at ``offset`` of the lower-cased text, and where
        the cue starts."""
        window = lower[max(0, offset - CUE_REACH) : offset]
        for rule in self.cues.rules:
            found = rule.before_name.search(window)
            if found is not None:
                return rule, offset - len(window) + found.start()
        return None, -1

    @staticmethod
    def cue_word(doc: Doc, index: int) -> bool:
        """A cue is written in lower case, but where a sentence starts with it."""
        return doc[index].text[:1].islower() or starts_sentence(doc, index)

    def named(
        self, doc: Doc, offset: int, rule: CueRule, taken: list[bool], ctx: ActorContext | None
    ) -> Found | None:
        """The body named at character ``offset`` after ``rule``'s cue, if it is one."""
        token = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is None:
            return None
        start = token.start
        headed = headed_name(
            doc, start, self.cues.name_heads, self.cues.not_a_head, self.gazetteer.is_place
        )
        if taken[start] and (headed is None or not shape_starts_at(doc, start)):
            return None  # a longer headed name may displace a shape's ("Region senter")
        on_date = ctx.on_date if ctx else None
        label = rule.label.value
        expanded = None if taken[start] else acronym_expansion(doc, start)
        if expanded is not None:  # "POFU-psykologistudentenes opplysningsarbeid for unge"
            end, acronym, words = expanded
            name = f"{acronym} – {words}"
            listed = self.registry.lookup_tolerant(acronym, on_date)
        elif headed is not None:  # "Nettverk for forskning og kunnskapsutvikling om ..."
            end, name, head = headed
            label = self.cues.name_heads[head].value
            listed = self.registry.lookup_tolerant(name, on_date)
        else:
            extent = name_extent(doc, start, taken, self.gazetteer.is_place)
            if extent is None:
                return None
            end = extent
            quoted = doc[start].text in OPENING_QUOTES
            words_span = doc[start + 1 : end - 1] if quoted else doc[start:end]
            name = collapse(words_span.text)
            exact = self.registry.lookup(name, on_date)
            listed = exact or self.registry.lookup_tolerant(name, on_date)
            if exact is None and not quoted:
                end, joined = self.compound(doc, end, name, on_date)
                if joined is not None:
                    exact = listed = joined
            # a name read with tolerance ("Mot" for MOT) must still look like a name here
            # ("midler til Leve hele livet" is not LEVE)
            tolerated = exact is None and rule.kind == "recipient"
            new_body = listed is None
            if (new_body or tolerated) and not self.acceptable(
                doc, words_span, rule, ctx, new_body=new_body
            ):
                return None
        actor, label = (listed.name, listed.type.value) if listed else (name, label)
        return Found(Span(doc, start, end, label=label), actor, PREFIX + rule.rule)

    def compound(
        self, doc: Doc, end: int, name: str, on_date: date | None
    ) -> tuple[int, Actor | None]:
        """A registry name the text wrote apart ("CBRNE senteret"): the name with the
        lower-case word after it, joined by a hyphen or run together."""
        if end >= len(doc) or not doc[end].is_alpha or not doc[end].text.islower():
            return end, None
        word = doc[end].text
        for joined in (f"{name}-{word}", f"{name}{word}"):
            listed = self.registry.lookup_tolerant(joined, on_date)
            if listed is not None:
                return end + 1, listed
        return end, None

    def acceptable(
        self,
        doc: Doc,
        words: Span,
        rule: CueRule,
        ctx: ActorContext | None,
        *,
        new_body: bool = True,
    ) -> bool:
        """Whether ``words`` after ``rule``'s cue can be a body's name (``new_body``: of a
        body the registry does not know)."""
        texts = [t.text for t in words if t.lower_ not in INNER]
        if not texts or texts[0] in self.cues.not_a_name:
            return False
        if all(self.is_place(t) for t in texts) or self.gazetteer.is_place(words.text):
            return False
        if rule.kind != "recipient":
            return True
        if new_body and len(texts) == 1 and not named_like_a_body(texts[0]):
            return False  # "BASIS", "ALIS-kontorene", "IKT-utvikling": not a body's name
        heads = self.cues.not_a_head
        after = doc[words.end : words.end + 2]
        if any(t.lower().endswith(heads) for t in texts):
            return False  # "Kompetanseløft", "Pasientsikkerhetsprogrammet"
        if len(after) and after[0].is_alpha and after[0].lower_.endswith(heads):
            return False  # "ABE reformen"
        if len(texts) > 1:
            return True
        phrase = len(after) == 2 and after[0].lower_ in PHRASE_JOINERS and after[1].is_lower
        if phrase and after[1].lower_ not in NOT_A_PHRASE:
            return False  # "Menn i helse", "Aktivitet for seniorer"
        return ctx is None or not ctx.written_in_lower_case(texts[0])

    def is_place(self, word: str) -> bool:
        """A place, or a place in the genitive ("Norges")."""
        return self.gazetteer.is_place(word) or (
            word.endswith("s") and self.gazetteer.is_place(word[:-1])
        )

    def former_names(
        self, doc: Doc, former: list[re.Match[str]], found: list[Found], taken: list[bool]
    ) -> list[Found]:
        """ "X (tidligere Y)": Y, a former name of the body X found just before the bracket."""
        ends = {f.span.end: f for f in found}
        ends.update(
            {s.end: Found(s, str(s._.actor), str(s._.actor_rule)) for s in actor_spans(doc)}
        )
        names: list[Found] = []
        for hit in former:
            bracket = doc.char_span(hit.start(), hit.start() + 1, alignment_mode="expand")
            after = doc.char_span(hit.end(), hit.end() + 1, alignment_mode="expand")
            if bracket is None or after is None or bracket.start not in ends:
                continue
            end = name_extent(doc, after.start, taken, self.gazetteer.is_place)
            if end is None or end >= len(doc) or doc[end].text != ")":
                continue
            current = ends[bracket.start]
            span = Span(doc, after.start, end, label=current.span.label_)
            names.append(Found(span, current.actor, FORMER_NAME))
        return names

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        claim(doc, found, self.spans_key)
