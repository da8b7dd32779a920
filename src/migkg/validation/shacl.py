"""The SHACL shapes, compiled: validation fast enough for one release in about a millisecond.

pyshacl takes 20-250 ms per release (it builds a SPARQL query or a generator per node and
re-parses each SHACL-SPARQL query for every focus node); at 10,000 releases that is minutes.
This module reads ``ontology/shapes.ttl`` once and evaluates the SHACL Core constraint
components that it uses, each the way pyshacl evaluates it (same results, values, paths and
messages: ``tests/test_scale_shacl.py`` checks that the two agree on every shape's violation
cases), over plain dictionaries of one release's triples layered on the registry and the
vocabulary. The SHACL-SPARQL constraints stay in shapes.ttl as their published definition;
their ``sh:select`` text is run here on Oxigraph, with ``$this`` bound to the focus node.

Shapes that use a feature outside this subset make :func:`compile_shapes` raise
:class:`Unsupported`; the caller then validates with pyshacl (slow, but never wrong).

Terms here are pyoxigraph terms; a result converts its nodes to rdflib terms, so a report
reads the same whichever engine made it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

Term = ox.NamedNode | ox.Literal | ox.BlankNode

RDF_TYPE = ox.NamedNode(str(RDF.type))
SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))
_XSD_STRING = ox.NamedNode(str(XSD.string))
_LANG_STRING = ox.NamedNode(str(RDF.langString))

#: the SHACL parameters this engine evaluates (anything else in the sh: namespace is Unsupported)
_CONSTRAINTS = {SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.node, SH.pattern, SH.hasValue,
                SH.nodeKind, SH.languageIn, SH.uniqueLang, SH.lessThan, SH.minLength, SH.minInclusive,
                SH.qualifiedValueShape, SH["in"], SH.sparql}
_ANCILLARY = {SH.targetClass, SH.property, SH.path, SH.message, SH.severity, SH.flags, SH.qualifiedMinCount,
              SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint, SH.name, SH.description, SH.order,
              SH.group, SH.declare, SH.prefixes, SH.select, SH.defaultValue}
_COMPONENT = {SH.minCount: SH.MinCountConstraintComponent, SH.maxCount: SH.MaxCountConstraintComponent,
              SH.datatype: SH.DatatypeConstraintComponent, SH["class"]: SH.ClassConstraintComponent,
              SH.node: SH.NodeConstraintComponent, SH.pattern: SH.PatternConstraintComponent,
              SH.hasValue: SH.HasValueConstraintComponent, SH.nodeKind: SH.NodeKindConstraintComponent,
              SH.languageIn: SH.LanguageInConstraintComponent, SH.uniqueLang: SH.UniqueLangConstraintComponent,
              SH.lessThan: SH.LessThanConstraintComponent, SH.minLength: SH.MinLengthConstraintComponent,
              SH.minInclusive: SH.MinInclusiveConstraintComponent, SH["in"]: SH.InConstraintComponent,
              SH.sparql: SH.SPARQLConstraintComponent}
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


class Unsupported(Exception):
    """The shapes use a SHACL feature this engine does not evaluate; validate with pyshacl instead."""


# --------------------------------------------------------------------------- terms

@lru_cache(maxsize=1 << 16)
def to_rdflib(term: Term) -> Node:
    """A pyoxigraph term as rdflib builds it (literals normalised and typed as rdflib does)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(term.value)


def to_ox(term: Node) -> Term:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    return ox.BlankNode(str(term))


# --------------------------------------------------------------------------- the data, as the engine reads it

_NONE: dict = {}
_NO_TERMS: list = []


class Index:
    """Triples as dictionaries: subject -> predicate -> objects, and the inverse for chosen predicates."""

    def __init__(self, triples: Iterable[tuple[Term, Term, Term]], inverse: frozenset[Term] = frozenset()):
        spo: dict[Term, dict[Term, list[Term]]] = {}
        pos: dict[Term, dict[Term, list[Term]]] = {}
        for s, p, o in triples:
            objects = spo.setdefault(s, {}).setdefault(p, [])
            if o not in objects:
                objects.append(o)
                if p in inverse:
                    pos.setdefault(p, {}).setdefault(o, []).append(s)
        self.spo = spo
        self.pos = pos

    def objects(self, s: Term, p: Term) -> list[Term]:
        return self.spo.get(s, _NONE).get(p, _NO_TERMS)

    def subjects(self, p: Term, o: Term) -> list[Term]:
        return self.pos.get(p, _NONE).get(o, _NO_TERMS)


