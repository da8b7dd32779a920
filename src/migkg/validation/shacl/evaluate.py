"""The evaluator: compiled shapes on a :class:`~.index.View` -> :class:`~.results.Result` records."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import URIRef

from migkg.mapping.terms import Term, to_rdflib
from migkg.validation.shacl.index import Read, Recording, View, graph_view, typed_subjects
from migkg.validation.shacl.model import Check, Shape, Shapes
from migkg.validation.shacl.results import Result
from migkg.validation.shacl.sparql import evaluate_sparql


class Validator:
    """Evaluate compiled shapes on a :class:`View`."""

    def __init__(self, shapes: Shapes, base_superclasses: dict[Term, frozenset[Term]] | None = None) -> None:
        self.shapes = shapes
        self.graph = shapes.graph
        self.base_superclasses = base_superclasses  # the closure of the base: base_memo holds for views using it
        self.base_memo: dict[tuple[int, Term], tuple[tuple[bool, list[Result]], frozenset[Read]]] = {}

    # ---------------------------------------------------------------- targets
    def validate(self, view: View, candidates: Iterable[Term] | None = None) -> list[Result]:
        """Results of every targeted shape on its focus nodes (all of them, or those among ``candidates``)."""
        results: list[Result] = []
        for shape, focus in self.focus_nodes(view, candidates):
            results.extend(self.evaluate(shape, focus, view)[1])
        return results

    def focus_nodes(self, view: View, candidates: Iterable[Term] | None) -> Iterator[tuple[Shape, Term]]:
        """(shape, focus node) for each target (SHACL 2.1.3): by class, then by node, subjects or objects."""
        by_node = self.shapes.by_node
        if candidates is None:
            candidates = typed_subjects(view)
            if by_node:
                candidates = list(dict.fromkeys([*candidates, *self._node_targeted(view)]))
        for node in candidates:
            types = view.types(node)
            by_class = self.shapes.shapes_for(types, view.superclasses) if types else []
            for shape in by_class:
                yield shape, node
            if by_node:
                for shape in by_node:
                    if shape not in by_class and self._targets(shape, node, view):
                        yield shape, node

    def _node_targeted(self, view: View) -> list[Term]:
        """Every node some non-class target may select in the whole view."""
        found: list[Term] = []
        for index in (view.base, view.top):
            if index is None:
                continue
            for shape in self.shapes.by_node:
                found += shape.other_targets.nodes
                found += [s for s, values in index.spo.items() if any(p in values for p in shape.other_targets.subjects_of)]
                for p in shape.other_targets.objects_of:
                    found += list(index.inverse(p))
        return found

    @staticmethod
    def _targets(shape: Shape, node: Term, view: View) -> bool:
        targets = shape.other_targets
        return node in targets.nodes or any(view.objects(node, p) for p in targets.subjects_of) \
            or any(view.subjects(p, node) for p in targets.objects_of)

    # ---------------------------------------------------------------- one shape on one focus node
    def evaluate(self, shape: Shape, focus: Term, view: View) -> tuple[bool, list[Result]]:
        """(conforms, results) of ``shape`` on ``focus``, as pyshacl's Shape.validate gives them.

        A property shape with no property shapes or SPARQL of its own (almost all of them) is
        evaluated inline rather than by a call of its own: this loop runs some 600 times a release.
        """
        if shape.deactivated:
            return True, []
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
            if path is not None:  # a property shape's property shapes: on each of its value nodes (SHACL 4.7.2)
                for value in values:
                    prop_conforms, found = self.evaluate(prop, value, view)
                    results.extend(found)
                    conforms = conforms and prop_conforms
                continue
            if prop.properties or prop.sparql or prop.deactivated:
                prop_conforms, found = self.evaluate(prop, focus, view)
                if found:
                    results.extend(found)
                conforms = conforms and prop_conforms
                continue
            prop_path = prop.path
            if prop_path is None:  # not so: the compiler makes every value of sh:property a property shape
                continue
            prop_values = (view.subjects(prop_path.predicate, focus) if prop_path.inverse
                           else view.objects(focus, prop_path.predicate))
            conforms = self._checks(prop, focus, prop_values, view, results) and conforms
        for spec in shape.sparql:
            found = evaluate_sparql(shape, spec, focus, view)
            if found:
                results.extend(found)
                if not shape.soft:
                    conforms = False
        return conforms, results

    def _checks(self, shape: Shape, focus: Term, values: list[Term], view: View, results: list[Result]) -> bool:
        """Run a shape's core constraints on the value nodes; add what fails to ``results``; whether it conforms."""
        conforms = True
        plan = shape.check_plan
        if plan is None:
            checks: list[Check] | tuple[Check, ...] = shape.checks
        elif plan.least <= len(values) <= plan.most:
            checks = plan.counted if values else plan.counted_on_none
        else:
            checks = plan.every if values else plan.every_on_none
        for check in checks:
            found = check.run(self, shape, focus, values, view)
            if found:
                results.extend(found)
                if not shape.soft:
                    conforms = False
        return conforms

    def evaluate_value(self, shape: Shape, node: Term, view: View) -> tuple[bool, list[Result]]:
        """:meth:`evaluate` for a value shape (sh:node, sh:qualifiedValueShape, the logical components).

        The same values recur (a state that takes part and speaks; the same roles, topics and
        agents in release after release), so results are kept: within a view, and across views
        for base nodes, evaluated on the base alone with what they read noted, and reused while
        the release on top says nothing about any of it (and adds no subclass axioms). A node that only the
        release describes (a fact of its own, checked by migsh:FactShape's sh:or) is evaluated on the view
        alone: its result on the base alone would be of a node with no triples, discarded at once and kept
        for nothing (at 10,000 releases, hundreds of megabytes per worker).
        """
        key = (id(shape), node)
        found = view.memo.get(key)
        if found is not None:
            return found
        top = view.top
        if view.superclasses is self.base_superclasses and not shape.uses_sparql \
                and (top is None or node not in top.spo or node in view.base.spo):
            kept = self.base_memo.get(key)
            if kept is None:
                recording = Recording(view)
                result = self.evaluate(shape, node, recording)
                kept = self.base_memo[key] = (result, frozenset(recording.reads))
            if isinstance(view, Recording):
                view.reads |= kept[1]  # an enclosing recording read all this too
                return kept[0]
            if not view.touches(kept[1]):
                view.memo[key] = kept[0]
                return kept[0]
        found = view.memo[key] = self.evaluate(shape, node, view)
        return found

    def result(self, shape: Shape, component: URIRef, focus: Term, value: Term | None = None,
               details: tuple[Result, ...] = ()) -> Result:
        """A result of ``shape`` on ``focus``: its path, severity and messages, with ``value`` if given."""
        return Result(to_rdflib(focus), shape.path.node if shape.path else None,
                      to_rdflib(value) if value is not None else None, shape.severity, shape.node,
                      component, tuple(str(m) for m in shape.messages), details=details)


def whole_graph_view(triples: list[tuple[Term, Term, Term]], shapes: Shapes) -> View:
    """A view of one graph with every node a candidate focus node (as pyshacl validates a graph)."""
    return graph_view(triples, shapes.inverse_predicates)
