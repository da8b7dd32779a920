"""Any SPARQL 1.1 endpoint, through one small HTTP client of ours.

Queries go through SPARQLWrapper, which builds each request the SPARQL 1.1 Protocol way
(query or update endpoint, GET or URL-encoded POST, the Accept header for the answer); the
request is then sent by :class:`HttpClient`, which adds what SPARQLWrapper lacks:

- **separate timeouts**: ``connect`` bounds opening the TCP (and TLS) connection; ``read``
  bounds each wait for the next bytes of the answer once connected (SPARQLWrapper has one
  timeout for both);
- **retries** of idempotent requests (queries, Graph Store PUTs, graph-replacing updates)
  answered 429 or 503, honouring ``Retry-After`` (seconds or an HTTP date), with a bounded
  number of attempts and a bounded total wait;
- **credentials from the environment** (``MIGKG_ENDPOINT_USER``, ``MIGKG_ENDPOINT_PASSWORD``),
  never from the command line, where other users of the machine could read them; sent
  when the server asks (HTTP Basic or Digest, whichever it offers);
- a **User-Agent** that names migkg, its version and its home;
- **one clear message** (:class:`EndpointError`, exit status 1) for every HTTP or network
  failure: refused, unknown host, connect or read timeout, dropped connection, HTTP status.

Queries up to :data:`GET_LIMIT` characters (URL-encoded) are sent with GET, which caches and
logs well; longer ones with a URL-encoded POST, which no server truncates.

Parameters are bound on a remote endpoint with a ``VALUES`` block inserted right after the
opening brace of the query's WHERE clause, found by a tokenizer that skips strings, IRIs and
comments; each value is serialised as an RDF term (never pasted as text), so a value holding
quotes, braces or ``} ; DROP ALL`` stays one value.
"""
from __future__ import annotations

import email.utils
import functools
import html
import http.client
import os
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox
from SPARQLWrapper import CSV, GET, JSON, POST, TSV, TURTLE, URLENCODED, SPARQLWrapper

from migkg import __version__
from migkg.errors import MigkgError
from migkg.stores.sources import SelectResult, Term

PROJECT_URL = "https://w3id.org/migkg/"
USER_AGENT = f"migkg/{__version__} (+{PROJECT_URL})"
GET_LIMIT = 2000
#: --format name -> SPARQLWrapper return format (W3C SPARQL results formats)
RESULT_FORMATS = {"json": JSON, "csv": CSV, "tsv": TSV}
USER_VARIABLE = "MIGKG_ENDPOINT_USER"
PASSWORD_VARIABLE = "MIGKG_ENDPOINT_PASSWORD"


Answer = SelectResult | bool | list  # SELECT, ASK, or CONSTRUCT/DESCRIBE (a list of ox.Triple)


class EndpointError(MigkgError):
    """A SPARQL endpoint or Graph Store could not be reached or refused a request."""


class ConnectTimeout(OSError):
    """No TCP/TLS connection within the connect timeout (told apart from a read timeout)."""


@dataclass(frozen=True)
class Timeouts:
    connect: float = 10.0
    read: float = 120.0


@dataclass(frozen=True)
class RetryPolicy:
    """How often, and for how long in all, to retry a request answered 429 or 503."""

    attempts: int = 4
    max_wait: float = 60.0
    backoff: float = 1.0  # first wait when the server gives no Retry-After; doubles each time


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str


def credentials_from_env(environ: Mapping[str, str] = os.environ) -> Credentials | None:
    user, password = environ.get(USER_VARIABLE), environ.get(PASSWORD_VARIABLE)
    if user is None and password is None:
        return None
    if not user or password is None:
        raise EndpointError(f"only one of {USER_VARIABLE} and {PASSWORD_VARIABLE} is set. "
                            "Fix: set both (or neither, for an endpoint without a login).")
    return Credentials(user, password)


# --------------------------------------------------------------------------- the HTTP client
@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def info(self) -> Mapping[str, str]:  # what SPARQLWrapper's QueryResult reads
        return self.headers


class _TimedConnect:
    """An HTTP(S) connection that connects within one timeout and then reads with another."""

    def __init__(self, host, *, timeouts: Timeouts, **kwargs):
        kwargs.pop("timeout", None)
        super().__init__(host, timeout=timeouts.connect, **kwargs)
        self.read_timeout = timeouts.read

    def connect(self):
        try:
            super().connect()
        except TimeoutError as err:
            raise ConnectTimeout(f"no connection within {self.timeout:g} s") from err
        self.sock.settimeout(self.read_timeout)