class View:
    """What a validation sees: an index of base triples (registry, vocabulary) and one of a release on top.

    Values are read as from one graph, the union of both. ``select`` runs a SPARQL SELECT on
    the same union (for SHACL-SPARQL), with variables pre-bound.
    """

    def __init__(self, base: Index, top: Index | None, superclasses: dict[Term, frozenset[Term]],
                 select: Callable[[str, dict[str, Term]], list[dict[str, Term]]]):
        self.base, self.top = base, top
        self.superclasses = superclasses
        self.select = select
        self.memo: dict[tuple[int, Term], tuple[bool, list]] = {}  # value-shape results, within this view

    def objects(self, s: Term, p: Term) -> list[Term]:
        found = self.base.spo.get(s)
        found = found.get(p, _NO_TERMS) if found is not None else _NO_TERMS
        top = self.top
        if top is not None:
            more = top.spo.get(s)
            if more is not None:
                more = more.get(p)
                if more:
                    return list(dict.fromkeys([*found, *more])) if found else more
        return found

    def subjects(self, p: Term, o: Term) -> list[Term]:
        found = self.base.subjects(p, o)
        if self.top is not None:
            more = self.top.subjects(p, o)
            if more:
                return list(dict.fromkeys([*found, *more])) if found else more
        return found

    def types(self, s: Term) -> list[Term]:
        return self.objects(s, RDF_TYPE)

    def is_instance(self, node: Term, cls: Term) -> bool:
        return any(t == cls or cls in self.superclasses.get(t, ()) for t in self.types(node))

    def touches(self, reads: frozenset[tuple]) -> bool:
        """Whether the release on top says anything about what an evaluation read (see :class:`_Recording`)."""
        top = self.top
        if top is None:
            return False
        for read in reads:
            if read[0] is None:
                if read[1] in top.spo:
                    return True
            elif read[1] in top.pos.get(read[0], _NONE):
                return True
        return False


class _Recording(View):
    """A view of the base alone that notes every node it was asked about: ``(None, s)`` for the
    values of s, ``(p, o)`` for the subjects with value o of p. A value shape's result on a base
    node is the same for any release that says nothing about the nodes so read."""

    def __init__(self, view: View):
        super().__init__(view.base, None, view.superclasses, view.select)
        self.reads: set[tuple] = set()

    def objects(self, s: Term, p: Term) -> list[Term]:
        self.reads.add((None, s))
        return self.base.objects(s, p)

    def subjects(self, p: Term, o: Term) -> list[Term]:
        self.reads.add((p, o))
        return self.base.subjects(p, o)


def superclass_closure(subclass_pairs: Iterable[tuple[Term, Term]]) -> dict[Term, frozenset[Term]]:
    """Class -> every class it is rdfs:subClassOf, transitively, itself included (as pyshacl follows them)."""
    parents: dict[Term, set[Term]] = {}
    for sub, sup in subclass_pairs:
        parents.setdefault(sub, set()).add(sup)
    closure: dict[Term, frozenset[Term]] = {}

    def up(cls: Term, seen: set[Term]) -> frozenset[Term]:
        if cls in closure:
            return closure[cls]
        found = {cls}
        for parent in parents.get(cls, ()):
            if parent not in seen:
                found |= up(parent, seen | {cls})
        closure[cls] = frozenset(found)
        return closure[cls]

    for cls in list(parents):
        up(cls, set())
    return closure


# --------------------------------------------------------------------------- results

@dataclass(frozen=True)
class Result:
    """One sh:ValidationResult, with rdflib terms: what pyshacl would have written."""

    focus: Node
    path: Node | None
    value: Node | None
    severity: URIRef
    shape: Node
    component: URIRef
    messages: tuple[str, ...]
    source_constraint: Node | None = None
    details: tuple[Result, ...] = ()


