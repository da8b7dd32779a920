"""The HTTP client under the SPARQL endpoint and the Graph Store publisher, on ``requests``.

Built on ``requests`` and urllib3's :class:`~urllib3.util.Retry` (through
``requests``' ``HTTPAdapter``), because SPARQLWrapper's public API has one timeout for connecting
and reading, and no retries. What the client adds to a plain request:

- **separate timeouts**: ``connect`` bounds opening the TCP (and TLS) connection; ``read``
  bounds each wait for the next bytes of the answer once connected;
- **retries** of idempotent requests (queries, Graph Store PUTs, graph-replacing updates)
  answered 429 or 503, honouring ``Retry-After`` (seconds or an HTTP date), with a bounded
  number of attempts and a bounded total wait (:class:`RetryPolicy`); network failures are not
  retried, since the server may have acted on a request whose answer was lost;
- **credentials from the environment** (``MIGKG_ENDPOINT_USER``, ``MIGKG_ENDPOINT_PASSWORD``),
  never from the command line, where other users of the machine could read them (nor from a
  ``.netrc``); sent when the server asks (HTTP Basic or Digest, whichever it offers);
- a **User-Agent** that names migkg, its version and its home;
- **one clear message** (:class:`EndpointError`, exit status 1) for every HTTP or network
  failure, worded in :mod:`migkg.stores.failures`.
"""
from __future__ import annotations

import os
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import requests
import requests.auth
from requests.adapters import HTTPAdapter
from urllib3 import BaseHTTPResponse
from urllib3.connectionpool import ConnectionPool
from urllib3.exceptions import InvalidHeader, MaxRetryError, ResponseError
from urllib3.util import Retry

from migkg import __version__
from migkg.stores.failures import (
    PASSWORD_VARIABLE,
    USER_VARIABLE,
    BadEndpoint,
    EndpointError,
    http_failure,
    network_failure,
    without_query,
)

PROJECT_URL = "https://w3id.org/migkg/"
USER_AGENT = f"migkg/{__version__} (+{PROJECT_URL})"
RETRIED_STATUSES = frozenset({429, 503})


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for the connection, and then for each next bytes of the answer."""

    connect: float = 10.0
    read: float = 120.0


@dataclass(frozen=True)
class RetryPolicy:
    """How often, and for how long in all, to retry a request answered 429 or 503."""

    attempts: int = 4
    max_wait: float = 60.0
    backoff: float = 1.0  # first wait when the server gives no Retry-After; doubles each time
    sleep: Callable[[float], object] = time.sleep  # how to wait (a test records the waits instead)


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str


def credentials_from_env(environ: Mapping[str, str] = os.environ) -> Credentials | None:
    """The login in ``MIGKG_ENDPOINT_USER`` and ``MIGKG_ENDPOINT_PASSWORD``; None when neither is set."""
    user, password = environ.get(USER_VARIABLE), environ.get(PASSWORD_VARIABLE)
    if user is None and password is None:
        return None
    if not user or password is None:
        raise BadEndpoint(f"only one of {USER_VARIABLE} and {PASSWORD_VARIABLE} is set. "
                            "Fix: set both (or neither, for an endpoint without a login).")
    return Credentials(user, password)


def check_url(url: str) -> str:
    """``url`` itself if it is an http(s) URL without credentials in it, else :class:`EndpointError`."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadEndpoint(f"{url!r} is not an http(s) URL. Fix: give the endpoint's full URL, e.g. "
                            "http://127.0.0.1:7878/query.")
    if parts.username or parts.password:
        raise BadEndpoint(f"{without_query(url)}: the URL holds credentials. Fix: remove them from the URL "
                            f"and set {USER_VARIABLE} and {PASSWORD_VARIABLE} in the environment instead.")
    return url


def retry_delay(retry_after: str | None, attempt: int, backoff: float) -> float:
    """Seconds to wait before the next attempt: the server's Retry-After (parsed by urllib3), else
    exponential backoff (``backoff`` after the first attempt, doubling after each next one)."""
    if retry_after:
        try:
            seconds: float = Retry().parse_retry_after(retry_after)  # at most 6 hours
            return seconds
        except InvalidHeader:
            pass
    return backoff * pow(2.0, attempt - 1)


