"""SPARQL queries kept as ``.rq`` files, each with a header saying what it answers."""

from __future__ import annotations

from importlib import resources


def load_query(name: str) -> str:
    """The text of ``kg/queries/<name>.rq``."""
    return resources.files(__package__).joinpath(f"{name}.rq").read_text(encoding="utf-8")


def library() -> dict[str, str]:
    """Every canned query by name."""
    folder = resources.files(__package__)
    return {
        entry.name.removesuffix(".rq"): entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    }


def describe(name: str) -> str:
    """What a canned query answers: the first "Answers:" line of its header."""
    for line in load_query(name).splitlines():
        if line.startswith("# Answers:"):
            return line.removeprefix("# Answers:").strip()
    return ""
