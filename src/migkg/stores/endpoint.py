"""Any SPARQL 1.1 endpoint, asked the SPARQL 1.1 Protocol way through :class:`migkg.stores.http.HttpClient`.

A query goes to the query endpoint as ``query=...``: with GET up to :data:`GET_LIMIT` characters
(URL-encoded), which caches and logs well; longer ones with a URL-encoded POST, which no server
truncates. Every text is parsed as a SPARQL 1.1 query before it is sent (:mod:`migkg.stores.checks`):
an update, or a text that is no query, is refused and never leaves. The answer's format is asked
for by the ``Accept`` header only: SPARQL results in JSON or XML (for a SELECT or ASK), RDF (for a
CONSTRUCT or DESCRIBE); the answer is parsed by pyoxigraph into the same terms the embedded store
gives, by its Content-Type, and must be one complete document: a body cut short (fewer bytes than
its Content-Length, a chunked body that ends without its last chunk, a results document that
stops before its end, or a server's "cancelled" message in the middle of one) is an error, never
rows. A server's CSV or
TSV is never asked for: those are written by migkg from the parsed terms
(:mod:`migkg.queries.results`), as servers write them in different ways (Oxigraph leaves an IRI
with a comma unquoted in CSV; Virtuoso's TSV is not W3C TSV). An update is POSTed to the
update endpoint as ``update=...``.

Parameters are bound with a ``VALUES`` block of serialised RDF terms (:mod:`migkg.stores.binding`).
The timeouts, retries, login and error messages are the HTTP client's (:mod:`migkg.stores.http`).
"""
from __future__ import annotations

import urllib.parse
import xml.parsers.expat
from collections.abc import Mapping

import pyoxigraph as ox

from migkg.mapping.terms import Term
from migkg.stores.binding import bind_values, query_form
from migkg.stores.checks import check_query
from migkg.stores.failures import EndpointError, without_query
from migkg.stores.http import (
    DEFAULT_RETRY,
    DEFAULT_TIMEOUTS,
    Credentials,
    HttpClient,
    Response,
    RetryPolicy,
    Timeouts,
    check_url,
    credentials_from_env,
)
from migkg.stores.sources import Answer, SelectResult, as_answer

GET_LIMIT = 2000
#: the Accept header for each kind of answer: SPARQL results (SELECT, ASK), or RDF (CONSTRUCT, DESCRIBE)
ACCEPT = {
    "results": "application/sparql-results+json,application/json;q=0.9,application/sparql-results+xml;q=0.8",
    "rdf": "text/turtle,application/turtle",
}


class EndpointSource:
    """A SPARQL 1.1 query endpoint as a :class:`migkg.stores.sources.SelectSource` (and more).

    ``select`` answers with pyoxigraph terms, as the embedded store does, so code written
    against a ``SelectSource`` (the catalogue, the network analysis) runs on either.
    """

    def __init__(self, url: str, timeouts: Timeouts = DEFAULT_TIMEOUTS, *, retry: RetryPolicy = DEFAULT_RETRY,
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
        list of ``ox.Triple`` (a query the parser does not read is taken for a SELECT)."""
        graph_answer = query_form(query) in ("CONSTRUCT", "DESCRIBE")
        response = self._ask(bind_values(query, bindings), ACCEPT["rdf" if graph_answer else "results"])
        return parse_answer(response, graph_answer, self.url)

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> SelectResult:
        answer = parse_answer(self._ask(bind_values(query, bindings), ACCEPT["results"]), False, self.url)
        if not isinstance(answer, SelectResult):
            raise EndpointError("select() takes a SELECT query.")
        return answer

    def _ask(self, text: str, accept: str) -> Response:
        check_query(text)  # only a query is ever sent: an update or any other text stops here
        if len(urllib.parse.quote_plus(text)) > self.get_limit:
            return self.client.request("POST", self.url, data={"query": text}, headers={"Accept": accept})
        return self.client.request("GET", self.url, params={"query": text}, headers={"Accept": accept})

    def update(self, update: str, idempotent: bool = False) -> None:
        """Run a SPARQL 1.1 Update at ``update_url``; ``idempotent`` allows retries on 429/503."""
        if not self.update_url:
            raise EndpointError("no update endpoint given.")
        self.client.request("POST", self.update_url, data={"update": update}, headers={"Accept": "*/*"},
                            idempotent=idempotent)


def parse_answer(response: Response, graph_answer: bool, url: str) -> Answer:
    """The answer's body as pyoxigraph terms: RDF (CONSTRUCT, DESCRIBE) or SPARQL results, by its Content-Type."""
    what = "RDF" if graph_answer else "SPARQL results"
    try:
        if graph_answer:
            fmt = ox.RdfFormat.from_media_type(response.content_type) or ox.RdfFormat.TURTLE
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(response.body, format=fmt)]
        results_format = ox.QueryResultsFormat.from_media_type(response.content_type) or ox.QueryResultsFormat.JSON
        if results_format == ox.QueryResultsFormat.XML:
            complete_xml(response.body)  # pyoxigraph's XML reader takes a document cut after any </result>
        return as_answer(ox.parse_query_results(response.body, format=results_format))
    except (SyntaxError, ValueError, xml.parsers.expat.ExpatError) as err:
        kind = response.content_type or "no Content-Type"
        raise EndpointError(f"{without_query(url)}: the answer ({kind}) is not valid {what} (cut off, or not one "
                            f"complete document): {err}. Fix: if the server stopped the query (a timeout), ask for "
                            "less or raise its limit; otherwise check that the URL is a SPARQL 1.1 query endpoint."
                            ) from None


def complete_xml(body: bytes) -> None:
    """Nothing if ``body`` is one well-formed XML document, to its last closing tag; ExpatError otherwise.
    Expat reads no external entity, and bounds entity expansion."""
    xml.parsers.expat.ParserCreate().Parse(body, True)