def add_result(graph: Graph, result: Result, path_triples: Callable[[Node], Iterable[tuple]]) -> BNode:
    """Write a result (and its sh:detail results) into a results graph, as pyshacl does."""
    node = BNode()
    graph.add((node, RDF.type, SH.ValidationResult))
    graph.add((node, SH.sourceConstraintComponent, result.component))
    graph.add((node, SH.sourceShape, result.shape))
    graph.add((node, SH.resultSeverity, result.severity))
    graph.add((node, SH.focusNode, result.focus))
    if result.value is not None:
        graph.add((node, SH.value, result.value))
    if result.path is not None:
        graph.add((node, SH.resultPath, result.path))
        for triple in path_triples(result.path):
            graph.add(triple)
    if result.source_constraint is not None:
        graph.add((node, SH.sourceConstraint, result.source_constraint))
    for message in result.messages:
        graph.add((node, SH.resultMessage, Literal(message)))
    for detail in result.details:
        graph.add((node, SH.detail, add_result(graph, detail, path_triples)))
    return node


# --------------------------------------------------------------------------- compiled shapes

@dataclass(frozen=True)
class PathSpec:
    predicate: Term
    inverse: bool
    node: Node  # the path as the shapes graph has it (an IRI, or the blank node of [sh:inversePath p])


@dataclass
class SparqlSpec:
    node: Node
    query: str
    messages: tuple[Literal, ...]


@dataclass(eq=False)
class Shape:
    node: Node
    path: PathSpec | None
    severity: URIRef
    messages: tuple[Literal, ...]
    checks: list[Check] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    sparql: list[SparqlSpec] = field(default_factory=list)
    targets: list[Term] = field(default_factory=list)
    soft: bool = False  # a Warning or Info shape: with pyshacl's allow_warnings its results do not break conformance
    uses_sparql: bool = True  # whether evaluating it may run SPARQL (itself or a shape it uses): set by compile

    @property
    def is_property(self) -> bool:
        return self.path is not None


@dataclass(eq=False)
class Check:
    """One constraint of a shape, ready to run: ``run(validator, shape, focus, values, view)`` -> failing results."""

    parameter: URIRef
    run: Callable[..., list]


@dataclass
class Shapes:
    """Every shape, and for each set of classes the shapes that target its instances."""

    graph: Graph
    shapes: dict[Node, Shape]
    targeted: list[Shape]
    inverse_predicates: frozenset[Term]
    _by_types: dict = field(default_factory=dict, repr=False)

    def shapes_for(self, node_types: list[Term], superclasses: dict[Term, frozenset[Term]]) -> list[Shape]:
        key = (tuple(node_types), id(superclasses))
        found = self._by_types.get(key)
        if found is None:
            classes: set[Term] = set()
            for t in node_types:
                classes |= superclasses.get(t, {t})
            found = [s for s in self.targeted if any(c in classes for c in s.targets)]
            if len(self._by_types) > 4096:
                self._by_types.clear()
            self._by_types[key] = found
        return found


