"""The index page: what the views show, links to every page, and a search over the
actor and grant-scheme pages."""

from __future__ import annotations

from collections.abc import Sequence

from kg.views.data import ViewData
from kg.views.html import esc, page
from kg.views.pages import MAX_ACTOR_PAGES, MAX_SCHEME_PAGES
from kg.views.style import node_style

VIEWS = (
    ("overview.html", "Oversikt", "hele grafen: penger og styring"),
    ("funding.html", "Pengestrømmer", "hvem betaler hvem, år for år"),
    ("sankey.html", "Penger etter lag", "Stortinget → departement → virksomhet → mottakere"),
    ("governance.html", "Styring", "hvem styrer, eier og har hvem som del"),
)


def index_page(data: ViewData, paths: dict[str, str]) -> str:
    actors = sorted(
        (k for k in paths if paths[k].startswith("actors/")), key=lambda k: data.nodes[k][0]
    )
    schemes = sorted(
        (k for k in paths if paths[k].startswith("schemes/")), key=lambda k: data.nodes[k][0]
    )
    total_actors = sum(1 for _, kind in data.nodes.values() if kind not in _NOT_ACTORS)
    total_schemes = sum(1 for _, kind in data.nodes.values() if kind == "grant_scheme")
    views = "".join(
        f'<li><a href="{path}">{esc(title)}</a> — {esc(text)}</li>\n' for path, title, text in VIEWS
    )
    years = data.ledger.years()
    summary = (
        f"{len(data.nodes)} noder: {total_actors} organisasjoner, {total_schemes} "
        f"tilskuddsordninger; {len(data.money)} pengestrømmer"
        + (f" for årene {years[0]}–{years[-1]}" if years else "")
        + f"; {data.governance.number_of_edges()} styringsrelasjoner."
    )
    body = (
        f'<p class="intro">{esc(summary)} Hver kant viser dokumentet, linjen og sitatet den '
        "bygger på.</p>\n"
        f'<h2>Visninger</h2>\n<ul class="views">\n{views}</ul>\n'
        '<h2>Organisasjoner og tilskuddsordninger</h2>\n<form class="toolbar" '
        'onsubmit="return false"><label>Finn <input type="search" id="find" '
        'placeholder="navn" autocomplete="off"></label> <output id="found"></output></form>\n'
        + _capped(len(actors), total_actors, MAX_ACTOR_PAGES, "organisasjoner")
        + _capped(len(schemes), total_schemes, MAX_SCHEME_PAGES, "tilskuddsordninger")
        + "<h3>Organisasjoner</h3>\n"
        + _list(data, actors, paths)
        + "<h3>Tilskuddsordninger</h3>\n"
        + _list(data, schemes, paths)
    )
    return page("Helseforvaltningens penger og styring", body, scripts=("index.js",))


_NOT_ACTORS = ("grant_scheme", "own_activity", "recipient_group")


def _list(data: ViewData, keys: Sequence[str], paths: dict[str, str]) -> str:
    items = "".join(
        f'<li data-name="{esc(data.nodes[k][0].lower())}"><a href="{esc(paths[k])}">'
        f"{esc(data.nodes[k][0])}</a> <small>{esc(_kind(data, k))}</small></li>\n"
        for k in keys
    )
    return f'<ul class="pages">\n{items}</ul>\n'


def _kind(data: ViewData, key: str) -> str:
    return node_style(data.nodes[key][1]).label


def _capped(shown: int, total: int, cap: int, what: str) -> str:
    if shown >= total:
        return ""
    return (
        f'<p class="note">Sider for de {shown} av {total} {what} med mest penger og flest '
        f"relasjoner (høyst {cap}); alle finnes i oversikten.</p>\n"
    )
