"""Settings shared by several commands: one table drives the CLI options, the docs and tests."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


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
)


def setting(name: str) -> Setting:
    return next(s for s in SETTINGS if s.name == name)


def output_dir(explicit: Path | None) -> Path:
    """Where a build is: ``--out``, else ``$KG_OUTPUT``, else ``output/``."""
    if explicit is not None:
        return explicit
    out = setting("out")
    return Path(os.environ.get(out.envvar or "", "") or out.default)
