"""HTTP for ``kg push``: requests to one triple store, signed from the first byte.

Some stores (Virtuoso among them) answer a request without credentials with 401 as soon
as they have its headers and close the connection unread; a client that sends a large
body first and the credentials only after the 401 (urllib's ``HTTPDigestAuthHandler``,
for one) then sees the connection reset, never the 401. So ``StoreClient`` first sends an
empty POST to learn the challenge (Basic or Digest) and check the password (an empty POST
adds nothing to a graph and runs no update), then signs every request. Every request is
idempotent (RDF graphs are sets), so one that was cut off is sent once more.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import TYPE_CHECKING

from kg.errors import PushError

if TYPE_CHECKING:
    from kg.push import Target

_HASHES = {"MD5": "md5", "SHA-256": "sha256", "SHA-512-256": "sha512_256"}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirected PUT or POST would lose its body (urllib re-sends it as a GET)."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class _Dropped(Exception):
    """The store closed the connection before it answered."""


@dataclass
class _Reply:
    status: int
    headers: Message
    text: str


class StoreClient:
    """HTTP requests to one store, signed with the user's credentials from the start."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self._opener = urllib.request.build_opener(_NoRedirect)
        self._challenge: dict[str, str] | None = None
        self._count = 0
        self._checked = target.user is None

    def send(self, method: str, url: str, body: bytes, media: str) -> None:
        if not self._checked:
            self._login(url, media)
        for attempt in (1, 2):
            try:
                reply = self._call(method, url, body, media, signed=True)
            except _Dropped:
                if attempt == 2:
                    raise PushError(self._dropped(len(body))) from None
                self._login(url, media)  # a stale nonce, or a 401 the store hung up on
                continue
            if reply.status == 401 and attempt == 1 and self.target.user is not None:
                self._learn(reply)  # a stale nonce: sign again
                continue
            if not 200 <= reply.status < 300:
                raise PushError(self._refused(reply))
            return

    def _login(self, url: str, media: str) -> None:
        """Learn the store's challenge and check the password, with empty POSTs (no change)."""
        try:
            reply = self._call("POST", url, b"", media, signed=False)
            if reply.status == 401 and self.target.user is not None:
                self._learn(reply)
                reply = self._call("POST", url, b"", media, signed=True)
        except _Dropped:
            raise PushError(self._dropped(0)) from None
        if reply.status in _HINTS:  # not 400 or 5xx: the empty body itself may be what failed
            raise PushError(self._refused(reply))
        self._checked = True

    def _learn(self, reply: _Reply) -> None:
        offers = reply.headers.get_all("WWW-Authenticate") or []
        for scheme in ("digest", "basic"):
            for offer in offers:
                if offer.strip().lower().startswith(scheme):
                    params = re.findall(r'([\w-]+)\s*=\s*(?:"([^"]*)"|([^\s,]*))', offer)
                    self._challenge = {k.lower(): a or b for k, a, b in params}
                    self._challenge["scheme"] = scheme
                    self._count = 0
                    return

    def _call(self, method: str, url: str, body: bytes, media: str, *, signed: bool) -> _Reply:
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Content-Type", media)
        authorization = self._authorization(method, url) if signed else None
        if authorization is not None:
            request.add_header("Authorization", authorization)
        try:
            with self._opener.open(request, timeout=self.target.timeout) as response:
                return _Reply(response.status, response.headers, _text(response.read()))
        except urllib.error.HTTPError as error:
            return _Reply(error.code, error.headers, _text(error.read()))
        except urllib.error.URLError as error:
            reason = error.reason
            raise self._failure(reason if isinstance(reason, OSError) else error) from None
        except (OSError, http.client.HTTPException) as error:
            raise self._failure(error) from None

    def _failure(self, error: Exception) -> Exception:
        """What to raise for a request that got no answer: ``_Dropped`` to try again."""
        endpoint = self.target.endpoint
        if isinstance(error, TimeoutError):
            return PushError(
                f"no answer from {endpoint} within {self.target.timeout:g} s: "
                "raise --timeout, or lower --chunk-size"
            )
        if isinstance(error, ConnectionRefusedError):
            return PushError(f"cannot reach {endpoint}: connection refused: is the store running?")
        if isinstance(error, ConnectionError | http.client.HTTPException):
            return _Dropped()
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        return PushError(f"cannot reach {endpoint}: {reason}: check the URL")

    def _authorization(self, method: str, url: str) -> str | None:
        user, password, challenge = self.target.user, self.target.password or "", self._challenge
        if user is None or challenge is None:
            return None
        if challenge["scheme"] == "basic":
            return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        algorithm = challenge.get("algorithm", "MD5")
        name = _HASHES.get(algorithm.upper().removesuffix("-SESS"))
        if name is None:
            raise PushError(f"{self.target.endpoint} asks for digest {algorithm}: not supported")

        def digest(text: str) -> str:
            return hashlib.new(name, text.encode("utf-8"), usedforsecurity=False).hexdigest()

        parts = urllib.parse.urlsplit(url)
        uri = parts.path + (f"?{parts.query}" if parts.query else "")
        realm, nonce = challenge.get("realm", ""), challenge.get("nonce", "")
        self._count += 1
        count, cnonce = f"{self._count:08x}", secrets.token_hex(8)
        secret = digest(f"{user}:{realm}:{password}")
        if algorithm.upper().endswith("-SESS"):
            secret = digest(f"{secret}:{nonce}:{cnonce}")
        qop = "auth" if "auth" in re.split(r"\s*,\s*", challenge.get("qop", "")) else None
        signed = f"{nonce}:{count}:{cnonce}:auth" if qop else nonce
        quoted = {"username": user, "realm": realm, "nonce": nonce, "uri": uri}
        quoted["response"] = digest(f"{secret}:{signed}:{digest(f'{method}:{uri}')}")
        if "opaque" in challenge:
            quoted["opaque"] = challenge["opaque"]
        fields = [f'{key}="{value}"' for key, value in quoted.items()]
        fields.append(f"algorithm={algorithm}")
        if qop:
            fields += ["qop=auth", f"nc={count}", f'cnonce="{cnonce}"']
        return "Digest " + ", ".join(fields)

    def _dropped(self, size: int) -> str:
        where = f"while receiving {size} bytes" if size else "before it answered"
        return (
            f"{self.target.endpoint} closed the connection {where}: lower --chunk-size "
            f"(now {self.target.chunk_size} bytes), or check the store's log"
        )

    def _refused(self, reply: _Reply) -> str:
        endpoint, user, status = self.target.endpoint, self.target.user, reply.status
        if status == 401 and user is None:
            return f"{endpoint} asks for a user (401): pass --user and set $KG_PUSH_PASSWORD"
        if status == 401:
            return f"{endpoint} refused user {user!r} (401): check --user and $KG_PUSH_PASSWORD"
        if 300 <= status < 400:
            where = reply.headers.get("Location", "elsewhere")
            return f"{endpoint} redirects ({status}) to {where}: give that URL as --endpoint"
        hint = _HINTS.get(status, "lower --chunk-size, or check the store's log")
        detail = _detail(reply.text)
        return f"{endpoint} refused the data ({status}{': ' + detail if detail else ''}): {hint}"


_HINTS = {
    401: "check --user and $KG_PUSH_PASSWORD",
    403: "the user may not write there (use the store's authenticated endpoint and --user)",
    404: "check the endpoint URL (for Virtuoso: /sparql-graph-crud-auth or /sparql-auth)",
    405: "check that --protocol matches the endpoint (gsp: graph store, update: SPARQL)",
    413: "lower --chunk-size",
    415: "check that --protocol matches the endpoint (gsp: graph store, update: SPARQL)",
    501: "the endpoint does not take this method: check its URL and --protocol",
}


def _text(body: bytes) -> str:
    return body[:65536].decode("utf-8", errors="replace")


def _detail(text: str) -> str:
    """The gist of an error page: its text without markup, up to an echoed query."""
    text = re.sub(r"(?is)<(head|style|script)\b.*?</\1>|<[^>]+>", " ", text)
    words: list[str] = []
    for line in text.splitlines():
        if line.strip().startswith("SPARQL query:"):
            break
        words += line.split()
    gist = " ".join(words)
    return gist if len(gist) <= 200 else gist[:199] + "…"
