"""The compiled shapes leave out the checks that cannot report for a given number of value nodes (a shape's
CheckPlan: with no values, the components that only judge values; with a number every sh:minCount and
sh:maxCount accepts, those counts). What they would report must still be reported, in the same order:
each case is compared with pyshacl and with the same shapes evaluated with every check run."""
from __future__ import annotations

import pytest
from rdflib import Graph

from migkg.mapping.terms import to_ox
from migkg.validation.reports import report_of, validate_graph
from migkg.validation.shacl import Validator, compile_shapes, whole_graph_view
from migkg.validation.shacl.model import CheckPlan

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .

ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property ex:Thing-name , ex:Thing-same , ex:Thing-kind , ex:Thing-tag , ex:Thing-part .
ex:Thing-name a sh:PropertyShape ; sh:path ex:name ;
    sh:minCount 1 ; sh:maxCount 2 ; sh:datatype xsd:string ; sh:minLength 2 ;
    sh:message "one or two names, strings of two characters or more" .
ex:Thing-same a sh:PropertyShape ; sh:path ex:alias ; sh:equals ex:name ;
    sh:message "the aliases are the names" .
ex:Thing-kind a sh:PropertyShape ; sh:path ex:kind ; sh:hasValue ex:Good ;
    sh:message "of the good kind" .
ex:Thing-tag a sh:PropertyShape ; sh:path ex:tag ; sh:maxCount 1 ; sh:class ex:Tag ;
    sh:message "at most one tag, a tag" .
ex:Thing-part a sh:PropertyShape ; sh:path ex:part ;
    sh:qualifiedValueShape [ sh:class ex:Part ] ; sh:qualifiedMinCount 1 ;
    sh:message "a part" .
"""

GOOD = """
@prefix ex: <http://example.org/> .
ex:t a ex:Thing ; ex:name "good" ; ex:alias "good" ; ex:kind ex:Good ; ex:part ex:p .
ex:p a ex:Part .
"""

#: what each case does to the good thing, and the shapes whose results it must give
CASES = {
    "no values at all": ("DELETE WHERE { ex:t ex:name ?n ; ex:alias ?a ; ex:kind ?k ; ex:part ?p }",
                         ["Thing-kind", "Thing-name", "Thing-part"]),
    "no name, an alias": ("DELETE WHERE { ex:t ex:name ?n }", ["Thing-name", "Thing-same"]),
    "a value of the wrong type, the count right": ('INSERT DATA { ex:t ex:name 7 }',  # not a string, too short
                                                   ["Thing-name", "Thing-name", "Thing-same"]),
    "too many values, some wrong": ('INSERT DATA { ex:t ex:name "x", 8 }',
                                    ["Thing-name", "Thing-name", "Thing-name", "Thing-name", "Thing-same", "Thing-same"]),
    "two tags, not tags": ("INSERT DATA { ex:t ex:tag ex:a, ex:b }", ["Thing-tag", "Thing-tag", "Thing-tag"]),
}


def said(report) -> list[tuple]:
    return [(i.severity, i.focus, i.path, i.message, i.shape, i.value) for i in report.issues]


def compiled_report(data: Graph, shapes: Graph, plans: bool) -> list[tuple]:
    compiled = compile_shapes(shapes)
    if not plans:
        for shape in compiled.shapes.values():
            shape.check_plan = None
    view = whole_graph_view([(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in data], compiled)
    results = Validator(compiled).validate(view)
    return said(report_of(results, shapes))


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_checks_left_out_would_have_reported_nothing(name: str):
    update, shapes_reporting = CASES[name]
    shapes = Graph().parse(data=SHAPES, format="turtle")
    data = Graph().parse(data=GOOD, format="turtle")
    assert not said(validate_graph(data, shapes))
    data.update("PREFIX ex: <http://example.org/> " + update)
    by_pyshacl = said(validate_graph(data, shapes))
    assert sorted(shape.removeprefix("ex:") for *_rest, shape, _value in by_pyshacl) == shapes_reporting
    assert compiled_report(data, shapes, plans=True) == by_pyshacl
    assert compiled_report(data, shapes, plans=False) == by_pyshacl


def test_a_plan_leaves_out_what_cannot_report_and_keeps_the_rest():
    shapes = Graph().parse(data=SHAPES, format="turtle")
    compiled = compile_shapes(shapes)
    by_name = {str(node).rsplit("/", 1)[-1]: shape for node, shape in compiled.shapes.items()}
    name = by_name["Thing-name"].check_plan
    assert isinstance(name, CheckPlan) and (name.least, name.most) == (1, 2)
    names = lambda checks: sorted(str(c.parameter).rsplit("#", 1)[-1] for c in checks)  # noqa: E731
    assert names(name.every) == ["datatype", "maxCount", "minCount", "minLength"]
    assert names(name.every_on_none) == ["minCount"]
    assert names(name.counted) == ["datatype", "minLength"] and names(name.counted_on_none) == []
    assert names(by_name["Thing-same"].check_plan.every_on_none) == ["equals"]
    assert names(by_name["Thing-kind"].check_plan.every_on_none) == ["hasValue"]
    assert names(by_name["Thing-part"].check_plan.every_on_none) == ["qualifiedValueShape"]
    assert names(by_name["Thing-tag"].check_plan.counted_on_none) == []
