"""The front server of ``migkg serve``: the dataset's IRIs, the query page, and the SPARQL paths.

``migkg serve`` runs the Oxigraph server as a child on a free port of 127.0.0.1, and this WSGI
application (werkzeug's Request/Response, routing and Accept parsing) on the public port in front
of it:

- ``/query``, ``/update``, ``/store``, ``/sparql`` and the query page's assets (YASGUI, the logo)
  are passed to the Oxigraph server as they come (method, query string, body, headers) and its
  answer back as it comes, so the SPARQL 1.1 Protocol and Graph Store paths work as before; but a
  query whose client asks for CSV or TSV is asked of Oxigraph as JSON and written by migkg's own
  writer (Oxigraph's CSV leaves an IRI holding a comma unquoted);
- a query or update that holds a ``SERVICE`` pattern (a call from the server to any address it
  names) is refused with 403 before it reaches Oxigraph, unless ``migkg serve --allow-service``;
  each text is read by a SPARQL parser (:func:`migkg.stores.checks.calls_service`);
- a query's answer is passed on only whole: read from Oxigraph within ``--query-timeout``, then
  sent with its length. At the deadline the client gets 504 with a message, never a cut-off 200,
  and the work is stopped: the Oxigraph server is killed and started again
  (:meth:`migkg.stores.serve.LocalServer.restart`; a query that runs in it at that moment fails too);
- ``/`` is migkg's query page (:mod:`migkg.pages.querypage`) and ``/prefixes.json`` its prefixes;
- any other path is an IRI of the dataset: ``/state/KAZ`` answers for ``<base>state/KAZ`` with an
  HTML page or its description in an RDF format, by the Accept header (``Vary: Accept``), or by an
  extension (``/state/KAZ.ttl``) or ``?format=ttl``, which win over it. An IRI the dataset does not
  name is a 404 with a page that says so and lists pages near it.

It is served by waitress (a maintained, pure-Python production WSGI server, multi-threaded, with
no dependency of its own), so a browser's parallel asset requests, a slow query and a page can be
answered at once, and a researcher can put it behind a reverse proxy as it is.
"""
from __future__ import annotations

import difflib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote

import pyoxigraph as ox
import requests
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotAcceptable
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from migkg.errors import MigkgError
from migkg.pages.documents import Index, read_document
from migkg.pages.html import Pages, ServedLinks
from migkg.pages.querypage import prefixes_json, query_page
from migkg.pages.rdf import RDF_FORMATS, RdfFormat, serialise
from migkg.queries.results import write_results
from migkg.stores.checks import calls_service
from migkg.stores.serve import HOST, Urls
from migkg.stores.sources import SelectSource, as_answer

#: the paths the Oxigraph server answers, passed to it unchanged
PROXIED = ("/query", "/update", "/store", "/sparql", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg")
#: the paths whose answers are read whole within the query timeout
QUERY_PATHS = ("/query", "/sparql")
SERVICE_REFUSED = ("SERVICE calls are off on this endpoint: the query asks the server to call another address, "
                   "which migkg serve does not do unless asked. Fix: remove the SERVICE pattern, or start the "
                   "server with `migkg serve --allow-service`.\n")
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: media types also accepted for a format (older or looser names clients send)
ALIASES = {"application/x-turtle": "ttl", "application/json": "jsonld", "text/plain": "nt", "application/rdf+xml": "rdf",
           "text/n3": "ttl"}
_BY_EXTENSION = {f.extension: f for f in RDF_FORMATS}
_FORMAT_NAMES = {"turtle": "ttl", "json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt", "nquads": "nq",
                 "n-quads": "nq", "rdfxml": "rdf", "xml": "rdf", "html": "html"}
#: headers that belong to one connection, never passed on (RFC 9110, 7.6.1)
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
               "transfer-encoding", "upgrade", "host", "content-length", "accept-encoding"}


@dataclass
class Choice:
    kind: RdfFormat | None  # None: HTML
    negotiated: bool


