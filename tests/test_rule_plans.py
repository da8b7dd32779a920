"""The derivation rules evaluated in Python (migkg.schema.rule_plans) give exactly the triples Oxigraph's
CONSTRUCT gives: on the shipped rules over synthetic releases, and on small rules that exercise what a
CONSTRUCT leaves out (unbound variables, a literal subject, a predicate that is no IRI). A rule the plans
do not cover runs on Oxigraph, with the same answer as before."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from migkg import synthetic
from migkg.build.jobs import find_releases, read_inputs
from migkg.build.toolkit import Toolkit
from migkg.build.workbench import Workbench
from migkg.cards.registry import load_registry
from migkg.schema.rule_plans import Facts, plan_of
from migkg.schema.rules import Rule, Scratch

EX = "http://example.org/"
FACTS = ox.NamedNode("urn:test:facts")
VOCABULARY = ox.NamedNode("urn:test:vocabulary")


def n(name: str) -> ox.NamedNode:
    return ox.NamedNode(EX + name)


def by_oxigraph(rule: str, facts: list, vocabulary: list = ()) -> set:
    store = ox.Store()
    store.extend(ox.Quad(s, p, o, FACTS) for s, p, o in facts)
    store.extend(ox.Quad(s, p, o, VOCABULARY) for s, p, o in vocabulary)
    answer = store.query(rule, default_graph=[FACTS, VOCABULARY])
    return {(t.subject, t.predicate, t.object) for t in answer}


def by_plan(rule: str, facts: list, vocabulary: list = ()) -> set:
    plan = plan_of(rule)
    assert plan is not None, "the rule should be evaluated in Python"
    return set(plan.construct((Facts(facts, plan.predicates), Facts(vocabulary, plan.predicates))))


FACT_TRIPLES = [
    (n("a1"), n("type"), n("Adoption")), (n("a1"), n("document"), n("d1")), (n("a1"), n("party"), n("s1")),
    (n("a1"), n("party"), n("s2")), (n("a2"), n("type"), n("Adoption")), (n("a2"), n("document"), n("d2")),
    (n("a3"), n("type"), n("Adoption")),  # no document: no solution
    (n("x"), n("says"), ox.Literal("words")), (n("x"), n("about"), n("x")), (n("y"), n("about"), n("z")),
    (n("t1"), n("subject"), n("e1")), (n("t1"), n("predicate"), n("meetingOf")), (n("t1"), n("object"), n("p1")),
    (n("t2"), n("subject"), n("e2")), (n("t2"), n("predicate"), ox.Literal("not an IRI")), (n("t2"), n("object"), n("p2")),
    (n("r1"), n("role"), n("chair")),
]
VOCABULARY_TRIPLES = [(n("chair"), n("shortcut"), n("chairs"))]

RULES = {
    "optional, unbound in some solutions": f"""CONSTRUCT {{ ?d <{EX}adoptedIn> ?a . ?p <{EX}adopted> ?d }}
        WHERE {{ ?a <{EX}type> <{EX}Adoption> ; <{EX}document> ?d . OPTIONAL {{ ?a <{EX}party> ?p }} }}""",
    "a literal would be the subject": f"CONSTRUCT {{ ?o <{EX}said-by> ?s }} WHERE {{ ?s <{EX}says> ?o }}",
    "a variable predicate bound to a literal": f"""CONSTRUCT {{ ?s ?p ?o }}
        WHERE {{ ?t <{EX}subject> ?s ; <{EX}predicate> ?p ; <{EX}object> ?o }}""",
    "union": f"""CONSTRUCT {{ ?x <{EX}mentions> ?y }}
        WHERE {{ {{ ?x <{EX}about> ?y }} UNION {{ ?y <{EX}document> ?x }} }}""",
    "one variable twice in a pattern": f"CONSTRUCT {{ ?x <{EX}self> ?x }} WHERE {{ ?x <{EX}about> ?x }}",
    "joined with the vocabulary": f"""CONSTRUCT {{ ?r ?shortcut <{EX}process> }}
        WHERE {{ ?r <{EX}role> ?role . ?role <{EX}shortcut> ?shortcut }}""",
    "a constant subject and object": f"CONSTRUCT {{ <{EX}a1> <{EX}is> <{EX}adoption> }} WHERE {{ <{EX}a1> <{EX}type> <{EX}Adoption> }}",
    "groups joined": f"""CONSTRUCT {{ ?a <{EX}with> ?p }}
        WHERE {{ {{ ?a <{EX}document> ?d }} {{ ?a <{EX}party> ?p }} }}""",
    "nothing matches": f"CONSTRUCT {{ ?s <{EX}x> ?o }} WHERE {{ ?s <{EX}absent> ?o }}",
}


@pytest.mark.parametrize("name", sorted(RULES))
def test_a_planned_rule_gives_exactly_oxigraphs_triples(name: str):
    rule = RULES[name]
    expected = by_oxigraph(rule, FACT_TRIPLES, VOCABULARY_TRIPLES)
    assert by_plan(rule, FACT_TRIPLES, VOCABULARY_TRIPLES) == expected
    if name == "optional, unbound in some solutions":  # a2 has no party: its adoptedIn stays, no `adopted`
        assert (n("d2"), n("adoptedIn"), n("a2")) in expected
        assert {t for t in expected if t[1] == n("adopted")} == {(n("s1"), n("adopted"), n("d1")),
                                                                (n("s2"), n("adopted"), n("d1"))}
    if name == "a variable predicate bound to a literal":
        assert expected == {(n("e1"), n("meetingOf"), n("p1"))}
    if name == "a literal would be the subject":
        assert expected == set()


UNPLANNED = {
    "a filter": f"CONSTRUCT {{ ?s <{EX}x> ?o }} WHERE {{ ?s <{EX}about> ?o FILTER(?s != ?o) }}",
    "a property path": f"CONSTRUCT {{ ?s <{EX}x> ?o }} WHERE {{ ?s <{EX}about>/<{EX}about> ?o }}",
    "a variable predicate in the pattern": f"CONSTRUCT {{ ?s <{EX}x> ?o }} WHERE {{ ?s ?p ?o }}",
    "a blank node in the template": f"CONSTRUCT {{ ?s <{EX}x> [ <{EX}y> ?o ] }} WHERE {{ ?s <{EX}about> ?o }}",
    "a bind": f"CONSTRUCT {{ ?s <{EX}x> ?z }} WHERE {{ ?s <{EX}about> ?o BIND(?o AS ?z) }}",
    "a literal in a pattern": f"CONSTRUCT {{ ?s <{EX}x> <{EX}y> }} WHERE {{ ?s <{EX}says> \"words\" }}",
}


@pytest.mark.parametrize("name", sorted(UNPLANNED))
def test_a_rule_the_plans_do_not_cover_runs_on_oxigraph_with_the_same_answer(name: str, tmp_path: Path):
    rule = UNPLANNED[name]
    assert plan_of(rule) is None
    planned = Rule(tmp_path / "planned.rq", RULES["union"])
    scratch = Scratch(VOCABULARY_TRIPLES, [], [planned], VOCABULARY_TRIPLES)
    scratch.load(FACTS, [ox.Quad(s, p, o, FACTS) for s, p, o in FACT_TRIPLES])
    derived = scratch.derive([planned, Rule(tmp_path / "unplanned.rq", rule)], FACTS, FACT_TRIPLES)
    expected = by_oxigraph(RULES["union"], FACT_TRIPLES) | by_oxigraph(rule, FACT_TRIPLES, VOCABULARY_TRIPLES)
    assert len(derived) == len(expected) > len(by_oxigraph(RULES["union"], FACT_TRIPLES))  # the rule derived something
    if "blank node" not in name:  # (its blank nodes are new in every answer)
        assert set(derived) == expected


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    # 12 releases: every shipped rule derives something on them (the test asserts it), most of them many times
    return synthetic.generate(tmp_path_factory.mktemp("plans") / "data", 12, seed=3)


def test_the_shipped_rules_are_planned_and_derive_what_oxigraph_derives_on_synthetic_releases(corpus: Path):
    toolkit = Toolkit.load()
    assert all(rule.plan is not None for rule in toolkit.rules), "a shipped rule fell back to Oxigraph"
    bench = Workbench(toolkit, load_registry(corpus / "registry"))
    derived = dict.fromkeys((rule.path.name for rule in toolkit.rules), 0)
    for folder in find_releases(corpus):
        facts = bench.map(bench.load(folder, *read_inputs(folder)))
        for rule in toolkit.rules:
            expected = by_oxigraph(rule.text, facts, bench.vocabulary_triples)
            assert by_plan(rule.text, facts, bench.vocabulary_triples) == expected, (folder.name, rule.path.name)
            derived[rule.path.name] += len(expected)
    assert sum(derived.values()) > 100
    assert all(derived.values()), f"a rule derived nothing on the corpus, so its plan went untested: {derived}"


def test_a_plan_kept_on_disk_is_the_plan_made_from_the_rule():
    """The plans are kept between runs as JSON (migkg.schema.rules._plan): each shipped rule's plan, and a rule
    with every kind of graph pattern, read back equal, and derive the same triples."""
    import json

    from migkg.schema.rule_plans import plan_as_data, plan_from_data

    texts = [rule.text for rule in Toolkit.load().rules] + [RULES["union"]]
    texts += [text for text in RULES.values() if plan_of(text) is not None]
    for text in texts:
        plan = plan_of(text)
        assert plan is not None
        assert plan_from_data(json.loads(json.dumps(plan_as_data(plan)))) == plan, text
    assert plan_from_data(plan_as_data(None)) is None
    kinds = {node.kind for text in texts for node in _nodes(plan_of(text).where)}  # type: ignore[union-attr]
    assert kinds == {"bgp", "join", "union", "optional"}, "a kind of graph pattern went untested"


def _nodes(node):
    yield node
    for part in (node.left, node.right):
        if part is not None:
            yield from _nodes(part)
