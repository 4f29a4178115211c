"""HTML for the views: escaping, data for scripts, and the shell every page shares.

Every text that comes from a document — names, quotes, titles — passes through ``esc``
(element content and attributes) or ``script_json`` (data read by the page's script,
where ``<``, ``>`` and ``&`` become ``\\u003c`` ... so no ``</script>`` can end the
block). Pages link the shared scripts and styles in ``lib/`` by relative paths, so a
page works from disk, offline.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from kg import __version__

LIB = "lib"


def esc(text: object) -> str:
    """Text for element content or a quoted attribute value."""
    return html.escape(str(text), quote=True)


def script_json(value: object) -> str:
    """JSON safe inside ``<script type="application/json">``: sorted keys, no raw ``<``."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def page(
    title: str,
    body: str,
    *,
    depth: int = 0,
    scripts: Sequence[str] = (),
    styles: Sequence[str] = (),
) -> str:
    """A whole page: ``body`` (already escaped HTML) in the shared shell. ``depth`` is how
    many folders below the views folder the page sits (for relative links)."""
    up = "../" * depth
    links = "".join(
        f'<link rel="stylesheet" href="{up}{LIB}/{esc(name)}">\n' for name in (*styles, "views.css")
    )
    tags = "".join(f'<script defer src="{up}{LIB}/{esc(name)}"></script>\n' for name in scripts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nb">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="helsekg {esc(__version__)}">\n'
        f"<title>{esc(title)} · helsekg</title>\n{links}{tags}</head>\n<body>\n"
        f'<header><a class="home" href="{up}index.html">helsekg</a>'
        f"<h1>{esc(title)}</h1></header>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def data_block(element_id: str, value: object) -> str:
    """A ``<script type="application/json">`` block the page's script reads."""
    return f'<script type="application/json" id="{esc(element_id)}">{script_json(value)}</script>\n'


def table(
    columns: Sequence[str], rows: Sequence[Sequence[object]], *, numeric: Sequence[int] = ()
) -> str:
    """A plain HTML table; every cell escaped; columns in ``numeric`` right-aligned."""
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{esc(cell)}</td>' if i in numeric else f"<td>{esc(cell)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>\n"
        for row in rows
    )
    return (
        f'<table class="rows">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n'
    )
