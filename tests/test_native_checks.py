"""The SHACL-SPARQL checks answered in Python (migkg.validation.native_checks) give the rows Oxigraph gives.

Each check is run both ways on generated graphs (hypothesis): the query of ontology/shapes.ttl on
Oxigraph, and its Python answer on the engine's view of the same triples. Where the Python answer
declines (None), the engine runs the SPARQL; the tests check that it declines only on values outside
what the build writes, and that a build with the answers in Python needs no SPARQL store at all.
The shape cases (tests/test_scale_shacl.py) hold the compiled engine, with these answers, to pyshacl.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from migkg.build.jobs import find_releases, read_inputs
from migkg.build.toolkit import Toolkit
from migkg.build.workbench import Workbench
from migkg.cards.registry import registry_files, registry_from_files
from migkg.mapping.prefixes import SHAPES_NAMESPACE
from migkg.mapping.terms import Term
from migkg.validation import native_checks as native
from migkg.validation.shacl import compile_shapes
from migkg.validation.shacl.index import graph_view
from migkg.validation.shacl.sparql import compile_sparql, query_sha256

ROOT = Path(__file__).resolve().parents[1]
SHAPES = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
SPANS = URIRef(SHAPES_NAMESPACE + "Context-spans")
COUNTS = URIRef(SHAPES_NAMESPACE + "CountClaim-listed")
XSD = "http://www.w3.org/2001/XMLSchema#"
NON_NEGATIVE = ox.NamedNode(XSD + "nonNegativeInteger")
XSD_NON_NEGATIVE = URIRef(XSD + "nonNegativeInteger")

TEXT, RELEASE = ox.NamedNode("urn:t:text"), ox.NamedNode("urn:t:release")
OTHER_TEXT = ox.NamedNode("urn:t:other-text")


def as_oxigraph_stores(term: Term) -> Term:
    """A term as an Oxigraph store gives it back: a literal of a type derived from xsd:integer comes back an
    xsd:integer in canonical form (``"07"^^xsd:nonNegativeInteger`` as ``7``). The Python answers keep the data's
    own terms, as pyshacl does; the two are compared as values."""
    if not isinstance(term, ox.Literal):
        return term
    store = ox.Store()
    store.add(ox.Quad(TEXT, native.IS_STRING, term))
    return next(iter(store)).object


#: the variables whose values the queries take from the data (the others they compute: ?found, ?length, ...)
FROM_THE_DATA = {"this", "value", "anchor", "begin", "end", "subject", "role"}


def both_ways(triples: list[tuple[Term, Term, Term]], constraint: URIRef, focus: Term) -> tuple[set | None, set]:
    """(the Python answer's rows, or None where it declines; Oxigraph's rows), each as a set of rows as Oxigraph
    stores their values: where the data states two literals of one value (an xsd:integer 1 and an
    xsd:nonNegativeInteger 1), the store holds one, and SPARQL's GROUP BY makes one group of them; the engine
    makes one result of equal rows either way."""
    view = graph_view(triples, frozenset())
    query = compile_sparql(SHAPES, constraint).query
    by_python = native.NATIVE_CHECKS[constraint].rows(view, {"this": focus})
    by_sparql = view.select(query, {"this": focus})

    def rows(found: list[dict[str, Term]]) -> set:
        # only the values taken from the data are compared as values; those the query computes, as terms
        return {frozenset((k, as_oxigraph_stores(v) if k in FROM_THE_DATA else v) for k, v in row.items())
                for row in found}
    return (rows(by_python) if by_python is not None else None), rows(by_sparql)


def assert_same_answer(graph: tuple[list[tuple[Term, Term, Term]], bool], constraint: URIRef, focus: Term) -> None:
    """The Python answer is Oxigraph's wherever it answers, and it answers wherever the values are as built."""
    triples, as_built = graph
    by_python, by_sparql = both_ways(triples, constraint, focus)
    if as_built:
        assert by_python is not None, "declined on values the build writes"
    if by_python is not None:
        assert by_python == by_sparql