def choose_format(request: Request, extension: str | None) -> Choice:
    """The format of an answer: an extension or ``?format=`` if given, else the best the Accept header
    allows (HTML when it names none of ours but allows anything, or when there is no Accept header)."""
    asked = extension or request.args.get("format")
    if asked:
        name = _FORMAT_NAMES.get(asked.lower(), asked.lower())
        if name == "html":
            return Choice(None, False)
        if name not in _BY_EXTENSION:
            raise NotAcceptable(f"no format {asked!r}: use one of html, {', '.join(_BY_EXTENSION)}.")
        return Choice(_BY_EXTENSION[name], False)
    if not request.accept_mimetypes:
        return Choice(None, True)
    offers = [*HTML_TYPES, *(f.media_type for f in RDF_FORMATS), *ALIASES]
    best = request.accept_mimetypes.best_match(offers)
    if best is None:
        raise NotAcceptable("this IRI answers in text/html, " + ", ".join(f.media_type for f in RDF_FORMATS) + ".")
    if best in HTML_TYPES:
        return Choice(None, True)
    extension = ALIASES.get(best) or next(f.extension for f in RDF_FORMATS if f.media_type == best)
    return Choice(_BY_EXTENSION[extension], True)


class FrontApp:
    """The WSGI application; ``upstream`` is the Oxigraph server's address (``http://127.0.0.1:PORT``)."""

    def __init__(self, source: SelectSource, base: str, prefixes: dict[str, str], upstream: str, *,
                 query_timeout: float | None = None, stop_work: Callable[[], None] | None = None,
                 allow_service: bool = False):
        self.source, self.base, self.prefixes, self.upstream = source, base, prefixes, upstream.rstrip("/")
        self.query_timeout = query_timeout or None  # seconds; None (or 0): no deadline
        self.stop_work = stop_work  # stops every query running upstream (restarts the Oxigraph server)
        self.allow_service = allow_service
        self._stopping = threading.Lock()
        self._generation = 0  # how many times the work was stopped: a query stops it only once
        self.index = Index.of(source, base)
        self.pages = Pages(base, prefixes)
        self.links = ServedLinks(base)
        self.query_html = query_page(self.pages.env, prefixes).encode("utf-8")
        self.session = requests.Session()
        self.routes = Map([Rule("/", endpoint="query_page"), Rule("/prefixes.json", endpoint="prefix_list"),
                           *(Rule(path, endpoint="proxy") for path in PROXIED),
                           Rule("/<path:path>", endpoint="document")], strict_slashes=False)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        try:
            endpoint, values = self.routes.bind_to_environ(environ).match()
            response = getattr(self, endpoint)(request, **values)
        except HTTPException as refused:
            response = refused.get_response(environ)
        return response(environ, start_response)

    # ------------------------------------------------------------------ the query page and the SPARQL paths
    def query_page(self, request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            raise MethodNotAllowed(["GET", "HEAD"])
        return Response(self.query_html, content_type="text/html; charset=utf-8")

    def prefix_list(self, request: Request) -> Response:
        return Response(prefixes_json(self.prefixes), content_type="application/json")

    def proxy(self, request: Request) -> Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
        if not self.allow_service and any(calls_service(text) for text in sparql_texts(request)):
            return Response(SERVICE_REFUSED, status=403, content_type="text/plain; charset=utf-8")
        table = _table_format(request)
        if table is not None:
            return self.query_as_table(request, headers, table)
        if request.path in QUERY_PATHS:
            return self.whole_answer(request, headers)
        try:
            answer = self.session.request(request.method, self.upstream + request.path, params=request.query_string,
                                          data=request.get_data(), headers=headers, stream=True,
                                          allow_redirects=False, timeout=(10, None))
        except requests.RequestException as err:
            return _no_answer(err)
        passed = [(k, v) for k, v in answer.headers.items() if k.lower() not in _HOP_BY_HOP | {"content-encoding"}]
        return Response(answer.raw.stream(64 * 1024, decode_content=True), status=answer.status_code, headers=passed,
                        direct_passthrough=True)

    def ask_whole(self, request: Request, headers: dict[str, str]) -> tuple[int, list[tuple[str, str]], bytes] | Response:
        """Oxigraph's answer to a query, read whole before the deadline: its status, headers and body; or,
        past the deadline, the work stopped and a 504 :class:`Response` that says so."""
        generation = self._generation
        deadline = time.monotonic() + self.query_timeout if self.query_timeout else None
        body = bytearray()
        past_deadline = False
        try:
            remaining = None if deadline is None else max(deadline - time.monotonic(), 0.01)
            with self.session.request(request.method, self.upstream + request.path, params=request.query_string,
                                      data=request.get_data(), headers=headers, stream=True, allow_redirects=False,
                                      timeout=(10, remaining)) as answer:
                for chunk in answer.iter_content(64 * 1024):
                    body += chunk
                    if deadline is not None and time.monotonic() > deadline:
                        past_deadline = True
                        break
        except requests.RequestException as err:
            if deadline is None or time.monotonic() < deadline:
                return _no_answer(err)
            past_deadline = True
        if past_deadline:
            self._stop_work(generation)
            return Response(f"the query was stopped after {self.query_timeout:g} s (migkg serve --query-timeout), "
                            "and its work with it. Fix: ask for less (a LIMIT, a narrower pattern), or start the "
                            "server with a longer --query-timeout.\n", status=504,
                            content_type="text/plain; charset=utf-8")
        passed = [(k, v) for k, v in answer.headers.items()
                  if k.lower() not in _HOP_BY_HOP | {"content-encoding", "content-length"}]
        return answer.status_code, passed, bytes(body)

    def _stop_work(self, generation: int) -> None:
        """Stop the queries running upstream, unless that was done since the query of ``generation`` began."""
        with self._stopping:
            if self.stop_work is not None and self._generation == generation:
                self.stop_work()
                self._generation += 1

    def whole_answer(self, request: Request, headers: dict[str, str]) -> Response:
        asked = self.ask_whole(request, headers)
        if isinstance(asked, Response):
            return asked
        status, passed, body = asked
        return Response(body, status=status, headers=passed)

    def query_as_table(self, request: Request, headers: dict[str, str], table: str) -> Response:
        """A query whose client asks for CSV or TSV: asked of Oxigraph as JSON, parsed, and written by migkg
        (:func:`migkg.queries.results.write_results`), since Oxigraph's own CSV leaves an IRI holding a comma
        (an evidence span's ``#char=b,e``) unquoted. Any other answer (a graph, an error) is passed on as it is."""
        headers["Accept"] = f"{JSON_RESULTS}, text/turtle;q=0.9, */*;q=0.1"
        asked = self.ask_whole(request, headers)
        if isinstance(asked, Response):
            return asked
        status, passed, body = asked
        media_type = next((v for k, v in passed if k.lower() == "content-type"), "").split(";")[0].strip()
        if status != 200 or media_type != JSON_RESULTS:
            return Response(body, status=status, headers=passed)
        try:
            parsed = as_answer(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))
        except SyntaxError as err:
            return Response(f"the Oxigraph server behind migkg serve gave no complete results document: {err}\n",
                            status=502, content_type="text/plain; charset=utf-8")
        assert not isinstance(parsed, list), "a JSON results document holds solutions or a boolean"
        fmt = "csv" if table == "text/csv" else "tsv"
        return Response(write_results(parsed, fmt), content_type=f"{table}; charset=utf-8")

    # ------------------------------------------------------------------ the dataset's IRIs
    def document(self, request: Request, path: str) -> Response:
        if request.method not in ("GET", "HEAD"):
            raise MethodNotAllowed(["GET", "HEAD"])
        path = quote(path, safe="/:@!$&'()*+,;=-._~")
        stem, dot, extension = path.rpartition(".")
        if dot and extension in _BY_EXTENSION:  # state/KAZ.ttl, or kind/index.ttl for the IRI kind/
            stem = stem[:-len("index")] if stem.endswith("/index") or stem == "index" else stem
            doc = read_document(self.source, self.base + stem, self.index.members(self.base + stem))
            if doc.exists:
                return self.answer(request, doc, extension)
        doc = read_document(self.source, self.base + path, self.index.members(self.base + path))
        if not doc.exists:
            return self.missing(request, self.base + path)
        return self.answer(request, doc, None)

    def answer(self, request: Request, doc: Any, extension: str | None) -> Response:
        choice = choose_format(request, extension)
        links = ", ".join(f'<{self.links.format_href(doc.iri, f)}>; rel="alternate"; type="{f.media_type}"'
                          for f in RDF_FORMATS)
        if choice.kind is None:
            response = Response(self.pages.page(doc, self.links), content_type="text/html; charset=utf-8")
        else:
            media = choice.kind.media_type + ("; charset=utf-8" if choice.kind.extension in ("ttl", "nt", "trig", "nq") else "")
            response = Response(serialise(doc, choice.kind, self.prefixes), content_type=media)
        response.headers["Link"] = links
        if choice.negotiated:
            response.headers["Vary"] = "Accept"
        return response

    def missing(self, request: Request, iri: str) -> Response:
        near = nearest(self.index.documents, iri)
        wants_html = choose_format(request, None).kind is None if not request.args.get("format") else False
        if wants_html:
            return Response(self.pages.missing(iri, self.links, near), status=404, content_type="text/html; charset=utf-8")
        text = f"{iri} is not in the dataset (no statement names it).\n" + "".join(f"near: {n}\n" for n in near)
        return Response(text, status=404, content_type="text/plain; charset=utf-8")


