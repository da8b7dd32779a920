"""The SHACL shapes, compiled: validation fast enough for one release in about a millisecond.

pyshacl takes 20-250 ms per release (it builds a SPARQL query or a generator per node and
re-parses each SHACL-SPARQL query for every focus node); at 10,000 releases that is minutes.
This package reads ``ontology/shapes.ttl`` once and evaluates the SHACL Core constraint
components that it compiles, each the way pyshacl evaluates it (same results, values, paths and
messages: ``tests/test_scale_shacl.py`` checks that the two agree on every shape's violation
cases), over plain dictionaries of one release's triples layered on the registry and the
vocabulary. The SHACL-SPARQL constraints stay in shapes.ttl as their published definition;
their ``sh:select`` text is run on Oxigraph, with ``$this`` bound to the focus node, unless the caller
gives the constraint's answer in Python for exactly that text (:class:`NativeSparql`). The W3C
SHACL test suite (``tests/test_w3c_shacl.py``) holds the engine to the standard.

Shapes that use a feature outside this subset make :func:`compile_shapes` raise
:class:`Unsupported`; the caller then validates with pyshacl (slow, but never wrong).

The modules follow the data flow and the spec's sections (``docs/validation.md``):
:mod:`.terms` (rdflib <-> pyoxigraph), :mod:`.index` (the data graph as dictionaries, views),
:mod:`.model` and :mod:`.compile` (shapes, targets, paths), :mod:`.registry` and
:mod:`.components` (the constraint components, one module per family), :mod:`.sparql`,
:mod:`.evaluate` (the validator) and :mod:`.results`.
"""
from migkg.validation.shacl.compile import compile_shapes
from migkg.validation.shacl.evaluate import Validator, whole_graph_view
from migkg.validation.shacl.index import Index, Recording, View, store_select, superclass_closure
from migkg.validation.shacl.model import Check, NativeSelect, NativeSparql, PathSpec, Shape, Shapes, SparqlSpec, Targets
from migkg.validation.shacl.results import Result, add_result
from migkg.validation.shacl.sparql import query_sha256
from migkg.validation.shacl.terms import RDF_TYPE, SUBCLASS_OF, Unsupported, rdflib_order

__all__ = ["RDF_TYPE", "SUBCLASS_OF", "Check", "Index", "NativeSelect", "NativeSparql", "PathSpec", "Recording",
           "Result", "Shape", "Shapes", "SparqlSpec", "Targets", "Unsupported", "Validator", "View", "add_result",
           "compile_shapes", "query_sha256", "rdflib_order", "store_select", "superclass_closure",
           "whole_graph_view"]
