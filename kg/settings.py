"""Settings shared by several commands: one table drives the CLI options, the docs and tests."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    envvar: str | None
    help: str


SETTINGS = (
    Setting(
        "out",
        "output",
        "KG_OUTPUT",
        "Folder a build is written to and read from (graph, report, exports).",
    ),
    Setting(
        "eval",
        "../shared/eval",
        "KG_EVAL",
        "Folder of hand-checked annotation files (CSV) that `kg evaluate` scores against.",
    ),
    Setting(
        "store",
        "auto",
        "KG_STORE",
        "How the build is held while it is read: memory (graph.nq loaded; fastest answers), "
        "disk (a persistent Oxigraph store made once per graph.nq in the cache folder, "
        "$KG_CACHE; fastest start) or auto (disk for the one-shot commands kg query, kg export "
        "and kg actor; memory for kg serve, kg analyse, kg view and kg evaluate, unless "
        "graph.nq is over 256 MiB).",
    ),
    Setting(
        "cache",
        "$XDG_CACHE_HOME/helsekg",
        "KG_CACHE",
        "Folder the disk stores are kept in, one per graph.nq content, the least recently "
        "used dropped. Default: $XDG_CACHE_HOME/helsekg, else ~/.cache/helsekg.",
    ),
)
STORE_MODES = ("auto", "memory", "disk")


def setting(name: str) -> Setting:
    return next(s for s in SETTINGS if s.name == name)


def _from_environment(name: str) -> str:
    """The setting's environment variable, or "" when it is unset or empty."""
    return os.environ.get(setting(name).envvar or "", "").strip()


def output_dir(explicit: Path | None) -> Path:
    """Where a build is: ``--out``, else ``$KG_OUTPUT``, else ``output/``."""
    if explicit is not None:
        return explicit
    out = setting("out")
    return Path(os.environ.get(out.envvar or "", "") or out.default)


def store_mode(explicit: str | None) -> str:
    """How a reader holds the build: ``--store``, else ``$KG_STORE``, else ``auto``."""
    mode = (explicit or _from_environment("store") or setting("store").default).lower()
    if mode not in STORE_MODES:
        raise InputError(
            f"store {mode!r} is not one of {', '.join(STORE_MODES)} (check --store and $KG_STORE)"
        )
    return mode


def cache_dir(explicit: Path | None) -> Path:
    """Where disk stores are kept: ``explicit``, else ``$KG_CACHE``, else
    ``$XDG_CACHE_HOME/helsekg``, else ``~/.cache/helsekg``."""
    if explicit is not None:
        return explicit
    named = _from_environment("cache")
    if named:
        return Path(named).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "helsekg"
