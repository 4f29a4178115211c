"""Governance relations a document states between the bodies it names.

``find_relations(document, mentions, profile=...)`` reads the document as sentences
(kg/actors/sentences.py), puts each actor mention into its sentence by (line, column),
and applies the rules of ``kg/data/actors/relations.toml``: trigger patterns over the
sentence with the mentions as slots (the subject may be the document's issuer, the
object the body a numbered heading above names), and section headings that make the
issuer of an annual report the governor of each body the section is about
(kg/actors/sections.py). Rules marked so also read two sentences of a paragraph
together, or the cells of tab-separated tables. A relation carries the document, the
original lines of its sentence and the sentence itself (for a heading's body: heading ›
sentence).

Precision first: a trigger binds only mentions standing where the grammar puts the
governor and the governed, and only bodies of the shape the rule asks for (a unit, a
ministry); a negated match is dropped, no body relates to itself, a hierarchy stated
both ways is dropped, and a merger that does not say which body continues is kept only
when the document (or a known change) settles it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from kg.actors.relation_rules import (
    GENITIVE,
    PLAIN,
    RelationRule,
    RelationRules,
    relation_rules,
    slot_mentions,
)
from kg.actors.sections import QUOTE_JOIN, HeadingActor, headed_by, section_relations
from kg.actors.sentences import (
    Block,
    BlockKind,
    Placed,
    Sentence,
    collapse,
    read_blocks,
    read_cells,
    split_sentences,
)
from kg.records import ActorChange, ActorMention, Document, Profile, Relation, RelationKind

PREDICATE_ORDER = {kind: index for index, kind in enumerate(RelationKind)}
# Relations that cannot hold both ways between two bodies (granting can: belastnings-
# fullmakter go both ways between two agencies).
ONE_WAY = frozenset(RelationKind) - {RelationKind.ADMINISTERS_GRANTS_FOR}


@dataclass(frozen=True)
class Candidate:
    """A relation found by a rule, before merging directions are settled."""

    relation: Relation
    symmetric: bool = False


def find_relations(
    document: Document,
    mentions: Sequence[ActorMention],
    *,
    profile: Profile,
    changes: Sequence[ActorChange] = (),
) -> tuple[Relation, ...]:
    """Every governance relation ``document`` states, once each, in document order.

    ``changes`` (renames and mergers known from the registry) only settle which body
    continues when a sentence names a merger of two bodies without saying.
    """
    rules = relation_rules()
    blocks = read_blocks(document) + read_cells(document)
    placed = place_mentions(blocks, mentions)
    reading = Reading(
        document.name, profile, rules, rule_sets(rules, profile), headed_by(blocks, placed)
    )
    candidates: list[Candidate] = []
    previous: Sentence | None = None
    for sentence in split_sentences(blocks, only=placed.keys()):
        cell = blocks[sentence.spans[0].block].kind is BlockKind.CELL
        where: Where = "cell" if cell else "sentence"
        in_sentence = sentence_mentions(sentence, blocks, placed)
        if in_sentence:
            candidates.extend(apply_rules(sentence, in_sentence, reading, where))
        pair = _paired(previous, sentence, reading)
        if pair is not None:
            in_pair = sentence_mentions(pair, blocks, placed)
            candidates.extend(apply_rules(pair, in_pair, reading, "pair"))
        previous = sentence if where == "sentence" else None
    relations = [c.relation for c in candidates if not c.symmetric]
    relations.extend(section_relations(document.name, blocks, placed, profile, rules.sections))
    relations.extend(
        settle_mergers([c.relation for c in candidates if c.symmetric], relations, changes)
    )
    return deduplicate(relations)


# --------------------------------------------------------------------------- mentions


def place_mentions(
    blocks: Sequence[Block], mentions: Iterable[ActorMention]
) -> dict[int, list[Placed]]:
    """Mentions by block number, at their offsets in the block text, without overlaps.

    A line belongs to one block of running text, or is cut into table cells: a mention
    on it goes to the cell it starts in.
    """
    block_of_line: dict[int, int] = {}
    cells_of_line: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for number, block in enumerate(blocks):
        if block.kind is BlockKind.CELL:
            cells_of_line[block.first_line].append((block.pieces[0].column, number))
        else:
            for piece in block.pieces:
                block_of_line[piece.line.number] = number
    found: dict[int, list[Placed]] = defaultdict(list)
    for mention in mentions:
        home = block_of_line.get(mention.line)
        if home is None:
            home = _cell_of(cells_of_line.get(mention.line, ()), mention.column)
        if home is None:
            continue  # a line outside running text and table cells
        block = blocks[home]
        start = block.offset(mention.line, mention.column)
        if start is None:
            continue
        end = start + len(collapse(mention.surface))
        if end <= len(block.text):
            found[home].append(Placed(start, end, mention))
    for number, items in found.items():
        items.sort(key=lambda p: (p.start, -p.end, p.mention.actor))
        kept: list[Placed] = []
        for item in items:
            if not kept or item.start >= kept[-1].end:
                kept.append(item)
        found[number] = kept
    return found


def _cell_of(cells: Sequence[tuple[int, int]], column: int) -> int | None:
    """The cell (block number) of a table line that column ``column`` stands in."""
    inside = [number for start, number in cells if start <= column]
    return inside[-1] if inside else None


def sentence_mentions(
    sentence: Sentence, blocks: Sequence[Block], placed: dict[int, list[Placed]]
) -> list[Placed]:
    """The mentions inside ``sentence``, at offsets in its text."""
    inside = []
    shift = 0
    for span in sentence.spans:
        for item in placed.get(span.block, ()):
            if span.start <= item.start and item.end <= span.end:
                start = item.start - span.start + shift
                inside.append(Placed(start, start + item.end - item.start, item.mention))
        shift += span.end - span.start + 1
    return inside


def masked(text: str, mentions: Sequence[Placed]) -> str:
    """``text`` with mention n replaced by ⟦n⟧ (or ⟪n⟫ when it is in the genitive)."""
    parts = []
    cursor = 0
    for number, item in enumerate(mentions):
        parts.append(text[cursor : item.start])
        parts.append((GENITIVE if item.genitive else PLAIN).format(number))
        cursor = item.end
    parts.append(text[cursor:])
    return "".join(parts)


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class RuleSet:
    """The rules that may match one kind of text, and the words one of them needs."""

    rules: tuple[RelationRule, ...]
    cues: frozenset[str]


# What a rule reads: a "sentence", a table "cell", or a "pair" of sentences read as one.
Where = Literal["sentence", "cell", "pair"]
WHERE: tuple[Where, ...] = ("sentence", "cell", "pair")


def rule_sets(rules: RelationRules, profile: Profile) -> dict[tuple[Where, bool], RuleSet]:
    """The rules for this kind of document, by what they read and whether that names one
    body only (then only rules whose subject or object is implied can match)."""
    sets = {}
    for where in WHERE:
        for one_body in (True, False):
            chosen = tuple(
                rule
                for rule in rules.rules
                if rule.applies_to(profile.kind)
                and (where != "cell" or rule.in_cells)
                and (where != "pair" or rule.window > 1)
                and (not one_body or rule.issuer_subject or rule.heading_object)
            )
            cues = frozenset(cue for rule in chosen for cue in rule.cues)
            sets[(where, one_body)] = RuleSet(chosen, cues)
    return sets


@dataclass(frozen=True)
class Reading:
    """What the rules need to know of the document a sentence stands in."""

    document: str
    profile: Profile
    rules: RelationRules
    rule_sets: dict[tuple[Where, bool], RuleSet]
    headings: Sequence[HeadingActor | None]  # per block: the body its numbered heading names


def _paired(previous: Sentence | None, sentence: Sentence, reading: Reading) -> Sentence | None:
    """Two sentences of one paragraph read as one, when a two-sentence rule may match."""
    cues = reading.rule_sets[("pair", False)].cues
    if previous is None or not cues or len(sentence.spans) != 1:
        return None
    last, first = previous.spans[-1], sentence.spans[0]
    if last.block != first.block or last.end >= first.start:
        return None
    # the words a two-sentence rule ends on stand in the second sentence
    folded = sentence.text.casefold()
    if not any(cue in folded for cue in cues):
        return None
    return Sentence(
        f"{previous.text} {sentence.text}",
        previous.spans + sentence.spans,
        previous.first_line,
        sentence.last_line,
    )


def apply_rules(
    sentence: Sentence, mentions: Sequence[Placed], reading: Reading, where: Where = "sentence"
) -> list[Candidate]:
    """What every rule that applies to this kind of document finds in one sentence.

    ``where``: "sentence", a table "cell" (only rules marked for cells read it) or a
    "pair" of sentences read as one (only two-sentence rules read it).
    """
    profile = reading.profile
    rule_set = reading.rule_sets[(where, len(mentions) < 2)]
    folded = sentence.text.casefold()
    present = frozenset(cue for cue in rule_set.cues if cue in folded)
    if not present:
        return []
    heading = reading.headings[sentence.spans[0].block]
    text = ""
    found = []
    for rule in rule_set.rules:
        if rule.cues.isdisjoint(present):
            continue
        if rule.requires and not rule.requires.search(sentence.text):
            continue
        if rule.heading_object and not _heading_fits(rule, heading, profile):
            continue
        text = text or masked(sentence.text, mentions)
        for match in rule.trigger.finditer(text):
            if reading.rules.negation.search(match.group(0)):
                continue
            for subject, object_ in _pairs(rule, match, mentions, profile, heading):
                relation = Relation(
                    subject,
                    rule.predicate,
                    object_,
                    reading.document,
                    sentence.first_line,
                    sentence.last_line,
                    sentence.text,
                )
                if rule.heading_object and heading:
                    relation = replace(
                        relation,
                        first_line=heading.first_line,
                        quote=f"{heading.text}{QUOTE_JOIN}{sentence.text}",
                    )
                found.append(Candidate(relation, rule.symmetric))
    return found


def _heading_fits(rule: RelationRule, heading: HeadingActor | None, profile: Profile) -> bool:
    """A heading that names a body other than the issuer, of the kind the rule wants."""
    if heading is None or heading.actor == profile.issuer:
        return False
    return rule.object_fits(heading.actor, heading.actor)


def _pairs(
    rule: RelationRule,
    match: re.Match[str],
    mentions: Sequence[Placed],
    profile: Profile,
    heading: HeadingActor | None,
) -> list[tuple[str, str]]:
    if rule.issuer_subject:
        subjects = [profile.issuer] if profile.issuer else []
    else:
        subjects = [
            m.actor
            for m in (mentions[n].mention for n in slot_mentions(match, "subj"))
            if rule.subject_fits(m.actor, collapse(m.surface))
        ]
    if rule.heading_object:
        objects = [heading.actor] if heading else []
    else:
        objects = [
            m.actor
            for m in (mentions[n].mention for n in slot_mentions(match, "obj"))
            if rule.object_fits(m.actor, collapse(m.surface))
        ]
    if rule.predicate is RelationKind.MERGED_INTO:
        # "A og B slått sammen til et nytt B": the new body is the B that merged
        objects = [next((s for s in subjects if same_body(s, o)), o) for o in objects]
    pairs = [(s, o) for s in subjects for o in objects if not same_body(s, o)]
    return list(dict.fromkeys(pairs))


def same_body(first: str, second: str) -> bool:
    """One name, or one name bare and one with a definite or genitive ending.

    "Helsedirektorat" and "Helsedirektoratet" name one body: a relation between them
    would relate a body to itself.
    """
    short, long = sorted((first.casefold(), second.casefold()), key=len)
    return long.startswith(short) and long[len(short) :] in _ENDINGS


_ENDINGS = frozenset({"", "s", "et", "en", "a", "ene", "ets", "ens"})


# --------------------------------------------------------------------------- results


def settle_mergers(
    undirected: Sequence[Relation], directed: Sequence[Relation], changes: Sequence[ActorChange]
) -> list[Relation]:
    """Mergers named without a direction, turned the way the document or a change says.

    A merger stays out when neither another sentence of the document nor a known
    change says which of the two bodies continues.
    """
    known = {(r.subject, r.object) for r in directed if r.predicate is RelationKind.MERGED_INTO} | {
        (c.old, c.new) for c in changes if c.kind is RelationKind.MERGED_INTO
    }
    settled = []
    for relation in undirected:
        pair = (relation.subject, relation.object)
        if pair in known:
            settled.append(relation)
        elif pair[::-1] in known:
            settled.append(replace(relation, subject=relation.object, object=relation.subject))
    return settled


def deduplicate(relations: Iterable[Relation]) -> tuple[Relation, ...]:
    """Each (subject, predicate, object) once, where the document first states it.

    A hierarchy stated both ways in one document (A part of B, B part of A) is a
    misreading of one of the two sentences: neither is kept.
    """
    ordered = sorted(
        relations,
        key=lambda r: (
            r.first_line,
            r.last_line,
            PREDICATE_ORDER[r.predicate],
            r.subject,
            r.object,
            r.quote,
        ),
    )
    stated = {(r.subject, r.predicate, r.object) for r in ordered}
    seen: set[tuple[str, RelationKind, str]] = set()
    kept = []
    for relation in ordered:
        key = (relation.subject, relation.predicate, relation.object)
        if key in seen or same_body(relation.subject, relation.object):
            continue
        if (
            relation.predicate in ONE_WAY
            and (relation.object, relation.predicate, relation.subject) in stated
        ):
            continue
        seen.add(key)
        kept.append(relation)
    return tuple(kept)
