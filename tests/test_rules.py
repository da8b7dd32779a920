"""Which triples the scratch store needs (migkg.schema.rules.needed_triples): those some rule or SPARQL check
can match, read from the queries' triple patterns; anything it cannot bound means 'load every triple'."""
from __future__ import annotations

import pyoxigraph as ox

from migkg.schema.rules import needed_triples

MIG = "https://w3id.org/migkg/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def triple(p: str, o: str = "urn:o") -> tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]:
    return ox.NamedNode("urn:s"), ox.NamedNode(p), ox.NamedNode(o)


def test_predicates_and_typed_patterns_are_kept_and_nothing_else():
    needed = needed_triples([f"CONSTRUCT {{ ?e <{MIG}x> ?o }} WHERE {{ ?e a <{MIG}Event> ; <{MIG}held> ?o }}"])
    assert needed is not None
    assert needed.keeps(triple(f"{MIG}held"))
    assert needed.keeps((ox.NamedNode("urn:s"), RDF_TYPE, ox.NamedNode(f"{MIG}Event")))
    assert not needed.keeps((ox.NamedNode("urn:s"), RDF_TYPE, ox.NamedNode(f"{MIG}Person")))
    assert not needed.keeps(triple(f"{MIG}other"))


def test_an_inverse_path_keeps_its_predicate_instead_of_loading_everything():
    """``^p`` matches the triples with predicate p, read backwards: those are needed, and only those (the
    parser's inverse path holds its predicate as ``arg``; reading ``path`` failed, and every triple was loaded)."""
    needed = needed_triples([f"SELECT ?x WHERE {{ ?x ^<{MIG}launchedAt> ?y ; <{MIG}held>/^<{MIG}event> ?z }}"])
    assert needed is not None
    assert needed.keeps(triple(f"{MIG}launchedAt")) and needed.keeps(triple(f"{MIG}event"))
    assert not needed.keeps(triple(f"{MIG}other"))


def test_a_variable_or_negated_predicate_needs_every_triple():
    assert needed_triples(["SELECT * WHERE { ?s ?p ?o }"]) is None
    assert needed_triples([f"SELECT * WHERE {{ ?s !<{MIG}held> ?o }}"]) is None


def test_the_remembered_needs_leave_out_the_rules_evaluated_in_python_and_read_back_the_same():
    from pathlib import Path

    from migkg.build.toolkit import remembered_needed_triples
    from migkg.schema.rules import Rule

    planned = Rule(Path("planned.rq"), f"CONSTRUCT {{ ?e <{MIG}x> ?o }} WHERE {{ ?e <{MIG}planned> ?o }}")
    unplanned = Rule(Path("unplanned.rq"),
                     f"CONSTRUCT {{ ?e <{MIG}x> ?o }} WHERE {{ ?e <{MIG}unplanned> ?o FILTER (isIRI(?o)) }}")
    check = f"SELECT $this WHERE {{ $this <{MIG}checked> ?o }}"
    first = remembered_needed_triples([planned, unplanned], [check])
    assert first is not None
    assert first.predicates == {ox.NamedNode(f"{MIG}{name}") for name in ("unplanned", "checked")}
    assert remembered_needed_triples([planned, unplanned], [check]) == first  # from the on-disk cache
    # the same texts, one moved from the rules to the checks: another key, another answer
    assert remembered_needed_triples([unplanned], [planned.text, check]).predicates == \
        {ox.NamedNode(f"{MIG}{name}") for name in ("planned", "unplanned", "checked")}
