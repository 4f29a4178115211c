"""Actors: recognise, resolve and type every organisation a document names.

- :mod:`kg.actors.registry`: the reference registry (canonical bodies, aliases, changes);
- :mod:`kg.actors.nlp`: the spaCy pipeline of rule components (order in
  ``kg/data/actors/pipeline.toml``): registry names, name shapes
  (``kg/data/actors/shapes.jsonl``), municipalities in a municipal context
  (:mod:`kg.actors.municipal`, gazetteer ``kg/data/actors/municipalities.csv``), names
  after context cues (:mod:`kg.actors.cue_ruler`, ``kg/data/actors/cues.jsonl``),
  abbreviations and generic words;
- :mod:`kg.actors.mentions`: ``find_mentions(document, profile)``, with fragments and
  variant spellings settled within the document (:mod:`kg.actors.variants`);
- :mod:`kg.actors.catalogue`: ``build_catalogue(mentions_by_document, registry)``.
"""

from kg.actors.catalogue import build_catalogue
from kg.actors.mentions import find_mentions
from kg.actors.nlp import actor_pipeline, build_pipeline
from kg.actors.paragraphs import Paragraph, paragraphs
from kg.actors.registry import ActorRegistry, load_registry, load_registry_from
from kg.actors.shapes import ShapeRule, load_shapes
from kg.actors.spans import SPANS_KEY, ActorContext

__all__ = [
    "SPANS_KEY",
    "ActorContext",
    "ActorRegistry",
    "Paragraph",
    "ShapeRule",
    "actor_pipeline",
    "build_catalogue",
    "build_pipeline",
    "find_mentions",
    "load_registry",
    "load_registry_from",
    "load_shapes",
    "paragraphs",
]