def compile_shapes(graph: Graph) -> Shapes:
    """Read a shapes graph into :class:`Shape` objects; :class:`Unsupported` if it needs more than this engine has."""
    shapes: dict[Node, Shape] = {}
    needs_messages: set[Node] = set()

    def compile_one(node: Node) -> Shape:
        if node in shapes:
            return shapes[node]
        for p in set(graph.predicates(node, None)):
            if str(p).startswith(str(SH)) and p not in _CONSTRAINTS and p not in _ANCILLARY:
                raise Unsupported(f"{node.n3()} uses {p.n3()}")
        if (node, SH.deactivated, Literal(True)) in graph or (node, RDF.type, RDFS.Class) in graph \
                or (node, RDF.type, OWL.Class) in graph:
            raise Unsupported(f"{node.n3()} is deactivated or an implicit class target")
        if (node, SH.qualifiedValueShapesDisjoint, Literal(True)) in graph:
            raise Unsupported(f"{node.n3()} uses disjoint qualified value shapes")
        path = _path(graph, graph.value(node, SH.path)) if (node, SH.path, None) in graph else None
        severity = graph.value(node, SH.severity) or SH.Violation
        shape = Shape(node, path, severity, tuple(sorted(graph.objects(node, SH.message))),
                      soft=severity in (SH.Warning, SH.Info))
        shapes[node] = shape
        for parameter in sorted(_CONSTRAINTS - {SH.sparql}):
            for value in sorted(graph.objects(node, parameter)):
                shape.checks.append(Check(parameter, _make_check(graph, node, parameter, value, compile_one)))
        for prop in sorted(graph.objects(node, SH.property)):
            shape.properties.append(compile_one(prop))
        for constraint in sorted(graph.objects(node, SH.sparql)):
            shape.sparql.append(_sparql(graph, constraint))
        shape.targets = [to_ox(c) for c in sorted(graph.objects(node, SH.targetClass))]
        for target_kind in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
            if (node, target_kind, None) in graph:
                raise Unsupported(f"{node.n3()} uses {target_kind.n3()}")
        return shape

    targeted = []
    for node in sorted(set(graph.subjects(SH.targetClass, None))):
        targeted.append(compile_one(node))
    for node in sorted(set(graph.subjects(RDF.type, SH.NodeShape)) | set(graph.subjects(RDF.type, SH.PropertyShape))):
        compile_one(node)

    # results surface from targeted shapes, their property shapes and sh:node shapes: each needs a message
    def reach(shape: Shape) -> None:
        if shape.node in needs_messages:
            return
        needs_messages.add(shape.node)
        for prop in shape.properties:
            reach(prop)
        for check in shape.checks:
            if check.parameter == SH.node:
                reach(check.run.target)  # type: ignore[attr-defined]
    for shape in targeted:
        reach(shape)
    for node in needs_messages:
        shape = shapes[node]
        if shape.checks and not shape.messages:
            raise Unsupported(f"{node.n3()} has constraints but no sh:message (pyshacl would make one up)")
        if any(not (s.messages or shape.messages) for s in shape.sparql):
            raise Unsupported(f"{node.n3()} has a SPARQL constraint without sh:message")
    inverse = frozenset(s.path.predicate for s in shapes.values() if s.path is not None and s.path.inverse)

    def sparql_in(shape: Shape, seen: set[int]) -> bool:
        if id(shape) in seen:
            return False
        seen.add(id(shape))
        nested = [prop for prop in shape.properties] + [getattr(c.run, "target", None) for c in shape.checks] \
            + [getattr(c.run, "inner", None) for c in shape.checks]
        return bool(shape.sparql) or any(sparql_in(n, seen) for n in nested if n is not None)
    for shape in shapes.values():
        shape.uses_sparql = sparql_in(shape, set())
    return Shapes(graph, shapes, targeted, inverse)


def _path(graph: Graph, node: Node) -> PathSpec:
    if isinstance(node, URIRef):
        return PathSpec(to_ox(node), False, node)
    inverse = graph.value(node, SH.inversePath)
    if isinstance(inverse, URIRef) and len(set(graph.predicate_objects(node))) == 1:
        return PathSpec(to_ox(inverse), True, node)
    raise Unsupported(f"a path other than an IRI or an inverse IRI: {node.n3()}")


def _each_value(parameter: URIRef, ok: Callable[[Term, View], bool]) -> Callable[..., list]:
    """A check that reports every value node ``ok`` refuses, with the value as sh:value."""
    component = _COMPONENT[parameter]

    def run(validator, shape, focus, values, view):
        return [validator.result(shape, component, focus, v) for v in values if not ok(v, view)]
    return run


