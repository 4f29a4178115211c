"""The actor pipeline: ``spacy.blank("nb")`` with the rule components of kg.actors.

The order of the components and their options are data: ``kg/data/actors/pipeline.toml``
(``[[components]]`` with ``name``, ``factory`` and ``config``). Components that need the
registry get it from the registered function ``helsekg.actor_registry.v1``, so a
pipeline for a test registry is built from that registry's CSV files.

The tokenizer (:mod:`kg.actors.tokenizer`) is nb's own on dash-folded text, its affix
rules set in ``[tokenizer]`` of the same file.
"""

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import registry as spacy_registry

# Importing the component modules registers their factories.
from kg.actors import (  # noqa: F401
    abbreviations,
    cue_ruler,
    generic,
    municipal,
    registry_matcher,
    shape_ruler,
)
from kg.actors.registry import ActorRegistry, load_registry, load_registry_from
from kg.actors.tokenizer import TOKENIZER
from kg.rules import data_path

REGISTRY_FUNCTION = "helsekg.actor_registry.v1"
MAX_LENGTH = 10_000_000  # characters in one paragraph (a blank pipeline needs little memory)


def pipeline_config_path() -> Path:
    return Path(str(data_path("actors"))) / "pipeline.toml"


def actor_registry(registry_csv: str = "", changes_csv: str = "") -> ActorRegistry:
    """The shipped registry, or the one in the two CSV files named."""
    if not registry_csv:
        return load_registry()
    return load_registry_from(Path(registry_csv), Path(changes_csv))


spacy_registry.misc.register(REGISTRY_FUNCTION, func=actor_registry)


def _registry_reference(registry: ActorRegistry) -> dict[str, str]:
    """The config block that rebuilds ``registry`` inside a component."""
    if registry.sources is None:
        raise ValueError("the actor pipeline needs a registry read from files")
    return {
        "@misc": REGISTRY_FUNCTION,
        "registry_csv": str(registry.sources[0]),
        "changes_csv": str(registry.sources[1]),
    }


def read_pipeline_config(path: Path | None = None) -> dict[str, Any]:
    with (path or pipeline_config_path()).open("rb") as handle:
        return tomllib.load(handle)


def build_pipeline(registry: ActorRegistry, *, config: Path | None = None) -> Language:
    """A fresh actor pipeline for ``registry``, its components as ``config`` orders them."""
    settings = read_pipeline_config(config)
    tokenizer = {"@tokenizers": TOKENIZER, **settings.get("tokenizer", {})}
    nlp = spacy.blank("nb", config={"nlp": {"tokenizer": tokenizer}})
    nlp.max_length = MAX_LENGTH
    for component in settings["components"]:
        options = dict(component.get("config", {}))
        factory_config = nlp.get_factory_meta(component["factory"]).default_config or {}
        if "registry" in factory_config:
            options["registry"] = _registry_reference(registry)
        nlp.add_pipe(component["factory"], name=component["name"], config=options)
    return nlp


def actor_pipeline(registry: ActorRegistry | None = None) -> Language:
    """The actor pipeline for ``registry`` (default: the shipped one), built once per process."""
    return _pipeline_for(registry or load_registry())


@cache
def _pipeline_for(registry: ActorRegistry) -> Language:
    return build_pipeline(registry)
