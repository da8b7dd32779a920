"""The one converter between rdflib and pyoxigraph terms (``migkg.mapping.terms``)."""
from __future__ import annotations

import doctest

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from migkg.errors import MigkgError
from migkg.mapping import terms
from migkg.mapping.terms import ground, to_ox, to_rdflib


@pytest.mark.parametrize(("rdflib_term", "ox_term"), [
    (URIRef("https://w3id.org/migkg/place/almaty"), ox.NamedNode("https://w3id.org/migkg/place/almaty")),
    (Literal("Алматы", lang="ru"), ox.Literal("Алматы", language="ru")),
    (Literal("2013-06-05", datatype=XSD.date), ox.Literal("2013-06-05", datatype=ox.NamedNode(str(XSD.date)))),
    (Literal("plain"), ox.Literal("plain")),
    (Literal("plain", datatype=XSD.string), ox.Literal("plain")),
    (BNode("path1"), ox.BlankNode("path1")),
])
def test_to_ox_keeps_language_datatype_and_blank_node_ids(rdflib_term, ox_term):
    assert to_ox(rdflib_term) == ox_term


@pytest.mark.parametrize("rdflib_term", [
    URIRef("https://w3id.org/migkg/event/x"), Literal("ru words", lang="ru"), Literal("7", datatype=XSD.nonNegativeInteger),
    Literal("plain"), BNode("b0"),
])
def test_round_trip_gives_the_term_rdflib_makes(rdflib_term):
    assert to_rdflib(to_ox(rdflib_term)) == rdflib_term


def test_an_xsd_string_literal_comes_back_plain_as_rdflib_parses_it():
    parsed = next(iter(Graph().parse(data='<urn:s> <urn:p> "x" .', format="nt")))[2]
    assert to_rdflib(ox.Literal("x", datatype=terms.XSD_STRING)) == parsed


def test_one_blank_node_stays_one_node():
    node = BNode()
    assert to_ox(node) == to_ox(node)
    assert to_ox(node) != to_ox(BNode())


def test_what_is_not_a_term_is_refused_by_name():
    from rdflib.term import Variable
    with pytest.raises(MigkgError, match="cannot convert"):
        to_ox(Variable("x"))


def test_ground_refuses_a_blank_node_in_the_data():
    assert ground(ox.NamedNode("urn:x")) == ox.NamedNode("urn:x")
    with pytest.raises(MigkgError, match="blank node"):
        ground(ox.BlankNode("b"))


def test_the_module_examples_run():
    outcome = doctest.testmod(terms)
    assert outcome.attempted > 0 and outcome.failed == 0