def test_every_sparql_check_of_the_shipped_shapes_is_answered_in_python():
    """A change to a query in shapes.ttl makes the build run it as SPARQL (slower, still right): this test says so,
    with the digest to set once the Python answer is brought in line with the new query and tested here."""
    compiled = Toolkit.load().compiled
    assert compiled is not None
    specs = [spec for shape in compiled.shapes.values() if not shape.deactivated for spec in shape.sparql]
    assert {spec.node for spec in specs} == {SPANS, COUNTS}
    for spec in specs:
        assert spec.native is not None, (
            f"{spec.node} changed: bring migkg.validation.native_checks in line with its query, then set its digest "
            f"to {query_sha256(spec.query)}")


def test_an_edited_query_is_run_as_sparql_not_answered_by_the_python_written_for_the_old_one():
    edited = Graph()
    for triple in SHAPES:
        edited.add(triple)
    select = str(edited.value(SPANS, SH.select))
    edited.set((SPANS, SH.select, Literal(select.replace("?found != ?anchor", "?found != STR(?anchor)"))))
    specs = {spec.node: spec for shape in compile_shapes(edited, natives=native.NATIVE_CHECKS).shapes.values()
             for spec in shape.sparql}
    assert specs[SPANS].native is None and specs[COUNTS].native is not None


# ----------------------------------------------------------------------------- spans quote their text
def integer_literal(value: int, form: str) -> ox.Literal:
    """An offset or a count as the build writes it (``nonNegativeInteger``), or in a form the build never writes."""
    return {
        "nonNegativeInteger": lambda: ox.Literal(str(value), datatype=NON_NEGATIVE),
        "integer": lambda: ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer")),
        "leading zero": lambda: ox.Literal(f"0{value}", datatype=NON_NEGATIVE),
        "plus sign": lambda: ox.Literal(f"+{value}", datatype=ox.NamedNode(XSD + "integer")),
        "decimal": lambda: ox.Literal(f"{value}.0", datatype=ox.NamedNode(XSD + "decimal")),
        "string": lambda: ox.Literal(str(value)),
        "ill-typed": lambda: ox.Literal("x", datatype=NON_NEGATIVE),
    }[form]()


AS_BUILT = ("nonNegativeInteger",)
#: integers at and past Oxigraph's largest (a signed 64-bit integer, where begin + 1 overflows)
HUGE = [2**63 - 2, 2**63 - 1, 2**63, 10**20]
INTEGER_FORMS = st.sampled_from(["nonNegativeInteger"] * 6 + ["integer", "leading zero", "plus sign", "decimal",
                                                               "string", "ill-typed"])
#: code points of one and two UTF-16 units and a combining mark: SPARQL and Python both count code points
WORDS = st.text(alphabet="ab Яё\u0301\n\U0001d11e", max_size=10)


