"""Read YAML files keeping line numbers, and turn pydantic errors into located input errors.

Dates stay strings here (``2013-06-05``) so that a malformed date is reported by the
models with its field and line, not by the YAML parser without one.

Two readers, one meaning. ruamel's round-trip reader keeps the line of every node, which an
error message needs, but costs about 25 ms a card; libyaml (PyYAML's C parser) reads the same
card in under 1 ms. So a file is read with libyaml first (:func:`parse_yaml_text`), resolving
plain scalars exactly as ruamel's YAML 1.2 reader does (dates stay text; ``yes``/``on`` stay
text); anything where the two could differ (a duplicate key, an octal or float-looking
scalar, a tag, a merge key, a syntax error) is read by ruamel instead. The ruamel tree is read
again only to locate an error (:attr:`migkg.cards.release.LoadedRelease.located_tree`).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml as libyaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from migkg.errors import InputError, InputErrors, Location

Model = TypeVar("Model", bound=BaseModel)


class _DatesAsStrings(RoundTripConstructor):
    pass


_DatesAsStrings.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


class _NeedsRoundTrip(Exception):
    """The fast reader met something it might read differently from ruamel: let ruamel read it."""


_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
# anything YAML 1.1 or 1.2 might read as a number, a timestamp with a time, a merge key or a value key
_AMBIGUOUS = re.compile(r"""[-+]?[0-9._][0-9a-fA-FxobOB_.:eE+-]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|<<|=""")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Composer(getattr(libyaml, "CSafeLoader", libyaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser and composer, with every node's tag saying only how it was written.

    Scalars are then read by :func:`_plain_value` (YAML 1.2 core schema, dates as text),
    collections by :func:`_to_python`: faster than PyYAML's constructors, and no tag of
    theirs can read a value otherwise than ruamel would.
    """

    def resolve(self, kind: object, value: str, implicit: Any) -> str:
        if kind is libyaml.ScalarNode:
            return "plain" if implicit[0] else ("quoted" if implicit[1] else "tagged")
        return "" if implicit else "tagged"


def _plain_value(value: str) -> Any:
    """A plain scalar as ruamel's YAML 1.2 reader reads it here; :class:`_NeedsRoundTrip` where unsure."""
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _DECIMAL.fullmatch(value):
        return int(value)
    if _DATE.fullmatch(value):
        return value
    if _AMBIGUOUS.fullmatch(value):
        raise _NeedsRoundTrip
    return value


def _to_python(node: Any, made: dict[int, Any]) -> Any:
    done = made.get(id(node))
    if done is not None:
        return done  # an alias: the same object, as the constructors give it
    kind, tag = type(node), node.tag
    if kind is libyaml.ScalarNode:
        if tag == "plain":
            return _plain_value(node.value)
        if tag == "quoted":
            return node.value
        raise _NeedsRoundTrip
    if tag != "":
        raise _NeedsRoundTrip
    if kind is libyaml.MappingNode:
        mapping: dict[Any, Any] = {}
        made[id(node)] = mapping
        for key_node, value_node in node.value:
            key = _to_python(key_node, made)
            if type(key_node) is not libyaml.ScalarNode or key in mapping or isinstance(key, bool) \
                    or (key_node.tag == "plain" and key_node.value == "<<"):
                raise _NeedsRoundTrip  # a duplicate, complex or merge key: ruamel decides
            mapping[key] = _to_python(value_node, made)
        return mapping
    sequence: list[Any] = []
    made[id(node)] = sequence
    sequence.extend(_to_python(item, made) for item in node.value)
    return sequence


