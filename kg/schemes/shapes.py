"""Where a text names a grant scheme: the shapes of kg/data/schemes.toml applied to prose."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from kg.actors import load_registry
from kg.schemes.names import capitalise, compound_name, purpose_name, scheme_key
from kg.schemes.phrases import Phrase, read_phrase
from kg.schemes.prose import ActorSpans, Prose, collapse
from kg.schemes.rules import SchemeRules, SchemeShape

_PURPOSE_AFTER = re.compile(r"\s+(?:til|for)\s+")
_DEFINITE_ENDINGS = ("ene", "en", "et")
STEM_REACH = 80  # characters a compound's stem may run back from its head


@dataclass(frozen=True)
class Candidate:
    """A scheme name found in the text, before its attributes are read."""

    name: str
    key: str
    start: int
    end: int
    rule: str
    phrase: Phrase | None = None  # the purpose phrase, where the name has one
    kap: int | None = None  # from a table row that states the post
    post: int | None = None
    scheme_id: str | None = None


def actor_type(name: str) -> str | None:
    """The registry type of an organisation, None for one the registry does not know."""
    actor = load_registry().get(name)
    return actor.type.value if actor is not None else None


def _is_group(phrase: Phrase, rules: SchemeRules) -> bool:
    return any(r.pattern.fullmatch(phrase.text) for r in rules.recipients)


def _starts_with_group(phrase: Phrase, rules: SchemeRules) -> bool:
    return any(r.pattern.match(phrase.text) for r in rules.recipients)


def _names_organisation(phrase: Phrase, organisations: ActorSpans) -> bool:
    """A capitalised word or an actor mention in the phrase: a named recipient."""
    return any(word[0].isupper() for word in phrase.words) or organisations.starts_within(
        phrase.start, phrase.end
    )


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return words[-1].casefold() if words else ""


def _purpose(
    text: str,
    start: int,
    rules: SchemeRules,
    organisations: ActorSpans,
    limit: int,
    *,
    group: bool = False,
) -> Phrase | None:
    """A purpose phrase at ``start`` that names no organisation and no generic word
    (``group``: or that names a recipient group, "stimuleringstilskudd til kommunene")."""
    phrase = read_phrase(text, start, rules.phrase, limit=limit)
    if phrase is None or _names_organisation(phrase, organisations):
        return None
    if phrase.words[0].casefold() in rules.generic_first:
        return None
    if group and _starts_with_group(phrase, rules):
        return phrase
    if len(phrase.words) == 1 and (
        len(phrase.text) < rules.min_single_word or phrase.text.endswith(_DEFINITE_ENDINGS)
    ):
        return None  # "tilskudd til forskning", "tilskudd til universitetene"
    return phrase


def _complement(
    shape: SchemeShape, match: re.Match[str], prose: Prose, rules: SchemeRules, orgs: ActorSpans
) -> Candidate | None:
    """ "tilskudd til <purpose>" or "tilskuddsordning for|til|rettet mot <phrase>"."""
    text = prose.text
    limit = prose.sentence(match.start())[1]
    if shape.plain:
        if _word_before(text, match.start()) in rules.not_after:
            return None
        phrase = _purpose(text, match.end(), rules, orgs, limit)
        if phrase is None or _starts_with_group(phrase, rules):
            return None
        name = purpose_name(phrase.text)
    else:
        phrase = read_phrase(text, match.end(), rules.phrase, limit=limit)
        if phrase is not None and _is_group(phrase, rules):
            phrase = read_phrase(text, match.end(), rules.phrase, relative=True, limit=limit)
        if phrase is None or _is_group(phrase, rules):
            return None  # a scheme named only by who may apply is no name
        preposition = " ".join(match.group(0).split()[1:]) or "for"
        name = purpose_name(phrase.text, match.group("head").lower(), preposition)
    return Candidate(name, scheme_key(name), match.start(), phrase.end, shape.name, phrase)


def compound_stem(text: str, head: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The stem written right before a compound's head ("vertskommune|tilskuddet")."""
    return pattern.search(text, max(0, head - STEM_REACH), head)


