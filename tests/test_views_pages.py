"""The HTML views as files: offline, escaped, linked, deterministic, and showing the
corpus's money with its evidence. (test_views_browser.py opens them in Chromium.)"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

import pytest
from conftest import HOSTILE_NAME, HOSTILE_QUOTE, HOSTILE_SCHEME
from rdflib import Dataset

from kg.engine import Engine
from kg.views import render_views, write_views
from kg.views.pages import MAX_ACTOR_PAGES

DATA_BLOCK = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.S)
LINK = re.compile(r'(?:href|src)="([^"#]+)"')
REMOTE = re.compile(r'(?:href|src)="(?:https?:)?//|url\((?:["\']?)(?:https?:)?//|@import', re.I)


def graph_data(page: str) -> dict[str, object]:
    found = DATA_BLOCK.search(page)
    assert found, "no graph data in the page"
    data: dict[str, object] = json.loads(found.group(1))
    return data


def pages(files: dict[str, str]) -> dict[str, str]:
    return {path: text for path, text in files.items() if path.endswith(".html")}


@pytest.fixture(scope="module")
def demo_files(demo_graph_dir: Path) -> dict[str, str]:
    return render_views(Engine.open(demo_graph_dir))


@pytest.fixture(scope="module")
def corpus_files(corpus_graph_dir: Path) -> dict[str, str]:
    return render_views(Engine.open(corpus_graph_dir))


def test_views_same_build_same_bytes(demo_graph_dir: Path, demo_files: dict[str, str]) -> None:
    assert render_views(Engine.open(demo_graph_dir)) == demo_files


def test_views_every_page_works_offline(demo_files: dict[str, str]) -> None:
    for path, text in pages(demo_files).items():
        assert not REMOTE.search(text), path
    assert not REMOTE.search(demo_files["lib/views.css"])


def test_views_every_link_resolves(demo_files: dict[str, str]) -> None:
    for path, text in pages(demo_files).items():
        folder = PurePosixPath(path).parent
        for target in LINK.findall(text):
            resolved = PurePosixPath(*_normalised(folder / target))
            assert str(resolved) in demo_files, f"{path} links {target}"


def _normalised(path: PurePosixPath) -> list[str]:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return parts


def test_views_index_links_every_page(demo_files: dict[str, str]) -> None:
    linked = set(LINK.findall(demo_files["index.html"]))
    assert set(pages(demo_files)) - {"index.html"} <= linked


@pytest.mark.parametrize("hostile", [HOSTILE_NAME, HOSTILE_QUOTE, HOSTILE_SCHEME, "<iframe"])
def test_views_document_text_is_never_markup(hostile_dataset: Dataset, hostile: str) -> None:
    files = render_views(Engine.of(hostile_dataset))
    for path, text in pages(files).items():
        assert hostile not in text, path
        assert "<script>alert" not in text and "<img src=x" not in text, path


def test_views_document_text_is_shown_as_text(hostile_dataset: Dataset) -> None:
    files = render_views(Engine.of(hostile_dataset))
    assert "Tilskudd &lt;script&gt;alert(&quot;navn&quot;)&lt;/script&gt; AS" in files["index.html"]
    data = json.dumps(graph_data(files["overview.html"]), ensure_ascii=False)
    assert json.dumps(HOSTILE_QUOTE, ensure_ascii=False)[1:-1] in data
    assert json.dumps(HOSTILE_NAME, ensure_ascii=False)[1:-1] in data


def test_views_write_replaces_stale_pages(demo_graph_dir: Path, tmp_path: Path) -> None:
    stale = tmp_path / "actors" / "gone.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    written = write_views(Engine.open(demo_graph_dir), tmp_path)
    assert not stale.exists()
    assert tmp_path / "index.html" in written


@pytest.mark.parametrize(
    "page",
    [
        "actors/helse-og-omsorgsdepartementet.html",
        "actors/helsedirektoratet.html",
        "actors/folkehelseinstituttet.html",
        "actors/av-og-til.html",
    ],
)
def test_views_corpus_actor_pages(corpus_files: dict[str, str], page: str) -> None:
    assert page in corpus_files
    data = graph_data(corpus_files[page])
    assert data["focus"] is not None and data["nodes"]


def test_views_corpus_pages_are_capped(corpus_files: dict[str, str]) -> None:
    actors = [p for p in corpus_files if p.startswith("actors/")]
    assert len(actors) == MAX_ACTOR_PAGES
    assert f"(høyst {MAX_ACTOR_PAGES})" in corpus_files["index.html"]


def test_views_corpus_funding_edge_tells_amount_year_post_and_evidence(
    corpus_files: dict[str, str],
) -> None:
    data = graph_data(corpus_files["funding.html"])
    edges = data["edges"]
    assert isinstance(edges, list)
    tips = [dict(edge["tip"]) for edge in edges if edge["years"] == [2018]]
    tip = next(t for t in tips if t["Fra → til:"] == "Helsedirektoratet → Av-og-til")
    assert tip["Beløp:"] == "16,4 mill. kr (16 400 000 kr)"
    assert tip["Kap./post:"] == "714.70"
    assert tip["Kilde:"].startswith("16,4 mill. kr — 003_d62e51bcdbdb728a.txt, linje 466: «16,4")


def test_views_corpus_year_selector_and_sankey_per_year(corpus_files: dict[str, str]) -> None:
    for year in (2018, 2022):
        assert f'<option value="{year}"' in corpus_files["funding.html"]
        assert f'<section class="sankey" data-year="{year}"' in corpus_files["sankey.html"]
