"""The one YAML reader (migkg.cards.yamlfile): YAML 1.2 core schema data, and the line of any field.

Scalars are checked against the tag resolution of the YAML 1.2.2 core schema (spec section
10.3.2): ``yes``/``no``/``on``/``off`` are text there, ``0o17`` is octal, ``017`` decimal, and
there is no timestamp type, so a date stays text (the models check it, with its field and line).
The seed card is checked whole against ruamel.yaml's YAML 1.2 reader, an independent one.
"""
from __future__ import annotations

import math
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

from migkg.cards.yamlfile import YamlDocument, line_of, parse_model, read_text, read_yaml, read_yaml_text
from migkg.errors import InputError

SEED_CARD = Path("data") / "releases" / "2013-06-05-unhcr-iom-almaty-ministerial" / "card.yaml"
HERE = Path("f.yaml")


def value(text: str):
    """The value of ``a`` in the one-line document ``a: <text>``."""
    return read_yaml_text(f"a: {text}\n", HERE).data["a"]


@pytest.mark.parametrize("text, expected", [
    # booleans: only true/false in three spellings; YAML 1.1's yes/no/on/off/y/n are text
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("False", False), ("FALSE", False),
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("n", "n"), ("Yes", "Yes"),
    # null
    ("~", None), ("null", None), ("Null", None), ("NULL", None), ("", None),
    # integers: decimal (leading zeros too), 0o octal, 0x hexadecimal; no 1.1 octal, binary or sexagesimal
    ("8", 8), ("-12", -12), ("+12", 12), ("017", 17), ("0o17", 15), ("0x1F", 31), ("0", 0),
    ("0b101", "0b101"), ("1_000", "1_000"), ("12:30", "12:30"), ("1:20:30", "1:20:30"),
    # floats
    ("1.5", 1.5), ("1e3", 1000.0), ("-2.5E-1", -0.25), (".5", 0.5), (".inf", math.inf), ("-.Inf", -math.inf),
    # no timestamps in the core schema: dates and times stay as written
    ("2013-06-05", "2013-06-05"), ("2013-06-05T10:00:00Z", "2013-06-05T10:00:00Z"), ("2013-6-5", "2013-6-5"),
    # quoted and explicitly tagged scalars
    ('"8"', "8"), ("'true'", "true"), ("!!str 8", "8"), ('!!int "8"', 8), ("!!float 1", 1.0), ("!!bool true", True),
    # text that looks like something else in other schemas
    ("=", "="), ("<<", "<<"), ("+7 777 779 28 74", "+7 777 779 28 74"), ("P60Y", "P60Y"),
])
def test_plain_scalars_are_read_by_the_yaml_1_2_core_schema(text, expected):
    got = value(text)
    assert got == expected and type(got) is type(expected), (text, got)


def test_not_a_number_is_a_float():
    assert math.isnan(value(".nan")) and math.isnan(value(".NaN"))


def test_the_seed_card_reads_as_ruamels_yaml_1_2_reader_reads_it(repo_root: Path):
    """The same data as ruamel.yaml's safe (YAML 1.2) loader, dates as text (YAML 1.2 has no timestamps)."""
    class DatesAsText(SafeConstructor):
        pass

    DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    reference = YAML(typ="safe", pure=True)
    reference.Constructor = DatesAsText
    text = read_text(repo_root / SEED_CARD)
    assert read_yaml_text(text, repo_root / SEED_CARD).data == reference.load(text)


def test_an_alias_is_its_anchors_value_and_is_located_at_the_anchor():
    text = "first:\n  speakers: &participants [KAZ,\n    KGZ]\nsecond:\n  speakers: *participants\n"
    document = read_yaml_text(text, HERE)
    assert document.data["second"]["speakers"] is document.data["first"]["speakers"]
    assert line_of(document, ("second", "speakers")) == 5
    assert line_of(document, ("second", "speakers", 1)) == 3  # an error inside the anchored list: the anchor's line


def test_line_of_gives_the_key_or_item_line_and_the_deepest_field_found():
    text = ("release:\n"
            "  id: x\n"
            "statements:\n"
            "  - id: a\n"
            "  - id: b\n"
            "    speakers:\n"
            "      - KAZ\n"
            "      - {agent: KGZ, role: participant}\n")
    document = read_yaml_text(text, HERE)
    assert line_of(document, ("release", "id")) == 2
    assert line_of(document, ("statements", 1)) == 5
    assert line_of(document, ("statements", 1, "speakers")) == 6
    assert line_of(document, ("statements", 1, "speakers", 1, "role")) == 8
    assert line_of(document, ("statements", 1, "topics")) == 5  # not there: the entry that should hold it
    assert line_of(document, ("statements", 7)) == 3
    assert line_of(document, ("claims",)) is None
    assert line_of(document, ()) is None


