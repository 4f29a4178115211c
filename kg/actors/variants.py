"""Within one document: names found by their shape that stand for a body the document
also names in full, or that are the document's own units.

- A fragment: "Nasjonalt senter for erfaringskompetanse" where a table cell cut the name
  the document writes elsewhere as "Nasjonalt senter for erfaringskompetanse innen
  psykisk helse" (a registry body) is that body.
- A variant spelling: same first word as a registry body the document names, and the
  rest nearly the same ("Utviklingssenter for hjemmetjeneste og sykehjemstjenester" for
  "Utviklingssenter for sykehjem og hjemmetjenester"), or one word different that begins
  alike ("... og atomberedskap" for "... og atomsikkerhet").
- Not a body: a name the document writes after "det interne", "vårt", "eget" ... is a
  unit of the writer, and one it writes after a noun for an activity ("cannabis-kampanjen
  Weedensenteret", "prosjektet X") is that activity's name; all their mentions go.

Registry names, and names found otherwise than by shape or cue, are left as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from kg.actors.registry import ActorRegistry
from kg.records import ActorMention

FOUND_BY_FORM = ("shape:", "cue:")
FUNCTION_WORDS = frozenset({"for", "og", "i", "av", "innen", "om", "til", "med", "på", "mot"})
SIMILAR = 0.75  # Dice coefficient of the letter trigrams of two names' content words
SAME_START = 4  # letters a changed word must share with the registry's word
OWN_UNIT = frozenset({"interne", "internt", "vårt", "våre", "eget", "egne"})


def _content(name: str) -> list[str]:
    words = name.lower().replace(",", " ").split()
    return [w for w in words[1:] if w not in FUNCTION_WORDS]


def _trigrams(words: list[str]) -> set[str]:
    text = " ".join(words)
    return {text[i : i + 3] for i in range(len(text) - 2)}


def is_variant(found: str, listed: str) -> bool:
    """Whether ``found`` reads as a fragment or a variant spelling of ``listed``."""
    if listed.lower().startswith(found.lower() + " "):
        return True
    if found.split()[0].lower() != listed.split()[0].lower():
        return False
    mine, theirs = _content(found), _content(listed)
    if not mine or not theirs:
        return False
    if len(mine) == len(theirs):
        changed = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
        if len(changed) == 1 and changed[0][0][:SAME_START] == changed[0][1][:SAME_START]:
            return True
    a, b = _trigrams(mine), _trigrams(theirs)
    return bool(a and b) and 2 * len(a & b) / (len(a) + len(b)) >= SIMILAR


def settle_variants(
    mentions: Sequence[ActorMention], registry: ActorRegistry
) -> tuple[ActorMention, ...]:
    """``mentions`` with fragments and variant spellings resolved to the registry body."""
    listed = {m.actor for m in mentions if registry.get(m.actor) is not None}
    by_first_word: dict[str, list[tuple[str, str]]] = {}
    for canonical in sorted(listed):
        for name in _names(registry, canonical):
            if " " in name:
                by_first_word.setdefault(name.split()[0].lower(), []).append((name, canonical))
    chosen: dict[str, str | None] = {}
    for mention in mentions:
        name = mention.actor
        if name in chosen or name in listed or not mention.rule.startswith(FOUND_BY_FORM):
            continue
        names = by_first_word.get(name.split()[0].lower(), [])
        owners = {canonical for full, canonical in names if is_variant(name, full)}
        chosen[name] = owners.pop() if len(owners) == 1 else None
    return tuple(
        replace(m, actor=chosen[m.actor] or m.actor) if chosen.get(m.actor) else m for m in mentions
    )


def _names(registry: ActorRegistry, canonical: str) -> Iterable[str]:
    actor = registry.get(canonical)
    return (actor.name, *actor.aliases) if actor else ()


def not_bodies(
    preceding: Iterable[tuple[ActorMention, str]],
    registry: ActorRegistry,
    activities: tuple[str, ...] = (),
) -> set[str]:
    """Names (not in the registry) the document writes after a word that makes them its own
    units, or after a noun that makes them an activity's name (a word ending in one of
    ``activities``: "kampanjen", "prosjektet"); ``preceding`` pairs each mention with the
    word written before it."""
    return {
        mention.actor
        for mention, word in preceding
        if (word.lower() in OWN_UNIT or (activities and word.lower().endswith(activities)))
        and registry.get(mention.actor) is None
        and mention.rule.startswith(FOUND_BY_FORM)
    }