@st.composite
def span_graphs(draw) -> tuple[list[tuple[Term, Term, Term]], bool]:
    """A release text and spans of it (right, shifted, past its end, with two anchors...); whether every value
    is of a form the build writes."""
    odd = draw(st.integers(0, 3)) == 0  # a quarter of the graphs have values of forms the build never writes
    forms = INTEGER_FORMS if odd else st.just("nonNegativeInteger")
    text = draw(WORDS)
    text_form = draw(st.sampled_from(["plain"] * 8 + ["language", "integer"])) if odd else "plain"
    text_term = {"plain": ox.Literal(text), "language": ox.Literal(text, language="ru"),
                 "integer": ox.Literal("7", datatype=ox.NamedNode(XSD + "integer"))}[text_form]
    triples: list[tuple[Term, Term, Term]] = [(TEXT, native.IS_STRING, text_term)]
    as_built = text_form == "plain"
    for number in range(draw(st.integers(0, 4))):
        span = ox.NamedNode(f"urn:t:span{number}")
        begin = draw(st.integers(0, len(text) + 2) | st.sampled_from(HUGE) if odd else st.integers(0, len(text) + 2))
        end = draw(st.integers(0, len(text) + 3) | st.sampled_from(HUGE) if odd else st.integers(0, len(text) + 3))
        quoted = draw(st.sampled_from(["exact", "exact", "other", "other language"] if odd else ["exact", "other"]))
        words = text[begin:end] if quoted.startswith("exact") else draw(WORDS)
        anchors = [ox.Literal(words, language="en") if quoted == "other language" else ox.Literal(words)]
        if draw(st.booleans()) and draw(st.booleans()):
            anchors.append(ox.Literal(draw(WORDS)))  # a second anchor: SPARQL joins both
        begin_form, end_form = draw(forms), draw(forms)
        as_built = as_built and begin_form in AS_BUILT and end_form in AS_BUILT and quoted != "other language" \
            and max(begin, end) < 2**63 - 2
        context = TEXT if draw(st.integers(0, 5)) else OTHER_TEXT
        triples += [(span, native.REFERENCE_CONTEXT, context),
                    (span, native.BEGIN_INDEX, integer_literal(begin, begin_form)),
                    (span, native.END_INDEX, integer_literal(end, end_form))]
        triples += [(span, native.ANCHOR_OF, anchor) for anchor in anchors]
    return triples, as_built


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(span_graphs())
def test_spans_answered_in_python_as_oxigraph_answers(graph):
    assert_same_answer(graph, SPANS, TEXT)


def test_a_span_that_does_not_quote_its_text_is_reported_with_what_the_text_reads():
    text = "Алматинский процесс \U0001d11e начат"
    span = ox.NamedNode("urn:t:span")
    triples = [(TEXT, native.IS_STRING, ox.Literal(text)), (span, native.REFERENCE_CONTEXT, TEXT),
               (span, native.ANCHOR_OF, ox.Literal("процесс")), (span, native.BEGIN_INDEX, integer_literal(20, "nonNegativeInteger")),
               (span, native.END_INDEX, integer_literal(27, "nonNegativeInteger"))]
    by_python, by_sparql = both_ways(triples, SPANS, TEXT)
    assert by_python == by_sparql
    [row] = list(by_python or ())
    assert dict(row)["found"] == ox.Literal("\U0001d11e начат"), "code points, as SPARQL counts, not UTF-16 units"
    assert dict(row)["length"] == ox.Literal(str(len(text)), datatype=native.XSD_INTEGER)


# ----------------------------------------------------------------------------- a stated count against the list
EVENTS = [ox.NamedNode(f"urn:t:event{i}") for i in range(2)]
ROLES = [ox.NamedNode(f"urn:t:role{i}") for i in range(2)]
AGENTS = [ox.NamedNode(f"urn:t:agent{i}") for i in range(4)]
CONTEXTS = [TEXT, OTHER_TEXT]
CLAIM = ox.NamedNode("urn:t:claim")


ODD_NOTES = [ox.Literal("1.50", datatype=ox.NamedNode(XSD + "decimal")), ox.Literal("07", datatype=ox.NamedNode(XSD + "integer")),
             ox.Literal("1", datatype=ox.NamedNode(XSD + "boolean")), ox.NamedNode("urn:t:note")]
#: literals of one value in two forms, where the build writes IRIs (agents, contexts): Oxigraph's store holds one
ODD_NODES = [ox.Literal("1", datatype=ox.NamedNode(XSD + "integer")), ox.Literal("01", datatype=ox.NamedNode(XSD + "integer")),
             ox.Literal("1.0", datatype=ox.NamedNode(XSD + "decimal"))]