def _make_check(graph: Graph, shape: Node, parameter: URIRef, value: Node, compile_one) -> Callable[..., list]:
    """The function that evaluates one constraint, as pyshacl's constraint component of the same name does."""
    component = _COMPONENT.get(parameter)
    if parameter in (SH.minCount, SH.maxCount):
        bound, at_least = int(value), parameter == SH.minCount

        def count(validator, shape, focus, values, view):
            bad = len(values) < bound if at_least else len(values) > bound
            return [validator.result(shape, component, focus)] if bad else []
        return count
    if parameter == SH.uniqueLang:
        if not (isinstance(value, Literal) and value.toPython() is True):
            return lambda *args: []

        def unique(validator, shape, focus, values, view):
            seen, duplicated = set(), []
            for v in values:
                if isinstance(v, ox.Literal) and v.language:
                    lang = v.language.lower()
                    if lang in seen and lang not in duplicated:
                        duplicated.append(lang)
                    seen.add(lang)
            return [validator.result(shape, component, focus) for _lang in duplicated]
        return unique
    if parameter == SH.hasValue:
        def has(validator, shape, focus, values, view):
            return [] if any(_same(v, value) for v in values) else [validator.result(shape, component, focus)]
        return has
    if parameter == SH.qualifiedValueShape:
        inner = compile_one(value)
        if inner.is_property:
            raise Unsupported(f"{value.n3()} is used as a node shape but has a path")
        low, high = graph.value(shape, SH.qualifiedMinCount), graph.value(shape, SH.qualifiedMaxCount)
        low, high = (int(low) if low is not None else None), (int(high) if high is not None else None)

        def qualified(validator, shape, focus, values, view):
            count = sum(1 for v in values if validator.evaluate_value(inner, v, view)[0])
            out = []
            if high is not None and count > high:
                out.append(validator.result(shape, SH.QualifiedMaxCountConstraintComponent, focus))
            if low is not None and count < low:
                out.append(validator.result(shape, SH.QualifiedMinCountConstraintComponent, focus))
            return out
        qualified.inner = inner  # type: ignore[attr-defined]
        return qualified
    if parameter == SH.node:
        target = compile_one(value)
        if target.is_property:
            raise Unsupported(f"{value.n3()} is used as a node shape but has a path")

        def node(validator, shape, focus, values, view):
            out = []
            for v in values:
                conforms, nested = validator.evaluate_value(target, v, view)
                if not conforms or nested:
                    out.append(validator.result(shape, component, focus, v, tuple(nested)))
            return out
        node.target = target  # type: ignore[attr-defined]
        return node
    if parameter == SH.lessThan:
        other = to_ox(value)

        def less(validator, shape, focus, values, view):
            return _less_than(validator, shape, focus, values, view.objects(focus, other))
        return less
    if parameter == SH.datatype:
        rule = str(value)
        return _each_value(parameter, lambda v, view: _datatype_ok(rule, v))
    if parameter == SH["class"]:
        cls = to_ox(value)
        return _each_value(parameter, lambda v, view: not isinstance(v, ox.Literal) and view.is_instance(v, cls))
    if parameter == SH.nodeKind:
        kinds = _NODE_KINDS.get(value)
        if kinds is None:
            raise Unsupported(f"sh:nodeKind {value.n3()}")
        return _each_value(parameter, lambda v, view: isinstance(v, kinds))
    if parameter == SH.pattern:
        flags = 0
        for letter in str(graph.value(shape, SH.flags) or ""):
            if letter not in _FLAGS:
                raise Unsupported(f"regular-expression flag {letter!r}")
            flags |= _FLAGS[letter]
        regex = re.compile(str(value), flags)
        return _each_value(parameter, lambda v, view: not isinstance(v, ox.BlankNode)
                           and regex.search(_string_of(v)) is not None)
    if parameter == SH.minLength:
        least = int(value)
        return _each_value(parameter, lambda v, view: least == 0 or (not isinstance(v, ox.BlankNode)
                                                                     and len(_string_of(v)) >= least))
    if parameter == SH.languageIn:
        languages = frozenset(str(v).lower() for v in Collection(graph, value))
        return _each_value(parameter, lambda v, view: _language_in(languages, v))
    if parameter == SH["in"]:
        allowed = list(Collection(graph, value))
        iris = {str(a) for a in allowed if isinstance(a, URIRef)}
        others = [a for a in allowed if not isinstance(a, URIRef)]
        return _each_value(parameter, lambda v, view: (isinstance(v, ox.NamedNode) and v.value in iris)
                           or any(_same(v, a) for a in others))
    if parameter == SH.minInclusive:
        return _each_value(parameter, lambda v, view: _min_inclusive(value, v))
    raise Unsupported(f"{parameter.n3()}")


