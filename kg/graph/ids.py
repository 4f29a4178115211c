"""THE one place where IRIs are minted, deterministically from stable inputs.

Base: ``https://w3id.org/helsekg/id/``. A document's IRI comes from the sha256 of its
bytes, so a renamed file keeps its IRI; everything read from a document (tables,
evidence, amounts) is minted under the document's IRI from its line span and what
it states. Budget chapters and posts are year-scoped concepts shared by documents.

>>> str(chapter(2024, 714))
'https://w3id.org/helsekg/id/budget/2024/kap/714'
>>> str(post(2024, 714, "21/70"))
'https://w3id.org/helsekg/id/budget/2024/kap/714/post/21-70'
>>> str(actor("Helse- og omsorgsdepartementet"))
'https://w3id.org/helsekg/id/actor/helse-og-omsorgsdepartementet'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Hashable, Iterable

from rdflib import URIRef

from kg.graph.namespace import ID

SHARED_GRAPH = ID["graph/shared"]
"""Named graph holding what documents share: budget concepts, vocabularies, actors, the build."""

_FOLD = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_VERSION = re.compile(r"[^A-Za-z0-9._-]+")


def slug(name: str) -> str:
    """ASCII slug of a name: "Helse Sør-Øst RHF" -> "helse-sor-ost-rhf"."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    result = _NOT_SLUG.sub("-", ascii_only).strip("-")
    if not result:
        raise ValueError(f"cannot make an identifier from {name!r}")
    return result


def document_key(sha256: str) -> str:
    """Short stable key of a document: the first 16 hex digits of its sha256."""
    if not re.fullmatch(r"[0-9a-f]{64}", sha256):
        raise ValueError(f"not a lowercase hex sha256: {sha256!r}")
    return sha256[:16]


def document(sha256: str) -> URIRef:
    """IRI of a source document, also the IRI of its named graph."""
    return ID[f"document/{document_key(sha256)}"]


def canonical_post_label(post: int, printed: str) -> str:
    """The post label shared by all documents: "1" and "01" -> "01"; "21/70" stays."""
    parts = [part.strip() for part in printed.split("/")] if printed.strip() else []
    if not parts:
        return f"{post:02d}"
    if all(part.isdigit() for part in parts):
        return "/".join(f"{int(part):02d}" for part in parts)
    return printed.strip()


def _post_segment(label: str) -> str:
    return label.replace("/", "-") if re.fullmatch(r"[0-9/]+", label) else slug(label)


def budget_scheme(year: int) -> URIRef:
    """The concept scheme of the chapters and posts of one fiscal year."""
    return ID[f"budget/{year}"]


def chapter(year: int, kap: int) -> URIRef:
    return ID[f"budget/{year}/kap/{kap}"]


def post(year: int, kap: int, label: str) -> URIRef:
    """Post concept; ``label`` is a canonical post label ("21/70" -> ".../post/21-70")."""
    return ID[f"budget/{year}/kap/{kap}/post/{_post_segment(label)}"]


def actor(name: str) -> URIRef:
    """Actor from its canonical name: "Helsedirektoratet" -> ``actor/helsedirektoratet``."""
    return ID[f"actor/{slug(name)}"]


def actor_type(value: str) -> URIRef:
    """Concept of the actor-type vocabulary: ``actor-type/ministry``."""
    return ID[f"actor-type/{slug(value)}"]


def change(kind: str, old: str, new: str) -> URIRef:
    """A rename or merger: ``change/statens-legemiddelverk/renamed-to/direktoratet-for-...``."""
    return ID[f"change/{slug(old)}/{slug(kind)}/{slug(new)}"]


def mentions(doc: URIRef, name: str) -> URIRef:
    """The mentions of one organisation in one document."""
    return URIRef(f"{doc}/mentions/{slug(name)}")


def statement(evidence_iri: URIRef, kind: str, subject: str, obj: str) -> URIRef:
    """A governance relation as stated at one place: ``.../evidence/12-13/supervises/a/b``."""
    return URIRef(f"{evidence_iri}/{slug(kind)}/{slug(subject)}/{slug(obj)}")


def scheme(name: str) -> URIRef:
    """Grant scheme from its canonical name: ``scheme/vertskommunetilskuddet``."""
    return ID[f"scheme/{slug(name)}"]


def plan(name: str) -> URIRef:
    """Strategy, plan, white paper, ... from its canonical name."""
    return ID[f"plan/{slug(name)}"]


def purpose(text_: str) -> URIRef:
    """What an amount is for when no one else receives it."""
    return ID[f"purpose/{slug(text_)[:80]}"]


def recipient_group(kind: str) -> URIRef:
    """A group of recipients: ``recipient-group/municipalities``."""
    return ID[f"recipient-group/{slug(kind)}"]


def flow(doc: URIRef, first_line: int, kind: str, amount_nok: int) -> URIRef:
    return URIRef(f"{doc}/flow/{first_line}/{slug(kind)}/{amount_nok}")


def budget_change(doc: URIRef, first_line: int, direction: str, amount_nok: int) -> URIRef:
    return URIRef(f"{doc}/change/{first_line}/{slug(direction)}/{amount_nok}")


def table(doc: URIRef, first_line: int, last_line: int) -> URIRef:
    return URIRef(f"{doc}/table/{first_line}-{last_line}")


def evidence(doc: URIRef, first_line: int, last_line: int) -> URIRef:
    return URIRef(f"{doc}/evidence/{first_line}-{last_line}")


def quote_selector(evidence_iri: URIRef) -> URIRef:
    return URIRef(f"{evidence_iri}/quote")


def line_selector(evidence_iri: URIRef) -> URIRef:
    return URIRef(f"{evidence_iri}/lines")


def amount(
    doc: URIRef,
    first_line: int,
    last_line: int,
    kap: int,
    post_label: str | None,
    measure: str,
    year: int,
) -> URIRef:
    """Amount stated on lines first..last: ``.../amount/140-142/714.21/proposal/2024``."""
    line = f"{kap}.{_post_segment(post_label)}" if post_label else str(kap)
    return URIRef(f"{doc}/amount/{first_line}-{last_line}/{line}/{measure}/{year}")


def software(version: str) -> URIRef:
    return ID[f"software/helsekg/{_NOT_VERSION.sub('-', version)}"]


def build(software_version: str, documents: Iterable[URIRef]) -> URIRef:
    """The build activity, from the software version and the documents it used."""
    digest = hashlib.sha256(software_version.encode("utf-8"))
    for doc in sorted(set(documents)):
        digest.update(b"\n" + str(doc).encode("utf-8"))
    return ID[f"build/{digest.hexdigest()[:16]}"]


class Disambiguator:
    """Keeps minted IRIs apart: the same base for other content gets "-2", "-3", ...

    Minting the same base again with the same ``content`` returns the same IRI, so
    shared things (one evidence for the amounts of a row) are minted once.
    """

    def __init__(self) -> None:
        self._content: dict[URIRef, Hashable] = {}

    def mint(self, base: URIRef, content: Hashable) -> URIRef:
        n = 1
        candidate = base
        while candidate in self._content:
            if self._content[candidate] == content:
                return candidate
            n += 1
            candidate = URIRef(f"{base}-{n}")
        self._content[candidate] = content
        return candidate