@st.composite
def count_graphs(draw) -> tuple[list[tuple[Term, Term, Term]], bool]:
    """A count claim and participations: of its event and role or not, of its text or another, typed or not. Most
    graphs have values of the forms the build writes; the others, one kind of value it never writes."""
    odd = draw(st.sampled_from([None, None, None, None, None, "count", "notes", "nodes", "missing", "some",
                                "qualifier"]))
    least = 0 if odd == "missing" else 1  # a claim without a count, an event, a role or evidence
    triples: list[tuple[Term, Term, Term]] = []
    forms = draw(st.lists(INTEGER_FORMS if odd == "count" else st.just("nonNegativeInteger"), min_size=least, max_size=2))
    numbers = st.integers(0, 4) | st.sampled_from(HUGE) if odd == "count" else st.integers(0, 4)
    triples += [(CLAIM, native.CLAIMED_COUNT, integer_literal(draw(numbers), form)) for form in forms]
    triples += [(CLAIM, native.ABOUT, e) for e in draw(st.lists(st.sampled_from(EVENTS), min_size=least, max_size=2))]
    triples += [(CLAIM, native.COUNTED_ROLE, r) for r in draw(st.lists(st.sampled_from(ROLES), min_size=least, max_size=2))]
    plain_notes = [ox.Literal("eight governments, ten states"), ox.Literal("восемь", language="ru")]
    notes = draw(st.lists(st.sampled_from(plain_notes + (ODD_NOTES if odd == "notes" else [])),
                          max_size=2 if odd == "notes" else 1, unique=True))
    triples += [(CLAIM, native.EDITORIAL_NOTE, note) for note in notes]
    # whether the release names only some of those it counts: absent, or true/false as built; else odd forms
    some = [ox.Literal(value, datatype=native.XSD_BOOLEAN) for value in ("true", "false")]
    odd_some = [ox.Literal("1", datatype=native.XSD_BOOLEAN), ox.Literal("0", datatype=native.XSD_BOOLEAN),
                ox.Literal("true"), ox.Literal("yes", datatype=native.XSD_BOOLEAN)]
    flags = draw(st.lists(st.sampled_from(some + (odd_some if odd == "some" else [])),
                          max_size=2 if odd == "some" else 1, unique=True))
    triples += [(CLAIM, native.NAMES_ONLY_SOME, flag) for flag in flags]
    # how the count is qualified ("more than 3"): none, or one of the five as built; else two, a literal, another IRI
    qualifiers = [native.MORE_THAN, native.AT_LEAST, native.FEWER_THAN, native.UP_TO, native.ABOUT_COUNT]
    odd_qualifiers = [ox.Literal("more-than"), ox.NamedNode("urn:t:roughly")]
    chosen = draw(st.lists(st.sampled_from(qualifiers + (odd_qualifiers if odd == "qualifier" else [])),
                           max_size=2 if odd == "qualifier" else 1, unique=True))
    triples += [(CLAIM, native.COUNT_QUALIFIER, qualifier) for qualifier in chosen]
    nodes = st.sampled_from(ODD_NODES) if odd == "nodes" else st.nothing()
    contexts = st.sampled_from(CONTEXTS) | nodes
    spans = 0

    def evidence(node: Term, least: int = 0) -> None:
        nonlocal spans
        for context in draw(st.lists(contexts, min_size=least, max_size=2)):
            span = ox.NamedNode(f"urn:t:span{spans}")
            spans += 1
            triples.extend([(node, native.WAS_DERIVED_FROM, span), (span, native.REFERENCE_CONTEXT, context)])
    evidence(CLAIM, least)
    # the claim's subject may be a process (its members counted by status), the other "event" a process too
    triples += [(subject, native.RDF_TYPE, native.PROCESS) for subject in draw(st.lists(st.sampled_from(EVENTS),
                                                                                            max_size=2, unique=True))]
    for number in range(draw(st.integers(0, 6))):
        participation = ox.NamedNode(f"urn:t:participation{number}")
        # a participation at an event (mig:) or a membership in a process (org:), or now and then one with both
        # kinds of link, or of the other class
        membership = draw(st.sampled_from([False, False, True, True, "mixed"]))
        cls = native.PROCESS_MEMBERSHIP if membership else native.PARTICIPATION
        if draw(st.integers(0, 5)):
            triples.append((participation, native.RDF_TYPE, cls if draw(st.integers(0, 7)) else
                            native.PARTICIPATION if membership else native.PROCESS_MEMBERSHIP))
        links = [(native.ORG_ORGANIZATION, native.ORG_ROLE, native.ORG_MEMBER)] if membership else []
        if membership != True:  # noqa: E712 (False, or "mixed": both kinds of link)
            links.append((native.EVENT, native.ROLE, native.AGENT))
        for to_subject, to_role, to_agent in links:
            triples += [(participation, to_subject, e) for e in draw(st.lists(st.sampled_from(EVENTS), min_size=1, max_size=2))]
            triples += [(participation, to_role, r) for r in draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=2))]
            triples += [(participation, to_agent, a) for a in draw(st.lists(st.sampled_from(AGENTS) | nodes, max_size=2))]
        evidence(participation)
    return triples, odd is None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(count_graphs())