def _sparql(graph: Graph, node: Node) -> SparqlSpec:
    select = graph.value(node, SH.select)
    if select is None or (node, SH.deactivated, Literal(True)) in graph:
        raise Unsupported(f"{node.n3()}: only sh:select SPARQL constraints")
    if re.search(r"[$?](PATH|shapesGraph|currentShape|failure)\b", str(select)):
        raise Unsupported(f"{node.n3()}: $PATH, $shapesGraph, $currentShape and ?failure are not evaluated here")
    prefixes = []
    for source in graph.objects(node, SH.prefixes):
        for declaration in graph.objects(source, SH.declare):
            prefixes.append(f"PREFIX {graph.value(declaration, SH.prefix)}: <{graph.value(declaration, SH.namespace)}>")
    query = "\n".join(sorted(prefixes) + [str(select)])
    return SparqlSpec(node, query, tuple(sorted(graph.objects(node, SH.message))))


# --------------------------------------------------------------------------- evaluation

class Validator:
    """Evaluate compiled shapes on a :class:`View`."""

    def __init__(self, shapes: Shapes, base_superclasses: dict | None = None):
        self.shapes = shapes
        self.graph = shapes.graph
        self.base_superclasses = base_superclasses  # the closure of the base: base_memo holds for views using it
        self.base_memo: dict[tuple[int, Term], tuple[tuple[bool, list], frozenset]] = {}

    # ---------------------------------------------------------------- targets
    def validate(self, view: View, candidates: Iterable[Term] | None = None) -> list[Result]:
        """Results of every targeted shape on its focus nodes (all of them, or those among ``candidates``)."""
        results: list[Result] = []
        for shape, focus in self.focus_nodes(view, candidates):
            results.extend(self.evaluate(shape, focus, view)[1])
        return results

    def focus_nodes(self, view: View, candidates: Iterable[Term] | None) -> Iterator[tuple[Shape, Term]]:
        if candidates is None:
            candidates = _typed_subjects(view)
        for node in candidates:
            types = view.types(node)
            if types:
                for shape in self.shapes.shapes_for(types, view.superclasses):
                    yield shape, node

    # ---------------------------------------------------------------- one shape on one focus node
    def evaluate(self, shape: Shape, focus: Term, view: View) -> tuple[bool, list[Result]]:
        """(conforms, results) of ``shape`` on ``focus``, as pyshacl's Shape.validate gives them.

        A property shape with no property shapes or SPARQL of its own (almost all of them) is
        evaluated inline rather than by a call of its own: this loop runs some 600 times a release.
        """
        path = shape.path
        if path is None:
            values = [focus]
        elif path.inverse:
            values = view.subjects(path.predicate, focus)
        else:
            values = view.objects(focus, path.predicate)
        results: list[Result] = []
        conforms = self._checks(shape, focus, values, view, results)
        for prop in shape.properties:
            if prop.properties or prop.sparql:
                prop_conforms, found = self.evaluate(prop, focus, view)
                if found:
                    results.extend(found)
                conforms = conforms and prop_conforms
                continue
            prop_path = prop.path
            prop_values = (view.subjects(prop_path.predicate, focus) if prop_path.inverse
                           else view.objects(focus, prop_path.predicate))
            conforms = self._checks(prop, focus, prop_values, view, results) and conforms
        for spec in shape.sparql:
            found = self._sparql(shape, spec, focus, view)
            if found:
                results.extend(found)
                if not shape.soft:
                    conforms = False
        return conforms, results

    def _checks(self, shape: Shape, focus: Term, values: list[Term], view: View, results: list[Result]) -> bool:
        """Run a shape's core constraints on the value nodes; add what fails to ``results``; whether it conforms."""
        conforms = True
        for check in shape.checks:
            found = check.run(self, shape, focus, values, view)
            if found:
                results.extend(found)
                if not shape.soft:
                    conforms = False
        return conforms

    def evaluate_value(self, shape: Shape, node: Term, view: View) -> tuple[bool, list[Result]]:
        """:meth:`evaluate` for a value shape (sh:node, sh:qualifiedValueShape).

        The same values recur (a state that takes part and speaks; the same roles, topics and
        agents in release after release), so results are kept: within a view, and across views
        for base nodes, evaluated on the base alone with what they read noted, and reused while
        the release on top says nothing about any of it (and adds no subclass axioms).
        """
        key = (id(shape), node)
        found = view.memo.get(key)
        if found is not None:
            return found
        if view.superclasses is self.base_superclasses and not shape.uses_sparql:
            kept = self.base_memo.get(key)
            if kept is None:
                recording = _Recording(view)
                result = self.evaluate(shape, node, recording)
                kept = self.base_memo[key] = (result, frozenset(recording.reads))
            if isinstance(view, _Recording):
                view.reads |= kept[1]  # an enclosing recording read all this too
                return kept[0]
            if not view.touches(kept[1]):
                view.memo[key] = kept[0]
                return kept[0]
        found = view.memo[key] = self.evaluate(shape, node, view)
        return found

    def result(self, shape: Shape, component: URIRef, focus: Term, value: Term | None = None,
               details: tuple[Result, ...] = ()) -> Result:
        return Result(to_rdflib(focus), shape.path.node if shape.path else None,
                      to_rdflib(value) if value is not None else None, shape.severity, shape.node,
                      component, tuple(str(m) for m in shape.messages), details=details)

    def _sparql(self, shape: Shape, spec: SparqlSpec, focus: Term, view: View) -> list[Result]:
        rows = view.select(spec.query, {"this": focus})
        violations: list[tuple] = []
        for row in rows:
            bound = dict(row)
            p, v, t = bound.pop("path", None), bound.pop("value", None), bound.pop("this", None)
            if p is None and v is None and t is None:
                continue
            key = (t, p, v, tuple(sorted(bound.items(), key=lambda kv: kv[0])))
            if key not in violations:
                violations.append(key)
        out = []
        for t, p, v, others in violations:
            if v is None and not shape.is_property:
                v = focus
            substitutions = dict(others)
            for name, term in (("this", t), ("path", p), ("value", v)):
                if term is not None:
                    substitutions[name] = term
            messages = {_fill(str(m), substitutions) for m in (*shape.messages, *spec.messages)}
            path = to_rdflib(p) if p is not None else (shape.path.node if shape.path else None)
            out.append(Result(to_rdflib(t if t is not None else focus), path, to_rdflib(v) if v is not None else None,
                              shape.severity, shape.node, SH.SPARQLConstraintComponent, tuple(sorted(messages)),
                              spec.node))
        return out