def test_a_document_from_a_file_knows_its_path_and_text(tmp_path: Path):
    path = tmp_path / "card.yaml"
    path.write_text("a: [1, 2]\n", encoding="utf-8")
    document = read_yaml(path)
    assert document == YamlDocument(path, "a: [1, 2]\n", {"a": [1, 2]})
    assert line_of(document, ("a", 1)) == 1
    assert read_yaml_text("", HERE).data is None and line_of(read_yaml_text("", HERE), ("a",)) is None


def test_a_key_given_twice_is_an_error_at_the_second_naming_the_first():
    with pytest.raises(InputError) as raised:
        read_yaml_text("release:\n  id: a\n  title: t\n  id: b\n", HERE)
    assert raised.value.message == ("f.yaml:4: repeats the key 'id' of line 2 in the same mapping. "
                                    "Fix: keep one of the two: a mapping gives each key once.")


@pytest.mark.parametrize("text, line, words", [
    ("a: 1\nb: 'open\nc: 2\n", 2, "the parser gave up at line 4"),  # an unclosed quote: where it opened
    ("a: {b: 1,\n  c: 2\nd: 3\n", 1, "close the quote, } or ]"),  # an unclosed flow mapping: where it opened
    ("a:\n  b: 1\n   c: 2\n", 3, "correct the YAML syntax"),  # bad indentation: the line itself
    ("a: [*missing]\n", 1, "undefined alias"),
    ("a: !custom 1\n", 1, "could not determine a constructor for the tag '!custom'"),
    ("? [a, b]\n: 1\n", 1, "found a list or mapping as a key"),
])
def test_a_syntax_error_is_reported_at_the_line_to_fix(text, line, words):
    with pytest.raises(InputError) as raised:
        read_yaml_text(text, HERE)
    assert raised.value.location.line == line, raised.value.message
    assert "is not valid YAML" in raised.value.message and words in raised.value.message


def test_runaway_nesting_is_an_input_error_not_a_crash():
    for depth in (800, 5000):
        with pytest.raises(InputError) as raised:
            read_yaml_text("a: " + "[" * depth + "]" * depth, HERE)
        assert raised.value.location.file == HERE


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    count: int = 0


class Entries(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entries: list[Entry]


def test_model_errors_name_field_and_line_and_a_merge_key_is_no_merge_in_yaml_1_2():
    text = "base: &base {count: 2}\nentries:\n  - id: a\n  - id: b\n    <<: *base\n  - id: c\n    count: eight\n"
    document = read_yaml_text(text, HERE)
    assert document.data["entries"][1] == {"id": "b", "<<": {"count": 2}}
    with pytest.raises(InputError) as raised:
        parse_model(Entries, document)
    messages = sorted(raised.value.message.splitlines())
    assert len(messages) == 3, messages
    assert messages[0].startswith("f.yaml:1: base: is not a known field.")
    assert messages[1].startswith("f.yaml:5: entries[1].<<: is not a known field. Fix: YAML 1.2 has no merge key")
    assert messages[2] == ("f.yaml:7: entries[2].count: a whole number is expected here (got 'eight'). "
                           "Fix: write a whole number without quotes, e.g. count: 8.")


@pytest.mark.parametrize("text", ["release: " + "[" * 60 + "]" * 60 + "\n",
                                  "a: [[1]]\nb:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 50)) + "c: 1\n",
                                  "x: " + "[" * 45 + "]" * 45 + "\ny: " + "{a: " * 45 + "1" + "}" * 45 + "\n",
                                  "a: 1\nb: [2, 3]\n"])
def test_the_depth_walk_for_cards_without_aliases_finds_what_the_full_walk_finds(text):
    """Cards without an alias (no *) take a leaner walk that checks only the depth: same verdict, same line."""
    from yamlcore import CCoreLoader

    from migkg.cards.yamlfile import check_bounds

    loader = CCoreLoader(text)
    root = loader.get_single_node()
    loader.dispose()
    found = []
    for aliases in (True, False):
        try:
            check_bounds(root, Path("card.yaml"), aliases=aliases)
            found.append(None)
        except InputError as err:
            found.append(str(err))
    assert found[0] == found[1]
    assert (found[0] is None) == (text == "a: 1\nb: [2, 3]\n")
