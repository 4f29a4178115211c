"""Scoring a collapsed text against the kind signatures and their year cues."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.recognise.rules import Cue, Signature

QUOTE_LENGTH = 60


def quote(text: str) -> str:
    """A matched string as it appears in evidence: repr, cut to a readable length."""
    return repr(text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…")


@dataclass(frozen=True)
class CueHit:
    cue: Cue
    hits: int
    first: str  # the text of the first match

    @property
    def points(self) -> float:
        return self.cue.weight * min(self.hits, self.cue.cap)

    def describe(self) -> str:
        return f"cue {quote(self.first)} ×{self.hits} +{self.points:g}"


@dataclass(frozen=True)
class KindScore:
    signature: Signature
    hits: tuple[CueHit, ...]  # strongest first

    @property
    def score(self) -> float:
        return sum(hit.points for hit in self.hits)

    @property
    def passes(self) -> bool:
        return self.score >= self.signature.min_score


def score_kind(signature: Signature, text: str) -> KindScore:
    """Weighted, capped cue hits of one kind in ``text``."""
    hits: list[CueHit] = []
    for cue in signature.cues:
        matches = list(cue.pattern.finditer(text))
        if matches:
            hits.append(CueHit(cue, len(matches), matches[0].group(0)))
    hits.sort(key=lambda hit: -hit.points)
    return KindScore(signature, tuple(hits))


@dataclass(frozen=True)
class YearVote:
    year: int | None
    votes: float
    evidence: str


def vote_year(signature: Signature, text: str) -> YearVote:
    """The fiscal year the kind's year cues vote for most (ties go to the later year)."""
    votes: dict[int, float] = defaultdict(float)
    weight_of: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    count_of: Counter[str] = Counter()  # matched text -> hits
    for cue in signature.years:
        for match in cue.pattern.finditer(text):
            year = int(match.group(1)) + cue.offset
            votes[year] += cue.weight
            weight_of[year][match.group(0)] += cue.weight
            count_of[match.group(0)] += 1
    if not votes:
        return YearVote(None, 0.0, "year: no year cue")
    year = max(votes, key=lambda y: (votes[y], y))
    strongest = sorted(weight_of[year], key=lambda s: -weight_of[year][s])[:2]
    shown = ", ".join(f"{quote(s)} ×{count_of[s]}" for s in strongest)
    return YearVote(year, votes[year], f"year {year} ({votes[year]:g} votes): {shown}")