def _less_than(validator: Validator, shape: Shape, focus: Term, values: list[Term], others: list[Term]) -> list[Result]:
    out = []
    for value in dict.fromkeys(values):
        left, left_text = _comparable(value)
        left_int = _plain_int(value)
        for other in dict.fromkeys(others):
            right, right_text = _comparable(other)
            right_int = _plain_int(other) if left_int is not None else None
            if left_text != right_text:
                failed = True
            elif right_int is not None:
                failed = not left_int < right_int  # both integers: as rdflib compares them, faster
            else:
                try:
                    failed = not left < right
                except TypeError:
                    failed = True
            if failed:
                out.append(validator.result(shape, SH.LessThanConstraintComponent, focus, value))
    return out


def _typed_subjects(view: View) -> list[Term]:
    subjects = [s for s, predicates in view.base.spo.items() if RDF_TYPE in predicates]
    if view.top is not None:
        subjects += [s for s, predicates in view.top.spo.items() if RDF_TYPE in predicates and s not in view.base.spo]
    return subjects


def _fill(message: str, substitutions: dict[str, Term]) -> str:
    """An sh:message with {?var} and {$var} replaced by the bound values (as pyshacl words them)."""
    for name, term in substitutions.items():
        text = term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)
        message = re.sub(r"\{[?$]" + re.escape(name) + r"\}", lambda _m, text=text: text, message)
    return message


def _same(value: Term, expected: Node) -> bool:
    if isinstance(expected, Literal):
        return isinstance(value, ox.Literal) and to_rdflib(value) == expected
    return isinstance(value, ox.NamedNode) and value.value == str(expected)


def _string_of(v: Term) -> str:
    """The string a SHACL string constraint reads, as pyshacl's value_node_to_string has it."""
    if isinstance(v, ox.Literal):
        literal = to_rdflib(v)
        if literal.value is not None and literal.datatype in (None, RDF.langString, XSD.string):
            return str(literal.value)
        return str(literal)
    return v.value


@lru_cache(maxsize=1 << 16)
def _comparable(v: Term) -> tuple[object, bool]:
    """(value, is_text) as pyshacl's sh:lessThan compares them (a plain int where rdflib's value is one:
    rdflib compares integer literals by value, and a Python int compares faster than a Literal)."""
    if isinstance(v, ox.BlankNode):
        raise Unsupported("sh:lessThan on a blank node")
    if isinstance(v, ox.NamedNode):
        return v.value, True
    literal = to_rdflib(v)
    if isinstance(literal.value, str):
        return literal.value, True
    return literal, False


