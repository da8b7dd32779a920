"""migkg's SPARQL query page: Oxigraph's YASGUI, served from the Oxigraph server itself, opened on a query
with migkg's prefixes, with the catalogue's research and network queries one click away.

Nothing on the page leaves the machine: YASGUI's script and style come from the Oxigraph server
(through the front server), the prefix autocompletion reads ``/prefixes.json`` (migkg's prefixes, in
the form of prefix.cc's list) instead of prefix.cc, the class and property autocompletion (which
asks a vocabulary service on the web) is off, and tabs are not kept between visits, so the page
always opens on the catalogue.
"""
from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment

from migkg.queries.catalogue import load_catalogue

#: the query the page opens with, after the PREFIX lines
FIRST_QUERY = """SELECT ?state ?english ?russian WHERE {
  ?state a mig:State ;
         rdfs:label ?english , ?russian .
  FILTER(LANG(?english) = "en" && LANG(?russian) = "ru")
}
ORDER BY ?english"""


def prefix_lines(prefixes: dict[str, str]) -> str:
    return "".join(f"PREFIX {name}: <{namespace}>\n" for name, namespace in prefixes.items())


def prefixes_json(prefixes: dict[str, str]) -> bytes:
    """The prefixes as prefix.cc lists them (``{"name": "namespace", …}``), for YASGUI's autocompletion."""
    return json.dumps(prefixes, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def examples() -> list[dict[str, Any]]:
    """The catalogue's research and network queries, as the page lists them."""
    catalogue = load_catalogue()
    return [{"name": q.name, "kind": q.kind, "title": q.title, "question": q.question, "text": q.text}
            for kind in ("research", "network") for q in catalogue.of_kind(kind)]


def query_page(env: Environment, prefixes: dict[str, str]) -> str:
    first = prefix_lines(prefixes) + "\n" + FIRST_QUERY + "\n"
    return env.get_template("query.html").render(first_query=first, examples=examples())