def test_counts_answered_in_python_as_oxigraph_answers(graph):
    assert_same_answer(graph, COUNTS, CLAIM)


# ----------------------------------------------------------------------------- the build needs no SPARQL store
@pytest.fixture(scope="module")
def seed_bench() -> tuple[Toolkit, Workbench, list]:
    toolkit = Toolkit.load()
    data = ROOT / "data"
    bench = Workbench(toolkit, registry_from_files(registry_files(data / "registry"), toolkit.vocabulary.post_types))
    return toolkit, bench, [(folder, *read_inputs(folder)) for folder in find_releases(data)]


def release_quads(bench: Workbench) -> int:
    return sum(1 for quad in bench.scratch.store if str(quad.graph_name).startswith(f"<{bench.iris.base}"))


def test_a_build_with_every_check_answered_in_python_loads_no_release_into_the_sparql_store(seed_bench):
    _toolkit, bench, inputs = seed_bench
    for folder, card, source in inputs:
        built = bench.build(folder, card, source)
        assert bench.staged == {} and release_quads(bench) == 0
        assert "https://w3id.org/migkg/shapes#CountClaim-matches" in {str(r.shape) for r in built.results}


def test_a_check_run_as_sparql_finds_the_release_in_the_store_and_reports_the_same(seed_bench):
    toolkit, with_python, inputs = seed_bench
    as_sparql = dataclasses.replace(toolkit, compiled=compile_shapes(toolkit.shapes))
    bench = Workbench(as_sparql, with_python.registry)
    for folder, card, source in inputs:
        built = bench.build(folder, card, source)
        assert list(bench.staged) == list(bench.graphs(built.release_id)) and release_quads(bench) > 0
        in_python = with_python.build(folder, card, source)
        # what the build reports and publishes; the results themselves differ in one way: Oxigraph's store gives
        # the 8 of an xsd:nonNegativeInteger back as an xsd:integer 8 (see as_oxigraph_stores)
        assert built.issues == in_python.issues and built.issues, "the seed's count warning: compared something"
        assert [c.sides for c in built.conflicts] == [c.sides for c in in_python.conflicts]
        assert [r.value for r in in_python.results] == [Literal("8", datatype=XSD_NON_NEGATIVE)]


def test_a_check_run_as_sparql_reads_the_triples_validated_not_those_of_an_earlier_call(seed_bench):
    """Validated again under the same graph names with other triples (a caller that does not derive first), the
    SPARQL reads the new triples: the store is filled anew, not left with the old ones."""
    toolkit, with_python, inputs = seed_bench
    bench = Workbench(dataclasses.replace(toolkit, compiled=compile_shapes(toolkit.shapes)), with_python.registry)
    folder, card, source = inputs[0]
    release = bench.load(folder, card, source)
    rid = release.card.release.id
    facts = bench.map(release)
    derived = bench.derive(rid, facts)

    def warned(triples: list) -> bool:
        return any(str(r.shape).endswith("#CountClaim-matches") for r in bench.validate(rid, triples, derived))
    ten = ox.Literal("10", datatype=NON_NEGATIVE)  # the seed lists 10 states where it counts 8 governments
    agreeing = [(s, p, ten if p == native.CLAIMED_COUNT else o) for s, p, o in facts]
    assert agreeing != facts
    assert [warned(facts), warned(agreeing), warned(facts)] == [True, False, True]