class _BoundedRetry(Retry):
    """urllib3's retry of the statuses in :data:`RETRIED_STATUSES`, with :class:`RetryPolicy`'s wait
    schedule and a bound on the total wait: a retry whose wait would pass ``max_wait`` is not made
    (an answer ``Retry-After: 3600`` ends at once, with no pointless wait).

    ``waited`` is the time waited before the attempt this object governs; urllib3 hands the
    object of the last attempt to the response (``response.raw.retries``), so the error message
    can say how many attempts were made over how long.
    """

    def __init__(self, *, policy: RetryPolicy, waited: float = 0.0, wait: float = 0.0, **options: Any) -> None:
        super().__init__(**options)
        self.policy = policy
        self.waited = waited  # in all, before this attempt
        self.wait = wait      # just before this attempt

    @classmethod
    def of(cls, policy: RetryPolicy) -> _BoundedRetry:
        return cls(policy=policy, total=None, connect=0, read=False, other=0, status=policy.attempts - 1,
                   status_forcelist=RETRIED_STATUSES, allowed_methods=None, respect_retry_after_header=False,
                   raise_on_status=False)

    def new(self, **options: Any) -> _BoundedRetry:
        return super().new(policy=self.policy, waited=self.waited, wait=self.wait, **options)

    def increment(self, method: str | None = None, url: str | None = None, response: BaseHTTPResponse | None = None,
                  error: Exception | None = None, _pool: ConnectionPool | None = None,
                  _stacktrace: TracebackType | None = None) -> _BoundedRetry:
        if error is not None or response is None:
            return super().increment(method, url, response, error, _pool, _stacktrace)
        wait = retry_delay(response.headers.get("Retry-After"), len(self.history) + 1, self.policy.backoff)
        if self.waited + wait > self.policy.max_wait:  # with raise_on_status off, urllib3 returns this answer
            budget = ResponseError(f"a wait of {wait:g} s is beyond the retry budget")
            raise MaxRetryError(_pool, url, budget)  # type: ignore[arg-type]  # urllib3 passes its pool, or None
        retried = super().increment(method, url, response, error, _pool, _stacktrace)
        retried.waited, retried.wait = self.waited + wait, wait
        return retried

    def sleep(self, response: BaseHTTPResponse | None = None) -> None:
        self.policy.sleep(self.wait)


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _offered_login(response: requests.Response, credentials: Credentials) -> requests.auth.AuthBase | None:
    """The login the server's 401 challenge asks for, Digest before Basic; None for any other scheme."""
    offered = (response.headers.get("WWW-Authenticate") or "").lower()
    if "digest" in offered:
        return requests.auth.HTTPDigestAuth(credentials.user, credentials.password)
    if "basic" in offered:
        return requests.auth.HTTPBasicAuth(credentials.user, credentials.password)
    return None


class _NoLogin(requests.auth.AuthBase):
    """Sends no login: keeps ``requests`` from taking one from a ``.netrc`` file."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()


DEFAULT_TIMEOUTS = Timeouts()
DEFAULT_RETRY = RetryPolicy()


class HttpClient:
    """Sends requests with separate timeouts, bounded retries on 429/503, a login when asked, and clear errors."""

    def __init__(self, timeouts: Timeouts = DEFAULT_TIMEOUTS, retry: RetryPolicy = DEFAULT_RETRY,
                 credentials: Credentials | None = None):
        self.timeouts = timeouts
        self.retry = retry
        self.credentials = credentials
        self._logins: dict[str, requests.auth.AuthBase] = {}  # origin -> the login its server asked for

    def _session(self, idempotent: bool) -> requests.Session:
        """A session for one request (and its retries and login): a connection kept alive for the next
        request could be closed by the server just as it is used, and that failure is not retried."""
        session = requests.Session()
        # an update that may not be repeated safely is sent with one attempt only
        adapter = HTTPAdapter(max_retries=_BoundedRetry.of(self.retry if idempotent else RetryPolicy(attempts=1)))
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers.update({"User-Agent": USER_AGENT, "Connection": "close"})
        return session

    def request(self, method: str, url: str, *, data: bytes | Mapping[str, str] | None = None,
                headers: Mapping[str, str] | None = None, idempotent: bool = True,
                params: Mapping[str, str] | None = None) -> Response:
        """Send one request (retried as :class:`RetryPolicy` says when ``idempotent``); a 2xx answer, read in
        full, or :class:`EndpointError` saying what failed and what to do."""
        where = f"{method} {without_query(url)}"
        with self._session(idempotent) as session:

            def send(login: requests.auth.AuthBase) -> requests.Response:
                return session.request(method, url, data=data, headers=dict(headers or {}), params=params,
                                       auth=login, timeout=(self.timeouts.connect, self.timeouts.read))

            try:
                answer = send(self._logins.get(_origin(url), _NoLogin()))
                if answer.status_code == 401 and self.credentials and _origin(url) not in self._logins:
                    login = _offered_login(answer, self.credentials)  # offered only to the host asked, when it asks
                    if login is None:
                        raise EndpointError(f"{where}: HTTP 401, and the login asked for is not Basic or Digest. "
                                            "Fix: this endpoint asks for a login migkg cannot give (it speaks HTTP "
                                            "Basic and Digest).")
                    self._logins[_origin(url)] = login
                    answer = send(login)
            except requests.RequestException as err:
                failure = network_failure(err, self.timeouts.connect, self.timeouts.read)
                raise EndpointError(f"{where}: {failure}") from None
        if 200 <= answer.status_code < 300:
            return Response(answer.status_code, answer.headers, answer.content)
        retries = getattr(answer.raw, "retries", None)
        attempts = len(retries.history) + 1 if retries else 1
        waited = getattr(retries, "waited", 0.0)
        raise EndpointError(http_failure(where, answer.status_code, answer.reason, answer.headers, answer.content,
                                         has_credentials=self.credentials is not None, idempotent=idempotent,
                                         attempts=attempts, waited=waited, retried=RETRIED_STATUSES),
                            answer.status_code)
