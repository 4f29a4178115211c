"""Load the rule and reference data files shipped under ``kg/data/`` (once per process)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


def data_path(name: str) -> Any:
    """A traversable for ``kg/data/<name>`` (works from a wheel or a checkout)."""
    return resources.files("kg") / "data" / name


@cache
def load_toml(name: str) -> dict[str, Any]:
    """Parsed contents of ``kg/data/<name>``."""
    with data_path(name).open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return data