def _compound(
    shape: SchemeShape, match: re.Match[str], prose: Prose, rules: SchemeRules, orgs: ActorSpans
) -> Candidate | None:
    """ "<stem>tilskudd(et)", with "til <purpose>" where the stem alone says too little."""
    assert shape.stem is not None
    found = compound_stem(prose.text, match.start(), shape.stem)
    if found is None:
        return None
    stem = collapse(found.group(0))
    last = stem.casefold().split()[-1]
    if last in rules.never_stems or stem.casefold() in rules.never_stems:
        return None
    if last not in rules.purpose_stems:
        name = compound_name(stem)
        return Candidate(name, scheme_key(name), found.start(), match.end(), shape.name)
    after = _PURPOSE_AFTER.match(prose.text, match.end())
    limit = prose.sentence(match.start())[1]
    phrase = _purpose(prose.text, after.end(), rules, orgs, limit, group=True) if after else None
    if phrase is None:
        return None
    name = purpose_name(phrase.text, compound_name(stem))
    return Candidate(name, scheme_key(name), found.start(), phrase.end, shape.name, phrase)


def _titled(
    shape: SchemeShape, match: re.Match[str], prose: Prose, rules: SchemeRules, orgs: ActorSpans
) -> Candidate | None:
    """ "tilskuddsordningen <Title>", or a quoted name after "ordningen"."""
    if shape.kind == "quoted":
        name = capitalise(collapse(match.group("quoted")))
        return Candidate(name, scheme_key(name), match.start(), match.end(), shape.name)
    limit = prose.sentence(match.start())[1]
    phrase = read_phrase(prose.text, match.end(), rules.phrase, title=True, limit=limit)
    if phrase is None or orgs.starts_within(phrase.start, phrase.start + len(phrase.words[0])):
        return None
    name = capitalise(phrase.text)
    return Candidate(name, scheme_key(name), match.start(), phrase.end, shape.name, phrase)


def _to_organisation(
    shape: SchemeShape, match: re.Match[str], prose: Prose, rules: SchemeRules, orgs: ActorSpans
) -> Candidate | None:
    """ "(øremerket) tilskudd til <organisation>": a grant to one named organisation.

    The organisation is the actor mention that starts where the match ends, if its type
    may receive such grants; without a mention, an earmarked grant's capitalised name.
    """
    said = match.group(0).casefold()
    if "til" not in said.split() and not match.group("earmark"):
        return None
    mention = next(iter(orgs.starting_in(match.end(), match.end() + 1)), None)
    if mention is not None:
        _, end, actor = mention
        kind = actor_type(actor)
        if kind is not None and kind not in rules.organisation_grant_types:
            return None
        name = f"Tilskudd til {actor}"  # the canonical name: one scheme across documents
        return Candidate(name, scheme_key(name), match.start(), end, shape.name)
    if not match.group("earmark"):
        return None
    limit = prose.sentence(match.start())[1]
    phrase = read_phrase(prose.text, match.end(), rules.phrase, title=True, limit=limit)
    if phrase is None:
        return None
    name = f"Tilskudd til {phrase.text}"
    return Candidate(name, scheme_key(name), match.start(), phrase.end, shape.name, phrase)


_BUILDERS = {
    "organisation": _to_organisation,
    "complement": _complement,
    "compound": _compound,
    "titled": _titled,
    "quoted": _titled,
}


def shape_candidates(
    prose: Prose, rules: SchemeRules, organisations: ActorSpans
) -> Iterator[Candidate]:
    """Every scheme name a shape finds, with its scheme number where one follows."""
    for shape in rules.shapes:
        build = _BUILDERS[shape.kind]
        for match in prose.search(shape.pattern, shape.triggers):
            candidate = build(shape, match, prose, rules, organisations)
            if candidate is None:
                continue
            scheme_id = next(
                (
                    m.group("id")
                    for p in rules.scheme_ids
                    if (m := p.match(prose.text, candidate.end))
                ),
                None,
            )
            if scheme_id:
                candidate = replace(candidate, scheme_id=scheme_id)
            yield candidate


def without_overlaps(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The longest candidate wherever several cover the same text."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start), c.rule)):
        if kept and candidate.start < kept[-1].end:
            continue
        kept.append(candidate)
    return kept
