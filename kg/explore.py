"""What a notebook (or a Python session) needs to start exploring: a build to read.

``open_build()`` uses the build named by ``$KG_OUTPUT`` when there is one; otherwise it
builds the corpus beside the repository (``../shared/corpus``) — or, without it, the
bundled demo corpus — into a temporary folder. Everything after that goes through the
library: ``run_analysis``, the projections, ``write_views``.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.engine import Engine
from kg.graph.store import NQUADS
from kg.settings import setting

CORPUS_PLACES = (
    Path("../shared/corpus"),
    Path("../../shared/corpus"),
    Path(__file__).resolve().parents[2] / "shared" / "corpus",
)
"""Where the corpus is looked for: beside the repository, seen from the repository or
from its ``notebooks/`` folder, or beside the installed package's checkout."""


@dataclass(frozen=True)
class Build:
    out_dir: Path
    source: str  # what was built: "$KG_OUTPUT", the corpus folder, or "demo corpus"
    engine: Engine


def corpus_dir() -> Path | None:
    """The corpus beside the repository, if it is there."""
    for place in CORPUS_PLACES:
        if place.is_dir() and any(place.glob("*.txt")):
            return place.resolve()
    return None


def open_build() -> Build:
    """A build to explore: ``$KG_OUTPUT`` if it holds one, else a fresh build of the
    corpus (or the demo corpus) in a temporary folder."""
    from kg.pipeline import build, demo_corpus

    named = os.environ.get(setting("out").envvar or "", "")
    if named and (Path(named) / NQUADS).is_file():
        return Build(Path(named), f"${setting('out').envvar}", Engine.open(Path(named)))
    corpus = corpus_dir()
    out_dir = Path(tempfile.mkdtemp(prefix="helsekg-"))
    build([corpus or demo_corpus()], out_dir)
    return Build(out_dir, str(corpus) if corpus else "demo corpus", Engine.open(out_dir))
