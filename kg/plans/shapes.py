"""Where a text names a plan: the shapes of kg/data/plans.toml applied to prose."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.plans.names import (
    capitalise,
    name_keys,
    numbered_name,
    period_text,
    plan_key,
    tidy,
)
from kg.plans.owner import owner_lead
from kg.plans.rules import PlanRules, PlanShape
from kg.records import PlanType
from kg.schemes.phrases import read_backward_title, read_phrase
from kg.schemes.prose import ActorSpans, Prose
from kg.schemes.shapes import STEM_REACH

_TITLE_SEPARATOR = re.compile(r"(?:\s+-|!|:)\s*\Z")
# "<Title>, regjeringens strategi for ...": a comma too, where an owner stands between
_OWNED_TITLE_SEPARATOR = re.compile(r"(?:\s+-|!|:|,)\s*\Z")
_TITLE_START = re.compile(r"\s+[A-ZÆØÅ«\"]")


@dataclass(frozen=True)
class PlanCandidate:
    """A plan name found in the text, before owner and follow-ups are read."""

    name: str
    type: PlanType
    start: int
    end: int
    rule: str
    keys: tuple[str, ...]  # every key it is known by (the name's, a title's, a number's)
    period: str | None = None
    title: str | None = None  # a proper title, searched for elsewhere in the document
    anchor: int | None = None  # where an owner's genitive would end, if not at ``start``

    @property
    def owner_at(self) -> int:
        return self.start if self.anchor is None else self.anchor

    @property
    def key(self) -> str:
        return self.keys[0]


def _period(text: str, end: int, rules: PlanRules) -> tuple[str | None, int]:
    if found := rules.period.match(text, end, end + 20):
        return period_text(found.group("first"), found.group("second")), found.end()
    return None, end


def _make(
    shape: PlanShape,
    name: str,
    start: int,
    end: int,
    rules: PlanRules,
    text: str,
    *,
    extra_keys: tuple[str, ...] = (),
    type_: PlanType | None = None,
    title: str | None = None,
    anchor: int | None = None,
) -> PlanCandidate:
    period, _ = _period(text, end, rules) if shape.kind != "numbered" else (None, end)
    keys = tuple(dict.fromkeys(k for k in (*name_keys(name), *extra_keys) if k))
    type_ = type_ or shape.type
    return PlanCandidate(name, type_, start, end, shape.name, keys, period, title, anchor)


def _numbered(
    shape: PlanShape, match: re.Match[str], prose: Prose, rules: PlanRules, orgs: ActorSpans
) -> PlanCandidate | None:
    groups = match.groupdict()
    years = (groups["first"], groups["second"]) if groups.get("first") else None
    letter = " ".join(filter(None, (groups.get("letter"), groups.get("supplement")))) or None
    base = numbered_name(shape.label, groups["number"], letter, years)
    end, title = match.end(), None
    if shape.title and _TITLE_START.match(prose.text, end):
        limit = prose.sentence(match.start())[1]
        phrase = read_phrase(prose.text, end, rules.phrase, title=True, limit=limit)
        if phrase and not orgs.starts_within(phrase.start, phrase.start + len(phrase.words[0])):
            title, end = tidy(phrase.text).strip('«»"'), phrase.end
    name = f"{base} {title}" if title else base
    extra = (plan_key(base), plan_key(title)) if title else ()
    return _make(shape, name, match.start(), end, rules, prose.text, extra_keys=extra, title=title)


def _compound(
    shape: PlanShape, match: re.Match[str], prose: Prose, rules: PlanRules, orgs: ActorSpans
) -> PlanCandidate | None:
    assert shape.stem is not None
    found = shape.stem.search(prose.text, max(0, match.start() - STEM_REACH), match.start())
    if found is None:
        return None
    stem = tidy(found.group(0))
    bare = re.sub(r"^(?:[Nn]asjonale?t?\s+)", "", stem).casefold().strip("# -")
    if bare in rules.generic_stems.get(shape.head, frozenset()) or len(bare) < 2:
        return None
    head = tidy(match.group(0))
    spaced = found.group(0)[-1:].isspace()  # "ABE reformen" -> "ABE-reformen"
    name = capitalise(f"{stem}-{head}" if spaced else stem + head)
    type_ = PlanType.PROGRAMME if head.split()[0] in shape.programme_heads else None
    return _make(shape, name, found.start(), match.end(), rules, prose.text, type_=type_)


def _complement(
    shape: PlanShape, match: re.Match[str], prose: Prose, rules: PlanRules, orgs: ActorSpans
) -> PlanCandidate | None:
    text = prose.text
    before = text[max(0, match.start() - 20) : match.start()].split()
    if before and before[-1].casefold() in shape.not_after:
        return None
    limit = prose.sentence(match.start())[1]
    phrase = read_phrase(text, match.end(), rules.phrase, title=shape.kind == "titled", limit=limit)
    if phrase is None:
        return None
    if shape.kind == "titled":
        if orgs.starts_within(phrase.start, phrase.start + len(phrase.words[0])):
            return None
        name = tidy(phrase.text)
        return _make(shape, name, match.start(), phrase.end, rules, text, title=name)
    groups = match.groupdict()
    national = f"{groups['national'].capitalize()} " if groups.get("national") else ""
    preposition = f"{groups['preposition']} " if groups.get("preposition") else ""
    head = shape.head if not national else shape.head.lower()
    name = capitalise(f"{national}{head} {preposition}{tidy(phrase.text)}")
    start, title = match.start(), None
    extra: tuple[str, ...] = ()
    if shape.backward_title:
        lead = owner_lead(text, start, rules)
        separators = _TITLE_SEPARATOR if lead == start else _OWNED_TITLE_SEPARATOR
        separator = separators.search(text, max(0, lead - 4), lead)
        if separator and (found := read_backward_title(text, separator.start())):
            title, start = found
            extra = (plan_key(name), plan_key(title))
            name = f"{title} – {name[:1].lower()}{name[1:]}"
    anchor = match.start() if start != match.start() else None
    return _make(
        shape, name, start, phrase.end, rules, text, extra_keys=extra, title=title, anchor=anchor
    )


def _named(
    shape: PlanShape, match: re.Match[str], prose: Prose, rules: PlanRules, orgs: ActorSpans
) -> PlanCandidate | None:
    """The match is the name (or its group ``name``, a title used again elsewhere)."""
    groups = match.groupdict()
    stem = groups.get("stem")
    if stem and stem.casefold() in rules.generic_stems.get(shape.head, frozenset()):
        return None
    if groups.get("name"):
        name = tidy(groups["name"])
        start, end = match.start("name"), match.end("name")
        return _make(shape, name, start, end, rules, prose.text, title=name)
    return _make(
        shape, capitalise(tidy(match.group(0))), match.start(), match.end(), rules, prose.text
    )


Builder = Callable[[PlanShape, re.Match[str], Prose, PlanRules, ActorSpans], PlanCandidate | None]
_BUILDERS: dict[str, Builder] = {
    "numbered": _numbered,
    "compound": _compound,
    "complement": _complement,
    "bare": _complement,
    "titled": _complement,
    "named": _named,
}


def shape_candidates(prose: Prose, rules: PlanRules, orgs: ActorSpans) -> Iterator[PlanCandidate]:
    for shape in rules.shapes:
        build = _BUILDERS[shape.kind]
        for match in prose.search(shape.pattern, shape.triggers):
            if candidate := build(shape, match, prose, rules, orgs):
                yield candidate
