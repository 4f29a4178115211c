"""Recognise a document's kind, fiscal year, issuer and addressee from its text alone.

Signatures, year cues and roles are data (``kg/data/recognition.toml``); the bodies that
can issue or receive a document are data too (``kg/data/actors.csv``).
"""

from kg.recognise.actors import Actor, ActorRegistry, load_actors
from kg.recognise.recogniser import recognise
from kg.recognise.rules import Rules, collapse, load_rules, prepare

__all__ = [
    "Actor",
    "ActorRegistry",
    "Rules",
    "collapse",
    "load_actors",
    "load_rules",
    "prepare",
    "recognise",
]
