"""migkg: press releases on regional migration dialogues as a validated, multilingual RDF graph.

The library is the product; the ``migkg`` command is a thin shell over it. The examples below are
run by ``tests/test_docstrings.py`` from a folder holding the repository's ``data/`` and the
``build/`` that ``migkg build`` writes from it.

Build the seed in memory (load, resolve, map, derive, validate), as rdflib graphs::

    >>> from migkg.build.pipeline import build_dataset
    >>> result = build_dataset("data")
    >>> [release.release_id for release in result.releases]
    ['2013-06-05-unhcr-iom-almaty-ministerial']
    >>> len(result.graphs)          # the vocabulary, the registry, the release's facts, its derived edges, the conflicts
    5
    >>> result.report.violations, [warning.shape for warning in result.report.warnings]
    ([], ['migsh:CountClaim-matches'])

Run a query of the catalogue (``migkg queries`` lists them) on the files of ``migkg build``::

    >>> from migkg.queries.catalogue import resolve
    >>> from migkg.queries.running import answer_embedded
    >>> from migkg.stores.opening import open_build
    >>> answer = answer_embedded(open_build("build").store, resolve("q01"))
    >>> [row["iso3"].value for row in answer.rows]
    ['AFG', 'AZE', 'CHN', 'IRN', 'KAZ', 'KGZ', 'PAK', 'TJK', 'TKM', 'TUR']

The actor networks of a build: :func:`migkg.network.load`. A first draft of a new release's card:
:func:`migkg.draft.draft_release`.
"""
__version__ = "0.1.0"
