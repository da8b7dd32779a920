"""migkg: press releases on regional migration dialogues as a validated, multilingual RDF graph.

The library is the product; the ``migkg`` command is a thin shell over it::

    from migkg.build.pipeline import build_dataset
    result = build_dataset("data")          # load, resolve, map, derive, validate
    result.dataset                          # an rdflib Dataset, one named graph per release
"""
__version__ = "0.1.0"