JSON_RESULTS = "application/sparql-results+json"
_RESULT_TYPES = (JSON_RESULTS, "application/sparql-results+xml", "text/csv", "text/tab-separated-values")


def _no_answer(err: Exception) -> Response:
    return Response(f"the Oxigraph server behind migkg serve did not answer: {err}\n", status=502,
                    content_type="text/plain; charset=utf-8")


def sparql_texts(request: Request) -> list[str]:
    """Every query or update text a SPARQL Protocol request carries: ``query`` and ``update`` in the URL or
    a form body, or the whole body of an ``application/sparql-query`` or ``-update`` request."""
    texts = request.args.getlist("query") + request.args.getlist("update")
    if request.method == "POST":
        body = request.get_data()  # kept: it is passed on to Oxigraph afterwards
        if request.mimetype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            texts += form.get("query", []) + form.get("update", [])
        elif request.mimetype in ("application/sparql-query", "application/sparql-update"):
            texts.append(body.decode("utf-8", "replace"))
    return texts


def _table_format(request: Request) -> str | None:
    """``text/csv`` or ``text/tab-separated-values`` when a query's client prefers that table to the other
    results formats (by its Accept header); None for anything else, which goes to Oxigraph unchanged."""
    if request.path not in ("/query", "/sparql"):  # (the body is not read here: it goes on to Oxigraph)
        return None
    best = request.accept_mimetypes.best_match(_RESULT_TYPES)
    return best if best in ("text/csv", "text/tab-separated-values") and best in request.accept_mimetypes.values() \
        else None


