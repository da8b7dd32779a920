"""What every release is built with: the vocabulary, the shapes (compiled where they can be), the rules, the IRIs."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from migkg import index_cache
from migkg.build.cache import toolkit_fingerprint
from migkg.mapping.iris import DEFAULT_BASE, Iris
from migkg.schema import rule_plans as rule_plans_module
from migkg.schema import rules as rules_module
from migkg.schema.resources import ontology_dir, queries_dir
from migkg.schema.rules import Needed, Rule, load_rules, needed_triples
from migkg.schema.turtle import turtle_graph
from migkg.schema.vocabulary import ONTOLOGY_FILES, Vocabulary, load_vocabulary
from migkg.validation.native_checks import NATIVE_CHECKS
from migkg.validation.shacl import Shapes, Unsupported, compile_shapes

SHAPES_FILE = "shapes.ttl"


@dataclass
class Toolkit:
    """What every release is built with: vocabulary, shapes, rules, IRIs; and a fingerprint of them all."""

    vocabulary: Vocabulary
    shapes: Graph
    rules: list[Rule]
    iris: Iris
    compiled: Shapes | None = None   # None: the shapes need pyshacl (see migkg.validation.shacl.Unsupported)
    fingerprint: str = ""
    ontology: Path | None = None
    queries: Path | None = None
    needed: Needed | None = None     # which triples the rules and SPARQL checks can match (None: all)

    @classmethod
    def load(cls, base: str = DEFAULT_BASE, ontology: Path | None = None, queries: Path | None = None) -> Toolkit:
        ontology = Path(ontology or ontology_dir())
        queries = Path(queries or queries_dir())
        shapes = turtle_graph([ontology / SHAPES_FILE])
        try:
            compiled = compile_shapes(shapes, natives=NATIVE_CHECKS)
        except Unsupported:
            compiled = None
        rules = load_rules(queries / "derive")
        iris = Iris(base)
        fingerprint = toolkit_fingerprint(iris.base, _files(ontology, queries), "compiled" if compiled else "pyshacl")
        checks = [spec.query for shape in compiled.shapes.values() for spec in shape.sparql] if compiled else []
        needed = remembered_needed_triples(rules, checks)
        return cls(load_vocabulary(ontology), shapes, rules, iris, compiled, fingerprint, ontology, queries, needed)

    @property
    def engine(self) -> str:
        return "compiled" if self.compiled else "pyshacl"

    def changed_since_loaded(self) -> bool:
        """Whether the code a build runs, the ontology, the shapes or the rules on disk differ from those this toolkit
        was loaded from (its :attr:`fingerprint`): a process that builds again and again must load them again."""
        assert self.ontology is not None and self.queries is not None
        try:
            return toolkit_fingerprint(self.iris.base, _files(self.ontology, self.queries), self.engine) != self.fingerprint
        except OSError:  # a file gone: not what was loaded
            return True


def _files(ontology: Path, queries: Path) -> list[Path]:
    """The files a toolkit is made of (besides the code): the ontology's, the shapes, the derivation rules."""
    return [ontology / name for name in (*ONTOLOGY_FILES, SHAPES_FILE)] + sorted((queries / "derive").glob("*.rq"))


def remembered_needed_triples(rules: list[Rule], checks: list[str]) -> Needed | None:
    """:func:`migkg.schema.rules.needed_triples` of the ``rules`` that are not evaluated in Python (the others read a
    release's triples, not the scratch store: :mod:`migkg.schema.rule_plans`) and of the SPARQL ``checks``, kept on
    disk between runs (:mod:`migkg.index_cache`, keyed by the texts, rdflib's version and the source of the modules
    that read them): reading the queries with rdflib's SPARQL parser, to plan the rules and to find their patterns,
    takes a third of a second, every ``migkg validate --release`` (a rule is planned again only when a release is
    built)."""
    def find() -> list | None:
        found = needed_triples([rule.text for rule in rules if rule.plan is None] + checks)
        if found is None:
            return None
        return [sorted(iri.value for iri in found.predicates),
                sorted([kind.value, cls.value] for kind, cls in found.typed)]

    kept = index_cache.cached("needed-triples", [*(rule.text for rule in rules), "-- the checks --", *checks], find,
                              libraries=("rdflib", "pyparsing"),
                              sources=(Path(rules_module.__file__), Path(rule_plans_module.__file__)))
    if kept is None:
        return None
    predicates, typed = kept
    return Needed(frozenset(ox.NamedNode(iri) for iri in predicates),
                  frozenset((ox.NamedNode(kind), ox.NamedNode(cls)) for kind, cls in typed))
