"""The few exceptions helsekg raises. Each carries one line a user can act on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class KgError(Exception):
    """Base class: the message is one line saying what was wrong and what to do."""


class InputError(KgError):
    """A file or argument cannot be used (unreadable, empty, binary, no text layer)."""


class BuildNotFound(KgError):
    """A command needs a built graph and none was found where it looked."""


class QueryError(KgError):
    """A SPARQL query or a query parameter is malformed."""


class InvalidGraph(KgError):
    """The built graph breaks SHACL shapes: a bug in the extraction, not in the input.

    ``violations`` holds each one (a ``kg.shacl.Violation``) for the caller to list.
    """

    def __init__(self, violations: Sequence[object]) -> None:
        self.violations = tuple(violations)
        super().__init__(
            f"the built graph breaks {len(self.violations)} SHACL constraint(s) of "
            "ontology/shapes.ttl, so nothing was written; this is a bug in helsekg's rules: "
            "please report it with the lines above (`kg build --no-validate` writes the graph "
            "anyway, for inspection)"
        )


class PushError(KgError):
    """The triple store refused the data or could not be reached; ``done`` says what got in."""

    def __init__(self, message: str, done: Mapping[str, int] | None = None) -> None:
        super().__init__(message)
        self.done = dict(done or {})