@lru_cache(maxsize=1 << 16)
def _plain_int(v: Term) -> int | None:
    """The int of an integer literal that rdflib reads as one, else None."""
    if not isinstance(v, ox.Literal):
        return None
    value = to_rdflib(v).value
    return value if type(value) is int else None


_NODE_KINDS = {
    SH.IRI: ox.NamedNode, SH.Literal: ox.Literal, SH.BlankNode: ox.BlankNode,
    SH.IRIOrLiteral: (ox.NamedNode, ox.Literal), SH.BlankNodeOrIRI: (ox.BlankNode, ox.NamedNode),
    SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal),
}


def _actual_types() -> dict[URIRef, type | tuple]:
    import datetime as dt
    from decimal import Decimal

    return {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
            XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: dt.date, XSD.time: dt.time, XSD.dateTime: dt.datetime}


_ACTUAL = _actual_types()


@lru_cache(maxsize=1 << 16)
def _datatype_ok(rule_iri: str, v: Term) -> bool:
    """pyshacl's sh:datatype: the literal's datatype, well-formed (rdflib's ill_typed), and its value of that type.
    (Cached by the rule's IRI as a str: an rdflib URIRef in the key would compare in Python on every hit.)"""
    if not isinstance(v, ox.Literal):
        return False
    rule = URIRef(rule_iri)
    literal = to_rdflib(v)
    datatype, lang = literal.datatype, literal.language
    if datatype == rule:
        if getattr(literal, "ill_typed", None) is True:
            return False
    elif rule == RDFS.Literal or (rule == RDFS.Datatype and datatype):
        return True
    elif not ((datatype is None and lang is None and rule == XSD.string) or (rule == RDF.langString and lang)):
        return False
    expected = _ACTUAL.get(rule)
    return expected is None or isinstance(literal.value, expected)


def _language_in(languages: frozenset[str], v: Term) -> bool:
    if not isinstance(v, ox.Literal) or not v.language:
        return False
    lang = v.language.lower()
    return "*" in languages or lang in languages or lang.split("-")[0] in languages


def _min_inclusive(rule: Literal, v: Term) -> bool:
    """pyshacl's sh:minInclusive (its compare_literal); two plain integers compare as ints, which is
    what rdflib's comparison of two integer literals comes to."""
    from pyshacl.rdfutil.compare import compare_literal

    if not isinstance(v, ox.Literal):
        return False
    value = _plain_int(v)
    if value is not None and type(rule.value) is int:
        return value >= rule.value
    literal = to_rdflib(v)
    if isinstance(rule.value, str) != isinstance(literal.value, str):
        return False
    try:
        return compare_literal(literal, rule) >= 0
    except (TypeError, NotImplementedError):
        return False


# --------------------------------------------------------------------------- a whole graph at once

def store_select(store: ox.Store, default_graph: list | None = None) -> Callable[[str, dict[str, Term]], list[dict[str, Term]]]:
    """A ``select`` for :class:`View`: SPARQL on an Oxigraph store, variables pre-bound, unbound ones left out."""
    def select(query: str, bindings: dict[str, Term]) -> list[dict[str, Term]]:
        kwargs = {"default_graph": default_graph} if default_graph is not None else {}
        solutions = store.query(query, substitutions={ox.Variable(k): v for k, v in bindings.items()}, **kwargs)
        names = [v.value for v in solutions.variables]
        rows = []
        for solution in solutions:
            rows.append({name: solution[name] for name in names if solution[name] is not None})
        return rows
    return select


def whole_graph_view(triples: list[tuple[Term, Term, Term]], shapes: Shapes) -> View:
    """A view of one graph with every node a candidate focus node (as pyshacl validates a graph)."""
    store = ox.Store()
    store.extend(ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in triples)
    index = Index(triples, shapes.inverse_predicates)
    closure = superclass_closure((s, o) for s, p, o in triples if p == SUBCLASS_OF)
    return View(index, None, closure, store_select(store))
