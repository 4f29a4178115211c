"""Quieting rdflib 7's own deprecation warnings while it queries a Dataset.

rdflib's ConjunctiveGraph code (which Dataset still runs on) touches its deprecated
``default_context`` on every triple pattern, warning hundreds of times per query.
The warnings are about rdflib's internals, not about our calls.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def quiet_rdflib() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib\.")
        yield
