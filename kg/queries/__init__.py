"""SPARQL queries kept as ``.rq`` files, each with a header saying what it answers."""

from __future__ import annotations

from importlib import resources


def load_query(name: str) -> str:
    """The text of ``kg/queries/<name>.rq``."""
    return resources.files(__package__).joinpath(f"{name}.rq").read_text(encoding="utf-8")
