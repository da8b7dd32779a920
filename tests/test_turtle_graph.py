"""`migkg.schema.turtle.turtle_graph`: the ontology's files, parsed by pyoxigraph, as the rdflib graph rdflib's parser makes."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from migkg.errors import InputError
from migkg.schema.resources import ontology_dir
from migkg.schema.turtle import turtle_graph


@pytest.mark.parametrize("name", sorted(path.name for path in ontology_dir().glob("*.ttl")))
def test_each_ontology_file_gives_the_graph_and_the_prefixes_rdflib_gives(name):
    path = ontology_dir() / name
    ours, theirs = turtle_graph([path]), Graph().parse(path, format="turtle")
    assert len(ours) == len(theirs) and isomorphic(ours, theirs)
    assert dict(ours.namespaces()) == dict(theirs.namespaces())


def test_several_files_are_one_graph():
    paths = sorted(ontology_dir().glob("*.ttl"))
    assert len(turtle_graph(paths)) == sum(len(turtle_graph([path])) for path in paths)


def test_a_file_that_is_not_turtle_is_an_error_at_its_line(tmp_path: Path):
    bad = tmp_path / "shapes.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "no end .\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        turtle_graph([bad])
    assert caught.value.location.file == bad and caught.value.location.line == 3
    assert "not valid Turtle" in caught.value.problem
