"""kg.runtime (the paused cycle collector, forked workers) and the extraction it runs."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import kg.pipeline
from kg.ingest import load_documents
from kg.pipeline import demo_corpus, extract, extract_all
from kg.runtime import can_fork, collector_paused, forked_workers, in_background

needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork here (or another thread runs)")


@pytest.mark.parametrize("enabled", [True, False])
def test_runtime_collector_paused_restores_the_setting(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def _square_unless_three(number: int) -> int:
    if number == 3:
        raise ValueError("three")
    return number * number


@needs_fork
def test_runtime_forked_workers_send_back_results_and_errors() -> None:
    with forked_workers(_square_unless_three, 2) as submit:
        futures = {number: submit(number) for number in range(5)}
        assert {n: f.result() for n, f in futures.items() if n != 3} == {0: 0, 1: 1, 2: 4, 4: 16}
        with pytest.raises(ValueError, match="three"):
            futures[3].result()


@needs_fork
def test_runtime_forked_workers_inherit_what_the_task_refers_to() -> None:
    local = {"answer": 42}  # a closure: pickling it would fail
    with forked_workers(lambda number: local["answer"] + number, 1) as submit:
        assert submit(1).result() == 43


def test_runtime_in_background_runs_the_job(tmp_path: Path) -> None:
    target = tmp_path / "done.txt"
    with in_background(lambda: target.write_text("yes", encoding="utf-8")):
        pass
    assert target.read_text(encoding="utf-8") == "yes"


def test_runtime_in_background_raises_what_the_job_raised() -> None:
    def job() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"), in_background(job):
        pass


@pytest.mark.parametrize("cores", [1, 2, 5])
def test_pipeline_extract_all_same_with_any_number_of_workers(
    cores: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents, _ = load_documents([demo_corpus()])
    monkeypatch.setattr(kg.pipeline, "cores", lambda: cores)
    extractions = extract_all(documents)
    assert extractions == [extract(document) for document in documents]
    assert all(e.document is d for e, d in zip(extractions, documents, strict=True))


def test_pipeline_extract_all_reports_every_document(monkeypatch: pytest.MonkeyPatch) -> None:
    documents, _ = load_documents([demo_corpus()])
    monkeypatch.setattr(kg.pipeline, "cores", lambda: 2)
    seen: list[str] = []
    extract_all(documents, progress=seen.append)
    assert sorted(seen) == sorted(d.name for d in documents)
