"""Where the ontology files are: the repository's ``ontology/`` folder, or, for an
installed copy of helsekg, ``<prefix>/share/helsekg/ontology`` (setup.cfg data_files)."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.errors import KgError

REPOSITORY = Path(__file__).resolve().parents[1] / "ontology"
INSTALLED = Path(sys.prefix) / "share" / "helsekg" / "ontology"


def ontology_file(name: str) -> Path:
    """``helsekg.ttl`` or ``shapes.ttl``, from the repository if there, else the installed copy."""
    for folder in (REPOSITORY, INSTALLED):
        if (folder / name).is_file():
            return folder / name
    raise KgError(
        f"ontology file {name} not found in {REPOSITORY} or {INSTALLED}: "
        "reinstall helsekg (pip install .) from a complete checkout"
    )