def nearest(documents: list[str], iri: str, count: int = 8) -> list[str]:
    """Documents whose IRIs look like ``iri``, the likest first: those of the same kind (first path segment)
    when there are any."""
    kind = iri.rsplit("/", 1)[0] + "/"
    same_kind = [d for d in documents if d.startswith(kind)] or documents
    return difflib.get_close_matches(iri, same_kind, n=count, cutoff=0.5) or same_kind[:count]


class FrontServer:
    """The front application on waitress, on ``host:port``, in a thread of its own; a context manager."""

    def __init__(self, app: FrontApp, host: str, port: int, threads: int = 8):
        from waitress.server import create_server  # type: ignore[import-untyped]

        try:
            self.server = create_server(app, host=host, port=port, threads=threads, ident="migkg")
        except OSError as err:
            raise MigkgError(f"port {port} on {host} cannot be used ({err.strerror}). Fix: give another --port "
                             "(0 picks a free one).") from None
        self.port = int(self.server.effective_port)
        self.thread = threading.Thread(target=self.server.run, name="migkg-front", daemon=True)

    def start(self) -> FrontServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        """Close every connection and the listening socket (which ends the server's loop), then its workers.

        The closing runs in the loop's own thread (waitress's trigger): closed from another thread, the listening
        socket could be closed between the loop's poll and its accept, and waitress logged a traceback."""
        if self.thread.is_alive():
            self.server.trigger.pull_trigger(self._close_channels)
            self.thread.join(timeout=5)
        self._close_channels()  # the loop never ran, or did not end
        self.server.task_dispatcher.shutdown()
        self.thread.join(timeout=5)

    def _close_channels(self) -> None:
        channels = self.server._map
        while channels:
            for channel in list(channels.values()):
                channel.handle_close()

    def __enter__(self) -> FrontServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()




def front_server(upstream: Urls, base: str, port: int, *, query_timeout: float | None = None,
                 stop_work: Callable[[], None] | None = None, allow_service: bool = False) -> FrontServer:
    """The front server for the Oxigraph server at ``upstream`` (its pages read that server), on ``port``;
    ``stop_work`` stops every query running upstream at a query's deadline (:class:`FrontApp`)."""
    from migkg.build.serialise import prefixes
    from migkg.mapping.iris import Iris
    from migkg.stores.endpoint import EndpointSource

    app = FrontApp(EndpointSource(upstream.query), base, prefixes(Iris(base)), upstream.base,
                   query_timeout=query_timeout, stop_work=stop_work, allow_service=allow_service)
    return FrontServer(app, HOST, port)
