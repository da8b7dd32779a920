"""The compiler: a shapes graph -> :class:`~.model.Shapes` (targets, paths, constraints), or ``Unsupported``.

Each shape's parameters are looked up in the component table (:mod:`.registry`, filled by
:mod:`.components`); a parameter in the sh: namespace that nothing claims, a path other than an IRI
or an inverse IRI, a SPARQL-based target or a custom (SPARQL-defined) constraint component make
the whole shapes graph ``Unsupported``, and the caller validates with pyshacl instead.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Identifier, Node

import migkg.validation.shacl.components  # noqa: F401 (registers the constraint components)
from migkg.mapping.terms import to_ox
from migkg.validation.shacl.model import CheckPlan, NativeSparql, PathSpec, Shape, Shapes, Targets
from migkg.validation.shacl.registry import COMPILERS, SECONDARY, Parameter
from migkg.validation.shacl.sparql import compile_sparql
from migkg.validation.shacl.terms import Unsupported, rdflib_order

#: sh: terms a shape may carry that are no constraint of their own (structure, targets, wording)
STRUCTURE = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.property, SH.path,
             SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.declare, SH.prefixes,
             SH.select, SH.defaultValue, SH.deactivated, SH.sparql}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def compile_shapes(graph: Graph, require_messages: bool = True,
                   natives: Mapping[Node, NativeSparql] | None = None) -> Shapes:
    """Read a shapes graph into :class:`Shape` objects; :class:`Unsupported` if it needs more than this engine has.

    ``require_messages``: decline a shape whose results would carry no sh:message (pyshacl makes one
    up, which this engine does not imitate); the build needs that, a check that ignores messages not.
    ``natives``: SHACL-SPARQL constraints answered in Python, by constraint node (:class:`NativeSparql`).
    """
    shapes: dict[Node, Shape] = {}
    custom = {graph.value(p, SH.path) for p in graph.objects(None, SH.parameter)}  # of SPARQL-defined components

    def compile_one(node: Node) -> Shape:
        if node in shapes:
            return shapes[node]
        if (node, SH.deactivated, Literal(True)) in graph:
            shapes[node] = Shape(node, None, SH.Violation, (), deactivated=True)
            return shapes[node]
        for p in set(graph.predicates(node, None)):
            if str(p).startswith(str(SH)) and p not in COMPILERS and p not in SECONDARY and p not in STRUCTURE:
                raise Unsupported(f"{node.n3()} uses {p.n3()}")
            if p in custom:
                raise Unsupported(f"{node.n3()} uses {p.n3()}, a parameter of a SPARQL-defined constraint component")
        if (node, RDF.type, OWL.Class) in graph:
            raise Unsupported(f"{node.n3()} is an owl:Class (an implicit class target)")
        path_node = graph.value(node, SH.path)
        path = compile_path(graph, path_node) if path_node is not None else None
        severity = cast(URIRef, graph.value(node, SH.severity) or SH.Violation)
        shape = Shape(node, path, severity, _literals(rdflib_order(graph.objects(node, SH.message))),
                      soft=severity in (SH.Warning, SH.Info))
        shapes[node] = shape
        for name in sorted(COMPILERS):
            component, compiler = COMPILERS[name]
            for value in rdflib_order(graph.objects(node, name)):
                shape.checks.append(compiler(Parameter(graph, node, name, value, component, compile_one)))
        for prop in rdflib_order(graph.objects(node, SH.property)):
            compiled = compile_one(prop)
            if not (compiled.is_property or compiled.deactivated):
                raise Unsupported(f"{node.n3()}: sh:property {prop.n3()} has no sh:path")
            shape.properties.append(compiled)
        for constraint in rdflib_order(graph.objects(node, SH.sparql)):
            shape.sparql.append(compile_sparql(graph, constraint, natives))
        classes: list[Node] = list(rdflib_order(graph.objects(node, SH.targetClass)))
        if (node, RDF.type, RDFS.Class) in graph and (
                (node, RDF.type, SH.NodeShape) in graph or (node, RDF.type, SH.PropertyShape) in graph):
            classes.append(node)  # an implicit class target (SHACL 2.1.3.3)
        shape.targets = [to_ox(c) for c in classes]
        shape.other_targets = Targets(
            (), tuple(to_ox(n) for n in rdflib_order(graph.objects(node, SH.targetNode))),
            tuple(to_ox(p) for p in rdflib_order(graph.objects(node, SH.targetSubjectsOf))),
            tuple(to_ox(p) for p in rdflib_order(graph.objects(node, SH.targetObjectsOf))))
        return shape

    for node in rdflib_order({s for t in _TARGETS for s in graph.subjects(t, None)}
                             | set(graph.subjects(RDF.type, SH.NodeShape)) | set(graph.subjects(RDF.type, SH.PropertyShape))):
        compile_one(node)
    if (None, SH.target, None) in graph:
        raise Unsupported("sh:target (SPARQL-based targets)")
    in_order = [shapes[node] for node in rdflib_order(shapes)]
    targeted = [s for s in in_order if s.targets]
    by_node = [s for s in in_order if s.other_targets.by_node()]
    if require_messages:
        _require_messages(shapes, targeted + by_node)
    inverse = frozenset(s.path.predicate for s in shapes.values() if s.path is not None and s.path.inverse) \
        | {p for s in by_node for p in s.other_targets.objects_of}
    for shape in shapes.values():
        shape.uses_sparql = _uses_sparql(shape, set())
        shape.check_plan = CheckPlan.of(shape.checks)
    return Shapes(graph, shapes, targeted, frozenset(inverse), by_node)


def _literals(nodes: list[Identifier]) -> tuple[Literal, ...]:
    return tuple(n for n in nodes if isinstance(n, Literal))


def compile_path(graph: Graph, node: Node) -> PathSpec:
    """An IRI path or an inverse IRI path (SHACL 2.3.1.1 and .4); other paths are ``Unsupported``."""
    if isinstance(node, URIRef):
        return PathSpec(to_ox(node), False, node)
    inverse = graph.value(node, SH.inversePath)
    if isinstance(inverse, URIRef) and len(set(graph.predicate_objects(node))) == 1:
        return PathSpec(to_ox(inverse), True, node)
    raise Unsupported(f"a path other than an IRI or an inverse IRI: {node.n3()}")


def _require_messages(shapes: dict[Node, Shape], targeted: list[Shape]) -> None:
    """Results surface from targeted shapes, their property shapes and sh:node shapes: each needs a message."""
    reached: set[Node] = set()

    def reach(shape: Shape) -> None:
        if shape.node in reached:
            return
        reached.add(shape.node)
        for prop in shape.properties:
            reach(prop)
        for check in shape.checks:
            if check.reports_nested:
                for nested in check.nested:
                    reach(nested)
    for shape in targeted:
        reach(shape)
    for node in reached:
        shape = shapes[node]
        if shape.checks and not shape.messages:
            raise Unsupported(f"{node.n3()} has constraints but no sh:message (pyshacl would make one up)")
        if any(not (s.messages or shape.messages) for s in shape.sparql):
            raise Unsupported(f"{node.n3()} has a SPARQL constraint without sh:message")


def _uses_sparql(shape: Shape, seen: set[int]) -> bool:
    """Whether evaluating ``shape`` may run SPARQL (itself, or a shape it evaluates)."""
    if id(shape) in seen:
        return False
    seen.add(id(shape))
    nested = [*shape.properties, *(n for check in shape.checks for n in check.nested)]
    return bool(shape.sparql) or any(_uses_sparql(n, seen) for n in nested)
