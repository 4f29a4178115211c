"""Choosing the issuer and addressee of a recognised document among known bodies."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.recognise.actors import ActorRegistry
from kg.recognise.rules import Role, Rules, Signature


@dataclass(frozen=True)
class Mentions:
    """What the text says about bodies: mentions, boosted mentions, chapter references."""

    names: Counter[str]
    boosted: Counter[str]
    chapters: Counter[str]  # ministry -> references to chapters in its ranges

    @classmethod
    def find(
        cls, text: str, folded: str, signature: Signature, rules: Rules, registry: ActorRegistry
    ) -> Mentions:
        """Mentions of bodies in ``text``; chapter references in its lower-cased ``folded``."""
        names, boosted = registry.mentions(text, signature.actor_boost)
        chapters: Counter[str] = Counter()
        for chapter_pattern in rules.chapter_patterns:
            for match in chapter_pattern.pattern.finditer(folded):
                ministry = rules.ministry_of_chapter(int(match.group(1)))
                if ministry is not None:
                    chapters[ministry] += 1
        return cls(names, boosted, chapters)


def pick(
    role: Role, mentions: Mentions, boost_weight: float, registry: ActorRegistry
) -> tuple[str | None, str]:
    """The body that best fills ``role``, and one line of evidence for the choice."""
    scores: dict[str, float] = {}
    for name, actor in registry.actors.items():
        if actor.type not in role.types:
            continue
        score = (
            role.mention_weight * mentions.names[name]
            + boost_weight * mentions.boosted[name]
            + role.chapter_weight * mentions.chapters[name]
        )
        if score > 0:
            scores[name] = score
    if not scores:
        if role.default is not None:
            return role.default, f"{role.name}: {role.default} (default, not named)"
        return None, f"{role.name}: none named"
    best = max(scores, key=lambda name: (scores[name], name))
    parts = [f"{mentions.names[best]} mentions"]
    if mentions.boosted[best]:
        parts.append(f"{mentions.boosted[best]} followed by the boost cue")
    if role.chapter_weight and mentions.chapters[best]:
        parts.append(f"{mentions.chapters[best]} chapter references")
    return best, f"{role.name}: {best} ({', '.join(parts)})"
