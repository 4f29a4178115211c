"""Human-readable documentation of the ontology, generated with pyLODE.

``ontology/helsekg.html`` is generated from ``ontology/helsekg.ttl`` by ``kg docs``;
a test regenerates it and fails when the committed page is out of step.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from kg.errors import KgError

JSON_LD = re.compile(r'(<script[^>]*type="application/ld\+json"[^>]*>)(.*?)(</script>)', re.DOTALL)
ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "helsekg.ttl"


def ontology_html(ontology: Path = ONTOLOGY) -> str:
    """The pyLODE page for ``ontology``."""
    try:
        from pylode import OntPub
    except ImportError as error:  # an optional tool: pip install '.[test]'
        raise KgError(f"pyLODE is not installed ({error}); pip install 'pylode==3.3.4'") from None
    logging.getLogger().setLevel(max(logging.getLogger().level, logging.WARNING))
    page: str = OntPub(ontology=str(ontology)).make_html()
    return _sorted_metadata(page).rstrip() + "\n"


def _sorted_metadata(page: str) -> str:
    """pyLODE embeds schema.org JSON-LD in set order; sort it so pages are reproducible."""

    def canonical(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        if isinstance(data, list):
            data = sorted(data, key=lambda item: json.dumps(item, sort_keys=True))
        return match.group(1) + json.dumps(data, indent=2, sort_keys=True) + match.group(3)

    return JSON_LD.sub(canonical, page)
