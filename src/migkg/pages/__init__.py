"""Pages for the dataset's IRIs: every IRI path under the base answers with its description.

``documents`` gathers what the dataset says about one IRI path (from any :class:`SelectSource`: the
embedded store of a build, or the Oxigraph server of ``migkg serve``); ``rdf`` writes it as Turtle,
JSON-LD, N-Triples (and TriG, N-Quads, RDF/XML); ``html`` renders it from the Jinja templates in
``templates/``, with the evidence of every fact highlighted in its release's text; ``front`` is the
WSGI application ``migkg serve`` runs in front of the Oxigraph server (pages, the query page, and a
proxy for the SPARQL paths); ``site`` writes the same pages as static files with w3id redirect rules.
"""