def parse_yaml_text(text: str, path: Path) -> Any:
    """Plain Python data from YAML text: libyaml where it reads as ruamel would, else ruamel."""
    loader = _Composer(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _to_python(node, {})
    except (_NeedsRoundTrip, libyaml.YAMLError, RecursionError):
        return parse_round_trip(text, path)
    finally:
        loader.dispose()


def _parser() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsStrings
    yaml.allow_duplicate_keys = False
    return yaml


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(Location(path), f"cannot be read ({err.strerror}).") from None
    return decode_text(path, data)


def decode_text(path: Path, data: bytes, fix: str = "save the file as UTF-8.") -> str:
    """A file's bytes as text, strictly UTF-8; an :class:`InputError` at the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(Location(path, line_of_offset(data, err.start)),
                         f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at byte offset {err.start}).",
                         fix) from None


def read_yaml(path: Path) -> Any:
    """Parse one YAML file keeping lines (a ruamel tree); syntax errors become an :class:`InputError` with the line."""
    return parse_round_trip(read_text(path), path)


def parse_round_trip(text: str, path: Path) -> Any:
    try:
        return _parser().load(text)
    except MarkedYAMLError as err:
        raise _syntax_error(path, err) from None
    except YAMLError as err:
        raise InputError(Location(path), f"is not valid YAML: {err}.") from None


def _syntax_error(path: Path, err: MarkedYAMLError) -> InputError:
    """A YAML syntax error at the line a person must fix.

    For an unclosed quote or ``{``/``[`` the parser notices only where it gives up, often at
    the end of the file; the line to fix is where the quote or bracket opened.
    """
    context = str(err.context or "")
    problem = " ".join(str(p) for p in (err.context, err.problem) if p)
    opened = context.startswith(("while scanning a quoted scalar", "while parsing a flow"))
    mark = err.context_mark if opened and err.context_mark is not None else (err.problem_mark or err.context_mark)
    line = mark.line + 1 if mark is not None else None
    if opened and err.problem_mark is not None:
        return InputError(Location(path, line), f"is not valid YAML: {problem} (the parser gave up at line "
                          f"{err.problem_mark.line + 1}).",
                          "close the quote, } or ] opened on this line; a value holding ', ' or ': ' inside "
                          "{...} must be in double quotes.")
    return InputError(Location(path, line), f"is not valid YAML: {problem}.",
                      "correct the YAML syntax at that line (indentation, quotes, colons).")


def is_located(tree: Any) -> bool:
    """Whether a tree knows its lines (a ruamel tree), or is plain data from the fast reader."""
    return isinstance(tree, (CommentedMap, CommentedSeq))


def line_of_offset(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


def line_of(tree: Any, path: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the node at ``path`` in a ruamel tree (the deepest one found)."""
    line = None
    node = tree
    for key in path:
        if isinstance(node, CommentedMap) and key in node:
            line = node.lc.key(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line = node.lc.item(key)[0] + 1
            node = node[key]
        else:
            break
    return line


def field_path(path: tuple[int | str, ...]) -> str:
    """``('statements', 3, 'speakers', 0)`` -> ``statements[3].speakers[0]``."""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def parse_model(model: type[Model], tree: Any, path: Path, prefix: tuple[int | str, ...] = ()) -> Model:
    """Validate a YAML tree against a pydantic model; every error names its field and line."""
    try:
        return model.model_validate(tree)
    except ValidationError as err:
        errors = []
        for detail in err.errors():
            loc = tuple(k for k in detail["loc"] if not (isinstance(k, str) and k.startswith("function-")))
            loc = _strip_union_tags(loc, tree, detail["type"])
            where = Location(path, line_of(tree, loc), field_path(prefix + loc) or None)
            errors.append(InputError(where, _explain(detail), _fix_for(detail)))
        raise (errors[0] if len(errors) == 1 else InputErrors(errors)) from None


def _strip_union_tags(loc: tuple[int | str, ...], tree: Any, error_type: str) -> tuple[int | str, ...]:
    """Keep the keys of ``loc`` that are in the data; drop pydantic's union-member tags.

    A key absent from the data is kept only when it is the last one of a ``missing`` error
    (the missing field itself) or of an ``extra_forbidden`` one (the unknown field).
    """
    kept: list[int | str] = []
    node = tree
    for position, key in enumerate(loc):
        last = position == len(loc) - 1
        in_data = (isinstance(node, dict) and key in node) or (isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node))
        if in_data:
            kept.append(key)
            node = node[key]
        elif last and error_type in ("missing", "extra_forbidden"):
            kept.append(key)
    return tuple(kept)


_TYPE_WORDS = {
    "dict_type": "a mapping (key: value) is expected here",
    "model_type": "a mapping (key: value) is expected here",
    "model_attributes_type": "a mapping (key: value) is expected here",
    "list_type": "a list is expected here",
    "string_type": "a text is expected here",
    "int_type": "a whole number is expected here",
    "int_parsing": "a whole number is expected here",
    "literal_error": "this value is not one of those allowed",
}

_FIXES = {
    "int_type": "write a whole number without quotes, e.g. count: 8.",
    "int_parsing": "write a whole number without quotes, e.g. count: 8.",
    "list_type": "write a list, e.g. [a, b] or one '- item' per line.",
    "string_type": "write a text; put it in double quotes if it holds ': ' or starts with a digit.",
}


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _explain(detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "is required but missing."
    if kind == "extra_forbidden":
        return "is not a known field."
    message = _TYPE_WORDS.get(kind) or str(detail["msg"]).removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        message = "is not written as expected"
    return f"{message} (got {_shown(detail.get('input'))})."


def _fix_for(detail: ErrorDetails) -> str | None:
    kind = detail["type"]
    key = detail["loc"][-1] if detail["loc"] else ""
    if kind == "missing":
        return "add this field (see docs/card-format.md)."
    if kind == "extra_forbidden":
        if not re.fullmatch(r"[a-z_]+", str(key)):
            return ("a ', ' or ': ' inside an unquoted value in {...} splits it into fields: put the whole "
                    "value in double quotes.")
        return "remove it or correct its spelling (see docs/card-format.md for the fields)."
    if kind in _FIXES:
        return _FIXES[kind]
    ctx = detail.get("ctx") or {}
    if "expected" in ctx:
        return f"use one of {ctx['expected']}."
    if kind == "string_pattern_mismatch" and "pattern" in ctx:
        return f"write it to match {ctx['pattern']} (see docs/card-format.md)."
    return "see docs/card-format.md for what this field takes."