class _HTTPConnection(_TimedConnect, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_TimedConnect, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, timeouts: Timeouts):
        super().__init__()
        self.timeouts = timeouts

    def http_open(self, req):
        return self.do_open(functools.partial(_HTTPConnection, timeouts=self.timeouts), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, timeouts: Timeouts):
        super().__init__()
        self.timeouts = timeouts

    def https_open(self, req):
        return self.do_open(functools.partial(_HTTPSConnection, timeouts=self.timeouts), req,
                            context=self._context)


class HttpClient:
    """Sends requests with separate timeouts, bounded retries on 429/503, and clear errors."""

    def __init__(self, timeouts: Timeouts = Timeouts(), retry: RetryPolicy = RetryPolicy(),
                 credentials: Credentials | None = None, sleep=time.sleep):
        self.timeouts = timeouts
        self.retry = retry
        self._sleep = sleep
        self.credentials = credentials
        self._passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        handlers: list = [_HTTPHandler(timeouts), _HTTPSHandler(timeouts)]
        if credentials:
            handlers += [urllib.request.HTTPDigestAuthHandler(self._passwords),
                         urllib.request.HTTPBasicAuthHandler(self._passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def request(self, method: str, url: str, data: bytes | None = None, headers: Mapping[str, str] | None = None,
                idempotent: bool = True) -> Response:
        request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        return self.send(request, idempotent=idempotent)

    def send(self, request: urllib.request.Request, idempotent: bool) -> Response:
        request.add_header("User-Agent", USER_AGENT)
        where = f"{request.get_method()} {_without_query(request.full_url)}"
        if self.credentials:  # offered only to the host asked, and only when it asks (401)
            self._passwords.add_password(None, request.full_url, self.credentials.user, self.credentials.password)
        waited = 0.0
        for attempt in range(1, self.retry.attempts + 1):
            try:
                with self._opener.open(request) as answer:
                    return Response(answer.status, answer.headers, answer.read())
            except urllib.error.HTTPError as err:
                message = _server_message(err)
                if err.code in (429, 503):
                    delay = retry_delay(err.headers.get("Retry-After"), attempt, self.retry.backoff)
                    if idempotent and attempt < self.retry.attempts and waited + delay <= self.retry.max_wait:
                        self._sleep(delay)
                        waited += delay
                        continue
                    kept = "" if idempotent else " (an update that may not be repeated safely is not retried)"
                    raise EndpointError(f"{where}: HTTP {err.code} {err.reason} after {attempt} attempt(s) over "
                                        f"{waited:g} s{kept}{message}. Fix: the endpoint is busy or rate-limited; "
                                        "try again later.") from None
                raise EndpointError(f"{where}: HTTP {err.code} {err.reason}{message}. "
                                    f"Fix: {_http_fix(err.code, self.credentials is not None)}") from None
            except ValueError as err:  # urllib's answer to an authentication scheme it does not know
                raise EndpointError(f"{where}: {err}. Fix: this endpoint asks for a login migkg cannot give "
                                    "(it speaks HTTP Basic and Digest).") from None
            except urllib.error.URLError as err:
                raise EndpointError(f"{where}: {_network_problem(err.reason, self.timeouts)}") from None
            except (OSError, http.client.HTTPException) as err:
                raise EndpointError(f"{where}: {_network_problem(err, self.timeouts)}") from None
        raise AssertionError("unreachable")


def retry_delay(retry_after: str | None, attempt: int, backoff: float) -> float:
    """Seconds to wait before the next attempt: the server's Retry-After, else exponential backoff."""
    if retry_after:
        value = retry_after.strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, when.timestamp() - time.time())
        except (TypeError, ValueError):
            pass
    return backoff * 2 ** (attempt - 1)


def _without_query(url: str) -> str:
    """The URL without its query string and user info: nothing secret or long in messages."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _server_message(err: urllib.error.HTTPError) -> str:
    try:
        body = err.read(4000).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    if "html" in (err.headers.get("Content-Type") or "").lower():
        body = html.unescape(re.sub(r"<(script|style).*?</\1>|<[^>]*>", " ", body, flags=re.S | re.I))
    text = re.sub(r"\s+", " ", body).strip()
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
    if code == 413:
        return "the request is too large for this server; publish through the Graph Store Protocol instead."
    if code >= 500:
        return "the server failed on this request; see its message and log, then try again."
    return "see the server's message."


def _network_problem(reason: object, timeouts: Timeouts) -> str:
    if isinstance(reason, ConnectTimeout):
        return (f"no connection within {timeouts.connect:g} s (connect timeout). Fix: check the host and port, "
                "or raise --connect-timeout.")
    if isinstance(reason, TimeoutError):
        return (f"no answer within {timeouts.read:g} s (read timeout). Fix: raise --read-timeout, or ask for less "
                "(a LIMIT, a narrower pattern).")
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused: nothing listens there. Fix: start the server, or correct the host and port."
    if isinstance(reason, socket.gaierror):
        return f"unknown host ({reason.strerror}). Fix: correct the host name in the URL."
    if isinstance(reason, ssl.SSLError):
        return f"the TLS connection failed ({reason.reason or reason}). Fix: check the certificate and the URL."
    if isinstance(reason, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError,
                           http.client.IncompleteRead, ConnectionAbortedError)):
        return ("the server closed the connection before the exchange was complete. Fix: check the server's log; "
                "run the command again (publishing replaces whole graphs, so a second run completes the first).")
    if isinstance(reason, str):
        return f"{reason}. Fix: check the URL."
    return f"{type(reason).__name__}: {reason}. Fix: check the URL and the server."


# --------------------------------------------------------------------------- binding parameters remotely
QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_TOKEN = re.compile(r"""
    (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<comment>\#[^\n]*)
  | (?P<variable>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z][\w.-]*)?:[^\s{}()<>"';,\[\]]*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<open>\{) | (?P<close>\}) | (?P<other>\S)
""", re.VERBOSE | re.DOTALL)


def query_form(query: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE or ASK: the query's first such keyword outside strings, IRIs and comments."""
    for match in _TOKEN.finditer(query):
        if match.lastgroup == "word" and match.group().upper() in QUERY_FORMS:
            return match.group().upper()
    return None


def where_brace(query: str) -> int:
    """The index just after the ``{`` that opens the query's WHERE clause (-1 if it has none).

    For SELECT, ASK and DESCRIBE it is the first brace at nesting depth 0 after the query form;
    for CONSTRUCT the first one after the template (or after WHERE, in the short form).
    """
    depth = 0
    form = None
    skip_template = False
    for match in _TOKEN.finditer(query):
        kind, text = match.lastgroup, match.group()
        if kind in ("iri", "string", "comment", "variable", "pname"):
            continue
        if kind == "word" and depth == 0 and form is None and text.upper() in QUERY_FORMS:
            form = text.upper()
            skip_template = form == "CONSTRUCT"
            continue
        if kind == "word" and depth == 0 and text.upper() == "WHERE":
            skip_template = False
            continue
        if kind == "open":
            if depth == 0 and form is not None and not skip_template:
                return match.end()
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0 and skip_template:
                skip_template = False
    return -1


_ECHAR = str.maketrans({'"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"})


def sparql_term(term: Term) -> str:
    """An RDF term written for a SPARQL query: an IRI in <...>, a literal quoted and escaped.

    Backslashes are doubled, and a ``u`` or ``U`` right after one, with the hex digits after it, is
    written as ``\\uXXXX`` escapes (``\\u0075``...), so that not even a server that decodes ``\\u``
    escapes before parsing, without looking at the backslash before (as SPARQL 1.1, section 19.2,
    allows, and rdflib does), can turn a value's ``\\u0022`` into a quote: the value stays itself.
    """
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"  # NamedNode refuses the characters that could close an IRI
    if isinstance(term, ox.Literal):
        text = term.value.replace("\\", "\\\\").translate(_ECHAR)
        text = re.sub(r"(?<=\\\\)[uU][0-9A-Fa-f]*", lambda m: "".join("\\u%04X" % ord(c) for c in m.group()), text)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f'"{text}"^^<{term.datatype.value}>'
        return f'"{text}"'
    raise EndpointError(f"cannot bind {term!r}: only IRIs and literals can be parameter values.")


def bind_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """The query with ``VALUES (?a ?b) { (a b) }`` first in its WHERE clause binding each variable."""
    if not bindings:
        return query
    position = where_brace(query)
    if position < 0:
        raise EndpointError("cannot bind parameters: the query has no WHERE clause to put them in. "
                            "Fix: write the query with a WHERE { ... } clause.")
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise EndpointError(f"{name!r} is not a SPARQL variable name.")
    variables = " ".join(f"?{name}" for name in bindings)
    values = " ".join(sparql_term(term) for term in bindings.values())
    return f"{query[:position]}\n  VALUES ({variables}) {{ ({values}) }}\n{query[position:]}"


# --------------------------------------------------------------------------- the endpoint
class _Wrapper(SPARQLWrapper):
    """SPARQLWrapper builds the request; :class:`HttpClient` sends it."""

    def __init__(self, endpoint: str, client: HttpClient, update_endpoint: str | None = None,
                 idempotent_update: bool = False):
        super().__init__(endpoint, updateEndpoint=update_endpoint, agent=USER_AGENT)
        self.setOnlyConneg(True)  # content negotiation by Accept only: no format=/output= parameters
        self._client = client
        self._idempotent_update = idempotent_update

    def _query(self):
        request = self._createRequest()
        idempotent = self._idempotent_update if self.isSparqlUpdateRequest() else True
        return self._client.send(request, idempotent=idempotent), self.returnFormat


def check_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"{url!r} is not an http(s) URL. Fix: give the endpoint's full URL, e.g. "
                            "http://127.0.0.1:7878/query.")
    if parts.username or parts.password:
        raise EndpointError(f"{_without_query(url)}: the URL holds credentials. Fix: remove them from the URL "
                            f"and set {USER_VARIABLE} and {PASSWORD_VARIABLE} in the environment instead.")
    return url


class EndpointSource:
    """A SPARQL 1.1 query endpoint as a :class:`migkg.stores.sources.SelectSource` (and more).

    ``select`` answers with pyoxigraph terms, as the embedded store does, so code written
    against a ``SelectSource`` (the catalogue, the network analysis) runs on either.
    """

    def __init__(self, url: str, timeouts: Timeouts = Timeouts(), *, retry: RetryPolicy = RetryPolicy(),
                 credentials: Credentials | None = None, update_url: str | None = None,
                 get_limit: int = GET_LIMIT):
        self.url = check_url(url)
        self.update_url = check_url(update_url) if update_url else None
        self.get_limit = get_limit
        if credentials is None:
            credentials = credentials_from_env()
        self.client = HttpClient(timeouts, retry, credentials)

    def query(self, query: str, bindings: Mapping[str, Term] | None = None) -> Answer:
        """Run any query: SELECT gives a :class:`SelectResult`, ASK a bool, CONSTRUCT and DESCRIBE a
        list of ``ox.Triple``."""
        wrapper = self._wrapper(query, bindings, None)
        graph_answer = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(TURTLE if graph_answer else JSON)
        return parse_answer(wrapper.query().response, graph_answer, self.url)

    def query_text(self, query: str, bindings: Mapping[str, Term] | None, fmt: str) -> bytes:
        """The answer as the server writes it: ``json``, ``csv`` or ``tsv`` (W3C SPARQL results formats)."""
        wrapper = self._wrapper(query, bindings, RESULT_FORMATS[fmt])
        return wrapper.query().response.body

    def _wrapper(self, query: str, bindings: Mapping[str, Term] | None, return_format: str | None) -> _Wrapper:
        text = bind_values(query, bindings)
        wrapper = _Wrapper(self.url, self.client)
        wrapper.setQuery(text)
        if return_format:
            wrapper.setReturnFormat(return_format)
        long_query = len(urllib.parse.quote_plus(text)) > self.get_limit
        wrapper.setMethod(POST if long_query else GET)
        wrapper.setRequestMethod(URLENCODED)
        return wrapper

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> SelectResult:
        answer = self.query(query, bindings)
        if not isinstance(answer, SelectResult):
            raise EndpointError("select() takes a SELECT query.")
        return answer

    def update(self, update: str, idempotent: bool = False) -> None:
        """Run a SPARQL 1.1 Update at ``update_url``; ``idempotent`` allows retries on 429/503."""
        if not self.update_url:
            raise EndpointError("no update endpoint given.")
        wrapper = _Wrapper(self.url, self.client, self.update_url, idempotent_update=idempotent)
        wrapper.setQuery(update)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.query()


def parse_answer(response: Response, graph_answer: bool, url: str) -> Answer:
    what = "RDF" if graph_answer else "SPARQL results"
    try:
        if graph_answer:
            fmt = ox.RdfFormat.from_media_type(response.content_type) or ox.RdfFormat.TURTLE
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(response.body, format=fmt)]
        fmt = ox.QueryResultsFormat.from_media_type(response.content_type) or ox.QueryResultsFormat.JSON
        return as_answer(ox.parse_query_results(response.body, format=fmt))
    except (SyntaxError, ValueError) as err:
        kind = response.content_type or "no Content-Type"
        raise EndpointError(f"{_without_query(url)}: the answer ({kind}) is not valid {what}: {err}. "
                            "Fix: check that the URL is a SPARQL 1.1 query endpoint.") from None


def as_answer(results) -> Answer:
    """pyoxigraph's results (embedded or parsed from a server), read in full into plain values."""
    if isinstance(results, ox.QuerySolutions):
        variables = [v.value for v in results.variables]
        return SelectResult(variables, [{v: s[v] for v in variables} for s in results])
    if isinstance(results, ox.QueryBoolean):
        return bool(results)
    return [ox.Triple(t.subject, t.predicate, t.object) for t in results]
