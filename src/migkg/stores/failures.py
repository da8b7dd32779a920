"""What went wrong with a request to a SPARQL endpoint or Graph Store, said once, with what to do.

Every HTTP or network failure becomes one :class:`EndpointError` (exit status 1) whose message
names the request (method and URL, without its query string or user info), the failure, the
server's own words when it gave any, and a fix: refused, unknown host, connect or read timeout,
dropped connection, TLS failure, HTTP status.
"""
from __future__ import annotations

import html
import http.client
import re
import socket
import ssl
import urllib.parse
from collections.abc import Collection, Iterator, Mapping

import urllib3.exceptions

from migkg.errors import MigkgError

USER_VARIABLE = "MIGKG_ENDPOINT_USER"
PASSWORD_VARIABLE = "MIGKG_ENDPOINT_PASSWORD"


class EndpointError(MigkgError):
    """A SPARQL endpoint or Graph Store could not be reached or refused a request; ``status`` is the HTTP status
    of the refusal, when there was an answer."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class BadEndpoint(EndpointError):
    """The endpoint as given cannot be used (not an http(s) URL, credentials in it, half a login): bad input."""

    exit_code = 2


def without_query(url: str) -> str:
    """The URL without its query string and user info: nothing secret or long in messages."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


# --------------------------------------------------------------------------- HTTP statuses
def http_failure(where: str, status: int, reason: str, headers: Mapping[str, str], body: bytes, *,
                 has_credentials: bool, idempotent: bool, attempts: int, waited: float,
                 retried: Collection[int]) -> str:
    """The message for an answer with an error status (after any retries)."""
    message = server_message(headers, body)
    if status in retried:
        kept = "" if idempotent else " (an update that may not be repeated safely is not retried)"
        return (f"{where}: HTTP {status} {reason} after {attempts} attempt(s) over {waited:g} s{kept}{message}. "
                "Fix: the endpoint is busy or rate-limited; try again later.")
    return f"{where}: HTTP {status} {reason}{message}. Fix: {_http_fix(status, has_credentials)}"


def server_message(headers: Mapping[str, str], body: bytes) -> str:
    """The server's words about the failure (its first 4,000 bytes, HTML tags taken out), or ''."""
    text = body[:4000].decode("utf-8", "replace")
    if "html" in (headers.get("Content-Type") or "").lower():
        text = html.unescape(re.sub(r"<(script|style).*?</\1>|<[^>]*>", " ", text, flags=re.S | re.I))
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return ""
    return f" (the server says: {text[:300]}{'…' if len(text) > 300 else ''})"


def _http_fix(code: int, has_credentials: bool) -> str:
    if code == 400:
        return "the endpoint rejected the request; correct the query (or check that this endpoint speaks SPARQL 1.1)."
    if code == 401 and has_credentials:
        return f"the endpoint refused the login in {USER_VARIABLE} and {PASSWORD_VARIABLE}; check both."
    if code == 401:
        return f"the endpoint needs a login: set {USER_VARIABLE} and {PASSWORD_VARIABLE} in the environment."
    if code == 403:
        return "the endpoint refuses this operation with these credentials (is it read-only?)."
    if code in (404, 405):
        return ("check the URL's path: Oxigraph answers queries at /query, updates at /update and graphs at "
                "/store; Virtuoso at /sparql and /sparql-graph-crud; Fuseki at /DATASET/sparql and /DATASET/data.")
    if code == 504:
        return "the server stopped the query at its time limit; ask for less (a LIMIT, a narrower pattern)."
    if code == 413:
        return "the request is too large for this server; publish through the Graph Store Protocol instead."
    if code >= 500:
        return "the server failed on this request; see its message and log, then try again."
    return "see the server's message."


# --------------------------------------------------------------------------- network failures
_CLOSED = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, http.client.IncompleteRead,
           ConnectionAbortedError, urllib3.exceptions.ProtocolError)


def causes(err: BaseException) -> Iterator[BaseException]:
    """``err`` and what it wraps, outermost first: ``requests`` and urllib3 wrap the socket's error in
    theirs (as ``__cause__``, ``__context__``, a ``reason`` or an argument)."""
    seen: set[int] = set()
    pending = [err]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = [getattr(current, "reason", None), *current.args, current.__cause__, current.__context__]
        pending += [e for e in inner if isinstance(e, BaseException)]


def network_failure(err: BaseException, connect_timeout: float, read_timeout: float) -> str:
    """What failed on the network, and the fix: the innermost cause migkg knows decides."""
    chain = list(causes(err))
    for cause in reversed(chain):
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused: nothing listens there. Fix: start the server, or correct the host and port."
        if isinstance(cause, socket.gaierror):
            return f"unknown host ({cause.strerror}). Fix: correct the host name in the URL."
    for cause in chain:
        if isinstance(cause, urllib3.exceptions.ConnectTimeoutError) and \
                not isinstance(cause, urllib3.exceptions.NewConnectionError):
            return (f"no connection within {connect_timeout:g} s (connect timeout). Fix: check the host and port, "
                    "or raise --connect-timeout.")
        if isinstance(cause, (urllib3.exceptions.ReadTimeoutError, TimeoutError)):
            return (f"no answer within {read_timeout:g} s (read timeout). Fix: raise --read-timeout, or ask for less "
                    "(a LIMIT, a narrower pattern).")
        if isinstance(cause, ssl.SSLError):
            return f"the TLS connection failed ({cause.reason or cause}). Fix: check the certificate and the URL."
    if any(isinstance(cause, _CLOSED) for cause in chain):
        return ("the server closed the connection before the exchange was complete. Fix: check the server's log; "
                "run the command again (publishing replaces whole graphs, so a second run completes the first).")
    return f"{type(chain[-1]).__name__}: {chain[-1]}. Fix: check the URL and the server."
