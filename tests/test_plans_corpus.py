"""Plans and follow-ups in the real corpus: general facts that hold for any such document."""

from __future__ import annotations

from kg.plans import find_follow_ups, find_plans, merge_plans
from kg.plans.names import name_keys
from kg.records import Document, DocumentKind, PlanType, Profile, Segmentation

Corpus = list[tuple[Document, Profile, Segmentation]]


def test_plans_corpus_mentions_point_at_their_text(corpus_documents: Corpus) -> None:
    for document, profile, segmentation in corpus_documents:
        for mention in find_plans(document, profile, segmentation, ()):
            assert mention.document == document.name
            line = document.lines[mention.line - 1].text
            assert mention.surface.split()[0] in line, (document.name, mention)


def test_plans_corpus_every_plan_has_a_name_of_its_own(corpus_documents: Corpus) -> None:
    for document, profile, segmentation in corpus_documents:
        plans = merge_plans([find_plans(document, profile, segmentation, ())])
        assert plans, document.name
        for plan in plans:
            assert name_keys(plan.name), plan
            assert plan.period is None or plan.period[4] == "–", plan


def test_plans_corpus_budget_proposition_names_itself(corpus_documents: Corpus) -> None:
    for document, profile, segmentation in corpus_documents:
        if profile.kind is not DocumentKind.BUDGET_PROPOSITION or not profile.fiscal_year:
            continue
        year = profile.fiscal_year
        names = {p.name for p in find_plans(document, profile, segmentation, ())}
        assert f"Prop. 1 S ({year - 1}–{year})" in names


def test_plans_corpus_all_kinds_of_plan_are_found(corpus_documents: Corpus) -> None:
    types = {
        p.type
        for document, profile, segmentation in corpus_documents
        for p in find_plans(document, profile, segmentation, ())
    }
    assert types == set(PlanType)


def test_plans_corpus_follow_ups_quote_their_sentence(corpus_documents: Corpus) -> None:
    total = 0
    for document, profile, segmentation in corpus_documents:
        plans = {p.name for p in find_plans(document, profile, segmentation, ())}
        for follow_up in find_follow_ups(document, profile, segmentation, ()):
            total += 1
            assert follow_up.plan in plans
            assert follow_up.subject_kind in ("measure", "scheme", "actor")
            assert follow_up.first_line <= follow_up.last_line
            text = " ".join(document.text(follow_up.first_line, follow_up.last_line).split())
            assert follow_up.quote[:20] in text, follow_up
    assert total


def test_plans_corpus_merge_is_stable(corpus_documents: Corpus) -> None:
    by_document = {d.name: find_plans(d, p, s, ()) for d, p, s in corpus_documents}
    assert merge_plans(by_document) == merge_plans(dict(reversed(by_document.items())))
