"""The few exceptions helsekg raises. Each carries one line a user can act on."""

from __future__ import annotations


class KgError(Exception):
    """Base class: the message is one line saying what was wrong and what to do."""


class InputError(KgError):
    """A file or argument cannot be used (unreadable, empty, binary, no text layer)."""


class BuildNotFound(KgError):
    """A command needs a built graph and none was found where it looked."""


class QueryError(KgError):
    """A SPARQL query or a query parameter is malformed."""
