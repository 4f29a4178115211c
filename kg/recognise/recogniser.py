"""``recognise``: what kind of document this is, for which year, from whom to whom.

Works on the text alone (never the file name): the normalised lines are joined and
whitespace-collapsed, every kind's signature is scored, the best kind that reaches its
minimum wins, and only then are its year cues and roles consulted. Cue patterns run on a
lower-cased copy; names of bodies are looked up in the original (acronyms keep their case).
"""

from __future__ import annotations

from kg.recognise.actors import ActorRegistry, load_actors
from kg.recognise.roles import Mentions, pick
from kg.recognise.rules import Rules, collapse, load_rules
from kg.recognise.scoring import KindScore, score_kind, vote_year
from kg.records import Document, DocumentKind, Profile

EVIDENCE_CUES = 3  # strongest cues quoted in the evidence


def _ranking(scores: list[KindScore]) -> str:
    return ", ".join(f"{s.signature.kind} {s.score:g}" for s in scores)


def recognise(
    document: Document, *, rules: Rules | None = None, registry: ActorRegistry | None = None
) -> Profile:
    """Recognise ``document``'s kind, fiscal year, issuer and addressee from its text."""
    rules = rules or load_rules()
    registry = registry or load_actors()
    text = collapse("\n".join(line.text for line in document.lines))
    folded = text.lower()  # what the rules' patterns run on
    scores = sorted(
        (score_kind(signature, folded) for signature in rules.signatures),
        key=lambda s: -s.score,
    )
    best = scores[0] if scores else None
    if best is None or not best.passes:
        nearest = best.hits[:EVIDENCE_CUES] if best else ()
        evidence = (
            f"kind other: no signature reached its minimum ({_ranking(scores)})",
            *(hit.describe() for hit in nearest),
        )
        return Profile(DocumentKind.OTHER, None, None, None, score=0.0, evidence=evidence)

    signature = best.signature
    year = vote_year(signature, folded)
    mentions = Mentions.find(text, folded, signature, rules, registry)
    issuer, issuer_evidence = pick(
        rules.roles[signature.issuer], mentions, signature.boost_weight, registry
    )
    addressee, addressee_evidence = pick(
        rules.roles[signature.addressee], mentions, signature.boost_weight, registry
    )
    evidence = (
        (
            f"kind {signature.kind}: score {best.score:g} ≥ {signature.min_score:g}"
            f" (others: {_ranking(scores[1:])})"
        ),
        *(hit.describe() for hit in best.hits[:EVIDENCE_CUES]),
        year.evidence,
        f"issuer {issuer_evidence}",
        f"addressee {addressee_evidence}",
    )
    return Profile(signature.kind, year.year, issuer, addressee, best.score, evidence)
