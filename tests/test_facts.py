"""The declarations of the kinds of card entries (``migkg.cards.facts``) agree with the models,
reach every fact of a card, and drive the mapping: each kind declared once, checked here."""
from __future__ import annotations

import doctest
import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from migkg.cards import facts as facts_module
from migkg.cards.facts import FACT_KINDS, KIND_NAMED, MATCHINGS, children, iri_path, walk
from migkg.cards.models import Card, Fact
from migkg.cards.yamlfile import read_text, read_yaml_text
from migkg.mapping import iris as iris_module
from migkg.mapping.release import MAPPINGS

ROOT = Path(__file__).resolve().parents[1]
SEED_CARD = ROOT / "data" / "releases" / "2013-06-05-unhcr-iom-almaty-ministerial" / "card.yaml"


@pytest.fixture(scope="module")
def card() -> Card:
    return Card.model_validate(read_yaml_text(read_text(SEED_CARD), SEED_CARD).data)


def _models_in(annotation: object) -> list[type[BaseModel]]:
    """The pydantic models an annotation holds (through lists, optionals and Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _model_at(path: str) -> type[BaseModel]:
    """The pydantic model the card's own annotations give at a declared path."""
    model: type[BaseModel] = Card
    for step in path.split("."):
        [model] = _models_in(model.model_fields[step.removesuffix("[]")].annotation)
    return model


@pytest.mark.parametrize("kind", FACT_KINDS, ids=lambda k: k.name)
def test_each_declaration_names_the_model_the_card_has_there(kind):
    assert _model_at(kind.path) is kind.model


@pytest.mark.parametrize("kind", FACT_KINDS, ids=lambda k: k.name)
def test_each_named_field_and_key_field_is_a_field_of_its_model(kind):
    for names in kind.names:
        assert names.field in kind.model.model_fields
        assert [names.registry is not None, names.event, names.vocabulary is not None].count(True) == 1
    parent = next((k for k in FACT_KINDS if k.path == kind.parent), None)
    for caret, field in re.findall(r"\{(\^?)(\w+)\}", kind.iri or ""):
        if caret:
            assert parent is not None and field in parent.model.model_fields
        else:
            assert field == "release" or field in kind.model.model_fields


def test_names_and_paths_are_unique_and_every_kind_is_mapped():
    assert len({k.name for k in FACT_KINDS}) == len(FACT_KINDS) == len({k.path for k in FACT_KINDS})
    assert set(MAPPINGS) == set(KIND_NAMED)
    assert {m.kind for m in MATCHINGS} <= set(KIND_NAMED)


def _facts_in(node: object, path: tuple) -> set[tuple]:
    """Every Fact of a card found by a generic walk over the models, not through the declarations."""
    found = set()
    if isinstance(node, Fact):
        found.add(path)
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            found |= _facts_in(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found |= _facts_in(item, (*path, index))
    return found


def test_the_walk_reaches_every_fact_of_the_seed_once_in_card_order(card):
    entries = list(walk(card))
    paths = [e.path for e in entries]
    assert len(paths) == len(set(paths))
    assert {e.path for e in entries if isinstance(e.value, Fact)} == _facts_in(card, ())
    assert paths[0] == ("release",)
    tops = [p[0] for p in paths]
    assert tops == sorted(tops, key=["release", "places", "events", "posts_held", "processes", "documents", "statements",
                                     "claims", "groupings"].index)


def test_fact_iris_are_unique_in_the_seed_and_hang_under_the_release(card):
    made = [iri_path(e) for e in walk(card)]
    made = [m for m in made if m is not None]
    assert len(made) == len(set(made))
    rid = card.release.id
    assert all(m.startswith((f"release/{rid}", "event/")) for m in made)


def test_an_entry_inside_another_uses_its_id():
    participation = KIND_NAMED["participation"]
    assert participation in children(KIND_NAMED["event"])
    assert participation.iri.endswith("participation/{^id}--{role}--{agent}")


@pytest.mark.parametrize("module", [facts_module, iris_module])
def test_the_module_examples_run(module):
    outcome = doctest.testmod(module)
    assert outcome.attempted > 0 and outcome.failed == 0
