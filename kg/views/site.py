"""Write every view of a build into one folder: the pages, and in ``lib/`` the scripts
and styles they share (vis-network as pyvis ships it, and the views' own), so the
folder works offline and can be copied anywhere."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pyvis

from kg.atomic import write_atomic
from kg.engine import Engine
from kg.views.data import read_view_data
from kg.views.html import LIB
from kg.views.index import index_page
from kg.views.network import network_page
from kg.views.pages import funding, governance, neighbourhood, overview, page_paths
from kg.views.sankey import sankey_page

VIS_NETWORK = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
ASSETS = ("views.css", "network.js", "index.js", "sankey.js")
PAGE_FOLDERS = ("actors", "schemes")


def render_views(engine: Engine) -> dict[str, str]:
    """Every file of the views folder by relative path, as text."""
    data = read_view_data(engine)
    paths = page_paths(data)
    files = {
        "index.html": index_page(data, paths),
        "sankey.html": sankey_page(data.ledger),
    }
    for view in (overview(data, paths), funding(data, paths), governance(data, paths)):
        files[view.path] = network_page(view)
    for key in sorted(paths, key=paths.__getitem__):
        files[paths[key]] = network_page(neighbourhood(data, key, paths))
    files.update(library())
    return files


def library() -> dict[str, str]:
    """The shared scripts and styles, under ``lib/``."""
    files = {
        f"{LIB}/vis-network.min.js": (VIS_NETWORK / "vis-network.min.js").read_bytes().decode(),
        f"{LIB}/vis-network.min.css": (VIS_NETWORK / "vis-network.css").read_bytes().decode(),
    }
    assets = resources.files("kg.views").joinpath("assets")
    for name in ASSETS:
        files[f"{LIB}/{name}"] = assets.joinpath(name).read_bytes().decode()
    return files


def write_views(engine: Engine, target: Path) -> list[Path]:
    """Write the views into ``target`` (each file atomically); pages an earlier build
    left in the actor and scheme folders are removed. Returns the files written."""
    files = render_views(engine)
    written = []
    for relative, text in sorted(files.items()):
        path = target / relative
        write_atomic(path, text)
        written.append(path)
    keep = set(written)
    for folder in PAGE_FOLDERS:
        for stale in sorted((target / folder).glob("*.html")):
            if stale not in keep:
                stale.unlink()
    return written
